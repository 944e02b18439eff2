"""Rendering, read through the generated pages: golden files, determinism, formats, links and escaping.

The fixture tree (tests/fixtures.py) is generated once per module and compared with tests/golden (regenerate
with `make golden`); the real content is generated once into a temporary folder and read like a reader would.
"""

from __future__ import annotations

import difflib
import json
import os
import posixpath
import re
import subprocess
import sys
from pathlib import Path

import markdown
import pytest

from fixtures import (CITY_SHEET, CITY_SHEET_ID, INJECTION_QUOTE, INJECTION_QUOTE_EN, INJECTIONS, REGENCY_SHEET_ID,
                      UNTRANSLATED_QUOTE, write_content_tree)
from generator.cli import main as cli_main
from generator.i18n import LANGUAGES
from generator.load import load_content
from generator.pipeline import BuildConfig, build
from generator.render import md_escape
from page_html import (Elements, content_text, empty_header_cells, mkdocs_markdown, pipe_paragraphs,
                       strip_front_matter, unrendered_markdown)
from update_golden import GOLDEN_DIR, MODEL_GOLDEN_DIR, SITE_URL, build_fixture, generated_pages, golden_pages, \
    model_pages

REPO_ROOT = Path(__file__).resolve().parent.parent
TESTS_DIR = Path(__file__).resolve().parent
LAMPUNG_TIMUR_SHEET = "2024-11-20-lampung-timur-rakor-pemantapan-pilkada"


# ------------------------------------------------------------------ builds shared by the tests



# The inferred and derived marks as the pages write them (Helpers.mark): links to the methodology's sections.
def _mark(kind: str, word: str, why: str) -> str:
    return f'[{word}<span class="epd-mark__why" data-pagefind-ignore>: {why}</span>](../methodology.md#{kind}){{: .epd-mark .epd-{kind} }}'


DERIVED_ID = _mark("derived", "turunan", "dihitung oleh digest dari angka yang disebutkan; tidak ada artikel yang "
                   "menyebutkannya. Cara menghitungnya")
INFERRED_ID = _mark("inferred", "disimpulkan", "tidak dinyatakan secara tersurat: artikel menyiratkannya. Cara digest "
                    "menyimpulkan nilai")
DERIVED_EN = _mark("derived", "derived", "computed by the digest from stated figures; no article states it. How it is "
                   "computed")
INFERRED_EN = _mark("inferred", "inferred", "not stated in so many words: the article implies it. How the digest infers "
                    "values")

@pytest.fixture(scope="module")

def fixture_out(tmp_path_factory) -> Path:
    """The fixture content tree, generated into a temporary folder (as `make golden` does)."""
    return build_fixture(tmp_path_factory.mktemp("fixture"))


@pytest.fixture(scope="module")
def real_out(tmp_path_factory) -> Path:
    """The repository's real content, generated into a temporary folder."""
    out = tmp_path_factory.mktemp("real") / "build"
    build(BuildConfig(root=REPO_ROOT, out=out, site_url=SITE_URL))
    return out


def read_page(out: Path, lang: str, path: str) -> str:
    return (out / lang / "docs" / path).read_text(encoding="utf-8")


def all_files(directory: Path) -> dict[str, bytes]:
    return {p.relative_to(directory).as_posix(): p.read_bytes() for p in sorted(directory.rglob("*")) if p.is_file()}


# ------------------------------------------------------------------ Markdown helpers


def to_html(page_markdown: str) -> str:
    """A generated page as MkDocs would convert it: front matter off."""
    return mkdocs_markdown().convert(strip_front_matter(page_markdown))


def parse_html(source: str) -> Elements:
    return Elements.of(source)


def plain_text(parser: Elements) -> str:
    return re.sub(r"\s+", " ", "".join(parser.text))


def assert_inert(source: str) -> None:
    """No script element, no javascript: address, no event-handler attribute."""
    parsed = parse_html(source)
    assert "<script" not in source.lower()
    assert not [tag for tag, _ in parsed.elements if tag in ("script", "iframe", "object", "embed")]
    for tag, attrs in parsed.elements:
        for name, value in attrs.items():
            assert not name.startswith("on"), f"<{tag} {name}=...> in the page"
            if name in ("href", "src", "action", "formaction"):
                assert not value.strip().lower().startswith(("javascript:", "data:", "vbscript:")), (tag, value)
    assert 'href="javascript:' not in source


_LINK = re.compile(r"\[(?P<text>(?:\\.|[^\]\\])*)\]\((?P<target>[^)\s]*)\)")


def links(text: str) -> list[tuple[str, str, str | None]]:
    """Every Markdown link as (text, path, anchor); path is '' for a link within the page.

    Raw HTML blocks (the archived article's paragraphs) are not Markdown, so brackets in them are no links.
    """
    found = []
    markdown_lines = "\n".join(line for line in text.splitlines() if not line.startswith("<p id="))
    for match in _LINK.finditer(markdown_lines):
        target = match.group("target")
        path, _, anchor = target.partition("#")
        found.append((match.group("text"), path, anchor or None))
    return found


