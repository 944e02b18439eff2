"""build_index(content) -> Index: the read-only cross-references every page is rendered from."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from types import MappingProxyType
from typing import Mapping

from .model import (Agency, AgencyKind, Attendance, Content, Correction, Election, FactSheet, Figure, Operation, Person, Place,
                    Point, Region, Statement, Topic, region_ancestry)


@dataclass(frozen=True)
class Appearance:
    """One attendance entry at one meeting."""

    sheet: FactSheet
    entry: Attendance
    number: int  # 1-based position in the sheet's attendance, used in anchors


@dataclass(frozen=True)
class Said:
    """One statement at one meeting."""

    sheet: FactSheet
    statement: Statement


@dataclass(frozen=True)
class PointAt:
    """One concern or commitment at one meeting."""

    sheet: FactSheet
    point: Point
    kind: str  # "concern" or "commitment"
    number: int


@dataclass(frozen=True)
class PlaceMention:
    """A statement, figure, concern or commitment of one meeting that cites a place."""

    sheet: FactSheet
    anchor: str  # its anchor on the meeting page: 'statement-x', 'figure-x', 'concern-1'


@dataclass(frozen=True)
class RegionFigures:
    """The figures one meeting gives for its region and election: the comparable ones (exact, region-wide, DPT
    for voters) by name, with the ratios derived from them, and the rest as they are."""

    sheet: FactSheet
    region: Region
    election: Election | None
    polling_stations: Figure | None
    voters: Figure | None
    budget: Figure | None
    budget_parts: tuple[Figure, ...]
    security: tuple[Figure, ...]  # personnel, exact or not
    others: tuple[Figure, ...]  # every other figure for the region: villages, ratings, approximate or DPTb counts
    inferred: tuple[str, ...] = ()  # ("election",) when the election these figures are for is inferred

    @property
    def voters_per_station(self) -> float | None:
        """Derived: registered voters divided by polling stations."""
        if self.voters and self.polling_stations and self.polling_stations.value:
            return self.voters.value / self.polling_stations.value
        return None

    @property
    def has_derived(self) -> bool:
        """Whether the digest derives any figure from these: a ratio, or the shares of a budget's parts."""
        return bool(self.voters_per_station or self.budget_per_voter
                    or any(self.share(part) is not None for part in self.budget_parts))

    def share(self, part: Figure) -> float | None:
        """Derived: a budget part's share of its total; None when the total is 0 (no share can be computed, and
        check accepts a total of 0 whose parts are 0)."""
        if self.budget and self.budget.value:
            return part.value / self.budget.value
        return None

    @property
    def budget_per_voter(self) -> float | None:
        """Derived: the budget in rupiah divided by registered voters."""
        if self.budget and self.voters and self.voters.value:
            return self.budget.value / self.voters.value
        return None


@dataclass(frozen=True)
class CorrectionAt:
    """A correction, with its fact sheet and its number there (the anchor #correction-N on the meeting page)."""

    sheet: FactSheet
    number: int
    correction: Correction


