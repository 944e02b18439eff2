"""The schema, read from the model's type hints; exported as JSON Schema (draft 7) for editors."""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import json
import types
import typing
from dataclasses import dataclass

from . import model
from .model import SLUG_PATTERN, Count, Evidence, Items, Record, Ref, Text

JSON_SCHEMA_DRAFT = "http://json-schema.org/draft-07/schema#"
SCHEMA_FILES = {
    "fact-sheet.schema.json": model.FactSheet,
    "regions.schema.json": model.RegionsFile,
    "agencies.schema.json": model.AgenciesFile,
    "people.schema.json": model.PeopleFile,
    "topics.schema.json": model.TopicsFile,
    "elections.schema.json": model.ElectionsFile,
    "glossary.schema.json": model.GlossaryFile,
    "operations.schema.json": model.OperationsFile,
    "places.schema.json": model.PlacesFile,
    "gazetteer.schema.json": model.GazetteerFile,
}


@dataclass(frozen=True)
class Spec:
    """What one value may be: its kind and constraints."""

    kind: str  # "text", "int", "bool", "date", "when", "choice", "list", "record", "evidence"
    nullable: bool = False
    item: "Spec | None" = None
    items: Items | None = None  # for a list or evidence
    record: type | None = None
    choices: tuple[str, ...] = ()
    text: Text | None = None
    count: Count | None = None
    ref: Ref | None = None

    def expected(self) -> str:
        """How an error message names what was expected."""
        if self.kind == "text":
            if self.ref:
                what = self.ref.kind.replace("_", " ")
                return f"the id of {'an' if what[0] in 'aeiou' else 'a'} {what}"
            return "text"
        if self.kind == "int":
            return "a whole number"
        if self.kind == "bool":
            return "true or false"
        if self.kind == "date":
            return "a date like 2024-11-20"
        if self.kind == "when":
            return model.When.FORMS
        if self.kind == "choice":
            return "one of: " + ", ".join(self.choices)
        if self.kind == "list":
            return f"a list of {self.item.expected() if self.item.kind != 'record' else 'entries'}"
        if self.kind == "evidence":
            return "a passage of the article (text), or a list of passages"
        return "a mapping of fields"


@dataclass(frozen=True)
class FieldSpec:
    """One field of a record."""

    name: str
    spec: Spec
    required: bool
    doc: str


def spec_of(hint) -> Spec:
    """Translate a type hint from model.py into a Spec."""
    metas: tuple = ()
    if typing.get_origin(hint) is typing.Annotated:
        hint, *rest = typing.get_args(hint)
        metas = tuple(rest)
    nullable = False
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(hint) if a is not type(None)]
        nullable = len(args) < len(typing.get_args(hint))
        (hint,) = args
        inner = spec_of(hint)
        return dataclasses.replace(inner, nullable=nullable,
                                   ref=inner.ref or _meta(metas, Ref), text=inner.text or _meta(metas, Text))
    origin = typing.get_origin(hint)
    text, count, ref = _meta(metas, Text), _meta(metas, Count), _meta(metas, Ref)
    if hint is Evidence:
        return Spec("evidence", text=Text(max_length=4000),
                    items=Items(max_items=20, hint="quote the passages that state the fact"))
    if origin is typing.Literal:
        return Spec("choice", choices=tuple(typing.get_args(hint)))
    if origin is tuple:
        item_hint = typing.get_args(hint)[0]
        return Spec("list", item=spec_of(item_hint), items=_meta(metas, Items) or Items())
    if hint is str:
        if ref is not None and text is None:  # an id: the same form as the ids it points at
            text = Text(max_length=80, pattern=SLUG_PATTERN, pattern_hint=model.N_("lower-case letters, digits and single hyphens"))
        return Spec("text", text=text or Text(), ref=ref)
    if hint is bool:
        return Spec("bool")
    if hint is int:
        return Spec("int", count=count or Count())
    if hint is dt.date:
        return Spec("date")
    if hint is model.When:
        return Spec("when")
    if isinstance(hint, type) and issubclass(hint, Record):
        return Spec("record", record=hint)
    raise TypeError(f"model.py uses a type the schema does not know: {hint!r}")


def _meta(metas: tuple, cls: type):
    return next((m for m in metas if isinstance(m, cls)), None)


@functools.cache
def record_fields(cls: type) -> tuple[FieldSpec, ...]:
    """The content fields of a record class, in declaration order."""
    hints = typing.get_type_hints(cls, globalns=vars(model), include_extras=True)
    fields = []
    for f in dataclasses.fields(cls):
        if f.metadata.get("internal"):
            continue
        required = f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING
        fields.append(FieldSpec(f.name, spec_of(hints[f.name]), required, f.metadata.get("doc", "")))
    return tuple(fields)


