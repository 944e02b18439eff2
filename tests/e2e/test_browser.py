"""What a reader sees, in headless Chromium against the built site served on 127.0.0.1: the home page in
both languages, the language switcher under instant navigation, evidence links to the archived article,
tables on a 375 px phone, and screenshots (test-output/screenshots/)."""

from __future__ import annotations

import shutil
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from quality import LANGUAGES, REPO_ROOT, content, lang_prefix, report

SITE_NAMES = {"id": "Digest Persiapan Pemilu", "en": "Election-Prep Digest"}
MOBILE = {"viewport": {"width": 375, "height": 812}, "device_scale_factor": 2, "is_mobile": True,
          "has_touch": True}
MIN_CELL_WIDTH = 44  # px: a table cell narrower than this on a phone is squeezed (one letter per line)
# The screenshots kept in docs/screenshots/ for the README and docs (`make screenshots` refreshes).
CURATED_SCREENSHOTS = ("home-id.png", "home-en.png", "region-id.png", "region-en.png", "meeting-id.png",
                       "meeting-en.png", "mobile-meeting-id.png")


_done: dict[str, list[str]] = {"home": [], "switcher": [], "phone": []}


def _tally(kind: str, item: str, line) -> None:
    _done[kind].append(item)
    report({"home": "home page", "switcher": "language switcher", "phone": "tables on a 375 px phone"}[kind],
           line(_done[kind]))


class Watch:
    """Console errors, uncaught page errors, failed requests and requests to hosts other than the site."""

    def __init__(self, page, site_url: str):
        self.host = urlsplit(site_url).netloc
        self.errors: list[str] = []
        self.foreign: list[str] = []
        page.on("console", lambda m: m.type == "error" and self.errors.append(f"console: {m.text} {m.location}"))
        page.on("pageerror", lambda e: self.errors.append(f"page error: {e}"))
        # A request the browser itself cancels (net::ERR_ABORTED: a navigation leaving the page while its favicon
        # loads, as Debian 12's Chromium does) is not a failure of the site; any other failure is.
        page.on("requestfailed", lambda r: "ERR_ABORTED" not in (r.failure or "")
                and self.errors.append(f"request failed: {r.url} {r.failure}"))
        page.on("request", self._request)

    def _request(self, request) -> None:
        parts = urlsplit(request.url)
        if parts.scheme in ("data", "blob", "about"):
            return
        if parts.netloc != self.host:
            self.foreign.append(request.url)

    def assert_clean(self, where: str) -> None:
        assert not self.errors, f"{where}: browser errors:\n" + "\n".join(self.errors)
        assert not self.foreign, f"{where}: requests to other hosts:\n" + "\n".join(self.foreign)


def _meeting() -> str:
    return content().meetings[-1]


def _regency() -> str:
    return content().regencies[-1]


# ------------------------------------------------------------------ home page

@pytest.mark.parametrize("lang", LANGUAGES)
def test_home_page_loads(page, site_url: str, lang: str):
    watch = Watch(page, site_url)
    response = page.goto(site_url + lang_prefix(lang), wait_until="networkidle")
    assert response and response.ok
    assert page.evaluate("document.documentElement.lang") == lang
    assert SITE_NAMES[lang] in page.title()
    assert page.locator("article h1").first.is_visible()
    watch.assert_clean(f"home page ({lang})")
    _tally("home", lang, lambda done: f"{len(done)} home pages ({', '.join(done)}): lang, title, no console "
                                      "errors, no requests to other hosts")


# ------------------------------------------------------------------ language switcher

def _instant_to(page, url: str) -> None:
    """Click the first link in the article that leads to `url`, as a reader would (instant navigation)."""
    found = page.evaluate("""url => {
        const a = [...document.querySelectorAll('article a[href]')].find(a => a.href === url);
        if (a) a.setAttribute('data-epd-test-target', '');
        return !!a;
    }""", url)
    assert found, f"no link to {url} on {page.url}"
    page.locator("article a[data-epd-test-target]").first.click()
    page.wait_for_url(url)
    page.wait_for_load_state("networkidle")


