"""Charts as a reader sees them (issue 19), in headless Chromium: on a 375 px phone and at desktop width, in
both palettes and both languages, no chart text runs past the screen, and every bar stands out from the page
background (WCAG 1.4.11 asks 3:1 for the parts of a graphic one needs to understand it)."""

from __future__ import annotations

import pytest

from quality import LANGUAGES, content, lang_prefix, report

_seen: list[str] = []


def _pages() -> list[str]:
    return ["meetings/", f"regions/{content().regencies[-1]}/", "figures/"]


def _luminance(rgb) -> float:
    def channel(c: float) -> float:
        c = c / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (channel(c) for c in rgb[:3])
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def _contrast(a, b) -> float:
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


_MEASURE = """() => {
  const rgb = (s) => s.match(/[\\d.]+/g).slice(0, 3).map(Number);
  const width = document.documentElement.clientWidth;
  const background = rgb(getComputedStyle(document.querySelector('.md-main')).backgroundColor === 'rgba(0, 0, 0, 0)'
      ? getComputedStyle(document.body).backgroundColor : getComputedStyle(document.querySelector('.md-main')).backgroundColor);
  return [...document.querySelectorAll('.epd-chart')].map((chart) => ({
    overflow: [...chart.querySelectorAll('text')].filter((t) => t.getBoundingClientRect().right > width + 0.5)
        .map((t) => t.textContent),
    bars: [...chart.querySelectorAll('rect')].map((r) => rgb(getComputedStyle(r).fill)),
    background,
  }));
}"""


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [375, 1280])
def test_charts_fit_the_screen_and_stand_out_in_both_palettes(browser, site_url: str, lang: str, scheme: str,
                                                              width: int):
    context = browser.new_context(viewport={"width": width, "height": 800}, color_scheme=scheme)
    page = context.new_page()
    charts = 0
    try:
        for path in _pages():
            page.goto(f"{site_url}{lang_prefix(lang)}{path}")
            if scheme == "dark":  # Material follows the palette toggle, stored per site
                page.evaluate("() => document.body.setAttribute('data-md-color-scheme', 'slate')")
            for chart in page.evaluate(_MEASURE):
                charts += 1
                assert chart["overflow"] == [], f"{path} at {width} px: text past the screen: {chart['overflow']}"
                lowest = min(_contrast(bar, chart["background"]) for bar in chart["bars"])
                assert lowest >= 3, f"{path} ({scheme}): a bar has contrast {lowest:.2f}:1 with the page"
    finally:
        context.close()
    assert charts >= len(_pages())
    _seen.append(f"{lang} {scheme} {width}px")
    report("charts", f"{len(_seen)} runs ({', '.join(_seen)}): {charts} charts on {len(_pages())} pages each, "
                     "no text past the screen, every bar at least 3:1 against the page")
