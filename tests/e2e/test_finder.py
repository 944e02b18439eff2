"""The place finder on the home page and the regions index (issue 28.4), in headless Chromium against the built
seed site: a reader types a name or a short name and reaches its entry, with the keyboard only, on a 375 px phone
and a 1280 px screen, in both languages; what matches; the list of places is fetched only when the field gets
focus; without JavaScript there is no dead control; instant navigation sets the finder up on the page it shows;
axe finds nothing with results shown, in both palettes; screenshots in test-output/screenshots/finder-*.png."""

from __future__ import annotations

from pathlib import Path

import pytest

from quality import AXE_JS, LANGUAGES, excepted, lang_prefix, need_tool, report
from test_accessibility import AXE_TAGS, RUN_AXE
from test_browser import MOBILE, Watch, instant_site  # noqa: F401 - instant_site is a fixture

DEVICES = {375: MOBILE, 1280: {"viewport": {"width": 1280, "height": 900}}}
KINDS = {"id": {"regency": "Kabupaten", "city": "Kota"}, "en": {"regency": "Regency", "city": "City"}}
FINDER = "#epd-finder-input"


def _tab_to_finder(page) -> int:
    """Press Tab from the top of the page until the finder's field has focus; the number of presses."""
    for presses in range(1, 120):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement && document.activeElement.id") == "epd-finder-input":
            return presses
    raise AssertionError(f"Tab never reached the place finder on {page.url}")


def _results(page) -> list[tuple[str, str]]:
    """The shown results: (name, kind and province) of each."""
    return [tuple(pair) for pair in page.eval_on_selector_all(".epd-finder__link", """links => links.map(a => [
        a.querySelector('.epd-finder__name').textContent, a.querySelector('.epd-finder__about').textContent])""")]


def _type(page, text: str) -> None:
    """Clear the field and type `text` as keys; wait for the status line to say how many match."""
    page.locator(FINDER).fill("")
    page.keyboard.type(text)
    page.wait_for_function("() => { const s = document.querySelector('.epd-finder__status'); "
                           "return s.textContent && !/…$/.test(s.textContent); }")


def _assert_target_in_view(page, anchor: str) -> None:
    """The element the address's fragment names is on screen, below the header, and marked."""
    page.locator(f"#{anchor}").wait_for()  # instant navigation changes the address before it swaps the page
    page.wait_for_timeout(300)  # and then scrolls
    box = page.evaluate("""id => {
        const el = document.getElementById(id), header = document.querySelector('.md-header');
        const r = el.getBoundingClientRect(), row = el.closest('tr');
        return {top: r.top, bottom: r.bottom, header: header.getBoundingClientRect().bottom,
                height: innerHeight, target: el.matches(':target'),
                marked: row ? getComputedStyle(row.cells[0]).backgroundColor : ''};
    }""", anchor)
    assert box["target"], f"#{anchor} is not the page's target"
    assert box["header"] <= box["top"] and box["bottom"] <= box["height"], f"#{anchor} is not in view: {box}"
    assert box["marked"] not in ("", "rgba(0, 0, 0, 0)"), f"the line of #{anchor} is not marked: {box}"


def _assert_fits(page, width: int) -> None:
    wide = page.evaluate("""width => [...document.querySelectorAll('.epd-finder, .epd-finder *')]
        .filter(e => e.getBoundingClientRect().right > width + 0.5)
        .map(e => e.className || e.tagName)""", width)
    assert wide == [], f"wider than the {width} px viewport: {wide}"
    assert page.evaluate("document.documentElement.scrollWidth") <= width, "the page scrolls sideways"