def resolve(page: str, path: str) -> str:
    """A relative link's target, as a path in the docs tree."""
    return page if not path else posixpath.normpath(posixpath.join(posixpath.dirname(page), path))


def table_rows(text: str, after: str) -> list[list[str]]:
    """The cells of the first Markdown table after the line starting with `after` (header and rule left out)."""
    lines = text.splitlines()
    start = next(n for n, line in enumerate(lines) if line.startswith(after))
    rows, inside = [], False
    for line in lines[start + 1:]:
        if line.startswith("|"):
            inside = True
            rows.append([cell.strip() for cell in re.split(r"(?<!\\)\|", line.strip())[1:-1]])
        elif inside:
            break
    return rows[2:]


# ------------------------------------------------------------------ golden files


def test_golden(fixture_out):
    """Every generated page of the fixture tree equals its golden file, and there is no golden file too many."""
    generated = generated_pages(fixture_out)
    assert len(generated) > 40 and all(name.split("/", 1)[0] in LANGUAGES for name in generated)
    compare_with_golden(generated, GOLDEN_DIR)


def test_golden_pages_of_the_content_model(tmp_path):
    """The content-model tree's meetings, operations, regions and timeline equal tests/golden-model."""
    compare_with_golden(model_pages(tmp_path), MODEL_GOLDEN_DIR)


def compare_with_golden(generated: dict[str, bytes], directory) -> None:
    golden = golden_pages(directory)
    where = directory.relative_to(directory.parent.parent).as_posix()
    problems = []
    for name in sorted(set(generated) - set(golden)):
        problems.append(f"missing golden file: {where}/{name}")
    for name in sorted(set(golden) - set(generated)):
        problems.append(f"extra golden file (no longer generated): {where}/{name}")
    for name in sorted(set(generated) & set(golden)):
        if generated[name] != golden[name]:
            diff = difflib.unified_diff(
                golden[name].decode("utf-8").splitlines(keepends=True),
                generated[name].decode("utf-8").splitlines(keepends=True),
                fromfile=f"{where}/{name}", tofile=f"generated/{name}")
            problems.append("".join(diff))
    if problems:
        pytest.fail("\n".join(problems)[:20000] + f"\n\nThe generated pages differ from {where}: review the "
                    "diff, then run make golden", pytrace=False)


def test_golden_covers_every_kind_of_page():
    golden = golden_pages()
    for lang in LANGUAGES:
        for page in ("index.md", "timeline.md", "figures.md", "glossary.md", "data.md",
                     f"meetings/{CITY_SHEET_ID}.md", f"meetings/{REGENCY_SHEET_ID}.md", "regions/pelita.md",
                     "regions/sukamaju.md", "regions/nusa-harapan.md", "agencies/kpu.md",
                     "topics/funding.md",
                     "people/s.md", "meetings/index.md", "regions/index.md", "people/index.md"):
            assert f"{lang}/{page}" in golden, f"tests/golden/{lang}/{page} is missing: run make golden"
    assert GOLDEN_DIR == TESTS_DIR / "golden"


# ------------------------------------------------------------------ determinism

_BUILD_IN_SUBPROCESS = """
import sys
from pathlib import Path
from fixtures import write_content_tree
from generator.pipeline import BuildConfig, build
root, out, fixture = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3] == "fixture"
if fixture:
    write_content_tree(root)
build(BuildConfig(root=root, out=out, site_url=sys.argv[4]))
"""


@pytest.mark.parametrize("which", ["fixture", "real"])
def test_two_builds_are_byte_identical(which, tmp_path, fixture_out, real_out):
    """A second build, in another process with another locale, time zone, hash seed and $SITE_URL, gives the
    same bytes in every file: pages, data exports, navigation and site.json."""
    first = fixture_out if which == "fixture" else real_out
    root = tmp_path / "tree" if which == "fixture" else REPO_ROOT
    second = tmp_path / "second"
    env = {**os.environ, "LC_ALL": "tr_TR.UTF-8", "LANG": "tr_TR.UTF-8", "LANGUAGE": "tr", "TZ": "Pacific/Kiritimati",
           "PYTHONHASHSEED": "4242", "SITE_URL": "https://elsewhere.invalid/",
           "PYTHONPATH": os.pathsep.join([str(REPO_ROOT), str(TESTS_DIR)])}
    subprocess.run([sys.executable, "-c", _BUILD_IN_SUBPROCESS, str(root), str(second), which, SITE_URL],
                   env=env, check=True, cwd=tmp_path)
    a, b = all_files(first), all_files(second)
    assert any(name.endswith("/docs/data/figures.csv") for name in a)
    assert sorted(a) == sorted(b)
    different = [name for name in a if a[name] != b[name]]
    assert not different, f"files differ between two builds: {different}"


