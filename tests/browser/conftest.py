"""Playwright fixtures: one headless Chromium per test session, one context per set of options, a new page
for each page a test opens.

Playwright cannot download its own browsers here, so the tests drive Debian's Chromium. Pages that
throw an uncaught JavaScript error fail the test that opened them.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, Playwright, sync_playwright

from support.browser import PageFactory
from support.sitehost import CHROMIUM, CHROMIUM_ARGS, VIEWPORTS


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


STORAGE = "cookies,local_storage,session_storage,indexeddb,cache_storage,service_workers"
"""What a site may keep in a browser, cleared after each test for every origin it visited."""


@pytest.fixture(scope="session")
def contexts(browser: Browser) -> Iterator[dict[str, BrowserContext]]:
    """Browser contexts shared by the tests that ask for the same options (screen, scheme, touch, script,
    permissions). A new context costs Chromium about as much as loading a page; each test still gets pages
    of its own, and what its pages stored is cleared after it, so every test makes a first visit."""
    made: dict[str, BrowserContext] = {}
    yield made
    for context in made.values():
        context.close()


class _Pages:
    """The pages one test (or one module) opened, the origins they visited and the errors they threw."""

    def __init__(self, browser: Browser, contexts: dict[str, BrowserContext]) -> None:
        self.browser, self.contexts = browser, contexts
        self.pages: list[Page] = []
        self.errors: list[str] = []
        self.origins: set[str] = set()

    def open(self, **options: Any) -> Page:
        options.setdefault("viewport", VIEWPORTS["desktop"])
        key = json.dumps(options, sort_keys=True)
        if key not in self.contexts:
            self.contexts[key] = self.browser.new_context(**options)
            self.contexts[key].set_default_timeout(5_000)
        page = self.contexts[key].new_page()
        page.on("pageerror", lambda error: self.errors.append(f"{page.url}: {error}"))
        page.on("framenavigated", lambda frame: self._visited(frame.url))
        self.pages.append(page)
        return page

    def _visited(self, url: str) -> None:
        parts = urlsplit(url)
        if parts.scheme in ("http", "https"):
            self.origins.add(f"{parts.scheme}://{parts.netloc}")

    def close(self) -> None:
        """Clear what the pages stored in every origin they visited, close them, and fail on their errors."""
        for page in self.pages:
            session = page.context.new_cdp_session(page)
            for origin in self.origins:
                session.send("Storage.clearDataForOrigin", {"origin": origin, "storageTypes": STORAGE})
            session.detach()
            page.close()
        assert not self.errors, "uncaught JavaScript errors:\n" + "\n".join(self.errors)


@pytest.fixture
def open_page(browser: Browser, contexts: dict[str, BrowserContext]) -> Iterator[PageFactory]:
    """Factory: ``open_page(viewport=..., color_scheme=..., java_script_enabled=..., permissions=...)``, a new
    page in the context shared by the tests that ask for the same options."""
    pages = _Pages(browser, contexts)
    yield pages.open
    pages.close()


@pytest.fixture
def page(open_page: PageFactory) -> Page:
    """A desktop-sized page (1280 x 800), light scheme."""
    return open_page()


@pytest.fixture(scope="module")
def module_page(browser: Browser, contexts: dict[str, BrowserContext]) -> Iterator[Page]:
    """One desktop page shared by the tests of a module, for long series of cheap steps (search)."""
    pages = _Pages(browser, contexts)
    yield pages.open()
    pages.close()
