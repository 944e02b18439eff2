"""Which pages the site has, what each shows, and the (small) navigation that reaches them."""

from __future__ import annotations

import datetime as dt
import itertools
from dataclasses import dataclass

from . import datapackage
from .export import EXPORTS
from .i18n import N_, Formatter
from .index import Index
from . import names
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
    (N_("Data"), ((N_("Figures"), "figures.md"), (N_("Timeline"), "timeline.md"), (N_("Open data"), "data.md"),
                  (N_("Using the data"), "using-the-data.md"))),
    (N_("About"), ((N_("Methodology"), "methodology.md"), (N_("Contributing"), "contributing.md"),
                   (N_("Field reference"), "reference.md"), (N_("Corrections"), "corrections.md"),
                   (N_("Glossary"), "glossary.md"),
                   (N_("Performance"), "performance.md"))),
)


PROVINCE_MEETINGS = 20  # a province page lists this many latest meetings; its regions' pages list the rest
PEOPLE_INLINE = 150  # up to this many people, the people index also lists everyone
REGIONS_INLINE = 150  # up to this many regions, the regions index also lists every regency and city
REGION_MEETINGS = 5  # a region page details attendance, concerns and quotes of this many latest meetings
OPERATION_MEETINGS = 100  # an operation's page lists this many latest meetings, and counts them by region
# Agency branches and people have entries (sections) on region pages rather than pages of their own: at national
# scale they outnumber meetings several times, and every page costs the site build the same fixed time.
ENTRIES_SHOWN = 20  # an agency's or person's entry lists this many latest appearances, statements and points

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
    "kind_operation": N_("Operation or programme"),
    "kind_index": N_("Overview"),
    # The link under every page to the correction form (overrides/partials/epd-report.html), and the 404 page.
    "report_error": N_("Report an error on this page"),
    "report_error_note": N_("(a public form on GitHub; the page's address is filled in)"),
    "repository": N_("The digest's repository"),
    "not_found_title": N_("Page not found"),
    "not_found_text": N_("There is no page at this address. It may have moved, or the link may be mistyped."),
    "not_found_home": N_("Go to the home page"),
    "not_found_search": N_("or search the digest with the search box at the top."),
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


# Link budgets: no generated page lists more than a few hundred links, whatever the size of the corpus.
# A page that would list more is split: by month, by initial letter, by province, or into numbered parts.
MEETINGS_PER_PAGE = 90  # a meetings table row has three links (meeting, region, election)
PEOPLE_PER_PAGE = 250  # one link a row
BRANCHES_PER_PAGE = 120  # an agency kind lists its branches directly up to this many, else by province
TOPIC_ITEMS_PER_PAGE = 60  # statements and points on one topic page (a statement has about four links)
FIGURE_ROWS_PER_PAGE = 60  # figure rows on the figures page (two or three links a row)
TIMELINE_MEETINGS = 100  # meetings listed on the timeline itself; beyond that it links month pages
CORRECTIONS_PER_PAGE = 100  # corrections on one page of the corrections list (one link each)


@dataclass(frozen=True)
class Part:
    """One page of a split listing: its path, its label and what it lists."""

    path: str
    label: str
    items: tuple
    number: int = 1
    of: int = 1