def test_site_url_reaches_the_exports_only_through_the_config(fixture_out):
    meetings = (fixture_out / "id" / "docs" / "data" / "meetings.csv").read_text(encoding="utf-8")
    assert f"{SITE_URL}meetings/{CITY_SHEET_ID}/" in meetings


def test_digest_json_holds_every_record_one_per_line(real_out):
    """The open-data digest is valid JSON equal to the model's plain data, one record per line."""
    from generator.export import to_plain
    from generator.load import load_content

    text = (real_out / "id" / "docs" / "data" / "digest.json").read_text(encoding="utf-8")
    assert text == (real_out / "en" / "docs" / "data" / "digest.json").read_text(encoding="utf-8")
    content = load_content(REPO_ROOT / "content", REPO_ROOT)
    sections = {"regions": content.regions, "agency_kinds": content.agency_kinds, "agencies": content.agencies,
                "people": content.people, "topics": content.topics, "elections": content.elections,
                "glossary": content.glossary, "operations": content.operations, "places": content.places,
                "fact_sheets": content.sheets}
    assert content.operations and content.places
    data = json.loads(text)
    assert re.fullmatch(r"[0-9a-f]{24}", data.pop("version"))
    assert data == {name: to_plain(records) for name, records in sections.items()}
    lines = text.splitlines()
    assert len(lines) == 3 + sum(len(records) + 2 for records in sections.values())
    assert lines[-1] == "}" and all(json.loads(line.rstrip(",")) for line in lines if line.startswith("{\""))


def test_the_data_version_changes_with_any_value_and_only_then(content_tree):
    """digest.json's version: the same content gives the same version; a correction added to one sheet, or one
    word of a translation changed, gives another."""
    from generator.export import render_exports
    from generator.index import build_index
    from generator.load import load_content

    def version(root):
        index = build_index(load_content(root / "content", root))
        return json.loads(render_exports(index, "https://example.org/")["digest.json"])["version"]

    def corrected(sheet):
        sheet["corrections"] = [{"date": "2026-12-01", "kind": "clarification",
                                 "what": {"id": "Label diperjelas."}, "why": {"id": "Artikel tidak menyebutnya."}}]
        return sheet

    def retranslated(sheet):
        sheet["summary"]["en"] = sheet["summary"]["en"].replace("the", "a", 1)
        return sheet

    same = {version(content_tree(name=f"same-{n}")) for n in range(2)}
    assert len(same) == 1
    assert version(content_tree({CITY_SHEET: corrected}, name="corrected")) not in same
    assert version(content_tree({CITY_SHEET: retranslated}, name="retranslated")) not in same


# ------------------------------------------------------------------ the real content, as a reader sees it


def figures_of(text: str, heading: str) -> dict[str, str]:
    return {label: value for label, value in table_rows(text, heading)}


@pytest.mark.parametrize("lang, heading, expected", [
    ("id", "## Angka {: #figures }", {
        "Tempat pemungutan suara (TPS)": "1.621",
        "Daftar pemilih tetap (DPT)": "823.417",
        "Anggaran Pilkada dari Pemkab Lampung Timur": "Rp69 miliar",
        "↳ Anggaran untuk KPU": "Rp40 miliar (58% " + DERIVED_ID + "); untuk [KPU Lampung Timur](#agency-kpu-lampung-timur) " + INFERRED_ID + "",
        "↳ Anggaran untuk Bawaslu": "Rp24 miliar (35% " + DERIVED_ID + "); untuk [Bawaslu Lampung Timur](#agency-bawaslu-lampung-timur) " + INFERRED_ID + "",
        "↳ Anggaran untuk Polres": "Rp4 miliar (6% " + DERIVED_ID + "); untuk [Polres Lampung Timur](#agency-polres-lampung-timur) " + INFERRED_ID + "",
        "↳ Anggaran untuk Kodim": "Rp1 miliar (1% " + DERIVED_ID + "); untuk [Kodim Lampung Timur](#agency-kodim-lampung-timur) " + INFERRED_ID + "",
        'Pemilih per TPS ' + DERIVED_ID + '': "508,0",
    }),
    ("en", "## Figures {: #figures }", {
        "Polling stations (TPS)": "1,621",
        "Registered voters (DPT)": "823,417",
        "Regional election budget from the Lampung Timur government": "IDR 69 billion",
        "↳ Budget for the KPU": "IDR 40 billion (58% " + DERIVED_EN + "); for [KPU Lampung Timur](#agency-kpu-lampung-timur) " + INFERRED_EN + "",
        "↳ Budget for Bawaslu": "IDR 24 billion (35% " + DERIVED_EN + "); for [Bawaslu Lampung Timur](#agency-bawaslu-lampung-timur) " + INFERRED_EN + "",
        "↳ Budget for the police (Polres)": "IDR 4 billion (6% " + DERIVED_EN + "); for [Lampung Timur Police](#agency-polres-lampung-timur) " + INFERRED_EN + "",
        "↳ Budget for the military district command (Kodim)": "IDR 1 billion (1% " + DERIVED_EN + "); for [Lampung Timur Military District Command](#agency-kodim-lampung-timur) " + INFERRED_EN + "",
        'Voters per polling station ' + DERIVED_EN + '': "508.0",
    }),
])
def test_lampung_timur_region_figures(real_out, lang, heading, expected):
    rows = figures_of(read_page(real_out, lang, "regions/lampung-timur.md"), heading)
    for label, value in expected.items():
        assert rows.get(label) == value, (label, rows)
    assert [label for label in rows if label.startswith("↳")] == [l for l in expected if l.startswith("↳")]
    assert not any("\\" in cell for row in rows.items() for cell in row), rows


