"""What the browser tests measure on a page: where a target landed, and the parts of its address."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any
from urllib.parse import urlsplit

from playwright.sync_api import Browser, BrowserContext, Page

from sitegen.addresses import Css
from support.sitehost import VIEWPORTS

SEARCH_PLACEHOLDER = "Type to start searching"
"""What Material's search shows above its empty result list while the box is empty (its English texts,
partials/languages/en.html; test_theme checks it is still the theme's)."""

PageFactory = Callable[..., Page]
"""``open_page(viewport=..., color_scheme=...)``: a page in a context of its own (the ``open_page`` fixture)."""


# Resolves once the page has stopped scrolling for a few frames (the browser's jump to #fragment,
# or a smooth scroll, has finished).
_SETTLE = """() => new Promise(resolve => {
  let last = -1, still = 0;
  const tick = () => {
    still = window.scrollY === last ? still + 1 : 0;
    last = window.scrollY;
    if (still >= 5) resolve(last); else requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})"""

# The heading an id stands for (an alias is an empty block just before its heading), and where it is.
_PLACE = """([id, aliasClass]) => {
  const target = document.getElementById(id);
  if (!target) return null;
  let heading = target;
  while (heading && heading.classList.contains(aliasClass)) heading = heading.nextElementSibling;
  const box = heading.getBoundingClientRect();
  const header = document.querySelector(".md-header").getBoundingClientRect();
  return {
    tag: heading.tagName.toLowerCase(), id: heading.id, text: heading.textContent.replace("\\u00b6", "").trim(),
    top: box.top, bottom: box.bottom, headerBottom: header.bottom, viewport: window.innerHeight,
    scrollY: window.scrollY, hidden: heading.checkVisibility ? !heading.checkVisibility() : false,
  };
}"""


def settle(page: Page) -> None:
    page.wait_for_load_state("load")
    page.evaluate(_SETTLE)


def place_of(page: Page, anchor: str) -> dict[str, Any]:
    """Where the heading that ``#anchor`` stands for is, relative to the viewport and the sticky header."""
    settle(page)
    place = page.evaluate(_PLACE, [anchor, Css.ALIAS])
    assert place is not None, f"no element with id {anchor!r} on {page.url}"
    return place


def assert_lands_below_header(page: Page, anchor: str) -> dict[str, Any]:
    """The heading for ``#anchor`` is visible: fully inside the viewport and not under the sticky header."""
    return _assert_below_header(place_of(page, anchor), anchor)


# Follows the page's own link to each id in turn, in the page (one call instead of a round trip per link):
# a click on the link, the address's fragment checked, the scroll settled, then where the heading is.
_FOLLOW_EACH = f"""async ([ids, aliasClass]) => {{
  const settle = {_SETTLE};
  const place = {_PLACE};
  const found = [];
  for (const id of ids) {{
    const link = document.querySelector(`article a[href="#${{CSS.escape(id)}}"]`);
    if (!link) {{ found.push({{id, missing: "link"}}); continue; }}
    link.click();
    if (location.hash !== "#" + id) {{ found.push({{id, missing: "fragment " + location.hash}}); continue; }}
    await settle();
    found.push({{...place([id, aliasClass]), id}});
  }}
  return found;
}}"""


def assert_each_link_lands_below_header(page: Page, ids: list[str]) -> list[dict[str, Any]]:
    """Following the page's own link to each id (the first in its article) puts that id's heading in view
    below the sticky header, one after the other, as a reader clicking down a list of links would."""
    settle(page)
    places: list[dict[str, Any]] = page.evaluate(_FOLLOW_EACH, [ids, Css.ALIAS])
    for place in places:
        assert "missing" not in place, f"{place['id']}: {place.get('missing')} on {page.url}"
        _assert_below_header(place, place["id"])
    return places


def _assert_below_header(place: dict[str, Any], anchor: str) -> dict[str, Any]:
    assert not place["hidden"], f"{anchor}: the heading is not rendered"
    assert place["top"] >= place["headerBottom"] - 0.5, f"{anchor}: heading hidden under the header: {place}"
    assert place["bottom"] <= place["viewport"], f"{anchor}: heading below the fold: {place}"
    return place


def fragment(url: str) -> str:
    return urlsplit(url).fragment


def path_of(url: str, base: str) -> str:
    """``url``'s path relative to the site's base URL, without query or fragment."""
    return urlsplit(url).path.removeprefix(urlsplit(base).path)


STORAGE = "cookies,local_storage,session_storage,indexeddb,cache_storage,service_workers"
"""What a site may keep in a browser, cleared after each test for every origin it visited."""


class Pages:
    """The pages one test (or one module) opened in shared browser contexts (one per set of options), the
    origins they visited and the errors they threw."""

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
