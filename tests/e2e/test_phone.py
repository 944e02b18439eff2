"""Issue 31: a reader on a phone finds, trusts and can correct what the digest says. In headless Chromium on the
built site: nothing wider than the screen unless it scrolls inside a container that shows it does (375 and
1280 px, both languages and palettes, every page kind of the seed site and the 404 page), the element a link
points at is marked, the inferred/derived marks explain themselves to the keyboard, the report link fills in the
page's address, the 404 page works from a plain static server, and the language switch keeps the #fragment."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
import yaml

from quality import LANGUAGES, REPO_ROOT, content, first_child_page, lang_prefix, report
from site_fixtures import SiteServer

WIDTHS = {"phone": {"viewport": {"width": 375, "height": 812}, "device_scale_factor": 2, "is_mobile": True,
                    "has_touch": True},
          "desktop": {"viewport": {"width": 1280, "height": 900}}}
SCHEMES = {"light": "default", "dark": "slate"}


def seed_pages(site: Path) -> dict[str, str]:
    c = content()
    region = next(r for r in reversed(c.regencies) if (site / "regions" / r / "index.html").is_file())
    return {"home": "", "meetings index": "meetings/", "meeting": f"meetings/{c.meetings[-1]}/",
            "regions index": "regions/", "region": f"regions/{region}/", "figures": "figures/",
            "agencies": "agencies/", "people": "people/", "topic": first_child_page(site, "topics"),
            "glossary": "glossary/", "404": "404.html"}


# The check, precisely: every rendered element of the page (header, content, footer; hidden ones and the closed
# navigation drawer aside, and what a visually hidden box of 1 px clips) must lie inside the visible box of its nearest ancestor that clips (overflow other
# than visible), or of the viewport when none does. An element beyond that box is allowed only when that
# ancestor scrolls horizontally (overflow-x auto/scroll, scrollWidth > clientWidth) and its frame (.epd-scroll,
# epd-tables.js) shows a fade on that side (its ::before/::after at opacity >= 0.9). The page itself never
# scrolls sideways.
OVERFLOW = """() => {
  const vw = document.documentElement.clientWidth, problems = [];
  const visible = el => el.checkVisibility({visibilityProperty: true, opacityProperty: true});
  const roots = document.querySelectorAll('.md-header, .md-tabs, .md-main .md-content, .md-footer');
  for (const root of roots) for (const el of [root, ...root.querySelectorAll('*')]) {
    if (!visible(el)) continue;
    const r = el.getBoundingClientRect();
    if (r.width < 2 || r.height < 2) continue;  // visually hidden text (1 px)
    let clip = el.parentElement;
    while (clip && getComputedStyle(clip).overflowX === 'visible') clip = clip.parentElement;
    const box = clip && clip !== document.body && clip !== document.documentElement
      ? clip.getBoundingClientRect() : {left: 0, right: vw};
    if (box.right - box.left < 2) continue;  // inside a visually hidden box (a card table's header row)
    const left = r.left < box.left - 1, right = r.right > box.right + 1;
    if (!left && !right) continue;
    const scrolls = clip && ['auto', 'scroll'].includes(getComputedStyle(clip).overflowX)
      && clip.scrollWidth > clip.clientWidth + 1;
    const frame = clip && clip.parentElement && clip.parentElement.closest('.epd-scroll');
    const fade = side => frame && Number(getComputedStyle(frame, side).opacity) >= 0.9;
    if (scrolls && frame && (!left || fade('::before')) && (!right || fade('::after'))) continue;
    problems.push(`${el.tagName}.${el.className} [${Math.round(r.left)}, ${Math.round(r.right)}] in `
                  + (clip ? `${clip.tagName}.${clip.className}` : 'the viewport')
                  + ` [${Math.round(box.left)}, ${Math.round(box.right)}]` + (scrolls ? ' (scrolls without a fade)' : ''));
  }
  const doc = document.documentElement.scrollWidth;
  if (doc > vw) problems.unshift(`the page is ${doc} px wide on a ${vw} px screen`);
  return problems.slice(0, 8);
}"""


@pytest.mark.parametrize("scheme", list(SCHEMES))
@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("width", list(WIDTHS))
def test_nothing_wider_than_the_screen_unless_it_shows_it_scrolls(browser, site_url, built_site, width, lang,
                                                                  scheme):
    context = browser.new_context(color_scheme=scheme, **WIDTHS[width])
    problems = []
    try:
        page = context.new_page()
        for kind, path in seed_pages(built_site).items():
            page.goto(site_url + lang_prefix(lang) + path, wait_until="networkidle")
            assert page.evaluate("document.body.dataset.mdColorScheme") == SCHEMES[scheme]
            page.wait_for_timeout(50)  # epd-tables.js runs on the next frame
            problems += [f"{kind} ({lang_prefix(lang)}{path}): {p}" for p in page.evaluate(OVERFLOW)]
    finally:
        context.close()
    assert not problems, f"{width} {lang} {scheme}:\n" + "\n".join(problems)
    report(f"phone layout ({width})", "every seed page kind and 404, both languages and palettes: "
           "nothing beyond the screen outside a scroll container with a fade")


def _meeting_url(site_url: str, lang: str) -> str:
    return f"{site_url}{lang_prefix(lang)}meetings/{content().meetings[-1]}/"


TARGET_BG = {"default": "rgb(255, 243, 196)", "slate": "rgb(61, 52, 32)"}


@pytest.mark.parametrize("scheme", list(SCHEMES))
@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_element_a_link_points_at_is_marked(browser, site_url, lang, scheme):
    context = browser.new_context(color_scheme=scheme, reduced_motion="reduce", **WIDTHS["phone"])
    try:
        page = context.new_page()
        url = _meeting_url(site_url, lang)
        page.goto(url, wait_until="networkidle")
        background = "id => getComputedStyle(document.getElementById(id)).backgroundColor"
        assert page.evaluate(background, "p-3") != TARGET_BG[SCHEMES[scheme]]
        link = page.locator("#attendance ~ .epd-scroll a[href$='#p-3'], #attendance ~ * a[href$='#p-3']").first
        link.click()
        page.wait_for_function("() => location.hash === '#p-3'")
        assert page.evaluate(background, "p-3") == TARGET_BG[SCHEMES[scheme]]
        # A deep link to a figure, opened directly: its row is marked.
        figure = page.evaluate("document.querySelector('[id^=figure-]').id")
        page.goto(f"{url}#{figure}", wait_until="networkidle")
        row = f"document.getElementById('{figure}').closest('tr')"
        assert page.evaluate(f"getComputedStyle({row}).backgroundColor") == TARGET_BG[SCHEMES[scheme]]
        assert page.evaluate(f"getComputedStyle({row}).animationName") == "none"  # reduced motion
    finally:
        context.close()


def test_a_deep_link_is_marked_after_instant_navigation(instant_site):
    """Material's instant navigation reaches another page's #statement-… with pushState (no :target)."""
    browser, base = instant_site
    context = browser.new_context(**WIDTHS["desktop"])
    try:
        page = context.new_page()
        page.goto(base + "regions/lampung-timur/", wait_until="networkidle")
        page.evaluate("window.__epdNoReload = true")
        link = page.locator("article a[href*='meetings/'][href*='#statement-']").first
        link.click()
        page.wait_for_function("() => location.hash.startsWith('#statement-')")
        page.wait_for_load_state("networkidle")
        assert page.evaluate("window.__epdNoReload === true"), "the click did not use instant navigation"
        page.wait_for_function("() => document.getElementById(location.hash.slice(1)).classList.contains('epd-target')")
    finally:
        context.close()


