"""The content model: frozen dataclasses that are also the one schema of the content.

Every field's type, description and constraints live here. `load.py` converts YAML into these
classes by reading their type hints, and `schema.py` exports the same hints as the JSON Schema
that editors use. Change a field here and both follow.
"""

from __future__ import annotations

import datetime as dt
import typing
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Annotated, Literal, Mapping, Optional

from .errors import Location

def N_(message: str) -> str:
    """Marks an interface string for the catalogs (make messages); the field reference translates it."""
    return message


NOWHERE = Location("")
EMPTY_LOCS: Mapping[str, Location] = MappingProxyType({})

SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
REGION_CODE_PATTERN = r"^[0-9]{2}(?:\.[0-9]{2})?$"


@dataclass(frozen=True)
class Ref:
    """Marks a string field as the id of another record, of the named kind."""

    kind: str


@dataclass(frozen=True)
class Text:
    """Constraints on a free-text field."""

    max_length: int = 2000
    pattern: str | None = None
    pattern_hint: str = ""
    name: bool = False  # a name or term, which becomes a key: no invisible characters (escape.INVISIBLE)


@dataclass(frozen=True)
class Count:
    """Constraints on a whole number."""

    minimum: int = 0
    maximum: int = 10 ** 15  # Rp1.000 triliun: more than any election budget
    hint: str = ""


@dataclass(frozen=True)
class Items:
    """Constraints on a list; lists of values (not of records) never repeat a value."""

    max_items: int = 500
    hint: str = ""


# A registry lists a whole country's regions, branches and people; its file's size limit bounds it.
REGISTRY_ITEMS = Items(max_items=100_000)

# Dates outside these bounds are typing mistakes (and would overflow the calendar export at 9999-12-31).
EARLIEST_DATE = dt.date(1945, 1, 1)
LATEST_DATE = dt.date(2100, 12, 31)


Precision = Literal["day", "month", "year", "range", "before", "by", "unknown"]


@dataclass(frozen=True)
class When:
    """A day known to a precision: the exact day, its month, its year, a range of days, a bound ("before" or
    "by" a day), or nothing at all. Written in YAML as 2024-11-20, 2024-11, 2024, 2024-11-18/2024-11-20,
    'before 2024-02-14', 'by 2024-02-14' or 'unknown'; `text` gives that form back."""

    precision: Precision
    PRECISIONS = typing.get_args(Precision)
    start: dt.date | None = None  # the first day it may be (None for before, by and unknown)
    end: dt.date | None = None  # the last day it may be (None for unknown; for 'before X', the day before X)

    FORMS = N_("a date like 2024-11-20 (or a month 2024-11, a year 2024, a range 2024-11-18/2024-11-20, "
               "'before 2024-02-14', 'by 2024-02-14', 'unknown')")

    @property
    def exact(self) -> bool:
        return self.precision == "day"

    @property
    def bound(self) -> dt.date | None:
        """The day of 'before' or 'by' as written."""
        if self.precision == "before":
            return self.end + dt.timedelta(days=1)
        return self.end if self.precision == "by" else None

    @property
    def key(self) -> dt.date:
        """What lists sort by: the first day it may be; a bound by its day; unknown before every date."""
        return self.start or self.end or dt.date.min

    @property
    def id_prefix(self) -> str:
        """How a fact sheet's id begins: '2024-11-20', '2024-11', '2024', 'before-2024-02-14', 'undated'."""
        if self.precision == "range":
            return self.start.isoformat()
        if self.precision == "unknown":
            return "undated"
        return self.text.replace(" ", "-")

    @property
    def text(self) -> str:
        """The form a contributor writes, also used in the open data."""
        if self.precision == "day":
            return self.start.isoformat()
        if self.precision == "month":
            return f"{self.start:%Y-%m}"
        if self.precision == "year":
            return f"{self.start:%Y}"
        if self.precision == "range":
            return f"{self.start.isoformat()}/{self.end.isoformat()}"
        if self.precision in ("before", "by"):
            return f"{self.precision} {self.bound.isoformat()}"
        return "unknown"


Slug = Annotated[str, Text(max_length=80, pattern=SLUG_PATTERN,
                           pattern_hint=N_("lower-case letters, digits and single hyphens, like 'lampung-timur'"))]
Url = Annotated[str, Text(max_length=500, pattern=r"^https?://[^\s<>\"]+$",
                          pattern_hint=N_("an http:// or https:// address"))]
ShortText = Annotated[str, Text(max_length=300)]
RegionCode = Annotated[str, Text(max_length=5, pattern=REGION_CODE_PATTERN,
                                 pattern_hint=N_("two digits for a province, 'NN.NN' for a regency or city"))]
# A name or term: it becomes a key, a letter page, a sort order or an element id (generator/names.py).
Name = Annotated[str, Text(max_length=300, name=True)]
LongText = Annotated[str, Text(max_length=4000)]


class Evidence(tuple):
    """One or more passages of the archived article; a single string is accepted for one passage."""


def doc(description: str, **extra) -> dict:
    """Field metadata: the description shown in editors and in error hints."""
    return {"doc": description, **extra}


INTERNAL = {"internal": True}


@dataclass(frozen=True, kw_only=True)
class Record:
    """Base of every content record: where it was read from, field by field."""

    loc: Location = field(default=NOWHERE, metadata=INTERNAL, compare=False, repr=False)
    field_locs: Mapping[str, Location] = field(default_factory=lambda: EMPTY_LOCS, metadata=INTERNAL, compare=False, repr=False)
    # For a fact sheet and what it holds: a digest of the file's text and the record's place in it, which
    # page reuse compares instead of the record's whole repr (generator/reuse.py); "" where none was made.
    digest: str = field(default="", metadata=INTERNAL, compare=False, repr=False)

    def where(self, name: str) -> Location:
        """The location of one field's value, or of the record when the field is absent."""
        return self.field_locs.get(name, self.loc)


