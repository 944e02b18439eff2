"""What hostile lists cost: `make bench` runs this after bench/run.py, or

    .venv/bin/python bench/hostile.py [--sheets 1000] [--copies 4000] [--work DIR]

On a synthetic corpus (bench/synthetic.py, seed 1) it times `check` and the generator (`generate`, from
nothing, in a fresh process) for:

- the corpus as it is;
- one statement given 4,000 copies of one topic (on main before issue 14 this passed check in about a second
  and then took 284 s to generate: the statement was rendered once per copy, each time with every copy's link);
  check must now refuse it, in about the time of reading it;
- one fact sheet whose every statement carries every topic of the registry (the most that check accepts): the
  generator's time must stay about the time of the clean corpus.

Prints a Markdown table and writes bench/results/hostile-<sheets>.json.
"""

from __future__ import annotations

import argparse
import json
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


def timed(root: Path, command: str) -> dict:
    """`python -m generator <command>` on a corpus, from an empty build/: seconds, exit code, last line."""
    shutil.rmtree(root / "build", ignore_errors=True)
    started = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "generator", "--root", str(root), command], cwd=REPO,
                          capture_output=True, text=True)
    seconds = time.perf_counter() - started
    lines = (proc.stderr or proc.stdout).strip().splitlines()
    return {"seconds": seconds, "exit": proc.returncode, "first_line": lines[0] if lines else "",
            "lines": len(lines)}


def first_statement_topics(sheet: Path, topics: list[str]) -> None:
    """Replace the topics of the sheet's first statement by `topics`."""
    text = sheet.read_text(encoding="utf-8")
    block = "  topics:\n" + "".join(f"  - {topic}\n" for topic in topics)
    sheet.write_text(re.sub(r"  topics:\n(?:  - [a-z0-9-]+\n)+", lambda m: block, text, count=1), encoding="utf-8")


def every_statement_topics(sheet: Path, topics: list[str]) -> None:
    text = sheet.read_text(encoding="utf-8")
    block = "  topics:\n" + "".join(f"  - {topic}\n" for topic in topics)
    sheet.write_text(re.sub(r"  topics:\n(?:  - [a-z0-9-]+\n)+", lambda m: block, text), encoding="utf-8")


def measure(sheets: int, work: Path, copies: int = 4000) -> dict:
    root = work / f"hostile-{sheets}"
    shutil.rmtree(root, ignore_errors=True)
    write_corpus(root, sheets, seed=1)
    registry = (root / "content" / "registry" / "topics.yaml").read_text(encoding="utf-8")
    topics = re.findall(r"^- id: ([a-z0-9-]+)$", registry, re.M)
    sheet = sorted((root / "content" / "articles").glob("*.yaml"))[0]
    original = sheet.read_text(encoding="utf-8")
    results = {"sheets": sheets, "topics": len(topics), "copies": copies,
               "clean": {"check": timed(root, "check"), "generate": timed(root, "generate")}}
    first_statement_topics(sheet, [topics[0]] * copies)
    results["duplicates"] = {"check": timed(root, "check"), "generate": timed(root, "generate")}
    sheet.write_text(original, encoding="utf-8")
    every_statement_topics(sheet, topics)
    results["all_topics"] = {"check": timed(root, "check"), "generate": timed(root, "generate")}
    shutil.rmtree(root, ignore_errors=True)
    return results


def table(results: dict) -> str:
    rows = [("the corpus as it is", results["clean"]),
            (f"one statement with {results['copies']:,} copies of one topic", results["duplicates"]),
            (f"one sheet whose every statement has all {results['topics']} topics", results["all_topics"])]
    lines = [f"| {results['sheets']:,} sheets | check | generate (from nothing) |", "|---|---|---|"]
    for label, runs in rows:
        cells = [f"{run['seconds']:.2f} s (exit {run['exit']})" for run in (runs["check"], runs["generate"])]
        lines.append(f"| {label} | " + " | ".join(cells) + " |")
    lines.append("")
    lines.append(f"check on the {results['copies']:,} copies says: {results['duplicates']['check']['first_line']}")
    return "\n".join(lines)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sheets", type=int, default=1000, help="fact sheets in the corpus (default 1000)")
    parser.add_argument("--copies", type=int, default=4000, help="copies of one topic in the hostile statement")
    parser.add_argument("--work", type=Path, help="where the corpus is written (default: a temporary folder)")
    args = parser.parse_args(argv)
    work = args.work or Path(tempfile.mkdtemp(prefix="epd-hostile-"))
    try:
        results = measure(args.sheets, work, args.copies)
    finally:
        if args.work is None:
            shutil.rmtree(work, ignore_errors=True)
    out = BENCH / "results" / f"hostile-{args.sheets}{'' if args.copies == 4000 else f'-{args.copies}'}.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
    print(table(results))
    print(f"\nwrote {out.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
