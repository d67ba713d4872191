"""Material's search finds every FAQ question by the key words of its question, and following a result
lands on the question with its heading in view below the sticky header."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from playwright.sync_api import Page

from sitegen.model import Question
from support.browser import assert_lands_below_header, fragment, path_of
from support.project import real_site
from support.sitehost import PAGE_TYPES

pytestmark = pytest.mark.browser

QUESTIONS = real_site().questions
SMALL_WORDS = (
    "a an and are be before between can did do does for go how i in is it me my of on or should still the to "
    "what when where which who why will with work"
)
STOP_WORDS = frozenset(SMALL_WORDS.split())
TOP = 3  # a question counts as found when it is among the first three results shown
# Other words for the same question: what a reader might type instead of the question's own words.
PARAPHRASES = {
    "jax backend": "jax-or-pytorch-backend",
    "windows gpu": "tensorflow-gpu-on-windows",
    "savedmodel": "load-h5-models",
    "tf.Session": "sessions-in-tensorflow-2",
    "multi gpu training": "multi-gpu-training",
}

# Counts the queries Material's page sends to its search worker and the results it gets back, so that a
# test waits for the results of the last keystroke, never those of an earlier query. (assets/search.js
# takes small words out of a query on its way, so the query sent is not always the one typed.)
WATCH_SEARCH_WORKER = """(() => {
  const Native = window.Worker;
  window.kvtSearch = {sent: 0, received: 0, at: 0, sentAt: 0, queries: []};
  window.Worker = class extends Native {
    constructor(...args) {
      super(...args);
      this.addEventListener("message", event => {
        if (event.data && event.data.type === 3) { kvtSearch.received += 1; kvtSearch.at = performance.now(); }
      });
    }
    postMessage(message, ...rest) {
      if (message && message.type === 2) {
        kvtSearch.sent += 1; kvtSearch.sentAt = performance.now(); kvtSearch.queries.push(message.data);
      }
      return super.postMessage(message, ...rest);
    }
  };
})();"""
RESULTS_READY = """query => window.kvtSearch && document.querySelector("input.md-search__input").value === query
  && kvtSearch.sent > 0 && kvtSearch.received === kvtSearch.sent
  && performance.now() - Math.max(kvtSearch.at, kvtSearch.sentAt) > 150
  && document.querySelector(".md-search-result__list a") !== null"""
SHOWN_RESULTS = """() => [...document.querySelectorAll(".md-search-result__list a.md-search-result__link")]
  .filter(link => link.checkVisibility()).map(link => link.href)"""


def key_words(question: str) -> str:
    """The question without its small words: 'Is Keras free to use?' -> 'keras free use'."""
    words = re.findall(r"[\w][\w.\-]*[\w]|\w", question.lower())
    return " ".join(word for word in words if word not in STOP_WORDS)


def search(page: Page, query: str) -> list[str]:
    """Type ``query`` into the search box as a reader would; return the result links shown, best first."""
    query_box = page.locator("input.md-search__input")
    if not query_box.evaluate("box => box === document.activeElement"):
        page.keyboard.press("/")
    assert query_box.evaluate("box => box === document.activeElement"), "the / shortcut did not focus the search"
    query_box.fill("")
    query_box.press_sequentially(query)
    page.wait_for_function(RESULTS_READY, arg=query)
    return page.evaluate(SHOWN_RESULTS)


@pytest.fixture(scope="module")
def search_page(module_page: Page, site_url: str) -> Page:
    module_page.context.add_init_script(WATCH_SEARCH_WORKER)
    module_page.goto(site_url + PAGE_TYPES["faq"])
    return module_page


def test_key_words_drop_only_small_words() -> None:
    assert key_words("Is Keras free to use?") == "keras free use"
    assert key_words("What is the difference between Keras 3 and tf.keras?") == "difference keras 3 tf.keras"


@pytest.mark.parametrize("question", QUESTIONS, ids=[q.id for q in QUESTIONS])
def test_search_finds_every_question_and_lands_on_it(search_page: Page, site_url: str, question: Question) -> None:
    page = search_page
    query = key_words(question.question)
    shown = search(page, query)
    wanted = f"{PAGE_TYPES['faq']}#{question.id}"
    top = [f"{path_of(url, site_url)}#{fragment(url)}" for url in shown[: TOP + 1]]
    # The first link of a group is the page itself (faq/); the question must follow among the next three.
    matches = [
        url for url in shown[: TOP + 1] if path_of(url, site_url) == PAGE_TYPES["faq"] and fragment(url) == question.id
    ]
    assert matches, f"search for {query!r}: {wanted} not among the first results {top}"

    page.locator(f'.md-search-result__list a[href="{matches[0]}"]').click()
    page.wait_for_url(f"**/{PAGE_TYPES['faq']}**#{question.id}")
    place = assert_lands_below_header(page, question.id)
    assert place["tag"] == "h3" and place["text"] == question.question


@pytest.mark.parametrize("query", PARAPHRASES)
def test_search_finds_a_question_asked_in_other_words(search_page: Page, site_url: str, query: str) -> None:
    page = search_page
    shown = search(page, query)
    found = [fragment(url) for url in shown[: TOP + 1] if path_of(url, site_url) == PAGE_TYPES["faq"]]
    assert PARAPHRASES[query] in found, f"search for {query!r} shows {shown[: TOP + 1]}"


def test_keyboard_only_shortcut_type_arrow_enter(page: Page, site_url: str) -> None:
    page.add_init_script(WATCH_SEARCH_WORKER)
    page.goto(site_url)
    page.keyboard.press("/")
    assert page.evaluate("document.activeElement.matches('input.md-search__input')")
    page.keyboard.type("tensorboard jax")
    page.wait_for_function(RESULTS_READY, arg="tensorboard jax")
    target = "tensorboard-with-keras"
    for _ in range(6):
        page.keyboard.press("ArrowDown")
        if page.evaluate("document.activeElement.hash") == f"#{target}":
            break
    else:
        pytest.fail("arrow keys never reached the result for the TensorBoard question")
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/{PAGE_TYPES['faq']}**#{target}")
    assert_lands_below_header(page, target)


def test_keyboard_only_tab_reaches_the_search_box(page: Page, site_url: str) -> None:
    page.goto(site_url + PAGE_TYPES["aspect"])
    presses = 0
    while not page.evaluate("document.activeElement.matches('input.md-search__input')"):
        presses += 1
        assert presses <= 6, "six presses of Tab did not reach the search box"
        page.keyboard.press("Tab")
    page.keyboard.type("licence")
    page.wait_for_selector(".md-search-result__list a.md-search-result__link")


# -- readers' queries: each must show its section first --------------------------------------------------

READER_QUERIES = yaml.safe_load((Path(__file__).parent / "search_queries.yml").read_text(encoding="utf-8"))
"""What readers type, each with the section that must be the first result: questions as typed, keywords,
and paraphrases that share no word with their section (data/search.yml and each section's keywords are
what find those)."""


def first_result(shown: list[str], wanted: str, site_url: str) -> str:
    """The first result of the kind wanted: a section (an address with ``#``) or a page. Each group of
    results opens with its page, so a section's rank is counted among sections."""
    kind = [url for url in shown if ("#" in url) == ("#" in wanted)]
    return f"{path_of(kind[0], site_url)}#{fragment(kind[0])}".rstrip("#") if kind else ""


def test_there_are_enough_reader_queries_and_paraphrases() -> None:
    assert len(READER_QUERIES) >= 30
    assert len({case["query"] for case in READER_QUERIES}) == len(READER_QUERIES)


@pytest.mark.parametrize("case", READER_QUERIES, ids=[case["query"] for case in READER_QUERIES])
def test_a_readers_query_finds_its_section_first(search_page: Page, site_url: str, case: dict[str, str]) -> None:
    shown = search(search_page, case["query"])
    first = first_result(shown, case["finds"], site_url)
    assert first == case["finds"], f"search for {case['query']!r} shows {first!r} first; all: {shown[:6]}"


@pytest.mark.parametrize("query", ["is keras free for commercial use?", "can I use keras with pytorch?"])
def test_small_words_and_punctuation_find_nothing_of_their_own(search_page: Page, query: str) -> None:
    search(search_page, query)
    missing = search_page.locator(".md-search-result__list .md-search-result__terms").all_inner_texts()
    sent = search_page.evaluate("kvtSearch.queries[kvtSearch.queries.length - 1]")
    assert not {"is", "for", "can", "i", "with"} & set(sent.lower().split()), sent
    assert not [text for text in missing if "?" in text], "a '?' stays glued to its word"


def test_a_whole_word_is_asked_for_exactly_before_as_a_prefix(search_page: Page, site_url: str) -> None:
    """Each word also goes to the worker boosted as itself, so that the title with "use" beats the title with
    "used" for "use" (the rarer word would win as a prefix); a word marked + or - stays as typed."""
    search(search_page, "use keras pytorch -tensorboard")
    sent = search_page.evaluate("kvtSearch.queries[kvtSearch.queries.length - 1]")
    assert sent.split() == ["use^5", "use", "keras^5", "keras", "pytorch^5", "pytorch", "-tensorboard"]
    shown = search(search_page, "Can I use Keras with PyTorch?")
    assert first_result(shown, "faq/#x", site_url) == "faq/#keras-with-pytorch"