@dataclass(frozen=True, kw_only=True)
class Localized(Record):
    """Text in Indonesian, with its English translation when one exists."""

    id: LongText = field(metadata=doc("The Indonesian text."))
    en: Optional[LongText] = field(default=None, metadata=doc(
        "The English translation. Leave it out when there is none yet: pages then show the Indonesian "
        "text with a 'not yet translated' label."))


@dataclass(frozen=True, kw_only=True)
class RegistrySource(Record):
    """Where a registry fact that no article gives comes from."""

    title: ShortText = field(metadata=doc("Title of the source document or page."))
    url: Optional[Url] = field(default=None, metadata=doc("Address of the source, when it is online."))


# ---------------------------------------------------------------- registries

@dataclass(frozen=True, kw_only=True)
class Region(Record):
    """A province, regency (kabupaten) or city (kota), or the country, for national meetings."""

    id: Slug = field(metadata=doc("Stable id, used in page paths: 'lampung-timur'."))
    code: Optional[RegionCode] = field(default=None, metadata=doc(
        "The official code (kode wilayah) of the Ministry of Home Affairs: '18' for a province, '18.07' for a "
        "regency or city. Set by the gazetteer import."))
    official_name: Optional[ShortText] = field(default=None, metadata=doc(
        "The full name in the regulation, with its kind: 'Kabupaten Lampung Timur', 'Kota Administrasi Jakarta "
        "Pusat'. Set by the gazetteer import."))
    name: Name = field(metadata=doc("Official name without the kind: 'Lampung Timur'."))
    kind: Literal["country", "province", "regency", "city"] = field(metadata=doc(
        "province (provinsi), regency (kabupaten) or city (kota); a regency and a city are different things. "
        "country (Indonesia) is the region of a national meeting."))
    parent: Annotated[Optional[str], Ref("region")] = field(default=None, metadata=doc(
        "The province that contains this regency or city; for a province, the country, if the registry has one."))
    short_names: tuple[Name, ...] = field(default=(), metadata=doc(
        "Other names the press uses, such as 'Lamteng' for Lampung Tengah; used by search."))
    seat: Optional[ShortText] = field(default=None, metadata=doc(
        "Seat of government, only with a source that states it."))
    source: Optional[RegistrySource] = field(default=None, metadata=doc(
        "Source of the registry facts (parent, seat) that no article gives. Required when they are set."))


@dataclass(frozen=True, kw_only=True)
class AgencyKind(Record):
    """A kind of institution, such as KPU, Bawaslu or Polres, which has branches in many regions."""

    id: Slug = field(metadata=doc("Stable id: 'kpu'."))
    abbreviation: Name = field(metadata=doc("Short form used in the press: 'KPU'."))
    name: Localized = field(metadata=doc("Full name in Indonesian, with its English rendering."))
    description: Localized = field(metadata=doc("What this institution does in an election."))


@dataclass(frozen=True, kw_only=True)
class Agency(Record):
    """A local branch of an agency kind in one region, such as KPU Lampung Timur."""

    id: Slug = field(metadata=doc("Stable id: 'kpu-lampung-timur'."))
    kind: Annotated[str, Ref("agency_kind")] = field(metadata=doc("The agency kind."))
    region: Annotated[Optional[str], Ref("region")] = field(default=None, metadata=doc(
        "The region the branch serves; leave out for a national body."))
    name: Name = field(metadata=doc("Name as the press writes it: 'KPU Lampung Timur'."))
    name_en: Optional[ShortText] = field(default=None, metadata=doc("English rendering of the name."))
    covers: Annotated[tuple[Annotated[str, Ref("region")], ...], Items(max_items=50, hint="list the regions it serves")] = \
        field(default=(), metadata=doc(
            "Other regions the branch serves besides its own 'region', such as the second regency of a Kodim; "
            "the branch is listed on each of their pages. Needs a 'source'."))
    source: Optional[RegistrySource] = field(default=None, metadata=doc(
        "Source for the branch's region or coverage when neither its name nor an article gives it."))


@dataclass(frozen=True, kw_only=True)
class Person(Record):
    """A person named in at least one article. Positions come from the fact sheets, as of each meeting."""

    id: Slug = field(metadata=doc("Stable id from the name: 'wasiat-jarwo-asmoro'."))
    name: Name = field(metadata=doc("Full name, spelled as in the source, without rank or degrees."))
    rank: Optional[ShortText] = field(default=None, metadata=doc(
        "Rank written before the name, as the latest article gives it: 'AKBP', 'Letkol'. A different rank at "
        "one meeting goes in that attendance entry's 'rank'."))
    corps: Optional[ShortText] = field(default=None, metadata=doc(
        "The corps or branch printed after a rank: 'Czi' in 'Letkol Czi', 'Inf' in 'Letkol Inf'."))
    honorifics: Optional[ShortText] = field(default=None, metadata=doc(
        "Honorific and academic titles printed before the name, as in the source: 'Dr. H.', 'Hj.', 'Ir.'."))
    degrees: Optional[ShortText] = field(default=None, metadata=doc(
        "Academic degrees written after the name, as in the source: 'S.H., S.I.K., M.Si'."))
    short_names: tuple[Name, ...] = field(default=(), metadata=doc(
        "Shorter forms the articles use: 'Andik', 'Mustakim'."))


@dataclass(frozen=True, kw_only=True)
class Topic(Record):
    """A subject discussed at meetings, compared across regions."""

    id: Slug = field(metadata=doc("Stable id: 'money-politics'."))
    name: Localized = field(metadata=doc("Name of the topic."))
    description: Localized = field(metadata=doc("One or two sentences on what the topic covers."))


