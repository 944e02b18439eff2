"""Cross-checks over the whole content: references, evidence in the archived text, sums, dates."""

from __future__ import annotations

import datetime as dt
import difflib
import functools
import hashlib
import re
import unicodedata
from collections import defaultdict
from decimal import Decimal
from dataclasses import dataclass, field
from typing import Iterable, Iterator

from . import attribution, claims, model, names, passages
from .errors import ContentErrors, Location, Problem
from .escape import INVISIBLE
from .load import REGISTRY_KINDS, Loaded, PartialSheet, file_name_problem
from .model import Content, FactSheet, Localized, Record, Ref
from .nearest import NearestText
from .passages import Article, normalise, read_article
from .schema import record_fields

WEEKDAYS_ID = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")

# Meetings pages by month, year, or with no known year (pages.meeting_months), their parts, and the index.
RESERVED_SHEET_ID = re.compile(r"^(?:(?:\d{4}(?:-\d{2})?|undated)(?:-\d+)?|index)$")


@dataclass(frozen=True)
class Report:
    """What `check` found: the counts it checked and any warnings."""

    counts: dict[str, int]
    warnings: tuple[Problem, ...]
    translated: int
    translatable: int
    clean: dict = field(default_factory=dict, compare=False)  # Checked.sheets of this run's clean fact sheets


@dataclass(frozen=True)
class Checked:
    """The fact sheets that a build in another process found clean, which a build need not check again.

    A fact sheet's own checks read the sheet, its archived text and the registries, and nothing else (the
    memo of `make serve` rests on the same). So a sheet is known clean by the digests of its file and of its
    archived text, under a `key` that digests the registries' files and the generator's code (pipeline):
    anything else changed, and the sheet is checked again. Only sheets without a problem or warning are kept,
    so a sheet's findings are always reported from a check of this run.
    """

    key: str
    sheets: dict  # "<path> <file digest> <archived text's digest>" -> the sheet's evidence passages

    @classmethod
    def restore(cls, saved, key: str) -> "Checked":
        """The clean sheets `saved` (as `saved_form` wrote them) holds, if saved under `key`; else none."""
        if isinstance(saved, dict) and saved.get("key") == key and isinstance(saved.get("sheets"), dict):
            return cls(key, saved["sheets"])
        return cls(key, {})

    def saved_form(self, report: Report) -> dict:
        """What the next build restores: this key, with the sheets `report`'s run found clean."""
        return {"key": self.key, "sheets": report.clean}

    @staticmethod
    def fingerprint(sheet, source: str | None) -> str:
        text = hashlib.blake2b((source or "").encode("utf-8"), digest_size=12).hexdigest()
        return f"{sheet.loc.path} {sheet.digest} {text}"


def verify(content: Content, memo: dict | None = None, loaded: Loaded | None = None,
           checked: Checked | None = None) -> Report:
    """Check everything; raise ContentErrors listing every problem, or return the report.

    `memo` (kept by `make serve` between builds) holds each fact sheet's own findings, reused while the
    sheet, its archived text and the registries are the same objects the loader's cache handed out before.
    `checked` (kept by a build for the next, see Checked) holds the fact sheets found clean before; the
    report's `clean` holds those of this run.
    `loaded` (load.read_content) brings the problems of the files that did not load: they are reported with
    these, and references to a registry that did not load, or to an archived text that could not be read, are
    not reported again as unknown.
    """
    checker = _Checker(content, loaded)
    reuse = not (loaded and loaded.problems)
    checker.run(memo if reuse else None, checked if reuse else None)
    problems = (list(loaded.problems) if loaded else []) + checker.problems
    if any(p.severity == "error" for p in problems):
        raise ContentErrors(problems)
    translated, translatable = translation_coverage(content)
    counts = {
        "fact sheets": len(content.sheets),
        "regions": len(content.regions),
        "agencies": len(content.agencies),
        "people": len(content.people),
        "topics": len(content.topics),
        "elections": len(content.elections),
        **{name: len(records) for name, records in (("places", content.places), ("operations", content.operations))
           if records},  # the optional registries, when there are any
        "evidence passages": checker.passages,
    }
    return Report(counts, tuple(sorted(checker.problems, key=Problem.sort_key)), translated, translatable,
                  checker.clean)


