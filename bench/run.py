"""The scale benchmark: `make bench`, or

    .venv/bin/python bench/run.py --sizes 100 1000 5000 [--generator-only 10000] [--quick] [--work DIR] [--out NAME]

For each size N it writes a synthetic corpus of N fact sheets (bench/synthetic.py, seed 1) and measures:

- the generator (load, verify, index, render, write; both languages), in a fresh subprocess, and its peak
  memory (ru_maxrss);
- the site build (`mkdocs build --strict` per language, in parallel as `python -m generator site` runs them,
  then assembly and search indexing), per language and in total, from nothing;
- the build CI runs after a commit that edits one fact sheet: a cold generator with the state and pages the
  first build left (generator/reuse.py), then the site build with its render and page caches
  (generator/mkdocs_cache.py), and how many pages each step did again;
- the size of site/ (bytes and files);
- what a reader downloads for one search: Pagefind's entry file, one language's metadata, the index chunk and
  ten result fragments when the site has Pagefind; Material's search_index.json otherwise (both when present);
- the baseline: plain MkDocs + Material over the same generated pages with the default navigation (no `nav`,
  so every page is in it; no navigation.prune), both languages in parallel, and our build's speed-up over it;
- the edit latency while serving: time from rewriting one fact sheet to its rebuilt HTML page on disk, through
  the same rebuild the serve loop runs.

--quick skips the edited build, the baseline and the edit latency (for the test suite).
--generator-only N measures only the generator at further sizes (a site build at 10,000 sheets would take most of an
hour). Prints a Markdown table and writes bench/results/<name>.json (default: the sizes, e.g.
sizes-100-1000-5000-10000.json, or quick-20.json).
"""

from __future__ import annotations

import argparse
import concurrent.futures
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
sys.path[:0] = [str(REPO), str(BENCH)]

from synthetic import write_corpus  # noqa: E402

