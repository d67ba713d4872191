"""The browser kit itself: tests share contexts, so what one test's pages store must not reach the next."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, BrowserContext

from support.browser import Pages

pytestmark = pytest.mark.browser


def test_what_a_tests_pages_stored_is_gone_for_the_next_test(
    browser: Browser, contexts: dict[str, BrowserContext], site_url: str
) -> None:
    first = Pages(browser, contexts)
    page = first.open(color_scheme="light")
    page.goto(site_url)
    page.evaluate("() => { localStorage.setItem('left', '1'); sessionStorage.setItem('left', '1'); }")
    page.context.add_cookies([{"name": "left", "value": "1", "url": site_url}])
    first.close()
    second = Pages(browser, contexts)
    page = second.open(color_scheme="light")
    assert page.context in contexts.values()
    page.goto(site_url)
    left = page.evaluate("() => [localStorage.getItem('left'), sessionStorage.getItem('left'), document.cookie]")
    second.close()
    assert left == [None, None, ""], f"the next test found what the last one stored: {left}"