class _Checker:
    def __init__(self, content: Content, loaded: Loaded | None = None):
        self.content = content
        self.unloaded_kinds = loaded.unloaded_kinds if loaded else frozenset()
        self.unread_sources = loaded.unread_sources if loaded else frozenset()
        self.partial_sheets = loaded.partial_sheets if loaded else ()
        self._names: dict[str, list] | None = None  # the registry's people by the first word of their name
        self._forms: dict[str, list] | None = None  # every name form of the registry's people, by its first word
        self._look_alikes: set[int] = set()
        self._known_words: frozenset[str] | None = None  # people whose name check_people_names reported
        self.problems: list[Problem] = []
        self.passages = 0
        self.nearest: dict[str, NearestText] = {}  # each archived text's words, indexed for the hints
        self.clean: dict[str, int] = {}  # Checked.sheets of this run
        self.ids = {
            "region": self.unique(content.regions, "id", "region"),
            "agency_kind": self.unique(content.agency_kinds, "id", "agency kind"),
            "agency": self.unique(content.agencies, "id", "agency"),
            "person": self.unique(content.people, "id", "person"),
            "topic": self.unique(content.topics, "id", "topic"),
            "election": self.unique(content.elections, "id", "election"),
            "operation": self.unique(content.operations, "id", "operation"),
            "place": self.unique(content.places, "id", "place"),
        }
        self.unique(content.sheets, "id", "fact sheet")
        # A term becomes an element id and an abbreviation's definition: 'DPT' and 'dpt' would be one of each.
        self.unique(content.glossary, "term", "glossary", folded=True)
        self.source_texts = _Normalised(content.sources)

    def problem(self, where: Location, field: str, message: str, hint: str = "", severity: str = "error"):
        self.problems.append(Problem(where, field, message, hint, severity))

    def unique(self, records: Iterable[Record], attribute: str, what: str, folded: bool = False) -> dict[str, Record]:
        """Records by an attribute that must be unique; with `folded`, compared in their names.key form, so two
        spellings of one text ('DPT', 'dpt', a full-width 'ＤＰＴ') are one."""
        seen: dict[str, Record] = {}
        for record in records:
            value = getattr(record, attribute)
            key = names.key(value) if folded else value
            if key not in seen:
                seen[key] = record
                continue
            first_record = seen[key]
            first = first_record.where(attribute)
            given = getattr(first_record, attribute)
            if given == value:
                self.problem(record.where(attribute), attribute,
                             f"duplicate {what} {attribute} '{value}': already used at {first}",
                             "ids must be unique; pick another")
            else:
                self.problem(record.where(attribute), attribute,
                             f"duplicate {what} {attribute} '{value}': already used at {first} as '{given}'",
                             f"a {attribute} is compared in any letter case and width, since it becomes an "
                             f"element id: keep one of them")
        return seen

    # ------------------------------------------------------------ the run

    def run(self, memo: dict | None = None, checked: Checked | None = None) -> None:
        c = self.content
        registries = (c.regions, c.agency_kinds, c.agencies, c.people, c.topics, c.elections, c.glossary,
                      c.operations, c.places)
        for record, path in self.registry_records():
            self.check_references(record, path)
        self.check_regions()
        self.check_region_names()
        self.check_agencies()
        self.check_elections()
        self.check_operations()
        self.check_places()
        self.check_people_names()
        self.check_glossary()
        if memo is not None and not all(a is b for a, b in zip(memo.get("registries", ()), registries)):
            memo.clear()
        sheets = memo.setdefault("sheets", {}) if memo is not None else {}
        clean = checked.sheets if checked is not None else {}
        for sheet in c.sheets:
            source = c.sources.get(sheet.source.file)
            known = sheets.get(sheet.id)
            if known is not None and known[0] is sheet and known[1] == source:
                self.problems += known[2]
                self.passages += known[3]
                continue
            fingerprint = Checked.fingerprint(sheet, source) if checked is not None else ""
            found = clean.get(fingerprint)
            if type(found) is int:  # a count of passages, as this module saved it (not a flag, not text)
                self.clean[fingerprint] = found
                self.passages += found
                sheets[sheet.id] = (sheet, source, [], found)
                continue
            problems, passages = len(self.problems), self.passages
            for record, path in _walk(sheet, ""):
                self.check_references(record, path)
            self.check_sheet(sheet)
            sheets[sheet.id] = (sheet, source, self.problems[problems:], self.passages - passages)
            if fingerprint and len(self.problems) == problems:
                self.clean[fingerprint] = self.passages - passages
        for partial in self.partial_sheets:
            self.check_partial(partial)
        self.check_people_spelling()
        if memo is not None:
            memo["registries"] = registries
            for gone in sheets.keys() - {sheet.id for sheet in c.sheets}:
                del sheets[gone]

    def registry_records(self) -> Iterator[tuple[Record, str]]:
        c = self.content
        for attribute, records in (("regions", c.regions), ("kinds", c.agency_kinds), ("agencies", c.agencies),
                                   ("people", c.people), ("topics", c.topics), ("elections", c.elections),
                                   ("terms", c.glossary), ("operations", c.operations), ("places", c.places),
                                   ("names", c.region_names)):
            for i, record in enumerate(records):
                yield record, f"{attribute}[{i}]"

    def check_references(self, record: Record, path: str) -> None:
        for f in record_fields(type(record)):
            value = getattr(record, f.name)
            spec = f.spec
            if spec.kind == "list" and spec.item.ref:
                for i, item in enumerate(value):
                    self.check_reference(record, f"{_join(path, f.name)}[{i}]", f.name, item, spec.item.ref)
            elif spec.ref and value is not None:
                self.check_reference(record, _join(path, f.name), f.name, value, spec.ref)

    def check_reference(self, record: Record, path: str, name: str, value: str, ref: Ref) -> None:
        known = self.ids[ref.kind]
        if value in known or ref.kind in self.unloaded_kinds:
            return
        what = ref.kind.replace("_", " ")
        article = "an" if what[0] in "aeiou" else "a"
        close = difflib.get_close_matches(value, known, n=1, cutoff=0.6)
        hint = f"did you mean '{close[0]}'?" if close else f"add it to content/registry/{_REGISTRY[ref.kind]}"
        self.problem(record.where(name), path, f"expected the id of {article} {what}, received unknown id '{value}'", hint)

    # ------------------------------------------------------------ registries

    def check_regions(self) -> None:
        regions = self.ids["region"]
        for region in self.content.regions:
            if (region.parent or region.seat) and region.source is None:
                self.problem(region.loc, "source", "expected a source for the region's parent or seat, "
                             "received none", "no article states these: cite where they come from")
            if region.parent in regions:
                parent = regions[region.parent]
                expected = PARENT_KIND[region.kind]
                if expected is None:
                    self.problem(region.where("parent"), "parent", f"expected no parent for a country, received "
                                 f"'{region.parent}'")
                elif parent.kind != expected:
                    self.problem(region.where("parent"), "parent", f"expected a {expected} as parent, received "
                                 f"{parent.kind} '{parent.id}'")

    def check_region_names(self) -> None:
        """A region of regions.yaml is not one the gazetteer has; a short name is an article's, or is sourced."""
        gazetteer = self.content.gazetteer
        if gazetteer is not None:
            imported = {(region.kind, _folded_name(region.name)): region for region in gazetteer.regions}
            imported_ids = {region.id for region in gazetteer.regions}
            for region in self.content.regions:
                if region.id in imported_ids:
                    continue
                twin = imported.get((region.kind, _folded_name(region.name)))
                if twin is not None:
                    self.problem(region.where("name"), "name", f"expected a region the gazetteer does not hold, "
                                 f"received '{region.name}', which it holds as '{twin.id}' ({twin.code}, "
                                 f"{twin.official_name or twin.name})",
                                 f"delete this entry and use the id '{twin.id}'; a short name goes under names:")
        codes: dict[str, model.Region] = {}
        for region in self.content.regions:
            if region.code is None:
                continue
            if region.code in codes:
                self.problem(region.where("code"), "code", f"duplicate region code '{region.code}': already "
                             f"used at {codes[region.code].where('code')}",
                             "a code names one region; the gazetteer holds every official one")
            codes.setdefault(region.code, region)
        texts = None
        for n, entry in enumerate(self.content.region_names):
            if entry.source is not None:
                continue
            for i, name in enumerate(entry.short_names):
                texts = texts if texts is not None else [text for text in self.content.sources.values()]
                pattern = re.compile(rf"(?<!\w){re.escape(name)}(?!\w)")
                if not any(pattern.search(text) for text in texts):
                    self.problem(entry.where("short_names"), f"names[{n}].short_names[{i}]", f"expected a short name an "
                                 f"archived article writes, received '{name}', which none does",
                                 "add source: with the document that gives it, or wait for an article that uses it")

    def check_people_names(self) -> None:
        """No person's name looks like another's without being the same text (names.look_alike: case, width and
        Unicode's confusables), so a look-alike ('Sеnen' with a Cyrillic 'е') cannot pass for someone else.
        Two people of one name are allowed: they are homonyms, and each sheet says which one it means."""
        seen: dict[str, tuple[int, model.Person]] = {}
        for i, person in enumerate(self.content.people):
            shape = names.look_alike(person.name)
            if shape not in seen:
                seen[shape] = (i, person)
                continue
            j, first = seen[shape]
            if first.name == person.name:
                continue
            char = names.first_difference(person.name, first.name) or person.name[-1:]
            self._look_alikes.add(i)
            self.problem(person.where("name"), f"people[{i}].name", f"expected a name that does not look like "
                         f"another person's, received '{person.name}', which looks like '{first.name}' "
                         f"(people[{j}], {first.where('name')})", f"it differs in {_character(char)}: if it is the "
                         f"same person, cite the id '{first.id}'; if not, write each name with the letters its "
                         "article prints")

    def check_glossary(self) -> None:
        """An expansion is its term's own long form (names.spells), so search, which finds a term by its expansion
        and the other way round, cannot be sent to a name or an unrelated word."""
        for i, term in enumerate(self.content.glossary):
            if term.expansion is not None and not names.spells(term.term, term.expansion):
                self.problem(term.where("expansion"), f"terms[{i}].expansion", f"expected the long form of "
                             f"'{term.term}', with its letters in order (as 'Daftar Pemilih Tetap' spells DPT), "
                             f"received '{term.expansion}'", "an expansion is what the abbreviation stands for: "
                             "say what the term means in its definition, and leave expansion out")

    def check_places(self) -> None:
        places, regions = self.ids["place"], self.ids["region"]
        for place in self.content.places:
            region = regions.get(place.region)
            if region is not None and region.kind not in ("regency", "city"):
                self.problem(place.where("region"), "region", f"expected a regency or city, received {region.kind} "
                             f"'{region.id}'", "a place below a province belongs to one of its regencies or cities")
            parent = places.get(place.parent)
            if parent is not None and parent.region != place.region:
                self.problem(place.where("parent"), "parent", f"expected a place in '{place.region}', received "
                             f"'{parent.id}' in '{parent.region}'")
            if parent is not None and place.source is None:
                self.problem(place.where("parent"), "source", "expected a source for the place's parent, received "
                             "none", "no article states it: cite where it comes from")

    def check_operations(self) -> None:
        for operation in self.content.operations:
            if (operation.agency or operation.start or operation.end) and operation.source is None:
                self.problem(operation.loc, "source", "expected a source for the operation's agency or dates, "
                             "received none", "no article states them: cite where they come from")
            if operation.start and operation.end and operation.end < operation.start:
                self.problem(operation.where("end"), "end", f"expected a day on or after {operation.start}, "
                             f"received {operation.end}")

    def check_agencies(self) -> None:
        for agency in self.content.agencies:
            if not agency.covers:
                continue
            if agency.source is None:
                self.problem(agency.where("covers"), "covers", "expected a source for the regions the branch "
                             "covers, received none", "no article states them: cite where they come from")
            if agency.region is None:
                self.problem(agency.where("covers"), "covers", "expected the branch's own region with 'covers', "
                             "received none", "set 'region' to the region where the branch is based")
            elif agency.region in agency.covers:
                self.problem(agency.where("covers"), "covers", f"expected regions other than the branch's own, "
                             f"received '{agency.region}'", "its own region is 'region'; list only the others")

    def check_elections(self) -> None:
        elections = self.ids["election"]
        for election in self.content.elections:
            if election.kind in ("psu", "recount"):
                what = "re-vote" if election.kind == "psu" else "recount"
                if election.parent is None:
                    self.problem(election.where("kind"), "parent", f"expected the election a {what} repeats, "
                                 "received none", "add parent: the id of the election it repeats")
                if election.region is None:
                    self.problem(election.where("kind"), "region", f"expected the region of the {what}, received "
                                 "none", "add region: where it is held")
            parent = elections.get(election.parent)
            if parent is election:
                self.problem(election.where("parent"), "parent", "expected another election, received the "
                             "election itself")
            elif parent is not None and parent.voting_date >= election.voting_date:
                self.problem(election.where("parent"), "parent", f"expected an election voted before "
                             f"{election.voting_date}, received '{parent.id}' on {parent.voting_date}",
                             "a re-vote or recount comes after the election it repeats")
            for i, milestone in enumerate(election.milestones):
                if milestone.end_date and milestone.end_date < milestone.date:
                    self.problem(milestone.where("end_date"), f"milestones[{i}].end_date",
                                 f"expected a day on or after {milestone.date}, received {milestone.end_date}")

    # ------------------------------------------------------------ fact sheets

    def check_sheet(self, sheet: FactSheet) -> None:
        stem = sheet.loc.path.rsplit("/", 1)[-1].removesuffix(".yaml")
        problem = file_name_problem(sheet.where("id"), stem, sheet.id)
        if problem is not None:
            self.problems.append(problem)
        article = self.source_text(sheet.source)
        self.check_source(sheet.source)
        meeting = sheet.meeting
        if RESERVED_SHEET_ID.match(sheet.id):
            self.problem(sheet.where("id"), "id", f"expected an id that is not the name of a meetings page, "
                         f"received '{sheet.id}'", f"begin it with the date and add the region and meeting, "
                         f"like '{meeting.date.id_prefix}-lampung-timur-rakor'")
        elif not sheet.id.startswith(meeting.date.id_prefix + "-"):
            # A warning: an id is a page's permanent address, so a corrected date keeps the id it had.
            prefix = meeting.date.id_prefix
            self.problem(sheet.where("id"), "id", f"expected an id that begins with the meeting's date "
                         f"'{prefix}-', received '{sheet.id}'", f"name a new fact sheet "
                         f"'{prefix}-<region>-<meeting>.yaml'; keep the id of a published one", severity="warning")
        if meeting.date_as_stated is None and meeting.date.precision != "unknown":
            self.problem(meeting.where("date"), "meeting.date_as_stated",
                         "expected the date as the article writes it, received none",
                         "copy the article's words for the date, like 'Senin (26/08)'; only an 'unknown' date has none")
        self.check_weekday(meeting)
        self.check_date_as_stated(meeting)
        if meeting.time is not None and not meeting.date.exact:
            self.problem(meeting.where("time"), "meeting.time", f"expected a time only with a day, received "
                         f"{meeting.time} with the date '{meeting.date.text}'", "give the day, or leave the time out")
        elif meeting.time is not None and meeting.time_zone is None:
            self.problem(meeting.where("time"), "meeting.time", f"expected a time zone with the time "
                         f"{meeting.time}, received none", "add time_zone (WIB, WITA or WIT), and list it in "
                         "'inferred' if the article does not name it")
        elif meeting.time_zone is not None and meeting.time is None:
            self.problem(meeting.where("time_zone"), "meeting.time_zone", f"expected a time with the time zone "
                         f"{meeting.time_zone}, received none", "add the time the article gives, or leave the zone out")
        self.check_timeline(sheet)
        self.check_contests(meeting)
        if meeting.inferred and meeting.inference_note is None:
            self.problem(meeting.where("inferred"), "meeting.inference_note",
                         "expected a note explaining the inference, received none",
                         "say why the inferred value holds")
        attendees = {a.person for a in sheet.attendance if a.person}
        if meeting.chair and meeting.chair not in attendees:
            self.problem(meeting.where("chair"), "meeting.chair",
                         f"expected the chair to be listed in attendance, received '{meeting.chair}'",
                         "add an attendance entry for them")
        for i, entry in enumerate(sheet.attendance):
            if not (entry.person or entry.position or entry.agency or entry.agencies):
                self.problem(entry.loc, f"attendance[{i}]", "expected a person, position or agency, "
                             "received none of them")
            self.check_attendee(entry, f"attendance[{i}]")
            if entry.accompanied and "companion" not in entry.roles:
                self.problem(entry.where("accompanied"), f"attendance[{i}].accompanied",
                             "expected the role 'companion' with 'accompanied', received "
                             + (", ".join(entry.roles) or "no roles"), "add companion to roles")
            elif entry.accompanied and entry.accompanied not in attendees:
                self.problem(entry.where("accompanied"), f"attendance[{i}].accompanied",
                             f"expected someone listed in attendance, received '{entry.accompanied}'",
                             "add an attendance entry for the person accompanied")
            elif entry.accompanied == entry.person and entry.person:
                self.problem(entry.where("accompanied"), f"attendance[{i}].accompanied",
                             "expected another attendee, received the entry's own person")
            if entry.group and entry.person:
                self.problem(entry.where("person"), f"attendance[{i}].person",
                             "expected no person on a group entry, received one", "set group: false")
        self.unique(sheet.statements, "id", "statement")
        for i, statement in enumerate(sheet.statements):
            self.check_statement(sheet, statement, f"statements[{i}]", attendees)
        self.check_figures(sheet)
        self.check_corrections(sheet)
        if article is not None:
            self.check_summary(sheet, article.text)
            self.check_point_numbers(sheet)
            self.check_meeting_evidence(sheet)
            self.check_attribution(sheet, article)
            for i, entry in enumerate(sheet.attendance):
                self.check_attendee_named(entry, f"attendance[{i}]", article.text)
            folded = article.text.casefold()  # operations and places are found in any letter case
            regions = self.ids["region"]
            for record, path in _walk(sheet, ""):
                self.check_evidence(record, path, article)
                if getattr(record, "places", ()):
                    self.check_places_named(record, path, folded, meeting.region, regions)
            self.named_in_article(meeting, "meeting", "operations", "operation", folded)

    def check_summary(self, sheet: FactSheet, text: str) -> None:
        """A summary's numbers, durations and people are ones the sheet states or derives (claims.py). The
        article is read for its numbers and dates only when the figures and the meeting's date do not give a
        claim (most summaries repeat figures)."""
        numbers = sheet_numbers(sheet)
        start = sheet.meeting.date.start
        stated: dict[str, set] = {}  # the article's numbers and durations, read when first needed

        def article(kind: str) -> set:
            if kind not in stated:
                if kind == "numbers":
                    stated[kind] = claims.stated_values(text)
                else:
                    stated[kind] = claims.stated_durations(text)
                    if sheet.meeting.date.exact:
                        stated[kind].update(Decimal(abs((day - start).days)) for day in claims.stated_dates(text))
            return stated[kind]

        listed = self.people_listed(sheet)
        for lang in ("id", "en"):
            summary = getattr(sheet.summary, lang)
            if summary is None:
                continue
            where, path = sheet.summary.where(lang), f"summary.{lang}"
            for claim in claims.summary_claims(summary, lang):
                if claim.duration and claim.value not in article("durations"):
                    self.problem(where, path, f"expected a duration the article states or its dates give, received "
                                 f"'{claim.text}', which neither does", "say it as the article does, like 'tinggal "
                                 "beberapa hari lagi', or leave it out")
                elif not claim.duration and claim.value not in numbers and claim.value not in article("numbers"):
                    self.problem(where, path, f"expected numbers the article states or the sheet's figures give, "
                                 f"received '{claim.text}'", "copy the number from the article, or add the figure "
                                 "it comes from")
            for run in claims.titled_names(summary, self.known_words()):
                if not self.people_in(run):
                    self.problem(where, path, f"expected people a registry knows, received '{run}', whom no "
                                 "registry lists", "add them to content/registry/people.yaml and to the sheet, or "
                                 "leave the name out of the summary")
            for name, people in self.people_named(summary).items():
                if not any(person.id in listed for person in people):  # a name several people share is anyone's
                    self.problem(where, path, f"expected people the sheet lists, received '{name}', whom it "
                                 "does not list", "add their attendance or statement, or leave them out of the summary")

    def check_point_numbers(self, sheet: FactSheet) -> None:
        """A paraphrase, a concern or a commitment is in the digest's words, as a summary is, so each number in it
        (in figures, in either language) is one its own passages state, or one the sheet's figures or the
        meeting's date give; each duration ('lima tahun') is one its passages state (claims.py)."""
        numbers = sheet_numbers(sheet)
        records = [(f"statements[{i}].paraphrase", s, s.paraphrase) for i, s in enumerate(sheet.statements)
                   if s.paraphrase is not None]
        records += [(f"{kind}[{i}].text", point, point.text) for kind in ("concerns", "commitments")
                    for i, point in enumerate(getattr(sheet, kind))]
        for path, record, text in records:
            evidence = record.evidence
            passages_given = () if evidence is None else (evidence,) if isinstance(evidence, str) else evidence
            cited = " ".join(normalise(passage) for passage in passages_given)
            stated = durations = None
            for lang in ("id", "en"):
                written = getattr(text, lang)
                if written is None:
                    continue
                for claim in claims.summary_claims(written, lang):
                    if claim.duration:
                        durations = claims.stated_durations(cited) if durations is None else durations
                        if claim.value not in durations:
                            self.problem(text.where(lang), f"{path}.{lang}", f"expected a duration its passages "
                                         f"state, received '{claim.text}', which they do not",
                                         "say it as the passage does, or cite the sentence that states it")
                        continue
                    if claim.value in numbers:
                        continue
                    stated = claims.stated_values(cited) if stated is None else stated
                    if claim.value not in stated:
                        self.problem(text.where(lang), f"{path}.{lang}", f"expected numbers its passages state or "
                                     f"the sheet's figures give, received '{claim.text}', which neither does",
                                     "copy the number from the passage it cites, or cite the sentence that states it")

    def check_meeting_evidence(self, sheet: FactSheet) -> None:
        """The meeting's venue and its chair are facts of the meeting, so the meeting's own evidence states them:
        the venue as written, the chair by a name of theirs (in any letter case)."""
        meeting = sheet.meeting
        cited = [normalise(passage) for passage in meeting.evidence]
        folded = [passage.casefold() for passage in cited]
        if meeting.venue is not None and not any(normalise(meeting.venue).casefold() in p for p in folded):
            self.problem(meeting.where("venue"), "meeting.venue", f"expected a venue the meeting's evidence "
                         f"names, received {_shorten(meeting.venue)!r}, which none of its passages holds",
                         "add the article's sentence that names the venue to meeting.evidence")
        person = self.ids["person"].get(meeting.chair) if meeting.chair else None
        if person is not None and any(a.person == person.id for a in sheet.attendance):  # else reported as absent
            # Compared as check_attendee_named compares: case-folded and in key form, without invisible characters.
            forms = [form for name in (person.name, *person.short_names) for form in _name_forms(normalise(name))]
            written = [form for passage in cited for form in _name_forms(passage)]
            if not any(form in passage for form in forms for passage in written):
                self.problem(meeting.where("chair"), "meeting.chair", f"expected a chair the meeting's evidence "
                             f"names, received '{person.id}' ({person.name}), whom none of its passages names",
                             "add the article's words that say who chaired or opened it to meeting.evidence")

    def check_date_as_stated(self, meeting: model.Meeting) -> None:
        """A day, month or year that date_as_stated writes ('Senin (5/2/2024)', '20 November 2024') is the
        meeting date's: a date that contradicts the article's own words for it is an error."""
        if meeting.date_as_stated is None or not meeting.date.exact:
            return
        written = claims.date_parts(meeting.date_as_stated)
        if written is None:
            return
        day = meeting.date.start
        wrong = [name for name, value, actual in zip(("day", "month", "year"), written,
                                                      (day.day, day.month, day.year))
                 if value is not None and value != actual]
        if wrong:
            self.problem(meeting.where("date"), "meeting.date", f"expected the day '{meeting.date_as_stated}' "
                         f"writes, received {day.isoformat()}, whose {' and '.join(wrong)} it contradicts",
                         "correct the date, or check date_as_stated against the article")

    def check_attribution(self, sheet: FactSheet, article: Article) -> None:
        """A statement's speaker, and the person who raised a concern or made a commitment, is the person its
        passage names as the speaker, when it names any registry person as such: the attribution around a
        quotation ('ucap Bupati Musa Ahmad', 'kata Harmono') or the subject of a reported-speech sentence
        ('Andik juga memaparkan, ...'). A sentence that names no speaker (narration) holds nobody to it."""
        text = article.text
        for i, statement in enumerate(sheet.statements):
            if statement.narration and statement.evidence is not None:
                for words in self.attributions(statement, article):
                    named = self.people_in(words)
                    if named:
                        self.problem(statement.where("narration"), f"statements[{i}].narration", "expected a "
                                     f"passage that names no speaker for the article's narration, received one "
                                     f"that gives it to '{named[0].name}' ({named[0].id}): {_shorten(words.strip())!r}",
                                     f"give the statement to '{named[0].id}' as its speaker")
                        break
        records = [(f"statements[{i}]", "speaker", s) for i, s in enumerate(sheet.statements) if s.speaker]
        records += [(f"{kind}[{i}]", "raised_by", point) for kind in ("concerns", "commitments")
                    for i, point in enumerate(getattr(sheet, kind)) if point.raised_by]
        for path, name, record in records:
            speaker = self.ids["person"].get(getattr(record, name))
            if speaker is None:
                continue
            said: list[str] = []
            if isinstance(record, model.Statement) and record.quote is not None:
                located = attribution.locate_quote(article, record.quote)
                if located is not None:
                    said.append(attribution.quote_attribution(article, located.quotation))
                    self.check_cuts(record, path, article, located)
            said += self.attributions(record, article)
            own = attribution.name_pattern((speaker.name, *speaker.short_names))
            for words in said:
                if own is not None and own.search(words):
                    continue
                others = [person for person in self.people_in(words) if person.id != speaker.id]
                if others:
                    named = ", ".join(f"'{p.name}' ({p.id})" for p in others)
                    self.problem(record.where(name), f"{path}.{name}", f"expected the person its passage names as "
                                 f"the speaker, received '{speaker.id}', while the article gives it to {named}: "
                                 f"{_shorten(words.strip())!r}", f"give it to '{others[0].id}', or cite the words "
                                 f"where the article gives it to '{speaker.id}'")
                    break

    def attributions(self, record, article: Article) -> list[str]:
        """The words that say who spoke each passage of a record's evidence: the attribution of the quotation a
        passage lies in, or the subject of each reported-speech sentence it holds (attribution.sentence_subject)."""
        text, said = article.text, []
        evidence = record.evidence
        for passage in () if evidence is None else (evidence,) if isinstance(evidence, str) else evidence:
            written = normalise(passage)
            start = text.find(written)
            if start < 0:
                continue
            quotation = article.quotation_at(start)
            if quotation is not None:
                said.append(attribution.quote_attribution(article, quotation))
                continue
            end, at = start + len(written), start
            while at < end:
                stop = min(article.sentence_after(at + 1), end)
                subject = attribution.sentence_subject(text[at:stop])
                if subject:
                    said.append(subject)
                at = stop + 1
        return said

    def check_cuts(self, statement: model.Statement, path: str, article: Article, located) -> None:
        """An excerpt's '...' does not cut away a negation or a condition right beside the words it keeps
        ('... ada money politics ...' from 'Jangan sampai ada money politics'): the kept words would then say
        the opposite, or say without condition what the speaker made conditional."""
        guards = attribution.cut_guards(article, located)
        if guards:
            self.problem(statement.where("quote"), f"{path}.quote", f"expected an excerpt that keeps the "
                         f"negations and conditions beside its cuts, received one whose '...' cuts away "
                         f"{', '.join(repr(g) for g in guards)}: {_shorten(normalise(statement.quote))!r}",
                         "move the cut so that the word stays in the quote, or quote the whole quotation")

    def known_words(self) -> frozenset[str]:
        """The case-folded words of the names the registries give to what is not a person (regions, agencies and
        their kinds, places, operations, glossary terms), which may stand between a title and a name."""
        if self._known_words is None:
            c = self.content
            texts = [r.name for r in c.regions] + [n for r in c.region_names for n in getattr(r, "short_names", ())]
            texts += [a.name for a in c.agencies] + [n for a in c.agencies for n in getattr(a, "short_names", ())]
            texts += [k.abbreviation for k in c.agency_kinds] + [k.name.id for k in c.agency_kinds]
            texts += [p.name for p in c.places] + [n for p in c.places for n in p.short_names]
            texts += [o.name for o in c.operations] + [n for o in c.operations for n in o.short_names]
            texts += [t.term for t in c.glossary] + [t.expansion for t in c.glossary if t.expansion]
            self._known_words = frozenset(w.casefold() for text in texts for w in re.findall(r"[^\W\d_]+", text or ""))
        return self._known_words

    def people_in(self, text: str) -> list[model.Person]:
        """The registry's people a text names by a full or short name, as whole words in the letter case written."""
        if self._forms is None:
            self._forms = {}
            for person in self.content.people:
                for form in {normalise(f) for f in (person.name, *person.short_names) if f.split()}:
                    self._forms.setdefault(form.split()[0], []).append((form, person))
        found: dict[str, model.Person] = {}
        for match in re.finditer(r"[\w'-]+", text):
            for form, person in self._forms.get(match.group(), ()):
                end = match.start() + len(form)
                if text.startswith(form, match.start()) and (end == len(text) or not (text[end].isalnum()
                                                                                      or text[end] in "-_")):
                    found.setdefault(person.id, person)
        return list(found.values())

    def check_people_spelling(self) -> None:
        """A person's name, rank, corps, honorifics and degrees in the registry are spelled as at least one
        article that cites them writes them (any letter case): a registry entry cannot respell what every
        article prints ('Khoiriyah' where the article has 'Khoiriah', 'Kombes' where it has 'AKBP')."""
        texts: dict[str, list[tuple[str, str]]] = defaultdict(list)
        promoted: set[str] = set()  # people an attendance entry gives the rank of that meeting
        for sheet in self.content.sheets:
            article = self.source_texts.get(sheet.source.file)
            if article is None:
                continue
            folded = article.text.casefold()
            promoted.update(a.person for a in sheet.attendance if a.person and a.rank)
            cited = {a.person for a in sheet.attendance} | {a.represents_person for a in sheet.attendance}
            cited |= {s.speaker for s in sheet.statements} | {sheet.meeting.chair}
            cited |= {p.raised_by for p in sheet.concerns + sheet.commitments}
            for person_id in cited - {None}:
                texts[person_id].append((sheet.id, folded))
        for i, person in enumerate(self.content.people):
            articles = texts.get(person.id)
            if not articles or i in self._look_alikes:
                continue  # a look-alike name is reported once, as such
            for name in ("name", "rank", "corps", "honorifics", "degrees"):
                value = getattr(person, name)
                if value is None or any(normalise(value).casefold() in text for _, text in articles):
                    continue
                if name == "rank" and person.id in promoted:
                    continue  # the registry's later rank, from an article this tree may not hold
                what = {"honorifics": "honorific"}.get(name, name)
                self.problem(person.where(name), f"people[{i}].{name}", f"expected the {what} as an article that "
                             f"cites '{person.id}' writes it, received {value!r}, which none of them does",
                             f"copy it letter for letter from the article of '{articles[0][0]}'")

    def people_listed(self, sheet: FactSheet) -> set[str]:
        """Everyone a sheet names: attendees, those stood in for, speakers, those who raised a point, the chair."""
        listed = {a.person for a in sheet.attendance} | {a.represents_person for a in sheet.attendance}
        listed |= {s.speaker for s in sheet.statements}
        listed |= {p.raised_by for p in sheet.concerns + sheet.commitments} | {sheet.meeting.chair}
        return listed - {None}

    def people_named(self, text: str) -> dict[str, list[model.Person]]:
        """The full names of the registry's people that a text writes, each with everyone of that name."""
        if self._names is None:
            self._names = {}
            for person in self.content.people:
                first = person.name.split()[0].casefold() if person.name.split() else ""
                self._names.setdefault(first, []).append(person)
        folded, found = text.casefold(), {}
        for word in sorted(set(re.findall(r"\w+", folded))):
            for person in self._names.get(word, ()):
                if person.name.casefold() in folded:
                    found.setdefault(person.name, []).append(person)
        return dict(sorted(found.items()))

    def check_corrections(self, sheet: FactSheet) -> None:
        """Corrections come oldest first, none before the article was published (or, when that is not known,
        before the first day the meeting may have been)."""
        published, first_day = sheet.source.published, sheet.meeting.date.start
        earliest = (published, "the article's publication") if published else (first_day, "the meeting")
        for i, correction in enumerate(sheet.corrections):
            path = f"corrections[{i}].date"
            if earliest[0] is not None and correction.date < earliest[0]:
                self.problem(correction.where("date"), path, f"expected a day on or after {earliest[1]} "
                             f"({earliest[0]}), received {correction.date}", "check the year")
            elif i and correction.date < sheet.corrections[i - 1].date:
                self.problem(correction.where("date"), path, f"expected a day on or after the correction before "
                             f"it ({sheet.corrections[i - 1].date}), received {correction.date}",
                             "list corrections oldest first, adding a new one at the end")

    def source_text(self, source: model.Source) -> Article | None:
        """The archived text a sheet cites, read for evidence; reported when there is none of that name."""
        text = self.source_texts.get(source.file)
        if text is None and source.file not in self.unread_sources:
            close = difflib.get_close_matches(source.file, self.source_texts, n=1)
            hint = f"did you mean '{close[0]}'?" if close else "archive the article's text there, unchanged"
            self.problem(source.where("file"), "source.file",
                         f"expected a file in content/sources/, received '{source.file}'", hint)
        return text

    def check_partial(self, partial: PartialSheet) -> None:
        """What can still be checked in a fact sheet that did not load: the references and the evidence of the
        records that converted whole. Checks across its records (a speaker in attendance, figures adding up) wait
        until it loads, since a record left out would make them report what is not wrong."""
        records = [found for top, path in partial.records for found in _walk(top, path)]
        source = next((record for record, path in records if path == "source"), None)
        if source is not None:
            article = self.source_text(source)
        else:
            article = self.source_texts.get(partial.source_file) if partial.source_file else None
        for record, path in records:
            self.check_references(record, path)
            if article is not None:
                self.check_evidence(record, path, article)

    def check_source(self, source: model.Source) -> None:
        """How the publication date is known, the dateline's place, and what a partial archive lacks."""
        basis, published = source.published_basis, source.published
        if published is not None and basis is None:
            self.problem(source.where("published"), "source.published_basis", "expected how the publication date "
                         "is known, received none", "add published_basis: stated, dateline, url or outlet-page")
        elif published is None and basis is not None:
            self.problem(source.where("published_basis"), "source.published", f"expected the publication date "
                         f"with published_basis '{basis}', received none", "add published, or leave the basis out")
        elif basis == "stated" and source.published_evidence is None:
            self.problem(source.where("published_basis"), "source.published_evidence", "expected the passage "
                         "stating the publication date, received none", "copy it from the archived text")
        elif basis == "dateline" and (source.dateline is None or source.dateline.date != published):
            given = source.dateline.date if source.dateline and source.dateline.date else "none"
            self.problem(source.where("published_basis"), "source.published_basis", f"expected a dateline dated "
                         f"{published}, received {given}", "give dateline.date, or the basis the date comes from")
        elif basis == "url" and not url_has_date(source.url, published):
            self.problem(source.where("published_basis"), "source.published_basis", f"expected an address holding "
                         f"the date {published} (like /{published:%Y/%m/%d}/), received "
                         f"{source.url or 'no url'}", "use 'outlet-page' if the outlet's page shows the date")
        if source.published_evidence is not None and basis != "stated":
            self.problem(source.where("published_evidence"), "source.published_evidence", "expected a passage only "
                         f"for published_basis 'stated', received one with {basis or 'no basis'}",
                         "set published_basis: stated, or leave the passage out")
        dateline = source.dateline
        if dateline is not None and dateline.place is not None and dateline.place not in dateline.text:
            self.problem(dateline.where("place"), "source.dateline.place", f"expected a place the dateline prints, "
                         f"received '{dateline.place}', which is not in '{dateline.text}'",
                         "copy the place from the dateline, or leave it out when the dateline names only the outlet")
        if source.archive == "partial" and source.archive_missing is None:
            self.problem(source.where("archive"), "source.archive_missing", "expected what the partial archive "
                         "lacks, received nothing", "say which part is missing and why, in archive_missing")
        elif source.archive == "complete" and source.archive_missing is not None:
            self.problem(source.where("archive_missing"), "source.archive_missing", "expected nothing missing "
                         "from a complete archive, received a note", "set archive: partial")

    def one_or_several(self, record, one: str, several: str, path: str) -> bool:
        """A record names one agency in `one` or two and more in `several`, never both; False if it did not."""
        listed = getattr(record, several)
        if listed and getattr(record, one):
            self.problem(record.where(several), f"{path}.{several}", f"expected either '{one}' or '{several}', "
                         f"received both", f"list every agency in '{several}' and leave '{one}' out")
        elif len(listed) == 1:
            self.problem(record.where(several), f"{path}.{several}", f"expected two or more agencies, received "
                         f"one ('{listed[0]}')", f"give a single agency as '{one}'")
        else:
            return True
        return False

    def check_attendee(self, entry: model.Attendance, path: str) -> None:
        """Who an entry is (a person, a group, an institution), its agencies, and on whose behalf it attended."""
        if self.one_or_several(entry, "agency", "agencies", path) and entry.agencies \
                and not (entry.group or entry.institution):
            self.problem(entry.where("agencies"), f"{path}.agencies", "expected several agencies only for a "
                         "group or an institution, received them for one attendee",
                         "set group: true, or give the attendee's own agency as 'agency'")
        if entry.institution:
            if entry.person or entry.group:
                self.problem(entry.where("institution"), f"{path}.institution", "expected an institution without "
                             "a person and not a group, received " + ("a person" if entry.person else "group: true"),
                             "an institution attending as a whole names no one; otherwise set institution: false")
            elif not (entry.agency or entry.agencies):
                self.problem(entry.where("institution"), f"{path}.institution", "expected the institution's "
                             "agency, received none", "add agency: the institution that attended")
        if entry.rank and not entry.person:
            self.problem(entry.where("rank"), f"{path}.rank", "expected a rank only for a named person, "
                         "received one without 'person'", "put an unnamed attendee's rank in 'position'")
        if entry.represents_person and entry.represents_person == entry.person:
            self.problem(entry.where("represents_person"), f"{path}.represents_person",
                         "expected someone other than the attendee, received the entry's own person",
                         "name the person stood in for, or leave represents_person out")

    def check_attendee_named(self, entry: model.Attendance, path: str, text: str) -> None:
        """A named attendee's evidence names them: their name or a short name is in one of its passages (in any
        letter case and width), so a sheet cannot list someone the cited words do not name. Passages the article
        does not hold are reported by check_evidence alone."""
        person = self.ids["person"].get(entry.person) if entry.person else None
        evidence = entry.evidence
        if person is None or evidence is None:
            return
        passages_given = [normalise(passage) for passage in evidence]
        if not all(passage in text for passage in passages_given):
            return
        # Compared as written (case-folded) and in key form, without the invisible characters a copied article
        # may hold inside a name (a soft hyphen, a zero-width space), which a registry name may not.
        forms = [form for name in (person.name, *person.short_names) for form in _name_forms(normalise(name))]
        written = [form for passage in passages_given for form in _name_forms(passage)]
        if any(form in passage for passage in written for form in forms):
            return
        shorter = [name for name in person.short_names if name != person.name]
        others = f" (or {', '.join(shorter)})" if shorter else ""
        field = _join(path, "evidence")
        self.problem(entry.where("evidence"), field, f"expected a passage that names the attendee "
                     f"'{person.name}'{others}, received one that does not: {_shorten(evidence[0])!r}",
                     "cite the words where the article names them, or add the article's form of the name to "
                     f"the short_names of '{person.id}'")

    def check_places_named(self, record: Record, path: str, folded: str, meeting_region: str, regions) -> None:
        """Each place a statement, figure or point cites is named in the article and lies in the meeting's region."""
        for i, place in self.named_in_article(record, path, "places", "place", folded):
            if meeting_region not in model.region_ancestry(place.region, regions):
                self.problem(record.where("places"), f"{path}.places[{i}]", f"expected a place in "
                             f"'{meeting_region}', the meeting's region, received '{place.id}' in '{place.region}'")

    def named_in_article(self, record: Record, path: str, name: str, kind: str, folded: str) -> list[tuple[int, Record]]:
        """Registry records a field cites that the article (its normalised text, case-folded) names by name or short
        name; the others are reported."""
        known, found = self.ids[kind], []
        for i, ref in enumerate(getattr(record, name)):
            cited = known.get(ref)
            if cited is None:
                continue  # reported as an unknown id
            names = (cited.name, *cited.short_names)
            if any(normalise(n).casefold() in folded for n in names):
                found.append((i, cited))
            else:
                self.problem(record.where(name), f"{path}.{name}[{i}]", f"expected {'an' if kind[0] in 'aeiou' else 'a'} "
                             f"{kind} the article names, received '{ref}', whose names ({', '.join(names)}) it does "
                             f"not use", f"add the article's form to the {kind}'s short_names, or leave it out")
        return found

    def check_contests(self, meeting: model.Meeting) -> None:
        """A meeting's contests are on the ballot of an election it prepares (when the registry lists them)."""
        elections = [self.ids["election"].get(name) for name in meeting.elections]
        listed = [e for e in elections if e is not None and e.contests]
        if not listed or len(listed) < len([e for e in elections if e is not None]):
            return  # an election without its contests listed may hold any
        allowed = {contest for e in listed for contest in e.contests}
        for i, contest in enumerate(meeting.contests):
            if contest not in allowed:
                self.problem(meeting.where("contests"), f"meeting.contests[{i}]", f"expected a contest of "
                             f"{', '.join(e.id for e in listed)} ({', '.join(sorted(allowed))}), received {contest}",
                             "check the contest, or the elections the meeting prepares")

    def check_weekday(self, meeting: model.Meeting) -> None:
        if meeting.weekday_as_stated is None:
            return
        if not meeting.date.exact:
            self.problem(meeting.where("weekday_as_stated"), "meeting.weekday_as_stated",
                         f"expected a weekday only with a day, received {meeting.weekday_as_stated} with the date "
                         f"'{meeting.date.text}'", "give the day the weekday belongs to, or leave the weekday out")
            return
        day = meeting.date.start
        actual = WEEKDAYS_ID[day.weekday()]
        if actual != meeting.weekday_as_stated:
            self.problem(meeting.where("weekday_as_stated"), "meeting.weekday_as_stated",
                         f"expected {actual} for {day.isoformat()}, received {meeting.weekday_as_stated}",
                         "the date or the weekday is wrong; check the article")

    def check_timeline(self, sheet: FactSheet) -> None:
        meeting = sheet.meeting
        elections = self.ids["election"]
        for name in meeting.elections:
            election = elections.get(name)
            if election is None:
                continue
            start = election.voting_date - dt.timedelta(days=election.preparation_days)
            when = meeting.date
            on = f"on {when.text}" if when.exact else f"dated '{when.text}'"
            # Flag a date only when every day it may be falls outside the preparation window.
            if when.start is not None and when.start > election.voting_date:
                self.problem(meeting.where("date"), "meeting.date",
                             f"meeting {on} is after {election.id}'s voting day "
                             f"{election.voting_date}", "check the year, or the election it prepares",
                             severity="warning")
            elif when.end is not None and when.end < start:
                self.problem(meeting.where("date"), "meeting.date",
                             f"meeting {on} is more than {election.preparation_days} days before "
                             f"{election.id}'s voting day {election.voting_date}",
                             "check the year, or the election it prepares", severity="warning")

    def check_statement(self, sheet, statement: model.Statement, path: str, attendees: set) -> None:
        if (statement.quote is None) == (statement.paraphrase is None):
            self.problem(statement.loc, path, "expected exactly one of 'quote' or 'paraphrase', received "
                         + ("both" if statement.quote else "neither"))
        if statement.quote_en and statement.quote is None:
            self.problem(statement.where("quote_en"), f"{path}.quote_en",
                         "expected a translation only beside a quote, received one without a quote",
                         "put the English text in paraphrase.en")
        if statement.paraphrase is not None and statement.evidence is None:
            self.problem(statement.loc, f"{path}.evidence", "expected evidence for a paraphrase, received none",
                         "cite the passage that reports what was said")
        if statement.narration and (statement.speaker or statement.agency or statement.quote is not None):
            given = "a speaker" if statement.speaker else "an agency" if statement.agency else "a quote"
            self.problem(statement.where("narration"), f"{path}.narration", "expected the article's narration to "
                         f"be a paraphrase given to no one, received {given}", "leave speaker, agency and quote out "
                         "of narration, or set narration: false when the article names who said it")
        if statement.speaker and statement.speaker not in attendees:
            self.problem(statement.where("speaker"), f"{path}.speaker",
                         f"expected the speaker in attendance, received '{statement.speaker}'",
                         "add an attendance entry for them")

    def check_figures(self, sheet: FactSheet) -> None:
        figures = self.unique(sheet.figures, "id", "figure")
        parts: dict[str, list[model.Figure]] = defaultdict(list)
        former: dict[str, str] = {}
        for i, figure in enumerate(sheet.figures):
            for j, old in enumerate(figure.former_ids):
                taken = old if old in figures else former.get(old)
                if taken is not None:
                    self.problem(figure.where("former_ids"), f"figures[{i}].former_ids[{j}]", f"expected an id no "
                                 f"other figure of the sheet uses, received '{old}', already "
                                 + ("a figure's id" if old in figures else f"a former id of '{taken}'"),
                                 "an old link must lead to one figure: keep the former id on the figure it named")
                former.setdefault(old, figure.id)
        for i, figure in enumerate(sheet.figures):
            self.check_figure(sheet, figure, f"figures[{i}]")
            if figure.part_of is None:
                continue
            total = figures.get(figure.part_of)
            if figure.part_of == figure.id:
                self.problem(figure.where("part_of"), f"figures[{i}].part_of", f"expected the id of another "
                             f"figure, received its own id '{figure.id}'", "name the total it is a part of, or "
                             "leave part_of out")
                continue
            if total is not None and total.part_of == figure.id:
                self.problem(figure.where("part_of"), f"figures[{i}].part_of", f"expected a total that is not "
                             f"itself a part of '{figure.id}', received '{total.id}', whose part_of is "
                             f"'{figure.id}'", "give part_of to the part only; the total has none")
                continue
            if total is None:
                close = difflib.get_close_matches(figure.part_of, figures, n=1)
                self.problem(figure.where("part_of"), f"figures[{i}].part_of",
                             f"expected the id of a figure in this sheet, received '{figure.part_of}'",
                             f"did you mean '{close[0]}'?" if close else "")
            else:
                parts[total.id].append(figure)
                if total.kind != figure.kind:
                    self.problem(figure.where("kind"), f"figures[{i}].kind", f"expected the kind of its total "
                                 f"'{total.id}' ({total.kind}), received {figure.kind}")
        for total_id, members in parts.items():
            total = figures[total_id]
            if not (total.exact and all(p.exact and p.kind == total.kind for p in members)):
                continue  # an approximate total or part, or one of another kind, cannot be added up
            added = sum(p.value for p in members)
            if added != total.value:
                self.problem(total.where("value"), f"figures[{sheet.figures.index(total)}].value",
                             f"parts do not add up: {' + '.join(f'{p.value:,}' for p in members)} = {added:,}, "
                             f"but the total '{total.id}' is {total.value:,}",
                             "check each part's value against the article")

    def check_figure(self, sheet: FactSheet, figure: model.Figure, path: str) -> None:
        """The fields a figure's kind needs, and none that belong to another kind; the value against its words."""
        kind = figure.kind
        for name, kinds in _FIGURE_FIELD_KINDS.items():
            if getattr(figure, name) not in (None, ()) and kind not in kinds:
                self.problem(figure.where(name), f"{path}.{name}", f"expected '{name}' only for a figure of kind "
                             f"{' or '.join(kinds)}, received it for kind {kind}", f"leave {name} out, or check the kind")
        needs = _FIGURE_KIND_NEEDS
        if kind in needs and getattr(figure, needs[kind][0]) is None:
            self.problem(figure.where("kind"), f"{path}.{needs[kind][0]}", f"expected '{needs[kind][0]}' for a "
                         f"figure of kind {kind}, received none", needs[kind][1])
        if kind == "assessment":
            if figure.value is not None:
                self.problem(figure.where("value"), f"{path}.value", "expected no value for an assessment, received "
                             f"{figure.value:,}", "give its level and scale; a number belongs in a figure of its own")
            elif figure.level is not None and figure.scale and figure.level not in figure.scale:
                self.problem(figure.where("level"), f"{path}.level", f"expected one of the scale's levels "
                             f"({', '.join(figure.scale)}), received '{figure.level}'", "copy both from the article")
        elif figure.value is None:
            self.problem(figure.where("kind"), f"{path}.value", "expected the number, received none",
                         "write it in full units: 69000000000 for Rp69 miliar")
        if figure.value_max is not None and (figure.value is None or figure.value_max <= figure.value):
            self.problem(figure.where("value_max"), f"{path}.value_max", "expected the upper end of a range, above "
                         f"'value' ({figure.value:,}), received {figure.value_max:,}" if figure.value is not None else
                         f"expected it with 'value', the lower end, received it alone ({figure.value_max:,})")
        self.one_or_several(figure, "recipient", "recipients", path)
        if figure.region is not None and figure.region == sheet.meeting.region:
            self.problem(figure.where("region"), f"{path}.region", f"expected another region than the meeting's, "
                         f"received '{figure.region}'", "leave region out: a figure is for the meeting's region")
        if figure.value is not None:
            self.check_stated_value(figure, path)

    def check_stated_value(self, figure: model.Figure, path: str) -> None:
        """The value and its upper end against the numbers the figure's words give ('Rp103,66 miliar')."""
        stated = stated_numbers(figure.as_stated)
        given = (figure.value,) if figure.value_max is None else (figure.value, figure.value_max)
        if len(stated) != len(given):
            return  # words for numbers ("dua polisi"), or several numbers: nothing to compare safely
        for value, number in zip(given, stated):
            if number is not None and number != value:
                name = "value" if value is figure.value else "value_max"
                self.problem(figure.where(name), f"{path}.{name}", f"expected {number:,} as '{figure.as_stated}' "
                             f"states it, received {value:,}", "write the number in full units: 'Rp103,66 miliar' is "
                             "103660000000, '1.621' is 1621")

    def check_evidence(self, record: Record, path: str, article: Article) -> None:
        """Every passage a record copies is in the article, with the shape its field needs (generator/passages.py):
        a quote is a quotation or a marked excerpt of one; other passages are whole words, long enough for their
        fact; the evidence of a paraphrase, a concern or a commitment is whole sentences."""
        text = article.text
        for name in AS_WRITTEN.get(type(record), ()):
            value = getattr(record, name, None)
            if value is None:
                continue
            written = normalise(value)
            if written not in text:
                self.problem(record.where(name), _join(path, name),
                             f"expected the words as the article writes them, received text that is not in it: "
                             f"{_shorten(value)!r}", self.nearest_hint(written, article))
            else:
                self.refused(record, name, _join(path, name), passages.span_problem(article, written))
        if isinstance(record, model.Statement) and record.quote is not None:
            self.passages += 1
            refusal = passages.quote_problem(article, record.quote)
            if refusal is not None and refusal.missing is not None:
                shown = record.quote if refusal.missing == normalise(record.quote) else refusal.missing
                self.problem(record.where("quote"), _join(path, "quote"),
                             f"expected a passage of the archived article, received text that is not in it: "
                             f"{_shorten(shown)!r}", self.nearest_hint(refusal.missing, article))
            else:
                self.refused(record, "quote", _join(path, "quote"), refusal)
        evidence = getattr(record, "evidence", None)
        if evidence is None:
            return
        what, least, sentences = _evidence_rule(record, path)
        many = not isinstance(evidence, str) and len(evidence) > 1
        for j, passage in enumerate((evidence,) if isinstance(evidence, str) else evidence):
            self.passages += 1
            field = _join(path, "evidence") + (f"[{j}]" if many else "")
            written = normalise(passage)
            if written not in text:
                self.problem(record.where("evidence"), field,
                             f"expected a passage of the archived article, received text that is not in it: "
                             f"{_shorten(passage)!r}", self.nearest_hint(written, article))
            else:
                self.refused(record, "evidence", field, passages.span_problem(article, written, what, least,
                                                                              sentences))

    def nearest_hint(self, passage: str, article: Article) -> str:
        """Where a passage not in the article departs from its nearest text (generator/nearest.py), with the
        article's words indexed once and its comparisons bounded, however many such passages cite it."""
        nearest = self.nearest.get(article.text)
        if nearest is None:
            nearest = self.nearest[article.text] = NearestText(article.text)
        return nearest.hint(passage)

    def refused(self, record: Record, name: str, field: str, refusal: passages.Refusal | None) -> None:
        if refusal is not None:
            self.problem(record.where(name), field, refusal.message, refusal.hint)


