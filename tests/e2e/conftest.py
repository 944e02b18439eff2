"""Fixtures for browser tests: the built site, served on 127.0.0.1, and headless Chromium."""

from __future__ import annotations

from pathlib import Path

import pytest

from site_fixtures import CHROMIUM, CHROMIUM_ARGS, OUTPUT_DIR, SiteServer


@pytest.fixture(scope="session")
def site_url(built_site: Path):
    """Base URL of the built site (ends with '/')."""
    with SiteServer(built_site) as server:
        yield server.url


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium driven by Playwright; `.ci/run` installs both."""
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: install Debian's chromium (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
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