@dataclass(frozen=True)
class Index:
    """Everything pages need, looked up by id; built once, never changed."""

    content: Content
    regions: Mapping[str, Region]
    agency_kinds: Mapping[str, AgencyKind]
    agencies: Mapping[str, Agency]
    people: Mapping[str, Person]
    topics: Mapping[str, Topic]
    elections: Mapping[str, Election]
    operations: Mapping[str, Operation]
    places: Mapping[str, Place]
    sheets: tuple[FactSheet, ...]  # by meeting date, then id
    children: Mapping[str, tuple[Region, ...]]
    branches: Mapping[str, tuple[Agency, ...]]  # agency kind -> branches
    sheets_by_region: Mapping[str, tuple[FactSheet, ...]]  # including the regions below it (and below those)
    appearances_by_person: Mapping[str, tuple[Appearance, ...]]
    appearances_by_agency: Mapping[str, tuple[Appearance, ...]]
    represented_person: Mapping[str, tuple[Appearance, ...]]  # person -> the attendances that stood in for them
    statements_by_person: Mapping[str, tuple[Said, ...]]
    statements_by_agency: Mapping[str, tuple[Said, ...]]
    statements_by_topic: Mapping[str, tuple[Said, ...]]
    points_by_topic: Mapping[str, tuple[PointAt, ...]]
    points_by_agency: Mapping[str, tuple[PointAt, ...]]
    figures_by_recipient: Mapping[str, tuple[tuple[FactSheet, Figure], ...]]  # budgets an agency receives
    figures_about_region: Mapping[str, tuple[tuple[FactSheet, Figure], ...]]  # figures for it at others' meetings
    statements_by_region: Mapping[str, tuple[Said, ...]]  # including the regions below it
    points_by_region: Mapping[str, tuple[PointAt, ...]]  # including the regions below it
    figures: tuple[RegionFigures, ...]
    figures_by_region: Mapping[str, tuple[RegionFigures, ...]]  # the region's own meetings only
    agencies_by_region: Mapping[str, tuple[Agency, ...]]  # the branches whose entry is on the region's page
    covering_by_region: Mapping[str, tuple[Agency, ...]]  # branches based elsewhere that also serve the region
    elections_by_region: Mapping[str, tuple[Election, ...]]  # elections held in that region only (re-votes)
    sheets_by_operation: Mapping[str, tuple[FactSheet, ...]]  # the meetings that belong to an operation
    places_by_region: Mapping[str, tuple[Place, ...]]  # by name
    place_mentions: Mapping[str, tuple[PlaceMention, ...]]  # place -> where meetings cite it, in meeting order
    person_home: Mapping[str, str]  # person -> the region whose page holds the person's entry
    people_by_home: Mapping[str, tuple[Person, ...]]  # region -> the people whose entries its page holds
    # region -> the page that holds its entry: its own ('regions/<id>.md') for a province, the country and any
    # region the content names; else its province's, where the gazetteer's other regions are listed
    region_page: Mapping[str, str]
    corrections: tuple[CorrectionAt, ...]  # newest first

    def region_of(self, sheet: FactSheet) -> Region:
        """The region a meeting belongs to."""
        return self.regions[sheet.meeting.region]

    def province_of(self, region: Region) -> Region | None:
        """The province containing a region (itself for a province)."""
        if region.kind == "province":
            return region
        return self.regions.get(region.parent) if region.parent else None

    def position_at(self, sheet: FactSheet, person_id: str) -> Attendance | None:
        """The attendance entry of a person at a meeting."""
        return next((a for a in sheet.attendance if a.person == person_id), None)

    def sheets_of_person(self, person_id: str) -> tuple[FactSheet, ...]:
        """Meetings a person attended, in date order."""
        seen: dict[str, FactSheet] = {}
        for appearance in self.appearances_by_person.get(person_id, ()):
            seen.setdefault(appearance.sheet.id, appearance.sheet)
        return tuple(seen.values())

    def regions_of_kind(self, kind_id: str) -> tuple[Region, ...]:
        """Regions where a branch of an agency kind attended or spoke, sorted by name."""
        found = {}
        for agency in self.branches.get(kind_id, ()):
            for item in self.appearances_by_agency.get(agency.id, ()) + self.statements_by_agency.get(agency.id, ()):
                region = self.region_of(item.sheet)
                found[region.id] = region
        return tuple(sorted(found.values(), key=lambda r: r.name))


