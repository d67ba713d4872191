"""Playwright fixtures: one headless Chromium per test session, a fresh context for each page a test opens.

Playwright cannot download its own browsers here, so the tests drive Debian's Chromium. Pages that
throw an uncaught JavaScript error fail the test that opened them.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, Playwright, sync_playwright

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


def _open(browser: Browser, errors: list[str], **options: Any) -> Page:
    """A page in a new context (own storage, so no palette or search state leaks between tests)."""
    options.setdefault("viewport", VIEWPORTS["desktop"])
    context = browser.new_context(**options)
    context.set_default_timeout(5_000)
    page = context.new_page()
    page.on("pageerror", lambda error: errors.append(f"{page.url}: {error}"))
    return page


@pytest.fixture
def open_page(browser: Browser) -> Iterator[PageFactory]:
    """Factory: ``open_page(viewport=..., color_scheme=..., java_script_enabled=..., permissions=...)``."""
    pages: list[Page] = []
    errors: list[str] = []

    def factory(**options: Any) -> Page:
        page = _open(browser, errors, **options)
        pages.append(page)
        return page

    yield factory
    for page in pages:
        page.context.close()
    assert not errors, "uncaught JavaScript errors:\n" + "\n".join(errors)


@pytest.fixture
def page(open_page: PageFactory) -> Page:
    """A desktop-sized page (1280 x 800), light scheme."""
    return open_page()


@pytest.fixture(scope="module")
def module_page(browser: Browser) -> Iterator[Page]:
    """One desktop page shared by the tests of a module, for long series of cheap steps (search)."""
    errors: list[str] = []
    page = _open(browser, errors)
    yield page
    page.context.close()
    assert not errors, "uncaught JavaScript errors:\n" + "\n".join(errors)
