"""Jinja2 environment and page rendering: render(page, index, lang) -> Markdown text.

Every value printed from a template passes through `md_escape` unless it is `Md`, Markdown the
generator built itself from escaped parts. So no text from YAML can inject HTML, links or attributes.
"""

from __future__ import annotations

import functools
import hashlib
import html
import inspect
import json
import posixpath
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Mapping

import jinja2

from . import charts
from .names import key as text_key
from .escape import FORBIDDEN_IN_VALUES, html_text
from .export import CORRECTION_KINDS
from .i18n import Formatter, N_, formatter
from .index import Index
from .reuse import RecordingIndex
from .model import Agency, FactSheet, Localized, Person, Region
from .passages import ELLIPSIS, excerpt_pieces, normalise

TEMPLATE_DIR = Path(__file__).resolve().parent / "templates"


class Md(str):
    """Markdown written by the generator from escaped parts: printed as it is."""

    __slots__ = ()

    def __html__(self) -> str:  # Jinja's autoescape leaves objects with __html__ alone
        return str(self)


_ALWAYS = re.compile(r"([\\`*_{}\[\]|])")
# Syntax that only counts at the start of a line: headings (`#`, no space needed in Python-Markdown), list
# items (`-`, `+`, `1.`), admonitions (`!!!`) and setext underlines (`=`). The value is one line (whitespace
# is collapsed) that a template may put at the start of a line.
_LINE_START_MARK = re.compile(r"^[#+\-!]")
_LINE_START_NUMBER = re.compile(r"^(\d+)\.(?=\s|$)")
_SPACE = re.compile(r"\s+")
# A value needs escaping when it holds any character escaped below, or starts like line-start syntax or `=`.
_ACTIVE = re.compile(r"[\\`*_{}\[\]|&<>]|^[#+\-!=]|^\d+\.(?=\s|$)")


def md_escape(text: object) -> Md:
    """Plain text made inert in Markdown: HTML characters as entities, Markdown syntax backslash-escaped.

    Only characters Python-Markdown can backslash-escape get a backslash (so it never shows); `=`, which it
    cannot, becomes an entity at the start of the text. `<` as `&lt;` also defuses snippet includes (`--8<--`).
    """
    if type(text) is Md:
        return text
    if hasattr(text, "__html__"):  # a macro's output, which is built from escaped parts
        return Md(text.__html__())
    if text is None:
        return Md("")
    value = " ".join(str(text).split())  # the same as collapsing \s+ (both follow str.isspace), but faster
    if not _ACTIVE.search(value):  # most values (names, dates, numbers) need nothing
        return Md(value)
    value = value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    value = _ALWAYS.sub(r"\\\1", value)
    value = _LINE_START_MARK.sub(lambda m: "\\" + m.group(0), value)
    value = _LINE_START_NUMBER.sub(r"\1\\.", value)
    if value.startswith("="):
        value = "&#61;" + value[1:]
    return Md(value)


def yaml_string(value: str | list, html: bool = False) -> Md:
    """A front-matter value: JSON is valid YAML, and quoting makes any text safe there.

    Characters YAML may not hold raw (DEL, C1 controls) or that change how text reads (line separators, bidi
    controls) are written as \\u escapes; check refuses them in content, this keeps any other source safe.
    With `html`, the text is HTML-escaped first: for `title`, which MkDocs and Material treat as HTML and print
    unescaped (escape.py).
    """
    def one(text) -> str:
        text = _SPACE.sub(" ", str(text)).strip()
        return html_text(text) if html else text

    data = [one(v) for v in value] if isinstance(value, (list, tuple)) else one(value)
    return Md(FORBIDDEN_IN_VALUES.sub(_unicode_escape, json.dumps(data, ensure_ascii=False)))


def _unicode_escape(match: re.Match) -> str:
    return f"\\u{ord(match.group()):04x}"


def yaml_title(value: str) -> Md:
    """A front-matter title: HTML text in a YAML string (see yaml_string)."""
    return yaml_string(value, html=True)


