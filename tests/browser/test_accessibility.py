"""axe-core on every page type, in the light and the dark scheme: no violations at all."""

from __future__ import annotations

import pytest
from axe_playwright_python.base import AxeResults
from axe_playwright_python.sync_playwright import Axe

from support.browser import PageFactory, settle
from support.sitehost import PAGE_TYPES

pytestmark = pytest.mark.browser

AXE = Axe()
"""axe-core's script, put into each page once and run for each scheme."""
SCHEMES = {"light": "default", "dark": "slate"}
"""Each scheme a reader's system may ask for, and the scheme the page then shows."""
EVERY_RULE = "axe.run({resultTypes: ['violations']})"
COLOUR_RULES = (
    "axe.run({runOnly: {type: 'rule', values: ['color-contrast', 'link-in-text-block']}, resultTypes: ['violations']})"
)
"""A scheme changes colours only (the page and its markup stay as they are): after every rule in the first
scheme, the second runs the rules that read colours. On the FAQ page, that halves the test's time."""


@pytest.mark.parametrize("page_type", PAGE_TYPES)
def test_no_axe_violations_in_either_scheme(open_page: PageFactory, site_url: str, page_type: str) -> None:
    """The page is opened once, in the light scheme, and checked; the reader's system then turns dark, the
    page follows it (a first visit's choice is "automatic"), and its colours are checked again."""
    page = open_page(color_scheme="light")
    page.goto(site_url + PAGE_TYPES[page_type])
    settle(page)
    reports = []
    page.evaluate(AXE.axe_script)
    for run, (scheme, shown) in zip([EVERY_RULE, COLOUR_RULES], SCHEMES.items(), strict=True):
        page.emulate_media(color_scheme=scheme)
        page.wait_for_function(f"document.body.getAttribute('data-md-color-scheme') === '{shown}'")
        results = AxeResults(page.evaluate(run))
        if results.violations_count:
            reports.append(f"{scheme}:\n{results.generate_report()}")
    assert not reports, "\n".join(reports)