GENERATOR_PROBE = r"""
import json, resource, sys
from pathlib import Path
from generator.pipeline import BuildConfig, build
result = build(BuildConfig.for_repository(Path(sys.argv[1])))
print(json.dumps({"timings": result.timings, "pages": result.pages, "rendered": result.rendered,
                  "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


# What the CI build job keeps between runs (.github/workflows/ci.yml, actions/cache), under build/.
CI_CACHE = ("*/render-cache.json.gz", "*/page-cache", "generator-state.json", "*/docs")


def run_generator(root: Path, keep_caches: bool = False) -> dict:
    """Cold generator run in a subprocess (fresh interpreter, empty build/), as on a CI machine; with
    `keep_caches`, build/ keeps what CI restores (CI_CACHE)."""
    build, aside = root / "build", root / "build-kept"
    shutil.rmtree(aside, ignore_errors=True)
    for path in [path for pattern in CI_CACHE for path in build.glob(pattern)] if keep_caches else ():
        (aside / path.relative_to(build)).parent.mkdir(parents=True, exist_ok=True)
        path.rename(aside / path.relative_to(build))
    shutil.rmtree(build, ignore_errors=True)
    if aside.exists():
        aside.rename(build)
    started = time.perf_counter()
    proc = subprocess.run([sys.executable, "-c", GENERATOR_PROBE, str(root)], cwd=REPO, capture_output=True,
                          text=True, check=True)
    data = json.loads(proc.stdout.strip().splitlines()[-1])
    data["wall"] = time.perf_counter() - started
    data["total"] = sum(data["timings"].values())
    return data


def _search_indexer(build_dir: Path):
    from generator.cli import _search_indexer as indexer

    return indexer(build_dir)


def run_site(root: Path) -> dict:
    """Our site build (as `python -m generator site` runs it after generating), timed per language."""
    from generator import mkdocs_adapter

    durations: dict[str, float] = {}
    original = mkdocs_adapter._run_mkdocs

    def timed(config_file, cwd):
        started = time.perf_counter()
        try:
            return original(config_file, cwd)
        finally:
            durations[Path(config_file).parent.name] = time.perf_counter() - started

    indexer = _search_indexer(root / "build")
    indexing: dict[str, float] = {}

    def index(site_root, languages):
        started = time.perf_counter()
        indexer(site_root, languages)
        indexing["seconds"] = time.perf_counter() - started

    mkdocs_adapter._run_mkdocs = timed
    try:
        started = time.perf_counter()
        reuse = mkdocs_adapter.build_site(root / "build", root / "site", jobs=2, repo_root=root,
                                          before_publish=index)
        total = time.perf_counter() - started
    finally:
        mkdocs_adapter._run_mkdocs = original
    return {"per_language": durations, "search_index": indexing.get("seconds"), "total": total,
            "converted": {lang: r.converted for lang, r in reuse.items()},
            "reused": {lang: r.reused for lang, r in reuse.items()},
            "rendered": {lang: r.rendered for lang, r in reuse.items()},
            "pages_reused": {lang: r.pages_reused for lang, r in reuse.items()}}


def tree_size(directory: Path) -> tuple[int, int]:
    files = [p for p in directory.rglob("*") if p.is_file()]
    return sum(p.stat().st_size for p in files), len(files)


def search_download(site: Path) -> dict:
    """Bytes a reader fetches for one query, for each search engine the site has."""
    found: dict = {}
    pagefind = site / "pagefind"
    entry = pagefind / "pagefind-entry.json"
    if entry.is_file():
        data = json.loads(entry.read_text(encoding="utf-8"))
        per_language = {}
        for lang, info in (data.get("languages") or {}).items():
            meta = pagefind / f"pagefind.{info.get('hash')}.pf_meta"
            chunks = sorted((pagefind / "index").glob("*.pf_index")) if (pagefind / "index").is_dir() else []
            fragments = sorted((pagefind / "fragment").glob("*.pf_fragment")) \
                if (pagefind / "fragment").is_dir() else []
            chunk = max((p.stat().st_size for p in chunks), default=0)  # worst case: the largest chunk
            fragment = sum(sorted((p.stat().st_size for p in fragments), reverse=True)[:10])
            script = sum(p.stat().st_size for p in pagefind.glob("pagefind*.js")) + \
                sum(p.stat().st_size for p in pagefind.glob("wasm.*.pagefind"))
            per_language[lang] = {"entry": entry.stat().st_size, "meta": meta.stat().st_size if meta.exists() else 0,
                                  "largest_index_chunk": chunk, "ten_largest_fragments": fragment,
                                  "scripts_and_wasm": script,
                                  "one_query_total": entry.stat().st_size + (meta.stat().st_size if meta.exists()
                                                                             else 0) + chunk + fragment + script,
                                  "pages": info.get("page_count")}
        found["pagefind"] = per_language
    lunr = {}
    for index in [site / "search" / "search_index.json"] + sorted(site.glob("*/search/search_index.json")):
        if index.is_file():
            lang = "id" if index.parent.parent == site else index.parent.parent.name
            lunr[lang] = index.stat().st_size
    if lunr:
        found["material_search_index"] = lunr
    return found


def baseline_config(root: Path, lang: str) -> Path:
    """A plain MkDocs + Material config over build/<lang>/docs: default (automatic) navigation, no prune."""
    import yaml

    from generator.mkdocs_adapter import _load_base_config

    base = _load_base_config(root)
    features = [f for f in (base.get("theme") or {}).get("features", []) if f != "navigation.prune"]
    config = {
        "site_name": f"Baseline {lang}",
        "site_url": "https://example.invalid/",
        "docs_dir": str(root / "build" / lang / "docs"),
        "site_dir": str(root / "baseline" / lang),
        "theme": {"name": "material", "language": lang, "features": features},
        # The Markdown extensions the pages need, without the project's own speed-up, and Python-Markdown's own
        # abbr in place of the project's placeholder-safe one: plain MkDocs.
        "markdown_extensions": ["abbr" if e == "generator.markdown_abbr" else e for e in base.get("markdown_extensions")
                                if e != "generator.markdown_speedups"],
        "plugins": ["search"],
    }
    path = root / "baseline" / f"mkdocs-{lang}.yml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def run_baseline(root: Path, timeout: float) -> dict:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")

    def one(lang: str) -> tuple[str, float | None]:
        started = time.perf_counter()
        try:
            subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(baseline_config(root, lang))],
                           cwd=root, env=env, capture_output=True, check=True, timeout=timeout)
        except subprocess.TimeoutExpired:
            return lang, None
        return lang, time.perf_counter() - started

    started = time.perf_counter()
    with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
        per_language = dict(pool.map(one, ("id", "en")))
    total = time.perf_counter() - started
    shutil.rmtree(root / "baseline", ignore_errors=True)
    return {"per_language": per_language, "total": None if None in per_language.values() else total,
            "timeout": timeout}


def _edit_summary(text: str, words: str) -> str:
    """A fact sheet's text with words put before its Indonesian summary (shown on its meeting page)."""
    return re.sub(r"(summary:\n  id: )", lambda m: f"{m.group(1)}{words} ", text, count=1)