# The contests on a ballot, and the stages of the KPU schedule, as meetings and elections name them.
Contest = Literal["president", "dpr", "dpd", "dprd-province", "dprd-regency", "governor", "regent", "mayor"]
Stage = Literal["voter-data", "candidacy", "campaign", "quiet-period", "logistics", "voting", "counting",
                "recapitulation", "dispute"]


@dataclass(frozen=True, kw_only=True)
class Milestone(Record):
    """A dated step of an election's official schedule."""

    name: Localized = field(metadata=doc("Name of the step."))
    date: dt.date = field(metadata=doc("First day, like 2024-11-27."))
    end_date: Optional[dt.date] = field(default=None, metadata=doc("Last day, for a period."))
    stage: Optional[Stage] = field(default=None, metadata=doc(
        "The stage of the schedule it belongs to: voter-data (pemutakhiran data pemilih), candidacy "
        "(pencalonan), campaign (kampanye), quiet-period (masa tenang), logistics (distribusi logistik), "
        "voting (pemungutan suara), counting (penghitungan suara), recapitulation (rekapitulasi), "
        "dispute (sengketa hasil)"))


@dataclass(frozen=True, kw_only=True)
class Election(Record):
    """An election: a general election, a regional head election, a re-vote."""

    id: Slug = field(metadata=doc("Stable id: 'pilkada-2024'."))
    name: Localized = field(metadata=doc("Name: 'Pilkada Serentak 2024'."))
    kind: Literal["pemilu", "pilkada", "psu", "recount", "other"] = field(metadata=doc(
        "pemilu (general election), pilkada (regional head election), psu (re-vote, pemungutan suara ulang), "
        "recount (penghitungan suara ulang) or other."))
    voting_date: dt.date = field(metadata=doc("Voting day, like 2024-11-27; for a recount, the day it is held."))
    parent: Annotated[Optional[str], Ref("election")] = field(default=None, metadata=doc(
        "For a re-vote or a recount: the election it repeats."))
    region: Annotated[Optional[str], Ref("region")] = field(default=None, metadata=doc(
        "For an election held in one region only (a re-vote, a recount): that region. Its schedule is then "
        "shown on the region's page and the timeline names the region instead of 'nationwide'."))
    contests: Annotated[tuple[Contest, ...], Items(max_items=8, hint="list each contest once")] = field(
        default=(), metadata=doc(
            "The contests on the ballot: president (Presiden dan Wakil Presiden), dpr, dpd, dprd-province, "
            "dprd-regency (DPRD kabupaten/kota), governor (Gubernur dan Wakil Gubernur), regent (Bupati dan "
            "Wakil Bupati), mayor (Wali Kota dan Wakil Wali Kota)."))
    preparation_days: Annotated[int, Count(minimum=1, maximum=3650, hint="at most ten years")] = field(default=730, metadata=doc(
        "How many days before voting day a preparation meeting can plausibly fall; earlier ones are flagged."))
    milestones: tuple[Milestone, ...] = field(default=(), metadata=doc("Official schedule steps."))
    source: RegistrySource = field(metadata=doc("Where the dates come from."))


@dataclass(frozen=True, kw_only=True)
class Place(Record):
    """A place below a region that articles name: a kecamatan, a desa or kelurahan, a numbered TPS, an island."""

    id: Slug = field(metadata=doc("Stable id: 'pulau-sebesi', 'tps-05-way-muli'."))
    name: Name = field(metadata=doc("The name as the articles write it: 'Pulau Sebesi', 'TPS 05 Desa Way Muli'."))
    short_names: tuple[Name, ...] = field(default=(), metadata=doc(
        "Other forms the articles use: 'Sebesi'. check finds the name or one of these in each article citing it."))
    kind: Literal["district", "village", "urban-village", "polling-station", "island", "other"] = field(metadata=doc(
        "district (kecamatan), village (desa), urban-village (kelurahan), polling-station (a numbered TPS), island, "
        "or other."))
    region: Annotated[str, Ref("region")] = field(metadata=doc("The regency or city it is in."))
    parent: Annotated[Optional[str], Ref("place")] = field(default=None, metadata=doc(
        "The place it is in (a desa's kecamatan, a TPS's desa), with a source when no article says so."))
    source: Optional[RegistrySource] = field(default=None, metadata=doc(
        "Source of its region or parent when no article gives them."))


@dataclass(frozen=True, kw_only=True)
class Operation(Record):
    """A named operation or programme that links meetings across regions: a police operation (Ops Mantap Praja
    Krakatau 2024), a KPU campaign. It has a page listing its meetings."""

    id: Slug = field(metadata=doc("Stable id, its page's path: 'ops-mantap-praja-krakatau-2024'."))
    name: Name = field(metadata=doc("The name as the press writes it: 'Ops Mantap Praja Krakatau 2024'."))
    short_names: tuple[Name, ...] = field(default=(), metadata=doc(
        "Other forms the articles use: 'Operasi Mantap Praja Krakatau'. check finds the name or one of these in "
        "the article of each meeting that names the operation."))
    kind: Literal["police-operation", "programme", "other"] = field(metadata=doc(
        "police-operation (an operasi kepolisian), programme (a campaign or programme of KPU, Bawaslu or a "
        "government), or other."))
    description: Localized = field(metadata=doc("What it is, in one or two sentences."))
    agency: Annotated[Optional[str], Ref("agency")] = field(default=None, metadata=doc(
        "The agency that runs it, with a source when no article says so."))
    elections: Annotated[tuple[Annotated[str, Ref("election")], ...], Items(max_items=10, hint="list each election once")] = \
        field(default=(), metadata=doc("The elections it serves."))
    start: Optional[dt.date] = field(default=None, metadata=doc("First day, with a source."))
    end: Optional[dt.date] = field(default=None, metadata=doc("Last day, with a source."))
    source: Optional[RegistrySource] = field(default=None, metadata=doc(
        "Source of its agency and dates. Required when they are set."))