def test_lampung_timur_figures_render_as_numbers(real_out):
    """The figures table as HTML: no backslash before a number, amounts in words."""
    for lang, tps, dpt in (("id", "1.621", "823.417"), ("en", "1,621", "823,417")):
        text = plain_text(parse_html(to_html(read_page(real_out, lang, "regions/lampung-timur.md"))))
        assert f" {tps} " in text and f" {dpt} " in text
        assert "\\" not in text


@pytest.mark.parametrize("lang, row", [("id", "| Tanggal | Rabu, 20 November 2024 |"),
                                       ("en", "| Date | Wednesday, 20 November 2024 |")])
def test_meeting_page_date(real_out, lang, row):
    assert row in read_page(real_out, lang, f"meetings/{LAMPUNG_TIMUR_SHEET}.md").splitlines()


def _regions_where_kind_appears(kind: str) -> set[str]:
    """From the content itself: regions of meetings where a branch of the kind attended or spoke."""
    content = load_content(REPO_ROOT / "content", REPO_ROOT)
    branches = {a.id for a in content.agencies if a.kind == kind}
    names = {r.id: r.name for r in content.regions}
    found = set()
    for sheet in content.sheets:
        agencies = {s.agency for s in sheet.statements} | {a.agency for a in sheet.attendance} | \
            {a.represents for a in sheet.attendance}
        if agencies & branches:
            found.add(names[sheet.meeting.region])
    return found


@pytest.mark.parametrize("lang, label", [("id", "Hadir atau berbicara di: "), ("en", "Spoke or attended in: ")])
def test_agency_pages_list_the_regions_where_the_agency_spoke(real_out, lang, label):
    kinds = sorted(p.stem for p in (real_out / lang / "docs" / "agencies").glob("*.md") if p.stem != "index")
    assert {"kpu", "polres", "bawaslu"} <= set(kinds)
    listed = {}
    for kind in kinds:
        text = read_page(real_out, lang, f"agencies/{kind}.md")
        line = next((line for line in text.splitlines() if line.startswith(label)), "")
        listed[kind] = {t for t, path, _ in links(line)}
        for _, path, _ in links(line):
            assert (real_out / lang / "docs" / resolve(f"agencies/{kind}.md", path)).is_file()
        assert listed[kind] == _regions_where_kind_appears(kind), kind
    assert listed["kpu"] == {"Lampung Timur", "Lampung Tengah", "Lampung Barat"}
    assert listed["polres"] == {"Lampung Tengah", "Lampung Barat"}


_ATTRIBUTE_ANCHOR = "{{: #{} }}"


def _quotes_with_their_links(text: str) -> list[tuple[str, list]]:
    """Each blockquote of a page (its first line) with the links of the paragraph that follows it."""
    lines = text.splitlines()
    found = []
    n = 0
    while n < len(lines):
        if lines[n].startswith(">"):
            first = lines[n]
            while n < len(lines) and lines[n].startswith(">"):
                n += 1
            following = next((line for line in lines[n:] if line.strip()), "")
            found.append((first, links(following)))
        n += 1
    return found


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_quote_links_to_its_statement_on_the_meeting_page(real_out, lang):
    docs = real_out / lang / "docs"
    checked = 0
    for folder in ("regions", "agencies", "topics", "people"):
        for page_file in sorted((docs / folder).glob("*.md")):
            page = page_file.relative_to(docs).as_posix()
            for quote, following in _quotes_with_their_links(page_file.read_text(encoding="utf-8")):
                targets = [(resolve(page, path), anchor) for _, path, anchor in following
                           if anchor and anchor.startswith("statement-")]
                assert len(targets) == 1, f"{lang}/{page}: quote without a link to its statement: {quote}"
                target, anchor = targets[0]
                assert target.startswith("meetings/") and (docs / target).is_file(), (page, target)
                meeting = (docs / target).read_text(encoding="utf-8").splitlines()
                heading = next((n for n, line in enumerate(meeting)
                                if line.startswith("### ") and f"{{: #{anchor} " in line), None)
                assert heading is not None, f"{lang}/{page}: #{anchor} is not on {target}"
                shown_there = next(line for line in meeting[heading + 1:] if line.startswith(">"))
                assert shown_there == quote, f"{lang}/{page}: #{anchor} on {target} shows another statement"
                checked += 1
    assert checked >= 20


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_evidence_link_reaches_a_paragraph(real_out, lang):
    docs = real_out / lang / "docs"
    checked = 0
    for page_file in sorted(docs.rglob("*.md")):
        page = page_file.relative_to(docs).as_posix()
        for text, path, anchor in links(page_file.read_text(encoding="utf-8")):
            if anchor and re.fullmatch(r"p-\d+", anchor):
                target = resolve(page, path)
                assert target.startswith("meetings/"), (page, path)
                assert f'<p id="{anchor}" ' in (docs / target).read_text(encoding="utf-8"), (page, target, anchor)
                assert text == f"¶{anchor[2:]}"
                checked += 1
    assert checked >= 50


