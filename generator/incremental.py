"""Which pages an edit can change: `make serve` re-renders only those (pipeline.build with a BuildState).

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
tests/test_incremental.py checks, edit by edit, that rendering only these pages gives the same site as
rendering all of them.
"""

from __future__ import annotations

from .index import Index
from .pages import letter_slug, province_slug

MAX_CHANGED_SHEETS = 20  # beyond this a full render is about as quick

# Pages that summarise every fact sheet (counts, latest meetings): always re-rendered.
SUMMARY_PAGES = ("index.md", "meetings/index.md", "regions/index.md", "agencies/index.md", "topics/index.md",
                 "people/index.md", "timeline.md", "figures.md")


def affected_pages(old: Index, new: Index, planned: set[str]) -> set[str] | None:
    """Paths (of `planned`, the new plan) that may differ between renders of `old` and `new`; None for all."""
    before, after = old.content, new.content
    for name in ("regions", "agency_kinds", "agencies", "people", "topics", "elections", "glossary"):
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
    if not changed:
        return set()

    pages = set(SUMMARY_PAGES)
    prefixes = set()  # every part of a split list: people/a.md, people/a-2.md; meetings/2024-11.md, ...-2.md
    for index, sheets in ((old, old_sheets), (new, new_sheets)):
        for sheet_id in changed:
            sheet = sheets.get(sheet_id)
            if sheet is None:
                continue
            region = index.regions[sheet.meeting.region]
            province = province_slug(index, region.id)
            pages.add(f"meetings/{sheet.id}.md")
            prefixes.add(f"meetings/{sheet.meeting.date:%Y-%m}")
            pages.update(f"regions/{r}.md" for r in filter(None, (region.id, region.parent)))
            pages.add(f"figures/{province}.md")
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