@pytest.mark.parametrize("width", list(DEVICES))
@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_reader_reaches_a_place_with_the_keyboard(instant_site, lang: str, width: int):
    browser, site_url = instant_site
    base = site_url + lang_prefix(lang)
    context = browser.new_context(**DEVICES[width])
    try:
        page = context.new_page()
        watch = Watch(page, site_url)
        # Home page: 'Pringsewu', Enter: its line on Lampung's page (it has no page of its own yet).
        page.goto(base, wait_until="networkidle")
        _tab_to_finder(page)
        _type(page, "Pringsewu")
        assert _results(page) == [("Pringsewu", f"{KINDS[lang]['regency']}, Lampung")]
        _assert_fits(page, width)
        page.keyboard.press("Enter")
        page.wait_for_url(base + "regions/lampung/#region-pringsewu")
        _assert_target_in_view(page, "region-pringsewu")

        # Regions index: the short name 'Lamteng', ArrowDown to the result, Enter: Lampung Tengah's page.
        page.goto(base + "regions/", wait_until="networkidle")
        _tab_to_finder(page)
        _type(page, "Lamteng")
        assert _results(page)[0] == ("Lampung Tengah (Lamteng)", f"{KINDS[lang]['regency']}, Lampung")
        page.keyboard.press("ArrowDown")
        assert page.evaluate("document.activeElement.classList.contains('epd-finder__link')")
        page.keyboard.press("Enter")
        page.wait_for_url(base + "regions/lampung-tengah/")
        assert page.locator("article h1").first.is_visible()

        # 'Bandar Lampung': the city, first of the places whose names hold both words.
        page.goto(base + "regions/", wait_until="networkidle")
        _tab_to_finder(page)
        _type(page, "Bandar Lampung")
        assert _results(page)[0] == ("Bandar Lampung", f"{KINDS[lang]['city']}, Lampung")
        _assert_fits(page, width)
        page.keyboard.press("ArrowDown")
        page.keyboard.press("Enter")
        page.wait_for_url(base + "regions/lampung/#region-kota-bandar-lampung")
        _assert_target_in_view(page, "region-kota-bandar-lampung")
        watch.assert_clean(f"place finder ({lang}, {width} px)")
    finally:
        context.close()
    report("place finder", "Pringsewu, Lamteng and Bandar Lampung reached with the keyboard, 375 and 1280 px, "
                           "both languages")


MATCHES = [
    # (language, typed, the results: name and kind, in order)
    ("id", "bekasi", [("Bekasi", "Kabupaten, Jawa Barat"), ("Bekasi", "Kota, Jawa Barat")]),
    ("id", "Kab. Bekasi", [("Bekasi", "Kabupaten, Jawa Barat")]),
    ("id", "kabupaten bekasi", [("Bekasi", "Kabupaten, Jawa Barat")]),
    ("id", "KOTA bekasi", [("Bekasi", "Kota, Jawa Barat")]),
    ("en", "Bekasi city", [("Bekasi", "City, Jawa Barat")]),
    ("en", "bekasi regency", [("Bekasi", "Regency, Jawa Barat")]),
    ("id", "pringséwu", [("Pringsewu", "Kabupaten, Lampung")]),  # diacritics do not count
    ("id", "tengah lampung", [("Lampung Tengah", "Kabupaten, Lampung")]),  # any order of the words
    ("id", "lamp teng", [("Lampung Tengah", "Kabupaten, Lampung")]),  # each word's beginning
    ("id", "LAMTENG", [("Lampung Tengah (Lamteng)", "Kabupaten, Lampung")]),
    ("id", "sewu", []),  # a word's end does not match
    ("id", "Kukar", []),  # no source gives this short name of Kutai Kartanegara yet
]


def test_what_matches(browser, site_url: str):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        for lang in LANGUAGES:
            page.goto(site_url + lang_prefix(lang), wait_until="networkidle")
            page.locator(FINDER).focus()
            for _, typed, expected in (m for m in MATCHES if m[0] == lang):
                _type(page, typed)
                assert _results(page) == expected, typed
                status = page.locator(".epd-finder__status").text_content()
                assert status == {"id": {0: "Tidak ada provinsi, kabupaten, atau kota yang cocok.",
                                         1: "1 daerah cocok.", 2: "2 daerah cocok."},
                                  "en": {1: "1 place matches."}}[lang][len(expected)]
            # 'Lampung': the province first, then the names that begin with it, then the others; eight shown.
            _type(page, "lampung")
            shown = _results(page)
            assert shown[0][0] == "Lampung" and shown[-1] == ("Bandar Lampung", f"{KINDS[lang]['city']}, Lampung")
            assert [name for name, _ in shown[1:6]] == ["Lampung Barat", "Lampung Selatan", "Lampung Tengah",
                                                        "Lampung Timur", "Lampung Utara"]
            _type(page, "a")
            assert len(_results(page)) == 8
            assert page.locator(".epd-finder__status").text_content().endswith(
                {"id": "Hanya 8 yang pertama ditampilkan; ketik nama lebih lengkap untuk mempersempitnya.",
                 "en": "The first 8 are shown; type more of the name to narrow them."}[lang])
            # Escape closes the results; a second Escape clears the field; focus stays in it.
            _type(page, "bekasi")
            page.keyboard.press("ArrowDown")
            page.keyboard.press("ArrowDown")
            page.keyboard.press("Escape")
            assert page.locator(".epd-finder__results").is_hidden()
            assert page.evaluate("document.activeElement.id") == "epd-finder-input"
            page.keyboard.press("ArrowDown")  # the results again
            assert len(_results(page)) == 2
            page.keyboard.press("Escape")
            page.keyboard.press("Escape")
            assert page.locator(FINDER).input_value() == ""
            assert page.locator(".epd-finder__status").text_content() == ""
    finally:
        context.close()