@pytest.mark.parametrize("lang", LANGUAGES)
def test_links_between_generated_pages_resolve(real_out, fixture_out, lang):
    """No empty link, and every link to another generated page reaches a file and, with an anchor, that anchor."""
    for out in (real_out, fixture_out):
        docs = out / lang / "docs"
        hand_written = {p.relative_to(REPO_ROOT / "docs" / lang).as_posix()
                        for p in (REPO_ROOT / "docs" / lang).rglob("*.md")} if out == real_out else set()
        generated = {name.split("/", 1)[1] for name in generated_pages(out) if name.startswith(lang + "/")}
        generated -= hand_written
        for page in sorted(generated):
            text = (docs / page).read_text(encoding="utf-8")
            assert "]()" not in text, f"{lang}/{page}: empty link"
            for _, path, anchor in links(text):
                if "://" in path:
                    continue
                target = resolve(page, path)
                if target.startswith(("methodology.md", "contributing.md", "using-the-data.md")):  # hand-written pages
                    continue
                assert (docs / target).is_file(), f"{lang}/{page}: link to missing {target}"
                if anchor and target.endswith(".md"):
                    assert re.search(r"\{: #" + re.escape(anchor) + r"[ }]|<p id=\"" + re.escape(anchor) + '"',
                                     (docs / target).read_text("utf-8")), \
                        f"{lang}/{page}: link to missing anchor {target}#{anchor}"


# ------------------------------------------------------------------ escaping


@pytest.mark.parametrize("lang", LANGUAGES)
def test_injection_strings_come_out_inert(fixture_out, lang):
    page = read_page(fixture_out, lang, f"meetings/{REGENCY_SHEET_ID}.md")
    source = to_html(page)
    assert_inert(source)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in source
    text = plain_text(parse_html(source))
    # Every character of the quote comes out as text: no markup eaten, no backslash shown.
    assert re.sub(r"\s+", " ", INJECTION_QUOTE) in text
    if lang == "en":
        assert re.sub(r"\s+", " ", INJECTION_QUOTE_EN) in text
    for injection in INJECTIONS:
        assert injection in text
    # The pages that show the same quote are inert too.
    for other in ("regions/sukamaju.md", "topics/disinformation.md"):
        other_source = to_html(read_page(fixture_out, lang, other))
        assert_inert(other_source)
        assert re.sub(r"\s+", " ", INJECTION_QUOTE) in plain_text(parse_html(other_source)), other


@pytest.mark.parametrize("which", ["fixture", "real"])
def test_every_table_a_template_writes_becomes_a_table(which, fixture_out, real_out):
    """A table needs a blank line before it: a block tag ending the line above (trim_blocks eats its line
    break) once glued the regions index's table to the paragraph above, which then showed as `| ... |---|`."""
    out = fixture_out if which == "fixture" else real_out
    for name, data in generated_pages(out).items():
        source = to_html(data.decode("utf-8"))
        text = plain_text(parse_html(source))
        assert not re.search(r"\|\s*:?-{3,}:?\s*\|", text), name
        assert data.count(b"\n|---") + data.count(b"\n|--:") == source.count("<table>"), name


@pytest.mark.parametrize("which, lang, headers", [
    ("fixture", "id", ("Provinsi", "Kabupaten dan kota dengan rapat", "Rapat")),
    ("fixture", "en", ("Province", "Regencies and cities with a meeting", "Meetings")),
    # the seed's regions come from the gazetteer, with their official codes
    ("real", "id", ("Provinsi", "Kode", "Kabupaten dan kota dengan rapat", "Rapat")),
    ("real", "en", ("Province", "Code", "Regencies and cities with a meeting", "Meetings"))])
def test_the_regions_index_shows_its_province_table_as_a_table(which, lang, headers, fixture_out, real_out):
    """Issue 18: the regions index once showed `| Provinsi | Kabupaten | ...` as a paragraph of text in both
    languages (no blank line between the table and the sentence above it)."""
    source = to_html(read_page(fixture_out if which == "fixture" else real_out, lang, "regions/index.md"))
    header = re.search(r"<table>\s*<thead>\s*<tr>(.*?)</tr>", source, re.S)
    assert header, "the regions index has no table"
    assert tuple(re.findall(r"<th[^>]*>(.*?)</th>", header.group(1))) == headers
    assert f"| {headers[0]} |" not in plain_text(parse_html(source))
    assert pipe_paragraphs(source) == []


