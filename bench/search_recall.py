"""Search quality before and after a change, in one run:

    .venv/bin/python bench/search_recall.py [--before REV] [--names-sheets 1000] [--sizes 100 1000 5000]
                                            [--work DIR] [--out NAME]

REV (default: origin/HEAD) is checked out in a git worktree beside this checkout. Each checkout builds, with its own
generator, templates and scripts:

- the seed site, on which every query of tests/search_queries.yaml (this checkout's, the same for both) is typed
  into the search box in headless Chromium, both languages: recall@5 per kind of query and language, and the
  queries one found and the other lost;
- a synthetic corpus of --names-sheets fact sheets (bench/synthetic.py, seed 1), searched for its people and
  places: a person's name, the name misspelt by one letter (swapped, left out, doubled or another vowel), a
  region's name, misspelt, its short name, and an agency branch named with that short name; the expected page
  is the region page that holds the person's or branch's entry;
- synthetic corpora of each --sizes (the --names-sheets one is reused), on which a few queries are searched in a
  fresh browser each: the bytes a reader downloads from /pagefind/ for one query (cold cache, as
  tests/search_metrics.py counts them) and the time to its results, cold and warm.

Prints Markdown tables and writes bench/results/<NAME>.json (default search-recall-<sizes>.json). At 5,000 sheets
the two site builds take most of the run (about ten minutes each on two cores).
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
sys.path[:0] = [str(REPO), str(REPO / "tests")]

from search_metrics import (_browser, by_kind, load_queries, run_queries,  # noqa: E402
                            search_download_bytes, served, summarize)

LANGS = ("id", "en")
VOWELS = "aiueo"


# ---------------------------------------------------------------- building

def _run(command: list[str], cwd: Path) -> None:
    proc = subprocess.run(command, cwd=cwd, capture_output=True, text=True)
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(command)} (in {cwd}) failed:\n{proc.stdout}\n{proc.stderr}")


def checkout(rev: str, work: Path) -> Path:
    """A worktree of `rev` under work/ (replaced if there)."""
    path = work / "before-src"
    subprocess.run(["git", "worktree", "remove", "--force", str(path)], cwd=REPO, capture_output=True)
    shutil.rmtree(path, ignore_errors=True)
    subprocess.run(["git", "worktree", "add", "--detach", "-q", str(path), rev], cwd=REPO, check=True)
    return path


def build_seed_site(src: Path, out: Path) -> Path:
    """The seed content's site, as `make site` builds it in checkout `src`."""
    started = time.perf_counter()
    _run([sys.executable, "-m", "generator", "site", "--site-dir", str(out)], src)
    print(f"  built {out} ({time.perf_counter() - started:.0f} s)", flush=True)
    return out


def build_corpus_site(src: Path, root: Path, sheets: int) -> Path:
    """A synthetic corpus of `sheets` fact sheets, written and built by checkout `src`; returns its root."""
    if not (root / "site" / "pagefind" / "pagefind-entry.json").exists():
        shutil.rmtree(root, ignore_errors=True)
        started = time.perf_counter()
        _run([sys.executable, "bench/synthetic.py", str(root), str(sheets)], src)
        _run([sys.executable, "-m", "generator", "--root", str(root), "site"], src)
        print(f"  built {root} ({time.perf_counter() - started:.0f} s)", flush=True)
    return root


# ---------------------------------------------------------------- queries of a synthetic corpus

def misspell(word: str, rng: random.Random) -> str:
    """The word with one letter wrong, never the first: two swapped, one left out, one doubled, another vowel."""
    inner = [i for i in range(1, len(word) - 1) if word[i] != word[i + 1]]
    kind = rng.choice(("swap", "drop", "double", "vowel"))
    if kind == "vowel" and any(c in VOWELS for c in word[1:]):
        i = rng.choice([i for i in range(1, len(word)) if word[i] in VOWELS])
        return word[:i] + rng.choice([v for v in VOWELS if v != word[i]]) + word[i + 1:]
    i = rng.choice(inner) if inner else len(word) - 2
    if kind == "swap":
        return word[:i] + word[i + 1] + word[i] + word[i + 2:]
    if kind == "drop":
        return word[:i] + word[i + 1:]
    return word[:i] + word[i] + word[i:]


def _misspelt_name(name: str, rng: random.Random) -> str:
    words = name.split()
    longest = max(range(len(words)), key=lambda i: len(words[i]))
    words[longest] = misspell(words[longest], rng)
    return " ".join(words)


