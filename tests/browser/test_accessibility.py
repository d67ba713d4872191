"""axe-core on every page type, in the light and the dark scheme: no violations at all."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from support.browser import PageFactory, settle
from support.sitehost import PAGE_TYPES

pytestmark = pytest.mark.browser

AXE = Axe()


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("page_type", PAGE_TYPES)
def test_no_axe_violations(open_page: PageFactory, site_url: str, page_type: str, scheme: str) -> None:
    page = open_page(color_scheme=scheme)
    page.goto(site_url + PAGE_TYPES[page_type])
    settle(page)
    expected = "slate" if scheme == "dark" else "default"
    assert page.locator("body").get_attribute("data-md-color-scheme") == expected
    results = AXE.run(page)
    assert results.violations_count == 0, results.generate_report()
