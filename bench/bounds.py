"""What a pull request's text can make `check` and `new` do: `make bench` runs this after bench/hostile.py, or

    .venv/bin/python bench/bounds.py [--check-sizes 0.5 1 2] [--new-sizes 256 1024 1900] [--only check sentences quotes]

Each row is one command in a fresh process on a copy of tests/drafting/tree, timed in CPU seconds (the child's
user and system time, so other work on the machine does not count), at two or three sizes so that the growth
with size shows:

- check: one fact sheet whose archived text is made MiB long (the tree's five articles, repeated) and which
  cites 160 passages per MiB that the text does not hold, each a stretch of the text with one word changed. Every
  one of them gets a hint that points at the nearest text (issue 27: each built a difflib matcher over the whole
  article, 0.45 s for a 2 MB text, so a 2 MiB sheet of them ran for hours);
- new, short sentences: an article whose one paragraph is KiB of short sentences that each state a number of
  polling stations ('Di desa 17 ada 40 TPS.'): every sentence is a figure, and each figure's sentence was found by
  searching the paragraph again (18 KB took 33 s, 1.9 MB was killed after 200 s);
- new, quotation marks: an article whose one paragraph is KiB of short quotes ('"Kami siap amankan TPS," ujar
  Rahmat.'): every quote was a statement, each found its speaker by re-reading the rest of the paragraph and its
  id by trying -2, -3, ... (50,000 marks: 24 minutes and 25,000 statements, where a sheet holds at most 500).

Prints a Markdown table and writes bench/results/bounds.json.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
TREE = REPO / "tests" / "drafting" / "tree"
SHEET = "2024-11-08-rawa-indah-rakor-netralitas-kades"  # the tree's sheet whose text check is given
MIB = 1024 * 1024
WRONG_PER_MIB = 160

# The first paragraph of the drafted articles: a dateline, a region the tree knows and a meeting, so that `new`
# reads on to the hostile paragraph; its id is no sheet's of the tree.
HEAD = ("SUARA RAWA – Pemerintah Kabupaten Rawa Indah menggelar rapat koordinasi pengamanan Pilkada 2024 di Aula "
        "Kecamatan Tugu Mulya, Senin (4/11/2024).\nRakor dipimpin Ketua KPU Kabupaten Rawa Indah Rahmat Hidayat.\n")


def run(root: Path, *args: str) -> dict:
    """`python -m generator --root ROOT ARGS` in a child process: CPU and wall seconds, exit code, first line."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "generator", "--root", str(root), *args], cwd=REPO,
                          capture_output=True, text=True)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    lines = (proc.stdout + proc.stderr).strip().splitlines()
    return {"cpu": round(cpu, 2), "wall": round(wall, 2), "exit": proc.returncode,
            "first_line": lines[0] if lines else "", "lines": len(lines),
            "cut_short": sum("stopped looking for the nearest text" in line for line in lines)}


def fresh_tree(work: Path, name: str) -> Path:
    root = work / name
    shutil.rmtree(root, ignore_errors=True)
    shutil.copytree(TREE / "content", root / "content")
    return root


def big_text(size: int) -> str:
    """The tree's five articles, their paragraphs repeated in turn, up to `size` bytes."""
    paragraphs = [p for source in sorted((TREE / "content" / "sources").glob("*.txt"))
                  for p in source.read_text(encoding="utf-8").split("\n") if p.strip()]
    lines, length, i = [], 0, 0
    while length + len(paragraphs[i % len(paragraphs)].encode("utf-8")) + 1 <= size:
        lines.append(paragraphs[i % len(paragraphs)])
        length += len(lines[-1].encode("utf-8")) + 1
        i += 1
    return "\n".join(lines) + "\n"


def wrong_passages(text: str, count: int, seed: int = 1) -> list[str]:
    """`count` stretches of 12 words of the text, each with its seventh word replaced: nearly the text."""
    words = text.split()
    chosen = random.Random(seed)
    found = []
    while len(found) < count:
        at = chosen.randrange(len(words) - 12)
        stretch = words[at:at + 12]
        stretch[6] = f"keliru{len(found)}"
        found.append(" ".join(stretch))
    return found