def name_queries(root: Path, count: int = 40, seed: int = 20) -> list[dict]:
    """People and places of a synthetic corpus, as queries with the region page that must be in the top 5."""
    from generator.index import build_index
    from generator.load import load_content

    index = build_index(load_content(root / "content", root))
    rng = random.Random(seed)
    people = sorted((p for p in index.content.people if p.id in index.person_home), key=lambda p: p.id)
    regions = sorted((r for r in index.content.regions if r.kind != "province"), key=lambda r: r.id)
    queries = []
    for person in rng.sample(people, min(count, len(people))):
        expect = [f"regions/{index.person_home[person.id]}/"]
        queries.append({"q": person.name, "expect": expect, "kind": "person"})
        queries.append({"q": _misspelt_name(person.name, rng), "expect": expect, "kind": "person misspelt"})
    for region in rng.sample(regions, min(count, len(regions))):
        expect = [f"regions/{region.id}/"]
        queries.append({"q": region.name, "expect": expect, "kind": "place"})
        queries.append({"q": _misspelt_name(region.name, rng), "expect": expect, "kind": "place misspelt"})
        if region.short_names:
            queries.append({"q": region.short_names[0], "expect": expect, "kind": "place short name"})
            queries.append({"q": f"KPU {region.short_names[0]}", "expect": expect, "kind": "branch by short name"})
    return queries


def download_queries(root: Path) -> list[tuple[str, str]]:
    """A few queries of each kind for the download measurement: (lang, query)."""
    named = name_queries(root, count=2, seed=5)
    picked = [q["q"] for q in named if q["kind"] in ("person", "person misspelt", "place short name")]
    return [("id", q) for q in picked] + [("id", "mutakhir data pemilih"), ("id", "daftar pemilih tetap"),
                                          ("en", "mutakhir data pemilih"), ("en", picked[0])]


# ---------------------------------------------------------------- measuring

def recall_rows(browser, site: Path, queries: dict[str, list[dict]]) -> dict[str, list[dict]]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        with served(site) as url:
            return {lang: run_queries(page, url, lang, items) for lang, items in queries.items()}
    finally:
        context.close()


def downloads(browser, site: Path, queries: list[tuple[str, str]]) -> list[dict]:
    out = []
    with served(site) as url:
        for lang, q in queries:
            res = search_download_bytes(url, q, lang, browser=browser)
            out.append({"lang": lang, "q": q, "total": res["total"], "by_kind": res["by_kind"], "ms": res["ms"],
                        "results": res["results"]})
    return out


def warm_ms(browser, site: Path, queries: list[tuple[str, str]]) -> float:
    by_lang: dict[str, list[dict]] = {}
    for lang, q in queries:
        by_lang.setdefault(lang, []).append({"q": q, "expect": [], "kind": ""})
    rows = recall_rows(browser, site, by_lang)
    return statistics.median(r["ms"] for lang in rows for r in rows[lang])


# ---------------------------------------------------------------- report

def _recall(rows: list[dict]) -> str:
    s = summarize(rows)
    return f"{s['recall']:.2f}" if rows else "–"


def report(results: dict) -> str:
    lines = [f"# Search recall@5, before ({results['before']}) and after ({results['after']})", ""]
    for title, key in (("Seed site, tests/search_queries.yaml", "seed"),
                       (f"Synthetic corpus of {results['names_sheets']:,} sheets: people and places", "names")):
        lines += [f"## {title}", "", "| Kind of query | Language | Queries | Before | After |", "|---|---|---:|---:|---:|"]
        for lang in results[key]["after"]:
            after, before = results[key]["after"][lang], results[key]["before"][lang]
            kinds = list(by_kind(after))
            for kind in kinds + ["all"]:
                a = [r for r in after if kind in ("all", r["kind"])]
                b = [r for r in before if kind in ("all", r["kind"])]
                label = f"**{kind}**" if kind == "all" else kind
                lines.append(f"| {label} | {lang} | {len(a)} | {_recall(b)} | {_recall(a)} |")
        lines.append("")
        for lang in results[key]["after"]:
            pairs = list(zip(results[key]["before"][lang], results[key]["after"][lang]))
            lost = [b["q"] for b, a in pairs if b["hit"] and not a["hit"]]
            gained = [a["q"] for b, a in pairs if a["hit"] and not b["hit"]]
            missed = [f"{a['q']} -> {a['top5']}" for b, a in pairs if not a["hit"]]
            lines.append(f"- {lang}: {len(gained)} found only after, {len(lost)} lost: {lost or 'none'}")
            if missed:
                lines.append(f"  - still missed after: {missed}")
        lines.append("")
    lines += ["## Download per query and time to results", "",
              "Bytes from /pagefind/ for one query in a fresh browser (uncompressed, as served by a plain static "
              "server; Pagefind's own files are gzip already), median and largest over the queries; the lexicon "
              "(epd-vocabulary) is part of it. Cold: the first search after opening a page; warm: the median of "
              "the same queries typed one after another.", "",
              "| Sheets | Build | Median bytes | Largest | Lexicon | Cold ms (median) | Warm ms (median) |",
              "|---:|---|---:|---:|---:|---:|---:|"]
    for size in results["sizes"]:
        for label in ("before", "after"):
            d = results["download"][str(size)][label]
            totals = [r["total"] for r in d["queries"]]
            lexicon = max(r["by_kind"].get("vocabulary", 0) for r in d["queries"])
            lines.append(f"| {size:,} | {label} | {statistics.median(totals):,.0f} | {max(totals):,} | "
                         f"{lexicon:,} | {statistics.median(r['ms'] for r in d['queries']):.0f} | {d['warm_ms']:.0f} |")
    lines += ["", "Per query (after):", ""]
    for size in results["sizes"]:
        for r in results["download"][str(size)]["after"]["queries"]:
            lines.append(f"- {size:,} sheets, [{r['lang']}] {r['q']!r}: {r['total']:,} bytes, {r['ms']:.0f} ms, "
                         f"{r['results']} results shown")
    return "\n".join(lines) + "\n"


