"""The full strict build: both languages, same paths, right <html lang>, and a failed build keeps site/."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from site_fixtures import REPO_ROOT

PAGE_KINDS = ("regions", "agencies", "topics", "meetings", "people")


def pages(site: Path, prefix: str = "") -> set[str]:
    """Page paths (directory URLs) of one language, relative to its root."""
    root = site / prefix if prefix else site
    found = set()
    for html in root.rglob("index.html"):
        relative = html.relative_to(root).as_posix()
        if not prefix and relative.startswith("en/"):
            continue
        found.add(relative)
    return found


def test_default_language_is_indonesian_at_the_root(built_site):
    assert re.search(r'<html lang="id"', (built_site / "index.html").read_text(encoding="utf-8"))
    assert re.search(r'<html lang="en"', (built_site / "en" / "index.html").read_text(encoding="utf-8"))


def test_every_page_exists_under_the_same_path_in_both_languages(built_site):
    indonesian, english = pages(built_site), pages(built_site, "en")
    assert indonesian == english
    for kind in PAGE_KINDS:
        assert sum(1 for p in indonesian if p.startswith(f"{kind}/")) >= 2, kind
    for path in ("regions/lampung-timur/index.html", "agencies/kpu/index.html", "topics/money-politics/index.html",
                 "meetings/2024-11-20-lampung-timur-rakor-pemantapan-pilkada/index.html",
                 "people/w/index.html", "methodology/index.html", "contributing/index.html"):
        assert path in indonesian, path


def test_english_pages_are_english_and_link_back(built_site):
    html = (built_site / "en" / "regions" / "lampung-timur" / "index.html").read_text(encoding="utf-8")
    assert "Lampung Timur Regency" in html
    assert "823,417" in html and "IDR 69 billion" in html
    indonesian = (built_site / "regions" / "lampung-timur" / "index.html").read_text(encoding="utf-8")
    assert "Kabupaten Lampung Timur" in indonesian
    assert "823.417" in indonesian and "Rp69 miliar" in indonesian


def test_a_failed_build_leaves_the_previous_site_untouched(tmp_path):
    """Break a hand-written page's link in a copy of the repository: the build fails, the old site stays."""
    copy = tmp_path / "repo"
    shutil.copytree(REPO_ROOT, copy, ignore=shutil.ignore_patterns(
        ".venv", ".git", "build", "site", "site.*", "test-output", ".pytest_cache", "__pycache__"))
    site = copy / "site"
    site.mkdir()
    (site / "marker.txt").write_text("previous build", encoding="utf-8")
    (copy / "docs" / "en" / "methodology.md").write_text(
        "---\ntitle: Methodology\n---\n\n# Methodology\n\n[broken](no-such-page.md)\n", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "generator", "--root", str(copy), "site"], cwd=REPO_ROOT,
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "no-such-page.md" in result.stderr
    assert (site / "marker.txt").read_text(encoding="utf-8") == "previous build"
    assert not (site / "index.html").exists()


@pytest.mark.parametrize("lang_prefix", ["", "en/"])
def test_sitemap_lists_both_languages(built_site, lang_prefix):
    sitemap = (built_site / lang_prefix / "sitemap.xml").read_text(encoding="utf-8")
    assert 'hreflang="id"' in sitemap and 'hreflang="en"' in sitemap
