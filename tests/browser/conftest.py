"""Playwright fixtures: one headless Chromium per test session, one context per set of options, a new page
for each page a test opens.

Playwright cannot download its own browsers here, so the tests drive Debian's Chromium. Pages that
throw an uncaught JavaScript error fail the test that opened them.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, Playwright, sync_playwright

from support.browser import PageFactory, Pages
from support.sitehost import CHROMIUM, CHROMIUM_ARGS


@pytest.fixture(scope="session")
def playwright() -> Iterator[Playwright]:
    with sync_playwright() as driver:
        yield driver


@pytest.fixture(scope="session")
def browser(playwright: Playwright) -> Iterator[Browser]:
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: install Debian's chromium package (make browser)")
    chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
    yield chromium
    chromium.close()


@pytest.fixture(scope="session")
def contexts(browser: Browser) -> Iterator[dict[str, BrowserContext]]:
    """Browser contexts shared by the tests that ask for the same options (screen, scheme, touch, script,
    permissions). A new context costs Chromium about as much as loading a page; each test still gets pages
    of its own, and what its pages stored is cleared after it, so every test makes a first visit."""
    made: dict[str, BrowserContext] = {}
    yield made
    for context in made.values():
        context.close()


@pytest.fixture
def open_page(browser: Browser, contexts: dict[str, BrowserContext]) -> Iterator[PageFactory]:
    """Factory: ``open_page(viewport=..., color_scheme=..., java_script_enabled=..., permissions=...)``, a new
    page in the context shared by the tests that ask for the same options."""
    pages = Pages(browser, contexts)
    yield pages.open
    pages.close()


@pytest.fixture
def page(open_page: PageFactory) -> Page:
    """A desktop-sized page (1280 x 800), light scheme."""
    return open_page()


@pytest.fixture(scope="module")
def module_page(browser: Browser, contexts: dict[str, BrowserContext]) -> Iterator[Page]:
    """One desktop page shared by the tests of a module, for long series of cheap steps (search)."""
    pages = Pages(browser, contexts)
    yield pages.open()
    pages.close()
