"""Rendering: the model becomes Markdown pages whose anchors come from ids, for any number of tools."""

from __future__ import annotations

import json
import re

import pytest

from helpers import FIXTURE, load
from sitegen.model import Site
from sitegen.render import faq_jsonld, nav_entries, plain_text, render_site


@pytest.fixture(scope="module")
def site() -> Site:
    return load(FIXTURE / "data")


@pytest.fixture(scope="module")
def pages(site: Site) -> dict[str, str]:
    return render_site(site)


def test_one_page_per_aspect_plus_summary_faq_and_alias_redirects(pages: dict[str, str]) -> None:
    assert sorted(pages) == [
        "aspects/basics.md",
        "aspects/choosing.md",
        "aspects/fundamentals/index.html",
        "faq.md",
        "summary.md",
    ]


def test_navigation_follows_data_order(site: Site) -> None:
    assert nav_entries(site) == [{"Basics": "aspects/basics.md"}, {"Choosing": "aspects/choosing.md"}]


def test_aspect_page_headings_carry_ids_from_the_data(pages: dict[str, str]) -> None:
    heading = re.compile(r"^(#+) (.+) \{#([a-z0-9-]+)(?: data-search-exclude)?\}$", re.MULTILINE)
    headings = heading.findall(pages["aspects/basics.md"])
    assert headings == [
        ("#", "Basics", "basics"),
        ("##", "What it is", "what-it-is"),
        ("###", "Alpha", "what-it-is--alpha"),
        ("###", "Beta", "what-it-is--beta"),
        ("###", "Gamma", "what-it-is--gamma"),
        ("##", "Speed", "speed"),
        ("###", "Alpha", "speed--alpha"),
        ("###", "Beta", "speed--beta"),
        ("###", "Gamma", "speed--gamma"),
        ("##", "Related questions", "related-questions"),
        ("##", "Sources", "sources"),
    ]


def test_point_alias_is_an_anchor_right_before_its_heading(pages: dict[str, str]) -> None:
    assert '<div id="definition" class="kvt-alias"></div>\n## What it is {#what-it-is}' in pages["aspects/basics.md"]


def test_page_front_matter_gives_title_and_meta_description(pages: dict[str, str]) -> None:
    assert pages["aspects/basics.md"].startswith(
        '---\ntitle: "Basics"\ndescription: "The basic facts about each made-up tool."\n---\n'
    )


def test_summary_table_has_a_column_per_tool_and_a_row_per_aspect_and_point(pages: dict[str, str]) -> None:
    rows = [line for line in pages["summary.md"].splitlines() if line.startswith("| ") and "---" not in line]
    header, body = rows[0], rows[1:6]
    assert header == "| Aspect and point | Alpha | Beta | Gamma |"
    assert len(body) == 5  # 2 aspects + 3 points
    context = '<span class="kvt-in">Basics</span>'
    assert body[1].startswith(f"| {context} [What it is](aspects/basics.md#what-it-is) | [Alpha short.]")
    assert "[Gamma short.](aspects/basics.md#what-it-is--gamma)" in body[1]


def test_pipes_in_table_text_are_escaped(pages: dict[str, str]) -> None:
    assert "[Beta in one line \\| with a pipe.](aspects/basics.md#basics)" in pages["summary.md"]


def test_decision_points_render_recommendation_and_evidence_links(pages: dict[str, str]) -> None:
    page = pages["aspects/choosing.md"]
    assert '!!! tip "Recommendation"\n\n    Choose by team size.' in page
    assert "Evidence: [Basics: Speed](basics.md#speed), [Basics](basics.md#basics)" in page


def test_faq_groups_questions_by_topic_in_topic_order(pages: dict[str, str]) -> None:
    headings = re.findall(r"^(##+) (.+) \{#([a-z0-9-]+)\}$", pages["faq.md"], re.MULTILINE)
    assert headings == [
        ("##", "General", "general"),
        ("###", "What is Alpha?", "what-is-alpha"),
        ("##", "Speed", "speed"),
        ("###", "Which tool is fastest?", "which-is-fastest"),
    ]
    assert '<div id="alpha" class="kvt-alias"></div>\n### What is Alpha?' in pages["faq.md"]


def test_aspect_page_lists_its_related_questions(pages: dict[str, str]) -> None:
    assert "- [Which tool is fastest?](../faq.md#which-is-fastest)" in pages["aspects/basics.md"]
    assert "- [What is Alpha?](../faq.md#what-is-alpha)" in pages["aspects/choosing.md"]


def test_renamed_aspect_redirect_keeps_the_anchor(pages: dict[str, str]) -> None:
    page = pages["aspects/fundamentals/index.html"]
    assert 'content="0; url=../basics/"' in page and 'location.replace("../basics/" + location.hash)' in page


def test_faq_jsonld_is_valid_and_cannot_close_its_script(site: Site) -> None:
    text = faq_jsonld(site)
    assert "<" not in text and ">" not in text
    data = json.loads(text)
    assert data["@type"] == "FAQPage"
    assert [q["name"] for q in data["mainEntity"]] == ["What is Alpha?", "Which tool is fastest?"]
    assert data["mainEntity"][1]["acceptedAnswer"]["text"] == "Gamma, in the made-up benchmark. See Gamma."


def test_plain_text_drops_markdown_marks() -> None:
    assert plain_text("Use `fit()` and **[Keras](https://keras.io/)**.\n") == "Use fit() and Keras."


def test_one_tool_renders_too(site: Site) -> None:
    single = Site(tools=site.tools[:1], aspects=site.aspects, topics=site.topics, questions=site.questions)
    pages = render_site(single)
    assert "| Aspect and point | Alpha |" in pages["summary.md"]
    assert "between Alpha." in pages["faq.md"]
