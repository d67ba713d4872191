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
    return [
        (at.url_of(at.aspect_page(aspect.id)), point.id),
        (at.url_of(at.aspect_page(aspect.id)), at.tool_anchor(aspect.points[len(aspect.points) // 2].id, tool.id)),
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
        assert place["id"] == anchor


def test_an_alias_lands_on_its_section(page: Page, site_url: str, real_site: Site) -> None:
    overview = real_site.aspect_by_id["overview"]
    point = next(p for p in overview.points if "keras-in-tensorflow" in p.aliases)
    page.goto(f"{site_url}{PAGE_TYPES['aspect']}#keras-in-tensorflow")
    place = assert_lands_below_header(page, "keras-in-tensorflow")
    assert place["tag"] == "h2" and place["id"] == point.id == "relationship"
    assert place["text"] == point.title


def test_summary_cells_land_on_their_sections(page: Page, site_url: str, real_site: Site) -> None:
    page.goto(site_url + PAGE_TYPES["summary"])
    rows = page.locator(f".{Css.SUMMARY} tbody tr")
    assert rows.count() == sum(1 + len(aspect.points) for aspect in real_site.aspects)
    last_row = rows.nth(rows.count() - 1)
    cells = [
        rows.nth(1).locator("td").nth(1).locator("a"),  # first tool, first point
        last_row.locator("td").nth(len(real_site.tools)).locator("a"),  # last tool, last point
        last_row.locator("td").nth(0).locator("a"),  # a point's own link, first column
    ]
    for cell in cells:
        href = cell.get_attribute("href")
        page.goto(site_url + PAGE_TYPES["summary"])
        cell.click()
        page.wait_for_url(f"**#{href.partition('#')[2]}")
        expected = posixpath.normpath(posixpath.join(PAGE_TYPES["summary"], href.partition("#")[0])) + "/"
        assert path_of(page.url, site_url) == expected and expected.startswith(f"{at.ASPECT_DIR}/")
        assert_lands_below_header(page, fragment(page.url))
        page.go_back()


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


def table_column(page: Page, index: int) -> list[str]:
    return page.locator(f".{Css.SUMMARY} tbody tr").evaluate_all(
        "(rows, index) => rows.map(row => row.cells[index].textContent.trim())", index
    )


def sort_key(text: str) -> str:
    return text.strip().lower()  # tablesort's default comparison: trimmed, case-insensitive


def rows_as_pairs(page: Page, column: int) -> set[tuple[str, str]]:
    return set(zip(table_column(page, 0), table_column(page, column), strict=True))


@pytest.mark.parametrize("how", ["click", "keyboard"])
def test_summary_table_sorts_by_a_tool_column(page: Page, site_url: str, real_site: Site, how: str) -> None:
    page.goto(site_url + PAGE_TYPES["summary"])
    headers = page.locator(f".{Css.SUMMARY} thead th")
    assert headers.all_inner_texts() == ["Aspect and point", *(tool.name for tool in real_site.tools)]
    column = len(real_site.tools)  # the last tool's column
    header = headers.nth(column)
    before, pairs = table_column(page, column), rows_as_pairs(page, column)
    assert before != sorted(before, key=sort_key), "the table is already in sorted order: nothing to test"

    if how == "keyboard":
        # Start from the paragraph before the table (no links in it), then Tab along to the column heading.
        page.locator(f".{Css.SUMMARY}").locator("xpath=preceding-sibling::p[1]").click()
        stops = []
        while len(stops) < 8 and (not stops or stops[-1] != real_site.tools[-1].name):
            page.keyboard.press("Tab")
            stops.append(page.evaluate("document.activeElement.textContent.trim().slice(0, 40)"))
        assert stops[-1] == real_site.tools[-1].name, f"Tab went through {stops}"

    def activate() -> None:
        if how == "click":
            header.click()
        else:
            page.keyboard.press("Enter")

    activate()
    assert header.get_attribute("aria-sort") == "ascending"
    assert table_column(page, column) == sorted(before, key=sort_key)
    assert rows_as_pairs(page, column) == pairs, "sorting split rows apart"
    activate()
    assert header.get_attribute("aria-sort") == "descending"
    assert table_column(page, column) == sorted(before, key=sort_key, reverse=True)