@dataclass(frozen=True, kw_only=True)
class GlossaryTerm(Record):
    """An Indonesian election term or abbreviation, explained in both languages."""

    term: Name = field(metadata=doc("The term as written: 'DPT'."))
    expansion: Optional[Name] = field(default=None, metadata=doc(
        "For an abbreviation, its Indonesian expansion: 'Daftar Pemilih Tetap'."))
    definition: Localized = field(metadata=doc("What it means, in both languages."))


# ---------------------------------------------------------------- fact sheets

@dataclass(frozen=True, kw_only=True)
class Dateline(Record):
    """The words that open an article before the dash: the outlet or the place, sometimes the date."""

    text: ShortText = field(metadata=doc(
        "As the archived text prints it, with the dash: 'BestieIndonesiaNews.id, Sukadana –', 'PANTAU LAMPUNG –'."))
    place: Optional[ShortText] = field(default=None, metadata=doc(
        "The place it names, as printed: 'Sukadana'. Leave out when it names only the outlet."))
    date: Optional[dt.date] = field(default=None, metadata=doc("The date it gives, when it gives one."))


@dataclass(frozen=True, kw_only=True)
class Source(Record):
    """The article a fact sheet digests."""

    file: Annotated[str, Text(max_length=120, pattern=r"^[A-Za-z0-9._-]+\.txt$",
                              pattern_hint=N_("a file name in content/sources/, like '000_02bd024552db9ae6.txt'"))] = \
        field(metadata=doc("The archived text, a file in content/sources/."))
    outlet: ShortText = field(metadata=doc("The news outlet, as named in the article or its address."))
    headline: Optional[ShortText] = field(default=None, metadata=doc("The headline, when known."))
    headline_basis: Literal["stated", "first-line", "url", "unknown"] = field(default="unknown", metadata=doc(
        "How the headline is known: stated by the outlet, the article's first line, taken from the URL, "
        "or unknown."))
    url: Optional[Url] = field(default=None, metadata=doc("The article's address, when known."))
    archive_url: Optional[Url] = field(default=None, metadata=doc(
        "A copy of the article's page in a web archive, when one exists: the Wayback Machine "
        "(https://web.archive.org/web/20241121000000/https://...) or archive.today. Shown beside the article's "
        "address, for when the outlet's page changes or disappears."))
    published: Optional[dt.date] = field(default=None, metadata=doc(
        "Publication date; leave it out when unknown rather than guessing."))
    published_basis: Optional[Literal["stated", "dateline", "url", "outlet-page"]] = field(default=None, metadata=doc(
        "How the publication date is known: stated in the archived text (give 'published_evidence'), given by "
        "the dateline, part of the article's address, or shown on the outlet's page beside the article."))
    published_evidence: Optional[ShortText] = field(default=None, metadata=doc(
        "For a publication date stated in the text: the passage, as printed ('Diterbitkan 21 November 2024')."))
    dateline: Optional[Dateline] = field(default=None, metadata=doc("The dateline, when the article has one."))
    byline: Optional[ShortText] = field(default=None, metadata=doc(
        "The reporter or author line as the archived text prints it: 'Penulis: Andi Saputra'."))
    archive: Literal["complete", "partial"] = field(default="complete", metadata=doc(
        "Whether content/sources/ holds the article's whole text, or only part of it."))
    archive_missing: Optional[Localized] = field(default=None, metadata=doc(
        "For a partial archive: which part is missing, and why ('the second page could not be retrieved')."))
    language: Literal["id", "en"] = field(default="id", metadata=doc("Language of the article."))