def _evidence_rule(record: Record, path: str) -> tuple[str, int, bool]:
    """What a record's evidence is called in messages, its fewest words, and whether it must be whole sentences:
    a paraphrase, a concern and a commitment are the digest's words for what the article reports, so they cite
    the whole of it; a quote's evidence, and a meeting's, attendee's or figure's, are whole words."""
    if isinstance(record, model.Statement):
        if record.paraphrase is not None:
            return "a paraphrase's evidence", passages.STATEMENT_WORDS, True
        return "a statement's evidence", passages.STATEMENT_WORDS, False
    if isinstance(record, model.Point):
        what = "a commitment's evidence" if path.startswith("commitments") else "a concern's evidence"
        return what, passages.STATEMENT_WORDS, True
    return "evidence", passages.EVIDENCE_WORDS, False


# The figure fields that belong to some kinds only, and the field each kind cannot do without (with a hint).
_FIGURE_FIELD_KINDS = {"voter_list": ("voters",), "funding": ("budget",), "recipient": ("budget",),
                       "recipients": ("budget",), "agencies": ("personnel",), "level": ("assessment",),
                       "scale": ("assessment",), "unit_label": ("other",)}
_FIGURE_KIND_NEEDS = {
    "voters": ("voter_list", "name the list counted (DPT, DPTb, DPK ...), or 'unspecified' when the article says "
                             "only 'pemilih'"),
    "assessment": ("level", "give the level as the article writes it, like 'sedang'"),
    "other": ("unit_label", "say what one unit is, like 'posko'"),
}


