"""Accessibility gate: axe-core (npm package axe-core, pinned in package.json) injected with Playwright
into one page of every kind, in both languages, in the light and the dark palette, with ZERO violations
of the WCAG 2.0/2.1 A and AA rules and axe's best practices. Fix the palette (extra.css) or the markup;
never disable rules."""

from __future__ import annotations

from pathlib import Path

import pytest

from quality import AXE_JS, LANGUAGES, excepted, lang_prefix, need_tool, page_kinds, report

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]
SCHEMES = {"light": "default", "dark": "slate"}  # our name -> Material's data-md-color-scheme

_checked: dict[tuple[str, str], tuple[int, int]] = {}  # (lang, scheme) -> (pages, violations)

RUN_AXE = """async (tags) => {
  const result = await axe.run(document, {runOnly: {type: "tag", values: tags}, resultTypes: ["violations"]});
  return result.violations.map(v => ({
    rule: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.map(n => ({target: n.target.join(" "), summary: n.failureSummary}))
  }));
}"""


def _switch_palette(page, base: str, scheme: str) -> None:
    """Open the home page and click Material's palette toggle until `scheme` is on (stored per site)."""
    page.goto(base)
    for _ in range(len(SCHEMES)):
        if page.evaluate("document.body.dataset.mdColorScheme") == SCHEMES[scheme]:
            return
        page.locator("form[data-md-component=palette] label.md-header__button:visible").first.click()
    assert page.evaluate("document.body.dataset.mdColorScheme") == SCHEMES[scheme], \
        f"could not switch the palette to {scheme}"


@pytest.mark.parametrize("scheme", list(SCHEMES))
@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_axe_violations(browser, site_url: str, built_site: Path, lang: str, scheme: str):
    axe_js = need_tool(AXE_JS)
    kinds = page_kinds(built_site)
    base = site_url + lang_prefix(lang)
    context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme="light")
    try:
        page = context.new_page()
        _switch_palette(page, base, scheme)
        problems = []
        for kind, path in kinds.items():
            page.goto(base + path, wait_until="load")
            assert page.evaluate("document.body.dataset.mdColorScheme") == SCHEMES[scheme], \
                f"{lang}/{path}: the {scheme} palette did not persist"
            page.add_script_tag(path=str(axe_js))
            for violation in page.evaluate(RUN_AXE, AXE_TAGS):
                for node in violation["nodes"]:
                    if excepted("axe", rule=violation["rule"], target=node["target"]):
                        continue
                    problems.append(f"[{lang} {scheme}] {kind} ({lang_prefix(lang)}{path}): {violation['rule']} "
                                    f"({violation['impact']}: {violation['help']}) at {node['target']}\n"
                                    f"      {node['summary'].replace(chr(10), ' ')[:400]}")
    finally:
        context.close()

    _checked[(lang, scheme)] = (len(kinds), len(problems))
    pages = sum(n for n, _ in _checked.values())
    found = sum(v for _, v in _checked.values())
    runs = ", ".join(f"{lang_} {scheme_}" for lang_, scheme_ in sorted(_checked))
    report("accessibility (axe-core)",
           f"{pages} page checks ({len(kinds)} page kinds × {runs}), tags {','.join(AXE_TAGS)}: "
           f"{found} violations")
    assert not problems, f"{len(problems)} axe violation(s):\n" + "\n".join(problems)