@dataclass(frozen=True, kw_only=True)
class Meeting(Record):
    """The meeting the article reports."""

    kind: Literal["rakor", "rakor-lintas-sektoral", "apel", "sosialisasi", "other"] = field(metadata=doc(
        "rakor (coordination meeting), rakor-lintas-sektoral (cross-sector coordination meeting), "
        "apel (assembly), sosialisasi (information session) or other."))
    name: ShortText = field(metadata=doc("The meeting's name as the article writes it."))
    title: Localized = field(metadata=doc("A short descriptive title for the digest."))
    date: When = field(metadata=doc(
        "The meeting date, only as precisely as the article gives it: a day 2024-11-20, a month 2024-11, a year "
        "2024, a range 2024-11-18/2024-11-20, 'before 2024-02-14' (menjelang), 'by 2024-02-14' (paling lambat), "
        "or 'unknown'. If a part is inferred, list it in 'inferred'."))
    date_as_stated: Optional[ShortText] = field(default=None, metadata=doc(
        "The date exactly as the article writes it: 'Senin (26/08)', 'menjelang Pemilu 14 Februari 2024'. "
        "Required unless the date is 'unknown'."))
    weekday_as_stated: Optional[Literal["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"]] = field(
        default=None, metadata=doc("The weekday the article names; checked against the date, which must then be "
                                   "a day."))
    time: Optional[Annotated[str, Text(max_length=5, pattern=r"^(?:[01]\d|2[0-3]):[0-5]\d$",
                                       pattern_hint=N_("a time like 13:00, on the 24-hour clock"))]] = field(
        default=None, metadata=doc("When the meeting began, if the article says, on the 24-hour clock, like "
                                   "'13:00' for 'pukul 13.00 WITA'. Only with a day as the date."))
    time_zone: Optional[Literal["WIB", "WITA", "WIT"]] = field(default=None, metadata=doc(
        "The time zone of 'time': WIB (UTC+7), WITA (UTC+8) or WIT (UTC+9); list 'time_zone' in 'inferred' "
        "when the article does not name it."))
    venue: Optional[ShortText] = field(default=None, metadata=doc("The venue as written."))
    region: Annotated[str, Ref("region")] = field(metadata=doc("The region whose meeting this is."))
    elections: Annotated[tuple[Annotated[str, Ref("election")], ...], Items(max_items=10, hint="list the elections the meeting prepares")] = field(metadata=doc(
        "The elections being prepared."))
    contests: Annotated[tuple[Contest, ...], Items(max_items=8, hint="list each contest once")] = field(
        default=(), metadata=doc("The contests the meeting prepares, when the article names them ('pemilihan "
                                 "Gubernur dan Wakil Gubernur'); the same values as an election's contests."))
    stages: Annotated[tuple[Stage, ...], Items(max_items=9, hint="list each stage once")] = field(
        default=(), metadata=doc("The stages of the schedule the meeting prepares, when the article says; the same "
                                 "values as a milestone's stage."))
    operations: Annotated[tuple[Annotated[str, Ref("operation")], ...], Items(max_items=10, hint="list each operation once")] = \
        field(default=(), metadata=doc(
            "The operations or programmes the meeting belongs to, when the article names them ('Rakor Lintas "
            "Sektoral Ops Mantap Praja Krakatau'); from content/registry/operations.yaml."))
    organiser: Annotated[Optional[str], Ref("agency")] = field(default=None, metadata=doc(
        "The agency that held the meeting."))
    chair: Annotated[Optional[str], Ref("person")] = field(default=None, metadata=doc(
        "Who chaired (dipimpin) or opened (dibuka) the meeting."))
    inferred: tuple[Literal["date.year", "date", "time_zone", "organiser", "chair", "region", "elections", "contests",
                            "stages"], ...] = field(
        default=(), metadata=doc("Fields that are inferred rather than stated, e.g. 'date.year'."))
    inference_note: Optional[Localized] = field(default=None, metadata=doc("Why the inference holds."))
    evidence: Evidence = field(metadata=doc("Passages stating the meeting's name, date, venue and organiser."))

    @property
    def date_inferred(self) -> bool:
        """Whether any part of the date is inferred: every place that shows the date marks it."""
        return "date" in self.inferred or "date.year" in self.inferred

    @property
    def clock(self) -> dt.time | None:
        """The 'time' field as a time of day."""
        if self.time is None:
            return None
        hour, minute = self.time.split(":")
        return dt.time(int(hour), int(minute))


@dataclass(frozen=True, kw_only=True)
class Attendance(Record):
    """Someone at the meeting: a named person, an unnamed office holder, a group, or an institution as a whole."""

    position: Optional[ShortText] = field(default=None, metadata=doc(
        "Position as the article writes it: 'Ketua KPU Lampung Timur'."))
    person: Annotated[Optional[str], Ref("person")] = field(default=None, metadata=doc(
        "The person, when named."))
    agency: Annotated[Optional[str], Ref("agency")] = field(default=None, metadata=doc(
        "The agency the person belongs to."))
    agencies: Annotated[tuple[Annotated[str, Ref("agency")], ...], Items(max_items=30, hint="list each agency once")] = \
        field(default=(), metadata=doc(
            "For a group drawn from several agencies ('narasumber dari Forkopimda, KPU dan Bawaslu'): each of them, "
            "instead of 'agency'."))
    rank: Optional[ShortText] = field(default=None, metadata=doc(
        "The person's rank as this article prints it, when it differs from the registry's (a promotion)."))
    represents: Annotated[Optional[str], Ref("agency")] = field(default=None, metadata=doc(
        "The agency attended on behalf of (mewakili, diwakili); with 'represents_office', the agency of that "
        "office."))
    represents_office: Optional[ShortText] = field(default=None, metadata=doc(
        "The office stood in for, as the article writes it: 'Bupati Tanggamus' in 'mewakili Bupati Tanggamus'."))
    represents_person: Annotated[Optional[str], Ref("person")] = field(default=None, metadata=doc(
        "The person stood in for, when the article names them."))
    group: bool = field(default=False, metadata=doc(
        "True for a group such as 'camat' or 'kepala desa' rather than one person."))
    institution: bool = field(default=False, metadata=doc(
        "True for an institution the article says attended as a whole, without naming anyone "
        "('hadir pula jajaran KPU'); give its 'agency'."))
    roles: Annotated[tuple[Literal["chair", "opener", "speaker", "resource-person", "committee-chair", "companion"], ...],
                     Items(max_items=6, hint="list each role once")] = field(default=(), metadata=doc(
        "What the article says this attendee did, as many as apply; leave out for someone who only attended: "
        "chair (led the meeting, dipimpin), opener (opened it, dibuka), speaker (spoke or presented), "
        "resource-person (narasumber), committee-chair (ketua panitia), companion (accompanied someone, "
        "didampingi; name them in 'accompanied')."))
    accompanied: Annotated[Optional[str], Ref("person")] = field(default=None, metadata=doc(
        "For a companion: the person accompanied, who is listed in attendance too."))
    inferred: tuple[Literal["agency", "agencies", "position", "person", "represents", "represents_office",
                            "represents_person"], ...] = field(default=(), metadata=doc(
        "Fields that are inferred, e.g. 'agency' when only the title implies it."))
    note: Optional[Localized] = field(default=None, metadata=doc("Anything a reader must know about this entry."))
    evidence: Evidence = field(metadata=doc("The passage naming this attendee."))


