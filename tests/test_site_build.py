"""The full strict build: both languages, same paths, right <html lang>, and a failed build keeps site/."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from page_html import empty_header_cells, pipe_paragraphs
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


def test_serve_rebuild_updates_only_what_an_edit_changed(tmp_path):
    """What `make serve` runs after an edit: in-process generate with its load cache, mkdocs --dirty, a copy of
    the changed files. The edited meeting's page changes; an untouched page's HTML is not rewritten; a broken
    edit keeps the served site."""
    import argparse

    from fixtures import CITY_SHEET_ID, REGENCY_SHEET_ID, write_content_tree
    from generator import mkdocs_adapter
    from generator.cli import in_process_generator
    from site_fixtures import write_stand_in_pages

    root = write_content_tree(tmp_path / "tree")
    for name in ("mkdocs.yml",):
        shutil.copy2(REPO_ROOT / name, root / name)
    shutil.copytree(REPO_ROOT / "overrides", root / "overrides")
    shutil.copytree(REPO_ROOT / "docs" / "assets", root / "docs" / "assets")
    write_stand_in_pages(root)
    generate = in_process_generator(argparse.Namespace(root=root, out=None, format="text"))
    site = root / "site"
    url = "http://127.0.0.1:8000/"
    assert mkdocs_adapter._regenerate(root, root / "build", site, None, 2, url, generate=generate)
    edited = site / "en" / "meetings" / CITY_SHEET_ID / "index.html"
    untouched = site / "meetings" / REGENCY_SHEET_ID / "index.html"
    before = untouched.stat().st_mtime_ns

    sheet = root / "content" / "articles" / f"{CITY_SHEET_ID}.yaml"
    text = sheet.read_text(encoding="utf-8")
    sheet.write_text(re.sub(r"(summary:\n(?:  .*\n)*?  en: )", r"\1EDITED ", text, count=1), encoding="utf-8")
    assert mkdocs_adapter._regenerate(root, root / "build", site, None, 2, url, generate=generate, incremental=True)
    assert "EDITED" in edited.read_text(encoding="utf-8")
    assert untouched.stat().st_mtime_ns == before

    sheet.write_text(text.replace("summary:", "summary: [", 1), encoding="utf-8")
    assert not mkdocs_adapter._regenerate(root, root / "build", site, None, 2, url, generate=generate,
                                          incremental=True)
    assert "EDITED" in edited.read_text(encoding="utf-8")


def _pagefind_variance_free(site: Path) -> dict[str, bytes]:
    """Every file of a built site by path, with what Pagefind writes in an arbitrary order made comparable.

    Pagefind 1.5 writes its filter indexes from a hash map, in an order that changes from run to run, and names
    them, its metadata files and pagefind-entry.json's hashes after those bytes (Pagefind/pagefind#638: only
    fragments were made stable). Those files are kept as their decompressed bytes, sorted, under a name without
    the hash: the same values in another order compare equal, any other difference does not."""
    import gzip
    import json as json_module

    files = {}
    for path in sorted(p for p in site.rglob("*") if p.is_file()):
        relative = path.relative_to(site).as_posix()
        data = path.read_bytes()
        varying = re.match(r"pagefind/(filter/(\w+)_[0-9a-f]+\.pf_filter|pagefind\.(\w+)_[0-9a-f]+\.pf_meta)$", relative)
        if varying:
            lang = varying.group(2) or varying.group(3)
            kind = "filter" if varying.group(2) else "meta"
            key = f"pagefind/{kind}-{lang}"
            # The metadata names the filter files by their hashes: those names are left out too.
            plain = re.sub(rb"\w+_[0-9a-f]{7,}", b"", gzip.decompress(data))
            files[key] = bytes(sorted(files.get(key, b"") + plain))
        elif relative == "pagefind/pagefind-entry.json":
            entry = json_module.loads(data)
            for info in entry["languages"].values():
                info.pop("hash")
            files[relative] = json_module.dumps(entry, sort_keys=True).encode()
        else:
            files[relative] = data
    return files


def test_two_builds_of_the_same_content_are_the_same_bytes(built_site, tmp_path):
    """`make site` twice: every file the same, Pagefind's arbitrary order aside (_pagefind_variance_free)."""
    from site_fixtures import build_site

    again = build_site(tmp_path / "site")
    first, second = _pagefind_variance_free(built_site), _pagefind_variance_free(again)
    assert sorted(first) == sorted(second)
    assert [name for name in first if first[name] != second[name]] == []
    fragments = [name for name in first if name.startswith("pagefind/fragment/")]
    assert len(fragments) > 40  # fragment names are digests of their bytes: compared byte for byte above


def test_no_page_shows_markdown_that_did_not_render(built_site):
    """Raw table syntax in a page's text means Markdown was not converted (the regions index once showed it)."""
    shown = []
    for page in sorted(built_site.rglob("*.html")):
        article = re.search(r"<article[^>]*>(.*?)</article>", page.read_text(encoding="utf-8"), re.S)
        if article and re.search(r"\|\s*:?-{3,}", re.sub(r"<[^>]+>", "", article.group(1))):
            shown.append(page.relative_to(built_site).as_posix())
    assert shown == []


def test_no_page_shows_a_table_as_a_paragraph_or_an_unlabelled_header(built_site):
    """Every page of the built site, hand-written ones included (issue 18): no paragraph starts a line with '|'
    (a table that failed to render), and every table header cell has a label (axe `empty-table-header`)."""
    broken = {}
    for page in sorted(built_site.rglob("*.html")):
        article = re.search(r"<article[^>]*>(.*?)</article>", page.read_text(encoding="utf-8"), re.S)
        if article and ((found := pipe_paragraphs(article.group(1))) or empty_header_cells(article.group(1))):
            broken[page.relative_to(built_site).as_posix()] = found or "an empty header cell"
    assert broken == {}