def plan_pages(index: Index, lang: str) -> list[Page]:
    """Every generated page of one language (hand-written pages are copied, not planned)."""
    fmt = Formatter(lang)
    content = index.content
    regions = sorted(content.regions, key=lambda r: r.name)
    provinces = [r for r in regions if r.kind == "province"]
    countries = [r for r in regions if r.kind == "country"]
    orphans = [r for r in regions if r.kind not in ("province", "country") and not r.parent]
    newest_first = sorted(index.sheets, key=lambda s: (s.meeting.date.key, s.id), reverse=True)
    listed = [r for r in regions if r.kind != "country"]
    coverage = {"covered": sum(1 for r in listed if r.id in index.sheets_by_region), "total": len(listed)}
    months = meeting_months(index, fmt)
    pages = [
        Page("index.md", "overview.md.j2", {
            "coverage": coverage,
            "counts": {"meetings": len(index.sheets), "regions": coverage["covered"],
                       "agencies": len(index.appearances_by_agency), "agencies_known": len(content.agencies),
                       "people": len(content.people),
                       "statements": sum(len(s.statements) for s in index.sheets)},
            "latest": newest_first[:10],
            "key_figures": sorted([row for row in index.figures if row.polling_stations or row.budget],
                                  key=lambda row: row.sheet.meeting.date.key, reverse=True)[:10],
        }),
        Page("meetings/index.md", "meeting_index.md.j2", {
            "latest": newest_first[:10], "months": months,
            "elections": sorted(content.elections, key=lambda e: e.voting_date),
            "years": [(year, list(group)) for year, group in
                      itertools.groupby(months, key=lambda month: month[0])],
        }),
        Page("regions/index.md", "region_index.md.j2", {"countries": countries,
                                                         "provinces": sorted(provinces, key=_code_then_name),
                                                         "orphans": orphans, "coverage": coverage,
                                                         "inline": len(regions) <= REGIONS_INLINE}),
        Page("agencies/index.md", "agency_index.md.j2", {"kinds": sorted(content.agency_kinds,
                                                                          key=lambda k: k.abbreviation)}),
        Page("topics/index.md", "topic_index.md.j2", {"topics": sorted(
            content.topics, key=lambda t: _plain_key(t.name, lang))}),
        Page("glossary.md", "glossary.md.j2", {"terms": sorted(content.glossary, key=lambda t: t.term.lower())}),
        Page("data.md", "data.md.j2", {"files": EXPORTS, "licence": datapackage.LICENCE,
                                       "licence_scope": datapackage.LICENCE_SCOPE,
                                       "format_version": datapackage.FORMAT_VERSION}),
    ]
    if content.operations:  # operations and programmes, each with its meetings across regions
        operations = sorted(content.operations, key=lambda o: o.name.lower())
        pages.append(Page("operations/index.md", "operation_index.md.j2", {"operations": operations}))
        pages += [Page(f"operations/{o.id}.md", "operation.md.j2", {"operation": o, "shown": OPERATION_MEETINGS})
                  for o in operations]
    # Meetings by month, newest month first; a busy month is split into parts.
    flat = [part for _, _, parts in months for part in parts]
    for i, part in enumerate(flat):
        pages.append(Page(part.path, "meeting_month.md.j2", {
            "part": part, "milestones": _milestones_in(index, part),
            "newer": flat[i - 1] if i > 0 else None, "older": flat[i + 1] if i + 1 < len(flat) else None}))
    parts = _parts("corrections", fmt.gettext("Corrections"), list(index.corrections), CORRECTIONS_PER_PAGE)
    pages += [Page(part.path, "corrections.md.j2", {
        "part": part, "newer": parts[i - 1] if i > 0 else None, "older": parts[i + 1] if i + 1 < len(parts) else None})
        for i, part in enumerate(parts)]
    # People by initial letter.
    letters = _people_by_letter(content.people)
    pages.append(Page("people/index.md", "people_index.md.j2", {
        "letters": letters, "inline": len(content.people) <= PEOPLE_INLINE}))
    for letter, parts in letters:
        pages += [Page(part.path, "people_letter.md.j2", {"part": part, "letter": letter}) for part in parts]
    # Timeline and figures: the whole list while it is short, else an overview that links the parts.
    elections = sorted(content.elections, key=lambda e: e.voting_date)
    if len(index.sheets) <= TIMELINE_MEETINGS:
        pages.append(Page("timeline.md", "timeline.md.j2", {"elections": elections, "years": _timeline_years(index)}))
    else:
        pages.append(Page("timeline.md", "timeline_index.md.j2", {
            "elections": elections, "years": _timeline_years(index, meetings=False),
            "months": months}))
    figures = _figures_values(index)
    if len(figures["rows"]) + len(figures["budget_parts"]) + len(figures["security"]) <= FIGURE_ROWS_PER_PAGE:
        pages.append(Page("figures.md", "figures.md.j2", figures))
    else:
        by_province = _figures_by_province(index, figures)
        pages.append(Page("figures.md", "figures_index.md.j2", {"provinces": by_province}))
        pages += [Page(path, "figures_province.md.j2", {"province": province, **values})
                  for province, path, values in by_province]
    pages += [Page(f"meetings/{sheet.id}.md", "meeting.md.j2", {"sheet": sheet}) for sheet in index.sheets]
    pages += [Page(f"regions/{region.id}.md", "region.md.j2", {"region": region, "province_meetings": PROVINCE_MEETINGS,
                                                                "region_meetings": REGION_MEETINGS,
                                                                "entries_shown": ENTRIES_SHOWN})
              for region in regions if index.region_page[region.id] == f"regions/{region.id}.md"]
    for kind in content.agency_kinds:
        branches = index.branches.get(kind.id, ())
        groups = _branches_by_province(index, kind, branches) if len(branches) > BRANCHES_PER_PAGE else []
        pages.append(Page(f"agencies/{kind.id}.md", "agency_kind.md.j2", {
            "kind": kind, "branches": branches if not groups else (), "groups": groups,
            "entries_shown": ENTRIES_SHOWN}))
        pages += [Page(path, "agency_province.md.j2", {"kind": kind, "province": province, "branches": members})
                  for province, path, members, _, _ in groups]
    for topic in content.topics:
        said = index.statements_by_topic.get(topic.id, ())
        points = index.points_by_topic.get(topic.id, ())
        if len(said) + len(points) <= TOPIC_ITEMS_PER_PAGE:
            pages.append(Page(f"topics/{topic.id}.md", "topic.md.j2", {"topic": topic}))
            continue
        groups = _topic_by_province(index, topic, said, points)
        pages.append(Page(f"topics/{topic.id}.md", "topic_overview.md.j2", {"topic": topic, "groups": groups}))
        pages += [Page(path, "topic_province.md.j2", {"topic": topic, "province": province, "said": s, "points": p})
                  for province, path, s, p in groups]
    return pages