@dataclass(frozen=True, kw_only=True)
class Statement(Record):
    """Something a participant said: a verbatim quote, or an explicitly marked paraphrase."""

    id: Slug = field(metadata=doc("Id within the fact sheet: 'kapolres-pengamanan'."))
    speaker: Annotated[Optional[str], Ref("person")] = field(default=None, metadata=doc("Who said it."))
    agency: Annotated[Optional[str], Ref("agency")] = field(default=None, metadata=doc(
        "The agency the speaker spoke for."))
    narration: bool = field(default=False, metadata=doc(
        "True for a point the article makes in its own narration, naming no speaker ('Rakor ini merupakan "
        "kelanjutan dari koordinasi ...'): a paraphrase with no speaker and no agency, shown as the article's "
        "narration, never given to anyone."))
    quote: Optional[LongText] = field(default=None, metadata=doc(
        "The verbatim words inside the article's quotation marks. Give quote or paraphrase, not both."))
    quote_en: Optional[LongText] = field(default=None, metadata=doc(
        "English translation of the quote; always shown labelled as a translation, beside the original."))
    paraphrase: Optional[Localized] = field(default=None, metadata=doc(
        "What the article reports the speaker said, in the digest's words; shown as a paraphrase."))
    topics: Annotated[tuple[Annotated[str, Ref("topic")], ...], Items(max_items=12, hint="tag the few topics the statement is about")] = field(
        default=(), metadata=doc("Topics it touches."))
    places: Annotated[tuple[Annotated[str, Ref("place")], ...], Items(max_items=50, hint="list each place once")] = \
        field(default=(), metadata=doc(
            "Places below the region that this concerns, from content/registry/places.yaml: the islands of the "
            "risky TPS, a kecamatan. The article must name each."))
    evidence: Optional[Evidence] = field(default=None, metadata=doc(
        "Passages that support it; a quote is its own evidence when this is left out."))
    note: Optional[Localized] = field(default=None, metadata=doc(
        "Anything a reader must know about this statement (its context, an ambiguity in the article)."))


# Fields and values the model no longer has, with what replaced them: check names the replacement.
RENAMED_VALUES: Mapping[str, str] = MappingProxyType({
    "registered-voters": "'voters' with voter_list: DPT", "security-personnel": "'personnel'",
})
REMOVED_FIELDS: Mapping[tuple[str, str], str] = MappingProxyType({
    ("Figure", "unit"): "leave it out: the unit follows from the figure's kind",
})

# What each kind of figure counts, and the unit its value is in; "assessment" has a level, not a value.
FIGURE_UNITS: Mapping[str, str | None] = MappingProxyType({
    "budget": "IDR", "polling-stations": "polling-stations", "voters": "voters", "villages": "villages",
    "districts": "districts", "personnel": "persons", "vulnerable-polling-stations": "polling-stations",
    "assessment": None, "other": "other",
})


@dataclass(frozen=True, kw_only=True)
class Figure(Record):
    """A number or an assessment the article states: a budget, polling stations, voters, villages, personnel,
    a vulnerability rating."""

    id: Slug = field(metadata=doc("Id within the fact sheet: 'budget-total'."))
    former_ids: Annotated[tuple[Slug, ...], Items(max_items=10, hint="list each former id once")] = field(
        default=(), metadata=doc(
            "Ids the figure was published under before a correction renamed it ('polisi-per-dua-tps'): each keeps "
            "its anchor on the meeting page, so links to it still resolve."))
    kind: Literal["budget", "polling-stations", "voters", "villages", "districts", "personnel",
                  "vulnerable-polling-stations", "assessment", "other"] = field(metadata=doc(
        "What is counted: budget (rupiah), polling-stations (TPS), voters (of the list in 'voter_list'), villages "
        "(desa or kelurahan), districts (kecamatan), personnel (of the agencies in 'agencies'), "
        "vulnerable-polling-stations (TPS rawan), assessment (a rating such as a vulnerability level: give "
        "'level' and 'scale', no value), or other (give 'unit_label')."))
    label: Localized = field(metadata=doc("What the number is, in words."))
    value: Optional[Annotated[int, Count(minimum=0)]] = field(default=None, metadata=doc(
        "The number in full units: 69000000000 for Rp69 miliar, 103660000000 for Rp103,66 miliar. For a range, "
        "the lower end. Leave out only for an assessment."))
    value_max: Optional[Annotated[int, Count(minimum=0)]] = field(default=None, metadata=doc(
        "For a range ('10 hingga 12 miliar', '300-350 personel'): the upper end."))
    approximation: Optional[Literal["about", "more-than", "less-than", "at-least", "at-most"]] = field(
        default=None, metadata=doc(
            "When the article gives the number loosely: about (sekitar, kurang lebih), more-than (lebih dari), "
            "less-than (kurang dari), at-least (sedikitnya, minimal), at-most (paling banyak, maksimal)."))
    as_stated: ShortText = field(metadata=doc(
        "The number as the article writes it, decimal comma included: 'Rp103,66 miliar', 'sekitar 350 personel'."))
    voter_list: Optional[Literal["DPT", "DPTb", "DPK", "DPS", "DPSHP", "unspecified"]] = field(
        default=None, metadata=doc(
            "For voters: the list counted, as the article names it (DPT, DPTb, DPK, DPS, DPSHP), or 'unspecified' "
            "when it says only 'pemilih'. Only DPT figures are compared and divided."))
    funding: Optional[Literal["APBD", "APBN", "hibah", "other"]] = field(default=None, metadata=doc(
        "For a budget: where the money comes from, when the article says (APBD, APBN, hibah via NPHD, other)."))
    recipient: Annotated[Optional[str], Ref("agency")] = field(default=None, metadata=doc(
        "For a budget part: the agency it goes to."))
    recipients: Annotated[tuple[Annotated[str, Ref("agency")], ...], Items(max_items=30, hint="list each agency once")] = \
        field(default=(), metadata=doc(
            "For a budget shared by several agencies without a breakdown ('untuk KPU, Bawaslu dan pengamanan "
            "TNI/Polri'): each of them, instead of 'recipient'."))
    agencies: Annotated[tuple[Annotated[str, Ref("agency")], ...], Items(max_items=30, hint="list each agency once")] = \
        field(default=(), metadata=doc("For personnel: the agency or agencies whose personnel they are."))
    level: Optional[ShortText] = field(default=None, metadata=doc(
        "For an assessment: the level as the article writes it: 'sedang'."))
    scale: Annotated[tuple[ShortText, ...], Items(max_items=10, hint="list each level once, lowest first")] = field(
        default=(), metadata=doc(
            "For an assessment: the levels of its scale, lowest first, as written: [rendah, sedang, tinggi]. "
            "Leave out when the article does not give them."))
    unit_label: Optional[Localized] = field(default=None, metadata=doc(
        "For kind 'other': what one unit is, in the singular or as a counting word ('posko', 'command posts')."))
    part_of: Optional[Slug] = field(default=None, metadata=doc(
        "Id of the total this is a part of; parts must add up to their total."))
    region: Annotated[Optional[str], Ref("region")] = field(default=None, metadata=doc(
        "The region the figure is for, when it is not the meeting's: the province of a provincial rating."))
    scope: Optional[Localized] = field(default=None, metadata=doc("What the number covers, if not the region."))
    places: Annotated[tuple[Annotated[str, Ref("place")], ...], Items(max_items=50, hint="list each place once")] = \
        field(default=(), metadata=doc(
            "Places below the region that this concerns, from content/registry/places.yaml: the islands of the "
            "risky TPS, a kecamatan. The article must name each."))
    election: Annotated[Optional[str], Ref("election")] = field(default=None, metadata=doc(
        "The election the figure is for, when there is more than one."))
    inferred: tuple[Literal["recipient", "recipients", "election", "value", "voter_list", "funding", "region"], ...] = \
        field(default=(), metadata=doc("Fields that are inferred."))
    note: Optional[Localized] = field(default=None, metadata=doc(
        "Anything a reader must know about this number (what it leaves out, how the article words it)."))
    evidence: Evidence = field(metadata=doc("The passage stating the number."))

    @property
    def unit(self) -> str | None:
        """The unit of the value, from the kind: IDR, polling-stations, voters, villages, districts, persons."""
        return FIGURE_UNITS[self.kind]

    @property
    def exact(self) -> bool:
        """Whether the value is one number as stated: no range, no approximation, not an assessment."""
        return self.value is not None and self.value_max is None and self.approximation is None


