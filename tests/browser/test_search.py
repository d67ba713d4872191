"""Material's search finds every FAQ question by the key words of its question, and following a result
lands on the question with its heading in view below the sticky header."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from playwright.sync_api import Page

from sitegen.model import Question, Site
from support.browser import (
    SEARCH_PLACEHOLDER,
    assert_each_link_lands_below_header,
    assert_lands_below_header,
    fragment,
    path_of,
)
from support.project import ROOT
from support.sitehost import PAGE_TYPES

pytestmark = pytest.mark.browser

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

# Material reads the search box when a key is released, and shows SEARCH_PLACEHOLDER above an empty list
# for an empty box; a query answered shows its count there instead. A search empties the box first and
# waits for that state, so the next list shown can only be the answer to its own query: no waiting on
# time, and nothing read from Material's worker.
SEARCH_BOX = "input.md-search__input"
META = ".md-search-result__meta"
EMPTIED = """([meta, placeholder]) => document.querySelector(meta).textContent.trim() === placeholder
  && document.querySelector(".md-search-result__list").children.length === 0"""
ANSWERED = """([meta, placeholder]) => document.querySelector(meta).textContent.trim() !== placeholder"""
SEARCH_OPEN = "() => !document.querySelector('.md-search-result__list').hidden"  # Material hides it when closed
SHOWN_RESULTS = """() => [...document.querySelectorAll(".md-search-result__list a.md-search-result__link")]
  .filter(link => link.checkVisibility()).map(link => link.href)"""


def key_words(question: str) -> str:
    """The question without its small words: 'Is Keras free to use?' -> 'keras free use'."""
    words = re.findall(r"[\w][\w.\-]*[\w]|\w", question.lower())
    return " ".join(word for word in words if word not in STOP_WORDS)


def enter(page: Page, query: str) -> None:
    """Put ``query`` in the search box as a reader pasting it would, and release a key: one query, one answer."""
    box = page.locator(SEARCH_BOX)
    box.fill(query)
    box.press("End")  # Material reads the box on a key's release


def open_search(page: Page) -> None:
    """Open the search as a reader does, with the ``/`` shortcut, unless it is open already."""
    if page.evaluate(SEARCH_OPEN):
        return
    page.evaluate("() => document.activeElement.blur()")  # a box left focused takes the / as a letter
    page.keyboard.press("/")
    page.wait_for_function(SEARCH_OPEN)
    assert page.locator(SEARCH_BOX).evaluate("box => box === document.activeElement"), "/ did not focus the search"


def search(page: Page, query: str) -> list[str]:
    """Search for ``query`` as a reader would; return the result links shown, best first, once the list shown
    is the answer to ``query``."""
    open_search(page)
    enter(page, "")
    page.wait_for_function(EMPTIED, arg=[META, SEARCH_PLACEHOLDER])
    enter(page, query)
    page.wait_for_function(ANSWERED, arg=[META, SEARCH_PLACEHOLDER])
    return page.evaluate(SHOWN_RESULTS)


# The steps of search() for a whole list of queries in one go, inside the page: the box emptied and a key's
# release for each value, the same states awaited (a query that gets no answer fails after 10 s).
SEARCH_EACH = """async ([queries, placeholder]) => {
  const box = document.querySelector("input.md-search__input");
  const meta = document.querySelector(".md-search-result__meta");
  const list = document.querySelector(".md-search-result__list");
  const until = (done, what) => new Promise((resolve, reject) => {
    const limit = performance.now() + 10000;
    const tick = () => done() ? resolve()
      : performance.now() > limit ? reject(new Error(what)) : requestAnimationFrame(tick);
    tick();
  });
  const enter = value => {
    box.value = value;
    box.dispatchEvent(new KeyboardEvent("keyup", {key: "End", bubbles: true}));
  };
  const shown = [];
  for (const query of queries) {
    enter("");
    await until(() => meta.textContent.trim() === placeholder && list.children.length === 0, "no empty list");
    enter(query);
    await until(() => meta.textContent.trim() !== placeholder, `no answer to ${query}`);
    shown.push([...list.querySelectorAll("a.md-search-result__link")]
      .filter(link => link.checkVisibility()).map(link => link.href));
  }
  return shown;
}"""


def search_each(page: Page, queries: list[str]) -> list[list[str]]:
    """:func:`search` for each of ``queries`` in turn, run inside the page (one call instead of several per
    query): the result links shown for each, best first."""
    open_search(page)
    return page.evaluate(SEARCH_EACH, [queries, SEARCH_PLACEHOLDER])


def top_result(shown: list[str], question: Question, site_url: str) -> str:
    """The result for ``question`` among the first of ``shown`` ('' if missing). The first link of a group is
    the page itself (faq/); the question must follow among the next three."""
    wanted = [
        url for url in shown[: TOP + 1] if path_of(url, site_url) == PAGE_TYPES["faq"] and fragment(url) == question.id
    ]
    return wanted[0] if wanted else ""


@pytest.fixture(scope="module")
def search_page(module_page: Page, site_url: str) -> Page:
    """The FAQ page, for searches only: no test follows a result or an anchor on it, since Material closes the
    search 125 ms after the page's target changes."""
    module_page.goto(site_url + PAGE_TYPES["faq"])
    return module_page


