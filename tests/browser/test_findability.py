"""Finding on a phone and a desktop: search results short enough that several fit a screen, each with its
heading; readers' queries that land on a phone too; a FAQ filter that knows readers' words and, when no
question matches, opens the site search for the same words; links that travel without the search's
highlights (``?h=``), while the page a result opens still shows them."""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import Page

from sitegen import addresses as at
from sitegen.model import Site
from support.browser import PageFactory, fragment, path_of
from support.sitehost import PAGE_TYPES, VIEWPORTS

from .test_search import READER_QUERIES, SEARCH_BOX, first_result, search, search_each

pytestmark = pytest.mark.browser

SCREENS: dict[str, dict[str, Any]] = {
    "phone": {"viewport": {"width": 375, "height": 812}, "has_touch": True, "is_mobile": True},
    "desktop": {"viewport": VIEWPORTS["desktop"]},
}
QUERIES = ["tflite android", "iphone", "tpu", "is tensorflow dead", "keras"]
"""Queries whose results the layout test measures: the reader review's, and the widest one."""
LINES = 3
"""A result shows its section's first lines, at most this many."""
TALLEST = 200
"""A result, heading and lines (and the theme's "Missing:" line), is at most this tall, in CSS pixels."""
RESULTS = """() => [...document.querySelectorAll(".md-search-result__list a.md-search-result__link")]
  .filter(link => link.checkVisibility()).map(link => {
    const heading = link.querySelector("h1, h2");
    const text = link.querySelector("article > p:not(.md-search-result__terms)");
    const style = text && getComputedStyle(text);
    return {
      href: link.href,
      height: link.getBoundingClientRect().height,
      bottom: link.getBoundingClientRect().bottom,
      heading: heading ? heading.textContent.trim() : "",
      lines: text ? Math.round(text.getBoundingClientRect().height / parseFloat(style.lineHeight)) : 0,
    };
  })"""


@pytest.fixture(params=list(SCREENS))
def screen(request: pytest.FixtureRequest, open_page: PageFactory) -> Page:
    """A page at 375 x 812 with touch, or at 1280 x 800 with a mouse."""
    return open_page(**SCREENS[request.param])


def test_each_result_is_a_heading_and_at_most_three_lines(screen: Page, site_url: str) -> None:
    screen.goto(site_url + PAGE_TYPES["faq"])
    for query in QUERIES:
        search(screen, query)
        results = screen.evaluate(RESULTS)
        assert results, query
        for result in results:
            where = f"{query!r}: {result['href']}"
            assert result["heading"], f"{where}: a result without its heading"
            assert result["lines"] <= LINES, f"{where}: {result['lines']} lines"
            assert result["height"] <= TALLEST, f"{where}: {result['height']:.0f} px tall"
        height = screen.viewport_size["height"] if screen.viewport_size else 0
        on_first_screen = [result for result in results if result["bottom"] <= height]
        assert len(on_first_screen) >= 3 or len(on_first_screen) == len(results), f"{query!r}: too few on a screen"


def test_intent_queries_find_their_section_first_on_a_phone(open_page: PageFactory, site_url: str) -> None:
    """What a new reader typed on a phone (the queries marked ``intent`` in search_queries.yml; all of them
    run on a desktop in test_search.py): the ranking does not depend on the screen, the reader's page does."""
    page = open_page(**SCREENS["phone"])
    page.goto(site_url + PAGE_TYPES["faq"])
    cases = [case for case in READER_QUERIES if case.get("intent")]
    assert len(cases) >= 15
    every = search_each(page, [case["query"] for case in cases])
    missed = [
        f"{case['query']!r} shows {first_result(shown, case['finds'], site_url)!r}"
        for case, shown in zip(cases, every, strict=True)
        if first_result(shown, case["finds"], site_url) != case["finds"]
    ]
    assert not missed, "\n".join(missed)


def test_result_links_carry_the_words_found_and_never_an_empty_h(page: Page, site_url: str) -> None:
    page.goto(site_url + PAGE_TYPES["faq"])
    shown = search(page, "iphone")  # pages listed only for their sections' matches: the theme writes h=
    assert any("#" not in url for url in shown) and any("#" in url for url in shown)
    for url in shown:
        words = parse_qs(urlsplit(url).query, keep_blank_values=True).get("h")
        assert words != [""], f"{url}: an empty h="
        if "#" in url:
            assert words == ["iphone"], url


def test_a_landing_page_highlights_the_words_and_the_address_drops_them(
    open_page: PageFactory, site_url: str, real_site: Site
) -> None:
    aspect = next(a for a in real_site.aspects if a.points)
    point = aspect.points[0]
    word = point.title.split()[0].lower()
    for options in SCREENS.values():
        page = open_page(permissions=["clipboard-read", "clipboard-write"], **options)
        path = at.url_of(at.aspect_page(aspect.id))
        page.goto(f"{site_url}{path}?h={word}&tools=keras#{point.id}")
        page.wait_for_selector("mark[data-md-highlight]")
        clean = f"{site_url}{path}?tools=keras#{point.id}"
        page.wait_for_function("clean => location.href === clean", arg=clean)
        page.evaluate("navigator.clipboard.writeText('')")
        page.locator(f"#{point.id} > a.headerlink").click()
        page.wait_for_function("clean => navigator.clipboard.readText().then(t => t === clean)", arg=clean)


@pytest.mark.parametrize("screen_name", list(SCREENS))
def test_the_faq_filter_knows_readers_words_and_offers_the_site_search(
    open_page: PageFactory, site_url: str, real_site: Site, screen_name: str
) -> None:
    page = open_page(**SCREENS[screen_name])
    page.goto(site_url + PAGE_TYPES["faq"])
    box = page.get_by_label("Filter the questions")
    elsewhere = page.locator(f".{at.Css.FILTER_ELSEWHERE}")
    box.press_sequentially("dead")  # a keyword: no question's text holds it
    holder = next(q for q in real_site.questions if "dead" in " ".join(q.keywords))
    assert page.locator(f"#{holder.id}").is_visible()
    assert not elsewhere.is_visible()

    box.fill("")
    box.press_sequentially("raspberry")  # a point's keyword; no question knows it
    count = len(real_site.questions)
    assert page.locator(f".{at.Css.FILTER_STATUS}").inner_text() == f"0 of {count} questions match."
    link = elsewhere.locator("a")
    assert link.is_visible() and link.inner_text().startswith("Search the whole site for")
    assert link.locator("q").inner_text() == "raspberry", "the words typed, quoted"
    box_of_link = link.bounding_box()
    assert box_of_link is not None and box_of_link["height"] >= 24, "a target a thumb can hit"
    link.click()
    page.wait_for_function(f"() => document.querySelector('{SEARCH_BOX}') === document.activeElement")
    assert page.locator(SEARCH_BOX).input_value() == "raspberry"
    page.wait_for_selector(".md-search-result__list a.md-search-result__link")
    shown = page.evaluate(RESULTS)
    sections = [path_of(r["href"], site_url) + "#" + fragment(r["href"]) for r in shown if "#" in r["href"]]
    assert sections[0] == "aspects/use-cases/#on-device-deployment", sections[:3]


def test_without_the_theme_the_filters_link_opens_the_search_by_its_address(page: Page, site_url: str) -> None:
    page.goto(site_url + PAGE_TYPES["faq"])
    page.evaluate("() => document.querySelector('.md-search__input').remove()")
    box = page.get_by_label("Filter the questions")
    box.press_sequentially("raspberry pi")
    page.locator(f".{at.Css.FILTER_ELSEWHERE} a").click()
    page.wait_for_url("**/faq/?q=raspberry+pi")