def _switch_language(page, lang: str) -> None:
    """Open the switcher in the header and click the other language."""
    switcher = page.locator(".md-header .md-select")
    switcher.locator("button").hover()
    link = switcher.locator(f"a[hreflang={lang}]")
    link.wait_for(state="visible")
    link.click()
    page.wait_for_load_state("networkidle")


INSTANT_HOST = "epd-site.test"  # a reserved TLD: never a real host


@pytest.fixture(scope="module")
def instant_site(playwright_driver, site_url: str):
    """(browser, base URL) for instant navigation. Material matches clicked links against sitemap.xml
    after replacing only the scheme and host name of its URLs, not the port, so instant navigation never
    happens on a server with an explicit port. This Chromium maps a port-less test host name to the same
    127.0.0.1 server (--host-resolver-rules), so the site runs as deployed: same path, default port."""
    from site_fixtures import CHROMIUM, CHROMIUM_ARGS

    port = urlsplit(site_url).port
    browser = playwright_driver.chromium.launch(executable_path=CHROMIUM, args=[
        *CHROMIUM_ARGS, f"--host-resolver-rules=MAP {INSTANT_HOST} 127.0.0.1:{port}, EXCLUDE localhost"])
    yield browser, f"http://{INSTANT_HOST}{urlsplit(site_url).path}"
    browser.close()


@pytest.mark.parametrize(("index", "target"), [
    ("regions/{province}/", "regions/{regency}/"),  # the province's page lists its regencies (the index, 38 provinces)
    ("meetings/", "meetings/{meeting}/"),
    ("people/", "people/{initial}/"),
], ids=["region", "meeting", "people"])
@pytest.mark.parametrize("start", LANGUAGES)
def test_language_switcher_keeps_the_page(instant_site, start: str, index: str, target: str):
    browser, site_url = instant_site
    other = next(lang for lang in LANGUAGES if lang != start)
    target = target.format(regency=_regency(), meeting=_meeting(), initial=content().people[0][0])
    index = index.format(province=content().provinces[0])
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    watch = Watch(page, site_url)

    # Arrive at the page through instant navigation (the header is then NOT re-rendered).
    page.goto(site_url + lang_prefix(start) + index, wait_until="networkidle")
    page.evaluate("window.__epdNoReload = true")
    _instant_to(page, site_url + lang_prefix(start) + target)
    assert page.evaluate("window.__epdNoReload === true"), "the click did not use instant navigation"

    for lang, expected in ((other, lang_prefix(other) + target), (start, lang_prefix(start) + target)):
        _switch_language(page, lang)
        page.wait_for_url(site_url + expected)
        assert page.evaluate("document.documentElement.lang") == lang, \
            f"after switching to {lang} at {expected}, <html lang> is not {lang}"
        current = page.locator(f".md-header .md-select a[hreflang={lang}]")
        assert current.get_attribute("aria-current") == "true"
        assert page.locator("article h1").first.is_visible()
    watch.assert_clean(f"language switcher from {start} {target}")
    context.close()
    _tally("switcher", f"{start}:{target}", lambda done: f"{len(done)} pages (region, meeting, "
           "people by initial; from each language) reached by instant navigation, switched there and back, same page")


# ------------------------------------------------------------------ evidence links

def _passages(evidence) -> list[str]:
    from generator.verify import normalise

    if not evidence:
        return []
    return [normalise(p) for p in ([evidence] if isinstance(evidence, str) else evidence)]


def _evidence_cases(sheet) -> list[tuple[str, str, list[str]]]:
    """(what, XPath of the element holding the ¶ links, evidence passages) for several facts."""
    cases = [("meeting", "(//article//table)[1]//tr[last()]", _passages(sheet.meeting.evidence))]
    for figure in sheet.figures[:4]:
        cases.append((f"figure {figure.id}", f"//tr[.//*[@id='figure-{figure.id}']]", _passages(figure.evidence)))
    for number, entry in enumerate(sheet.attendance[:3], start=1):
        cases.append((f"attendance row {number}", f"//h2[@id='attendance']/following::table[1]/tbody/tr[{number}]",
                       _passages(entry.evidence)))
    return [case for case in cases if case[2]]


