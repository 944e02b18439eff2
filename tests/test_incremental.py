"""`make serve` re-renders only the pages an edit can change (generator/incremental.py). Edit by edit, on a
synthetic corpus, the pages it writes must be exactly those of a build from scratch."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "bench"))

from synthetic import write_corpus  # noqa: E402

from generator.pipeline import BuildConfig, BuildState, build  # noqa: E402

URL = "https://example.invalid/"


def _tree(out: Path) -> dict[str, bytes]:
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}


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
    # (what, file index or registry, pattern, replacement, rendered incrementally)
    ("a summary", 5, r"^(summary:\n  id: )", r"\1Ringkasan baru. ", True),
    ("a statement's topic", 17, r"^(  topics:\n  - )[a-z-]+$", r"\1funding", True),
    ("a concern's topic", 23, r"^(- topic: )[a-z-]+$", r"\1logistics", True),
    ("the meeting's title", 31, r"^(  title:\n    id: )", r"\1Lanjutan - ", True),
    ("a figure's scope", 11, r"^(  kind: (?:polling-stations|registered-voters|budget)\n)", r"\1  scope:\n    id: Sebagian\n", True),
    ("a person's other spellings (registry)", "people.yaml", r"^(  short_names:\n  - .*)$", r"\1\n  - Sebutan Lain",
     False),
]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    return write_corpus(tmp_path_factory.mktemp("incremental"), 60, seed=5)


def test_only_the_pages_an_edit_can_change_are_rendered_and_none_is_stale(corpus, tmp_path):
    out = tmp_path / "served"
    state = BuildState()
    config = BuildConfig(root=corpus, out=out, site_url=URL)
    build(config, state=state)
    assert not state.incremental  # the first build renders everything
    sheets = sorted((corpus / "content" / "articles").glob("*.yaml"))
    for n, (what, target, pattern, replacement, incremental) in enumerate(EDITS):
        path = corpus / "content" / "registry" / target if isinstance(target, str) else sheets[target]
        _edit(path, pattern, replacement)
        build(config, state=state)
        assert state.incremental is incremental, what
        _assert_same_as_a_fresh_build(corpus, out, tmp_path / f"fresh-{n}")
    # A fact sheet removed: pages go, so everything is rendered again, and nothing of it stays.
    removed = sheets[40]
    removed.unlink()
    build(config, state=state)
    assert not state.incremental
    assert not (out / "en" / "docs" / "meetings" / f"{removed.stem}.md").exists()
    _assert_same_as_a_fresh_build(corpus, out, tmp_path / "fresh-removed")