def measure_check(work: Path, mib: float) -> dict:
    root = fresh_tree(work, f"check-{mib}")
    sheet = root / "content" / "articles" / f"{SHEET}.yaml"
    source = root / "content" / "sources" / "fx-new-5.txt"
    text = source.read_text(encoding="utf-8")
    text += big_text(int(mib * MIB) - len(text.encode("utf-8")) - 1)
    source.write_text(text, encoding="utf-8")
    count = int(mib * WRONG_PER_MIB)
    entries = "".join(f"  - position: para camat\n    group: true\n    evidence: {json.dumps(passage)}\n"
                      for passage in wrong_passages(text, count))
    yaml_text = sheet.read_text(encoding="utf-8")
    sheet.write_text(yaml_text.replace("\nattendance:\n", "\nattendance:\n" + entries, 1), encoding="utf-8")
    result = run(root, "check")
    result.update({"size_bytes": len(text.encode("utf-8")), "wrong_passages": count})
    shutil.rmtree(root, ignore_errors=True)
    return result


def numbered_sentences(size: int) -> str:
    parts, length, n = [], 0, 0
    while length < size:
        parts.append(f"Di desa {n + 1} ada {n % 90 + 10} TPS.")
        length += len(parts[-1]) + 1
        n += 1
    return " ".join(parts)


def quotations(size: int) -> str:
    parts, length = [], 0
    while length < size:
        parts.append('"Kami siap amankan TPS," ujar Rahmat.')
        length += len(parts[-1]) + 1
    return " ".join(parts)


def measure_new(work: Path, kib: int, kind: str) -> dict:
    root = fresh_tree(work, f"new-{kind}-{kib}")
    paragraph = numbered_sentences(kib * 1024) if kind == "sentences" else quotations(kib * 1024)
    article = root / "article.txt"
    article.write_text(HEAD + paragraph + "\n", encoding="utf-8")
    result = run(root, "new", str(article))
    drafts = sorted((root / "content" / "articles").glob("2024-11-04-*.yaml"))
    written = drafts[0].read_text(encoding="utf-8") if drafts else ""
    result.update({"size_bytes": len(article.read_bytes()),
                   "statements": written.split("\nfigures:\n")[0].count("\n  - id: ") if written else None,
                   "figures": written.split("\nfigures:\n")[1].count("\n  - id: ") if "\nfigures:\n" in written
                   else 0})
    shutil.rmtree(root, ignore_errors=True)
    return result


def table(results: dict) -> str:
    lines = ["| command | input | size | CPU seconds | exit | written |", "|---|---|---|---|---|---|"]
    for row in results.get("check", []):
        lines.append(f"| check | {row['wrong_passages']} passages not in the text | {row['size_bytes'] / MIB:.2f} MiB "
                     f"| {row['cpu']:.2f} | {row['exit']} | {row['lines']} lines, {row['cut_short']} hints cut short |")
    for kind, label in (("new_sentences", "short numbered sentences"), ("new_quotes", "quotations")):
        for row in results.get(kind, []):
            lines.append(f"| new | one paragraph of {label} | {row['size_bytes'] / 1024:,.0f} KiB | {row['cpu']:.2f} "
                         f"| {row['exit']} | {row['statements']} statements, {row['figures']} figures |")
    return "\n".join(lines)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check-sizes", type=float, nargs="+", default=[0.5, 1, 2],
                        help="sizes of the archived text for check, in MiB (default 0.5 1 2)")
    parser.add_argument("--new-sizes", type=int, nargs="+", default=[256, 1024, 1900],
                        help="sizes of the hostile paragraph for new, in KiB (default 256 1024 1900)")
    parser.add_argument("--only", nargs="+", choices=("check", "sentences", "quotes"),
                        default=("check", "sentences", "quotes"), help="which rows (default all)")
    parser.add_argument("--out", type=Path, default=BENCH / "results" / "bounds.json")
    parser.add_argument("--work", type=Path, help="where the trees are written (default: a temporary folder)")
    args = parser.parse_args(argv)
    work = args.work or Path(tempfile.mkdtemp(prefix="epd-bounds-"))
    results: dict = {}
    try:
        if "check" in args.only:
            results["check"] = [measure_check(work, mib) for mib in args.check_sizes]
        for kind in ("sentences", "quotes"):
            if kind in args.only:
                results[f"new_{kind}"] = [measure_new(work, kib, kind) for kib in args.new_sizes]
    finally:
        if args.work is None:
            shutil.rmtree(work, ignore_errors=True)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
    print(table(results))
    print(f"\nwrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
