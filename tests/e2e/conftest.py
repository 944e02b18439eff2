"""Fixtures for browser tests: the built site, served on 127.0.0.1, and headless Chromium."""

from __future__ import annotations

from pathlib import Path

import pytest

from site_fixtures import CHROMIUM, CHROMIUM_ARGS, OUTPUT_DIR, SiteServer


def site_path(site_dir: Path) -> str:
    """The URL path the site is deployed under: the path of the home page's canonical URL ('/digest/')."""
    import re
    from urllib.parse import urlsplit

    home = (site_dir / "index.html").read_text(encoding="utf-8")
    canonical = re.search(r'<link rel="canonical" href="([^"]+)"', home)
    return urlsplit(canonical.group(1)).path if canonical else "/"


@pytest.fixture(scope="session")
def site_url(built_site: Path):
    """Base URL of the built site (ends with '/'), served under the same path as its site_url, so that
    Material's instant navigation (which matches links against sitemap.xml) works as deployed."""
    with SiteServer(built_site, prefix=site_path(built_site)) as server:
        yield server.url


@pytest.fixture(scope="session")
def playwright_driver():
    """The one Playwright driver of the session (the sync API allows only one at a time)."""
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: install Debian's chromium (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        yield playwright


@pytest.fixture(scope="session")
def browser(playwright_driver):
    """Debian's Chromium driven by Playwright; `.ci/run` installs both."""
    browser = playwright_driver.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
    yield browser
    browser.close()


@pytest.fixture
def page(browser):
    """A fresh page at a desktop size; tests may change the viewport."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture(scope="session")
def screenshot_dir() -> Path:
    """Where browser tests keep their screenshots (test-output/screenshots/)."""
    directory = OUTPUT_DIR / "screenshots"
    directory.mkdir(parents=True, exist_ok=True)
    return directory


@pytest.fixture(scope="session")
def output_dir() -> Path:
    """test-output/: reports the gates write (e.g. external-links.txt)."""
    OUTPUT_DIR.mkdir(parents=True, exist_ok=True)
    return OUTPUT_DIR


def pytest_terminal_summary(terminalreporter):
    """One line per reader-facing quality gate: pages checked and what it found."""
    from quality import SUMMARY

    if not SUMMARY:
        return
    terminalreporter.section("reader-facing quality gates")
    for gate in sorted(SUMMARY):
        terminalreporter.write_line(f"{gate}: {SUMMARY[gate]}")
