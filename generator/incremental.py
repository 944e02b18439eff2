"""Which pages an edit can change: only those are rendered again.

affected_pages(old, new) compares two indexes built from successive loads. The loader's cache hands back the
same record objects for files that did not change, so a changed fact sheet is one whose record is not the
same object. The answer is a set of page paths, or None when everything must be rendered again: a registry
or an archived text changed, many fact sheets changed, or a person's entry moved to another region (every
link to that person changes).

The rules below follow the templates and pages.py: a fact sheet shows on its meeting page, its month's
pages, its region's and province's pages, the pages holding the entries of its people and agencies, the
people pages of their initials, the pages of its agencies' kinds and its topics (and their parts for its
province), its province's figures, and on the overview and index pages, which are re-rendered whenever any
fact sheet changes.

`make serve` compares the indexes of its last two loads (pipeline.build with a BuildState). A build in a new
process (`make site`, CI) compares with what the last build left in build/generator-state.json (state,
read_state, affected_since):

- a stamp of everything but the fact sheets: the generator's code, templates and catalogs, the versions of
  Python, Jinja2, MarkupSafe, Babel and PyYAML, the registries, the archived texts, the site URL and the
  languages;
- a digest of each fact sheet, with the pages it showed on;
- where each person's entry was;
- a digest of every page it wrote.

Pages that need no rendering are read back from build/<lang>/docs/ and used only if they still match their
digest; anything that does not match means rendering everything. The file is JSON, not pickle.

tests/test_incremental.py checks, edit by edit and in both ways, that rendering only these pages gives the
same site as rendering all of them.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import json
import sys
from pathlib import Path
from typing import Mapping

from .index import Index
from .pages import letter_slug, province_slug

MAX_CHANGED_SHEETS = 20  # beyond this a full render is about as quick

# Pages that summarise every fact sheet (counts, latest meetings): always re-rendered.
SUMMARY_PAGES = ("index.md", "meetings/index.md", "regions/index.md", "agencies/index.md", "topics/index.md",
                 "people/index.md", "timeline.md", "figures.md")

STATE_FILE = "generator-state.json"
STATE_FORMAT = 1
REGISTRIES = ("regions", "agency_kinds", "agencies", "people", "topics", "elections", "glossary")
RENDERING_PACKAGES = ("Jinja2", "MarkupSafe", "Babel", "PyYAML")  # their versions are in the stamp
_CODE = Path(__file__).resolve().parent


def affected_pages(old: Index, new: Index, planned: set[str]) -> set[str] | None:
    """Paths (of `planned`, the new plan) that may differ between renders of `old` and `new`; None for all."""
    before, after = old.content, new.content
    for name in REGISTRIES:
        if getattr(before, name) is not getattr(after, name):
            return None
    if before.sources != after.sources:
        return None
    if dict(old.person_home) != dict(new.person_home):
        return None
    old_sheets = {sheet.id: sheet for sheet in before.sheets}
    new_sheets = {sheet.id: sheet for sheet in after.sheets}
    changed = [sheet_id for sheet_id in old_sheets.keys() | new_sheets.keys()
               if old_sheets.get(sheet_id) is not new_sheets.get(sheet_id)]
    if len(changed) > MAX_CHANGED_SHEETS:
        return None
    shown = [sheet_pages(index, sheet) for index, sheets in ((old, old_sheets), (new, new_sheets))
             for sheet in map(sheets.get, changed) if sheet is not None]
    return _with_summaries(shown, planned) if changed else set()


def sheet_pages(index: Index, sheet) -> tuple[set[str], set[str]]:
    """The pages a fact sheet shows on, and the bases of the split lists it shows on (people/a: people/a.md,
    people/a-2.md, ...)."""
    region = index.regions[sheet.meeting.region]
    province = province_slug(index, region.id)
    pages = {f"meetings/{sheet.id}.md", f"figures/{province}.md"}
    prefixes = {f"meetings/{sheet.meeting.date:%Y-%m}"}
    pages.update(f"regions/{r}.md" for r in filter(None, (region.id, region.parent)))
    for person_id in _people(sheet):
        if person_id in index.person_home:
            pages.add(f"regions/{index.person_home[person_id]}.md")
        prefixes.add(f"people/{letter_slug(index.people[person_id].name)}")
    for agency_id in _agencies(sheet):
        agency = index.agencies[agency_id]
        pages.add(f"regions/{agency.region}.md" if agency.region else f"agencies/{agency.kind}.md")
        pages.add(f"agencies/{agency.kind}.md")
        pages.add(f"agencies/{agency.kind}/regions/{province_slug(index, agency.region)}.md")
    for topic in _topics(sheet):
        pages.update((f"topics/{topic}.md", f"topics/{topic}/{province}.md"))
    return pages, prefixes


def _with_summaries(shown, planned: set[str]) -> set[str]:
    """The summary pages and every planned page the changed fact sheets show on (given by sheet_pages)."""
    pages, prefixes = set(SUMMARY_PAGES), set()
    for on, bases in shown:
        pages |= on
        prefixes |= bases
    pages.update(path for path in planned
                 if any(path == f"{prefix}.md" or path.startswith(f"{prefix}-") and path[len(prefix) + 1:-3].isdigit()
                        for prefix in prefixes))
    return pages & planned


def _people(sheet) -> set[str]:
    found = {entry.person for entry in sheet.attendance if entry.person}
    found.update(s.speaker for s in sheet.statements if s.speaker)
    found.update(p.raised_by for p in sheet.concerns + sheet.commitments if p.raised_by)
    if sheet.meeting.chair:
        found.add(sheet.meeting.chair)
    return found


def _agencies(sheet) -> set[str]:
    found = {a for entry in sheet.attendance for a in (entry.agency, entry.represents) if a}
    found.update(s.agency for s in sheet.statements if s.agency)
    found.update(p.agency for p in sheet.concerns + sheet.commitments if p.agency)
    found.update(f.recipient for f in sheet.figures if f.recipient)
    if sheet.meeting.organiser:
        found.add(sheet.meeting.organiser)
    return found


def _topics(sheet) -> set[str]:
    found = {topic for s in sheet.statements for topic in s.topics}
    found.update(p.topic for p in sheet.concerns + sheet.commitments)
    return found


# ---------------------------------------------------------------- between processes

def digest(data: bytes | str) -> str:
    return hashlib.sha256(data.encode("utf-8", "surrogatepass") if isinstance(data, str) else data).hexdigest()


def record_digest(record) -> str:
    """A record's digest over what pages can show of it: its repr leaves out only its file positions."""
    return digest(repr(record))


