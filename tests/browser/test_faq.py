"""The FAQ's filter box: narrows the questions as the reader types, restores them when cleared, and is
absent without JavaScript (the FAQ is then a plain list)."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from playwright.sync_api import Page

from sitegen.addresses import Css
from sitegen.model import Site
from support.browser import PageFactory
from support.sitehost import PAGE_TYPES, page_file

pytestmark = pytest.mark.browser

SHOWN_IDS = f"""() => [...document.querySelectorAll(".{Css.QUESTION}")]
  .filter(item => item.checkVisibility()).map(item => item.querySelector("h3").id)"""
SHOWN_IN_INDEX = f"""() => [...document.querySelectorAll(".{Css.INDEX} li")]
  .filter(item => item.checkVisibility()).map(item => item.querySelector("a").hash.slice(1))"""
SHOWN_TOPICS = f"""() => [...document.querySelectorAll(".{Css.TOPIC}")]
  .filter(topic => topic.checkVisibility()).map(topic => topic.querySelector("h2").id)"""


def questions_containing(built_site: Path, words: list[str]) -> list[str]:
    """Ids of the questions whose whole block contains every word, read from the built HTML."""
    html = BeautifulSoup(page_file(built_site, PAGE_TYPES["faq"]).read_text(encoding="utf-8"), "lxml")
    found = []
    for item in html.select(f".{Css.QUESTION}"):
        text = (item.h3.get_text() + " " + item.select_one(f".{Css.ANSWER}").get_text()).lower()
        if all(word in text for word in words):
            found.append(item.h3["id"])
    return found


def test_filter_narrows_as_you_type_and_restores_when_cleared(
    page: Page, site_url: str, built_site: Path, real_site: Site
) -> None:
    page.goto(site_url + PAGE_TYPES["faq"])
    everything = [q.id for q in real_site.questions]
    topics = page.evaluate(SHOWN_TOPICS)
    assert sorted(page.evaluate(SHOWN_IDS)) == sorted(everything)
    box = page.get_by_label("Filter the questions")
    assert box.is_visible()
    status = page.locator(f".{Css.FILTER_STATUS}")

    box.press_sequentially("jax")
    expected = questions_containing(built_site, ["jax"])
    assert 0 < len(expected) < len(everything)
    assert page.evaluate(SHOWN_IDS) == expected
    assert page.evaluate(SHOWN_IN_INDEX) == expected, "the index lists what the filter keeps"
    assert status.inner_text() == f"{len(expected)} of {len(everything)} questions match."

    box.press_sequentially(" tensorboard")  # every word must occur
    narrower = questions_containing(built_site, ["jax", "tensorboard"])
    assert 0 < len(narrower) < len(expected)
    assert page.evaluate(SHOWN_IDS) == narrower
    shown_topics = page.evaluate(SHOWN_TOPICS)
    assert 0 < len(shown_topics) < len(topics), "topics with no matching question are hidden"

    box.fill("")
    box.press("Backspace")  # an input event with the box empty, as a reader clearing it would make
    assert sorted(page.evaluate(SHOWN_IDS)) == sorted(everything)
    assert sorted(page.evaluate(SHOWN_IN_INDEX)) == sorted(everything)
    assert page.evaluate(SHOWN_TOPICS) == topics
    assert status.inner_text() == ""

    box.press_sequentially("qwertyuiop")
    assert page.evaluate(SHOWN_IDS) == [] and page.evaluate(SHOWN_TOPICS) == []
    assert status.inner_text() == f"0 of {len(everything)} questions match."


def test_without_javascript_the_faq_is_a_plain_list(open_page: PageFactory, site_url: str, real_site: Site) -> None:
    page = open_page(java_script_enabled=False)
    page.goto(site_url + PAGE_TYPES["faq"])
    assert page.locator(f".{Css.FILTER}").count() == 1
    assert not page.locator(f".{Css.FILTER}").is_visible(), "a filter box that cannot work is shown"
    assert sorted(page.evaluate(SHOWN_IDS)) == sorted(q.id for q in real_site.questions)
    assert page.locator(f".{Css.QUESTION} h3").all_inner_texts() != []


def test_the_filter_reads_questions_and_answers_not_sources(page: Page, site_url: str, real_site: Site) -> None:
    page.goto(site_url + PAGE_TYPES["faq"])
    read = " ".join(f"{q.question} {q.answer}" for q in real_site.questions).lower()
    words = {w.strip("().,").lower() for q in real_site.questions for s in q.sources for w in s.title.split()}
    only_in_sources = sorted(w for w in words if len(w) > 4 and w.isalpha() and w not in read)
    assert only_in_sources, "no word of a source title is missing from the answers: nothing to test"
    page.get_by_label("Filter the questions").press_sequentially(only_in_sources[0])
    assert page.evaluate(SHOWN_IDS) == []


def test_the_index_lists_every_question_by_topic_before_the_answers(
    open_page: PageFactory, site_url: str, real_site: Site
) -> None:
    page = open_page(java_script_enabled=False)
    page.goto(site_url + PAGE_TYPES["faq"])
    index = page.locator(f".{Css.INDEX}")
    assert index.locator("a").evaluate_all("links => links.map(a => a.hash.slice(1))") == [
        q.id for q in real_site.questions
    ]
    titles = index.locator("strong").all_inner_texts()
    asked = {q.topic for q in real_site.questions}
    assert titles == [t.title for t in real_site.topics if t.id in asked]
    first_question = page.locator(f".{Css.QUESTION}").first.bounding_box()
    assert index.bounding_box()["y"] < first_question["y"]
