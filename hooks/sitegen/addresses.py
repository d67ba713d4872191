"""The address book: where every record lands, and every name the pages share with CSS, JavaScript and the theme.

One home for page paths, anchor ids, the ``aspect#point`` reference syntax, the ids a page keeps for
itself, and the class names that ``docs/assets/site.css`` and ``site.js`` select. Validation, rendering,
the MkDocs adapter and the tests all read them from here. Ids are plain strings in this module, so it
stands below the model and imports nothing of the project.
"""

from __future__ import annotations

import posixpath
from functools import lru_cache

# -- pages: paths in the docs tree --------------------------------------------------------------------
# MkDocs serves ``x.md`` at ``x/`` (use_directory_urls, its default, which mkdocs.yml keeps).

HOME_PAGE = "index.md"
SUMMARY_PAGE = "summary.md"
FAQ_PAGE = "faq.md"
ASPECT_DIR = "aspects"
NAV_PLACEHOLDER = f"{ASPECT_DIR}/"
"""The entry of ``mkdocs.yml``'s ``nav`` that stands for every aspect page, in data order."""


def aspect_page(aspect_id: str) -> str:
    return f"{ASPECT_DIR}/{aspect_id}.md"


RESERVED_ASPECT_IDS = {"index": "the aspects folder's own page (served at aspects/)"}
"""Names an aspect page or redirect cannot take: ``aspects/index.md`` is served at ``aspects/``."""


def redirect_page(alias: str) -> str:
    """The file that answers a renamed aspect's old address, ``aspects/<alias>/`` (use_directory_urls)."""
    return f"{ASPECT_DIR}/{alias}/index.html"


def redirect_target(aspect_id: str) -> str:
    """The aspect's current address, relative to its :func:`redirect_page`."""
    return f"../{aspect_id}/"


def url_of(target: str) -> str:
    """Where a page (or a section, ``page.md#anchor``) is served under the site's base URL:
    ``aspects/x.md`` -> ``aspects/x/``, ``faq.md#y`` -> ``faq/#y``, ``index.md`` -> ``''``."""
    page, mark, anchor = target.partition("#")
    stem = page.removesuffix(".md")
    path = stem.removesuffix("index") if stem == "index" or stem.endswith("/index") else f"{stem}/"
    return f"{path}{mark}{anchor}"


@lru_cache(maxsize=4096)
def _relative(page: str, folder: str) -> str:
    return posixpath.relpath(page, folder)


def relative(target: str, here: str) -> str:
    """How page ``here`` links to ``target`` (``page.md`` or ``page.md#anchor``): a relative ``.md`` link,
    which MkDocs checks, with its anchor, in a strict build."""
    page, _, anchor = target.partition("#")
    path = _relative(page, posixpath.dirname(here) or ".") if page != here else ""
    return f"{path}#{anchor}" if anchor else path


def address(page: str, anchor: str) -> str:
    """A section of a page: ``page.md#anchor``."""
    return f"{page}#{anchor}"


# -- anchors: ids are anchors ----------------------------------------------------------------------------
# An aspect's id is its page's <h1>, a point's id its <h2>, a question's id its <h3> on the FAQ page, a
# topic's id its <h2> there. Aliases are empty targets just before the heading they stand for.

TOOL_SEPARATOR = "--"
"""Joins a point and a tool: ``#<point>--<tool>``. No id contains it (ids use single hyphens), so a tool's
section can never take the address of a point."""


def tool_anchor(point_id: str, tool_id: str) -> str:
    """The anchor of one tool's section in a point."""
    return f"{point_id}{TOOL_SEPARATOR}{tool_id}"


VERDICT = "verdict"
RELATED_QUESTIONS = "related-questions"
SOURCES = "sources"
SUMMARY_ANCHOR = "summary"
TOOLS_ANCHOR = "tools"
FAQ_ANCHOR = "faq"
FILTER_INPUT = "kvt-filter-input"
"""The FAQ filter's text box (its label points at it)."""
TOAST = "kvt-toast"
"""site.js's status line where Material's own is missing; on any page, once JavaScript runs."""
THEME_ID_PREFIX = "__"
"""Material's own element ids (``__drawer``, ``__search``, ``__palette_0``...) start with this; no data id
can, so the theme's ids never collide with the data's."""


def reserved_on_aspect_page(aspect_id: str) -> dict[str, str]:
    """The ids an aspect page gives itself, each with what holds it; its points and their aliases may not take them."""
    return {
        aspect_id: "the page's title",
        VERDICT: "the verdict's heading",
        RELATED_QUESTIONS: "the related questions' heading",
        SOURCES: "the sources' heading",
        TOAST: "site.js's status line",
    }


RESERVED_ON_FAQ_PAGE = {
    FAQ_ANCHOR: "the page's title",
    FILTER_INPUT: "the filter box",
    TOAST: "site.js's status line",
}
"""The ids the FAQ page gives itself, each with what holds it; questions, topics and their aliases may not take them."""


# -- references between records --------------------------------------------------------------------------

REF_SEPARATOR = "#"


def split_ref(ref: str) -> tuple[str, str | None]:
    """``aspect`` or ``aspect#point`` -> (aspect id, point id or None)."""
    aspect_id, _, point_id = ref.partition(REF_SEPARATOR)
    return aspect_id, point_id or None


# -- names shared with the theme, site.css and site.js ----------------------------------------------------

SEARCH_EXCLUDE = "data-search-exclude"
"""Material's mark for what its search leaves out: sources, evidence and review lines, the lists of
related questions, the summary table (its cells repeat the aspect pages). Results then point at the
sections that answer, not at a list that mentions the same words."""


class Css:
    """Class names of the generated markup, and what reads each besides the tests."""

    ALIAS = "kvt-alias"  # site.css: takes no room; the browser tests skip it to find the heading
    SOURCES = "kvt-sources"  # site.css: small print
    EVIDENCE = "kvt-evidence"  # site.css: small print
    REVIEWED = "kvt-reviewed"  # site.css: small print
    META = "kvt-meta"  # site.css: small print (a question's related links, sources, review date)
    SUMMARY = "kvt-summary"  # site.js: makes its table sortable; site.css: table layout
    IN = "kvt-in"  # site.css: the aspect label above a point in the summary table
    FILTER = "kvt-filter"  # site.js: shows and runs the FAQ filter; site.css: keeps its place
    FILTER_STATUS = "kvt-filter-status"  # site.js: "N of M questions match."
    QUESTION = "kvt-question"  # site.js: what the filter shows or hides
    TOPIC = "kvt-topic"  # site.js: hidden when none of its questions is shown


CLASSES = frozenset(value for name, value in vars(Css).items() if name.isupper())
SHARED_NAMES = CLASSES | {FILTER_INPUT, TOAST}
"""Every ``kvt-*`` name: the only ones site.css and site.js may use."""
