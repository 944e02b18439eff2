"""Shared fixtures: the repository root, and a factory for the small fictional content tree."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parent.parent
TESTS_DIR = Path(__file__).resolve().parent
for _path in (str(REPO_ROOT), str(TESTS_DIR)):
    if _path not in sys.path:
        sys.path.insert(0, _path)

from fixtures import write_content_tree  # noqa: E402


@pytest.fixture(scope="session")
def repo_root() -> Path:
    """The checkout under test (holds content/, schema/ and generator/)."""
    return REPO_ROOT


@pytest.fixture
def content_tree(tmp_path):
    """A factory: content_tree(overrides=None, name="tree") writes the fixture tree and returns its root."""
    def make(overrides=None, name: str = "tree") -> Path:
        return write_content_tree(tmp_path / name, overrides)
    return make


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The real site, built once per session with `python -m generator site` (or $EPD_SITE_DIR)."""
    from site_fixtures import build_site

    return build_site(tmp_path_factory.mktemp("site") / "site")
