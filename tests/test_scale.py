"""A comparison that outgrows one page: the FAQ becomes an index and a page per topic, and the navigation
lists the index of aspects and the page's own aspect instead of every aspect. Read from a built copy of
this project with low thresholds (the real site is below both)."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import urljoin

import pytest
from bs4 import BeautifulSoup

from sitegen import addresses as at
from sitegen.model import Site
from support.project import CONFIG, SPLIT_ASPECTS, SPLIT_QUESTIONS, copy_fixture, edit, mkdocs_build, problems_of
from support.sitehost import page_file


@pytest.fixture
def split(split_site: tuple[Site, Path]) -> tuple[Site, Path]:
    return split_site


def soup(site_dir: Path, url: str) -> BeautifulSoup:
    return BeautifulSoup(page_file(site_dir, url).read_text(encoding="utf-8"), "lxml")


def nav_links(page: BeautifulSoup) -> list[str]:
    """The addresses the primary navigation links, its table of contents left out."""
    nav = page.select_one("nav.md-nav--primary")
    return [a["href"] for a in nav.select("a.md-nav__link[href]") if "#" not in a["href"]]


def test_the_real_site_is_below_both_thresholds(real_site: Site) -> None:
    assert not real_site.faq_split
    assert len(real_site.questions) > SPLIT_QUESTIONS and len(real_site.aspects) > SPLIT_ASPECTS


def test_the_index_links_every_question_on_its_topic_page(split: tuple[Site, Path]) -> None:
    site, site_dir = split
    assert site.faq_split
    index_url = at.url_of(at.FAQ_PAGE)
    index = soup(site_dir, index_url)
    entries = index.select(f".{at.Css.INDEX} li.{at.Css.MOVED}")
    assert [entry["id"] for entry in entries] == [q.id for q in site.questions]
    for question, entry in zip(site.questions, entries, strict=True):
        assert {span["id"] for span in entry.select(f".{at.Css.ALIAS}")} == set(question.aliases)
        target = urljoin(index_url, entry.a["href"])
        assert target == at.url_of(site.question_address(question))
        page, _, anchor = target.partition("#")
        heading = soup(site_dir, page).find(id=anchor)
        assert heading is not None and heading.name == "h2", f"{target} lands on no question"
    assert not index.select(f".{at.Css.QUESTION}"), "the index holds no answers"


def test_each_topic_page_holds_its_questions_and_their_structured_data(split: tuple[Site, Path]) -> None:
    site, site_dir = split
    for topic, questions in site.questions_by_topic:
        page = soup(site_dir, at.url_of(at.topic_page(topic.id)))
        assert page.h1["id"] == topic.id
        assert [item.h2["id"] for item in page.select(f".{at.Css.QUESTION}")] == [q.id for q in questions]
        data = json.loads(page.find("script", type="application/ld+json").string)
        assert len(data["mainEntity"]) == len(questions)
        assert page.select_one(f".{at.Css.FILTER}") is not None
        back = {urljoin(at.url_of(at.topic_page(topic.id)), a["href"]) for a in page.select("article p > a[href]")}
        assert at.url_of(at.FAQ_PAGE) in back, "a topic's page links the index of every question"
    index = soup(site_dir, at.url_of(at.FAQ_PAGE))
    assert index.find("script", type="application/ld+json") is None


def test_a_question_s_links_go_to_its_topic_page(split: tuple[Site, Path]) -> None:
    site, site_dir = split
    question = next(q for q in site.questions if site.questions_by_aspect and q.related)
    aspect_id = at.split_ref(question.related[0])[0]
    page_url = at.url_of(at.aspect_page(aspect_id))
    links = {urljoin(page_url, a["href"]) for a in soup(site_dir, page_url).select("a[href]")}
    assert at.url_of(site.question_address(question)) in links
    exported = json.loads((site_dir / "export" / "comparison.json").read_text(encoding="utf-8"))
    urls = {q["id"]: q["url"] for q in exported["questions"]}
    assert urls[question.id].endswith(at.url_of(site.question_address(question)))


def test_an_aspect_page_lists_the_index_and_itself_not_every_aspect(split: tuple[Site, Path]) -> None:
    site, site_dir = split
    pages = {at.url_of(at.aspect_page(a.id)) for a in site.aspects}
    first, second = site.aspects[0], site.aspects[1]
    for aspect in (first, second):
        url = at.url_of(at.aspect_page(aspect.id))
        page = soup(site_dir, url)
        listed = {urljoin(url, href) for href in nav_links(page)}
        assert listed & pages == {url}
        assert at.url_of(at.ASPECTS_INDEX) in listed
        footer = {urljoin(url, a["href"]) for a in page.select(".md-footer a[href]")}
        assert footer & pages, "the previous and next links still lead through the aspects"
    home = soup(site_dir, "")
    assert not {urljoin("", href) for href in nav_links(home)} & pages


def test_the_index_of_aspects_links_every_aspect(split: tuple[Site, Path]) -> None:
    site, site_dir = split
    url = at.url_of(at.ASPECTS_INDEX)
    listed = [urljoin(url, a["href"]) for a in soup(site_dir, url).select("article li > a[href]")]
    assert listed == [at.url_of(at.aspect_page(a.id)) for a in site.aspects]


def test_the_topic_pages_are_in_the_navigation(split: tuple[Site, Path]) -> None:
    site, site_dir = split
    listed = set(nav_links(soup(site_dir, "")))
    assert {at.url_of(at.topic_page(topic.id)) for topic, _ in site.questions_by_topic} <= listed


@pytest.mark.parametrize("value", ["-1", "many", "true", "2.5"])
def test_a_bad_navigation_limit_stops_the_build(tmp_path: Path, value: str) -> None:
    data = copy_fixture(tmp_path)
    config = data.parent / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + f"extra:\n  aspects_in_nav: {value}\n", encoding="utf-8")
    result = mkdocs_build(config, tmp_path / "site")
    assert result.returncode != 0
    assert "extra.aspects_in_nav in mkdocs.yml must be a whole number" in result.stderr
    assert "Traceback" not in result.stderr


def test_the_real_configuration_sets_the_navigation_limit() -> None:
    assert f"  {at.ASPECTS_IN_NAV}: " in CONFIG.read_text(encoding="utf-8")


TOPIC_DATA = {
    "a topic named index (it would take the index's address)": ("id: general", "id: index", "2:", "'index'"),
    "markup in a topic's title (it titles a page)": ("title: General", "title: General <b>", "3:", "titles a page"),
    "a page of no questions": ("topics:", "one_page_up_to: 0\ntopics:", "1:", "whole number of at least 1, got 0"),
    "a limit that is not a number": ("topics:", "one_page_up_to: many\ntopics:", "1:", "whole number, got text"),
}


@pytest.mark.parametrize("case", TOPIC_DATA.values(), ids=TOPIC_DATA.keys())
def test_bad_faq_settings_are_refused_at_their_line(tmp_path: Path, case: tuple[str, str, str, str]) -> None:
    old, new, line, why = case
    data = copy_fixture(tmp_path)
    edit(data / "topics.yml", old, new)
    problems = problems_of(data)
    assert any(problem.startswith(f"data/topics.yml:{line}") and why in problem for problem in problems), problems


def test_a_fixture_with_one_question_per_page_builds(tmp_path: Path) -> None:
    data = copy_fixture(tmp_path)
    edit(data / "topics.yml", "topics:", "one_page_up_to: 1\ntopics:")
    result = mkdocs_build(data.parent / "mkdocs.yml", tmp_path / "site")
    assert result.returncode == 0, result.stderr
    assert {path.parent.name for path in (tmp_path / "site" / at.FAQ_DIR).glob("*/index.html")} == {"general", "speed"}