@pytest.mark.parametrize("slowdown", [1, 4], ids=["full-speed", "cpu-4x-slower"])
@pytest.mark.parametrize("lang", LANGUAGES)
def test_evidence_links_reach_the_passage(instant_site, lang: str, slowdown: int):
    """On the meeting page, as deployed (instant navigation on), click the ¶ links of several facts;
    also on a CPU four times slower (a cheap phone, a loaded CI runner), where Material's own replay of
    same-page links left the page unscrolled until epd-anchors.js handed them back to the browser."""
    from generator.load import load_content
    from generator.verify import normalise

    browser, site_url = instant_site
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    context.new_cdp_session(page).send("Emulation.setCPUThrottlingRate", {"rate": slowdown})
    sheet = next(s for s in load_content(REPO_ROOT / "content").sheets if s.id == _meeting())
    url = f"{site_url}{lang_prefix(lang)}meetings/{sheet.id}/"
    watch = Watch(page, site_url)
    page.goto(url, wait_until="networkidle")
    cases = _evidence_cases(sheet)
    assert len(cases) >= 5, "expected several facts with evidence on the meeting page"
    clicked = 0
    for what, xpath, passages in cases:
        # Written as href="#p-N"; Material's instant navigation may rewrite it to an absolute URL.
        links = page.locator(f"xpath={xpath}").locator("a[href*='#p-']")
        assert links.count() >= 1, f"{what}: no ¶ evidence link"
        texts = []
        for i in range(links.count()):
            link = links.nth(i)
            target, fragment = link.evaluate("a => [a.href.split('#')[0], a.hash]")
            assert target == url, f"{what}: evidence link {fragment} leads to another page: {target}"
            assert link.inner_text().strip() == "¶" + fragment.removeprefix("#p-")
            link.click()
            page.wait_for_function("h => location.hash === h", arg=fragment)
            try:  # scrolling (smooth, if any) has brought the passage below the header
                page.wait_for_function("""id => {
                    const r = document.getElementById(id).getBoundingClientRect();
                    const header = document.querySelector('.md-header').getBoundingClientRect();
                    return r.top >= header.bottom - 1 && r.top < innerHeight - 20;
                }""", arg=fragment[1:], timeout=3000)
            except PlaywrightTimeoutError:
                pass  # the assertion below reports where the passage is
            box = page.evaluate("""id => {
                const el = document.getElementById(id), r = el.getBoundingClientRect();
                const header = document.querySelector('.md-header').getBoundingClientRect();
                return {top: r.top, bottom: r.bottom, header: header.bottom, height: innerHeight,
                        text: el.innerText};
            }""", fragment[1:])
            assert box["top"] >= box["header"] - 1 and box["top"] < box["height"] - 20, \
                f"{what}: {fragment} is not in view below the header after clicking its link: {box}"
            texts.append(normalise(box["text"]))
            assert any(p in texts[-1] for p in passages), \
                f"{what}: {fragment} does not contain the evidence passage(s) {passages}: {box['text']!r}"
            clicked += 1
        for passage in passages:
            assert any(passage in text for text in texts), f"{what}: no linked paragraph holds {passage!r}"
    speed = "full speed" if slowdown == 1 else f"CPU {slowdown}x slower"
    watch.assert_clean(f"evidence links ({lang}, {speed})")
    context.close()
    report(f"evidence links ({lang}, {speed})", f"{clicked} ¶ links clicked on {sheet.id}, all reached their passage")


# ------------------------------------------------------------------ tables on a phone

TABLE_METRICS = """min => {
  const vw = document.documentElement.clientWidth;
  const tables = [...document.querySelectorAll('article table')].map((t, i) => {
    const wrap = t.closest('.md-typeset__scrollwrap, .epd-table-scroll') || t.parentElement;
    const scroller = [t, t.parentElement, wrap].find(el => ['auto', 'scroll'].includes(getComputedStyle(el).overflowX)
                                                     && el.scrollWidth > el.clientWidth + 1);
    const squeezed = [...t.querySelectorAll('th, td')]
      .filter(c => c.innerText.trim().length > 2 && c.getBoundingClientRect().width < min)
      .map(c => [Math.round(c.getBoundingClientRect().width), c.innerText.trim().slice(0, 30)]);
    const r = wrap.getBoundingClientRect();
    return {i, wide: t.scrollWidth > vw, scrolls: !!scroller, wrapLeft: r.left, wrapRight: r.right,
            squeezed};
  });
  return {vw, innerWidth, docWidth: document.documentElement.scrollWidth, bodyWidth: document.body.scrollWidth, tables};
}"""