def run_edited_build(root: Path) -> dict:
    """The build CI runs after a commit that edits one fact sheet: a cold generator with the state and pages
    the last build left (generator/reuse.py), then the site build with the render and page caches
    (generator/mkdocs_cache.py): what CI restores (CI_CACHE)."""
    articles = sorted((root / "content" / "articles").glob("*.yaml"))
    article = articles[len(articles) // 2]
    text = article.read_text(encoding="utf-8")
    article.write_text(_edit_summary(text, "Diperbarui."), encoding="utf-8")
    try:
        generator = run_generator(root, keep_caches=True)
        site = run_site(root)
    finally:
        article.write_text(text, encoding="utf-8")
    return {"generator": generator["total"], "rendered": generator["rendered"], "site": site,
            "whole_build": generator["total"] + site["total"]}


EDITS = 5  # edits per size; the figure is their median (a single edit varies a lot on a shared machine)


def run_edit(root: Path) -> dict:
    """Rewrite fact sheets' summaries, one after another; time until each page's HTML on disk holds the change.

    Does what `make serve` does after an edit: the in-process generator with its state (warmed by the
    serve's first build) and the incremental rebuild (mkdocs_adapter._regenerate with incremental=True).
    The search index is updated after that, in the background, and is not part of the figure.
    Reports the median of EDITS edits of different fact sheets, and the fastest and slowest.
    """
    import argparse as _argparse
    import statistics

    from generator import mkdocs_adapter
    from generator.cli import in_process_generator

    articles = sorted((root / "content" / "articles").glob("*.yaml"))
    generate = in_process_generator(_argparse.Namespace(root=root, out=None, format="text"))
    generate()  # serve's first build fills its state (the site is already built)
    times, ok = [], True
    for n in range(EDITS):
        article = articles[(n + 1) * len(articles) // (EDITS + 1)]
        # Letters only: a summary's numbers must be the article's (verify.check_summary).
        marker = "EDIT" + "".join(chr(ord("a") + int(d)) for d in f"{n}{int(time.time())}")
        text = article.read_text(encoding="utf-8")
        page = root / "site" / "meetings" / article.stem / "index.html"
        # The summary's first line appears on the meeting page.
        changed = _edit_summary(text, marker)
        started = time.perf_counter()
        article.write_text(changed, encoding="utf-8")
        done = mkdocs_adapter._regenerate(root, root / "build", root / "site", None, 2, "https://example.invalid/",
                                          generate=generate, incremental=True)
        times.append(time.perf_counter() - started)
        ok = ok and done and page.is_file() and marker in page.read_text(encoding="utf-8")
        article.write_text(text, encoding="utf-8")
        for thread in mkdocs_adapter._indexing:  # the next edit starts after the search index caught up
            thread.join()
    return {"seconds": statistics.median(times), "fastest": min(times), "slowest": max(times), "edits": len(times),
            "ok": bool(ok),
            "path": "in-process generate with its state + mkdocs build --dirty per language + copy of changed files"}


def measure(size: int, work: Path, quick: bool, baseline_timeout: float, edit_max: int, baseline_max: int,
            generator_only: bool = False) -> dict:
    root = work / f"n{size}"
    if root.exists():
        shutil.rmtree(root)
    started = time.perf_counter()
    write_corpus(root, size, seed=1)
    result: dict = {"sheets": size, "corpus_seconds": time.perf_counter() - started}
    result["generator"] = run_generator(root)
    result["charts"] = run_charts(root)
    if generator_only:
        result["generator_only"] = True
        shutil.rmtree(root, ignore_errors=True)  # a large corpus and its pages: gigabytes of disk
        return result
    result["site"] = run_site(root)
    result["site"]["whole_build"] = result["generator"]["total"] + result["site"]["total"]
    result["site"]["generator_share"] = result["generator"]["total"] / result["site"]["whole_build"]
    result["output"] = dict(zip(("bytes", "files"), tree_size(root / "site")))
    result["search"] = search_download(root / "site")
    if not quick:
        result["edited"] = run_edited_build(root)
    if not quick and size <= edit_max:
        result["edit"] = run_edit(root)
    if not quick and size <= baseline_max:
        result["baseline"] = run_baseline(root, baseline_timeout)
        if result["baseline"]["total"]:
            result["baseline"]["ratio"] = result["baseline"]["total"] / result["site"]["total"]
    return result


def run_charts(root: Path) -> dict:
    """The cost of the charts (generator/charts.py) alone: every chart the pages of both languages draw, made
    again from the built index: the meetings per month, voters per polling station (the figures page, or each
    province's when it is split), each region's budget splits and figures over time."""
    from generator import charts, pages
    from generator.i18n import LANGUAGES
    from generator.index import build_index
    from generator.load import load_content
    from generator.render import Helpers

    index = build_index(load_content(root / "content", root))
    made, started = 0, time.perf_counter()
    for lang in LANGUAGES:
        h = Helpers(index, lang, "index.md")
        made += bool(charts.meetings_per_month(h, pages.meeting_months(index, h.fmt), index.content.elections))
        figures = pages._figures_values(index)["rows"]
        groups = pages._grouped(index, figures, lambda row: row.region.id)
        split = len(figures) > pages.FIGURE_ROWS_PER_PAGE
        for rows in ([rows for _, rows in groups] if split else [figures]):
            made += bool(charts.voters_per_station(h, rows))
        for region in index.content.regions:
            rows = index.figures_by_region.get(region.id, ())
            made += sum(bool(charts.budget_split(h, row)) for row in rows if row.budget_parts)
            made += len(charts.over_time(h, rows))
    seconds = time.perf_counter() - started
    return {"charts": made, "seconds": seconds, "per_chart_ms": 1000 * seconds / made if made else None}


def _s(value) -> str:
    return "—" if value is None else f"{value:.2f} s"


def _mb(value) -> str:
    return "—" if value is None else f"{value / 1e6:.1f} MB"


def table(results: list[dict]) -> str:
    rows: list[tuple[str, list[str]]] = []

    def add(label, fn):
        cells = []
        for r in results:
            try:
                cells.append(fn(r))
            except (KeyError, TypeError):
                cells.append("—")
        rows.append((label, cells))

    add("pages per language", lambda r: f"{r['generator']['pages']:,}")
    for stage in ("load", "verify", "index", "render", "write"):
        add(f"generator: {stage}", lambda r, s=stage: _s(r["generator"]["timings"][s]))
    add("generator: total (both languages)", lambda r: _s(r["generator"]["total"]))
    add("generator: peak memory", lambda r: f"{r['generator']['peak_rss_mb']:.0f} MB")
    add("charts (both languages): how many, time, per chart",
        lambda r: f"{r['charts']['charts']:,}, {_s(r['charts']['seconds'])}, {r['charts']['per_chart_ms']:.2f} ms")
    add("site build: id", lambda r: _s(r["site"]["per_language"].get("id")))
    add("site build: en", lambda r: _s(r["site"]["per_language"].get("en")))
    add("site build: search index (Pagefind, both languages)", lambda r: _s(r["site"]["search_index"]))
    add("site build: total (parallel, with assembly and search index)", lambda r: _s(r["site"]["total"]))
    add("whole build (generator + site)", lambda r: _s(r["site"]["whole_build"]))
    add("generator share of whole build", lambda r: f"{r['site']['generator_share']:.0%}")
    add("site/ size", lambda r: f"{_mb(r['output']['bytes'])}, {r['output']['files']:,} files")
    add("after editing one fact sheet: generator (pages rendered again per language)",
        lambda r: f"{_s(r['edited']['generator'])} ({r['edited']['rendered']:,} of {r['generator']['pages']:,})")
    add("after editing one fact sheet: MkDocs pages converted / rendered again (id)",
        lambda r: f"{r['edited']['site']['converted']['id']:,} / {r['edited']['site']['rendered']['id']:,} "
                  f"of {r['generator']['pages']:,}")
    add("after editing one fact sheet: site build (caches of the last build)",
        lambda r: _s(r["edited"]["site"]["total"]))
    add("after editing one fact sheet: whole build (generator + site, as CI runs it)",
        lambda r: _s(r["edited"]["whole_build"]))
    add("search download for one query (Pagefind, id)",
        lambda r: _mb(r["search"]["pagefind"]["id"]["one_query_total"]))
    add("search download for one query (Pagefind, en)",
        lambda r: _mb(r["search"]["pagefind"]["en"]["one_query_total"]))
    add("edit one fact sheet → HTML on disk (serve rebuild; median of 5, fastest–slowest)",
        lambda r: _s(r["edit"]["seconds"]) + f" ({r['edit']['fastest']:.2f}–{r['edit']['slowest']:.2f} s)"
        + ("" if r["edit"]["ok"] else " (change not seen)"))
    add("baseline: plain MkDocs + Material, default nav (parallel)",
        lambda r: _s(r["baseline"]["total"]) if r["baseline"]["total"] else
        f"> {r['baseline']['timeout']:.0f} s (stopped)")
    add("baseline ÷ our site build", lambda r: f"{r['baseline']['ratio']:.1f}×" if r["baseline"]["total"] else
        f"> {r['baseline']['timeout'] / r['site']['total']:.1f}×")
    heads = [f"{r['sheets']:,} sheets" + (" (generator only)" if r.get("generator_only") else "") for r in results]
    lines = ["| Measure | " + " | ".join(heads) + " |",
             "|---|" + "---:|" * len(results)]
    lines += [f"| {label} | " + " | ".join(cells) + " |" for label, cells in rows]
    return "\n".join(lines)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 5000], help="fact-sheet counts")
    parser.add_argument("--generator-only", type=int, nargs="*", default=[], metavar="N",
                        help="further sizes at which only the generator is measured (e.g. 10000)")
    parser.add_argument("--quick", action="store_true", help="skip the edited build, the baseline and the edit latency")
    parser.add_argument("--work", type=Path, help="where corpora are written (default: a temporary folder)")
    parser.add_argument("--out", help="result name in bench/results/ (default: from the sizes)")
    parser.add_argument("--baseline-timeout", type=float, default=900, help="seconds per baseline language build")
    parser.add_argument("--baseline-max", type=int, default=1000,
                        help="largest size to run the baseline at (it grows quadratically; default 1000)")
    parser.add_argument("--edit-max", type=int, default=1000,
                        help="largest size to measure the edit latency at (one more full rebuild; default 1000)")
    parser.add_argument("--table", type=Path, help="only print the table of a results JSON file")
    args = parser.parse_args(argv)
    if args.table:
        print(table(json.loads(args.table.read_text(encoding="utf-8"))["results"]))
        return 0
    work = args.work or Path(tempfile.mkdtemp(prefix="epd-bench-"))
    results = []
    try:
        runs = [(size, False) for size in args.sizes] + [(size, True) for size in args.generator_only]
        for size, generator_only in runs:
            print(f"bench: {size} fact sheets{' (generator only)' if generator_only else ''} ...", file=sys.stderr,
                  flush=True)
            results.append(measure(size, work, args.quick, args.baseline_timeout, args.edit_max,
                                   args.baseline_max, generator_only))
            print(table(results[-1:]), file=sys.stderr, flush=True)
    finally:
        if args.work is None:
            shutil.rmtree(work, ignore_errors=True)
    name = args.out or ("quick-" if args.quick else "sizes-") + "-".join(map(str, args.sizes + args.generator_only))
    out = BENCH / "results" / f"{name}.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    machine = {"cpus": os.cpu_count(), "python": sys.version.split()[0],
               "load_average_at_end": os.getloadavg() if hasattr(os, "getloadavg") else None}
    out.write_text(json.dumps({"machine": machine, "results": results}, indent=1, default=str) + "\n",
                   encoding="utf-8")
    print(table(results))
    print(f"\nwrote {out.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
