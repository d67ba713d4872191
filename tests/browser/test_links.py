"""Links a reader follows or shares: cold deep links, aliases, the summary table's cells, permalinks."""

from __future__ import annotations

import posixpath

import pytest
from playwright.sync_api import Page

from sitegen import addresses as at
from sitegen.addresses import Css
from sitegen.model import Site
from support.browser import PageFactory, assert_lands_below_header, fragment, path_of
from support.sitehost import PAGE_TYPES, VIEWPORTS

pytestmark = pytest.mark.browser


def deep_link_targets(site: Site) -> list[tuple[str, str]]:
    """(page, anchor) for the last point of the longest aspect, one tool's section in it, the last question."""
    aspect = max(site.aspects, key=lambda a: len(a.points))
    point = aspect.points[-1]
    tool = site.tools[-1]
    shared = next((a, p) for a in site.aspects for p in a.points if p.shared)
    return [
        (at.url_of(at.aspect_page(aspect.id)), point.id),
        (at.url_of(at.aspect_page(aspect.id)), at.tool_anchor(aspect.points[len(aspect.points) // 2].id, tool.id)),
        (at.url_of(at.aspect_page(shared[0].id)), at.tool_anchor(shared[1].id, tool.id)),
        (at.url_of(at.aspect_page(site.decision.guide)), site.decision.scenarios[-1].id),
        (PAGE_TYPES["faq"], site.questions[len(site.questions) // 2].id),
        (PAGE_TYPES["faq"], site.questions[-1].id),
    ]


@pytest.mark.parametrize("viewport", ["desktop", "phone"])
def test_cold_deep_links_land_below_the_header(
    open_page: PageFactory, site_url: str, real_site: Site, viewport: str
) -> None:
    for path, anchor in deep_link_targets(real_site):
        page = open_page(viewport=VIEWPORTS["phone"]) if viewport == "phone" else open_page()
        page.goto(f"{site_url}{path}#{anchor}")
        place = assert_lands_below_header(page, anchor)
        assert place["scrollY"] > 0, f"{path}#{anchor}: the page did not scroll to the target"
        assert place["id"] == anchor or place["tag"] == "p"  # a shared text's tool anchors land on its label


def test_an_alias_lands_on_its_section(page: Page, site_url: str, real_site: Site) -> None:
    overview = real_site.aspect_by_id["overview"]
    point = next(p for p in overview.points if "keras-in-tensorflow" in p.aliases)
    page.goto(f"{site_url}{PAGE_TYPES['aspect']}#keras-in-tensorflow")
    place = assert_lands_below_header(page, "keras-in-tensorflow")
    assert place["tag"] == "h2" and place["id"] == point.id == "relationship"
    assert place["text"] == point.title


def test_summary_point_names_land_on_their_sections(page: Page, site_url: str, real_site: Site) -> None:
    page.goto(site_url + PAGE_TYPES["summary"])
    rows = page.locator(f".{Css.SUMMARY} tbody tr")
    assert rows.count() == sum(len(aspect.points) for aspect in real_site.aspects)
    assert page.locator(f".{Css.SUMMARY} tbody td a").count() == 0, "cells are plain text; point names are the links"
    for row in (rows.first, rows.last):
        page.goto(site_url + PAGE_TYPES["summary"])
        link = row.locator("th a")
        href = link.get_attribute("href")
        link.click()
        page.wait_for_url(f"**#{href.partition('#')[2]}")
        expected = posixpath.normpath(posixpath.join(PAGE_TYPES["summary"], href.partition("#")[0])) + "/"
        assert path_of(page.url, site_url) == expected and expected.startswith(f"{at.ASPECT_DIR}/")
        assert_lands_below_header(page, fragment(page.url))


def test_the_old_address_of_the_decision_guide_lands_on_its_section(page: Page, site_url: str, real_site: Site) -> None:
    guide = real_site.aspect_by_id[real_site.decision.guide]
    old, point = guide.aliases[0], guide.points[-1]
    page.goto(f"{site_url}{at.ASPECT_DIR}/{old}/#{point.id}")
    page.wait_for_url(f"**/{at.url_of(at.aspect_page(guide.id))}#{point.id}")
    place = assert_lands_below_header(page, point.id)
    assert place["tag"] == "h2" and place["text"] == point.title


def test_clicking_a_permalink_copies_the_full_url(open_page: PageFactory, site_url: str) -> None:
    page = open_page(permissions=["clipboard-read", "clipboard-write"])
    page.goto(site_url + PAGE_TYPES["aspect"])
    page.evaluate("navigator.clipboard.writeText('')")
    heading = page.locator("h2#relationship")
    heading.hover()
    link = heading.locator("a.headerlink")
    assert link.is_visible()
    link.click()
    expected = f"{site_url}{PAGE_TYPES['aspect']}#relationship"
    page.wait_for_function("expected => navigator.clipboard.readText().then(t => t === expected)", arg=expected)
    assert page.url == expected
    dialog = page.locator(".md-dialog")
    assert "Link copied" in dialog.inner_text()
