"""Shared helpers for the reader-facing quality gates (tests/e2e): which pages to check, the one
exceptions file (tests/quality_exceptions.yaml), the pinned npm tools and the per-gate summary lines."""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

REPO_ROOT = Path(__file__).resolve().parents[2]
NODE_MODULES = REPO_ROOT / "node_modules"
AXE_JS = NODE_MODULES / "axe-core" / "axe.min.js"
VNU_JAR = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
EXCEPTIONS_FILE = REPO_ROOT / "tests" / "quality_exceptions.yaml"

LANGUAGES = ("id", "en")
DEFAULT_LANGUAGE = "id"

# One line per gate, printed at the end of the run by tests/e2e/conftest.py.
SUMMARY: dict[str, str] = {}


def report(gate: str, line: str) -> None:
    """Record the summary line of a gate (pages checked and violations found)."""
    SUMMARY[gate] = line


def need_tool(path: Path) -> Path:
    """A file installed by `npm ci` (make test runs it); fail with the fix if missing."""
    if not path.exists():
        raise AssertionError(f"{path.relative_to(REPO_ROOT)} is missing: run `make test` "
                             "(it runs `npm ci` for package.json) or `npm ci --ignore-scripts`")
    return path


def java() -> str:
    exe = shutil.which("java")
    if not exe:
        raise AssertionError("java is missing: install a Java runtime (apt-get install default-jre-headless)")
    return exe


def lang_prefix(lang: str) -> str:
    """Path of a language's root inside site/: '' for the default language, 'en/' otherwise."""
    return "" if lang == DEFAULT_LANGUAGE else f"{lang}/"


# ------------------------------------------------------------------ pages of every kind

@dataclass(frozen=True)
class Content:
    meetings: tuple[str, ...]
    regencies: tuple[str, ...]
    provinces: tuple[str, ...]
    people: tuple[str, ...]


@cache
def content() -> Content:
    """Ids from the real content tree (content/), loaded with the generator's own loader."""
    from generator.load import load_content

    loaded = load_content(REPO_ROOT / "content")
    # The regions with a meeting: the gazetteer lists every region of the country, and only those the content
    # names have a page of their own (the others are entries on their province's page).
    met = {sheet.meeting.region for sheet in loaded.sheets}
    held = met | {r.parent for r in loaded.regions if r.id in met and r.parent}
    return Content(
        meetings=tuple(sheet.id for sheet in loaded.sheets),
        regencies=tuple(r.id for r in loaded.regions if r.kind in ("regency", "city") and r.id in met),
        provinces=tuple(r.id for r in loaded.regions if r.kind == "province" and r.id in held),
        people=tuple(p.id for p in loaded.people),
    )


def first_child_page(site: Path, section: str) -> str:
    """The first page (alphabetically) below a section of the built site: 'agencies/bawaslu/'."""
    children = sorted(d.name for d in (site / section).iterdir() if (d / "index.html").is_file())
    assert children, f"no pages below {section}/ in {site}"
    return f"{section}/{children[0]}/"


def page_kinds(site: Path) -> dict[str, str]:
    """One page of every kind, as a path relative to a language root ('' is the home page)."""
    c = content()
    kinds = {
        "home": "",
        "meetings index": "meetings/",
        "meeting": f"meetings/{c.meetings[-1]}/",
        "meetings of a month": f"meetings/{c.meetings[-1][:7]}/",
        "corrections": "corrections/",
        "operations index": "operations/",
        "operation": first_child_page(site, "operations"),
        "regions index": "regions/",
        "region (regency)": f"regions/{c.regencies[-1]}/",
        "region (province)": f"regions/{c.provinces[0]}/",
        "agencies index": "agencies/",
        "agency": first_child_page(site, "agencies"),
        "topics index": "topics/",
        "topic": first_child_page(site, "topics"),
        "people index": "people/",
        "people (initial)": first_child_page(site, "people"),
        "timeline": "timeline/",
        "figures": "figures/",
        "glossary": "glossary/",
        "data": "data/",
        "methodology": "methodology/",
        # The other hand-written pages (docs/<lang>/*.md). Of them axe once visited only the methodology, so
        # no gate saw the performance table's empty header cell (axe `empty-table-header`, issue 18).
        "performance": "performance/",
        "reference": "reference/",
        "contributing": "contributing/",
        "using the data": "using-the-data/",
    }
    for lang in LANGUAGES:
        for kind, path in kinds.items():
            assert (site / lang_prefix(lang) / path / "index.html").is_file(), \
                f"{kind} page {lang_prefix(lang)}{path} is missing from the built site"
    return kinds


def html_pages(site: Path) -> list[Path]:
    """Every HTML page of the built site, sorted."""
    return sorted(site.rglob("*.html"))


# ------------------------------------------------------------------ exceptions

@cache
def exceptions() -> dict[str, list[dict]]:
    """tests/quality_exceptions.yaml: gate name -> entries (each with match fields and a reason)."""
    data = yaml.safe_load(EXCEPTIONS_FILE.read_text(encoding="utf-8")) or {}
    for gate, entries in data.items():
        for entry in entries or []:
            assert entry.get("reason"), f"{EXCEPTIONS_FILE.name}: every {gate} exception needs a reason: {entry}"
    return {gate: list(entries or []) for gate, entries in data.items()}


def excepted(gate: str, **fields: str) -> dict | None:
    """The exception entry whose every regex (message, extract, ...) matches the given fields, if any."""
    for entry in exceptions().get(gate, []):
        patterns = {k: v for k, v in entry.items() if k != "reason"}
        if patterns and all(re.search(pattern, fields.get(key) or "") for key, pattern in patterns.items()):
            return entry
    return None


def run(command: list[str], **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run(command, capture_output=True, text=True, **kwargs)
