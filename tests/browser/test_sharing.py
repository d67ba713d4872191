"""Links that travel: on a touch screen every section shows its copy-link control, a link opened cold
lands with its section marked and highlighted in the table of contents, and the 404 page sends known
old addresses on and helps with the rest."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, TimeoutError

from sitegen import addresses as at
from sitegen.model import Site
from support.browser import PageFactory, assert_lands_below_header, fragment, path_of, settle
from support.sitehost import PAGE_TYPES, VIEWPORTS

pytestmark = pytest.mark.browser

PHONE = {"viewport": VIEWPORTS["phone"], "has_touch": True, "is_mobile": True}
MARKED = "el => getComputedStyle(el).animationName"
ACTIVE_TOC = """() => [...document.querySelectorAll(".md-nav__link--active")]
  .map(link => decodeURIComponent(link.hash || "").slice(1)).filter(Boolean)"""


def test_on_a_touch_screen_every_section_shows_its_link(open_page: PageFactory, site_url: str, real_site: Site) -> None:
    page = open_page(**PHONE)
    aspect = real_site.aspects[1]
    page.goto(site_url + at.url_of(at.aspect_page(aspect.id)))
    for point in aspect.points:
        sign = page.locator(f"#{point.id} > a.headerlink")
        assert sign.evaluate("el => getComputedStyle(el).opacity") == "1", f"{point.id}: the ¶ is invisible"
        assert sign.bounding_box() is not None
        if point.shared is None:
            label = page.locator(f"#{at.tool_anchor(point.id, real_site.tools[0].id)} .{at.Css.TOOL_NAME} a")
            shown = label.evaluate("el => getComputedStyle(el, '::after').content")
            assert "¶" in shown, f"{point.id}: a tool column's link does not look like one"
    page.goto(site_url + PAGE_TYPES["faq"])
    for question in real_site.questions[:5]:
        opacity = page.locator(f"#{question.id} > a.headerlink").evaluate("el => getComputedStyle(el).opacity")
        assert opacity == "1", question.id


def test_with_a_mouse_the_sign_shows_on_hover_only(page: Page, site_url: str, real_site: Site) -> None:
    point = real_site.aspects[1].points[0]
    page.goto(site_url + at.url_of(at.aspect_page(real_site.aspects[1].id)))
    sign = page.locator(f"#{point.id} > a.headerlink")
    assert sign.evaluate("el => getComputedStyle(el).opacity") == "0"


@pytest.mark.parametrize("viewport", ["desktop", "phone"])
def test_a_link_opened_cold_marks_its_section_and_the_table_of_contents(
    open_page: PageFactory, site_url: str, real_site: Site, viewport: str
) -> None:
    aspect = next(a for a in real_site.aspects if len(a.points) > 4)
    point = aspect.points[3]
    cases = [
        (at.url_of(at.address(at.aspect_page(aspect.id), point.id)), point.id, point.id),
        (
            at.url_of(at.address(at.aspect_page(aspect.id), at.tool_anchor(point.id, real_site.tools[1].id))),
            None,
            point.id,
        ),
        (
            at.url_of(at.address(at.FAQ_PAGE, real_site.questions[6].id)),
            real_site.questions[6].id,
            real_site.questions[6].id,
        ),
    ]
    for address, heading, toc in cases:
        page = open_page(viewport=VIEWPORTS[viewport], **({"has_touch": True} if viewport == "phone" else {}))
        page.goto(site_url + address)
        settle(page)
        target = page.locator(f"#{fragment(address)}")
        assert target.evaluate(MARKED) == "section-landed", f"{address}: the landed section is not marked"
        if heading:
            assert_lands_below_header(page, heading)
        try:  # the table of contents follows the scroll position on the next frames
            page.wait_for_function(f"toc => ({ACTIVE_TOC})().at(-1) === toc", arg=toc)
        except TimeoutError:
            pytest.fail(f"{address}: the table of contents highlights {page.evaluate(ACTIVE_TOC)}")


def test_an_unmarked_section_is_not_animated(page: Page, site_url: str, real_site: Site) -> None:
    aspect = real_site.aspects[1]
    page.goto(site_url + at.url_of(at.address(at.aspect_page(aspect.id), aspect.points[0].id)))
    assert page.locator(f"#{aspect.points[1].id}").evaluate(MARKED) == "none"


# -- the 404 page -------------------------------------------------------------------------------------------


def test_a_missing_address_gets_the_helpful_404_page(page: Page, site_url: str) -> None:
    response = page.goto(site_url + "no/such/page/")
    assert response is not None and response.status == 404
    assert page.locator("article h1").inner_text() == "Page not found"
    links = page.locator("article ul a").evaluate_all("links => links.map(a => a.href)")
    for name in ("home", "decision-guide", "summary", "faq"):
        assert site_url + PAGE_TYPES[name] in links, name
    for link in links:
        assert page.request.get(link).status == 200, link
    page.locator("#kvt-not-found-query").fill("litert")
    page.locator("article form button").click()
    page.wait_for_url("**/?q=litert")
    page.wait_for_selector(".md-search-result__list a")
    assert page.locator("input.md-search__input").input_value() == "litert"


@pytest.mark.parametrize(
    ("typed", "lands"),
    [
        ("aspects/use-cases/image-recognition/", "aspects/use-cases/#image-recognition"),
        ("Summary.html", "summary/"),
        ("aspects/choosing/scalability-needs", "aspects/decision-guide/#scalability-needs"),
        ("faq/is-keras-free/", "faq/#is-keras-free"),
        ("aspects/use-cases.md#nlp", "aspects/use-cases/#nlp"),
    ],
)
def test_a_known_old_or_misspelt_address_is_sent_on(page: Page, site_url: str, typed: str, lands: str) -> None:
    page.goto(site_url + typed)
    page.wait_for_url(site_url + lands)
    settle(page)
    landed = f"{path_of(page.url, site_url)}#{fragment(page.url)}".rstrip("#")
    assert landed == lands
    if "#" in lands:
        assert_lands_below_header(page, fragment(page.url))


def test_an_unknown_address_stays_on_the_404_page(page: Page, site_url: str) -> None:
    page.goto(site_url + "aspects/no-such-aspect/")
    page.wait_for_selector(f"html[data-{at.NOT_MOVED}]", state="attached")  # the page knows of no new address
    assert page.url == site_url + "aspects/no-such-aspect/"
    assert page.locator("article h1").inner_text() == "Page not found"


# -- the reader review's small findings --------------------------------------------------------------------


def test_the_phone_header_shows_the_whole_site_name(open_page: PageFactory, site_url: str) -> None:
    page = open_page(**PHONE)
    page.goto(site_url)
    title = page.locator(".md-header__topic:first-child .md-ellipsis")
    fits = title.evaluate("el => el.scrollWidth <= el.clientWidth")
    assert fits, f"the site's name is cut: {title.evaluate('el => [el.scrollWidth, el.clientWidth]')}"


def test_the_palette_toggle_shows_keyboard_focus(page: Page, site_url: str) -> None:
    page.goto(site_url)
    for _ in range(12):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.matches('input.md-option')"):
            break
    else:
        pytest.fail("Tab never reached the palette toggle")
    # Material's own ring is the browser's "auto" outline, dark blue on the indigo header: barely visible.
    ring = page.evaluate(
        """() => { const label = document.activeElement.nextElementSibling; const style = getComputedStyle(label);
        return [label.tagName, style.outlineStyle, style.outlineColor, style.color, label.checkVisibility()]; }"""
    )
    assert ring[0] == "LABEL" and ring[1] == "solid" and ring[2] == ring[3] and ring[4], ring


def test_the_closed_search_takes_no_tab_stop(page: Page, site_url: str) -> None:
    page.goto(site_url)
    stops = []
    for _ in range(8):
        page.keyboard.press("Tab")
        stops.append(page.evaluate("document.activeElement.className"))
    assert not [stop for stop in stops if "md-search__scrollwrap" in stop], stops