@dataclass(frozen=True, kw_only=True)
class Point(Record):
    """A concern raised or a commitment made at the meeting, in the digest's words."""

    topic: Annotated[str, Ref("topic")] = field(metadata=doc("The topic."))
    text: Localized = field(metadata=doc("The concern or commitment, paraphrased."))
    raised_by: Annotated[Optional[str], Ref("person")] = field(default=None, metadata=doc("Who raised or made it."))
    agency: Annotated[Optional[str], Ref("agency")] = field(default=None, metadata=doc("For which agency."))
    places: Annotated[tuple[Annotated[str, Ref("place")], ...], Items(max_items=50, hint="list each place once")] = \
        field(default=(), metadata=doc(
            "Places below the region that this concerns, from content/registry/places.yaml: the islands of the "
            "risky TPS, a kecamatan. The article must name each."))
    evidence: Evidence = field(metadata=doc("The passage that supports it."))


@dataclass(frozen=True, kw_only=True)
class Correction(Record):
    """A change to a published fact sheet that a reader should know of: what was wrong or missing, and why."""

    date: dt.date = field(metadata=doc("The day the change was made."))
    kind: Literal["correction", "clarification", "addition"] = field(metadata=doc(
        "A correction fixes something the sheet got wrong; a clarification rewords something that could be misread; "
        "an addition records facts of the article the sheet had left out."))
    what: Localized = field(metadata=doc(
        "What changed, quoting the old wording: \"The summary said 'nine days before the vote'; it now says "
        "'a few days before the vote', as the article does.\""))
    why: Localized = field(metadata=doc("Why: what the article says, or what the old wording claimed that it does not."))
    reported_by: Optional[Localized] = field(default=None, metadata=doc(
        "Who pointed it out, as they agreed to be named: 'pembaca' (a reader), 'audit baris per baris' (a "
        "line-by-line audit)."))


@dataclass(frozen=True, kw_only=True)
class FactSheet(Record):
    """One article, digested: its source, the meeting, who attended, what was said, figures and concerns."""

    id: Slug = field(metadata=doc("Stable id, the meeting page's path: '2024-11-20-lampung-timur-rakor-pilkada'."))
    source: Source = field(metadata=doc("The article."))
    meeting: Meeting = field(metadata=doc("The meeting it reports."))
    summary: Localized = field(metadata=doc("Two or three sentences: what happened and what matters."))
    attendance: tuple[Attendance, ...] = field(metadata=doc("Everyone the article says attended."))
    statements: tuple[Statement, ...] = field(default=(), metadata=doc("Quotes and paraphrases."))
    figures: tuple[Figure, ...] = field(default=(), metadata=doc("Numbers stated."))
    concerns: tuple[Point, ...] = field(default=(), metadata=doc("Risks and problems raised."))
    commitments: tuple[Point, ...] = field(default=(), metadata=doc("Undertakings and instructions given."))
    corrections: tuple[Correction, ...] = field(default=(), metadata=doc(
        "Changes made after the sheet was published, oldest first. Never delete one: the meeting page, the "
        "corrections page and its feed show them all."))


# ---------------------------------------------------------------- registry files