def sheet_numbers(sheet: FactSheet) -> set[Decimal]:
    """The numbers a sheet itself gives, which its own words may repeat: its figures' values (and the upper ends of
    ranges), each part's share of its total in percent, and the meeting date's day and year."""
    numbers = {Decimal(v) for figure in sheet.figures for v in (figure.value, figure.value_max) if v is not None}
    totals = {f.id: f.value for f in sheet.figures if f.value}
    numbers.update(Decimal(round(100 * f.value / totals[f.part_of])) for f in sheet.figures
                   if f.part_of in totals and f.value is not None)
    start = sheet.meeting.date.start
    if start is not None:
        numbers.update(Decimal(n) for n in (start.day, start.year))
    return numbers


def stated_numbers(text: str) -> tuple[int | None, ...]:
    """The numbers an Indonesian figure is written with, in full units: 'Rp103,66 miliar' -> (103660000000,),
    '1.621 TPS' -> (1621,), '300-350 personel' -> (300, 350); None for one that is not a whole number of units."""
    found = []
    for whole, decimals, word in claims.FIGURE_NUMBER.findall(text):
        number = claims.number_value(whole, decimals) * claims.MULTIPLIERS[word or ""]
        found.append(int(number) if number == number.to_integral_value() else None)
    return tuple(found)


