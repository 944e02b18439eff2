"""The open data's description: a Frictionless Data Package (datapackage.json) with a Table Schema for every CSV
file, its keys between the files, the JSON Schema of digest.json, the licence and the data's version.

The CSV files' columns are declared here once: export.py writes its headers from COLUMNS, so a file and its
schema cannot disagree. Allowed values come from the content model's type hints, as the JSON Schemas do.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from . import model
from .i18n import N_
from .schema import JSON_SCHEMA_DRAFT, record_fields, value_schema

FORMAT_VERSION = "1.0"  # of the files' layout; the data's own version is digest.json's, which changes with any value
LICENCE = {"name": "CC-BY-4.0", "title": "Creative Commons Attribution 4.0",
           "path": "https://creativecommons.org/licenses/by/4.0/"}
LICENCE_SCOPE = N_("The licence covers what the digest made: its fact sheets, registries, translations, summaries "
                   "and figures. Quotes and evidence passages are short excerpts of the outlets' articles, quoted "
                   "to prove each fact; their text stays the outlets', under the outlets' terms. The official "
                   "codes, names, kinds and provinces of the regions come from the idn-area-data package and stay "
                   "under its Open Database License 1.0.")


@dataclass(frozen=True)
class Column:
    """One column of a CSV export: its name, Table Schema type and meaning, and its constraints."""

    name: str
    type: str
    description: str
    required: bool = False
    enum: tuple[str, ...] = ()
    format: str | None = None
    minimum: int | None = None

    def field(self) -> dict:
        field = {"name": self.name, "type": self.type, "description": self.description}
        if self.format:
            field["format"] = self.format
        constraints = {}
        if self.required:
            constraints["required"] = True
        if self.enum:
            constraints["enum"] = list(self.enum)
        if self.minimum is not None:
            constraints["minimum"] = self.minimum
        if constraints:
            field["constraints"] = constraints
        return field


def _choices(cls: type, name: str) -> tuple[str, ...]:
    """The allowed values of a choice field of the model (or of a list of choices)."""
    spec = next(f.spec for f in record_fields(cls) if f.name == name)
    return (spec.item if spec.kind == "list" else spec).choices


def _text(name: str, description: str, **options) -> Column:
    return Column(name, "string", description, **options)


_MEETING = _text("meeting", "The fact sheet's id; the meeting page is meetings/<id>/.", required=True)
_INFERRED = _text("inferred", "The fields of the row that are inferred rather than stated, space-separated.")

COLUMNS: dict[str, tuple[Column, ...]] = {
    "meetings.csv": (
        _MEETING,
        _text("date", "The date as the fact sheet gives it: 2024-11-20, 2024-11, 2024, a range, 'before ...', "
                      "'by ...' or 'unknown'.", required=True),
        _text("date_precision", "How precise the date is.", required=True, enum=model.Precision.__args__),
        Column("date_earliest", "date", "The first day the meeting may have been; empty when not known."),
        Column("date_latest", "date", "The last day the meeting may have been; empty when not known."),
        _text("date_as_stated", "The date as the article writes it."),
        _text("time", "The time the article gives, 24-hour, in the time zone of time_zone."),
        _text("time_zone", "WIB, WITA or WIT.", enum=_choices(model.Meeting, "time_zone")),
        _INFERRED,
        _text("region", "The region's id (registry).", required=True),
        _text("province", "The id of the region's province; empty for the country or a region without one."),
        _text("elections", "The ids of the elections prepared, space-separated."),
        _text("organiser", "The organising agency's id."),
        _text("chair", "The id of the person who chaired or opened the meeting."),
        _text("venue", "The venue as written."),
        _text("outlet", "The news outlet.", required=True),
        _text("url", "The article's address.", format="uri"),
        Column("published", "date", "The article's publication date, when known."),
        _text("published_basis", "How the publication date is known.",
              enum=_choices(model.Source, "published_basis")),
        _text("archive", "Whether the archived text is the whole article.", required=True,
              enum=_choices(model.Source, "archive")),
        _text("contests", "The contests prepared, space-separated."),
        _text("stages", "The stages of the schedule prepared, space-separated."),
        _text("page", "The meeting's page on the site.", required=True, format="uri"),
    ),
    "attendance.csv": (
        _MEETING,
        Column("number", "integer", "The entry's place in the fact sheet's attendance, from 1.", required=True,
               minimum=1),
        _text("person", "The person's id, for a named attendee."),
        _text("rank_as_stated", "The rank printed at this meeting."),
        _text("position_as_stated", "The position as the article writes it."),
        _text("agency", "The attendee's agency id, or the ids of a group's agencies, space-separated."),
        _text("represents", "The id of the agency the attendee stood in for."),
        _text("represents_office", "The office stood in for, as written."),
        _text("represents_person", "The id of the person stood in for."),
        Column("group", "boolean", "Whether the entry is a group (camat, kepala desa).", required=True),
        Column("institution", "boolean", "Whether an institution attended as a whole.", required=True),
        _text("roles", "Roles at the meeting, space-separated."),
        _text("accompanied", "The id of the person the attendee accompanied."),
        _INFERRED,
    ),
    "statements.csv": (
        _MEETING,
        _text("statement", "The statement's id within the fact sheet.", required=True),
        _text("speaker", "The speaker's id."),
        _text("agency", "The id of the agency the speaker spoke for."),
        _text("kind", "A verbatim quote, or the digest's paraphrase.", required=True, enum=("quote", "paraphrase")),
        _text("text_id", "The quote as the article prints it, or the paraphrase in Indonesian.", required=True),
        _text("text_en", "The English translation, labelled as such on the site; empty when there is none."),
        _text("topics", "Topic ids, space-separated."),
    ),
    "figures.csv": (
        _MEETING,
        _text("figure", "The figure's id within the fact sheet.", required=True),
        _text("kind", "What the figure counts.", required=True, enum=_choices(model.Figure, "kind")),
        Column("value", "integer", "The value in full units (rupiah, polling stations, persons); empty for an "
                                   "assessment.", minimum=0),
        Column("value_max", "integer", "The upper end of a range.", minimum=0),
        _text("approximation", "How the value is approximate ('about', 'more-than' ...); empty when exact.",
              enum=_choices(model.Figure, "approximation")),
        _text("unit", "The unit of value, which follows from kind."),
        _text("as_stated", "The number as the article writes it.", required=True),
        _text("voter_list", "The voter list counted (DPT, DPTb ...).", enum=_choices(model.Figure, "voter_list")),
        _text("funding", "Where a budget comes from.", enum=_choices(model.Figure, "funding")),
        _text("recipient", "The id of the agency a budget is for, or the ids of several, space-separated."),
        _text("agencies", "The ids of the agencies whose personnel are counted, space-separated."),
        _text("level", "An assessment's level, as written."),
        _text("scale", "An assessment's scale, its levels separated by ' | '."),
        _text("part_of", "The id of the figure this one is a part of, in the same fact sheet."),
        _text("election", "The id of the election the figure is for."),
        _text("region", "The id of the region the figure is for.", required=True),
        _INFERRED,
    ),
}

KEYS = {
    "meetings.csv": {"primaryKey": ["meeting"]},
    "attendance.csv": {"primaryKey": ["meeting", "number"]},
    "statements.csv": {"primaryKey": ["meeting", "statement"]},
    "figures.csv": {"primaryKey": ["meeting", "figure"]},
}
_TO_MEETINGS = {"fields": ["meeting"], "reference": {"resource": "meetings", "fields": ["meeting"]}}
FOREIGN_KEYS = {
    "attendance.csv": [_TO_MEETINGS],
    "statements.csv": [_TO_MEETINGS],
    # part_of names a figure of the same meeting; a key over (meeting, part_of) would refuse every figure that is
    # no part (frictionless checks a key with an empty field), so tests/test_data_package.py checks it instead.
    "figures.csv": [_TO_MEETINGS],
}
DIGEST_SECTIONS = {"regions": model.Region, "agency_kinds": model.AgencyKind, "agencies": model.Agency,
                   "people": model.Person, "topics": model.Topic, "elections": model.Election,
                   "glossary": model.GlossaryTerm, "operations": model.Operation, "places": model.Place,
                   "fact_sheets": model.FactSheet}


def header(file_name: str) -> tuple[str, ...]:
    return tuple(column.name for column in COLUMNS[file_name])


def table_schema(file_name: str) -> dict:
    schema = {"fields": [column.field() for column in COLUMNS[file_name]], "missingValues": [""],
              **KEYS[file_name]}
    if file_name in FOREIGN_KEYS:
        schema["foreignKeys"] = FOREIGN_KEYS[file_name]
    return schema


def digest_schema(site_url: str) -> dict:
    """The JSON Schema of digest.json: its version and a list of records per section, each record as the model
    defines it (a meeting's date as an object with its precision and its earliest and latest day)."""
    definitions: dict[str, dict] = {}
    properties = {"version": {"type": "string", "pattern": "^[0-9a-f]{24}$",
                              "description": "Changes whenever any value of the data does."}}
    for name, cls in DIGEST_SECTIONS.items():
        properties[name] = {"type": "array", "items": value_schema(cls, definitions, output=True)}
    return {"$schema": JSON_SCHEMA_DRAFT, "$id": f"{site_url}data/digest.schema.json",
            "title": "Election-Prep Digest: digest.json", "type": "object", "properties": properties,
            "required": ["version", *DIGEST_SECTIONS], "additionalProperties": False,
            "definitions": dict(sorted(definitions.items()))}


def package(version: str, site_url: str, resources: dict[str, str]) -> dict:
    """datapackage.json; `resources` maps the other files of data/ to their descriptions (EXPORTS). Not listed:
    data/places.json, the place finder's list, which differs by language (generator/place_finder.py)."""
    tabular = [{"name": name.removesuffix(".csv"), "path": name, "type": "table", "format": "csv",
                "mediatype": "text/csv", "encoding": "utf-8", "description": resources[name],
                "schema": table_schema(name)} for name in COLUMNS]
    others = [{"name": name.replace(".", "-"), "path": name, "type": "json" if name.endswith(".json") else "file",
               "format": name.rsplit(".", 1)[1], "mediatype": _MEDIA[name.rsplit(".", 1)[1]],
               "description": description}
              for name, description in resources.items() if name not in COLUMNS]
    for resource in others:
        if resource["path"] == "digest.json":
            resource["jsonSchema"] = "digest.schema.json"
    return {
        "$schema": "https://datapackage.org/profiles/2.0/datapackage.json",
        "name": "election-prep-digest",
        "title": "Election-Prep Digest / Digest Persiapan Pemilu",
        "description": "The coordination meetings where Indonesian regions prepare their elections, digested from "
                       "local news with the passage of the article that supports each fact.",
        "homepage": site_url,
        "version": version,
        "formatVersion": FORMAT_VERSION,
        "licenses": [LICENCE],
        "licenseScope": LICENCE_SCOPE,
        "sources": [{"title": "Local Indonesian news articles; each meeting's outlet and address are in "
                              "meetings.csv"},
                    {"title": "idn-area-data: Indonesia's provinces, regencies and cities with their official codes "
                              "(Keputusan Menteri Dalam Negeri Nomor 300.2.2-2138 Tahun 2025), ODbL 1.0",
                     "path": "https://github.com/fityannugroho/idn-area-data"}],
        "resources": tabular + others,
    }


_MEDIA = {"json": "application/json", "xml": "application/atom+xml", "ics": "text/calendar", "csv": "text/csv"}


def render(version: str, site_url: str, resources: dict[str, str]) -> dict[str, str]:
    """datapackage.json and digest.schema.json, as text."""
    def dump(value) -> str:
        return json.dumps(value, indent=2, ensure_ascii=False) + "\n"
    return {"datapackage.json": dump(package(version, site_url, resources)),
            "digest.schema.json": dump(digest_schema(site_url))}
