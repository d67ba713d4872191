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
FAQ_DIR = "faq"
"""Where the topics' pages go when the FAQ has more questions than one page holds (``topics.yml``)."""
NEWS_PAGE = "whats-new.md"
"""What's new: the sections reviewed most recently, newest first (:mod:`sitegen.news`)."""
FEED_FILE = "feed.xml"
"""The same list as an Atom feed, at the site's root; every page's head links to it."""
ASPECT_DIR = "aspects"
NAV_PLACEHOLDER = f"{ASPECT_DIR}/"
"""The entry of ``mkdocs.yml``'s ``nav`` that stands for every aspect page, in data order."""


def aspect_page(aspect_id: str) -> str:
    return f"{ASPECT_DIR}/{aspect_id}.md"


ASPECTS_INDEX = f"{ASPECT_DIR}/index.md"
ASPECTS_ANCHOR = "aspects"
"""Every aspect, each with its one-line description: the navigation's way to them when it lists too many to show."""


def topic_page(topic_id: str) -> str:
    """A topic's page when the FAQ is split (``faq/<topic>.md``, served at ``faq/<topic>/``); :data:`FAQ_PAGE`
    is then the index of every question."""
    return f"{FAQ_DIR}/{topic_id}.md"


def topic_address(topic_id: str, split: bool) -> str:
    """Where a topic's questions start: its heading on the FAQ, or its own page when the FAQ is ``split``."""
    return topic_page(topic_id) if split else address(FAQ_PAGE, topic_id)


def question_page(topic_id: str, split: bool) -> str:
    """The page of a question of topic ``topic_id``: the FAQ, or its topic's page when the FAQ is ``split``."""
    return topic_page(topic_id) if split else FAQ_PAGE


SUMMARY_CSV_COLUMNS = ("aspect", "aspect_title", "point", "point_title", "url", "edge")
"""The summary CSV's own columns (``export/summary.csv``); its other columns are named by tool id, so no
tool may take one of these ids."""
MOVED_FILE = "moved.json"
"""Old and misspelt addresses and where each now is, for the 404 page's script (:mod:`sitegen.notfound`)."""
ASPECTS_IN_NAV = "aspects_in_nav"
"""The key of ``mkdocs.yml``'s ``extra`` that says up to how many aspects every page's navigation lists them all;
above, a page lists the index of aspects and, if it is an aspect page, itself."""
FEED = "feed"
"""The key of ``mkdocs.yml``'s ``extra`` under which the page template finds :data:`FEED_FILE`."""
NOT_FOUND = "not_found"
"""The key of ``mkdocs.yml``'s ``extra`` under which the 404 template finds its links and :data:`MOVED_FILE`."""

SUMMARY_ANCHOR = "summary"
TOOLS_ANCHOR = "tools"
TOAST = "kvt-toast"
"""site.js's status line where Material's own is missing; on any page, once JavaScript runs."""
RESERVED_ASPECT_IDS = {
    "index": "the aspects folder's own page (served at aspects/)",
    SUMMARY_ANCHOR: "the summary page's title (aspect ids are its section anchors)",
    TOOLS_ANCHOR: "the summary page's list of tools (aspect ids are its section anchors)",
    TOAST: "site.js's status line, on every page",
}
"""Names an aspect page or redirect cannot take: ``aspects/index.md`` is served at ``aspects/``, and the
summary page has a section per aspect, with the aspect's id as its anchor."""


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
# topic's id its <h2> there. A FAQ with a page per topic: a topic's id is its page's <h1>, a question's id
# its <h2> there and its entry in the index. Aliases are empty targets just before what they stand for.

TOOL_SEPARATOR = "--"
"""Joins a point and a tool: ``#<point>--<tool>``. No id contains it (ids use single hyphens), so a tool's
section can never take the address of a point."""


def tool_anchor(point_id: str, tool_id: str) -> str:
    """The anchor of one tool's section in a point."""
    return f"{point_id}{TOOL_SEPARATOR}{tool_id}"


VERDICT = "verdict"
IN_SHORT = "in-short"
CHOOSE = "choose"
SCENARIOS = "scenarios"
RELATED_QUESTIONS = "related-questions"
SOURCES = "sources"
FAQ_ANCHOR = "faq"
QUESTIONS_ANCHOR = "questions"
"""The FAQ's index of questions."""
FILTER_INPUT = "kvt-filter-input"
"""The FAQ filter's text box (its label points at it)."""
THEME_ID_PREFIX = "__"
"""Material's own element ids (``__drawer``, ``__search``, ``__palette_0``...) start with this; no data id
can, so the theme's ids never collide with the data's."""


def reserved_on_aspect_page(aspect_id: str) -> dict[str, str]:
    """The ids an aspect page gives itself, each with what holds it; its points and their aliases may not take them."""
    return {
        aspect_id: "the page's title",
        VERDICT: "the verdict",
        IN_SHORT: "the tools' summary lines",
        CHOOSE: "the decision guide's choose-if lines",
        SCENARIOS: "the decision guide's scenarios",
        RELATED_QUESTIONS: "the related questions' heading",
        SOURCES: "the sources' heading",
        TOAST: "site.js's status line",
    }


