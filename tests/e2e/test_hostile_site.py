"""The fixture with hostile text in every field (tests/hostile.py), built as `make site` builds (MkDocs, Material,
Pagefind) and opened in headless Chromium: no element or script the site did not make, titles that read as the
text they were given, and no dialog on any page kind or in search, in both languages."""

from __future__ import annotations

import html.parser
import re
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from hostile import EVERYTHING, collapsed, hostile_tree
from site_fixtures import REPO_ROOT, SiteServer, write_stand_in_pages

SITE_NAMES = {"id": "Digest Persiapan Pemilu", "en": "Election-Prep Digest"}
PAGES = ("", "meetings/2024-11-18-pelita-rakor-kesiapan-pilkada/", "regions/pelita/", "regions/nusa-harapan/",
         "agencies/kpu/", "topics/funding/", "glossary/", "people/other/", "timeline/", "figures/", "data/",
         "meetings/", "regions/", "agencies/", "topics/", "people/", "corrections/")


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory) -> Path:
    """The hostile fixture built into a site with the repository's theme, overrides and assets."""
    root = hostile_tree(tmp_path_factory.mktemp("hostile-site") / "repo")
    shutil.copy2(REPO_ROOT / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copytree(REPO_ROOT / "overrides", root / "overrides")
    shutil.copytree(REPO_ROOT / "docs" / "assets", root / "docs" / "assets")
    write_stand_in_pages(root)
    result = subprocess.run([sys.executable, "-m", "generator", "--root", str(root), "site"], cwd=REPO_ROOT,
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
    return root / "site"


class _Page(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.handlers: list[str] = []
        self.scripts: list[tuple[str, str]] = []  # (src, inline text)
        self.tags: set[str] = set()
        self.title = ""
        self._in: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)
        self.handlers += [f"<{tag} {name}>" for name, _ in attrs if name.startswith("on")]
        if tag == "script":
            self.scripts.append((dict(attrs).get("src") or "", ""))
        self._in.append(tag)

    def handle_endtag(self, tag):
        if self._in and self._in[-1] == tag:
            self._in.pop()

    def handle_data(self, data):
        if self._in and self._in[-1] == "title":
            self.title += data
        if self._in and self._in[-1] == "script" and self.scripts:
            src, text = self.scripts[-1]
            self.scripts[-1] = (src, text + data)


def test_no_page_holds_an_element_or_script_the_site_did_not_make(hostile_site):
    pages = sorted(hostile_site.rglob("*.html"))
    assert len(pages) > 40
    for path in pages:
        parsed = _Page()
        parsed.feed(path.read_text(encoding="utf-8"))
        where = path.relative_to(hostile_site)
        assert parsed.handlers == [], where
        assert not parsed.tags & {"img", "iframe", "object", "embed", "b"}, where
        for src, text in parsed.scripts:
            assert "alert(" not in text, (where, text[:200])
            # The theme's own scripts: relative, or absolute under the site's path on the 404 page.
            assert not src or re.match(r"^((\.\./)*|/digest/(en/)?)assets/javascripts/", src), (where, src)


@pytest.mark.parametrize("lang", ["id", "en"])
def test_titles_read_as_the_text_they_were_given(hostile_site, lang):
    prefix = "" if lang == "id" else "en/"
    page = hostile_site / prefix / "meetings" / "2024-11-18-pelita-rakor-kesiapan-pilkada" / "index.html"
    parsed = _Page()
    parsed.feed(page.read_text(encoding="utf-8"))
    assert collapsed(parsed.title) == f"{collapsed(EVERYTHING)} - {SITE_NAMES[lang]}"


@pytest.mark.parametrize("lang", ["id", "en"])
def test_no_dialog_opens_on_any_page_kind_or_in_search(hostile_site, browser, lang, screenshot_dir):
    prefix = "" if lang == "id" else "en/"
    canonical = re.search(r'<link rel="canonical" href="([^"]+)"', (hostile_site / "index.html").read_text("utf-8"))
    with SiteServer(hostile_site, prefix=urlsplit(canonical.group(1)).path) as server:
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        page = context.new_page()
        dialogs, errors = [], []
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        page.on("pageerror", lambda error: errors.append(str(error)))
        for path in PAGES:
            page.goto(server.url + prefix + path)
            page.wait_for_load_state("load")
            injected = page.evaluate("""() => [...document.querySelectorAll(
                'img[src="x"], svg[onload], [onclick], [onerror], [onmouseover], a[href^="javascript:"]')]
                .map(e => e.outerHTML.slice(0, 120))""")
            assert injected == [], (path, injected)
        page.goto(server.url + prefix + "meetings/2024-11-18-pelita-rakor-kesiapan-pilkada/")
        assert collapsed(page.title()) == f"{collapsed(EVERYTHING)} - {SITE_NAMES[lang]}"
        page.screenshot(path=str(screenshot_dir / f"hostile-meeting-{lang}.png"))
        page.keyboard.press("/")
        page.keyboard.type("alert onerror")
        page.wait_for_selector("[data-epd-search][data-epd-state=done][data-epd-query='alert onerror']")
        page.screenshot(path=str(screenshot_dir / f"hostile-search-{lang}.png"))
        assert page.locator("#epd-search-results li").count() > 0
        assert page.evaluate("() => document.querySelectorAll('#epd-search-results img, "
                             "#epd-search-results script, #epd-search-results svg').length") == 0
        context.close()
    assert dialogs == [] and errors == []