def pages_as_html(out: Path) -> dict[str, str]:
    """Every page of a generated tree as MkDocs converts it; the real content's tree also holds the hand-written
    pages (docs/<lang>/*.md: methodology, contributing, reference, performance)."""
    return {name: to_html(data.decode("utf-8")) for name, data in generated_pages(out).items()}


@pytest.mark.parametrize("which", ["fixture", "real"])
def test_no_page_shows_a_table_as_a_paragraph(which, fixture_out, real_out):
    """Any page kind: a paragraph that starts a line with '|' is a table that failed to render."""
    shown = {name: found for name, source in pages_as_html(fixture_out if which == "fixture" else real_out).items()
             if (found := pipe_paragraphs(source))}
    assert shown == {}


@pytest.mark.parametrize("page, found", [
    ("<p>Daerah:\n| Provinsi | Kabupaten |\n|---|---|</p>", ["a table row", "a table rule"]),
    ("<p>Lihat [metodologi](methodology.md#corrections).</p>", ["link or image syntax"]),
    ("<li><strong>Koreksi.</strong>{: #correction-1 } Ringkasan diperbaiki.</li>", ["an attribute list"]),
    ("<p>**2 Desember 2026 · Koreksi.** Ringkasan</p>", ["emphasis markers"]),
    ("<p>## Koreksi</p>", ["a heading mark"]),
    ("<td>{{ _(\"Why\") }}</td>", ["template syntax"]),
    ("<p>Kesbangpol &amp;amp; Bawaslu</p>", ["a double-escaped entity"]),
    ("<p>Rapat <em>Koreksi</em> · <a href=\"x/\">x</a></p><pre><code>| a | b |\n**x**</code></pre>", []),
])
def test_the_markdown_gate_sees_each_kind_of_leftover(page, found):
    assert sorted({line.split(":", 1)[0] for line in unrendered_markdown(page)}) == found


def test_the_markdown_gate_excuses_what_the_content_says():
    assert unrendered_markdown("<p>Kutipan: [lihat](x) dan **tegas**</p>", "[lihat](x)\n**tegas**") == []


@pytest.mark.parametrize("which", ["fixture", "real"])
def test_no_page_shows_markdown_or_template_syntax(which, fixture_out, real_out):
    """Issue 18: what looking found must fail a test. No page, hand-written ones included, shows a table as text,
    link syntax, an attribute list, emphasis or heading marks, template syntax or a double-escaped entity, unless
    the content itself says it (the fixture's quotes hold brackets and Markdown on purpose)."""
    out = fixture_out if which == "fixture" else real_out
    root = out.parent if which == "fixture" else REPO_ROOT
    said = content_text(root)
    shown = {name: found for name, source in pages_as_html(out).items()
             if (found := unrendered_markdown(source, said))}
    assert shown == {}


@pytest.mark.parametrize("which", ["fixture", "real"])
def test_every_table_header_cell_has_a_label(which, fixture_out, real_out):
    """Issue 18: the performance page's table had an empty first header cell (axe `empty-table-header`)."""
    empty = {name: count for name, source in pages_as_html(fixture_out if which == "fixture" else real_out).items()
             if (count := empty_header_cells(source))}
    assert empty == {}


def test_every_fixture_page_converts_without_active_content(fixture_out):
    for lang in LANGUAGES:
        for name, data in generated_pages(fixture_out).items():
            if name.startswith(lang + "/"):
                assert_inert(to_html(data.decode("utf-8")))


NASTY = [
    "<script>alert(1)</script>",
    "[x](javascript:alert(1))",
    "![x](javascript:alert(1))",
    "<javascript:alert(1)>",
    "{: onclick=alert(1) }",
    "text {: #id onclick=alert(1) }",
    '--8<-- "x"',
    "--8<-- 'x.md'",
    "*[X]: y",
    "*[HTML]: Hyper",
    "# heading",
    "#heading",
    "## two",
    "1. first",
    "2024. year",
    "150.321",
    "1.621",
    "364.9",
    "- item",
    "+ item",
    "-5",
    "---",
    "===",
    "!!! note \"x\"",
    "| a | b |",
    "a | b",
    "back\\slash \\\\ double \\* \\[",
    "ends with \\",
    "&copy; &amp; &#60;",
    "*bold* **strong** _u_ __uu__",
    "`code` ``two``",
    "[TOC]",
    "> quote",
    "<!-- comment -->",
    "<span onclick=x>y</span>",
    "a  \n  b\tc",
    "[ref]: https://example.invalid",
    "[ref][1]",
    "<https://example.invalid>",
    "@@ ~~ ^^ == ++",
]


def _rendered_text(document: str, md: markdown.Markdown) -> tuple[str, Elements]:
    md.reset()
    source = md.convert(document)
    return source, parse_html(source)