RESERVED_ON_FAQ_PAGE = {
    "index": "the FAQ folder's own page, when the FAQ has a page per topic (faq/ is then the index)",
    FAQ_ANCHOR: "the page's title",
    QUESTIONS_ANCHOR: "the index of questions",
    FILTER_INPUT: "the filter box",
    TOAST: "site.js's status line",
}
"""The ids the FAQ page gives itself, each with what holds it; questions, topics and their aliases may not take them."""
NEWS_ANCHOR = "whats-new"


def reviewed_anchor(day: str) -> str:
    """The anchor of one day's entries on the What's new page (``reviewed-2026-11-29``)."""
    return f"reviewed-{day}"


def choose_anchor(tool_id: str) -> str:
    """The anchor of a tool's choose-if lines on the decision guide."""
    return f"{CHOOSE}{TOOL_SEPARATOR}{tool_id}"


# -- the home page: hand-written, with the generated short answer and list of aspects in it -----------------

HOME_INSERTS = {
    "<!-- short-answer -->": "the choose-if lines and the scenarios (data/decision.yml)",
    "<!-- aspect-list -->": "the list of aspect pages (data/aspects/)",
}
"""Markers that docs/index.md holds, each on a line of its own; the generator puts the generated
Markdown in their place."""
ABOUT_PAGE = "about.md"
ABOUT_INSERTS = {"<!-- edge-counts -->": "how many points each edge has, by aspect (data/aspects/)"}
"""Markers that docs/about.md holds, where it exists, each on a line of its own."""
PAGE_INSERTS = {HOME_PAGE: ("the home page", HOME_INSERTS), ABOUT_PAGE: ("the About page", ABOUT_INSERTS)}
"""The hand-written pages that hold markers, with a name for messages and their markers. The home page is
required; another page may be left out, but where it exists it holds each of its markers once."""


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
    SUMMARY = "kvt-summary"  # site.css: the summary tables' layout (sticky headings, cards on phones)
    EDGE = "kvt-edge"  # site.css: a summary row's edge cell, a scenario's tool
    CELL_LABEL = "kvt-cell-label"  # site.css: a cell's column name, shown before it on phones (no header there)
    JUMP = "kvt-jump"  # site.css: a line of links to a page's sections
    GIST = "kvt-gist"  # site.css: a point's one-sentence answer, first under its heading
    RECOMMENDATION = "kvt-recommendation"  # site.css: a verdict box, at body-text size
    COLUMNS = "kvt-columns"  # site.css: one column per tool at desktop widths, stacked on phones
    TOOL = "kvt-tool"  # site.css: one tool's column
    TOOL_NAME = "kvt-tool-name"  # site.css: the label on top of a tool's column; site.js: copies its link
    SHARED = "kvt-shared"  # site.css: a text that holds for every tool, across the columns
    SUPPORT = "kvt-support"  # site.css: a point's support matrix
    LEVEL = "kvt-level"  # site.css: a support value (with kvt-yes, kvt-partial or kvt-no)
    YES = "kvt-yes"
    PARTIAL = "kvt-partial"
    NO = "kvt-no"
    CHOICES = "kvt-choices"  # site.css: the choose-if lines, one column per tool
    SCENARIOS = "kvt-scenarios"  # site.css: the scenario table
    INDEX = "kvt-index"  # site.css: the FAQ's index of questions; site.js: filters it with the questions
    FILTER = "kvt-filter"  # site.js: shows and runs the FAQ filter; site.css: keeps its place
    FILTER_STATUS = "kvt-filter-status"  # site.js: "N of M questions match."
    FILTER_ELSEWHERE = "kvt-filter-elsewhere"  # site.js: shown when no question matches; opens the site search
    QUESTION = "kvt-question"  # site.js: what the filter shows or hides
    ANSWER = "kvt-answer"  # site.js: what the filter reads (the question and its answer, not its sources)
    TOPIC = "kvt-topic"  # site.js: hidden when none of its questions is shown
    MOVED = "kvt-moved"  # site.js: an index entry for a question on its topic's page; an old address follows its link
    NEWS = "kvt-news"  # site.css: the What's new page's list of reviewed sections
    NOT_FOUND_SEARCH = "kvt-not-found-search"  # overrides/404.html: its search box; site.css: lays it out


CLASSES = frozenset(value for name, value in vars(Css).items() if name.isupper())
WORDS = "kvt-words"
"""A FAQ question (or its index entry) carries its readers' words in ``data-kvt-words``: site.js's filter reads
them with the question and its answer."""
PALETTE = "kvt-palette"
"""overrides/partials/palette.html marks the palette toggle's form ``data-kvt-palette``; site.js runs it."""
NOT_MOVED = "kvt-not-moved"
"""overrides/404.html marks <html> ``data-kvt-not-moved`` once it knows of no new address for the missing one."""
SHARED_NAMES = CLASSES | {FILTER_INPUT, TOAST, PALETTE, NOT_MOVED, WORDS}
"""Every ``kvt-*`` name: the only ones site.css and site.js may use."""