def stamp(content, site_url: str, languages) -> str:
    """A digest of everything besides the fact sheets that rendering depends on."""
    versions = ",".join([sys.version, *(importlib.metadata.version(name) for name in RENDERING_PACKAGES)])
    hashed = hashlib.sha256(f"{STATE_FORMAT}\0{site_url}\0{','.join(languages)}\0{versions}".encode("utf-8"))
    for path in sorted(_CODE.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            hashed.update(f"\0{path.relative_to(_CODE).as_posix()}\0".encode("utf-8") + path.read_bytes())
    for name in REGISTRIES:
        hashed.update(f"\0{name}\0{getattr(content, name)!r}".encode("utf-8", "surrogatepass"))
    for name, text in sorted(content.sources.items()):
        hashed.update(f"\0{name}\0{text}".encode("utf-8", "surrogatepass"))
    return hashed.hexdigest()


def read_state(out: Path) -> dict | None:
    """What the last build in a new process left (see the module's docstring); None if nothing usable."""
    try:
        saved = json.loads((out / STATE_FILE).read_bytes())
    except (OSError, ValueError):
        return None
    return saved if isinstance(saved, dict) and saved.get("format") == STATE_FORMAT else None


def forget_state(out: Path) -> None:
    """Before a build writes pages: until it saves its own state (if it keeps one), none describes the disk."""
    (out / STATE_FILE).unlink(missing_ok=True)


def state(build_stamp: str, index: Index, sheet_digests: Mapping[str, str],
          pages: Mapping[str, Mapping[str, str]]) -> dict:
    """What this build leaves for the next one: `pages` holds, per language, the digest of every page written."""
    sheets = {}
    for sheet in index.content.sheets:
        on, bases = sheet_pages(index, sheet)
        sheets[sheet.id] = [sheet_digests[sheet.id], sorted(on), sorted(bases)]
    return {"format": STATE_FORMAT, "stamp": build_stamp, "person_home": dict(index.person_home),
            "sheets": sheets, "pages": pages}


def affected_since(saved: dict, build_stamp: str, index: Index, sheet_digests: Mapping[str, str],
                   planned: set[str]) -> set[str] | None:
    """Paths of `planned` that may differ from what the build that saved `saved` rendered; None for all."""
    try:
        if saved["stamp"] != build_stamp or saved["person_home"] != dict(index.person_home):
            return None
        old = saved["sheets"]
        changed = [sheet_id for sheet_id in old.keys() | sheet_digests.keys()
                   if sheet_id not in old or old[sheet_id][0] != sheet_digests.get(sheet_id)]
        if len(changed) > MAX_CHANGED_SHEETS:
            return None
        if not changed:
            return set()
        sheets = {sheet.id: sheet for sheet in index.content.sheets}
        shown = [(set(old[i][1]), set(old[i][2])) for i in changed if i in old]
    except (KeyError, TypeError, IndexError, AttributeError):
        return None  # not a file this module wrote
    shown += [sheet_pages(index, sheets[i]) for i in changed if i in sheets]
    return _with_summaries(shown, planned)
