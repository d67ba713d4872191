"""Rendering: the model becomes Markdown pages whose anchors come from ids, for any number of tools."""

from __future__ import annotations

import dataclasses
import json
import re

import markdown
import msgspec
import pytest
from bs4 import BeautifulSoup

from sitegen import addresses as at
from sitegen.addresses import Css
from sitegen.build import load_site
from sitegen.faq import faq_jsonld
from sitegen.model import Site
from sitegen.render import nav_entries, render_site
from support.project import FIXTURE

BASICS, CHOOSING = at.aspect_page("basics"), at.aspect_page("choosing")


@pytest.fixture(scope="module")
def site() -> Site:
    return load_site(FIXTURE / "data")


@pytest.fixture(scope="module")
def pages(site: Site) -> dict[str, str]:
    return render_site(site)


def html_of(page: str) -> BeautifulSoup:
    """A generated page as MkDocs turns it into HTML (its front matter dropped)."""
    body = page.split("\n---\n", 1)[1] if page.startswith("---\n") else page
    extensions = ["attr_list", "md_in_html", "tables", "admonition"]
    return BeautifulSoup(markdown.markdown(body, extensions=extensions), "lxml")


def test_one_page_per_aspect_plus_summary_faq_and_alias_redirects(pages: dict[str, str]) -> None:
    assert sorted(pages) == sorted(
        [
            BASICS,
            CHOOSING,
            at.ASPECTS_INDEX,
            at.redirect_page("fundamentals"),
            at.FAQ_PAGE,
            at.SUMMARY_PAGE,
            at.NEWS_PAGE,
        ]
    )


def test_navigation_follows_data_order(site: Site) -> None:
    assert nav_entries(site) == [{"All aspects": at.ASPECTS_INDEX}, {"Basics": BASICS}, {"Choosing": CHOOSING}]


def test_aspect_page_headings_carry_ids_from_the_data(pages: dict[str, str]) -> None:
    heading = re.compile(rf"^(#+) (.+) \{{#([a-z0-9-]+)(?: {at.SEARCH_EXCLUDE})?\}}$", re.MULTILINE)
    assert heading.findall(pages[BASICS]) == [
        ("#", "Basics", "basics"),
        ("##", "What it is", "what-it-is"),
        ("##", "Speed", "speed"),
        ("##", "Licence", "licence"),
        ("##", "Related questions", at.RELATED_QUESTIONS),
        ("##", "Sources", at.SOURCES),
    ]


def test_tools_stand_side_by_side_in_columns_that_carry_the_per_tool_anchors(pages: dict[str, str]) -> None:
    page = html_of(pages[BASICS])
    speed = page.find(id="speed").find_next(class_=Css.COLUMNS)
    columns = speed.find_all(class_=Css.TOOL, recursive=False)
    assert [column["id"] for column in columns] == [at.tool_anchor("speed", t) for t in ("alpha", "beta", "gamma")]
    assert [column.find(class_=Css.TOOL_NAME).get_text() for column in columns] == ["Alpha", "Beta", "Gamma"]
    assert columns[0].find(class_=Css.TOOL_NAME).a["href"] == "#" + at.tool_anchor("speed", "alpha")


def test_a_point_opens_with_its_gist_and_edge_before_the_tools(pages: dict[str, str]) -> None:
    page = html_of(pages[BASICS])
    first = page.find(id="speed").find_next(["p", "div"])
    assert first["class"] == [Css.GIST]
    assert first.get_text(" ", strip=True) == "Gamma is the fastest of the three. Edge: Gamma"


def test_a_shared_text_spans_the_tools_and_keeps_every_tool_anchor(pages: dict[str, str]) -> None:
    page = html_of(pages[BASICS])
    shared = page.find(class_=Css.SHARED)
    assert shared.find(class_=Css.TOOL_NAME).get_text() == "Same for Alpha, Beta and Gamma"
    assert [target["id"] for target in shared.find_all(class_=Css.ALIAS)] == [
        at.tool_anchor("licence", t) for t in ("alpha", "beta", "gamma")
    ]
    assert page.find(id="licence").find_next(class_=Css.GIST).get_text(" ", strip=True).endswith("Edge: Even")


def test_a_support_matrix_says_each_value_in_words(pages: dict[str, str]) -> None:
    table = html_of(pages[BASICS]).find(class_=Css.SUPPORT).table
    assert [th.get_text() for th in table.thead.find_all("th")] == ["Support", "Alpha", "Beta", "Gamma"]
    row = [cell.get_text() for cell in table.tbody.tr.find_all(["th", "td"])]
    assert row == ["Runs on GPUs", "Yes", "Partial with a plug-in", "No"]


def test_point_alias_is_an_anchor_right_before_its_heading(pages: dict[str, str]) -> None:
    assert f'<div id="definition" class="{Css.ALIAS}"></div>\n## What it is {{#what-it-is}}' in pages[BASICS]


def test_page_front_matter_gives_title_and_meta_description(pages: dict[str, str]) -> None:
    assert pages[BASICS].startswith(
        '---\ntitle: "Basics"\ndescription: "The basic facts about each made-up tool."\n---\n'
    )


