"""Links gate: every internal link and #fragment in the built site resolves (offline).

External links are only listed (test-output/external-links.txt); `make check-external-links` fetches them.
"""

from __future__ import annotations

from pathlib import Path

from linkcheck import check_site, write_external
from quality import excepted, report


def test_every_internal_link_and_fragment_resolves(built_site: Path, output_dir: Path):
    result = check_site(built_site)
    broken = [problem for problem in result.broken if not excepted("links", problem=problem)]
    write_external(result, output_dir / "external-links.txt")
    report("links (internal, offline)",
           f"{result.pages} pages, {result.links} internal links ({result.fragments} with a #fragment), "
           f"{len(broken)} broken; {len(result.external)} external links listed in "
           f"test-output/external-links.txt (checked by `make check-external-links`)")
    assert result.pages > 50 and result.links > 1000, "the link checker found suspiciously few pages or links"
    assert not broken, f"{len(broken)} broken internal link(s):\n" + "\n".join(broken[:100])


def test_checker_finds_missing_pages_and_fragments(tmp_path: Path):
    """The checker itself: a missing page, a missing fragment and a root-relative 404 link are caught."""
    (tmp_path / "a").mkdir()
    (tmp_path / "index.html").write_text(
        '<!doctype html><html><head><link rel="canonical" href="https://example.org/site/"></head><body>'
        '<a href="a/#here">ok</a> <a href="a/#gone">bad fragment</a> <a href="b/">missing page</a>'
        '<a href="#top">top</a> <a href="https://example.org/site/a/">own address</a>'
        '<a href="https://example.com/x">external</a> <img src="img.png" alt=""></body></html>',
        encoding="utf-8")
    (tmp_path / "a" / "index.html").write_text('<p id="here">x</p><a href="/site/../">home</a>'
                                               '<a href="/site/nope/">404-style</a>', encoding="utf-8")
    result = check_site(tmp_path)
    problems = "\n".join(result.broken)
    assert "'a/#gone'" in problems
    assert "'b/'" in problems
    assert "'img.png'" in problems
    assert "'/site/nope/'" in problems
    assert len(result.broken) == 4, problems
    assert list(result.external) == ["https://example.com/x"]