@pytest.fixture(scope="module")
def instant_site(playwright_driver, site_url):
    from test_browser import INSTANT_HOST
    from site_fixtures import CHROMIUM, CHROMIUM_ARGS

    port = urlsplit(site_url).port
    browser = playwright_driver.chromium.launch(executable_path=CHROMIUM, args=[
        *CHROMIUM_ARGS, f"--host-resolver-rules=MAP {INSTANT_HOST} 127.0.0.1:{port}, EXCLUDE localhost"])
    yield browser, f"http://{INSTANT_HOST}{urlsplit(site_url).path}"
    browser.close()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_inferred_mark_explains_itself_to_the_keyboard(browser, site_url, lang):
    context = browser.new_context(**WIDTHS["phone"])
    try:
        page = context.new_page()
        page.goto(_meeting_url(site_url, lang), wait_until="networkidle")
        mark = page.locator("article a.epd-mark.epd-inferred").first
        why = mark.locator(".epd-mark__why")
        assert why.bounding_box()["width"] <= 1, "the explanation shows before the mark has focus"
        name = mark.evaluate("a => a.textContent")
        assert len(name) > 40, f"the mark's accessible name explains nothing: {name!r}"
        assert mark.get_attribute("title") is None
        mark.focus()
        assert page.evaluate("document.activeElement.classList.contains('epd-mark')")
        assert why.bounding_box()["width"] > 50, "keyboard focus does not show the explanation"
        page.keyboard.press("Enter")
        page.wait_for_url("**/methodology/#inferred")
        assert page.evaluate("document.getElementById('inferred').matches(':target, .epd-target')")
    finally:
        context.close()


