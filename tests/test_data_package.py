"""The open data a program can trust (issue 19): datapackage.json validates with frictionless, digest.json with
its JSON Schema, the keys hold, the exports round-trip into the model, each region has its feed and calendar,
and the worked example of the 'Using the data' page prints what the page says it prints."""

from __future__ import annotations

import csv
import io
import json
import re
import sys
import xml.etree.ElementTree as ElementTree
from contextlib import redirect_stdout
from pathlib import Path

import icalendar
import jsonschema
import pytest
import yaml
from frictionless import validate

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "bench"))

from model_fixtures import write_model_tree  # noqa: E402
from synthetic import write_corpus  # noqa: E402

from generator import datapackage  # noqa: E402
from generator.load import load_content  # noqa: E402
from generator.pipeline import BuildConfig, build  # noqa: E402

SITE_URL = "https://example.invalid/digest/"


def _data(root: Path) -> Path:
    build(BuildConfig(root=root, out=root / "build", site_url=SITE_URL))
    return root / "build" / "id" / "docs" / "data"


@pytest.fixture(scope="module")
def trees(tmp_path_factory) -> dict[str, tuple[Path, Path]]:
    """(content root, data folder) of the seed content, the model tree and a 60-sheet synthetic corpus."""
    seed = tmp_path_factory.mktemp("seed")
    build(BuildConfig(root=REPO, out=seed / "build", site_url=SITE_URL))
    model = write_model_tree(tmp_path_factory.mktemp("model"))
    corpus = write_corpus(tmp_path_factory.mktemp("corpus"), 60, seed=3)
    return {"seed": (REPO, seed / "build" / "id" / "docs" / "data"), "model": (model, _data(model)),
            "synthetic": (corpus, _data(corpus))}


@pytest.mark.parametrize("which", ["seed", "model", "synthetic"])
def test_frictionless_validates_the_package(trees, which):
    report = validate(str(trees[which][1] / "datapackage.json"))
    errors = [(task.name, error.type, error.message) for task in report.tasks for error in task.errors]
    assert report.valid, errors[:10]
    assert {task.name for task in report.tasks} >= {"meetings", "attendance", "statements", "figures", "digest-json"}


