"""Builds render again only the pages whose recorded lookups an edit changed (generator/reuse.py): `make serve`
with its last build in memory, a new process with build/generator-state.json. Edit by edit, on a synthetic
corpus, the pages either writes must be exactly those of a build from scratch (tests/test_reuse.py does the
same with random sequences of edits)."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "bench"))

from synthetic import write_corpus  # noqa: E402

from generator.reuse import STATE_FILE  # noqa: E402
from generator.index import build_index  # noqa: E402
from generator.load import load_content  # noqa: E402
from generator.pipeline import BuildConfig, BuildState, build  # noqa: E402

URL = "https://example.invalid/"


def _tree(out: Path) -> dict[str, bytes]:
    """What a build wrote, without the state it keeps for the next one (compared apart)."""
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*"))
            if p.is_file() and p.name != STATE_FILE}


def _assert_same_as_a_fresh_build(root: Path, out: Path, fresh: Path) -> None:
    build(BuildConfig(root=root, out=fresh, site_url=URL))
    served, expected = _tree(out), _tree(fresh)
    assert served.keys() == expected.keys(), sorted(served.keys() ^ expected.keys())[:10]
    stale = [path for path in expected if served[path] != expected[path]]
    assert not stale, f"pages the incremental build left stale: {stale[:10]}"


def _edit(path: Path, pattern: str, replacement: str) -> None:
    text = path.read_text(encoding="utf-8")
    edited, count = re.subn(pattern, replacement, text, count=1, flags=re.M)
    assert count == 1, f"{pattern!r} not found in {path.name}"
    path.write_text(edited, encoding="utf-8")


EDITS = [
    # (what, file index or registry, pattern, replacement)
    ("a summary", 5, r"^(summary:\n  id: )", r"\1Ringkasan baru. "),
    ("a statement's topic", 17, r"^(  topics:\n  - )[a-z-]+$", r"\1funding"),
    ("a concern's topic", 23, r"^(- topic: )[a-z-]+$", r"\1logistics"),
    ("the meeting's title", 31, r"^(  title:\n    id: )", r"\1Lanjutan - "),
    ("a figure's scope", 11, r"^(  kind: (?:polling-stations|registered-voters|budget)\n)", r"\1  scope:\n    id: Sebagian\n"),
    ("a person's other spellings (registry)", "people.yaml", r"^(  short_names:\n  - .*)$", r"\1\n  - Sebutan Lain"),
]


def _move_an_entry(root: Path) -> str:
    """Edit one fact sheet so that a person's entry moves to another region's page, though every other fact
    sheet that names them stays as it was (their meeting pages link to the entry). Returns the person's id."""
    index = build_index(load_content(root / "content", root))
    for person_id, appearances in index.appearances_by_person.items():
        agencies = [index.agencies.get(a.entry.agency) for a in appearances]
        if len(appearances) != 2 or None in agencies or len({a.region for a in agencies}) != 1 \
                or appearances[0].sheet is appearances[1].sheet:
            continue
        first, agency = appearances[0], agencies[0]
        elsewhere = next(b for b in index.branches[agency.kind] if b.region and b.region != agency.region)
        # One appearance each in two regions: the earlier one's region wins, so the entry moves.
        _edit(root / "content" / "articles" / f"{first.sheet.id}.yaml",
              rf"^(- person: {person_id}\n(?:  .*\n)*?  agency: ){agency.id}$", rf"\g<1>{elsewhere.id}")
        moved = build_index(load_content(root / "content", root)).person_home[person_id]
        assert moved == elsewhere.region != index.person_home[person_id]
        return person_id
    raise AssertionError("the corpus has no person named for the same agency at two meetings")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    return write_corpus(tmp_path_factory.mktemp("incremental"), 60, seed=5)


def test_only_the_pages_an_edit_can_change_are_rendered_and_none_is_stale(corpus, tmp_path):
    out = tmp_path / "served"
    state = BuildState()
    config = BuildConfig(root=corpus, out=out, site_url=URL)
    first = build(config, state=state)
    assert first.rendered == first.planned and not first.same_pages  # the first build renders everything
    sheets = sorted((corpus / "content" / "articles").glob("*.yaml"))
    for n, (what, target, pattern, replacement) in enumerate(EDITS):
        path = corpus / "content" / "registry" / target if isinstance(target, str) else sheets[target]
        _edit(path, pattern, replacement)
        result = build(config, state=state)
        assert result.same_pages and 0 < result.rendered < first.planned / 4, (what, result.rendered)
        _assert_same_as_a_fresh_build(corpus, out, tmp_path / f"fresh-{n}")
    # A person's entry moves: the pages that link to it are rendered again.
    _move_an_entry(corpus)
    result = build(config, state=state)
    assert 0 < result.rendered < first.planned / 2
    _assert_same_as_a_fresh_build(corpus, out, tmp_path / "fresh-moved")
    # A fact sheet removed: its pages go, and nothing of it stays.
    removed = sheets[40]
    removed.unlink()
    result = build(config, state=state)
    assert not result.same_pages and result.rendered < result.planned
    assert not (out / "en" / "docs" / "meetings" / f"{removed.stem}.md").exists()
    _assert_same_as_a_fresh_build(corpus, out, tmp_path / "fresh-removed")