def test_report_link_prefills_the_correction_form(browser, site_url, built_site):
    form = yaml.safe_load((REPO_ROOT / ".github/ISSUE_TEMPLATE/report-correction.yml").read_text(encoding="utf-8"))
    field_ids = {item.get("id") for item in form["body"]}
    context = browser.new_context(**WIDTHS["phone"])
    try:
        page = context.new_page()
        for lang in LANGUAGES:
            for kind, path in seed_pages(built_site).items():
                if kind == "404":
                    continue
                page.goto(site_url + lang_prefix(lang) + path, wait_until="domcontentloaded")
                link = page.locator("article .epd-report a.epd-report__link")
                assert link.count() == 1, f"{kind} ({lang}): no report link"
                assert link.inner_text() == {"id": "Laporkan kesalahan di halaman ini",
                                             "en": "Report an error on this page"}[lang]
                url = urlsplit(link.get_attribute("href"))
                query = parse_qs(url.query)
                canonical = page.evaluate("document.querySelector('link[rel=canonical]').href")
                assert (url.scheme, url.netloc, url.path) == ("https", "github.com",
                                                              "/election-prep-digest/digest/issues/new")
                assert query["template"] == ["report-correction.yml"]
                assert set(query) - {"template"} <= field_ids
                assert query["page-url"] == [canonical]
    finally:
        context.close()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_404_from_a_plain_static_server(browser, built_site, lang):
    """`python -m http.server -d site`: the site at /, not under its site_url's path."""
    with SiteServer(built_site, prefix="/") as server:
        context = browser.new_context(**WIDTHS["phone"])
        try:
            page = context.new_page()
            errors = []
            page.on("requestfailed", lambda r: errors.append(r.url))
            page.on("response", lambda r: r.status >= 400 and errors.append(f"{r.status} {r.url}"))
            page.goto(server.url + lang_prefix(lang) + "404.html", wait_until="networkidle")
            assert page.evaluate("document.documentElement.lang") == lang
            assert page.locator("article h1").inner_text() == {"id": "Halaman tidak ditemukan",
                                                               "en": "Page not found"}[lang]
            header = page.evaluate("getComputedStyle(document.querySelector('.md-header')).backgroundColor")
            assert header == "rgb(123, 30, 36)", f"the page is unstyled (header background {header})"
            assert not errors, f"requests failed: {errors}"
            home = page.locator("article a").first
            assert home.evaluate("a => a.href") == server.url + lang_prefix(lang)
            home.click()
            page.wait_for_load_state("networkidle")
            assert page.evaluate("document.documentElement.lang") == lang
        finally:
            context.close()


@pytest.mark.parametrize("start", LANGUAGES)
def test_language_switch_keeps_the_fragment(browser, site_url, start):
    other = next(lang for lang in LANGUAGES if lang != start)
    context = browser.new_context(**WIDTHS["desktop"])
    try:
        page = context.new_page()
        page.goto(_meeting_url(site_url, start) + "#figures", wait_until="networkidle")
        switcher = page.locator(".md-header .md-select")
        switcher.locator("button").hover()
        link = switcher.locator(f"a[hreflang={other}]")
        link.wait_for(state="visible")
        link.click()
        page.wait_for_url(_meeting_url(site_url, other) + "#figures")
        assert page.evaluate("document.documentElement.lang") == other
    finally:
        context.close()


def test_phone_screenshots(browser, site_url, built_site, screenshot_dir):
    """test-output/screenshots/phone-<kind>-<lang>.png: every seed page kind at 375 px, both languages."""
    context = browser.new_context(color_scheme="light", **WIDTHS["phone"])
    taken = 0
    try:
        page = context.new_page()
        for lang in LANGUAGES:
            for kind, path in seed_pages(built_site).items():
                page.goto(site_url + lang_prefix(lang) + path, wait_until="networkidle")
                page.screenshot(path=str(screenshot_dir / f"phone-{kind.replace(' ', '-')}-{lang}.png"), full_page=True)
                taken += 1
    finally:
        context.close()
    report("phone screenshots", f"{taken} full-page screenshots at 375 px in test-output/screenshots/")