@pytest.mark.parametrize("raw", NASTY)
def test_md_escape_makes_text_inert(raw, tmp_path):
    escaped = md_escape(raw)
    assert "\n" not in escaped
    expected = re.sub(r"\s+", " ", raw).strip()
    # snippets on, with check_paths: a snippet line that got through would fail the conversion
    snippets = {"pymdownx.snippets": {"base_path": [str(tmp_path)], "check_paths": True}}
    md = markdown.Markdown(extensions=["abbr", "admonition", "tables", "toc", "attr_list", "pymdownx.snippets"],
                           extension_configs={"toc": {"permalink": True}, **snippets})
    contexts = {
        "paragraph": (f"{escaped}\n", "p"),
        "after a line": (f"Intro\n{escaped}\n", "p"),
        "table cell": (f"| h | k |\n|---|---|\n| {escaped} | z |\n", "td"),
        "first table cell": (f"| h |\n|---|\n| {escaped} |\n", "td"),
        "blockquote": (f"> {escaped}\n", "blockquote"),
        "list item": (f"- {escaped}\n", "li"),
        "heading": (f"## {escaped} {{: #here }}\n", "h2"),
    }
    allowed = {"p", "td", "th", "tr", "table", "thead", "tbody", "blockquote", "li", "ul", "h2", "a"}
    for context, (document, container) in contexts.items():
        source, parsed = _rendered_text(document, md)
        tags = [tag for tag, _ in parsed.elements]
        assert container in tags, (context, source)
        assert set(tags) <= allowed, (context, raw, source)
        assert_inert(source)
        text = plain_text(parsed).strip()
        if context == "after a line":
            assert text == f"Intro {expected}", (context, source)
        elif context == "table cell":
            assert text.startswith(f"h k {expected} z"), (context, source)
        elif context == "first table cell":
            assert text == f"h {expected}", (context, source)
        elif context == "heading":
            assert text.startswith(expected), (context, source)
            assert [a.get("id") for t, a in parsed.elements if t == "h2"] == ["here"]
        else:
            assert text == expected, (context, source)
        if context in ("paragraph", "blockquote", "list item"):
            assert [a for t, a in parsed.elements if t == "a"] == []


@pytest.mark.parametrize("raw, escaped", [
    ("150.321", "150.321"),
    ("1. first", "1\\. first"),
    ("# x", "\\# x"),
    ("- x", "\\- x"),
    ("===", "&#61;=="),
    ("<b>", "&lt;b&gt;"),
    ("&copy;", "&amp;copy;"),
    ("a|b", "a\\|b"),
    ("{: #x }", "\\{: #x \\}"),
    ('--8<-- "x"', '\\--8&lt;-- "x"'),
    ("*[X]: y", "\\*\\[X\\]: y"),
    ("back\\slash", "back\\\\slash"),
    ("  two\n lines ", "two lines"),
    (None, ""),
    (1621, "1621"),
])
def test_md_escape_exact(raw, escaped):
    assert md_escape(raw) == escaped


def test_md_escape_keeps_generator_markdown():
    once = md_escape("*x*")
    assert md_escape(once) == once  # Md is not escaped twice


# ------------------------------------------------------------------ not yet translated


def test_untranslated_quote_shows_the_original_with_a_label(fixture_out):
    en = read_page(fixture_out, "en", f"meetings/{CITY_SHEET_ID}.md")
    section = en.split("{: #statement-bawaslu-politik-uang ", 1)[1].split("\n### ", 1)[0].split("\n## ", 1)[0]
    assert f'> <span lang="id">{UNTRANSLATED_QUOTE}</span>' in section
    assert '<span class="epd-untranslated">not yet translated</span>' in section
    text = plain_text(parse_html(to_html(en)))
    assert f"{UNTRANSLATED_QUOTE} > " not in text and "not yet translated" in text
    # Translated quotes carry no label; Indonesian pages never do.
    other = en.split("{: #statement-kpu-logistik ", 1)[1].split("\n### ", 1)[0]
    assert "epd-untranslated" not in other
    for name, data in generated_pages(fixture_out).items():
        if name.startswith("id/"):
            assert b"epd-untranslated" not in data, name
    # So is a person's entry, on the region page.
    person = read_page(fixture_out, "en", "regions/pelita.md").split("{: #person-siti-rahayu ", 1)[1]
    person = person.split("\n### ", 1)[0]
    assert UNTRANSLATED_QUOTE in person and "not yet translated" in person


def test_check_reports_translation_coverage(tmp_path, capsys):
    tree = write_content_tree(tmp_path / "tree")
    assert cli_main(["--root", str(tree), "check"]) == 0
    assert "English translations: 17/18 (94%)" in capsys.readouterr().out

    def translate(sheet):
        for statement in sheet["statements"]:
            if statement.get("quote") == UNTRANSLATED_QUOTE:
                statement["quote_en"] = "We will give no room to money politics."
        return sheet

    translated = write_content_tree(tmp_path / "translated", {f"articles/{CITY_SHEET_ID}.yaml": translate})
    assert cli_main(["--root", str(translated), "check"]) == 0
    assert "English translations: 18/18 (100%)" in capsys.readouterr().out