def test_summary_has_a_table_per_aspect_a_column_per_tool_and_the_edge(pages: dict[str, str]) -> None:
    page = html_of(pages[at.SUMMARY_PAGE])
    tables = page.find_all(class_=Css.SUMMARY)
    assert [box.find_previous("h2")["id"] for box in tables] == ["basics", "choosing"]
    head = [th.get_text() for th in tables[0].thead.find_all("th")]
    assert head == ["Point", "Alpha", "Beta", "Gamma", "Edge"]
    rows = [[cell.get_text() for cell in tr.find_all(["th", "td"])] for tr in tables[0].tbody.find_all("tr")]
    links = [tr.th.a["href"] for tr in tables[0].tbody.find_all("tr")]
    assert links == [at.relative(at.address(BASICS, p), at.SUMMARY_PAGE) for p in ("what-it-is", "speed", "licence")]
    assert rows == [
        [
            "What it is",
            "Alpha short.",
            "Beta short.",
            "Gamma short.",
            "Edge: Alpha",
        ],
        [
            "Speed",
            "Fast.",
            "Faster.",
            "Fastest.",
            "Edge: Gamma",
        ],
        ["Licence", "MIT", "Edge: Even"],
    ]
    assert tables[0].tbody.find_all("tr")[2].td["colspan"] == "3"


def test_pipes_in_text_are_character_references(pages: dict[str, str]) -> None:
    # a pipe is a character reference: no Markdown table can split on it
    assert "Beta in one line &#124; with a pipe." in pages[BASICS]
    assert "Three made-up tools &#124; one of them" in pages[at.SUMMARY_PAGE] or "&#124;" in pages[BASICS]


def test_decision_points_render_recommendation_and_evidence_links(pages: dict[str, str]) -> None:
    page = pages[CHOOSING]
    box = html_of(page).select_one(f"div.admonition.tip.{Css.RECOMMENDATION}")
    assert [p.get_text() for p in box.find_all("p", recursive=False)] == ["Recommendation", "Choose by team size."]
    assert box.p["class"] == ["admonition-title"]
    to_basics = at.relative(BASICS, CHOOSING)
    assert f"Evidence: [Basics: Speed]({to_basics}#speed), [Basics]({to_basics}#basics)" in page


def test_the_decision_guide_opens_with_choose_if_lines_then_scenarios(pages: dict[str, str]) -> None:
    page = html_of(pages[CHOOSING])
    boxes = page.find(id=at.CHOOSE).find_all(class_=Css.TOOL, recursive=False)
    assert [box["id"] for box in boxes] == [at.choose_anchor(t) for t in ("alpha", "beta", "gamma")]
    assert [box.p.get_text() for box in boxes] == [f"Choose {n} if you…" for n in ("Alpha", "Beta", "Gamma")]
    rows = page.find(class_=Css.SCENARIOS).tbody.find_all("tr")
    assert [row["id"] for row in rows] == ["small-app", "big-team"]
    first_point = page.find(id="team-size")
    assert first_point.find_previous(id=at.SCENARIOS) is not None


def test_faq_groups_questions_by_topic_in_topic_order(pages: dict[str, str]) -> None:
    headings = re.findall(r"^(##+) (.+) \{#([a-z0-9-]+)\}$", pages[at.FAQ_PAGE], re.MULTILINE)
    assert headings == [
        ("##", "General", "general"),
        ("###", "What is Alpha?", "what-is-alpha"),
        ("##", "Speed", "speed"),
        ("###", "Which tool is fastest?", "which-is-fastest"),
    ]
    assert f'<div id="alpha" class="{Css.ALIAS}"></div>\n### What is Alpha?' in pages[at.FAQ_PAGE]


def test_aspect_page_lists_its_related_questions(pages: dict[str, str]) -> None:
    to_faq = at.relative(at.FAQ_PAGE, BASICS)
    assert f"- [Which tool is fastest?]({to_faq}#which-is-fastest)" in pages[BASICS]
    assert f"- [What is Alpha?]({to_faq}#what-is-alpha)" in pages[CHOOSING]


def test_renamed_aspect_redirect_keeps_the_anchor(pages: dict[str, str]) -> None:
    page = BeautifulSoup(pages[at.redirect_page("fundamentals")], "lxml")
    target = at.redirect_target("basics")
    assert page.find("meta", attrs={"http-equiv": "refresh"})["content"] == f"0; url={target}"
    assert page.find("script").string == f'location.replace("{target}" + location.hash)'
    assert page.find("link", rel="canonical")["href"] == target


def test_faq_jsonld_is_valid_and_cannot_close_its_script(site: Site) -> None:
    script = faq_jsonld(site, site.questions)
    prefix, suffix = '<script type="application/ld+json">', "</script>"
    assert script.startswith(prefix) and script.endswith(suffix)
    text = script.removeprefix(prefix).removesuffix(suffix)
    assert "<" not in text and ">" not in text
    data = json.loads(text)
    assert data["@type"] == "FAQPage"
    assert [q["name"] for q in data["mainEntity"]] == ["What is Alpha?", "Which tool is fastest?"]
    assert data["mainEntity"][1]["acceptedAnswer"]["text"] == "Gamma, in the made-up benchmark. See Gamma."


def test_one_tool_renders_too(site: Site) -> None:
    single = dataclasses.replace(site, tools=site.tools[:1])
    pages = render_site(single)
    head = html_of(pages[at.SUMMARY_PAGE]).find(class_=Css.SUMMARY).thead
    assert [th.get_text() for th in head.find_all("th")] == ["Point", "Alpha", "Edge"]
    assert "between Alpha." in pages[at.FAQ_PAGE]


def test_a_shared_text_names_the_tools_as_typed(site: Site) -> None:
    tools = (msgspec.structs.replace(site.tools[0], name="A &lt;b&gt; & <i"), *site.tools[1:])
    page = html_of(render_site(dataclasses.replace(site, tools=tools))[BASICS])
    label = page.find(class_=Css.SHARED).find(class_=Css.TOOL_NAME)
    assert label.get_text() == "Same for A &lt;b&gt; & <i, Beta and Gamma"