def url_has_date(url: str | None, day: dt.date) -> bool:
    """Whether an article's address holds a day, as outlets write it: 2024/11/21, 2024-11-21 or 20241121."""
    return url is not None and any(form in url for form in (
        f"{day:%Y/%m/%d}", f"{day:%Y-%m-%d}", f"{day:%Y%m%d}", f"{day.year}/{day.month}/{day.day}/"))


class _Normalised(dict):
    """Archived texts as evidence is compared (passages.Article, its text normalised), each read when first asked
    for."""

    def __init__(self, sources):
        super().__init__()
        self.sources = sources

    def __missing__(self, name):
        if name not in self.sources:
            raise KeyError(name)
        self[name] = article = read_article(self.sources[name])
        return article

    def get(self, name, default=None):
        try:
            return self[name]
        except KeyError:
            return default

    def __iter__(self):
        return iter(self.sources)

    def __contains__(self, name):
        return name in self.sources


def _walk(record: Record, path: str) -> Iterator[tuple[Record, str]]:
    """Every record inside a record, with its field path."""
    yield record, path
    for name, is_list in _nested_fields(type(record)):
        value = getattr(record, name)
        if not is_list:
            if value is not None:
                yield from _walk(value, _join(path, name))
        else:
            for i, item in enumerate(value):
                if item is not None:
                    yield from _walk(item, f"{_join(path, name)}[{i}]")


