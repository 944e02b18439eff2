"""Hostile content for tests: the fixture tree with one string put into every text field that reaches a page,
a page title, a navigation entry, a search filter or an export, and the checks that it came out inert.

Reusable by the property test (tests/test_hostile.py) and the site and browser tests.
"""

from __future__ import annotations

import csv
import html
import html.parser
import json
import re
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import icalendar

from fixtures import CITY_SHEET, documents, write_content_tree
from generator import model
from generator.escape import INVISIBLE
from generator.passages import QUOTE_WORDS, words
from generator.schema import record_fields
from page_html import Elements, mkdocs_markdown, split_front_matter

# One string with every kind of markup a contributor could try: HTML (in a title and in an attribute), entity
# forms, Jinja, Markdown links, attr_list, abbreviations, snippets, tables, line-start syntax, spreadsheet
# formulas, iCalendar and XML syntax. tests/e2e checks that no dialog opens in Chromium.
EVERYTHING = ("=cmd|' /C calc'!A0 </title><script>alert(1)</script> <img src=x onerror=alert(2)> "
              "\"><svg onload=alert(3)> &lt;b&gt; &#60;i&#62; {{ 7*7 }} {% raw %} [x](javascript:alert(4)) "
              "{: onclick=alert(5) } *[KPU]: <b>abbr</b> --8<-- \"/etc/passwd\" | a | b | `code` \\ "
              "]]> <!-- ;SUMMARY:x,\r\nDTSTART:1")
EVERYTHING = EVERYTHING.replace("\r", "")  # check refuses a carriage return in a value (tests/bad/cases.yaml)

HOSTILE_URL = "https://example.invalid/a|b)(c`d{e}[f]\\g?x=1&y=2'z*_~"
SAFE_URL_PATTERN = re.compile(model.Url.__metadata__[0].pattern)


def as_passage(text: str) -> str:
    """`text` as a quote or an evidence passage can carry it: with words after it when it has too few for one
    (check wants three in a quote, a statement's evidence and a point's; `EVERYTHING` has them)."""
    return text if words(text) >= QUOTE_WORDS else f"{text} kata demi kata"


def _archived(text: str) -> str:
    """The paragraphs an archived text gains for `text`: the evidence passage, and the quote in quotation marks,
    on one line (a quotation is one paragraph) and with its own double marks straight (inside curly marks a
    straight one is text, as check reads quotations)."""
    quote = " ".join(as_passage(text).split())
    for mark in "\u201c\u201d\u201e\u201f\u00ab\u00bb\u2033":
        quote = quote.replace(mark, '"')
    return f"{as_passage(text)}\n\u201c{quote}\u201d\n"


def as_name(text: str) -> str:
    """`text` as a name or term can carry it: without the invisible characters check refuses there (escape.INVISIBLE;
    tests/test_hostile.py puts those into names on their own)."""
    name = INVISIBLE.sub("", text)
    return name if name.strip() else "nama"


def _poison(value: dict, cls: type, text: str, url: str) -> None:
    """Put `text` into every free-text field of a document (in place), `url` into every address; a quote and an
    evidence passage get `as_passage(text)`, a name or term `as_name(text)`."""
    for field in record_fields(cls):
        spec = field.spec
        if field.name not in value:
            if field.name == "headline":  # optional texts the fixture leaves out
                value[field.name] = text
            if field.name == "url" and cls in (model.Source, model.RegistrySource):
                value[field.name] = url
            continue
        current = value[field.name]
        if spec.kind == "record":
            _poison(current, spec.record, text, url)
        elif spec.kind == "list" and spec.item.kind == "record":
            for number, item in enumerate(current, start=1):
                _poison(item, spec.item.record, text, url)
                if spec.item.record is model.GlossaryTerm:  # terms are unique; an expansion spells its term
                    item["term"] = item["expansion"] = f"{as_name(text)} {number}"
        elif spec.kind == "text" and spec.ref is None and spec.text.pattern is None:
            value[field.name] = as_passage(text) if field.name == "quote" else as_name(text) if spec.text.name \
                else text
        elif spec.kind == "text" and field.name == "url":
            value[field.name] = url
        elif spec.kind == "evidence":
            value[field.name] = as_passage(text)
        elif spec.kind == "list" and spec.item.kind == "text" and spec.item.ref is None \
                and spec.item.text.pattern is None:
            value[field.name] = [as_name(text) if spec.item.text.name else text]


def hostile_tree(root: Path, text: str = EVERYTHING, url: str = HOSTILE_URL) -> Path:
    """The fixture tree with `text` in every text field and `url` in every address; each archived text gains a
    paragraph holding `text` (as_passage), and one holding it in quotation marks (_archived), so quotes,
    evidence and the fields checked word for word against the article still pass check; a figure's words are
    `text` and then its number, which check compares with its value."""
    files = documents()
    figures = []  # check compares a figure's value with its words' number: each keeps its number after `text`
    for relative, value in files.items():
        if relative.startswith("sources/"):
            continue
        cls = model.FactSheet if relative.startswith("articles/") else model.REGISTRY_FILES[relative.split("/")[1]]
        numbers = [_NUMBER.search(figure["as_stated"]).group(0) for figure in value.get("figures", ())]
        _poison(value, cls, text, url)
        for figure, number in zip(value.get("figures", ()), numbers):
            figure["as_stated"] = f"{text} {number}"
            figures.append(figure["as_stated"])
    figures += _add_fields_the_fixture_leaves_out(files, text)
    for relative, value in files.items():
        if relative.startswith("sources/"):
            named = _archived(as_name(text)) if as_name(text) != text else ""  # the names, as registries hold them
            files[relative] = value + _archived(text) + named + "".join(f"{stated}\n" for stated in figures)
    return write_content_tree(root, files)