def test_generation_needs_no_hand_written_docs(tmp_path):
    """The fixture tree has no docs/ folder; docs/<lang>/ pages are copied only where they exist."""
    tree = write_content_tree(tmp_path / "tree")
    assert not (tree / "docs").exists()
    (tree / "docs" / "en").mkdir(parents=True)
    (tree / "docs" / "en" / "methodology.md").write_text("# Methodology\n", encoding="utf-8")
    build(BuildConfig(root=tree, out=tmp_path / "out", site_url=SITE_URL))
    assert (tmp_path / "out" / "en" / "docs" / "methodology.md").is_file()
    assert not (tmp_path / "out" / "id" / "docs" / "methodology.md").exists()


# ------------------------------------------------------------------ abbreviations


def test_a_page_gets_the_definitions_of_the_terms_it_uses():
    from generator.model import GlossaryTerm, Localized
    from generator.pipeline import Abbreviations

    terms = [GlossaryTerm(term="DPT", expansion="Daftar Pemilih Tetap",
                          definition=Localized(id="Daftar pemilih final.", en="The final voter list.")),
             GlossaryTerm(term="TPS", expansion=None, definition=Localized(id="Tempat [pemungutan]\n suara.")),
             GlossaryTerm(term="KPU", expansion=None, definition=Localized(id="Komisi.", en="Commission."))]
    en = Abbreviations(terms, "en")
    assert en.append("The DPT has 9 names; TPS 4.\n") == (
        "The DPT has 9 names; TPS 4.\n\n"
        "*[DPT]: Daftar Pemilih Tetap: The final voter list.\n"
        "*[TPS]: Tempat (pemungutan) suara.\n")  # no English definition: the Indonesian one; `]` defused
    assert Abbreviations(terms, "id").append("DPT.") == "DPT.\n\n*[DPT]: Daftar Pemilih Tetap: Daftar pemilih final.\n"
    # Only whole words count, as in Python-Markdown's abbr; a page without terms is left as it is.
    assert en.append("KPUD and DPTb\n") == "KPUD and DPTb\n"
    assert Abbreviations([], "en").append("DPT\n") == "DPT\n"
    html = to_html(en.append("# Title\n\nThe DPT rose.\n"))
    assert '<abbr title="Daftar Pemilih Tetap: The final voter list.">DPT</abbr>' in html
    assert "KPU" not in html


def test_the_term_scan_finds_exactly_what_python_markdowns_pattern_finds():
    """Abbreviations.used checks the leading word boundary by hand; it must equal `\\b(?:terms)\\b`."""
    import random

    from generator.model import GlossaryTerm, Localized
    from generator.pipeline import Abbreviations

    words = ["Satpol PP", "PP", "PPS", "KPU", "KPUD", "DPT", "Pemilu", "Pemilukada", "Pj", "Pjs"]
    abbreviations = Abbreviations([GlossaryTerm(term=w, expansion=None, definition=Localized(id="x"))
                                   for w in words], "id")
    reference = re.compile(r"\b" + abbreviations.pattern.pattern)  # the terms as the scan orders them, then \b
    pieces = [*words, "x", "_", "é", "1", " ", "-", "\n", "[", "(", "Satpol", "S", "P", "ü"]
    rng = random.Random(7)
    texts = ["".join(rng.choice(pieces) for _ in range(rng.randrange(1, 12))) for _ in range(20000)]
    texts += ["xSatpol PPS", "_KPU", "éKPU", "1DPT DPT", "Satpol PPS PP", "KPUKPU KPU", "Pjs_ Pj"]
    for text in texts:
        assert abbreviations.used(text) == set(reference.findall(text)), text


def test_glossary_terms_never_match_inside_python_markdowns_placeholders():
    """mkdocs.yml's abbreviation pass (generator.markdown_abbr) skips the placeholders Python-Markdown leaves in
    text until its last steps: stashed HTML (\\x02wzxhzdk:0\\x03, here for the entity) and escaped characters
    (\\x0242\\x03 for `\\*`). Python-Markdown's own abbr wrapped the digit or the word inside them, and the page
    printed U+0002 and U+0003 instead of `&lt;b&gt;` and `*`."""
    from page_html import mkdocs_markdown

    text = ("Pos 1 &lt;b&gt; \\* 42 wzxhzdk klzzwxh\n\n"
            "*[1]: one\n*[42]: forty-two\n*[wzxhzdk]: stash\n*[klzzwxh]: inline\n*[0]: zero\n")
    html = mkdocs_markdown().convert(text)
    assert html == ('<p>Pos <abbr title="one">1</abbr> &lt;b&gt; * <abbr title="forty-two">42</abbr> '
                    '<abbr title="stash">wzxhzdk</abbr> <abbr title="inline">klzzwxh</abbr></p>')