def build_index(content: Content) -> Index:
    """Cross-reference the verified content; every list keeps meeting-date order."""
    regions = _by_id(content.regions)
    children: dict[str, list[Region]] = defaultdict(list)
    for region in sorted(content.regions, key=lambda r: r.name):
        if region.parent:
            children[region.parent].append(region)
    branches: dict[str, list[Agency]] = defaultdict(list)
    for agency in sorted(content.agencies, key=lambda a: a.name):
        branches[agency.kind].append(agency)

    ancestry = {region.id: region_ancestry(region.id, regions) for region in content.regions}
    sheets_by_region: dict[str, list[FactSheet]] = defaultdict(list)
    appearances_by_person: dict[str, list[Appearance]] = defaultdict(list)
    appearances_by_agency: dict[str, list[Appearance]] = defaultdict(list)
    represented_person: dict[str, list[Appearance]] = defaultdict(list)
    statements_by_person: dict[str, list[Said]] = defaultdict(list)
    statements_by_agency: dict[str, list[Said]] = defaultdict(list)
    statements_by_topic: dict[str, list[Said]] = defaultdict(list)
    points_by_topic: dict[str, list[PointAt]] = defaultdict(list)
    points_by_agency: dict[str, list[PointAt]] = defaultdict(list)
    figures_by_recipient: dict[str, list[tuple[FactSheet, Figure]]] = defaultdict(list)
    figures_about_region: dict[str, list[tuple[FactSheet, Figure]]] = defaultdict(list)
    statements_by_region: dict[str, list[Said]] = defaultdict(list)
    points_by_region: dict[str, list[PointAt]] = defaultdict(list)
    figures: list[RegionFigures] = []

    for sheet in content.sheets:
        region = regions[sheet.meeting.region]
        region_ids = ancestry[region.id]
        for region_id in region_ids:
            sheets_by_region[region_id].append(sheet)
        for number, entry in enumerate(sheet.attendance, start=1):
            appearance = Appearance(sheet, entry, number)
            if entry.person:
                appearances_by_person[entry.person].append(appearance)
            if entry.represents_person:
                represented_person[entry.represents_person].append(appearance)
            for agency_id in dict.fromkeys((entry.agency, *entry.agencies, entry.represents)):
                if agency_id:
                    appearances_by_agency[agency_id].append(appearance)
        for statement in sheet.statements:
            said = Said(sheet, statement)
            for region_id in region_ids:
                statements_by_region[region_id].append(said)
            if statement.speaker:
                statements_by_person[statement.speaker].append(said)
            if statement.agency:
                statements_by_agency[statement.agency].append(said)
            for topic in statement.topics:
                statements_by_topic[topic].append(said)
        for kind, points in (("concern", sheet.concerns), ("commitment", sheet.commitments)):
            for number, point in enumerate(points, start=1):
                at = PointAt(sheet, point, kind, number)
                for region_id in region_ids:
                    points_by_region[region_id].append(at)
                points_by_topic[point.topic].append(at)
                if point.agency:
                    points_by_agency[point.agency].append(at)
        for figure in sheet.figures:
            for agency_id in (figure.recipient, *figure.recipients):
                if agency_id:
                    figures_by_recipient[agency_id].append((sheet, figure))
            if figure.region:
                figures_about_region[figure.region].append((sheet, figure))
        figures.extend(_region_figures(sheet, region, content))

    agencies = _by_id(content.agencies)
    person_home = _person_homes(content, agencies, appearances_by_person, statements_by_person, represented_person)
    people_by_home: dict[str, list[Person]] = defaultdict(list)
    for person in sorted(content.people, key=lambda p: (p.name.lower(), p.id)):
        if person.id in person_home:
            people_by_home[person_home[person.id]].append(person)
    agencies_by_region: dict[str, list[Agency]] = defaultdict(list)
    for agency in sorted(content.agencies, key=lambda a: (a.name.lower(), a.id)):
        if agency.region:
            agencies_by_region[agency.region].append(agency)
    elections_by_region: dict[str, list[Election]] = defaultdict(list)
    for election in sorted(content.elections, key=lambda e: (e.voting_date, e.id)):
        if election.region:
            elections_by_region[election.region].append(election)
    covering_by_region: dict[str, list[Agency]] = defaultdict(list)
    for agency in sorted(content.agencies, key=lambda a: (a.name.lower(), a.id)):
        for region_id in agency.covers:
            covering_by_region[region_id].append(agency)

    region_page = _region_pages(content.regions, (
        sheets_by_region, agencies_by_region, covering_by_region, elections_by_region, people_by_home,
        figures_about_region, {place.region for place in content.places}))

    return Index(
        region_page=MappingProxyType(region_page),
        content=content,
        regions=regions,
        agency_kinds=_by_id(content.agency_kinds),
        agencies=agencies,
        people=_by_id(content.people),
        topics=_by_id(content.topics),
        elections=_by_id(content.elections),
        operations=_by_id(content.operations),
        places=_by_id(content.places),
        sheets=content.sheets,
        children=_freeze(children),
        branches=_freeze(branches),
        sheets_by_region=_freeze(sheets_by_region),
        appearances_by_person=_freeze(appearances_by_person),
        appearances_by_agency=_freeze(appearances_by_agency),
        represented_person=_freeze(represented_person),
        statements_by_person=_freeze(statements_by_person),
        statements_by_agency=_freeze(statements_by_agency),
        statements_by_topic=_freeze(statements_by_topic),
        points_by_topic=_freeze(points_by_topic),
        points_by_agency=_freeze(points_by_agency),
        figures_by_recipient=_freeze(figures_by_recipient),
        figures_about_region=_freeze(figures_about_region),
        statements_by_region=_freeze(statements_by_region),
        points_by_region=_freeze(points_by_region),
        figures=tuple(figures),
        figures_by_region=_freeze(_group(figures, lambda row: row.region.id)),
        agencies_by_region=_freeze(agencies_by_region),
        covering_by_region=_freeze(covering_by_region),
        elections_by_region=_freeze(elections_by_region),
        sheets_by_operation=_freeze(_group(((o, s) for s in content.sheets for o in s.meeting.operations),
                                           lambda pair: pair[0], lambda pair: pair[1])),
        places_by_region=_freeze(_group(sorted(content.places, key=lambda p: (p.name.lower(), p.id)),
                                        lambda place: place.region)),
        place_mentions=_freeze(_group(_place_mentions(content.sheets), lambda pair: pair[0], lambda pair: pair[1])),
        person_home=MappingProxyType(person_home),
        people_by_home=_freeze(people_by_home),
        corrections=tuple(sorted((CorrectionAt(sheet, number, c) for sheet in content.sheets
                                  for number, c in enumerate(sheet.corrections, start=1)),
                                 key=lambda at: (at.correction.date, at.sheet.id, at.number), reverse=True)),
    )


