"""The JSON Schemas in schema/: current, valid draft 7, and in agreement with the content and the loader."""

from __future__ import annotations

import copy
import datetime as dt
import json
from pathlib import Path

import jsonschema
import pytest
import yaml

from fixtures import CITY_SHEET as FIXTURE_CITY_SHEET, documents, dump_yaml
from generator import model
from generator.load import schema_comment
from generator.schema import SCHEMA_FILES, render_schemas

REPO_ROOT = Path(__file__).resolve().parent.parent
SCHEMA_DIR = REPO_ROOT / "schema"
CONTENT = REPO_ROOT / "content"
SCHEMA_OF_CLASS = {cls: name for name, cls in SCHEMA_FILES.items()}


def schema_name_for(path: Path) -> str:
    """The schema file a content file must use, from where it lives."""
    if path.parent.name == "articles":
        return SCHEMA_OF_CLASS[model.FactSheet]
    return SCHEMA_OF_CLASS[model.REGISTRY_FILES[path.name]]


def content_files() -> list[Path]:
    return sorted([*(CONTENT / "registry").glob("*.yaml"), *(CONTENT / "articles").glob("*.yaml")])


def as_json(value):
    """A YAML value as JSON sees it: dates become ISO strings."""
    if isinstance(value, dict):
        return {key: as_json(item) for key, item in value.items()}
    if isinstance(value, list):
        return [as_json(item) for item in value]
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value


def validator(name: str) -> jsonschema.Draft7Validator:
    schema = json.loads((SCHEMA_DIR / name).read_text(encoding="utf-8"))
    return jsonschema.Draft7Validator(schema, format_checker=jsonschema.Draft7Validator.FORMAT_CHECKER)


def errors_of(name: str, document) -> list[str]:
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator(name).iter_errors(document)]


def test_exported_schemas_are_not_stale():
    rendered = render_schemas()
    on_disk = sorted(p.name for p in SCHEMA_DIR.glob("*.schema.json"))
    assert on_disk == sorted(rendered), "schema/ holds other files than the model exports; run: python -m generator schema"
    for name, text in rendered.items():
        assert (SCHEMA_DIR / name).read_text(encoding="utf-8") == text, \
            f"schema/{name} is stale: run python -m generator schema"


@pytest.mark.parametrize("name", sorted(SCHEMA_FILES))
def test_each_schema_is_valid_draft_7(name):
    schema = json.loads((SCHEMA_DIR / name).read_text(encoding="utf-8"))
    assert schema["$schema"] == "http://json-schema.org/draft-07/schema#"
    jsonschema.Draft7Validator.check_schema(schema)


def test_every_content_file_is_checked_here():
    names = [p.relative_to(CONTENT).as_posix() for p in content_files()]
    assert len([n for n in names if n.startswith("registry/")]) == len(model.REGISTRY_FILES)
    assert len([n for n in names if n.startswith("articles/")]) == 3


@pytest.mark.parametrize("path", content_files(), ids=lambda p: p.relative_to(CONTENT).as_posix())
def test_real_content_validates_against_its_schema(path):
    document = as_json(yaml.safe_load(path.read_text(encoding="utf-8")))
    assert errors_of(schema_name_for(path), document) == []


@pytest.mark.parametrize("path", content_files(), ids=lambda p: p.relative_to(CONTENT).as_posix())
def test_first_line_references_the_right_schema(path):
    first = path.read_text(encoding="utf-8").split("\n", 1)[0]
    assert first == f"# yaml-language-server: $schema=../../schema/{schema_name_for(path)}"
    assert (path.parent / first.split("$schema=", 1)[1]).resolve() == (SCHEMA_DIR / schema_name_for(path)).resolve()


@pytest.mark.parametrize("relative", sorted(k for k in documents() if k.endswith(".yaml")))
def test_fixture_documents_validate_too(relative):
    """The test fixture is valid content by the editors' schema as well as by check."""
    name = schema_name_for(Path("content") / relative)
    text = dump_yaml(relative, documents()[relative])
    assert text.split("\n", 1)[0] == schema_comment(SCHEMA_FILES[name])
    assert errors_of(name, as_json(yaml.safe_load(text))) == []


def test_an_unknown_field_fails_validation():
    path = sorted((CONTENT / "articles").glob("*.yaml"))[0]
    sheet = as_json(yaml.safe_load(path.read_text(encoding="utf-8")))
    assert errors_of("fact-sheet.schema.json", sheet) == []
    bad = copy.deepcopy(sheet)
    bad["meeting"]["venu"] = bad["meeting"].pop("venue")
    assert errors_of("fact-sheet.schema.json", bad) == [
        "meeting: Additional properties are not allowed ('venu' was unexpected)"]


def test_a_wrong_type_and_a_bad_choice_fail_validation():
    regions = {"regions": [{"id": "pelita", "name": "Pelita", "kind": "kota"}]}
    assert errors_of("regions.schema.json", regions) == [
        "regions/0/kind: 'kota' is not one of ['country', 'province', 'regency', 'city']"]
    figure_sheet = as_json(yaml.safe_load(dump_yaml(FIXTURE_CITY_SHEET, documents()[FIXTURE_CITY_SHEET])))
    figure_sheet["figures"][0]["value"] = "10 miliar"
    assert errors_of("fact-sheet.schema.json", figure_sheet) == ["figures/0/value: '10 miliar' is not of type 'integer', 'null'"]
    elections = as_json({"elections": [{"id": "x", "name": {"id": "X"}, "kind": "pilkada",
                                        "voting_date": "2024-02-30", "source": {"title": "t"}}]})
    assert errors_of("elections.schema.json", elections) == [
        "elections/0/voting_date: '2024-02-30' is not a 'date'"]


def test_the_field_reference_lists_every_field_in_both_languages():
    """docs/<lang>/reference.md has a row for every field of every record a content file holds, with its
    description translated (tests/test_i18n.py fails while a catalog entry is empty)."""
    from generator import model
    from generator.i18n import Formatter
    from generator.reference import COMMON
    from generator.schema import record_fields

    records, todo = set(), list(SCHEMA_FILES.values()) + list(COMMON)
    while todo:
        cls = todo.pop()
        if cls in records:
            continue
        records.add(cls)
        for f in record_fields(cls):
            inner = f.spec.item if f.spec.kind == "list" else f.spec
            if inner.kind == "record":
                todo.append(inner.record)
    expected_rows = sum(len(record_fields(cls)) for cls in records if cls not in COMMON) + \
        sum(len(record_fields(cls)) for cls in COMMON)
    for lang in ("id", "en"):
        page = (REPO_ROOT / "docs" / lang / "reference.md").read_text(encoding="utf-8")
        rows = [line for line in page.splitlines() if line.startswith("| `")]
        assert len(rows) >= expected_rows, (lang, len(rows), expected_rows)
        meaning = Formatter(lang).gettext(record_fields(model.Attendance)[0].doc)
        assert meaning in page
    untranslated = [f.doc for cls in records for f in record_fields(cls) if Formatter("id").gettext(f.doc) == f.doc]
    assert not untranslated, untranslated
