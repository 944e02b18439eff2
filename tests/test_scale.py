"""Scale: a synthetic corpus of a few hundred fact sheets keeps every generated page's link count bounded,
and the benchmark script runs end to end. No timing assertions: speed lives in `make bench`'s output."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "bench"))

from synthetic import write_corpus  # noqa: E402

from generator.pipeline import BuildConfig, build  # noqa: E402

MAX_LINKS = 300
LINK = re.compile(r"\]\((?!https?://)[^)]*\)")  # Markdown links to pages of the site


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    root = write_corpus(tmp_path_factory.mktemp("scale"), 300, seed=1)
    build(BuildConfig(root=root, out=root / "build", site_url="https://example.invalid/"))
    return root


def test_corpus_is_deterministic(tmp_path):
    a = write_corpus(tmp_path / "a", 30, seed=7)
    b = write_corpus(tmp_path / "b", 30, seed=7)
    files = sorted(p.relative_to(a) for p in (a / "content").rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(b) for p in (b / "content").rglob("*") if p.is_file())
    assert all((a / f).read_bytes() == (b / f).read_bytes() for f in files)


def test_corpus_passes_check(corpus):
    result = subprocess.run([sys.executable, "-m", "generator", "--root", str(corpus), "check"], cwd=REPO,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr[-2000:]
    assert "300 fact sheets" in result.stdout


def _too_many(corpus: Path, lang: str, regions: bool) -> dict[str, int]:
    docs = corpus / "build" / lang / "docs"
    counts = {p.relative_to(docs).as_posix(): len(LINK.findall(p.read_text(encoding="utf-8")))
              for p in docs.rglob("*.md")}
    return dict(sorted(((path, n) for path, n in counts.items()
                        if n > MAX_LINKS and path.startswith("regions/") == regions), key=lambda x: -x[1])[:10])


@pytest.mark.parametrize("lang", ["id", "en"])
def test_no_page_lists_more_than_a_few_hundred_links(corpus, lang):
    too_many = _too_many(corpus, lang, regions=False)
    assert not too_many, f"pages with more than {MAX_LINKS} links: {too_many}"


@pytest.mark.parametrize("lang", ["id", "en"])
def test_region_pages_list_a_bounded_number_of_links(corpus, lang):
    too_many = _too_many(corpus, lang, regions=True)
    assert not too_many, f"region pages with more than {MAX_LINKS} links: {too_many}"


def test_same_paths_in_both_languages(corpus):
    paths = {lang: sorted(p.relative_to(corpus / "build" / lang / "docs").as_posix()
                          for p in (corpus / "build" / lang / "docs").rglob("*.md")) for lang in ("id", "en")}
    assert paths["id"] == paths["en"]


def test_index_pages_are_split(corpus):
    docs = corpus / "build" / "en" / "docs"
    assert list((docs / "meetings").glob("20[0-9][0-9]-[01][0-9].md")), "no month pages"
    assert (docs / "people" / "index.md").is_file() and len(list((docs / "people").glob("?.md"))) > 3
    # Branches and people are entries on region pages, not pages of their own.
    assert not (docs / "agencies" / "kpu").exists() and "](../regions/" in (docs / "agencies" / "kpu.md").read_text()
    assert len(list(docs.rglob("*.md"))) < 3 * 300, "more than three pages a fact sheet"


def test_benchmark_runs(tmp_path):
    # Every measurement `make bench` makes, at a tiny size.
    result = subprocess.run([sys.executable, "bench/run.py", "--sizes", "20", "--generator-only", "30",
                             "--work", str(tmp_path), "--out", "test-quick"],
                            cwd=REPO, capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, result.stderr[-3000:]
    assert "| generator: render |" in result.stdout
    out = REPO / "bench" / "results" / "test-quick.json"
    try:
        data = json.loads(out.read_text(encoding="utf-8"))
    finally:
        out.unlink(missing_ok=True)
    run, generator_only = data["results"]
    assert run["sheets"] == 20 and run["generator"]["pages"] > 0 and run["output"]["files"] > 0
    # The edited build reused the first build's pages, conversions and finished HTML for all but the pages the
    # edit changed.
    edited, pages = run["edited"], run["generator"]["pages"]
    assert 0 < edited["rendered"] < pages / 2
    converted, reused = edited["site"]["converted"]["id"], edited["site"]["reused"]["id"]
    assert 0 < converted < reused and converted + reused == pages
    rendered, reused = edited["site"]["rendered"]["id"], edited["site"]["pages_reused"]["id"]
    assert 0 < rendered < reused and rendered + reused == pages
    assert run["edit"]["ok"] and run["edit"]["edits"] == 5
    assert run["baseline"]["total"] > 0 and run["baseline"]["ratio"] > 0
    assert generator_only["sheets"] == 30 and generator_only["generator"]["pages"] > run["generator"]["pages"]
    assert "site" not in generator_only and "| Measure | 20 sheets | 30 sheets (generator only) |" in result.stdout


def test_the_bench_keeps_what_ci_keeps():
    """The edited build is measured with what the CI build job restores, no more and no less."""
    from run import CI_CACHE  # bench/run.py

    workflow = yaml.safe_load((REPO / ".github" / "workflows" / "ci.yml").read_text(encoding="utf-8"))
    cached = [step["with"]["path"] for job in workflow["jobs"].values() for step in job["steps"]
              if step.get("uses", "").startswith("actions/cache@")]
    assert len(cached) == 1
    assert sorted(cached[0].split()) == sorted(f"build/{pattern}" for pattern in CI_CACHE)


def test_no_page_of_the_corpus_shows_markdown_as_text(corpus):
    """Issue 18: every page of the 300-sheet corpus, both languages, as MkDocs's Markdown converts it, shows no
    Markdown or template syntax as text (page_html.unrendered_markdown) and no unlabelled table header."""
    from page_html import content_text, empty_header_cells, mkdocs_markdown, strip_front_matter, unrendered_markdown

    said = content_text(corpus)
    converter = mkdocs_markdown()
    broken, pages = {}, 0
    for path in sorted((corpus / "build").glob("*/docs/**/*.md")):
        converter.reset()
        source = converter.convert(strip_front_matter(path.read_text(encoding="utf-8")))
        pages += 1
        if (found := unrendered_markdown(source, said)) or empty_header_cells(source):
            broken[path.relative_to(corpus / "build").as_posix()] = found[:3] or "an empty header cell"
    assert pages > 600
    assert broken == {}
