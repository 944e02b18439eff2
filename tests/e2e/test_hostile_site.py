"""The fixture with hostile text in every field (tests/hostile.py), built as `make site` builds (MkDocs, Material,
Pagefind) and opened in headless Chromium: no element or script the site did not make, titles that read as the
text they were given, and no dialog on any page kind or in search, in both languages. Escaped text must also stay
text after the theme's scripts read it: glossary definitions shown as tooltips, and text too long for a navigation
or contents entry or the header, hovered and focused."""

from __future__ import annotations

import html.parser
import re
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

import pytest

import yaml

from fixtures import dump_yaml
from hostile import EVERYTHING, collapsed, hostile_tree
from site_fixtures import REPO_ROOT, SiteServer, write_stand_in_pages

SITE_NAMES = {"id": "Digest Persiapan Pemilu", "en": "Election-Prep Digest"}
PAGES = ("", "meetings/2024-11-18-pelita-rakor-kesiapan-pilkada/", "regions/pelita/", "regions/nusa-harapan/",
         "agencies/kpu/", "topics/funding/", "glossary/", "people/other/", "timeline/", "figures/", "data/",
         "meetings/", "regions/", "agencies/", "topics/", "people/", "corrections/")

# Markup that a theme script reading a `title` or `innerText` into innerHTML would bring back to life: a glossary
# definition (an <abbr title>), and an agency name without spaces (too wide for its navigation and contents
# entries, so Material's ellipsis patch copies its innerText into a title).
ALIVE = "<img src=x onerror=alert(document.domain)> <svg onload=alert(document.domain)>"
# An expansion must spell its term (check: names.spells), so the live one also holds '1' and 'wzxhzdk'.
# (first: the placeholder test looks for 'wzxhzdk:', which the title 'expansion: definition' would then hold)
ALIVE_EXPANSION = f"1 wzxhzdk {ALIVE}"
WIDE_NAME = ("Kpu<img/src=x/onerror=alert(document.domain)><svg/onload=alert(document.domain)>"
             "KomisiPemilihanUmumKotaPelitaNusaHarapan")
# Glossary terms that are a digit and the word in Python-Markdown's stash placeholders (\x02wzxhzdk:1\x03).
PLACEHOLDER_TERMS = ("1", "wzxhzdk")


def _with_live_terms(root: Path) -> Path:
    """The hostile tree, plus glossary terms that its text uses ('alert' is in every field) with ALIVE as their
    expansion and definition, the placeholder terms, and one agency named WIDE_NAME."""
    content = root / "content"
    glossary = yaml.safe_load((content / "registry" / "glossary.yaml").read_text(encoding="utf-8"))
    glossary["terms"] += [{"term": term, "expansion": ALIVE_EXPANSION, "definition": {"id": ALIVE, "en": ALIVE}}
                          for term in ("alert", *PLACEHOLDER_TERMS)]
    (content / "registry" / "glossary.yaml").write_text(dump_yaml("registry/glossary.yaml", glossary), "utf-8")
    agencies = yaml.safe_load((content / "registry" / "agencies.yaml").read_text(encoding="utf-8"))
    next(a for a in agencies["agencies"] if a["id"] == "kpu-pelita")["name"] = WIDE_NAME
    (content / "registry" / "agencies.yaml").write_text(dump_yaml("registry/agencies.yaml", agencies), "utf-8")
    return root


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory) -> Path:
    """The hostile fixture built into a site with the repository's theme, overrides and assets."""
    root = _with_live_terms(hostile_tree(tmp_path_factory.mktemp("hostile-site") / "repo"))
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
        self.text = ""  # the body's text, as a reader sees it (not scripts' or styles')
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
        if "body" in self._in and not {"script", "style"} & set(self._in[-1:]):
            self.text += data
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
            # The theme's own scripts: relative (the 404 page's to the base it sets), or under the site's path.
            assert not src or re.match(r"^((\.\./)*|\./|/digest/(en/)?)assets/javascripts/", src), (where, src)


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


def test_glossary_terms_never_match_inside_python_markdowns_placeholders(hostile_site):
    """Terms '1' and 'wzxhzdk' used to be wrapped in <abbr> inside the stash placeholders (\\x02wzxhzdk:1\\x03), so the
    stashed HTML never came back: pages carried raw U+0002/U+0003 and lost their escaped text."""
    pages = sorted(hostile_site.rglob("*.html"))
    broken = [str(path.relative_to(hostile_site)) for path in pages
              if re.search("[\x02\x03]|wzxhzdk:|klzzwxh:", path.read_text(encoding="utf-8"))]
    assert broken == []
    for prefix in ("", "en/"):
        page = hostile_site / prefix / "meetings" / "2024-11-18-pelita-rakor-kesiapan-pilkada" / "index.html"
        parsed = _Page()
        parsed.feed(page.read_text(encoding="utf-8"))
        assert collapsed(EVERYTHING) in collapsed(parsed.text), prefix  # the escaped text, back as text
        assert '<abbr title="' in page.read_text(encoding="utf-8")  # and the terms still explained