def test_a_new_process_renders_only_the_pages_changed_since_the_last_build(tmp_path, monkeypatch):
    corpus = write_corpus(tmp_path / "corpus", 60, seed=5)
    out = tmp_path / "built"
    config = BuildConfig(root=corpus, out=out, site_url=URL)
    first = build(config)
    assert first.rendered > 150 and (out / STATE_FILE).is_file()
    assert build(config).rendered == 0  # nothing changed: every page is the last build's
    _assert_same_as_a_fresh_build(corpus, out, tmp_path / "fresh")
    assert (out / STATE_FILE).read_bytes() == (tmp_path / "fresh" / STATE_FILE).read_bytes()

    sheets = sorted((corpus / "content" / "articles").glob("*.yaml"))
    for n, (what, target, pattern, replacement) in enumerate(EDITS):
        path = corpus / "content" / "registry" / target if isinstance(target, str) else sheets[target]
        _edit(path, pattern, replacement)
        rendered = build(config).rendered
        assert 0 < rendered < first.rendered / 4, (what, rendered)
        _assert_same_as_a_fresh_build(corpus, out, tmp_path / f"fresh-{n}")
    _move_an_entry(corpus)
    assert 0 < build(config).rendered < first.rendered / 2
    _assert_same_as_a_fresh_build(corpus, out, tmp_path / "fresh-moved")

    # A page changed since the last build wrote it (by hand, or by `make serve`): that page is rendered again.
    page = out / "en" / "docs" / "meetings" / f"{sheets[50].stem}.md"
    page.write_bytes(page.read_bytes() + b"\nedited by hand\n")
    assert build(config).rendered == 1
    _assert_same_as_a_fresh_build(corpus, out, tmp_path / "fresh-by-hand")

    # A state file that is not one a build wrote is no state.
    for broken in (b"{not json", b'{"format": 2, "pages": {"id": {}}, "lookups": 7}', b"[]"):
        (out / STATE_FILE).write_bytes(broken)
        assert build(config).rendered == first.rendered
    # Without the caches (EPD_RENDER_CACHE=0) every page is rendered, and no state is kept.
    _edit(sheets[5], r"^(summary:\n  id: )", r"\1Sekali lagi. ")
    monkeypatch.setenv("EPD_RENDER_CACHE", "0")
    assert build(config).rendered == first.rendered
    assert not (out / STATE_FILE).exists()
    _assert_same_as_a_fresh_build(corpus, out, tmp_path / "fresh-uncached")


def test_a_new_process_checks_again_only_the_sheets_whose_file_archived_text_or_registries_changed(
        tmp_path, monkeypatch):
    """verify.Checked: a build in a new process does not check again a fact sheet the last build found clean
    while its file, its archived text, every registry file and the generator are the same; any of them changed,
    and the sheet is checked, and its problem reported, as by a build from nothing."""
    from fixtures import CITY_SHEET_ID, CITY_SOURCE, REGENCY_SHEET_ID, SOURCE_TEXTS, documents, write_content_tree
    from generator import verify
    from generator.errors import ContentErrors

    root = write_content_tree(tmp_path / "tree", documents())
    config = BuildConfig(root=root, out=tmp_path / "built", site_url=URL)
    checked: list[str] = []
    check_sheet = verify._Checker.check_sheet
    monkeypatch.setattr(verify._Checker, "check_sheet", lambda self, sheet: (checked.append(sheet.id),
                                                                              check_sheet(self, sheet))[1])

    first = build(config)
    every_sheet = set(checked)
    assert {CITY_SHEET_ID, REGENCY_SHEET_ID} <= every_sheet
    checked.clear()
    again = build(config)
    assert checked == [] and again.report.counts == first.report.counts  # passages counted as before

    # The archived text loses the quote the city sheet copies: only that sheet is checked, and refused.
    source = root / "content" / CITY_SOURCE
    source.write_text(SOURCE_TEXTS[CITY_SOURCE].replace("Logistik sudah kami terima", "Logistik kami terima"),
                      encoding="utf-8")
    checked.clear()
    with pytest.raises(ContentErrors) as refused:
        build(config)
    assert checked == [CITY_SHEET_ID]
    with pytest.raises(ContentErrors) as from_nothing:
        build(BuildConfig(root=root, out=tmp_path / "fresh", site_url=URL))
    assert refused.value.problems == from_nothing.value.problems
    assert f"content/articles/{CITY_SHEET_ID}.yaml" in {p.location.path for p in refused.value.problems}
    source.write_text(SOURCE_TEXTS[CITY_SOURCE], encoding="utf-8")
    checked.clear()
    build(config)
    assert checked == []  # the refused build left the state as it was: this text is the one found clean

    # A registry file's bytes change (a blank line at its end): every sheet is checked again.
    people = root / "content" / "registry" / "people.yaml"
    people.write_text(people.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    checked.clear()
    build(config)
    assert set(checked) == every_sheet

    # A state whose findings are not a build's (text, or true, where a count belongs) is not trusted.
    state = json.loads((config.out / STATE_FILE).read_text(encoding="utf-8"))
    state["memo"]["checked"]["sheets"] = {key: "many" if n % 2 else True
                                          for n, key in enumerate(state["memo"]["checked"]["sheets"])}
    (config.out / STATE_FILE).write_text(json.dumps(state), encoding="utf-8")
    checked.clear()
    build(config)
    assert set(checked) == every_sheet

    # `check` checks every sheet, whatever the last build found.
    from generator.cli import main
    checked.clear()
    assert main(["--root", str(root), "check"]) == 0
    assert set(checked) == every_sheet