@functools.cache
def _nested_fields(cls: type) -> tuple[tuple[str, bool], ...]:
    """A record class's fields that hold records: (name, whether it is a list of them)."""
    return tuple((f.name, f.spec.kind == "list") for f in record_fields(cls)
                 if f.spec.kind == "record" or (f.spec.kind == "list" and f.spec.item.kind == "record"))


def _join(path: str, name: str) -> str:
    return f"{path}.{name}" if path else name


def _name_forms(text: str) -> tuple[str, str]:
    """How a name is looked for in a passage: its letters case-folded, and its key (names.key), each without
    invisible characters (a key of a part is not always part of the whole's key: NFKC joins across its edges)."""
    visible = INVISIBLE.sub("", text)
    return visible.casefold(), names.key(visible)


def _character(char: str) -> str:
    """A character as a message names it: 'U+0435 (cyrillic small letter ie)'."""
    return f"U+{ord(char):04X} ({unicodedata.name(char, 'unnamed').lower()})"


def _shorten(text: str, width: int = 70) -> str:
    return text if len(text) <= width else text[: width - 3] + "..."


# The kind of region that contains each kind: a regency or city is in a province, a province in the country.
PARENT_KIND = {"city": "province", "regency": "province", "province": "country", "country": None}

# Fields that copy the article's own words, so they must be found in it like evidence.
AS_WRITTEN = {
    model.Meeting: ("name", "date_as_stated", "venue"),
    model.Attendance: ("position", "rank", "represents_office"),
    model.Figure: ("as_stated",),
    model.Source: ("published_evidence", "byline"),
    model.Dateline: ("text",),
}

# Which registry file holds each kind of id, for hints (the loader's REGISTRY_KINDS, turned round).
_REGISTRY = {kind: file_name + (" (kinds)" if kind == "agency_kind" else "")
             for file_name, kinds in REGISTRY_KINDS.items() for kind in kinds
             if file_name != "gazetteer.yaml"}  # generated: a missing region goes in regions.yaml


def _folded_name(name: str) -> str:
    """A region's name as compared with the gazetteer's: its key (names.key), spaces collapsed."""
    return " ".join(names.key(name).split())


def translation_coverage(content: Content) -> tuple[int, int]:
    """How many Localized texts have an English translation, out of how many (quotes count too)."""
    translated = total = 0
    for sheet in content.sheets:
        for record, _ in _walk(sheet, ""):
            if isinstance(record, Localized):
                total += 1
                translated += record.en is not None
            elif isinstance(record, model.Statement) and record.quote is not None:
                total += 1
                translated += record.quote_en is not None
    return translated, total
