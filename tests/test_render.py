"""Rendering: the model becomes Markdown pages whose anchors come from ids, for any number of tools."""

from __future__ import annotations

import dataclasses
import json
import re

import pytest
from bs4 import BeautifulSoup

from sitegen import addresses as at
from sitegen.addresses import Css
from sitegen.build import load_site
from sitegen.model import Site
from sitegen.render import faq_jsonld, nav_entries, render_site
from support.project import FIXTURE

BASICS, CHOOSING = at.aspect_page("basics"), at.aspect_page("choosing")


@pytest.fixture(scope="module")
def site() -> Site:
    return load_site(FIXTURE / "data")


@pytest.fixture(scope="module")
def pages(site: Site) -> dict[str, str]:
    return render_site(site)


def test_one_page_per_aspect_plus_summary_faq_and_alias_redirects(pages: dict[str, str]) -> None:
    assert sorted(pages) == sorted([BASICS, CHOOSING, at.redirect_page("fundamentals"), at.FAQ_PAGE, at.SUMMARY_PAGE])


def test_navigation_follows_data_order(site: Site) -> None:
    assert nav_entries(site) == [{"Basics": BASICS}, {"Choosing": CHOOSING}]


def test_aspect_page_headings_carry_ids_from_the_data(pages: dict[str, str]) -> None:
    heading = re.compile(rf"^(#+) (.+) \{{#([a-z0-9-]+)(?: {at.SEARCH_EXCLUDE})?\}}$", re.MULTILINE)
    headings = heading.findall(pages[BASICS])
    tools = [("###", name, tool) for name, tool in [("Alpha", "alpha"), ("Beta", "beta"), ("Gamma", "gamma")]]
    assert headings == [
        ("#", "Basics", "basics"),
        ("##", "What it is", "what-it-is"),
        *((level, name, at.tool_anchor("what-it-is", tool)) for level, name, tool in tools),
        ("##", "Speed", "speed"),
        *((level, name, at.tool_anchor("speed", tool)) for level, name, tool in tools),
        ("##", "Related questions", at.RELATED_QUESTIONS),
        ("##", "Sources", at.SOURCES),
    ]


def test_point_alias_is_an_anchor_right_before_its_heading(pages: dict[str, str]) -> None:
    assert f'<div id="definition" class="{Css.ALIAS}"></div>\n## What it is {{#what-it-is}}' in pages[BASICS]


def test_page_front_matter_gives_title_and_meta_description(pages: dict[str, str]) -> None:
    assert pages[BASICS].startswith(
        '---\ntitle: "Basics"\ndescription: "The basic facts about each made-up tool."\n---\n'
    )


def test_summary_table_has_a_column_per_tool_and_a_row_per_aspect_and_point(pages: dict[str, str]) -> None:
    rows = [line for line in pages[at.SUMMARY_PAGE].splitlines() if line.startswith("| ") and "---" not in line]
    header, body = rows[0], rows[1:6]
    assert header == "| Aspect and point | Alpha | Beta | Gamma |"
    assert len(body) == 5  # 2 aspects + 3 points
    context = f'<span class="{Css.IN}">Basics</span>'
    assert body[1].startswith(f"| {context} [What it is]({at.address(BASICS, 'what-it-is')}) | [Alpha short.]")
    assert f"[Gamma short.]({at.address(BASICS, at.tool_anchor('what-it-is', 'gamma'))})" in body[1]


def test_pipes_in_table_text_are_escaped(pages: dict[str, str]) -> None:
    # a pipe is a character reference: no Markdown table can split on it
    assert f"[Beta in one line &#124; with a pipe.]({at.address(BASICS, 'basics')})" in pages[at.SUMMARY_PAGE]


def test_decision_points_render_recommendation_and_evidence_links(pages: dict[str, str]) -> None:
    page = pages[CHOOSING]
    recommendation = '<div class="admonition tip">\n<p class="admonition-title">Recommendation</p>\n'
    assert recommendation + "<p>Choose by team size.</p>\n</div>" in page
    to_basics = at.relative(BASICS, CHOOSING)
    assert f"Evidence: [Basics: Speed]({to_basics}#speed), [Basics]({to_basics}#basics)" in page


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
    script = faq_jsonld(site)
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
    assert "| Aspect and point | Alpha |" in pages[at.SUMMARY_PAGE]
    assert "between Alpha." in pages[at.FAQ_PAGE]
