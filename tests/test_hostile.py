"""Hostile content cannot reach readers, CI logs or the build machine (issue 14).

A property test puts generated hostile strings into every text field of the fixture that reaches an output,
generates, and requires: no markup the generator did not build, escaped titles, every export read back by an
independent parser with the text it was given, and no traceback. Another puts each character check refuses
into a field and requires one located line. Every case these found is a fixed case in tests/bad/cases.yaml or
a test below.
"""

from __future__ import annotations

import contextlib
import io
import os
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fixtures import CITY_SHEET, CITY_SHEET_ID, documents, write_content_tree
from generator.cli import main
from generator.escape import FORBIDDEN_IN_VALUES, INVISIBLE
from hostile import EVERYTHING, as_passage, collapsed, hostile_tree, live_markup, page_shapes, parse_exports, unneutralised, visible
from page_html import Elements, mkdocs_markdown, split_front_matter

# More examples locally with EPD_HYPOTHESIS_EXAMPLES=500; CI runs a fixed, derandomized set.
EXAMPLES = int(os.environ.get("EPD_HYPOTHESIS_EXAMPLES", "12"))
SETTINGS = settings(max_examples=EXAMPLES, deadline=None, derandomize="EPD_HYPOTHESIS_EXAMPLES" not in os.environ,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

PIECES = ["<script>alert(1)</script>", "</title><script>alert(1)</script>", "<img src=x onerror=alert(1)>",
          "\"><svg onload=alert(1)>", "' onmouseover='alert(1)", "&lt;b&gt;", "&#60;", "&#x3C;", "&amp;", "&",
          "{{ 7*7 }}", "{% raw %}", "{#", "[x](javascript:alert(1))", "![i](x)", "<https://x.invalid>",
          "{: onclick=alert(1) }", "{: #id .class }", "*[KPU]: <b>x</b>", "--8<-- \"/etc/passwd\"", "| a | b |",
          "# h", "- item", "+ x", "1. x", "!!! note", "=HYPERLINK(\"x\")", "+1", "-1", "@SUM(1)", "\t=1",
          "`code`", "```", "\\", "\\\\", "\n", "\n\n", "\t", "'", "\"", "<!--", "-->", "]]>", "<![CDATA[",
          ";", ",", ":", "BEGIN:VEVENT", "\u200f", "\u00a0", "\u200b", "é", "ç", "Lampung", "KPU", "DPT",
          "x" * 250, "_", "*", "__init__", "~~", "^", "%(name)s", "%s", "$x", "::warning::x"]
FORBIDDEN_CHARACTERS = sorted({chr(c) for c in range(0x110000) if FORBIDDEN_IN_VALUES.match(chr(c))} -
                              {chr(c) for c in range(0xD800, 0xE000)})
ALLOWED_CHARACTERS = st.characters(exclude_categories=("Cs", "Cc"), exclude_characters="".join(FORBIDDEN_CHARACTERS))

hostile_text = (st.lists(st.one_of(st.sampled_from(PIECES), st.text(ALLOWED_CHARACTERS, max_size=12)),
                         min_size=1, max_size=6)
                .map("".join).filter(lambda text: INVISIBLE.sub("", text).strip() and len(text) <= 280))


@pytest.fixture(scope="module")
def made_by_the_generator(tmp_path_factory) -> set:
    """Every (element, attribute names) pair of the clean fixture's pages, with a correction as the hostile tree
    has one: what the generator builds."""
    def corrected(sheet):
        sheet["corrections"] = [{"date": "2024-12-01", "kind": "correction", "what": {"id": "Ringkasan diperbaiki."},
                                 "why": {"id": "Artikel menyebut angka lain."}, "reported_by": {"id": "pembaca"}}]
        return sheet

    root = write_content_tree(tmp_path_factory.mktemp("clean"), {CITY_SHEET: corrected})
    assert _run(["--root", str(root), "generate"])[0] == 0
    return set().union(*(shapes for lang in ("id", "en")
                         for shapes in page_shapes(root / "build" / lang / "docs").values()))


def _run(argv: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(argv)
    return code, out.getvalue(), err.getvalue()


def assert_inert(root: Path, text: str, allowed: set) -> None:
    """Everything `text` reached came out as text (see the module docstring)."""
    for lang in ("id", "en"):
        docs = root / "build" / lang / "docs"
        assert live_markup(docs, allowed) == []
        meta, body = split_front_matter((docs / "meetings" / f"{CITY_SHEET_ID}.md").read_text(encoding="utf-8"))
        assert visible(meta["title"]) == collapsed(text)  # what <title> and the header show
        heading = re.search(r"<h1[^>]*>(.*?)<a class=\"headerlink\"", mkdocs_markdown().convert(body), re.S)
        assert collapsed("".join(Elements.of(heading.group(1)).text)) == collapsed(text)
    exports = parse_exports(root / "build" / "id" / "docs" / "data")
    assert {unneutralised(row["text_id"]) for row in exports["statements"]} == {text, as_passage(text)}
    assert {unneutralised(row["position_as_stated"]) for row in exports["attendance"]} == {text}
    # A feed entry's title is the meeting's, then its date as known (and whether it is inferred).
    titles = [e.findtext("{http://www.w3.org/2005/Atom}title") for e in
              exports["feed"].iter("{http://www.w3.org/2005/Atom}entry")]
    assert [re.sub(r" \((?:\d{1,2} \w{3} \d{4})(?:, tanggal disimpulkan)?\)$", "", t) for t in titles] == [text, text]
    atom = "{http://www.w3.org/2005/Atom}"
    corrections = [(e.findtext(f"{atom}title"), e.findtext(f"{atom}summary"))
                   for e in exports["corrections"].iter(f"{atom}entry")]
    assert corrections == [(f"Koreksi: {text}", f"{text} Alasan: {text}")]
    summaries = {re.sub(r" \(tanggal disimpulkan\)$", "", str(event.get("SUMMARY")))
                 for event in exports["calendar"].walk("VEVENT")}
    assert text in summaries
    assert {sheet["meeting"]["title"]["id"] for sheet in exports["digest"]["fact_sheets"]} == {text}


@SETTINGS
@given(text=hostile_text)
def test_hostile_text_in_every_field_comes_out_as_text(text, tmp_path_factory, made_by_the_generator):
    root = hostile_tree(tmp_path_factory.mktemp("hostile"), text)
    code, out, err = _run(["--root", str(root), "generate"])
    assert code == 0, err
    assert "Traceback" not in err
    assert_inert(root, text, made_by_the_generator)


def test_every_kind_of_markup_at_once_comes_out_as_text(tmp_path, made_by_the_generator):
    """The fixed string with every piece at once (also what the site and browser tests build)."""
    root = hostile_tree(tmp_path / "hostile")
    assert _run(["--root", str(root), "generate"])[0] == 0
    assert_inert(root, EVERYTHING, made_by_the_generator)


# Fields of the fixture that a forbidden character is put into, by file and a path of keys.
TARGETS = [
    ("registry/regions.yaml", ("regions", 2, "name")),
    ("registry/people.yaml", ("people", 0, "name")),
    ("registry/topics.yaml", ("topics", 0, "name", "en")),
    ("registry/glossary.yaml", ("terms", 0, "term")),
    (CITY_SHEET, ("meeting", "title", "id")),
    (CITY_SHEET, ("summary", "en")),
    (CITY_SHEET, ("statements", 1, "quote_en")),
    (CITY_SHEET, ("attendance", 0, "position")),
]


@SETTINGS
@given(target=st.sampled_from(TARGETS), character=st.sampled_from(FORBIDDEN_CHARACTERS),
       before=st.text(ALLOWED_CHARACTERS, max_size=8), after=st.text(ALLOWED_CHARACTERS, max_size=8))
def test_a_forbidden_character_anywhere_is_one_located_error(target, character, before, after, tmp_path_factory):
    relative, keys = target
    files = documents()
    record = files[relative]
    for key in keys[:-1]:
        record = record[key]
    record[keys[-1]] = f"{before}{character}{after}x"
    root = write_content_tree(tmp_path_factory.mktemp("forbidden"), files)
    code, out, err = _run(["--root", str(root), "check"])
    lines = err.splitlines()
    assert code == 1 and out == ""
    assert lines[-1] == "1 error(s), 0 warning(s) in 1 file(s); nothing was written."
    assert len(lines) == 2 and re.match(rf"content/{re.escape(relative)}:\d+:\d+: ", lines[0]), lines
    assert f"U+{ord(character):04X}" in lines[0]


# Names and terms, which become keys: an invisible character there is refused too (escape.INVISIBLE).
NAME_TARGETS = [
    ("registry/people.yaml", ("people", 0, "name")),
    ("registry/people.yaml", ("people", 1, "short_names", 0)),
    ("registry/regions.yaml", ("regions", 2, "name")),
    ("registry/glossary.yaml", ("terms", 0, "term")),
    ("registry/agencies.yaml", ("agencies", 0, "name")),
]
INVISIBLE_CHARACTERS = sorted({chr(c) for c in range(0x110000) if INVISIBLE.match(chr(c))}
                              - set(FORBIDDEN_CHARACTERS))
NAME_CHARACTERS = st.characters(exclude_categories=("Cs", "Cc"),
                                exclude_characters="".join(FORBIDDEN_CHARACTERS + INVISIBLE_CHARACTERS))


@SETTINGS
@given(target=st.sampled_from(NAME_TARGETS), character=st.sampled_from(INVISIBLE_CHARACTERS),
       before=st.text(NAME_CHARACTERS, max_size=8), after=st.text(NAME_CHARACTERS, max_size=8))
def test_an_invisible_character_in_a_name_is_one_located_error(target, character, before, after, tmp_path_factory):
    relative, keys = target
    files = documents()
    record = files[relative]
    for key in keys[:-1]:
        record = record[key]
    record[keys[-1]] = f"{before}{character}{after}x"
    root = write_content_tree(tmp_path_factory.mktemp("invisible"), files)
    code, out, err = _run(["--root", str(root), "check"])
    lines = err.splitlines()
    assert code == 1 and out == ""
    assert lines[-1] == "1 error(s), 0 warning(s) in 1 file(s); nothing was written.", lines
    assert len(lines) == 2 and re.match(rf"content/{re.escape(relative)}:\d+:\d+: ", lines[0]), lines
    assert f"U+{ord(character):04X}" in lines[0] and "invisible" in lines[0]


# ------------------------------------------------------------------ cases the hostile strings found

@pytest.mark.parametrize("term", ["x\n{: onclick=alert(1) }", "x onclick=alert(1)", "K\\PU"])
def test_a_glossary_term_cannot_add_attributes_or_raw_html(term, tmp_path, made_by_the_generator):
    """Found by the hostile fixture: the glossary page made a term's element id from the term inside attr_list
    (`{: #term-x onclick=alert(1) }` once a line break became a space), and a term with a backslash made the
    abbreviation line `*[K\\PU]: <img ...>` print as a paragraph, raw HTML and all, on every page using it."""
    files = documents()
    # Its expansion is the term itself: check wants an expansion that spells its term.
    files["registry/glossary.yaml"]["terms"][0].update(term=term, expansion=term,
                                                       definition={"id": "<img src=x onerror=alert(1)>"})
    root = write_content_tree(tmp_path / "tree", files)
    note = root / "docs" / "id" / "note.md"  # a hand-written page may use the term as it is written
    note.parent.mkdir(parents=True)
    note.write_text(f"---\ntitle: Note\n---\n\n# Note\n\nTentang {term.split()[0]}.\n", encoding="utf-8")
    assert _run(["--root", str(root), "generate"])[0] == 0
    for lang in ("id", "en"):
        assert live_markup(root / "build" / lang / "docs", made_by_the_generator | {("p", ())}) == []
    page = mkdocs_markdown().convert(split_front_matter((root / "build" / "id" / "docs" / "note.md").read_text("utf-8"))[1])
    assert "<img" not in page and "onerror" not in page
    glossary = (root / "build" / "id" / "docs" / "glossary.md").read_text(encoding="utf-8")
    assert re.search(r"\{: #term-[a-z0-9._-]+ \}", glossary)


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t"])
def test_csv_cells_a_spreadsheet_would_run_get_an_apostrophe(start, tmp_path):
    files = documents()
    files["registry/regions.yaml"]["regions"][2]["name"] = f"{start}1+1"
    files[CITY_SHEET]["attendance"][3]["position"] = f"{start}HYPERLINK(\"x\")"
    files["sources/fx1_pelita.txt"] += f"{start}HYPERLINK(\"x\")\n"
    root = write_content_tree(tmp_path / "tree", files)
    assert _run(["--root", str(root), "generate"])[0] == 0, _run(["--root", str(root), "check"])
    rows = parse_exports(root / "build" / "id" / "docs" / "data")["attendance"]
    cells = [row["position_as_stated"] for row in rows if "HYPERLINK" in row["position_as_stated"]]
    assert cells == [f"'{start}HYPERLINK(\"x\")"]
    assert [unneutralised(cell) for cell in cells] == [f"{start}HYPERLINK(\"x\")"]


@settings(max_examples=300)
@given(line=st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\r\n"), max_size=400))
def test_a_calendar_line_folds_at_75_octets_and_unfolds_to_itself(line):
    """RFC 5545, 3.1: at most 75 octets a physical line, never inside a UTF-8 sequence; unfolding (removing
    each CRLF and the space after it) gives the line back. The ASCII shortcut folds as the general path does."""
    from generator.escape import ical_fold

    folded = ical_fold(line)
    physical = folded.split("\r\n")
    assert all(len(part.encode("utf-8")) <= 75 for part in physical)
    assert all(part.startswith(" ") for part in physical[1:])
    assert folded.replace("\r\n ", "") == line
    if line.isascii():
        assert all(len(part) == 75 for part in physical[:-1])  # cut as late as allowed