def test_key_words_drop_only_small_words() -> None:
    assert key_words("Is Keras free to use?") == "keras free use"
    assert key_words("What is the difference between Keras 3 and tf.keras?") == "difference keras 3 tf.keras"


def test_search_finds_every_question(search_page: Page, site_url: str, real_site: Site) -> None:
    """Each question, searched for by its key words, is among the first results, and its result leads to the
    question's own address. Every question is tried; the misses are listed together."""
    missed = []
    every = search_each(search_page, [key_words(question.question) for question in real_site.questions])
    for question, shown in zip(real_site.questions, every, strict=True):
        if not top_result(shown, question, site_url):
            missed.append(
                f"{key_words(question.question)!r} does not show {PAGE_TYPES['faq']}#{question.id} in the top"
            )
    assert not missed, "\n".join(missed)


@pytest.mark.parametrize("which", [0, -1], ids=["first", "last"])
def test_following_a_questions_result_lands_on_it(page: Page, site_url: str, real_site: Site, which: int) -> None:
    """Following a result loads the FAQ page again (its address highlights the words searched for) and lands
    on the question's heading, below the sticky header; tried for the first and the last question (the
    other ends of the page), and in the keyboard test."""
    question = real_site.questions[which]
    page.goto(site_url + PAGE_TYPES["faq"])
    result = top_result(search(page, key_words(question.question)), question, site_url)
    assert result, f"no result for {question.id}"
    page.locator(f'.md-search-result__list a[href="{result}"]').click()
    page.wait_for_url(f"**/{PAGE_TYPES['faq']}?h=**#{question.id}")
    place = assert_lands_below_header(page, question.id)
    assert place["tag"] == "h3" and place["text"] == question.question


def test_every_question_lands_below_the_header(page: Page, site_url: str, real_site: Site) -> None:
    """Where every result leads: each question's heading, reached by the page's own link to it (the list of
    questions at the top), lands in view below the sticky header."""
    page.goto(site_url + PAGE_TYPES["faq"])
    places = assert_each_link_lands_below_header(page, [question.id for question in real_site.questions])
    for question, place in zip(real_site.questions, places, strict=True):
        assert place["tag"] == "h3" and place["text"] == question.question, place


