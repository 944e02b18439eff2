#!/usr/bin/env python3
"""How much of a hand-made fact sheet `new` proposes, and whether it ever proposes a passage the text lacks.

For every fact sheet of a content tree (the repository's seeds, the test fixtures' fictional articles,
tests/drafting/tree, five fictional articles written for this measure by someone who had not read the rules, and
tests/drafting/timing, the timing article of tests/timing with a contributor's reference sheet): copy the tree,
remove the sheet, its archived text and the people only it names, run `new` on the text, and compare the draft
with the hand-made sheet. For the timing corpus the meeting's region, its agencies and places go too: the
contributor drafted it in a clone whose registries knew none of them, as the next one to bring a new regency will.


* people: the hand-made sheet's named attendees and speakers the draft lists (by name);
* quotes: its direct quotes the draft proposes word for word, and how many of those have the right speaker;
* figures: its figures the draft proposes with the same kind and value;
* date: whether the draft's meeting date is the hand-made one; published: its publication date, for the sheets
  that give one;
* invented: passages the draft copies (evidence, quotes, and every field check holds to the text: the meeting's
  name, date as stated, venue, posts, figures as stated, the dateline) that are not in the text. This must be 0.
* region: whether the draft's meeting region is the hand-made one; headline, byline, partial: the source fields
  the hand-made sheet gives (the headline, the byline, `archive: partial`) that the draft gives alike;
* not named: people (by name), regions and branches the draft proposes that the hand-made sheet does not name.
  This must be 0; so must refusals of an article whose region the gazetteer knows.
* typed: characters a contributor types to turn the draft into the hand-made sheet (difflib's inserted and
  replacing text; deleting a review line is not typing), against typing the whole sheet by hand: a proxy for the
  contributor's time, since translations, paraphrases and the summary are still theirs to write.

Not a timed test: `python bench/new_recall.py [--corpus seed fixtures blind timing tuning heldout] [--drafts DIR]` prints a
Markdown table (and with --drafts keeps each draft, named after the hand-made sheet, to read beside it).
"""

from __future__ import annotations

import argparse
import difflib
import shutil
import sys
import tempfile
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator import draft as drafting  # noqa: E402
from generator.load import read_content  # noqa: E402
from generator.verify import normalise  # noqa: E402


def people_named(sheet) -> set[str]:
    ids = {a.person for a in sheet.attendance if a.person}
    ids |= {s.speaker for s in sheet.statements if s.speaker}
    return ids


def values_in(value):
    """Every string a sheet holds, at any depth (the ids it refers to among them)."""
    if isinstance(value, dict):
        for item in value.values():
            yield from values_in(item)
    elif isinstance(value, list):
        for item in value:
            yield from values_in(item)
    elif isinstance(value, str):
        yield value