@pytest.mark.parametrize("path", ["meetings/{meeting}/", "regions/{regency}/", "figures/"],
                         ids=["meeting", "region", "figures"])
@pytest.mark.parametrize("lang", LANGUAGES)
def test_tables_scroll_inside_on_a_phone(browser, site_url: str, lang: str, path: str):
    context = browser.new_context(**MOBILE)
    try:
        page = context.new_page()
        page.goto(site_url + lang_prefix(lang) + path.format(meeting=_meeting(), regency=_regency()),
                  wait_until="networkidle")
        metrics = page.evaluate(TABLE_METRICS, MIN_CELL_WIDTH)
    finally:
        context.close()
    assert metrics["tables"], "no tables on the page"
    width = MOBILE["viewport"]["width"]
    assert metrics["vw"] == width and metrics["innerWidth"] == width, \
        f"the layout viewport grew past the {width} px screen: {metrics}"
    assert metrics["docWidth"] <= width and metrics["bodyWidth"] <= width, \
        f"the page is wider than the {width} px screen: {metrics['docWidth']} px"
    for table in metrics["tables"]:
        assert table["wrapLeft"] >= 0 and table["wrapRight"] <= metrics["vw"] + 0.5, f"table wrapper overflows: {table}"
        if table["wide"]:
            assert table["scrolls"], f"table {table['i']} is wider than the screen but does not scroll: {table}"
        assert not table["squeezed"], \
            f"table {table['i']}: cells squeezed below {MIN_CELL_WIDTH} px: {table['squeezed'][:5]}"
    _tally("phone", f"{len(metrics['tables'])}", lambda done: f"{len(done)} pages, {sum(map(int, done))} tables: "
           "no page wider than the screen, wide tables scroll inside their wrapper, no squeezed cells")


# ------------------------------------------------------------------ screenshots

def test_screenshots(browser, site_url: str, screenshot_dir: Path):
    """Desktop and phone screenshots in both languages (home, a region, a meeting); curated copies are
    refreshed in docs/screenshots/ by `make screenshots`."""
    pages = {"home": "", "region": f"regions/{_regency()}/", "meeting": f"meetings/{_meeting()}/"}
    taken = []
    for device, options in (("desktop", {"viewport": {"width": 1280, "height": 900}}), ("mobile", MOBILE)):
        context = browser.new_context(color_scheme="light", **options)
        try:
            page = context.new_page()
            for lang in LANGUAGES:
                for name, path in pages.items():
                    # On the phone, show a meeting's attendance table: it scrolls inside its wrapper.
                    anchor = "#attendance" if device == "mobile" and name == "meeting" else ""
                    page.goto(site_url + lang_prefix(lang) + path + anchor, wait_until="networkidle")
                    file = screenshot_dir / f"{'mobile-' if device == 'mobile' else ''}{name}-{lang}.png"
                    page.screenshot(path=str(file))
                    taken.append(file)
        finally:
            context.close()
    for file in taken:
        assert file.stat().st_size > 5000, f"{file} looks empty"
    assert {f.name for f in taken} >= set(CURATED_SCREENSHOTS)
    report("screenshots", f"{len(taken)} taken in test-output/screenshots/")


def copy_curated(screenshot_dir: Path, dest: Path) -> None:
    dest.mkdir(parents=True, exist_ok=True)
    for name in CURATED_SCREENSHOTS:
        shutil.copyfile(screenshot_dir / name, dest / name)


if __name__ == "__main__":  # `make screenshots`: test_browser.py --copy-curated SRC DEST
    import sys

    if len(sys.argv) == 4 and sys.argv[1] == "--copy-curated":
        copy_curated(Path(sys.argv[2]), Path(sys.argv[3]))
    else:
        sys.exit("usage: test_browser.py --copy-curated SCREENSHOT_DIR DEST_DIR")