@functools.cache
def environment() -> jinja2.Environment:
    """The one Jinja2 environment; templates compile once and are shared by both languages."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATE_DIR),
        autoescape=True,  # with finalize: plain values are Markdown-escaped, Md and macro output kept
        finalize=md_escape,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["md"] = lambda text: md_escape(str(text))
    env.filters["yaml"] = yaml_string
    env.filters["yaml_title"] = yaml_title
    env.filters["html"] = lambda text: Md(html.escape(_SPACE.sub(" ", str(text)).strip()))
    return env


@dataclass(frozen=True)
class Page:
    """One page to write: its path in the docs tree, its template, and what it shows."""

    path: str
    template: str
    values: Mapping[str, object] = field(default_factory=dict)


class Helpers:
    """What templates call to format and link, for one page in one language."""

    def __init__(self, index: Index, lang: str, page_path: str):
        self.index = index
        self.lang = lang
        self.page_path = page_path
        self.page_dir = posixpath.dirname(page_path) or "."
        self.fmt = formatter(lang)
        self._ = self.gettext

    # ------------------------------------------------------------ text

    def gettext(self, message: str, **values) -> Md:
        """An interface string; the translation and the values put into it are escaped (a catalog comes in
        pull requests like content, so its text is data too)."""
        text = _escaped_translation(self.fmt, message)
        if values:
            text = text % {k: md_escape(v) for k, v in values.items()}
        return Md(text)

    def ngettext(self, singular: str, plural: str, count: int, **values) -> Md:
        """An interface string that depends on a count; `num` is the formatted count."""
        text = md_escape(self.fmt.ngettext(singular, plural, count))
        return Md(text % {"num": self.fmt.number(count), **{k: md_escape(v) for k, v in values.items()}})

    def loc(self, text: Localized | None) -> Md:
        """Localized content: the page's language, or the Indonesian original with a visible label."""
        if text is None:
            return Md("")
        if self.lang == "id":
            return md_escape(text.id)
        if text.en is not None:
            return md_escape(text.en)
        label = self.gettext("not yet translated")
        return Md(f'<span lang="id">{md_escape(text.id)}</span> <span class="epd-untranslated">{label}</span>')

    def plain(self, text: Localized | None) -> str:
        """Localized content as plain text (for titles and descriptions), falling back to Indonesian."""
        if text is None:
            return ""
        return text.en if self.lang == "en" and text.en else text.id

    def original(self, text: str) -> Md:
        """Indonesian text from an article, marked as Indonesian on English pages."""
        return md_escape(text) if self.lang == "id" else Md(f'<span lang="id">{md_escape(text)}</span>')

    # ------------------------------------------------------------ links

    def url(self, target: str, anchor: str | None = None) -> str:
        """A relative link from this page to another page of the docs tree, or an outside address as is."""
        if "://" in target:
            return target.translate(_URL_ESCAPES)
        if target == self.page_path:
            relative = ""
        else:
            relative = _relative(target, self.page_dir)
        return relative + (f"#{anchor}" if anchor else "")

    def link(self, text: object, target: str, anchor: str | None = None) -> Md:
        """A Markdown link with escaped text; just the text where it would point at the page itself."""
        url = self.url(target, anchor)
        if not url:
            return md_escape(text)
        return Md(f"[{md_escape(text)}]({url})")

    def link_if(self, text: object, url: str | None) -> Md:
        """A link to a source's address when it has one, else its name as plain text."""
        return self.link(text, url) if url else md_escape(text)

    def anchor(self, prefix: str, text: str) -> Md:
        """An element id made from content text, safe in attr_list (`{: #term-dpt }`): lower-case ASCII
        letters, digits, '.', '_' and '-'; text that needs more gets a short digest so ids stay distinct."""
        return Md(_anchor(prefix, text))

    def meeting_path(self, sheet: FactSheet) -> str:
        return f"meetings/{sheet.id}.md"

    def meeting(self, sheet: FactSheet, anchor: str | None = None, text: str | None = None) -> Md:
        """A link to the meeting page that proves a fact."""
        if text is None:
            meeting = sheet.meeting
            text = self.fmt.when(meeting.date)
            if meeting.date_inferred:
                text += f" ({self.gettext('date inferred')})"
            text += " · " + self.index.region_of(sheet).name
        return self.link(text, self.meeting_path(sheet), anchor)

    def region(self, region: Region | str, full: bool = False) -> Md:
        region = self.index.regions[region] if isinstance(region, str) else region
        page = self.index.region_page[region.id]
        anchor = None if page == f"regions/{region.id}.md" else f"region-{region.id}"
        return self.link(self.region_name(region) if full else region.name, page, anchor)

    def region_entry(self, region: Region) -> Md:
        """A region in its parent's list: a link to its page, or, for a region with no page of its own, its name
        with the anchor that links to it point at."""
        if self.index.region_page[region.id] == f"regions/{region.id}.md":
            return self.region(region)
        return Md(f'<span id="region-{region.id}">{md_escape(region.name)}</span>')

    def region_name(self, region: Region) -> str:
        """'Kabupaten Lampung Timur' / 'Lampung Timur Regency'."""
        pattern = {
            "country": "%(name)s",
            "province": self.fmt.gettext("Province of %(name)s"),
            "regency": self.fmt.gettext("%(name)s Regency"),
            "city": self.fmt.gettext("%(name)s City"),
        }[region.kind]
        return pattern % {"name": region.name}

    def region_names(self, region_id: str) -> list[str]:
        """A region's name and its province's, for search filters."""
        region = self.index.regions[region_id]
        province = self.index.province_of(region)
        names = [region.name]
        if province is not None and province.id != region.id:
            names.append(province.name)
        return names

    def election_names(self, election_ids) -> list[str]:
        """Elections' names in this language, for search filters."""
        return [self.plain(self.index.elections[e].name) for e in election_ids]

    def region_kind(self, region: Region) -> Md:
        """'Kabupaten', 'Kota', or the administrative kinds of Jakarta's ('Kota administrasi')."""
        return self.gettext(region_kind_label(region))

    def agency(self, agency: Agency | str | None) -> Md:
        """An agency branch's name, linked to its entry: on its region's page, else on its kind's page."""
        if agency is None:
            return Md("")
        agency = self.index.agencies[agency] if isinstance(agency, str) else agency
        return self.link(self.agency_name(agency), *agency_entry(agency))

    def agency_name(self, agency: Agency) -> str:
        return agency.name_en if self.lang == "en" and agency.name_en else agency.name

    def person_name(self, person: Person | str, rank: str | None = None) -> str:
        """The name as the articles print it: rank and corps, honorifics, the name, degrees ('Letkol Czi Dr. H.
        Ari Wibowo, S.E.'); `rank` is the rank at one meeting when it differs from the registry's."""
        person = self.index.people[person] if isinstance(person, str) else person
        rank = rank or person.rank
        before = (rank, person.corps if rank else None, person.honorifics, person.name)
        name = " ".join(part for part in before if part)
        return f"{name}, {person.degrees}" if person.degrees else name

    def person(self, person: Person | str | None, rank: str | None = None) -> Md:
        if person is None:
            return Md("")
        person = self.index.people[person] if isinstance(person, str) else person
        home = self.index.person_home.get(person.id)
        if home is None:  # in the registry, but no digested article names them yet
            return md_escape(self.person_name(person, rank))
        return self.link(self.person_name(person, rank), f"regions/{home}.md", f"person-{person.id}")

    def attendee(self, entry) -> Md:
        """Who an attendance entry is: the person (with the rank printed at that meeting), or what it is."""
        if entry.person:
            return Md(f"{self.person(entry.person, entry.rank)}{self.inferred(entry, 'person')}")
        if entry.institution:
            return self.gettext("the institution as a whole")
        return self.gettext("group") if entry.group else self.gettext("not named")

    def attendee_agencies(self, entry) -> Md:
        """The agency of an attendance entry, or the agencies of a group drawn from several."""
        if entry.agency:
            return Md(f"{self.agency(entry.agency)}{self.inferred(entry, 'agency')}")
        listed = ", ".join(self.agency(agency_id) for agency_id in entry.agencies)
        return Md(f"{listed}{self.inferred(entry, 'agencies')}" if listed else listed)

    def agency_inferred(self, sheet: FactSheet, record) -> bool:
        """Whether the agency a statement, concern or commitment is given is inferred: the attendance entry of
        its speaker (or of whoever raised it) at that meeting marks that agency inferred, so wherever the line is
        shown under the agency, it carries the mark the attendance table shows."""
        agency = getattr(record, "agency", None)
        person = getattr(record, "speaker", None) or getattr(record, "raised_by", None)
        entry = self.index.position_at(sheet, person) if agency and person else None
        if entry is None:
            return False
        if entry.agency == agency:
            return "agency" in entry.inferred
        return agency in entry.agencies and "agencies" in entry.inferred

    def said_agency(self, sheet: FactSheet, record) -> Md:
        """A statement's or a point's agency, linked, marked when it is inferred (agency_inferred)."""
        mark = self.mark("inferred") if self.agency_inferred(sheet, record) else ""
        return Md(f"{self.agency(record.agency)}{mark}")

    def agency_of_line_mark(self, sheet: FactSheet, record) -> Md:
        """On a line listed under its agency: ' · agency inferred' (a mark) when that agency is inferred."""
        if not self.agency_inferred(sheet, record):
            return Md("")
        return Md(f" ·{self.mark('inferred', self.gettext('agency inferred'))}")

    def inferred_agency_count(self, lines) -> int:
        """How many of an agency's statements or points (Said, PointAt) give it an inferred agency."""
        return sum(1 for line in lines
                   if self.agency_inferred(line.sheet, getattr(line, "statement", None) or line.point))

    def on_behalf(self, entry, shown_for: str | None = None) -> Md:
        """'on behalf of Hendra Wijaya, Bupati Tanggamus (Pemkab Tanggamus)': whom the attendee stood in for,
        each part marked when inferred; empty when the entry attended for itself. The agency is left out when
        it is the attendee's own, and the person when the line is on `shown_for`'s own entry."""
        who = [Md(f"{self.person(entry.represents_person)}{self.inferred(entry, 'represents_person')}")
               if entry.represents_person and entry.represents_person != shown_for else None,
               Md(f"{self.original(entry.represents_office)}{self.inferred(entry, 'represents_office')}")
               if entry.represents_office else None]
        text = ", ".join(part for part in who if part)
        if entry.represents and (entry.represents != entry.agency or not text):
            agency = f"{self.agency(entry.represents)}{self.inferred(entry, 'represents')}"
            text = f"{text} ({agency})" if text else agency
        if not text:
            return Md("")
        label = self.gettext("on behalf of")
        return Md(f"{label} {text}")

    def place(self, place_id: str) -> Md:
        place = self.index.places[place_id]
        return self.link(place.name, f"regions/{place.region}.md", f"place-{place.id}")

    def place_meetings(self, mentions, shown: int) -> list:
        """The latest `shown` meetings that cite a place, newest first, each once (at its first mention)."""
        first: dict[str, object] = {}
        for mention in mentions:
            first.setdefault(mention.sheet.id, mention)
        return list(first.values())[-shown:][::-1]

    def places(self, place_ids) -> Md:
        return Md(", ".join(self.place(p) for p in place_ids))

    def operation(self, operation_id: str) -> Md:
        return self.link(self.index.operations[operation_id].name, f"operations/{operation_id}.md")

    def topic(self, topic_id: str) -> Md:
        return self.link(self.plain(self.index.topics[topic_id].name), f"topics/{topic_id}.md")

    def election(self, election_id: str) -> Md:
        election = self.index.elections[election_id]
        return self.link(self.plain(election.name), "timeline.md", f"election-{election.id}")

    def speaker(self, sheet: FactSheet, statement) -> Md:
        """Who said it: the person and position at that meeting, or the agency; 'Unattributed' when the sheet
        names neither (both are optional: an article may report words without saying whose they are)."""
        if statement.speaker:
            entry = self.index.position_at(sheet, statement.speaker)
            position = f" ({self.original(entry.position)})" if entry and entry.position else ""
            return Md(f"{self.person(statement.speaker)}{position}")
        if statement.agency:
            return self.agency(statement.agency)
        if getattr(statement, "narration", False):
            return self.gettext("The article's narration")
        return self.gettext("Unattributed")

    # ------------------------------------------------------------ evidence

    def paragraph_of(self, sheet: FactSheet, passage: str) -> int | None:
        """The 1-based paragraph of the archived article that holds a passage."""
        return _paragraph_of(self.index.content.sources[sheet.source.file], passage)

    def evidence(self, sheet: FactSheet, passages) -> Md:
        """Links from a fact to the paragraphs of the archived article on the meeting page."""
        if not passages:
            return Md("")
        numbers = sorted({n for n in (self.paragraph_of(sheet, p) for p in passages) if n})
        target = self.meeting_path(sheet)
        links = [self.link(f"¶{n}", target, f"p-{n}") for n in numbers] or [self.link("¶", target, "source")]
        return Md(" ".join(links))

    def part_title(self, label: str, part) -> Md:
        """The name of one part of a split list: 'November 2024', or 'November 2024, part 2'."""
        if part.of == 1:
            return md_escape(label)
        return self.gettext("%(label)s, part %(num)s", label=label, num=part.number)

    def at_meetings(self, items, sheets) -> list:
        """The statements or points (anything with a .sheet) that belong to the given meetings."""
        ids = {sheet.id for sheet in sheets}
        return [item for item in items if item.sheet.id in ids]

    def by_position(self, appearances) -> list[list]:
        """Appearances grouped by what the article called the person there (position, agency, on whose behalf,
        whether the agency is inferred), in the order of each group's first appearance."""
        groups: dict[tuple, list] = {}
        for a in appearances:
            key = (a.entry.position, a.entry.agency, a.entry.agencies, a.entry.rank, a.entry.represents,
                   a.entry.represents_office, a.entry.represents_person, a.entry.inferred)
            groups.setdefault(key, []).append(a)
        return list(groups.values())

    def figure_value(self, figure) -> Md:
        """A figure as the digest states it: '1.621 TPS', 'sekitar 350 personel', 'Rp10 miliar–Rp12 miliar', a
        level on its scale; an approximation or a range is said in words, an inferred value marked."""
        fmt = self.fmt
        if figure.kind == "assessment":
            if not figure.scale:
                return self.original(figure.level)
            label = self.gettext("scale")
            return Md(f"{self.original(figure.level)} ({label}: {', '.join(self.original(s) for s in figure.scale)})")
        if figure.kind == "other":
            def amount(value: int) -> str:
                return f"{fmt.number(value)} {self.plain(figure.unit_label)}"
        elif figure.unit == "IDR":
            amount = fmt.money
        else:
            def amount(value: int) -> str:
                return fmt.quantity(value, figure.unit)
        text = amount(figure.value)
        if figure.value_max is not None:
            low = fmt.money(figure.value) if figure.unit == "IDR" else fmt.number(figure.value)
            text = f"{low}–{amount(figure.value_max)}"
        if figure.approximation:
            label = LABELS["approximation"][figure.approximation]
            text = self.gettext(label, value=text)
        return Md(f"{md_escape(text)}{self.inferred(figure, 'value')}")

    def recipients(self, figure) -> Md:
        """Whom a budget is for: 'for KPU Lampung Timur inferred' (empty when it names no recipient)."""
        recipients = [figure.recipient] if figure.recipient else list(figure.recipients)
        if not recipients:
            return Md("")
        mark = self.inferred(figure, "recipient" if figure.recipient else "recipients")
        return self.gettext("for %(agencies)s", agencies=Md(", ".join(self.agency(a) for a in recipients) + mark))

    def figure_notes(self, sheet: FactSheet, figure) -> Md:
        """What a reader needs beside a figure's value: its total, recipients, whose personnel, the voter list, the
        funding source, the region it is for, its scope, and its note."""
        parts = []
        if figure.part_of:
            total = next(f for f in sheet.figures if f.id == figure.part_of)
            parts.append(self.gettext("part of “%(total)s”", total=self.loc(total.label)))
        if figure.recipient or figure.recipients:
            parts.append(self.recipients(figure))
        if figure.agencies:
            parts.append(self.gettext("of %(agencies)s", agencies=Md(", ".join(self.agency(a)
                                                                              for a in figure.agencies))))
        if figure.voter_list == "unspecified":
            parts.append(self.gettext("the article does not name the voter list"))
        elif figure.voter_list:
            label = self.gettext("voter list")
            parts.append(Md(f"{label}: {md_escape(figure.voter_list)}{self.inferred(figure, 'voter_list')}"))
        if figure.funding:
            label = LABELS["funding"][figure.funding]
            parts.append(Md(f"{self.gettext(label)}{self.inferred(figure, 'funding')}"))
        if figure.region:
            parts.append(self.gettext("for %(region)s", region=Md(f"{self.region(figure.region)}"
                                                                  f"{self.inferred(figure, 'region')}")))
        if figure.scope:
            parts.append(self.loc(figure.scope))
        if figure.places:
            parts.append(self.gettext("at %(places)s", places=self.places(figure.places)))
        text = "; ".join(parts)
        if figure.note:
            text = f"{text}<br>{self.loc(figure.note)}" if text else self.loc(figure.note)
        return Md(text)

    def stand_ins(self, appearances, agency_id: str) -> list:
        """The appearances that stood in for an office or a person of the agency."""
        return [a for a in appearances if a.entry.represents == agency_id
                and (a.entry.represents_office or a.entry.represents_person)]

    def by_topic(self, points) -> list[tuple[str, list]]:
        """Concerns and commitments grouped by topic, topics sorted by their name in this language."""
        groups: dict[str, list] = {}
        for at in points:
            groups.setdefault(self.plain(self.index.topics[at.point.topic].name), []).append(at)
        return sorted(groups.items(), key=lambda item: item[0].lower())

    def not_listed_with(self, items, region_id: str | None) -> list:
        """Statements or appearances minus those of people whose entries are on the given region's page."""
        if region_id is None:
            return list(items)
        home = self.index.person_home
        return [item for item in items if home.get(_person_of(item)) != region_id]

    def people_listed_with(self, appearances, region_id: str | None) -> list[str]:
        """The people among these appearances whose entries are on the given region's page, in order of name."""
        if region_id is None:
            return []
        home = self.index.person_home
        found = {a.entry.person for a in appearances if a.entry.person and home.get(a.entry.person) == region_id}
        return sorted(found, key=lambda p: (self.index.people[p].name.lower(), p))

    def paragraphs(self, sheet: FactSheet) -> list[str]:
        """The archived article's paragraphs, in order."""
        return _paragraphs(self.index.content.sources[sheet.source.file])

    def meeting_date(self, meeting, long: bool = False) -> Md:
        """A meeting's date as precisely as its article gives it, with the inferred mark when any part of it is
        inferred. The weekday only in the long form, and only when the article names it or states the exact day."""
        inferred = meeting.date_inferred
        weekday = long and meeting.date.exact and (meeting.weekday_as_stated is not None or not inferred)
        text = md_escape(self.fmt.when(meeting.date, long=long, weekday=weekday))
        if inferred:
            text += self.mark("inferred")
        return Md(text)

    def chart(self, kind: str, *values) -> Md:
        """A chart of the page's figures (charts.py: budget_split, voters_per_station, meetings_per_month,
        over_time), as an HTML block; empty when there is nothing to chart."""
        made = getattr(charts, kind)(self, *values)
        return Md("\n\n".join(made) if isinstance(made, list) else made)

    def correction(self, correction, anchor: str | None = None, dated: bool = True) -> Md:
        """One correction: its day (unless the list gives it) and kind, with the anchor on them, what changed,
        why, and who reported it."""
        kind, why = self.gettext(CORRECTION_KINDS[correction.kind]), self.gettext("Why")
        head = f"{md_escape(self.fmt.long_date(correction.date))} · {kind}" if dated else kind
        text = f"**{head}.**" + (f"{{: #{anchor} }}" if anchor else "")
        text += f" {self.loc(correction.what)} *{why}:* {self.loc(correction.why)}"
        if correction.reported_by:
            reported = self.gettext("reported by")
            text += f" ({reported} {self.loc(correction.reported_by)})"
        return Md(text)

    def inferred(self, record, name: str, label: str | None = None) -> Md:
        """A visible marker on a value that is inferred rather than stated; `label` names what is inferred where
        the mark would otherwise sit on another value ('recipient inferred' after an amount that is stated)."""
        if name in getattr(record, "inferred", ()):
            return self.mark("inferred", label)
        return Md("")

    def derived(self) -> Md:
        """The marker of a number the digest computed from stated figures (no article states it)."""
        return Md(self.mark("derived").lstrip())

    def mark(self, kind: str, label: str | None = None) -> Md:
        """' inferred' or ' derived' as a link to the methodology's section that explains it. Its text holds the
        explanation too, visually hidden until the link has focus (a tap follows it to the section), so the
        link's accessible name says what the mark means: no title attribute, nothing a script copies."""
        default, why = {
            "inferred": (N_("inferred"), N_("not stated in so many words: the article implies it. How the digest "
                                            "infers values")),
            "derived": (N_("derived"), N_("computed by the digest from stated figures; no article states it. How "
                                          "it is computed")),
        }[kind]
        # `label` names what is inferred where the mark sits on another value ('recipient inferred')
        shown = html_text(str(label)) if label is not None else self.gettext(default)
        text = Md(f'{shown}<span class="epd-mark__why" data-pagefind-ignore>: {self.gettext(why)}</span>')
        return Md(f" {self.link(text, 'methodology.md', kind)}{{: .epd-mark .epd-{kind} }}")

    def cell(self, label: str, kind: str | None = None) -> Md:
        """The start of a table cell: its column's name (an interface string, translated here) for the narrow
        layout that shows each row as a card of labelled lines (extra.css). Hidden from assistive technology,
        which reads the table's own header; `kind` ('notes', 'evidence', 'number') sizes the column."""
        name = html.escape(self.fmt.gettext(label), quote=True)
        extra = f" epd-cell--{kind}" if kind else ""
        return Md(f'<span class="epd-cell{extra}" data-label="{name}" aria-hidden="true"></span>')


