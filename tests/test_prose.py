"""Field kinds: one-line fields show exactly as typed, block fields are rendered once and sanitised."""

from __future__ import annotations

import markdown
import pytest
from bs4 import BeautifulSoup
from mkdocs.config import load_config

from sitegen.model import BLOCK_MAX, BLOCK_MAX_BRACKETS
from sitegen.prose import MarkdownSetup, Prose, attribute, line_html, line_plain, plain_text, read_setup, removed
from support.project import CONFIG, site_prose


def shown(html: str) -> str:
    """What a reader sees of a line's HTML once Markdown and the browser have read it."""
    rendered = markdown.markdown(
        f"## {html} {{#x}}\n\n| a |\n| - |\n| [{html}](t.md) |", extensions=["attr_list", "tables"]
    )
    page = BeautifulSoup(rendered, "html.parser")
    assert page.h2 is not None and page.h2.get("id") == "x", "the heading keeps its anchor"
    cells = page.select("td")
    assert len(cells) == 1, "the table cell is not split"
    assert page.h2.get_text() == cells[0].get_text()
    return page.h2.get_text()


@pytest.mark.parametrize(
    "text",
    [
        "Plain words",
        "Speed {",
        "a | b \\| c",
        "*not em* _nor this_ **nor bold**",
        "[not a link](https://keras.io/) ![nor an image](x.png)",
        "C# and #hash and trailing #",
        "<b>not bold</b> &amp; &lt;",
        "{: onclick=alert(1)} {#id}",
        "~~no~~ ^^no^^ ==no==",
        "\"quotes\" and 'apostrophes'",
    ],
)
def test_a_line_shows_exactly_as_typed_in_a_heading_and_a_table_cell(text: str) -> None:
    assert shown(line_html(text)) == text


def test_code_spans_in_a_line_become_code_and_keep_their_content() -> None:
    html = line_html("Use `tf.keras` and ``a ` b`` and `<b>*x*</b>`")
    page = BeautifulSoup(markdown.markdown(html), "html.parser")
    assert [code.get_text() for code in page.find_all("code")] == ["tf.keras", "a ` b", "<b>*x*</b>"]
    assert line_plain("Use `tf.keras` here") == "Use tf.keras here"


def test_an_attribute_cannot_be_closed_by_a_line() -> None:
    value = attribute('Say "hi" & <b>`x`</b>')
    page = BeautifulSoup(f'<meta content="{value}">', "html.parser")
    assert page.meta is not None and page.meta["content"] == 'Say "hi" & <b>x</b>'


def test_the_markdown_setup_is_read_from_mkdocs_yml_as_mkdocs_reads_it() -> None:
    config = load_config(str(CONFIG))
    assert read_setup(CONFIG) == MarkdownSetup(tuple(config.markdown_extensions), config.mdx_configs)


def test_a_block_is_rendered_with_the_sites_extensions() -> None:
    html, lost = site_prose().block("Run `#!python keras.ops.add` on **any** backend:\n\n- JAX\n- PyTorch")
    assert lost == ()
    page = BeautifulSoup(html, "html.parser")
    assert [li.get_text() for li in page.find_all("li")] == ["JAX", "PyTorch"]
    assert page.code is not None and "highlight" in page.code["class"]  # inline highlighting, from mkdocs.yml


def test_raw_html_in_a_block_is_text_even_where_validation_would_not_look() -> None:
    html, lost = Prose(MarkdownSetup(("md_in_html",))).block('<div markdown="1" onclick="x">hi</div>')
    assert lost == () and "<div" not in html and "&lt;div" in html


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("<p>a<br/>b</p>", "<p>a<br>b</p>"),
        ("<a href='https://e.org/?a=1&amp;b=2'>x</a>", '<a href="https://e.org/?a=1&amp;b=2">x</a>'),
        ("<p>&#42;x&#x2a;</p>", "<p>*x*</p>"),
    ],
)
def test_serialisation_differences_are_not_removals(before: str, after: str) -> None:
    assert list(removed(before, after)) == []


def test_removals_are_named() -> None:
    before = '<p onclick="x">a</p><h2>b</h2><p><a href="javascript:x">c</a></p>'
    after = "<p>a</p>b<p><a>c</a></p>"
    assert list(removed(before, after)) == [
        'an attribute list or id (onclick="x" on <p>)',
        "a heading (# ...)",
        "a link to 'javascript:x' (links go to http or https addresses)",
    ]


def test_plain_text_is_the_words_of_the_html() -> None:
    assert plain_text("<p>Use <code>fit()</code> and <strong><a href='https://keras.io/'>Keras</a></strong>.</p>") == (
        "Use fit() and Keras."
    )


def test_the_worst_markdown_at_the_size_bound_is_within_the_bracket_bound() -> None:
    # Python-Markdown is quadratic in unclosed '[': the bracket bound, not the length, keeps a block fast
    worst = ("[" * BLOCK_MAX_BRACKETS + "*`" * BLOCK_MAX)[:BLOCK_MAX]
    html, _ = Prose(read_setup(CONFIG)).block(worst)
    assert html.startswith("<p>[[[")


def test_a_block_nested_too_deeply_is_refused_and_the_next_one_renders_as_usual() -> None:
    prose = Prose(read_setup(CONFIG))
    assert prose.block("1. " * 666) == ("", ("nesting this deep (lists or quotations)",))
    assert prose.block("![x](https://keras.io/x.png)")[1] == ("an image",)
    assert prose.block("- a\n- b")[0] == "<ul>\n<li>a</li>\n<li>b</li>\n</ul>"