def remove_entries(content_dir: Path, file_name: str, key: str, gone) -> None:
    """The registry file without the entries for which `gone(entry)` holds (its comments go too)."""
    path = content_dir / "registry" / file_name
    if not path.exists():
        return
    lines = path.read_text(encoding="utf-8").split("\n", 1)
    data = yaml.safe_load(lines[1])
    data[key] = [entry for entry in data.get(key) or [] if not gone(entry)]
    path.write_text(lines[0] + "\n" + yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def remove_people(content_dir: Path, gone: set[str]) -> None:
    remove_entries(content_dir, "people.yaml", "people", lambda person: person["id"] in gone)


def forget_region(content_dir: Path, region: str) -> None:
    """The registries as before the region was added: without it, its agencies and its places."""
    remove_entries(content_dir, "regions.yaml", "regions", lambda entry: entry["id"] == region)
    remove_entries(content_dir, "agencies.yaml", "agencies", lambda entry: entry["region"] == region)
    remove_entries(content_dir, "places.yaml", "places", lambda entry: entry["region"] == region)


GAZETTEER = ROOT / "content" / "registry" / "gazetteer.yaml"


def with_gazetteer(tree: Path, scratch: Path) -> Path:
    """A copy of a drafting set whose registries read the repository's gazetteer (the sets keep no copy)."""
    shutil.copytree(tree / "content", scratch / "content")
    shutil.copyfile(GAZETTEER, scratch / "content" / "registry" / "gazetteer.yaml")
    return scratch


def measure(tree: Path, label: str, verbose: bool = False, new_region: bool = False,
            drafts: Path | None = None) -> list[dict]:
    if not (tree / "content" / "registry" / "gazetteer.yaml").exists():
        with tempfile.TemporaryDirectory() as scratch:
            return measure(with_gazetteer(tree, Path(scratch)), label, verbose, new_region, drafts)
    content = read_content(tree / "content", tree).content
    names = {p.id: p.name for p in content.people}
    rows = []
    for sheet in content.sheets:
        text = content.sources[sheet.source.file]
        others = set().union(*(people_named(s) for s in content.sheets if s.id != sheet.id))
        with tempfile.TemporaryDirectory() as scratch:
            scratch = Path(scratch)
            shutil.copytree(tree / "content", scratch / "content")
            (scratch / "content" / "articles" / f"{sheet.id}.yaml").unlink()
            (scratch / "content" / "sources" / sheet.source.file).unlink()
            remove_people(scratch / "content", people_named(sheet) - others)
            if new_region:
                forget_region(scratch / "content", sheet.meeting.region)
            article = scratch / "article.txt"
            article.write_text(text, encoding="utf-8")
            hand_yaml = (tree / "content" / "articles" / f"{sheet.id}.yaml").read_text(encoding="utf-8")
            try:
                made = drafting.new(scratch, article, url=sheet.source.url)
                outlet_given = False
            except drafting.NewError:
                try:
                    made = drafting.new(scratch, article, url=sheet.source.url, outlet=sheet.source.outlet)
                except drafting.NewError as refusal:
                    rows.append({"corpus": label, "sheet": sheet.id, "refused": str(refusal)})
                    continue
                outlet_given = True
            draft_yaml = (scratch / "content" / "articles" / f"{made.sheet_id}.yaml").read_text(encoding="utf-8")
            if drafts is not None:
                drafts.mkdir(parents=True, exist_ok=True)
                (drafts / f"{label}-{sheet.id}.yaml").write_text(draft_yaml, encoding="utf-8")
            loaded = read_content(scratch / "content", scratch)
            drafted = loaded.content
            for problem in loaded.problems if verbose else ():
                if problem.field != "review":
                    print(f"{sheet.id}: {problem}", file=sys.stderr)
        draft_sheet = yaml.safe_load(draft_yaml)
        draft_names = {p.id: p.name for p in drafted.people}
        proposed_people = {draft_names.get(a.fields["person"]) for a in made.attendance if "person" in a.fields}
        wanted_people = {names[p] for p in people_named(sheet)}
        quotes = {normalise(s.quote).rstrip(" ,.") : names.get(s.speaker) for s in sheet.statements if s.quote}
        draft_quotes = {normalise(s.fields["quote"]).rstrip(" ,."): draft_names.get(s.fields.get("speaker"))
                        for s in made.statements}
        right_speaker = sum(1 for q, who in quotes.items() if q in draft_quotes and draft_quotes[q] == who)
        figures = {(f.kind, f.value) for f in sheet.figures if f.value is not None}
        draft_figures = {(f.fields["kind"], f.fields.get("value")) for f in made.figures}
        # Proposed and not named by the hand-made sheet: people (by name), regions, and branches (every branch
        # a sheet names is in its set's registry, so a new one is a branch or an agency kind the text does not name)
        invented_people = sorted(n for n in proposed_people - {names[p] for p in people_named(sheet)} if n)
        named = set(values_in(yaml.safe_load(hand_yaml)))
        invented_regions = sorted(e.fields["id"] for e in made.registry.get("regions.yaml", ())
                                  if e.fields["id"] not in named)
        invented_agencies = sorted(e.fields["id"] for e in made.registry.get("agencies.yaml", ())
                                   if e.fields["id"] not in named)
        source_fields = [(key, getattr(sheet.source, key)) for key in ("headline", "byline", "archive")
                         if getattr(sheet.source, key) not in (None, "complete")]
        plain = normalise(text)
        invented = [p for p in drafting.copied_passages(draft_sheet) if normalise(p) not in plain]
        matcher = difflib.SequenceMatcher(None, draft_yaml, hand_yaml, autojunk=False)
        typed = sum(j2 - j1 for op, i1, i2, j1, j2 in matcher.get_opcodes() if op in ("replace", "insert"))
        rows.append({
            "corpus": label, "sheet": sheet.id + (" (--outlet)" if outlet_given else ""),
            "people": (len(wanted_people & proposed_people), len(wanted_people)),
            "quotes": (len(quotes.keys() & draft_quotes.keys()), len(quotes)),
            "speaker": (right_speaker, len(quotes.keys() & draft_quotes.keys())),
            "figures": (len(figures & draft_figures), len(figures)),
            "date": (int(str(draft_sheet["meeting"].get("date")) == sheet.meeting.date.text), 1),
            "published": (int(str(draft_sheet["source"].get("published")) == str(sheet.source.published)),
                          1) if sheet.source.published else (0, 0),
            "region": (int(draft_sheet["meeting"].get("region") == sheet.meeting.region), 1),
            "source": (sum(1 for key, value in source_fields if draft_sheet["source"].get(key) == value),
                       len(source_fields)),
            "not named": invented_people + invented_regions + invented_agencies,
            "invented": invented, "edit": (typed, len(hand_yaml)),
        })
    return rows


def share(pair: tuple[int, int]) -> str:
    done, total = pair
    return f"{done}/{total}" + (f" ({done / total:.0%})" if total else "")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", nargs="+", choices=CORPORA, default=list(CORPORA),
                        help="seed: the repository's sheets; fixtures: the tests' model tree; blind: "
                             "tests/drafting/tree, written without reading the drafting rules; timing: "
                             "tests/drafting/timing, the timing article drafted with its region unknown; tuning and "
                             "heldout: tests/drafting/tuning and tests/drafting/heldout, articles modelled on real "
                             "reporting from many provinces over the national gazetteer (heldout: not tuned on)")
    parser.add_argument("--drafts", type=Path, help="keep each draft in this folder")
    parser.add_argument("-v", action="store_true", help="print the problems, other than review marks, that check finds in each draft")
    args = parser.parse_args(argv)
    rows = []
    if "seed" in args.corpus:
        rows += measure(ROOT, "seed", args.v, drafts=args.drafts)
    if "fixtures" in args.corpus:
        sys.path.insert(0, str(ROOT / "tests"))
        from model_fixtures import write_model_tree
        with tempfile.TemporaryDirectory() as tmp:
            rows += measure(write_model_tree(Path(tmp)), "fixtures", args.v, drafts=args.drafts)
    if "blind" in args.corpus:
        rows += measure(ROOT / "tests" / "drafting" / "tree", "blind", args.v, drafts=args.drafts)
    if "timing" in args.corpus:
        rows += measure(ROOT / "tests" / "drafting" / "timing", "timing", args.v, new_region=True, drafts=args.drafts)
    for label in ("tuning", "heldout"):
        if label in args.corpus:
            rows += measure(ROOT / "tests" / "drafting" / label, label, args.v, drafts=args.drafts)
    print(table(rows))
    for row in rows:
        for passage in row.get("invented", ()):
            print(f"invented in {row['sheet']}: {passage!r}", file=sys.stderr)
        for name in row.get("not named", ()):
            print(f"proposed in {row['sheet']}, not named by its sheet: {name!r}", file=sys.stderr)
        if "refused" in row:
            print(f"refused {row['sheet']}: {row['refused']}", file=sys.stderr)
    return 1 if any(row.get("invented") or "refused" in row for row in rows) else 0