def _parts(base: str, label: str, items: list, size: int) -> list[Part]:
    """`items` split into pages of at most `size`: base.md, base-2.md, ..."""
    chunks = [tuple(items[i:i + size]) for i in range(0, len(items), size)] or [()]
    return [Part(f"{base}.md" if n == 1 else f"{base}-{n}.md", label, chunk, n, len(chunks))
            for n, chunk in enumerate(chunks, start=1)]


def _month_of(when) -> tuple[int, int]:
    """Which meetings page a date goes on, as (year, month): the month of its first day when that is known;
    (year, 0) for a year alone; (0, 0) when not even the year is (a bound, or no date)."""
    if when.precision in ("day", "month", "range"):
        return when.start.year, when.start.month
    if when.precision == "year":
        return when.start.year, 0
    return 0, 0


def meeting_months(index: Index, fmt: Formatter) -> list[tuple]:
    """(year or None, label, parts) for every month with a meeting, newest first; after a year's months, its
    meetings known only to the year; last, those whose year is not known either."""
    newest_first = sorted(index.sheets, key=lambda s: (_month_of(s.meeting.date), s.meeting.date.key, s.id),
                          reverse=True)
    months = []
    for (year, month), group in itertools.groupby(newest_first, key=lambda s: _month_of(s.meeting.date)):
        if month:
            label, path = fmt.month(dt.date(year, month, 1)), f"meetings/{year:04d}-{month:02d}"
        elif year:
            label, path = fmt.gettext("%(year)s, month not known") % {"year": year}, f"meetings/{year:04d}"
        else:
            label, path = fmt.gettext("Month and year not known"), "meetings/undated"
        months.append((year or None, label, _parts(path, label, list(group), MEETINGS_PER_PAGE)))
    return months


def _milestones_in(index: Index, part: Part) -> list[TimelineEntry]:
    """Election milestones in the month of a meetings page (on its first part only)."""
    if part.number != 1 or not part.items:
        return []
    year, month = _month_of(part.items[0].meeting.date)
    if not month:
        return []
    return sorted((TimelineEntry(date=m.date, milestone=m, election=e) for e in index.content.elections
                   for m in e.milestones if (m.date.year, m.date.month) == (year, month)), key=lambda e: e.date)


def _people_by_letter(people) -> list[tuple[str, list[Part]]]:
    """People in name order, grouped by the page of their initial (letter_slug): one group per page, whatever
    form of the letter a name is written with (the Kelvin sign is a K), so no page is made twice."""
    ordered = sorted(people, key=lambda p: names.key(p.name))
    groups: dict[str, list] = {}
    for person in ordered:
        groups.setdefault(letter_slug(person.name), []).append(person)
    letters = []
    for slug, group in groups.items():
        letter = names.initial(group[0].name)
        letters.append((letter, _parts(f"people/{slug}", letter, group, PEOPLE_PER_PAGE)))
    return letters


def _province_key(index: Index, region_id: str | None):
    region = index.regions.get(region_id) if region_id else None
    province = index.province_of(region) if region else None
    return province


def province_slug(index: Index, region_id: str | None) -> str:
    """The last part of a page split by province: the province's id, or 'other'."""
    return _slug(_province_key(index, region_id))


def _code_then_name(region) -> tuple:
    """Provinces in the order of their official codes, west to east (Aceh 11 ... Papua Barat Daya 96); those
    without a code after, by name."""
    return (region.code is None, region.code or "", region.name)


def _slug(province) -> str:
    return province.id if province else "other"


def letter_slug(name: str) -> str:
    """The people page of a name's initial (names.initial, so 'K' and the Kelvin sign are one letter): the letter
    in lower case, or 'other' when it is not a plain letter."""
    letter = names.initial(name)
    return letter.lower() if letter.isascii() and letter.isalpha() else "other"


