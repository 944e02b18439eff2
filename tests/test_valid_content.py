"""Every content tree `check` accepts generates, and builds (issue 27, section 2).

A property test draws valid trees from the schema itself (tests/valid_content.py: every optional field present
or absent, every list empty or full, zeros and the bounds of numbers and dates, the cross-field rules check
enforces) and requires that check accepts each, then that `generate` renders both languages without a traceback.
A few of them also go through the real MkDocs build (strict) in both languages. Each crash it found is a fixed
@example below.

`make test` runs a fixed, derandomized set. More, at random (the site build takes about 20 s an example):
    EPD_HYPOTHESIS_EXAMPLES=300 EPD_HYPOTHESIS_SITE_EXAMPLES=10 .venv/bin/python -m pytest -q tests/test_valid_content.py
"""

from __future__ import annotations

import contextlib
import io
import os
import shutil
import subprocess
import sys
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings

from fixtures import CITY_SHEET, CITY_SHEET_ID, CITY_SOURCE, documents
from generator.cli import main
from page_html import without_cell_labels
from site_fixtures import REPO_ROOT, write_stand_in_pages
from valid_content import content_trees, write_tree

RANDOM = "EPD_HYPOTHESIS_EXAMPLES" in os.environ or "EPD_HYPOTHESIS_SITE_EXAMPLES" in os.environ
_COMMON = dict(deadline=None, derandomize=not RANDOM, database=None if not RANDOM else settings.default.database,
               suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much,
                                      HealthCheck.function_scoped_fixture])
GENERATE_SETTINGS = settings(max_examples=int(os.environ.get("EPD_HYPOTHESIS_EXAMPLES", "12")), **_COMMON)
SITE_SETTINGS = settings(max_examples=int(os.environ.get("EPD_HYPOTHESIS_SITE_EXAMPLES", "3")), **_COMMON)


def _unattributed_statement() -> dict:
    """Issue 27.2: a statement with neither speaker nor agency (both optional) crashed the meeting page."""
    files = documents()
    statement = files[CITY_SHEET]["statements"][0]
    del statement["speaker"], statement["agency"]
    return files


def _zero_budget() -> dict:
    """Issue 27.2: a budget total of 0 with parts of 0 (they add up) divided by zero on the figures pages and in
    charts.budget_split."""
    files = documents()
    for figure in files[CITY_SHEET]["figures"][:3]:
        figure.update(value=0, as_stated="Rp0")
    files[CITY_SOURCE] += "Rp0\n"
    return files


def _both() -> dict:
    files = _zero_budget()
    statement = files[CITY_SHEET]["statements"][0]
    del statement["speaker"], statement["agency"]
    return files


def _run(argv: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(argv)
    return code, out.getvalue(), err.getvalue()


def _sheet_ids(files: dict) -> list[str]:
    return [name.removeprefix("articles/").removesuffix(".yaml") for name in files if name.startswith("articles/")]


def assert_checks_and_generates(root: Path, files: dict) -> None:
    """check accepts the tree (warnings allowed), and generate writes every meeting page in both languages."""
    code, out, err = _run(["--root", str(root), "check"])
    assert code == 0, f"check refused a valid tree:\n{err}"
    code, out, err = _run(["--root", str(root), "generate"])
    assert code == 0 and "Traceback" not in err, err
    for lang in ("id", "en"):
        docs = root / "build" / lang / "docs"
        for sheet_id in _sheet_ids(files):
            assert (docs / "meetings" / f"{sheet_id}.md").is_file(), (lang, sheet_id)


@GENERATE_SETTINGS
@example(files=_unattributed_statement())
@example(files=_zero_budget())
@given(files=content_trees())
def test_every_tree_check_accepts_generates_in_both_languages(files, tmp_path_factory):
    root = write_tree(tmp_path_factory.mktemp("valid"), files)
    assert_checks_and_generates(root, files)


@SITE_SETTINGS
@example(files=_both())
@given(files=content_trees())
def test_every_tree_check_accepts_builds_the_site(files, tmp_path_factory):
    """The real build: validate, generate, `mkdocs build --strict` per language, Pagefind."""
    root = write_tree(tmp_path_factory.mktemp("valid-site") / "repo", files)
    shutil.copy2(REPO_ROOT / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copytree(REPO_ROOT / "overrides", root / "overrides")
    shutil.copytree(REPO_ROOT / "docs" / "assets", root / "docs" / "assets")
    write_stand_in_pages(root)
    result = subprocess.run([sys.executable, "-m", "generator", "--root", str(root), "site"], cwd=REPO_ROOT,
                            capture_output=True, text=True, timeout=600, env={**os.environ, "EPD_RENDER_CACHE": "0"})
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    for sheet_id in _sheet_ids(files):
        for prefix in ("", "en/"):
            assert (root / "site" / f"{prefix}meetings" / sheet_id / "index.html").is_file(), (prefix, sheet_id)


def test_the_issue_cases_show_what_can_be_said(tmp_path):
    """An unattributed statement is labelled in each language; a share of a total of 0 is not computed."""
    root = write_tree(tmp_path / "tree", _both())
    assert _run(["--root", str(root), "generate"])[0] == 0
    labels = {"id": ("Penutur tidak disebut", "tidak dapat dihitung", "porsi tidak dapat dihitung: totalnya 0"),
              "en": ("Unattributed", "not computable", "share not computable: the total is 0")}
    for lang, (unattributed, not_computable, region_note) in labels.items():
        docs = root / "build" / lang / "docs"
        meeting = (docs / "meetings" / f"{CITY_SHEET_ID}.md").read_text(encoding="utf-8")
        assert f"### {unattributed}: " in meeting and f"— {unattributed}" in meeting
        figures = without_cell_labels((docs / "figures.md").read_text(encoding="utf-8"))
        assert f"| {not_computable} |" in figures and "%" not in figures.split("{: #budgets }")[1]
        region = (docs / "regions" / "pelita.md").read_text(encoding="utf-8")
        assert f"({region_note})" in region
    assert "How the budget of" not in (root / "build" / "en" / "docs" / "regions" / "pelita.md").read_text("utf-8")