def slim(results: dict) -> dict:
    """The results as written to bench/results: recall per kind of query, and the queries each build missed with
    the five pages it showed (the Markdown report beside it lists those found only after and those lost)."""
    out = {k: v for k, v in results.items() if k not in ("seed", "names")}
    for key in ("seed", "names"):
        out[key] = {label: {lang: {"by_kind": {kind: {"n": s["n"], "recall": round(s["recall"], 3)}
                                               for kind, s in by_kind(rows).items()},
                                   "missed": [[row["q"], row["top5"]] for row in rows if not row["hit"]]}
                            for lang, rows in by_lang.items()}
                    for label, by_lang in results[key].items()}
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--before", default="origin/HEAD", help="the revision to compare with")
    parser.add_argument("--names-sheets", type=int, default=1000)
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 5000])
    parser.add_argument("--work", type=Path, default=Path("/tmp/epd-search-recall"))
    parser.add_argument("--out", default=None)
    args = parser.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    before_rev = subprocess.run(["git", "rev-parse", "--short", args.before], cwd=REPO, capture_output=True,
                                text=True, check=True).stdout.strip()
    after_rev = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True, text=True,
                               check=True).stdout.strip()
    dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=REPO, capture_output=True,
                           text=True).stdout.strip()
    sources = {"before": checkout(args.before, args.work), "after": REPO}
    results: dict = {"before": before_rev, "after": after_rev + ("+changes" if dirty else ""),
                     "names_sheets": args.names_sheets, "sizes": args.sizes, "seed": {}, "names": {}, "download": {}}
    print("building the seed sites", flush=True)
    seed_sites = {label: build_seed_site(src, args.work / f"{label}-seed") for label, src in sources.items()}
    sizes = sorted(set(args.sizes) | {args.names_sheets})
    corpora = {}
    for size in sizes:
        print(f"building the {size:,}-sheet sites", flush=True)
        corpora[size] = {label: build_corpus_site(src, args.work / f"{label}-{size}", size)
                         for label, src in sources.items()}
    queries = load_queries()
    names = {"id": name_queries(corpora[args.names_sheets]["after"]),
             "en": name_queries(corpora[args.names_sheets]["after"])[::4]}
    with _browser() as browser:
        for label in ("before", "after"):
            print(f"searching ({label})", flush=True)
            results["seed"][label] = recall_rows(browser, seed_sites[label], queries)
            results["names"][label] = recall_rows(browser, corpora[args.names_sheets][label] / "site", names)
        for size in args.sizes:
            picked = download_queries(corpora[size]["after"])
            results["download"][str(size)] = {
                label: {"queries": downloads(browser, corpora[size][label] / "site", picked),
                        "warm_ms": warm_ms(browser, corpora[size][label] / "site", picked)}
                for label in ("before", "after")}
    subprocess.run(["git", "worktree", "remove", "--force", str(sources["before"])], cwd=REPO, capture_output=True)
    text = report(results)
    print(text)
    out = BENCH / "results" / f"{args.out or 'search-recall-' + '-'.join(map(str, args.sizes))}.json"
    out.write_text(json.dumps(slim(results), indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    out.with_suffix(".md").write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