def test_search_finds_a_question_asked_in_other_words(search_page: Page, site_url: str) -> None:
    missed = []
    every = search_each(search_page, list(PARAPHRASES))
    for (query, wanted), shown in zip(PARAPHRASES.items(), every, strict=True):
        found = [fragment(url) for url in shown[: TOP + 1] if path_of(url, site_url) == PAGE_TYPES["faq"]]
        if wanted not in found:
            missed.append(f"{query!r} shows {shown[: TOP + 1]}")
    assert not missed, "\n".join(missed)


def test_keyboard_only_shortcut_type_arrow_enter(page: Page, site_url: str) -> None:
    page.goto(site_url)
    page.keyboard.press("/")
    assert page.evaluate("document.activeElement.matches('input.md-search__input')")
    page.wait_for_function(EMPTIED, arg=[META, SEARCH_PLACEHOLDER])
    page.keyboard.insert_text("tensorboard ja")  # as typed, but the box is read once: on the last key's release
    page.keyboard.press("x")
    page.wait_for_function(ANSWERED, arg=[META, SEARCH_PLACEHOLDER])
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


def test_every_readers_query_finds_its_section_first(search_page: Page, site_url: str) -> None:
    """Every query of search_queries.yml is tried; the ones whose section is not first are listed together."""
    missed = []
    every = search_each(search_page, [case["query"] for case in READER_QUERIES])
    for case, shown in zip(READER_QUERIES, every, strict=True):
        first = first_result(shown, case["finds"], site_url)
        if first != case["finds"]:
            missed.append(f"{case['query']!r} shows {first!r} first, not {case['finds']!r}; all: {shown[:6]}")
    assert not missed, f"{len(missed)} of {len(READER_QUERIES)} queries:\n" + "\n".join(missed)


def test_punctuation_stays_off_the_words_searched_for(search_page: Page, site_url: str) -> None:
    for query in ["is keras free for commercial use?", "can I use keras with pytorch?"]:
        search(search_page, query)
        missing = search_page.locator(".md-search-result__list .md-search-result__terms").all_inner_texts()
        assert not [text for text in missing if "?" in text], f"{query}: a '?' stays glued to its word"
    shown = search(search_page, "Can I use Keras with PyTorch?")
    assert first_result(shown, "faq/#x", site_url) == "faq/#keras-with-pytorch"


# -- assets/search.js on its own: the query it hands on to the search worker ------------------------------

# A stand-in for the browser's Worker that records what it is sent; search.js wraps it as it wraps the real
# one, and the test reads what the wrapper passes on for each query typed.
RECORDING_WORKER = """() => {
  window.sentToWorker = [];
  window.Worker = class { constructor(url) { this.url = url; } postMessage(message) { sentToWorker.push(message); } };
}"""
SEND = """([url, queries]) => { const worker = new Worker(url);
  for (const data of queries) worker.postMessage({type: 2, data});
  worker.postMessage({type: 0, data: "setup"});
  return sentToWorker; }"""


def test_search_js_drops_small_words_and_asks_for_whole_words_first(page: Page, site_url: str) -> None:
    """Small words go (unless nothing else is left); each plain word is also asked for exactly, boosted, so that
    the title with "use" beats the title with "used"; a word marked + or - stays as typed; other messages
    and other workers pass untouched."""
    page.goto(site_url + PAGE_TYPES["about"])
    page.evaluate(RECORDING_WORKER)
    page.add_script_tag(path=str(ROOT / "docs" / "assets" / "search.js"))
    queries = ["is keras free for commercial use?", "use keras pytorch -tensorboard", "is it", "tf.keras +jax"]
    sent = page.evaluate(SEND, ["assets/javascripts/workers/search.js", queries])
    assert [message["data"] for message in sent] == [
        "keras^5 keras free^5 free commercial^5 commercial use^5 use?",
        "use^5 use keras^5 keras pytorch^5 pytorch -tensorboard",
        "is^5 is it^5 it",
        "tf.keras +jax",
        "setup",
    ]
    assert page.evaluate(SEND, ["other.js", ["is keras"]])[-2]["data"] == "is keras"