KEYS = ("people", "quotes", "speaker", "figures", "date", "published", "region", "source")


def table(rows: list[dict]) -> str:
    """The Markdown table: a line per sheet, then a line of totals per corpus."""
    lines = ["| corpus | sheet | people | quotes | right speaker | figures | date | published | region "
             "| headline, byline, partial | not named | invented | typed / by hand |",
             "|---|---|---|---|---|---|---|---|---|---|---|---|---|"]
    for row in rows:
        if "refused" in row:
            lines.append(f"| {row['corpus']} | {row['sheet']} | refused |" + " |" * 10)
            continue
        edit = f"{row['edit'][0]:,} / {row['edit'][1]:,} chars"
        lines.append(f"| {row['corpus']} | {row['sheet']} | " + " | ".join(share(row[k]) for k in KEYS)
                     + f" | {len(row['not named'])} | {len(row['invented'])} | {edit} |")
    for label in dict.fromkeys(r["corpus"] for r in rows):
        part = [r for r in rows if r["corpus"] == label and "refused" not in r]
        refused = sum(1 for r in rows if r["corpus"] == label and "refused" in r)
        totals = {k: (sum(r[k][0] for r in part), sum(r[k][1] for r in part)) for k in (*KEYS, "edit")}
        lines.append(f"| **{label}, all {len(part) + refused}** | {refused} refused | "
                     + " | ".join(share(totals[k]) for k in KEYS)
                     + f" | {sum(len(r['not named']) for r in part)} | {sum(len(r['invented']) for r in part)} "
                     f"| {totals['edit'][0]:,} / {totals['edit'][1]:,} chars |")
    return "\n".join(lines)


CORPORA = ("seed", "fixtures", "blind", "timing", "tuning", "heldout")


if __name__ == "__main__":
    sys.exit(main())
