"""The render and page caches (generator/mkdocs_cache.py): a build that reuses conversions and finished pages
equals a fresh one, a reused page cannot hide a broken link or anchor, and a finished page is rendered again
when anything its template is given changes."""

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

from generator import mkdocs_cache  # noqa: E402


def _html(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*"))
            if p.is_file() and not p.relative_to(site).as_posix().startswith("pagefind/")}


def _site(root: Path, site: Path, cache: bool = True) -> str:
    env = dict(os.environ, EPD_RENDER_CACHE="1" if cache else "0")
    result = subprocess.run([sys.executable, "-m", "generator", "--root", str(root), "site", "--site-dir", str(site)],
                            cwd=REPO, capture_output=True, text=True, env=env, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


def _counts(stdout: str, what: str = "converted") -> dict[str, tuple[int, int]]:
    """Per language, (pages converted, reused) or, with what="rendered", (pages rendered, reused)."""
    return {lang: (int(done), int(reused)) for lang, done, reused in
            re.findall(rf"(\w+) (\d+) page\(s\) {what}, (\d+) reused", re.sub(r"(?<=\d),(?=\d)", "", stdout))}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    return write_corpus(tmp_path_factory.mktemp("cache"), 30, seed=5)


def test_a_reused_build_equals_a_fresh_one(corpus, tmp_path):
    output = _site(corpus, tmp_path / "cold")
    pages = _counts(output)["id"][0]
    assert pages > 50
    assert _counts(output) == _counts(output, "rendered") == {"id": (pages, 0), "en": (pages, 0)}
    output = _site(corpus, tmp_path / "warm")
    assert _counts(output) == _counts(output, "rendered") == {"id": (0, pages), "en": (0, pages)}
    assert _html(tmp_path / "warm") == _html(tmp_path / "cold")

    # An edited fact sheet: only the pages it appears on are converted again, and the site equals a fresh build.
    article = sorted((corpus / "content" / "articles").glob("*.yaml"))[7]
    text = article.read_text(encoding="utf-8")
    article.write_text(re.sub(r"(summary:\n  id: )", r"\1Diperbarui. ", text, count=1), encoding="utf-8")
    output = _site(corpus, tmp_path / "edited")
    edited, rendered = _counts(output), _counts(output, "rendered")
    assert 0 < edited["id"][0] < pages / 4 and sum(edited["id"]) == pages
    assert rendered["id"] == edited["id"] and rendered["en"] == edited["en"]  # the pages whose HTML changed
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
    assert not (docs / "render-cache.json.gz").exists() and not (docs / "page-cache").exists()
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


# ---------------------------------------------------------------- the page cache

def _rendered(result: subprocess.CompletedProcess) -> tuple[int, int]:
    """(finished pages reused, pages rendered from the template) of a hand-made build."""
    assert result.returncode == 0, result.stderr
    reuse = mkdocs_cache.counts(result.stderr)
    return reuse.pages_reused, reuse.rendered


def _cached_pages(docs: Path) -> int:
    return len(list((docs / "page-cache").iterdir()))


def test_a_finished_page_is_reused_until_what_its_template_is_given_changes(docs):
    (docs / "docs" / "third.md").write_text("# Third\n\nMore.\n", encoding="utf-8")
    assert _rendered(_mkdocs(docs)) == (0, 3)
    first = _html(docs / "site")
    assert _rendered(_mkdocs(docs)) == (3, 0)
    assert _html(docs / "site") == first and _cached_pages(docs) == 3

    # One page's text: that page only.
    (docs / "docs" / "other.md").write_text("# Other\n\n## Part {: #part }\n\nNew text.\n", encoding="utf-8")
    assert _rendered(_mkdocs(docs)) == (2, 1)
    assert b"New text." in (docs / "site" / "other" / "index.html").read_bytes()

    # A title every page shows in its navigation (index.md's only through the navigation, not as a neighbour):
    # every page, and the old files are deleted.
    (docs / "docs" / "third.md").write_text("# Renamed\n\nMore.\n", encoding="utf-8")
    assert _rendered(_mkdocs(docs)) == (0, 3)
    assert b"Renamed" in (docs / "site" / "index.html").read_bytes() and _cached_pages(docs) == 3

    # A template of the theme's custom_dir.
    (docs / "overrides").mkdir()
    (docs / "overrides" / "main.html").write_text('{% extends "base.html" %}\n{% block extrahead %}'
                                                  '<meta name="x-test" content="1">{% endblock %}\n', encoding="utf-8")
    config = yaml.safe_load((docs / "mkdocs.yml").read_text(encoding="utf-8"))
    config["theme"]["custom_dir"] = "overrides"
    (docs / "mkdocs.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
    assert _rendered(_mkdocs(docs)) == (0, 3)
    assert _rendered(_mkdocs(docs)) == (3, 0)
    (docs / "overrides" / "main.html").write_text('{% extends "base.html" %}\n{% block extrahead %}'
                                                  '<meta name="x-test" content="2">{% endblock %}\n', encoding="utf-8")
    assert _rendered(_mkdocs(docs)) == (0, 3)
    assert b'content="2"' in (docs / "site" / "index.html").read_bytes()

    # Any other setting (here the site's name, in every page's header).
    config["site_name"] = "another name"
    (docs / "mkdocs.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
    assert _rendered(_mkdocs(docs)) == (0, 3)
    assert b"another name" in (docs / "site" / "other" / "index.html").read_bytes()


def test_a_page_whose_rendering_warned_is_not_kept(docs):
    (docs / "overrides").mkdir()
    (docs / "overrides" / "main.html").write_text(
        '{% extends "base.html" %}\n{% block extrahead %}{{ warn_once() }}{% endblock %}\n', encoding="utf-8")
    hook = docs / "warn_hook.py"
    hook.write_text("import logging\n\ndef on_env(env, config, files):\n"
                    "    env.globals['warn_once'] = lambda: logging.getLogger('mkdocs.test')"
                    ".warning('a warning of the page') or ''\n    return env\n", encoding="utf-8")
    config = yaml.safe_load((docs / "mkdocs.yml").read_text(encoding="utf-8"))
    config["theme"]["custom_dir"] = "overrides"
    config["hooks"].insert(0, str(hook))
    (docs / "mkdocs.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
    for _ in range(2):
        result = _mkdocs(docs, strict=False)
        assert result.stderr.count("a warning of the page") == 2
        assert _rendered(result) == (0, 2)
    assert _cached_pages(docs) == 0


def test_a_page_cache_file_that_is_not_text_is_rendered_again(docs):
    assert _rendered(_mkdocs(docs)) == (0, 2)
    for path in (docs / "page-cache").iterdir():
        path.write_bytes(b"\xff\xfe not UTF-8")
    assert _rendered(_mkdocs(docs)) == (0, 2)
    assert b"<html" in (docs / "site" / "index.html").read_bytes()


def test_the_page_key_covers_what_mkdocs_gives_a_page_template(docs):
    """MkDocs gives a page's template the variables in mkdocs_cache.CONTEXT (a new one would turn the cache
    off); of those, no template of the site's theme, overrides included, reads the ones left out of a key."""
    import jinja2.meta
    from mkdocs.commands.build import get_context
    from mkdocs.config import load_config
    from mkdocs.structure.nav import Navigation
    from mkdocs.theme import Theme

    config = load_config(str(docs / "mkdocs.yml"))
    assert set(get_context(Navigation([], []), [], config)) == mkdocs_cache.CONTEXT

    theme = Theme(name="material", custom_dir=str(REPO / "overrides"))
    env = theme.get_env()
    read = {}
    for name in env.list_templates(extensions=["html"]):
        source = env.loader.get_source(env, name)[0]
        while True:
            try:
                variables = jinja2.meta.find_undeclared_variables(env.parse(source))
                break
            except jinja2.TemplateAssertionError as error:  # a filter of a plugin this site does not use
                missing = re.fullmatch(r"No filter named '(\w+)'\.", error.message)
                assert missing, error
                env.filters[missing.group(1)] = str
        for variable in variables & mkdocs_cache.UNKEYED:
            read.setdefault(variable, []).append(name)
    assert len(env.list_templates(extensions=["html"])) > 50 and "main.html" in env.list_templates()
    assert read == {}