def _person_of(item) -> str | None:
    """The person of a statement (Said) or an attendance (Appearance)."""
    return item.statement.speaker if hasattr(item, "statement") else item.entry.person


_ANCHOR_UNSAFE = re.compile(r"[^a-z0-9._-]+")


@functools.lru_cache(maxsize=4096)
def _anchor(prefix: str, text: str) -> str:
    # From the text's key (names.key): 'DPT', 'dpt' and a full-width 'ＤＰＴ' are one id, which check keeps
    # unique (a glossary term is refused when its key is another's).
    folded = text_key(text)
    plain = "-".join(folded.split())
    slug = _ANCHOR_UNSAFE.sub("-", plain).strip("-")
    if slug != plain or not slug:
        slug = f"{slug[:40]}-{hashlib.sha1(folded.encode('utf-8')).hexdigest()[:8]}".lstrip("-")
    return f"{prefix}-{slug}"


def agency_entry(agency: Agency) -> tuple[str, str]:
    """Page and anchor of an agency branch's entry: its region's page, or its kind's page without a region."""
    page = f"regions/{agency.region}.md" if agency.region else f"agencies/{agency.kind}.md"
    return page, f"agency-{agency.id}"


def _plain_calls(*classes: type) -> None:
    """Tell Jinja that these classes' methods take no context, environment or eval context.

    Before each call from a template, Jinja asks the function for its `jinja_pass_arg` (set by @pass_context
    and the like). A method without one makes that question raise and catch an AttributeError every time; the
    answer None is the same answer, given without the exception. A sixth of the rendering time at 1,000 fact
    sheets. Everything templates call through `h` and `fmt` is a method of these classes.
    """
    for cls in classes:
        for method in vars(cls).values():
            if inspect.isfunction(method) and not hasattr(method, "jinja_pass_arg"):  # not @pass_context etc.
                method.jinja_pass_arg = None