def _add_fields_the_fixture_leaves_out(files: dict, text: str) -> list[str]:
    """`text` also in the fields and registries the small fixture does not use: a dateline and byline, a stand-in's
    office and rank, a rating with its scale, a count with its own unit, an operation and a place (their names are
    in the archived text, which gains `text`), and a correction (on the meeting page, the corrections page and the
    corrections feed)."""
    sheet = files[CITY_SHEET]
    sheet["source"].update(dateline={"text": text, "place": text}, byline=text)
    sheet["attendance"][1].update(rank=text, represents_office=text, represents="pemkot-pelita")
    sheet["figures"] += [
        {"id": "hostile-rating", "kind": "assessment", "label": {"id": text, "en": text}, "level": text,
         "scale": [text], "as_stated": text, "evidence": as_passage(text)},
        {"id": "hostile-count", "kind": "other", "unit_label": {"id": text, "en": text},
         "label": {"id": text, "en": text}, "value": 0, "as_stated": f"{text} 0", "places": ["hostile-place"],
         "evidence": as_passage(text)},
    ]
    sheet["meeting"]["operations"] = ["hostile-operation"]
    sheet["corrections"] = [{"date": "2024-12-01", "kind": "correction", "what": {"id": text, "en": text},
                             "why": {"id": text, "en": text}, "reported_by": {"id": text, "en": text}}]
    files["registry/operations.yaml"] = {"operations": [
        {"id": "hostile-operation", "name": as_name(text), "short_names": [as_name(text)], "kind": "other",
         "description": {"id": text, "en": text}}]}
    files["registry/places.yaml"] = {"places": [
        {"id": "hostile-place", "name": as_name(text), "short_names": [as_name(text)], "kind": "other",
         "region": "pelita"}]}
    return [f"{text} 0"]  # the count's words, which the archived text must hold


_NUMBER = re.compile(r"(?:Rp)?\d[\d.,]*(?: (?:ribu|juta|miliar|triliun))?")


# ------------------------------------------------------------------ what must hold of the outputs

def page_shapes(tree: Path) -> dict[str, set]:
    """Per generated page of build/<lang>/docs: the (element, attribute names) pairs its HTML has."""
    converter = mkdocs_markdown()
    shapes = {}
    for path in sorted(tree.rglob("*.md")):
        meta, body = split_front_matter(path.read_text(encoding="utf-8"))
        shapes[path.relative_to(tree).as_posix()] = Elements.of(converter.reset().convert(body)).shapes
    return shapes


def live_markup(tree: Path, allowed: set) -> list[str]:
    """What in a generated tree is markup the generator did not build: an element or attribute the clean
    fixture never has, an event handler, a javascript: address, or a title that is not escaped HTML."""
    found = []
    converter = mkdocs_markdown()
    for path in sorted(tree.rglob("*.md")):
        relative = path.relative_to(tree).as_posix()
        meta, body = split_front_matter(path.read_text(encoding="utf-8"))
        for name, value in (meta or {}).items():
            values = value if isinstance(value, list) else [value]
            if not all(isinstance(v, (str, int)) for v in values):
                found.append(f"{relative}: front matter {name} is not text: {value!r}")
        title = (meta or {}).get("title", "")
        if re.search(r"[<>\"']|&(?![a-z]+;|#\d+;)", title):
            found.append(f"{relative}: title is not escaped HTML: {title!r}")
        elements = Elements.of(converter.reset().convert(body))
        for shape in elements.shapes - allowed:
            found.append(f"{relative}: element not made by the generator: {shape}")
        for tag, name, value in elements.attributes:
            if name.startswith("on") or value.strip().lower().startswith(("javascript:", "data:", "vbscript:")):
                found.append(f"{relative}: <{tag} {name}={value!r}>")
    return found


def parse_exports(data_dir: Path) -> dict:
    """Every export read back by an independent parser: json, csv, an XML parser and icalendar."""
    parsed = {"digest": json.loads((data_dir / "digest.json").read_text(encoding="utf-8"))}
    for name in ("meetings", "attendance", "statements", "figures"):
        with open(data_dir / f"{name}.csv", encoding="utf-8", newline="") as handle:
            rows = list(csv.reader(handle))
        assert all(len(row) == len(rows[0]) for row in rows), name
        parsed[name] = [dict(zip(rows[0], row)) for row in rows[1:]]
    parsed["feed"] = ElementTree.fromstring((data_dir / "feed.xml").read_bytes())
    parsed["corrections"] = ElementTree.fromstring((data_dir / "corrections.xml").read_bytes())
    ics = (data_dir / "calendar.ics").read_bytes()
    assert all(len(line) <= 75 for line in ics.split(b"\r\n")), "an iCalendar line longer than 75 octets"
    assert b"\n" not in ics.replace(b"\r\n", b""), "a bare line feed in the calendar"
    parsed["calendar"] = icalendar.Calendar.from_ical(ics)
    return parsed


def unneutralised(cell: str) -> str:
    """A CSV text cell as it was before escape.csv_row gave a formula-like value its leading apostrophe."""
    return cell[1:] if cell.startswith("'") and cell[1:2] in ("=", "+", "-", "@", "\t", "\r") else cell


def visible(html_text: str) -> str:
    """HTML text as a reader sees it: entities decoded, whitespace runs as one space."""
    return collapsed(html.unescape(html_text))


def collapsed(text: str) -> str:
    """Text with its whitespace runs as one space, as a page shows it."""
    return " ".join(text.split())