# What the tooltips and titles may show: the text as given (Material's tooltip adds nothing around it).
_SHOWN_TOOLTIPS = """() => [...document.querySelectorAll('[role=tooltip]')]
    .filter(t => t.getBoundingClientRect().width > 0 && getComputedStyle(t).opacity !== '0')
    .map(t => t.textContent.trim())"""
_INJECTED = """() => [...document.querySelectorAll(
    'img[src="x"], svg[onload], [onclick], [onerror], [onload], [onmouseover], a[href^="javascript:"]')]
    .map(e => e.outerHTML.slice(0, 120))"""
_WIDE = """() => [...document.querySelectorAll('.md-ellipsis')]
    .filter(e => e.scrollWidth > e.offsetWidth && e.getClientRects().length)
    .map(e => { e.setAttribute('data-test-wide', ''); return e.innerText; })"""

_UNDER_THE_POINTER = """e => { const r = e.getBoundingClientRect();
    const hit = document.elementFromPoint(r.x + Math.min(r.width / 2, 20), r.y + r.height / 2);
    return !!hit && e.contains(hit); }"""


@pytest.mark.parametrize("lang", ["id", "en"])
def test_markup_stays_text_in_tooltips_hovered_and_focused(hostile_site, browser, lang, screenshot_dir):
    """Every glossary abbreviation and every entry too wide for its space (navigation, contents, header), hovered
    and focused: the tooltip shows the text, and no element, handler or dialog comes to life."""
    prefix = "" if lang == "id" else "en/"
    canonical = re.search(r'<link rel="canonical" href="([^"]+)"', (hostile_site / "index.html").read_text("utf-8"))
    definition = f"{ALIVE_EXPANSION}: {ALIVE}"
    with SiteServer(hostile_site, prefix=urlsplit(canonical.group(1)).path) as server:
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        page = context.new_page()
        dialogs, errors = [], []
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        page.on("pageerror", lambda error: errors.append(str(error)))
        hovered = {"abbr": 0, "wide": 0}
        for path in ("glossary/", "meetings/2024-11-18-pelita-rakor-kesiapan-pilkada/", "regions/pelita/",
                     "agencies/kpu/"):
            page.goto(server.url + prefix + path)
            page.wait_for_load_state("load")
            abbrs = page.locator(f"abbr[title='{definition}']")
            focusable = page.locator(f"abbr[title='{definition}'][tabindex='0']")
            assert abbrs.count() > 0 and focusable.count() > 0, path  # a keyboard reaches each term once
            shows = [abbrs.nth(n).hover for n in range(min(abbrs.count(), 4))]  # in the text, a table, a heading
            shows += [focusable.nth(n).focus for n in range(focusable.count())]
            for show in shows:
                page.mouse.move(0, 0)
                page.evaluate("() => document.activeElement && document.activeElement.blur()")
                show()
                page.wait_for_timeout(300)
                assert page.evaluate(_INJECTED) == [], (path, show.__name__)
                assert page.evaluate(_SHOWN_TOOLTIPS) == [definition], (path, show.__name__)
                hovered["abbr"] += 1
            for _ in range(3):  # Material's ellipsis patch looks at an entry once it has been scrolled into view
                page.evaluate("() => document.querySelectorAll('.md-ellipsis').forEach(e => e.scrollIntoView())")
                page.wait_for_timeout(100)
            page.evaluate("() => window.scrollTo(0, 0)")
            wide = page.evaluate(_WIDE)
            for number, text in enumerate(wide):
                entry = page.locator("[data-test-wide]").nth(number)
                link = entry.locator("xpath=ancestor::a[1]")
                host = link if link.count() else entry
                shows = [host.focus] if link.count() else []
                for scroll in (0, 600):  # the header shows the page's title once the page is scrolled
                    page.evaluate(f"() => window.scrollTo(0, {scroll})")
                    entry.evaluate("e => e.scrollIntoView({block: 'nearest'})")
                    if entry.evaluate(_UNDER_THE_POINTER):
                        # Under the pointer already (checked above): hover without waiting for the header's
                        # title to stop its transition, which a loaded machine can stretch past the timeout
                        def hover(host=host):
                            host.hover(force=True)
                        shows.append(hover)
                        break
                for show in shows:
                    page.mouse.move(0, 0)
                    show()
                    page.wait_for_timeout(300)
                    assert page.evaluate(_INJECTED) == [], (path, text, show.__name__)
                    hovered["wide"] += 1
            page.screenshot(path=str(screenshot_dir / f"hostile-tooltips-{lang}-{path.split('/')[0]}.png"))
        context.close()
    assert hovered["abbr"] >= 8 and hovered["wide"] >= 4, hovered
    assert dialogs == [] and errors == []
