"""Valid-HTML gate: the W3C Nu HTML checker (npm package vnu-jar, pinned in package.json) on EVERY
HTML page of the built site, in one JVM, with zero errors. Markup the theme emits and we cannot change
is excepted in tests/quality_exceptions.yaml (under `html:`), each entry with its reason."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from quality import VNU_JAR, excepted, html_pages, java, need_tool, report, run


def test_every_page_is_valid_html(built_site: Path):
    pages = html_pages(built_site)
    assert len(pages) > 50, f"only {len(pages)} HTML pages in {built_site}"
    result = run([java(), "-Xss4m", "-jar", str(need_tool(VNU_JAR)), "--format", "json", "--exit-zero-always",
                  *map(str, pages)], timeout=600)
    try:
        messages = json.loads(result.stderr)["messages"]
    except (json.JSONDecodeError, KeyError) as error:
        raise AssertionError(f"vnu gave no JSON report ({error}):\n{result.stdout}\n{result.stderr[-3000:]}")

    errors, excused, warnings = [], Counter(), 0
    for message in messages:
        kind = message.get("type")
        if kind == "info":
            warnings += message.get("subType") == "warning"
            continue
        entry = excepted("html", message=message.get("message", ""), extract=message.get("extract", ""))
        if entry and kind == "error":
            excused[entry["message"]] += 1
            continue
        page = message.get("url", "").split(str(built_site), 1)[-1].lstrip("/")
        errors.append(f"{page}:{message.get('lastLine', '?')}: {kind}: {message.get('message')}\n"
                      f"    {message.get('extract', '').strip()[:200]!r}")

    report("valid HTML (W3C Nu checker)",
           f"{len(pages)} pages, {len(errors)} errors, {warnings} warnings, "
           f"{sum(excused.values())} theme errors excepted by {len(excused)} rule(s) in quality_exceptions.yaml")
    assert not errors, f"{len(errors)} HTML error(s):\n" + "\n".join(errors[:60])