_plain_calls(Helpers, Formatter)


# Characters an outside address may hold (model.Url refuses spaces, quotes and angle brackets) that Markdown
# would read in a link's destination or a table row: percent-encoded, which names the same address.
_URL_ESCAPES = str.maketrans({char: f"%{ord(char):02X}" for char in "()|\\`{}[]"})


@functools.lru_cache(maxsize=4096)
def _escaped_translation(fmt: Formatter, message: str) -> str:
    """A catalog's translation made inert Markdown, once per message and language."""
    return md_escape(fmt.gettext(message))


@functools.lru_cache(maxsize=65536)
def _relative(target: str, start: str) -> str:
    """posixpath.relpath, cached: pages link the same few thousand targets from a few folders."""
    return posixpath.relpath(target, start)


@functools.cache
def _paragraphs(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


@functools.cache
def _paragraph_numbers(text: str) -> dict[str, int]:
    return {normalise(p): n for n, p in enumerate(_paragraphs(text), start=1)}


@functools.lru_cache(maxsize=1 << 16)
def _paragraph_of(text: str, passage: str) -> int | None:
    passage = normalise(passage)
    found = _paragraph_numbers(text).get(passage) or _find_paragraph(text, passage)
    if found is None and ELLIPSIS.search(passage):  # an excerpt of a quote: the paragraph of its longest piece
        pieces = excerpt_pieces(passage)
        found = _find_paragraph(text, max(pieces, key=len)) if pieces else None
    return found


@functools.cache
def _normalised_paragraphs(text: str) -> tuple[str, ...]:
    return tuple(normalise(p) for p in _paragraphs(text))


@functools.cache
def _find_paragraph(text: str, passage: str) -> int | None:
    for number, paragraph in enumerate(_normalised_paragraphs(text), start=1):
        if passage in paragraph:
            return number
    return None



LABELS = {
    "headline_basis": {"stated": N_("as published"), "first-line": N_("the article's first line"),
                       "url": N_("taken from the article's address"), "unknown": N_("unknown")},
    "approximation": {"about": N_("about %(value)s"), "more-than": N_("more than %(value)s"),
                      "less-than": N_("less than %(value)s"), "at-least": N_("at least %(value)s"),
                      "at-most": N_("at most %(value)s")},
    "funding": {"APBD": N_("funded from the regional budget (APBD)"), "APBN": N_("funded from the state budget (APBN)"),
                "hibah": N_("funded by a grant (hibah)"), "other": N_("funded from another source")},
    "contest": {"president": N_("President and Vice President"), "dpr": N_("House of Representatives (DPR)"),
                "dpd": N_("Regional Representative Council (DPD)"),
                "dprd-province": N_("provincial legislature (DPRD)"), "dprd-regency": N_("regency or city legislature (DPRD)"),
                "governor": N_("Governor and Vice Governor"), "regent": N_("Regent and Vice Regent"),
                "mayor": N_("Mayor and Vice Mayor")},
    "stage": {"voter-data": N_("voter data updating"), "candidacy": N_("candidacy"), "campaign": N_("campaign"),
              "quiet-period": N_("quiet period"), "logistics": N_("logistics distribution"), "voting": N_("voting"),
              "counting": N_("vote counting"), "recapitulation": N_("recapitulation of results"),
              "dispute": N_("result disputes")},
    "operation_kind": {"police-operation": N_("police operation"), "programme": N_("programme"),
                       "other": N_("operation or programme")},
    "place_kind": {"district": N_("district"), "village": N_("village"), "urban-village": N_("urban village"),
                   "polling-station": N_("polling station"), "island": N_("island"), "other": N_("place")},
    "published_basis": {"stated": N_("stated in the article"), "dateline": N_("from the dateline"),
                        "url": N_("from the article's address"), "outlet-page": N_("shown on the outlet's page")},
    "role": {"chair": N_("chair"), "opener": N_("opened the meeting"), "speaker": N_("speaker"),
             "resource-person": N_("resource person"), "committee-chair": N_("committee chair"),
             "companion": N_("accompanying")},
    "region_kind": {"country": N_("country"), "province": N_("province"), "regency": N_("regency"),
                    "city": N_("city")},
    # Jakarta's five cities and one regency are administrative: led by an appointed mayor or regent, no council
    "region_kind_administrative": {"regency": N_("administrative regency"), "city": N_("administrative city")},
    "election_kind": {"pemilu": N_("general election"), "pilkada": N_("regional election"),
                      "psu": N_("re-vote"), "recount": N_("recount"), "other": N_("election")},
}


def region_kind_label(region: Region) -> str:
    """The message of a region's kind: 'regency', 'city', or Jakarta's administrative kinds."""
    administrative = bool(region.official_name) and region.official_name.split(" ")[1:2] == ["Administrasi"]
    return LABELS["region_kind_administrative" if administrative else "region_kind"][region.kind]


def render_page(page: Page, index: Index, lang: str) -> str:
    """Render one page in one language (`index` is the RecordingIndex render_pages gives it)."""
    helpers = Helpers(index, lang, page.path)
    template = environment().get_template(page.template)
    return template.render(
        h=helpers, fmt=helpers.fmt, _=helpers.gettext, labels=LABELS, ngettext=helpers.ngettext, lang=lang,
        index=index, page_path=page.path, **page.values)


def render_pages(pages: list[Page], index: Index, lang: str) -> dict[str, tuple[str, frozenset]]:
    """Render many pages in one language: path -> (Markdown, every lookup the page made in the index).

    Templates and helpers see the index only through a recording view (reuse.py), which notes the lookups."""
    view = RecordingIndex(index)
    rendered = {}
    for page in pages:
        view.reads = reads = set()
        rendered[page.path] = (render_page(page, view, lang), frozenset(reads))
    return rendered