def _by_province_name(group: tuple) -> tuple:
    """Sort key of a (province, ...) group: provinces by name, no province last."""
    return group[0] is None, group[0].name if group[0] else ""


def _grouped(index: Index, items, region_of) -> list[tuple]:
    """Items grouped by the province of their region (None last), provinces by name."""
    groups: dict = {}
    for item in items:
        province = _province_key(index, region_of(item))
        groups.setdefault(province.id if province else None, (province, []))[1].append(item)
    return sorted(groups.values(), key=_by_province_name)


def _merged_by_province(index: Index, parts: dict[str, tuple]) -> list[tuple]:
    """Several lists, each given as (items, region_of), grouped by province together: (province, {name: the
    province's items of each list, [] where it has none}), provinces by name (None last)."""
    groups: dict = {}
    for name, (items, region_of) in parts.items():
        for province, members in _grouped(index, items, region_of):
            key = province.id if province else None
            groups.setdefault(key, (province, {part: [] for part in parts}))[1][name] = members
    return sorted(groups.values(), key=_by_province_name)


def _branches_by_province(index: Index, kind, branches) -> list[tuple]:
    """(province, page, branches, meetings attended, statements) of an agency kind's branches."""
    return [(province, f"agencies/{kind.id}/regions/{_slug(province)}.md", members,
             sum(len({a.sheet.id for a in index.appearances_by_agency.get(b.id, ())}) for b in members),
             sum(len(index.statements_by_agency.get(b.id, ())) for b in members))
            for province, members in _grouped(index, branches, lambda a: a.region)]


def _topic_by_province(index: Index, topic, said, points) -> list[tuple]:
    def region_of(item):
        return item.sheet.meeting.region

    merged = _merged_by_province(index, {"said": (said, region_of), "points": (points, region_of)})
    return [(province, f"topics/{topic.id}/{_slug(province)}.md", parts["said"], parts["points"])
            for province, parts in merged]


def _figures_by_province(index: Index, figures: dict) -> list[tuple]:
    merged = _merged_by_province(index, {"rows": (figures["rows"], lambda r: r.region.id),
                                         "budget_parts": (figures["budget_parts"], lambda rp: rp[0].region.id),
                                         "security": (figures["security"], lambda rf: rf[0].region.id)})
    return [(province, f"figures/{_slug(province)}.md", parts) for province, parts in merged]


def _plain_key(text, lang: str) -> str:
    """Sort key of localized text in one language."""
    return (text.en if lang == "en" and text.en else text.id).lower()


def _timeline_years(index: Index, meetings: bool = True) -> list[tuple[int, list[TimelineEntry]]]:
    """(year, entries) in date order; a meeting at the first day it may have been (or a bound's day), and at the
    end, under None, meetings whose date is not known at all."""
    sheets = index.sheets if meetings else ()
    entries = [TimelineEntry(date=s.meeting.date.key, sheet=s) for s in sheets if s.meeting.date.precision != "unknown"]
    for election in index.content.elections:
        entries += [TimelineEntry(date=m.date, milestone=m, election=election) for m in election.milestones]
    entries.sort(key=lambda e: (e.date, 0 if e.milestone else 1))
    years = [(year, list(group)) for year, group in itertools.groupby(entries, key=lambda e: e.date.year)]
    undated = [TimelineEntry(date=s.meeting.date.key, sheet=s) for s in sheets if s.meeting.date.precision == "unknown"]
    return years + [(None, undated)] if undated else years


def _figures_values(index: Index) -> dict:
    rows = sorted(index.figures, key=lambda r: (r.region.name, r.sheet.meeting.date.key))
    return {
        "rows": [r for r in rows if r.polling_stations or r.voters or r.budget],
        "budget_parts": [(r, part) for r in rows for part in r.budget_parts],
        "security": [(r, f) for r in rows for f in r.security],
    }


def navigation(lang: str, operations: bool = False) -> list[dict]:
    """The navigation of one language, as the MkDocs adapter reads it; the operations index only when the
    registry has operations (it has no page otherwise)."""
    gettext = Formatter(lang).gettext

    def entry(title, target):
        if isinstance(target, tuple):
            return {"title": gettext(title), "children": [entry(t, p) for t, p in target]}
        return {"title": gettext(title), "path": target}

    entries = list(NAVIGATION)
    if operations:  # beside the topics, which link meetings across regions too
        after = next(i for i, (_, target) in enumerate(entries) if target == "topics/index.md") + 1
        entries.insert(after, (N_("Operations"), "operations/index.md"))
    return [entry(title, target) for title, target in entries]