@dataclass(frozen=True, kw_only=True)
class RegionNames(Record):
    """Other names the press uses for a region of the gazetteer, kept beside it (the gazetteer is generated)."""

    region: Annotated[str, Ref("region")] = field(metadata=doc("The region: 'lampung-tengah'."))
    short_names: Annotated[tuple[ShortText, ...], Items(max_items=20)] = field(metadata=doc(
        "Short names and older spellings: 'Lamteng'. Each must be written in an archived article, or come with "
        "a source."))
    source: Optional[RegistrySource] = field(default=None, metadata=doc(
        "Where the names come from, when no archived article uses them."))


@dataclass(frozen=True, kw_only=True)
class RegionsFile(Record):
    """content/registry/regions.yaml"""

    regions: Annotated[tuple[Region, ...], REGISTRY_ITEMS] = field(default=(), metadata=doc(
        "Regions the gazetteer does not hold: the country, for national meetings, or a region formed after "
        "the gazetteer's regulation (with its source)."))
    names: Annotated[tuple[RegionNames, ...], REGISTRY_ITEMS] = field(default=(), metadata=doc(
        "Short names of the gazetteer's regions."))


@dataclass(frozen=True, kw_only=True)
class GazetteerDataset(Record):
    """The package the gazetteer is imported from."""

    name: ShortText = field(metadata=doc("The package's name: 'idn-area-data'."))
    version: ShortText = field(metadata=doc("Its exact version."))
    licence: ShortText = field(metadata=doc("Its data licence (SPDX id)."))
    url: Url = field(metadata=doc("Its home page."))


@dataclass(frozen=True, kw_only=True)
class GazetteerFile(Record):
    """content/registry/gazetteer.yaml (optional; generated by `python -m generator gazetteer`)"""

    source: RegistrySource = field(metadata=doc("The regulation the codes and names come from."))
    dataset: GazetteerDataset = field(metadata=doc("The package they are imported from."))
    regions: Annotated[tuple[Region, ...], REGISTRY_ITEMS] = field(metadata=doc(
        "Every province, regency and city, by code."))


@dataclass(frozen=True, kw_only=True)
class AgenciesFile(Record):
    """content/registry/agencies.yaml"""

    kinds: Annotated[tuple[AgencyKind, ...], REGISTRY_ITEMS] = field(metadata=doc("Kinds of institution."))
    agencies: Annotated[tuple[Agency, ...], REGISTRY_ITEMS] = field(metadata=doc("Local branches."))


@dataclass(frozen=True, kw_only=True)
class PeopleFile(Record):
    """content/registry/people.yaml"""

    people: Annotated[tuple[Person, ...], REGISTRY_ITEMS] = field(metadata=doc("People named in the articles."))


@dataclass(frozen=True, kw_only=True)
class TopicsFile(Record):
    """content/registry/topics.yaml"""

    topics: Annotated[tuple[Topic, ...], REGISTRY_ITEMS] = field(metadata=doc("Topics."))


@dataclass(frozen=True, kw_only=True)
class ElectionsFile(Record):
    """content/registry/elections.yaml"""

    elections: Annotated[tuple[Election, ...], REGISTRY_ITEMS] = field(metadata=doc("Elections."))


@dataclass(frozen=True, kw_only=True)
class PlacesFile(Record):
    """content/registry/places.yaml (optional)"""

    places: Annotated[tuple[Place, ...], REGISTRY_ITEMS] = field(metadata=doc("Places below regions."))


@dataclass(frozen=True, kw_only=True)
class OperationsFile(Record):
    """content/registry/operations.yaml (optional)"""

    operations: Annotated[tuple[Operation, ...], REGISTRY_ITEMS] = field(metadata=doc("Operations and programmes."))


@dataclass(frozen=True, kw_only=True)
class GlossaryFile(Record):
    """content/registry/glossary.yaml"""

    terms: Annotated[tuple[GlossaryTerm, ...], REGISTRY_ITEMS] = field(metadata=doc("Terms and abbreviations."))


REGISTRY_FILES: Mapping[str, type] = MappingProxyType({
    "regions.yaml": RegionsFile,
    "agencies.yaml": AgenciesFile,
    "people.yaml": PeopleFile,
    "topics.yaml": TopicsFile,
    "elections.yaml": ElectionsFile,
    "glossary.yaml": GlossaryFile,
    "operations.yaml": OperationsFile,
    "places.yaml": PlacesFile,
    "gazetteer.yaml": GazetteerFile,
})
OPTIONAL_REGISTRY_FILES = frozenset({"operations.yaml", "places.yaml", "gazetteer.yaml"})  # a tree without one has none of them


def region_ancestry(region_id: str, regions: Mapping[str, "Region"]) -> tuple[str, ...]:
    """A region's id and the ids of the regions containing it: a regency, its province and the country, as far
    as the registry lists them (at most three, so a parent loop, which check reports, cannot run away)."""
    chain = [region_id]
    while chain[-1] in regions and regions[chain[-1]].parent and len(chain) < 3:
        chain.append(regions[chain[-1]].parent)
    return tuple(chain)


@dataclass(frozen=True)
class Content:
    """Everything loaded from content/: registries, fact sheets and archived source texts."""

    regions: tuple[Region, ...]
    agency_kinds: tuple[AgencyKind, ...]
    agencies: tuple[Agency, ...]
    people: tuple[Person, ...]
    topics: tuple[Topic, ...]
    elections: tuple[Election, ...]
    glossary: tuple[GlossaryTerm, ...]
    sheets: tuple[FactSheet, ...]
    sources: Mapping[str, str]  # file name -> archived text
    operations: tuple[Operation, ...] = ()
    places: tuple[Place, ...] = ()
    region_names: tuple[RegionNames, ...] = ()  # regions.yaml's names of gazetteer regions (merged into regions)
    gazetteer: GazetteerFile | None = None  # the imported regions' source and dataset