@pytest.mark.parametrize("which", ["seed", "model", "synthetic"])
def test_digest_json_follows_its_json_schema(trees, which):
    data = trees[which][1]
    schema = json.loads((data / "digest.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft7Validator.check_schema(schema)
    digest = json.loads((data / "digest.json").read_text(encoding="utf-8"))
    errors = list(jsonschema.Draft7Validator(schema, format_checker=jsonschema.FormatChecker()).iter_errors(digest))
    assert [(e.json_path, e.message[:120]) for e in errors[:5]] == []


@pytest.mark.parametrize("which", ["seed", "model", "synthetic"])
def test_the_csv_headers_are_the_package_fields_and_every_part_has_its_total(trees, which):
    data = trees[which][1]
    package = json.loads((data / "datapackage.json").read_text(encoding="utf-8"))
    rows = {}
    for resource in package["resources"]:
        if resource["type"] == "table":
            with open(data / resource["path"], encoding="utf-8", newline="") as handle:
                table = list(csv.reader(handle))
            assert table[0] == [field["name"] for field in resource["schema"]["fields"]]
            rows[resource["name"]] = [dict(zip(table[0], row)) for row in table[1:]]
    figures = {(row["meeting"], row["figure"]) for row in rows["figures"]}
    assert all((row["meeting"], row["part_of"]) in figures for row in rows["figures"] if row["part_of"])
    assert package["version"] == json.loads((data / "digest.json").read_text(encoding="utf-8"))["version"]
    assert package["licenses"] == [datapackage.LICENCE]


@pytest.mark.parametrize("which", ["seed", "model", "synthetic"])
def test_digest_json_round_trips_into_the_model(trees, which, tmp_path):
    """digest.json written back as content files (a date as the sheet wrote it) loads into the same records."""
    root, data = trees[which]
    digest = json.loads((data / "digest.json").read_text(encoding="utf-8"))

    def as_written(value):
        if isinstance(value, dict):
            if set(value) == {"as_written", "precision", "earliest", "latest"}:
                return value["as_written"]
            return {key: as_written(item) for key, item in value.items()}
        if isinstance(value, list):
            return [as_written(item) for item in value]
        return value

    files = {"regions.yaml": {"regions": digest["regions"]},
             "agencies.yaml": {"kinds": digest["agency_kinds"], "agencies": digest["agencies"]},
             "people.yaml": {"people": digest["people"]}, "topics.yaml": {"topics": digest["topics"]},
             "elections.yaml": {"elections": digest["elections"]}, "glossary.yaml": {"terms": digest["glossary"]},
             "operations.yaml": {"operations": digest["operations"]}, "places.yaml": {"places": digest["places"]}}
    (tmp_path / "content" / "registry").mkdir(parents=True)
    (tmp_path / "content" / "articles").mkdir()
    (tmp_path / "content" / "sources").mkdir()
    for name, value in files.items():
        (tmp_path / "content" / "registry" / name).write_text(_yaml(name, value), encoding="utf-8")
    for sheet in digest["fact_sheets"]:
        (tmp_path / "content" / "articles" / f"{sheet['id']}.yaml").write_text(
            _yaml("fact-sheet.yaml", as_written(sheet)), encoding="utf-8")
    original, again = load_content(root / "content", root), load_content(tmp_path / "content", tmp_path)
    for section in ("regions", "agency_kinds", "agencies", "people", "topics", "elections", "glossary",
                    "operations", "places", "sheets"):
        assert getattr(again, section) == getattr(original, section), section


def _yaml(name: str, value) -> str:
    from generator.load import schema_comment
    from generator.model import REGISTRY_FILES, FactSheet

    cls = FactSheet if name == "fact-sheet.yaml" else REGISTRY_FILES[name]
    return schema_comment(cls) + "\n" + yaml.safe_dump(value, allow_unicode=True, sort_keys=False)


def test_every_region_has_a_feed_and_a_calendar_of_its_own_meetings(trees):
    root, data = trees["model"]
    content = load_content(root / "content", root)
    atom = "{http://www.w3.org/2005/Atom}"
    for region in content.regions:
        feed = ElementTree.fromstring((data / "regions" / f"{region.id}.xml").read_bytes())
        calendar = icalendar.Calendar.from_ical((data / "regions" / f"{region.id}.ics").read_bytes())
        links = {entry.find(f"{atom}link").get("href") for entry in feed.iter(f"{atom}entry")}
        assert feed.find(f"{atom}link").get("href") == f"{SITE_URL}regions/{region.id}/"
        events = {str(event.get("URL")) for event in calendar.walk("VEVENT") if event.get("URL")}
        assert events <= links  # every meeting of the calendar is in the feed (the feed has undated ones too)
        for link in links:
            sheet_id = link.removeprefix(f"{SITE_URL}meetings/").rstrip("/")
            sheet = next(s for s in content.sheets if s.id == sheet_id)
            assert region.id in _ancestry(sheet.meeting.region, content)
    page = (root / "build" / "en" / "docs" / "regions" / "karang-sari.md").read_text(encoding="utf-8")
    assert "[Atom feed](../data/regions/karang-sari.xml)" in page and "(../data/regions/karang-sari.ics)" in page


def _ancestry(region_id: str, content) -> list[str]:
    regions = {r.id: r for r in content.regions}
    found = []
    while region_id:
        found.append(region_id)
        region_id = regions[region_id].parent
    return found


@pytest.mark.parametrize("lang", ["en", "id"])
def test_the_worked_example_prints_what_the_page_says(trees, lang, monkeypatch):
    page = (REPO / "docs" / lang / "using-the-data.md").read_text(encoding="utf-8")
    example = re.search(r"```python\n(import csv.*?)```", page, re.S).group(1)
    monkeypatch.chdir(trees["seed"][1])
    printed = io.StringIO()
    with redirect_stdout(printed):
        exec(compile(example, "using-the-data.md", "exec"), {})
    said = re.search(r"(?:this prints|program ini mencetak) `([^`]+)`", page).group(1)
    assert printed.getvalue().strip() == said