def _region_pages(regions, named_by) -> dict[str, str]:
    """Which regions have a page of their own (every province and country, and every region something names)
    and where the others' entries are: on their parent's page."""
    pages = {}
    for region in regions:
        if region.kind in ("province", "country") or not region.parent or any(region.id in m for m in named_by):
            pages[region.id] = f"regions/{region.id}.md"
        else:
            pages[region.id] = f"regions/{region.parent}.md"
    return pages


def _person_homes(content: Content, agencies, appearances_by_person, statements_by_person,
                  represented_person) -> dict[str, str]:
    """The region whose page holds each person's entry: where they most often appear.

    An appearance counts for the region of the agency the person attended for (a provincial official at a
    regency's meeting counts for the province), else for the meeting's region; ties go to the earliest.
    People only quoted count the regions of those meetings; people only stood in for count the regions of
    those attendances' agencies (or meetings); people the articles never name get no entry.
    """
    def region_of(appearance: Appearance, stood_in_for: bool = False) -> str:
        entry = appearance.entry
        agency = agencies.get(entry.represents or entry.agency if stood_in_for else entry.agency or entry.represents)
        return agency.region if agency is not None and agency.region else appearance.sheet.meeting.region

    homes = {}
    for person in content.people:
        regions = [region_of(appearance) for appearance in appearances_by_person.get(person.id, ())]
        if not regions:
            regions = [said.sheet.meeting.region for said in statements_by_person.get(person.id, ())]
        if not regions:
            regions = [region_of(appearance, True) for appearance in represented_person.get(person.id, ())]
        if regions:
            counts: dict[str, int] = {}
            for region in regions:
                counts[region] = counts.get(region, 0) + 1
            homes[person.id] = max(counts, key=counts.__getitem__)  # the first region reaching the top count
    return homes


def _region_figures(sheet: FactSheet, region: Region, content: Content) -> list[RegionFigures]:
    """Group a sheet's region-wide figures by election, so regions can be compared."""
    elections = {e.id: e for e in content.elections}
    by_election: dict[str | None, list[Figure]] = defaultdict(list)
    for figure in sheet.figures:
        if figure.region is not None:
            continue  # for another region: on that region's page (figures_about_region), never compared here
        election = figure.election or (sheet.meeting.elections[0] if len(sheet.meeting.elections) == 1 else None)
        by_election[election].append(figure)
    rows = []
    for election_id, found in by_election.items():
        def first(kind: str) -> Figure | None:
            return next((f for f in found if f.kind == kind and f.exact and f.part_of is None and f.scope is None
                         and (kind != "voters" or f.voter_list == "DPT")), None)

        budget = first("budget")
        named = (first("polling-stations"), first("voters"), budget)
        parts = tuple(f for f in found if budget and f.part_of == budget.id and f.exact)
        security = tuple(f for f in found if f.kind == "personnel")
        shown = {id(f) for f in (*named, *parts, *security) if f is not None}
        inferred = any("election" in f.inferred if f.election else "elections" in sheet.meeting.inferred
                       for f in found)
        rows.append(RegionFigures(
            sheet=sheet, region=region, election=elections.get(election_id),
            polling_stations=named[0], voters=named[1], budget=budget, budget_parts=parts, security=security,
            others=tuple(f for f in found if id(f) not in shown), inferred=("election",) if inferred else (),
        ))
    return rows


def _place_mentions(sheets):
    """(place id, PlaceMention) for every place a statement, figure, concern or commitment cites."""
    for sheet in sheets:
        for statement in sheet.statements:
            for place in statement.places:
                yield place, PlaceMention(sheet, f"statement-{statement.id}")
        for figure in sheet.figures:
            for place in figure.places:
                yield place, PlaceMention(sheet, f"figure-{figure.id}")
        for kind, points in (("concern", sheet.concerns), ("commitment", sheet.commitments)):
            for number, point in enumerate(points, start=1):
                for place in point.places:
                    yield place, PlaceMention(sheet, f"{kind}-{number}")


def _group(items, key, value=lambda item: item) -> dict[str, list]:
    groups: dict[str, list] = defaultdict(list)
    for item in items:
        groups[key(item)].append(value(item))
    return groups


def _by_id(records) -> Mapping[str, object]:
    return MappingProxyType({record.id: record for record in records})


def _freeze(groups: dict[str, list]) -> Mapping[str, tuple]:
    return MappingProxyType({key: tuple(values) for key, values in groups.items()})
