"""A FAQ with a page per topic, in the browser: an old link to a question on the one FAQ page lands on the
question on its topic's page; without JavaScript, on the question's entry in the index, which links it;
the filter narrows the index."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page

from sitegen import addresses as at
from sitegen.faq import filter_words
from sitegen.model import Site
from support.browser import PageFactory, assert_lands_below_header, path_of, settle
from support.project import SPLIT_ALIAS
from support.sitehost import serve

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def split(split_site: tuple[Site, Path]) -> Iterator[tuple[Site, str]]:
    site, site_dir = split_site
    with serve(site_dir) as base:
        yield site, base


def old_address(base: str, anchor: str) -> str:
    return f"{base}{at.url_of(at.address(at.FAQ_PAGE, anchor))}"


def test_an_old_link_to_a_question_lands_on_it_on_its_topic_page(page: Page, split: tuple[Site, str]) -> None:
    site, base = split
    for question in (site.questions[0], site.questions[-1]):
        page.goto(old_address(base, question.id))
        page.wait_for_url(f"**/{at.url_of(site.question_address(question))}")
        settle(page)
        assert assert_lands_below_header(page, question.id)["tag"] == "h2"


def test_an_old_alias_lands_on_its_question(page: Page, split: tuple[Site, str]) -> None:
    site, base = split
    question = next(q for q in site.questions if SPLIT_ALIAS in q.aliases)
    page.goto(old_address(base, SPLIT_ALIAS))
    page.wait_for_url(f"**/{at.url_of(site.question_address(question))}")
    assert path_of(page.url, base) == at.url_of(site.question_page(question))


def test_a_link_to_a_topic_lands_on_its_page(page: Page, split: tuple[Site, str]) -> None:
    site, base = split
    topic = site.questions_by_topic[-1][0]
    page.goto(old_address(base, topic.id))
    page.wait_for_url(f"**/{at.url_of(at.topic_page(topic.id))}")


def test_without_javascript_an_old_link_lands_on_the_entry_that_links_it(
    open_page: PageFactory, split: tuple[Site, str]
) -> None:
    site, base = split
    page = open_page(java_script_enabled=False)
    question = site.questions[-1]
    page.goto(old_address(base, question.id))
    entry = page.locator(f"#{question.id}")
    assert entry.evaluate("element => element.tagName") == "LI"
    assert entry.is_visible()
    assert entry.locator("a").get_attribute("href").endswith(f"#{question.id}")
    assert path_of(page.url, base) == at.url_of(at.FAQ_PAGE)


def test_the_filter_narrows_the_index(page: Page, split: tuple[Site, str]) -> None:
    site, base = split
    page.goto(f"{base}{at.url_of(at.FAQ_PAGE)}")
    question = site.questions[-1]
    word = max(question.question.split(), key=len).strip("?`").lower()
    page.fill(f"#{at.FILTER_INPUT}", word)
    shown = page.evaluate(
        f"""() => [...document.querySelectorAll(".{at.Css.INDEX} li")]
        .filter(item => item.checkVisibility()).map(item => item.id)"""
    )
    known = {q.id: f"{q.question} {' '.join(filter_words(site, q))}".lower() for q in site.questions}
    expected = [q.id for q in site.questions if word in known[q.id]]  # the question, or its readers' words
    assert shown == expected and question.id in shown
    assert (
        page.locator(f".{at.Css.FILTER_STATUS}").inner_text()
        == f"{len(expected)} of {len(site.questions)} questions match."
    )
    page.fill(f"#{at.FILTER_INPUT}", "")
    assert page.locator(f".{at.Css.INDEX} li:visible").count() == len(site.questions)


def test_a_topic_page_keeps_its_filter(page: Page, split: tuple[Site, str]) -> None:
    site, base = split
    topic, questions = site.questions_by_topic[0]
    page.goto(f"{base}{at.url_of(at.topic_page(topic.id))}")
    page.fill(f"#{at.FILTER_INPUT}", "zzzz-no-such-word")
    assert page.locator(f".{at.Css.QUESTION}:visible").count() == 0
    page.fill(f"#{at.FILTER_INPUT}", "")
    assert page.locator(f".{at.Css.QUESTION}:visible").count() == len(questions)
