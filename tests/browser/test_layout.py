"""Layout a reader sees: a phone-sized screen without sideways scrolling, the dark scheme, printing."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

from sitegen.addresses import PALETTE, Css
from support.browser import PageFactory, settle
from support.sitehost import PAGE_TYPES, VIEWPORTS

pytestmark = pytest.mark.browser

# Visible elements that stick out of the viewport sideways and are not inside a box that scrolls or
# clips them while itself fitting the viewport (the summary table scrolls inside its own wrapper).
OVERFLOWING = """() => {
  const width = document.documentElement.clientWidth;
  const fits = box => box.left >= -1 && box.right <= width + 1;
  const found = [];
  for (const element of document.querySelectorAll("body *")) {
    if (!element.checkVisibility({opacityProperty: true, visibilityProperty: true})) continue;
    const box = element.getBoundingClientRect();
    if (box.width === 0 || box.height === 0 || fits(box)) continue;
    if (element.closest(".md-sidebar, .md-search")) continue;  // off-canvas drawer and search, shown on demand
    let contained = false;
    for (let parent = element.parentElement; parent && parent !== document.body; parent = parent.parentElement) {
      const style = getComputedStyle(parent);
      if (style.overflowX !== "visible" && fits(parent.getBoundingClientRect())) { contained = true; break; }
    }
    if (!contained) found.push(`${element.tagName.toLowerCase()}.${element.className} ${box.left}..${box.right}`);
  }
  return {found: found.slice(0, 10), scrollWidth: document.documentElement.scrollWidth, width};
}"""


@pytest.mark.parametrize("page_type", PAGE_TYPES)
def test_phone_has_no_sideways_overflow(open_page: PageFactory, site_url: str, page_type: str) -> None:
    page = open_page(viewport=VIEWPORTS["phone"], is_mobile=True, has_touch=True)
    page.goto(site_url + PAGE_TYPES[page_type])
    settle(page)
    result = page.evaluate(OVERFLOWING)
    assert result["scrollWidth"] <= result["width"], f"the page scrolls sideways: {result}"
    assert result["found"] == [], f"content sticks out of a {VIEWPORTS['phone']['width']} px screen: {result}"


# Printed, no block may stick out of the text column: paper does not scroll, so no scrolling box excuses
# it. (Inline text wraps; its line fragments are not boxes that could be cut.)
CUT_OFF_IN_PRINT = """() => {
  const page = document.querySelector("article").getBoundingClientRect();
  return [...document.querySelectorAll("article *")]
    .filter(element => element.checkVisibility() && getComputedStyle(element).display !== "inline")
    .map(element => [element, element.getBoundingClientRect()])
    .filter(([, box]) => box.width > 0 && (box.right > page.right + 1 || box.left < page.left - 1))
    .slice(0, 10).map(([element, box]) => `${element.tagName.toLowerCase()}.${element.className} ..${box.right}`);
}"""
SCREEN_ONLY = [".md-header", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer", ".md-search", ".md-top"]
A4_CONTENT_WIDTH = 677  # CSS px Chromium lays out an A4 page at, with its default print margins


@pytest.mark.parametrize("page_type", ["summary", "faq", "aspect"])
def test_pages_print_cleanly(open_page: PageFactory, site_url: str, page_type: str) -> None:
    page = open_page(viewport={"width": A4_CONTENT_WIDTH, "height": 1000})
    page.goto(site_url + PAGE_TYPES[page_type])
    settle(page)
    page.emulate_media(media="print")
    for selector in [*SCREEN_ONLY, ".headerlink", f".{Css.FILTER}"]:
        shown = page.locator(selector).evaluate_all("items => items.filter(item => item.checkVisibility()).length")
        assert shown == 0, f"{selector} is printed"
    assert page.locator("article h1").is_visible()
    assert page.evaluate(CUT_OFF_IN_PRINT) == []
    link = page.locator("article a[href^='http']").first
    after = link.evaluate("link => getComputedStyle(link, '::after').content")
    assert link.get_attribute("href") in after, "a printed link shows where it leads"


def background_lightness(page: Page) -> float:
    """Mean of the red, green and blue of the page's background, 0 (black) to 255 (white)."""
    rgb = page.evaluate("getComputedStyle(document.body).backgroundColor")
    red, green, blue = (float(part) for part in rgb[rgb.index("(") + 1 : rgb.index(")")].split(",")[:3])
    return (red + green + blue) / 3


def test_palette_toggle_switches_to_dark_and_remembers_it(open_page: PageFactory, site_url: str) -> None:
    page = open_page(color_scheme="light")
    page.goto(site_url)
    body = page.locator("body")
    assert body.get_attribute("data-md-color-scheme") == "default" and background_lightness(page) > 200
    toggle = page.locator(f"form[data-{PALETTE}] label:not([hidden])")
    titles = []
    while body.get_attribute("data-md-color-scheme") != "slate" and len(titles) < 3:
        titles.append(toggle.get_attribute("title"))
        toggle.click()
    assert body.get_attribute("data-md-color-scheme") == "slate", f"the toggle went through {titles}"
    assert background_lightness(page) < 60
    page.goto(site_url + PAGE_TYPES["faq"])
    assert body.get_attribute("data-md-color-scheme") == "slate", "the choice is kept on the next page"


def test_palette_toggle_follows_the_system_on_a_first_visit(open_page: PageFactory, site_url: str) -> None:
    page = open_page(color_scheme="dark")
    page.goto(site_url)
    page.wait_for_function("document.body.getAttribute('data-md-color-scheme') === 'slate'")
    assert background_lightness(page) < 60
    page.emulate_media(color_scheme="light")  # the reader's system switches: "auto" follows it
    page.wait_for_function("document.body.getAttribute('data-md-color-scheme') === 'default'")


def test_palette_starts_without_restyling_the_page(open_page: PageFactory, site_url: str) -> None:
    """The theme's palette is not mounted (it would add a color-scheme <meta> and switching marks as every
    page starts); ours sets the toolbar colour once the page is idle, and the scheme on a switch only."""
    page = open_page(color_scheme="light")
    page.goto(site_url + PAGE_TYPES["faq"])
    page.wait_for_function("document.head.querySelector('meta[name=theme-color]')")
    state = page.evaluate(
        """() => [!!document.head.querySelector("meta[name=color-scheme]"),
        document.body.hasAttribute("data-md-color-switching"),
        document.head.querySelector("meta[name=theme-color]").content,
        getComputedStyle(document.querySelector(".md-header")).backgroundColor]"""
    )
    assert state[:2] == [False, False]
    red, green, blue = (int(state[2][i : i + 2], 16) for i in (1, 3, 5))
    assert state[3] == f"rgb({red}, {green}, {blue})", "the toolbar takes the header's colour"
    page.locator(f"form[data-{PALETTE}] label:not([hidden])").click()
    page.wait_for_function("document.head.querySelector('meta[name=color-scheme]')")
