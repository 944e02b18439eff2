"""Which pages the site has, what each shows, and the (small) navigation that reaches them."""

from __future__ import annotations

import itertools
from dataclasses import dataclass

from .export import EXPORTS
from .i18n import N_, Formatter
from .index import Index
from .render import Page

# The navigation holds sections and index pages only: MkDocs embeds it in every page, so listing every
# meeting there would make the build quadratic in the number of pages.
NAVIGATION = (
    (N_("Home"), "index.md"),
    (N_("Meetings"), "meetings/index.md"),
    (N_("Regions"), "regions/index.md"),
    (N_("Agencies"), "agencies/index.md"),
    (N_("Topics"), "topics/index.md"),
    (N_("People"), "people/index.md"),
    (N_("Data"), ((N_("Figures"), "figures.md"), (N_("Timeline"), "timeline.md"), (N_("Open data"), "data.md"))),
    (N_("About"), ((N_("Methodology"), "methodology.md"), (N_("Contributing"), "contributing.md"),
                   (N_("Glossary"), "glossary.md"))),
)


# Interface strings the theme's own templates show (site name, palette toggle, search panel). The MkDocs
# adapter passes them to the theme, so they come from the same gettext catalogs as the pages.
THEME_STRINGS = {
    "site_name": N_("Election-Prep Digest"),
    "site_description": N_("A documented, bilingual digest of the coordination meetings where Indonesian regions "
                           "prepare their elections."),
    "to_dark": N_("Switch to dark mode"),
    "to_light": N_("Switch to light mode"),
    "search_dialog": N_("Site search"),
    "search_filters": N_("Narrow results"),
    "search_kind": N_("Page kind"),
    "search_region": N_("Region"),
    "search_election": N_("Election"),
    "search_any": N_("All"),
    "search_corrected": N_("Results for:"),
    "search_partial": N_("Results matching some of the words:"),
    "search_unavailable": N_("Search is unavailable. Reload the page, or browse the pages from the menu."),
    "kind_meeting": N_("Meeting"),
    "kind_region": N_("Region"),
    "kind_agency": N_("Agency"),
    "kind_topic": N_("Topic"),
    "kind_person": N_("Person"),
    "kind_index": N_("Overview"),
}


def theme_strings(lang: str) -> dict[str, str]:
    """THEME_STRINGS translated into one language."""
    gettext = Formatter(lang).gettext
    return {key: gettext(message) for key, message in THEME_STRINGS.items()}


@dataclass(frozen=True)
class TimelineEntry:
    """A meeting or an election milestone on the timeline."""

    date: object
    sheet: object = None
    milestone: object = None
    election: object = None


def plan_pages(index: Index, lang: str) -> list[Page]:
    """Every generated page of one language (hand-written pages are copied, not planned)."""
    fmt = Formatter(lang)
    content = index.content
    regions = sorted(content.regions, key=lambda r: r.name)
    provinces = [r for r in regions if r.kind == "province"]
    orphans = [r for r in regions if r.kind != "province" and not r.parent]
    newest_first = sorted(index.sheets, key=lambda s: (s.meeting.date, s.id), reverse=True)
    pages = [
        Page("index.md", "overview.md.j2", {
            "counts": {"meetings": len(index.sheets), "regions": len(index.sheets_by_region),
                       "agencies": len(index.appearances_by_agency), "people": len(content.people),
                       "statements": sum(len(s.statements) for s in index.sheets)},
            "latest": newest_first[:10],
            "key_figures": sorted([row for row in index.figures if row.polling_stations or row.budget],
                                  key=lambda row: row.sheet.meeting.date, reverse=True)[:10],
        }),
        Page("meetings/index.md", "meeting_index.md.j2", {
            "months": [(fmt.month(month), list(group)) for month, group in
                       itertools.groupby(newest_first, key=lambda s: s.meeting.date.replace(day=1))],
        }),
        Page("regions/index.md", "region_index.md.j2", {"provinces": provinces, "orphans": orphans}),
        Page("agencies/index.md", "agency_index.md.j2", {"kinds": sorted(content.agency_kinds,
                                                                          key=lambda k: k.abbreviation)}),
        Page("topics/index.md", "topic_index.md.j2", {"topics": sorted(
            content.topics, key=lambda t: _plain_key(t.name, lang))}),
        Page("people/index.md", "people_index.md.j2", {"groups": _people_by_letter(content.people)}),
        Page("timeline.md", "timeline.md.j2", {"elections": sorted(content.elections, key=lambda e: e.voting_date),
                                               "years": _timeline_years(index)}),
        Page("figures.md", "figures.md.j2", _figures_values(index)),
        Page("glossary.md", "glossary.md.j2", {"terms": sorted(content.glossary, key=lambda t: t.term.lower())}),
        Page("data.md", "data.md.j2", {"files": EXPORTS}),
    ]
    pages += [Page(f"meetings/{sheet.id}.md", "meeting.md.j2", {"sheet": sheet}) for sheet in index.sheets]
    pages += [Page(f"regions/{region.id}.md", "region.md.j2", {"region": region}) for region in regions]
    pages += [Page(f"agencies/{kind.id}.md", "agency.md.j2", {"kind": kind}) for kind in content.agency_kinds]
    pages += [Page(f"topics/{topic.id}.md", "topic.md.j2", {"topic": topic}) for topic in content.topics]
    pages += [Page(f"people/{person.id}.md", "person.md.j2", {"person": person}) for person in content.people]
    return pages


def _plain_key(text, lang: str) -> str:
    """Sort key of localized text in one language."""
    return (text.en if lang == "en" and text.en else text.id).lower()


def _people_by_letter(people) -> list[tuple[str, list]]:
    ordered = sorted(people, key=lambda p: p.name.lower())
    return [(letter, list(group)) for letter, group in itertools.groupby(ordered, key=lambda p: p.name[0].upper())]


def _timeline_years(index: Index) -> list[tuple[int, list[TimelineEntry]]]:
    entries = [TimelineEntry(date=s.meeting.date, sheet=s) for s in index.sheets]
    for election in index.content.elections:
        entries += [TimelineEntry(date=m.date, milestone=m, election=election) for m in election.milestones]
    entries.sort(key=lambda e: (e.date, 0 if e.milestone else 1))
    return [(year, list(group)) for year, group in itertools.groupby(entries, key=lambda e: e.date.year)]


def _figures_values(index: Index) -> dict:
    rows = sorted(index.figures, key=lambda r: (r.region.name, r.sheet.meeting.date))
    return {
        "rows": [r for r in rows if r.polling_stations or r.voters or r.budget],
        "budget_parts": [(r, part) for r in rows for part in r.budget_parts],
        "security": [(r, f) for r in rows for f in r.security],
    }


def navigation(lang: str) -> list[dict]:
    """The navigation of one language, as the MkDocs adapter reads it."""
    gettext = Formatter(lang).gettext

    def entry(title, target):
        if isinstance(target, tuple):
            return {"title": gettext(title), "children": [entry(t, p) for t, p in target]}
        return {"title": gettext(title), "path": target}

    return [entry(title, target) for title, target in NAVIGATION]