# ---------------------------------------------------------------- JSON Schema export

def json_schema(root: type, file_name: str) -> dict:
    """The JSON Schema (draft 7) of one content file whose top level is `root`."""
    definitions: dict[str, dict] = {}
    top = _record_schema(root, definitions)
    return {
        "$schema": JSON_SCHEMA_DRAFT,
        "$id": f"https://election-prep-digest.invalid/schema/{file_name}",
        "title": root.__doc__.strip().splitlines()[0],
        **top,
        "definitions": dict(sorted(definitions.items())),
    }


def value_schema(cls: type, definitions: dict, output: bool = False) -> dict:
    """A reference to a record's schema, added to `definitions`; `output`: as the open data writes it
    (export.to_plain), not as a content file does (a date to a precision becomes an object)."""
    return _value_schema(Spec("record", record=cls), definitions, output)


def _record_schema(cls: type, definitions: dict, output: bool = False) -> dict:
    properties = {}
    for f in record_fields(cls):
        properties[f.name] = {"description": f.doc, **_value_schema(f.spec, definitions, output)}
    schema = {
        "type": "object",
        "description": (cls.__doc__ or "").strip(),
        "properties": properties,
        "additionalProperties": False,
    }
    required = [f.name for f in record_fields(cls) if f.required]
    if required:
        schema["required"] = required
    return schema


def _value_schema(spec: Spec, definitions: dict, output: bool = False) -> dict:
    if spec.kind == "record":
        name = spec.record.__name__
        if name not in definitions:
            definitions[name] = {}  # placeholder against recursion
            definitions[name] = _record_schema(spec.record, definitions, output)
        schema = {"$ref": f"#/definitions/{name}"}
    elif spec.kind == "text":
        schema = {"type": "string", "minLength": 1, "maxLength": spec.text.max_length}
        if spec.text.pattern:
            schema["pattern"] = spec.text.pattern
    elif spec.kind == "int":
        schema = {"type": "integer", "minimum": spec.count.minimum, "maximum": spec.count.maximum}
    elif spec.kind == "bool":
        schema = {"type": "boolean"}
    elif spec.kind == "date":
        schema = {"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"}
    elif spec.kind == "when" and output:
        day = {"oneOf": [{"type": "string", "format": "date"}, {"type": "null"}]}
        schema = {"type": "object", "additionalProperties": False,
                  "required": ["as_written", "precision", "earliest", "latest"],
                  "properties": {"as_written": {"type": "string"},
                                 "precision": {"type": "string", "enum": list(model.Precision.__args__)},
                                 "earliest": day, "latest": day}}
    elif spec.kind == "when":
        day = r"\d{4}-\d{2}-\d{2}"
        schema = {"oneOf": [
            {"type": "string", "pattern": rf"^(?:{day}|\d{{4}}-\d{{2}}|\d{{4}}|{day}/{day}|(?:before|by) {day}|unknown)$"},
            {"type": "integer", "minimum": model.EARLIEST_DATE.year, "maximum": model.LATEST_DATE.year},
        ]}
    elif spec.kind == "choice":
        schema = {"type": "string", "enum": list(spec.choices)}
    elif spec.kind == "list":
        schema = {"type": "array", "items": _value_schema(spec.item, definitions, output),
                  "maxItems": spec.items.max_items}
        if spec.item.kind != "record":
            schema["uniqueItems"] = True
    elif spec.kind == "evidence":
        passage = {"type": "string", "minLength": 1, "maxLength": spec.text.max_length}
        schema = {"oneOf": [passage, {"type": "array", "items": passage, "minItems": 1,
                                      "maxItems": spec.items.max_items, "uniqueItems": True}]}
    else:  # pragma: no cover - spec_of rejects anything else
        raise TypeError(spec.kind)
    if spec.nullable:
        schema = {"oneOf": [schema, {"type": "null"}]} if "$ref" in schema or "oneOf" in schema else \
            {**schema, "type": [schema["type"], "null"]}
        if "enum" in schema:
            schema["enum"] = schema["enum"] + [None]
    return schema


def render_schemas() -> dict[str, str]:
    """Every exported schema file's name and exact text."""
    return {name: json.dumps(json_schema(root, name), indent=2, ensure_ascii=False) + "\n"
            for name, root in SCHEMA_FILES.items()}

