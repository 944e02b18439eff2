"""The render cache (generator/mkdocs_cache.py): a build that reuses conversions equals a fresh one, and a
reused page cannot hide a broken link or anchor."""

from __future__ import annotations

import gzip
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

REPO = Path(__file__).resolve().parent.parent
HOOKS = REPO / "generator" / "mkdocs_cache.py"
sys.path.insert(0, str(REPO / "bench"))

from synthetic import write_corpus  # noqa: E402


def _html(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*"))
            if p.is_file() and not p.relative_to(site).as_posix().startswith("pagefind/")}


def _site(root: Path, site: Path, cache: bool = True) -> str:
    env = dict(os.environ, EPD_RENDER_CACHE="1" if cache else "0")
    result = subprocess.run([sys.executable, "-m", "generator", "--root", str(root), "site", "--site-dir", str(site)],
                            cwd=REPO, capture_output=True, text=True, env=env, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


def _counts(stdout: str) -> dict[str, tuple[int, int]]:
    return {lang: (int(converted), int(reused)) for lang, converted, reused in
            re.findall(r"(\w+) (\d+) page\(s\) converted, (\d+) reused", re.sub(r"(?<=\d),(?=\d)", "", stdout))}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    return write_corpus(tmp_path_factory.mktemp("cache"), 30, seed=5)


def test_a_reused_build_equals_a_fresh_one(corpus, tmp_path):
    first = _counts(_site(corpus, tmp_path / "cold"))
    pages = first["id"][0]
    assert pages > 50 and first == {"id": (pages, 0), "en": (pages, 0)}
    assert _counts(_site(corpus, tmp_path / "warm")) == {"id": (0, pages), "en": (0, pages)}
    assert _html(tmp_path / "warm") == _html(tmp_path / "cold")

    # An edited fact sheet: only the pages it appears on are converted again, and the site equals a fresh build.
    article = sorted((corpus / "content" / "articles").glob("*.yaml"))[7]
    text = article.read_text(encoding="utf-8")
    article.write_text(re.sub(r"(summary:\n  id: )", r"\1Diperbarui. ", text, count=1), encoding="utf-8")
    edited = _counts(_site(corpus, tmp_path / "edited"))
    assert 0 < edited["id"][0] < pages / 4 and sum(edited["id"]) == pages
    _site(corpus, tmp_path / "fresh", cache=False)
    fresh = _html(tmp_path / "fresh")
    assert _html(tmp_path / "edited") == fresh
    assert b"Diperbarui." in fresh[f"meetings/{article.stem}/index.html"]


# ---------------------------------------------------------------- MkDocs alone, on a hand-made docs tree

def _mkdocs(root: Path, strict: bool = True) -> subprocess.CompletedProcess:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", EPD_RENDER_CACHE="1", PYTHONPATH=str(REPO))
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", *(["--strict"] if strict else []),
                           "-f", str(root / "mkdocs.yml")], cwd=root, capture_output=True, text=True, env=env,
                          timeout=300)


@pytest.fixture
def docs(tmp_path) -> Path:
    config = {"site_name": "cache test", "docs_dir": "docs", "site_dir": "site", "theme": {"name": "mkdocs"},
              "markdown_extensions": [{"toc": {"permalink": True}}, "attr_list", "generator.markdown_speedups"],
              "hooks": [str(HOOKS)], "plugins": [],
              "validation": {"links": {"not_found": "warn", "anchors": "warn", "unrecognized_links": "warn"}}}
    (tmp_path / "mkdocs.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text("# Home\n\nSee [the other page](other.md#part).\n", encoding="utf-8")
    (tmp_path / "docs" / "other.md").write_text("# Other\n\n## Part {: #part }\n\nText.\n", encoding="utf-8")
    return tmp_path


def _entries(root: Path) -> dict:
    with gzip.open(root / "render-cache.json.gz", "rt", encoding="utf-8") as fh:
        return json.load(fh)["entries"]


def test_a_reused_page_still_fails_on_a_link_to_a_removed_page(docs):
    assert _mkdocs(docs).returncode == 0
    assert len(_entries(docs)) == 2
    (docs / "docs" / "other.md").rename(docs / "docs" / "moved.md")
    result = _mkdocs(docs)
    assert result.returncode != 0
    assert "contains a link 'other.md#part', but the target 'other.md' is not found" in result.stderr
    assert "0 page(s) reused, 2 converted" in result.stderr  # index.md's entry no longer fits


def test_a_reused_page_still_fails_on_a_link_to_a_removed_anchor(docs):
    assert _mkdocs(docs).returncode == 0
    (docs / "docs" / "other.md").write_text("# Other\n\nNo part any more.\n", encoding="utf-8")
    result = _mkdocs(docs)
    assert result.returncode != 0
    assert "contains a link 'other.md#part', but the doc 'other.md' does not contain an anchor '#part'" \
        in result.stderr
    assert "1 page(s) reused, 1 converted" in result.stderr


def test_a_conversion_that_warned_is_not_kept(docs):
    (docs / "docs" / "index.md").write_text("# Home\n\n[Nowhere](missing.md)\n", encoding="utf-8")
    for _ in range(2):
        result = _mkdocs(docs, strict=False)
        assert result.returncode == 0 and "'missing.md', but the target is not found" in result.stderr
        assert "1 page(s) reused, 1 converted" in result.stderr or "0 page(s) reused, 2 converted" in result.stderr
    assert len(_entries(docs)) == 1  # other.md only


def test_an_unreadable_or_foreign_cache_is_an_empty_one(docs):
    (docs / "render-cache.json.gz").write_bytes(b"not gzip at all")
    result = _mkdocs(docs)
    assert result.returncode == 0 and "0 page(s) reused, 2 converted" in result.stderr
    assert "2 page(s) reused, 0 converted" in _mkdocs(docs).stderr
    config = yaml.safe_load((docs / "mkdocs.yml").read_text(encoding="utf-8"))
    config["markdown_extensions"][0] = {"toc": {"permalink": False}}  # other settings: other HTML
    (docs / "mkdocs.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
    result = _mkdocs(docs)
    assert result.returncode == 0 and "0 page(s) reused, 2 converted" in result.stderr
    assert "headerlink" not in (docs / "site" / "other" / "index.html").read_text(encoding="utf-8")


def test_without_the_cache_nothing_is_read_or_written(docs):
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", EPD_RENDER_CACHE="0", PYTHONPATH=str(REPO))
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(docs / "mkdocs.yml")],
                            cwd=docs, capture_output=True, text=True, env=env, timeout=300)
    assert result.returncode == 0 and "render cache" not in result.stderr
    assert not (docs / "render-cache.json.gz").exists()
    shutil.rmtree(docs / "site")


def test_a_malformed_entry_is_converted_again(docs):
    assert _mkdocs(docs).returncode == 0
    path = docs / "render-cache.json.gz"
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        data = json.load(fh)
    for number, key in enumerate(sorted(data["entries"])):  # one entry loses a key, the other gets a wrong type
        if number == 0:
            del data["entries"][key]["toc"]
        else:
            data["entries"][key]["content"] = ["not", "html"]
    with gzip.open(path, "wt", encoding="utf-8") as fh:
        json.dump(data, fh)
    result = _mkdocs(docs)
    assert result.returncode == 0 and "0 page(s) reused, 2 converted" in result.stderr