def test_the_list_of_places_is_fetched_when_the_field_gets_focus(browser, site_url: str):
    context = browser.new_context(viewport={"width": 375, "height": 812})
    try:
        page = context.new_page()
        fetched = []
        page.on("request", lambda r: r.url.endswith("places.json") and fetched.append(r.url))
        page.goto(site_url + "en/regions/", wait_until="networkidle")
        assert fetched == []
        page.locator(FINDER).focus()
        page.wait_for_load_state("networkidle")
        assert fetched == [site_url + "en/data/places.json"]
        _type(page, "Pringsewu")
        assert len(fetched) == 1
    finally:
        context.close()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_without_javascript_no_dead_control_and_the_lists_remain(browser, site_url: str, lang: str):
    context = browser.new_context(viewport={"width": 375, "height": 812}, java_script_enabled=False)
    try:
        page = context.new_page()
        for path in ("", "regions/"):
            page.goto(site_url + lang_prefix(lang) + path)
            assert page.locator("form.epd-finder").count() == 1
            assert page.locator("form.epd-finder").is_hidden() and page.locator(FINDER).is_hidden()
        # The regions index links every province's page, where each regency and city has its line.
        page.locator("article a[href='lampung/']").first.click()
        assert page.locator("#region-pringsewu").is_visible()
    finally:
        context.close()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_instant_navigation_sets_up_the_finder_of_the_page_it_shows(instant_site, lang: str):
    browser, site_url = instant_site
    base = site_url + lang_prefix(lang)
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        page.goto(base + "meetings/", wait_until="networkidle")
        page.evaluate("window.epdTestSamePage = true")
        page.locator("nav.md-tabs a[href$='regions/']").first.click()
        page.wait_for_url(base + "regions/")
        assert page.evaluate("window.epdTestSamePage === true"), "not an instant navigation"
        page.locator(FINDER).click()
        _type(page, "Pringsewu")
        assert [name for name, _ in _results(page)] == ["Pringsewu"]
        page.locator(".epd-finder__link").first.click()
        page.wait_for_url(base + "regions/lampung/#region-pringsewu")
        _assert_target_in_view(page, "region-pringsewu")
    finally:
        context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_axe_violations_with_results_shown(browser, site_url: str, lang: str, scheme: str):
    axe_js = need_tool(AXE_JS)
    context = browser.new_context(viewport={"width": 375, "height": 812}, color_scheme=scheme)
    try:
        page = context.new_page()
        problems = []
        for path in ("", "regions/"):
            page.goto(site_url + lang_prefix(lang) + path, wait_until="networkidle")
            assert page.evaluate("document.body.dataset.mdColorScheme") == {"light": "default", "dark": "slate"}[scheme]
            page.locator(FINDER).focus()
            _type(page, "bekasi")
            page.keyboard.press("ArrowDown")  # a result focused: its focus colours are checked too
            page.add_script_tag(path=str(axe_js))
            for violation in page.evaluate(RUN_AXE, AXE_TAGS):
                for node in violation["nodes"]:
                    if not excepted("axe", rule=violation["rule"], target=node["target"]):
                        problems.append(f"{path or 'home'}: {violation['rule']} at {node['target']}: "
                                        f"{node['summary'][:300]}")
        assert problems == []
    finally:
        context.close()


def test_screenshots(browser, site_url: str, screenshot_dir: Path):
    """The finder with results, 375 and 1280 px, both languages, light and dark; and, on the phone, the regions
    index (its coverage chart and table) and a province page, for a person to look at."""
    taken = []
    for scheme in ("light", "dark"):
        for width, device in DEVICES.items():
            context = browser.new_context(color_scheme=scheme, **device)
            try:
                page = context.new_page()
                for lang in LANGUAGES:
                    page.goto(site_url + lang_prefix(lang), wait_until="networkidle")
                    page.locator(FINDER).focus()
                    _type(page, "bekasi")
                    page.keyboard.press("ArrowDown")
                    page.locator(".epd-finder").scroll_into_view_if_needed()
                    page.evaluate("document.querySelector('.epd-finder').scrollIntoView({block: 'center'})")
                    taken.append(screenshot_dir / f"finder-{lang}-{width}-{scheme}.png")
                    page.screenshot(path=str(taken[-1]))
                    if width == 375 and scheme == "light":
                        for name, path in (("regions-index", "regions/"), ("province", "regions/lampung/")):
                            page.goto(site_url + lang_prefix(lang) + path, wait_until="networkidle")
                            taken.append(screenshot_dir / f"finder-{name}-{lang}-375.png")
                            page.screenshot(path=str(taken[-1]), full_page=True)
            finally:
                context.close()
    for file in taken:
        assert file.stat().st_size > 5000, f"{file} looks empty"
    report("place finder screenshots", f"{len(taken)} taken in test-output/screenshots/finder-*.png")
