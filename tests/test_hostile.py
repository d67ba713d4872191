"""Hostile data, tried the way a careless or malicious contributor would write it.

Every case either gets one clear refusal naming file, line and field (from ``make check`` and from the
build alike), or builds a site in which nothing from the data is live markup.
"""

from __future__ import annotations

import ast
import csv
import datetime
import importlib.metadata
import io
import os
import re
import shutil
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote

import pytest
import yaml
from bs4 import BeautifulSoup
from hypothesis import given
from hypothesis import strategies as st

import release
from release import BUILDS
from sitegen import addresses as at
from sitegen import build, cli, freshness
from sitegen.addresses import Css
from sitegen.build import Publishing, generate
from sitegen.characters import UNICODE_VERSION, describe, refused_in_value
from sitegen.export import CSV_FILE, csv_cell
from sitegen.load import MAX_FOLDER_DEPTH, Document, load_bytes
from sitegen.model import Problem, Site
from sitegen.news import ATOM, news
from sitegen.patterns import END, WHOLE_VALUES
from sitegen.prose import ATTRIBUTES, TAGS, plain_text
from sitegen.publishing import SettingError
from sitegen.validate import validate
from support.project import (
    ROOT,
    copy_fixture,
    copy_project,
    digest,
    fixture_documents,
    mkdocs_build,
    planted_fault,
    problems_of,
    site_prose,
)

FAQ = "data/faq/hostile.yml"
ASPECT = "data/aspects/overview.yml"
DECISION = "data/decision.yml"
TOOL = "data/tools/tensorflow.yml"
TAKES = "is not allowed in this field; it takes paragraphs, lists, code and links"
LINE = "in a one-line field; it is plain text, with `code` at most"
LINK = "(links go to http or https addresses) " + TAKES
CR = "the value holds invisible character U+000D (a control character) (an escape?); delete it"
BIDI = "the value holds invisible character U+202E (RIGHT-TO-LEFT OVERRIDE) (an escape?); delete it"
URL = "expected an http:// or https:// URL"
NESTED = "lists or quotations nested deeper than 16 levels"
HANGUL = "the value holds invisible character U+3164 (HANGUL FILLER) (an escape?); delete it"
SHOWS_NOTHING = "the text shows nothing once rendered (only link definitions, spaces or marks?)"
TITLE = 'expected a single line of text without <, >, & or " (it titles a page)'


def question(answer: str, **fields: object) -> str:
    """A question file whose answer (line 4) and other fields are given."""
    record = {"id": "hostile", "question": "Is this safe?", "topic": "basics", "answer": answer}
    record |= {"sources": [{"title": "Keras", "url": "https://keras.io/"}], "reviewed": "2026-11-28", **fields}
    return yaml.safe_dump(record, sort_keys=False, allow_unicode=True)


def yaml_quoted(value: str) -> str:
    """A YAML double-quoted scalar with every character outside printable ASCII as an escape, which the
    loader must see through."""

    def escape(char: str) -> str:
        if char in '"\\':
            return "\\" + char
        if " " <= char <= "~":
            return char
        return f"\\u{ord(char):04x}" if ord(char) < 0x10000 else f"\\U{ord(char):08x}"

    return '"' + "".join(escape(char) for char in value) + '"'


def set_line(project: Path, file: str, prefix: str, value: str, number: int = 0) -> None:
    """Give the one-line field on the line starting with ``prefix`` (``"title:"``, ``"  keras:"``) a new value;
    on the ``number``-th such line, counted from 0."""
    path = project / file
    lines = path.read_text(encoding="utf-8").split("\n")
    index = [i for i, line in enumerate(lines) if line.startswith(prefix)][number]
    lines[index] = f"{prefix} {yaml_quoted(value)}"
    path.write_text("\n".join(lines), encoding="utf-8")


# (answer text, the refusal after "data/faq/hostile.yml:4:1: answer: ")
REFUSED_ANSWERS = {
    "script": (
        "<script>alert(1)</script>",
        "raw HTML is not allowed in data; write Markdown (put code in `backticks`)",
    ),
    "img-onerror": (
        '<img src=x onerror="alert(1)">',
        "raw HTML is not allowed in data; write Markdown (put code in `backticks`)",
    ),
    "comment": ("<!-- hidden -->", "raw HTML is not allowed in data; write Markdown (put code in `backticks`)"),
    "autolink-javascript": (
        "<javascript:alert(1)>",
        "raw HTML is not allowed in data; write Markdown (put code in `backticks`)",
    ),
    "attribute-list-bare-word": ("Para\n{: foo onclick=alert(1)}", f'an attribute list or id (foo="" on <p>) {TAKES}'),
    "attribute-list-id": ("Para\n{: #faq}", f'an attribute list or id (id="faq" on <p>) {TAKES}'),
    "escaped-backticks": (
        "\\`x\\`\n{: onclick=alert(1)}",
        f'an attribute list or id (onclick="alert(1)" on <p>) {TAKES}',
    ),
    "fence-split-by-blank-lines": (
        "```\n\nx\n\n```\n[a](javascript:alert(1))",
        f"a link to 'javascript:alert(1)' {LINK}",
    ),
    "reference-in-quote": ("> [x]: javascript:alert(1)\n\n[y][x]", f"a quotation (> ...) {TAKES}"),
    "reference-in-list": ("- [x]: javascript:alert(1)\n\n[y][x]", f"a link to 'javascript:alert(1)' {LINK}"),
    "space-entity-before-scheme": ("[x](&#32;javascript:alert(1))", f"a link to ' javascript:alert(1)' {LINK}"),
    "colon-entity": ("[x](javascript&#58;alert(1))", f"a link to 'javascript:alert(1)' {LINK}"),
    "tab-entity": ("[x](java&#9;script:alert(1))", f"a link to 'java\\tscript:alert(1)' {LINK}"),  # shown as \\t
    "data-url": ("[x](data:text/html;base64,PHNjcmlwdD4=)", f"a link to 'data:text/html;base64,PHNjcmlwdD4=' {LINK}"),
    "mailto": ("[x](mailto:a@example.org)", f"a link to 'mailto:a@example.org' {LINK}"),
    "protocol-relative": ("[x](//evil.example.org/)", f"a link to '//evil.example.org/' {LINK}"),
    "backslash-host": ("[x](\\\\\\\\evil.example.org/)", f"a link to '\\\\evil.example.org/' {LINK}"),
    "relative": (
        "[x](../faq/)",
        "a link to '../faq/': links in data go to http(s) addresses; to point at a section of this site, "
        "use evidence or related",
    ),
    "heading": ("# Heading", f"a heading (# ...) {TAKES}"),
    "setext-heading": ("Heading\n=======", f"a heading (# ...) {TAKES}"),
    "admonition": ("!!! danger\n    Boo", f"an admonition (!!! ...) {TAKES}"),
    "details": ("??? note\n    Boo", f"a collapsible block (??? ...) {TAKES}"),
    "tabs": ('=== "A"\n    Boo', f"tabs (=== ...) {TAKES}"),
    "nested-lists": ("1. " * 666, NESTED),
    "nested-at-the-stack-limit": ("- " * 488 + "x", NESTED),
    "nested-quotes": ("> " * 17 + "x", NESTED),
    "link-title-tooltip": (
        '[x](https://keras.io/ "&lt;img src=x onerror=alert(1)&gt;")',
        f'a link title ([text](address "title")) {TAKES}',
    ),
    "link-title-reference": (
        '[x][t]\n\n[t]: https://keras.io/ "hover"',
        f'a link title ([text](address "title")) {TAKES}',
    ),
    "reference-to-bidi": (
        "Yes &#x202E;eerf si ti&#x202C; really.",
        "invisible character U+202E (RIGHT-TO-LEFT OVERRIDE) (a character reference?) is not allowed; delete it",
    ),
    "reference-to-zero-width-only": (
        "&#8203;",
        "invisible character U+200B (ZERO WIDTH SPACE) (a character reference?) is not allowed; delete it",
    ),
    "reference-to-escape": (
        "Bell &#27; here",
        "invisible character U+001B (a control character) (a character reference?) is not allowed; delete it",
    ),
    "reference-to-line-separator": (
        "One&#x2028;two",
        "invisible character U+2028 (LINE SEPARATOR) (a character reference?) is not allowed; delete it",
    ),
    "reference-to-unit-separator": (
        "One&#x1f;two",
        "invisible character U+001F (a control character) (a character reference?) is not allowed; delete it",
    ),
    "reference-to-carriage-return": (
        "One&#13;two",
        "invisible character U+000D (a control character) (a character reference?) is not allowed; delete it",
    ),
    "reference-to-filler": (
        "One &#x16FE4; two",
        "invisible character U+16FE4 (KHITAN SMALL SCRIPT FILLER) (a character reference?) is not allowed; delete it",
    ),
    "table-of-contents": ("[TOC]", f"a table of contents ([TOC]) {TAKES}"),
    "abbreviation": ("*[Keras]: A trap\n\nKeras is", f"an abbreviation (*[...]: ...) {TAKES}"),
    "unused-abbreviation": ("*[Nothing]: Lost text\n\nKeras is", f"an abbreviation (*[...]: ...) {TAKES}"),
    "image": ("![x](https://keras.io/x.png)", f"an image {TAKES}"),
    "table": ("| a | b |\n| - | - |\n| 1 | 2 |", f"a table {TAKES}"),
    "rule": ("One\n\n---\n\nTwo", f"a horizontal rule (---) {TAKES}"),
    "renders-to-nothing": ("[x]: https://keras.io/", SHOWS_NOTHING),
    "only-spaces": ("   ", "expected some text, not only spaces"),
    "lines": ("#\n" * 61, "more than 60 lines in one field; shorten it"),
    "brackets": ("[" * 65, "more than 64 '[' in one field; split it or drop some"),
    "too-long": ("x" * 2001, "expected at most 2000 characters, got 2001"),
}

# (file, line prefix, value, the refusal after "file:line:column: field: ")
REFUSED_LINES = {
    "description-heading": (
        ASPECT,
        "description:",
        "# Big",
        f"a Markdown block (heading, admonition, abbreviation) is not allowed {LINE}",
    ),
    "description-admonition": (
        ASPECT,
        "description:",
        '!!! danger "x"',
        f"a Markdown block (heading, admonition, abbreviation) is not allowed {LINE}",
    ),
    "description-breaks-meta": (
        ASPECT,
        "description:",
        'Say "><script>alert(1)</script>',
        f"raw HTML is not allowed {LINE}",
    ),
    "title-id": (ASPECT, "title:", "Overview {#faq}", f"an attribute list ({{...}}) is not allowed {LINE}"),
    "title-closes-title": (
        ASPECT,
        "title:",
        "Overview </title><script>",
        TITLE,
    ),
    "cell-link": (
        ASPECT,
        "  keras:",
        "[x](javascript:alert(1))",
        f"a Markdown link is not allowed (sources go in their own list) {LINE}",
    ),
    "cell-abbreviation": (
        ASPECT,
        "  keras:",
        "*[Keras]: x",
        f"a Markdown block (heading, admonition, abbreviation) is not allowed {LINE}",
    ),
    "name-html": (TOOL, "name:", "Tensor<b>Flow</b>", f"raw HTML is not allowed {LINE}"),
    "title-ampersand": (ASPECT, "title:", "Q&amp;A", TITLE),
    "title-trailing-line-break": (ASPECT, "title:", "Overview\n", TITLE),
    "question-carriage-return": (FAQ, "question:", "Is it?\r\r??? kvt-question\r\r    x", CR),
    "escaped-bidi": (ASPECT, "description:", "Safe \u202e text", BIDI),
    "cell-trailing-line-break": (ASPECT, "  keras:", "Keras\n", "expected a single line of text"),
    "cell-only-spaces": (ASPECT, "  keras:", "   ", "expected a single line of text"),
    "url-nested-brackets": (TOOL, "homepage:", "https://e.org/[a[b]c](x:/autofocus/onfocus=alert(1)//)", URL),
    "url-backticks": (TOOL, "docs:", "https://e.org/`x`", URL),
    "url-quote": (TOOL, "docs:", 'https://e.org/"onmouseover="alert(1)', URL),
    "url-lookalike-letter": (TOOL, "docs:", "https://k\u0435ras.io/", URL),
    "url-lookalike-slash": (TOOL, "docs:", "https://keras.io\uff0f@evil.example/", URL),
    "question-blank-letter": (FAQ, "question:", "\u3164", HANGUL),
    "id-trailing-line-break": (
        FAQ,
        "id:",
        "hostile\n",
        "expected an id: lowercase letters, digits and single hyphens, starting with a letter",
    ),
}

# Accepted: each shows as typed and is checked in one build (each case edits a field of its own)
ACCEPTED_ANSWERS = {
    "attribute-list-inline": "Fast. {: foo onclick=alert(1)}",
    "fence-holding-markup": "```\n{: onclick=x} <script>alert(1)</script>\n```",
    "entities": "&lt;script&gt;alert(1)&lt;/script&gt; is text",
    "autolink": "<https://keras.io/>",
    "code-holding-html": "Use `<br onclick=x>` and `</code><script>alert(1)</script>`",
    "emphasis-and-link": "**Bold**, *em* and [Keras](https://keras.io/)",
    "code-block-title": '```python title="x.py"\nx\n```',
    "slow-lexer-fence": '```scala\n"' + "\\" * 80 + "\n```",
    "slow-lexer-inline": '`#!scala "' + "\\" * 120 + "`",
    "highlighted-code": "```python\nimport keras\n```",
    "inline-highlight": "`#!python import keras`",
    "backticks-across-fields": "open ` here",
    "many-backticks": "`" * 2000,
}
ACCEPTED_LINES = {
    "description-quotes": (ASPECT, "description:", 'Quote " and `</code><b>` & an ampersand \U0001f4b0'),
    "title-brace": (ASPECT, "title:", "Overview, co { \U0001f600"),
    "cell-pipes": (ASPECT, "  keras:", "Keras \\| split | cell `a|b`"),
    "cell-markdown": (ASPECT, "  tensorflow:", "` here *star* _under_ [x] ![y] \\"),
    "name-quote": (TOOL, "name:", 'Tensor"Flow'),
    "url-markdown-characters": (TOOL, "homepage:", "https://www.tensorflow.org/a_b_*c*_(x)~y"),
    "maker-plain-text": (TOOL, "maker:", "> 2 GPUs, {a: 1}, [beta] (2024) and an emoji \U0001f600"),
    "nav-title-apostrophe": ("data/aspects/decision-guide.yml", "title:", "Decision guide's"),
    "gist-markdown": (ASPECT, "    gist:", "A | pipe, *star* _under_ [x] `<b>` \\ end \U0001f600."),
    "choice-markdown": (DECISION, "    - reason:", "want `a|b` | *this* [x] <> & done."),
    "pick-markdown": (DECISION, "    pick:", "Keras | TF `<i>` _x_"),
    "change-markdown": (ASPECT, "change:", "Added *star* | pipe `</li><b>` [x] & done \U0001f600"),
}
HOSTILE_KEYWORDS = ['" onmouseover=alert(1) x="', "' onfocus=alert(1) '", "R&D &amp; *more*", "`code`"]
HOSTILE_SYNONYM = "\" onload=x ' & d&amp;d"
"""Readers' words (keywords, and a synonym the question's text calls for) reach the FAQ page in an attribute
the filter reads: each arrives as typed, lowered. (Markup and attribute lists are refused in them, as in
every one-line field.)"""


def line_of(project: Path, file: str, prefix: str) -> int:
    lines = (project / file).read_text(encoding="utf-8").split("\n")
    return next(i for i, line in enumerate(lines) if line.startswith(prefix)) + 1


def refusal(project: Path, case: str) -> str:
    """Apply a refused case to ``project``; return the one message it must give."""
    if case in REFUSED_ANSWERS:
        text, cause = REFUSED_ANSWERS[case]
        (project / FAQ).write_text(question(text), encoding="utf-8")
        return f"{FAQ}:4:1: answer: {cause}"
    file, prefix, value, cause = REFUSED_LINES[case]
    if file == FAQ:
        (project / FAQ).write_text(question("A plain answer."), encoding="utf-8")
    set_line(project, file, prefix, value)
    line = line_of(project, file, prefix)
    if cause.startswith("the value holds"):  # the loader's: where the value starts, no field yet
        return f"{file}:{line}:{len(prefix) + 2}: {cause}"
    column = len(prefix) - len(prefix.lstrip()) + 1
    field = "summary." + prefix.strip(" :") if prefix.startswith(" ") else prefix.rstrip(":")
    return f"{file}:{line}:{column}: {field}: {cause}"


@pytest.fixture(scope="module")
def shared_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_project(tmp_path_factory.mktemp("hostile"))


@pytest.fixture
def project(shared_project: Path) -> Iterator[Path]:
    """A copy of the project shared by the module's cases, as it was before each of them: what a case adds
    to or changes in its data is undone after it. (Checking the same folder again, ``make check`` reuses
    what it found in the files no case changed, as ``make serve`` does: test_memo shows it finds the same.)"""
    data = shared_project / "data"
    before = {path: path.read_bytes() for path in data.rglob("*") if path.is_file()}
    yield shared_project
    for path in data.rglob("*"):
        if path.is_file() and path not in before:
            path.unlink()
    for path, content in before.items():
        if path.read_bytes() != content:
            path.write_bytes(content)


@pytest.mark.parametrize("case", [*REFUSED_ANSWERS, *REFUSED_LINES])
def test_hostile_data_is_refused_with_one_message_by_check_and_build_alike(
    tmp_path: Path, project: Path, case: str
) -> None:
    message = refusal(project, case)
    assert problems_of(project / "data") == [message]
    if case in REFUSED_ANSWERS:
        return  # the build tries them all at once, below: each in a file of its own
    result = mkdocs_build(project / "mkdocs.yml", tmp_path / "site")
    assert result.returncode != 0 and message in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "site").exists()


def test_one_build_refuses_every_hostile_answer_with_the_message_make_check_gives(
    tmp_path: Path, project: Path
) -> None:
    expected = []
    for number, (text, cause) in enumerate(REFUSED_ANSWERS.values()):
        name = f"data/faq/hostile-{number}.yml"
        (project / name).write_text(question(text).replace("id: hostile", f"id: hostile-{number}"), encoding="utf-8")
        expected.append(f"{name}:4:1: answer: {cause}")
    assert sorted(problems_of(project / "data")) == sorted(expected)
    result = mkdocs_build(project / "mkdocs.yml", tmp_path / "site")
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert [message for message in expected if message not in result.stderr] == []
    assert not (tmp_path / "site").exists()


BLOCK_LOOKING_REASONS = ["1. want one code base", "- - -", "+ want a plus"]
"""Choose-if lines that a Markdown list item would read as a nested list or a rule."""

REFUSED_NEW_FIELDS = {
    "gist-link": (
        ASPECT,
        "    gist:",
        "[x](https://a.example)",
        "points[0].gist",
        f"a Markdown link is not allowed (sources go in their own list) {LINE}",
    ),
    "gist-html": (
        ASPECT,
        "    gist:",
        "<img src=x onerror=alert(1)>",
        "points[0].gist",
        f"raw HTML is not allowed {LINE}",
    ),
    "choice-heading": (
        DECISION,
        "    - reason:",
        "# Big",
        "choose.keras[0].reason",
        f"a Markdown block (heading, admonition, abbreviation) is not allowed {LINE}",
    ),
    "pick-closes-cell": (
        DECISION,
        "    pick:",
        "Keras</td><script>alert(1)</script>",
        "scenarios[0].pick",
        f"raw HTML is not allowed {LINE}",
    ),
    "because-attributes": (
        DECISION,
        "    because:",
        "Fast {: onclick=alert(1)}",
        "scenarios[0].because",
        f"an attribute list ({{...}}) is not allowed {LINE}",
    ),
    "change-html": (
        ASPECT,
        "change:",
        "Fixed <img src=x onerror=alert(1)>",
        "change",
        f"raw HTML is not allowed {LINE}",
    ),
    "change-link": (
        "data/faq/is-keras-free.yml",
        "change:",
        "See [this](javascript:alert(1))",
        "change",
        f"a Markdown link is not allowed (sources go in their own list) {LINE}",
    ),
    "change-two-lines": (ASPECT, "change:", "Fixed\n# Big", "change", "expected a single line of text"),
    "change-too-long": (ASPECT, "change:", "x" * 201, "change", "expected at most 200 characters, got 201"),
    "edge-script": (
        ASPECT,
        "    edge:",
        "<script>",
        "points[0].edge",
        "expected an id: lowercase letters, digits and single hyphens, starting with a letter",
    ),
}


@pytest.mark.parametrize("case", REFUSED_NEW_FIELDS)
def test_hostile_text_in_the_short_answer_and_gists_is_refused(project: Path, case: str) -> None:
    file, prefix, value, field, cause = REFUSED_NEW_FIELDS[case]
    set_line(project, file, prefix, value)
    line = line_of(project, file, prefix)
    column = len(prefix) - len(prefix.lstrip(" -")) + 1
    assert problems_of(project / "data") == [f"{file}:{line}:{column}: {field}: {cause}"]


LIVE = ("script", "h1", "h2", "abbr", "img", "iframe", "object", "embed", "form", "details", "input", "table")


def census(page: BeautifulSoup) -> dict[str, int]:
    """How many elements of each kind that data could smuggle in a page holds."""
    counts = {tag: len(page.find_all(tag)) for tag in LIVE}
    counts["admonition"] = len(page.select(".admonition"))
    return counts


def assert_no_live_markup(page: BeautifulSoup, where: str) -> None:
    for element in page.find_all(True):
        for name, value in element.attrs.items():
            assert not name.lower().startswith("on"), f"{where}: <{element.name} {name}>"
            if name in ("href", "src", "action", "formaction") and isinstance(value, str):
                scheme = re.match(r"\s*([a-zA-Z][a-zA-Z0-9+.-]*):", value)
                assert scheme is None or scheme.group(1).lower() in ("http", "https"), f"{where}: {value}"


def newest_first(project: Path, file: str, site: Site) -> None:
    """Date an aspect's file a day after the newest review date of ``site`` (its points without dates of their
    own), and give it a change line, so that What's new lists it first."""
    newest = news(site).newest
    assert newest is not None
    path = project / file
    lines = [
        line for line in path.read_text(encoding="utf-8").split("\n") if not re.match(r" +(reviewed|change):", line)
    ]
    lines = [line for line in lines if not line.startswith("change:")]
    index = next(i for i, line in enumerate(lines) if line.startswith("reviewed:"))
    lines[index : index + 1] = [f"reviewed: {newest + datetime.timedelta(days=1)}", "change: x"]
    path.write_text("\n".join(lines), encoding="utf-8")


def test_accepted_hostile_data_shows_as_typed_and_adds_no_markup(
    tmp_path: Path, built_site: Path, real_site: Site
) -> None:
    project = copy_project(tmp_path)
    newest_first(project, ASPECT, real_site)
    for number, text in enumerate(ACCEPTED_ANSWERS.values()):
        record = question(text, keywords=HOSTILE_KEYWORDS).replace("id: hostile", f"id: hostile-{number}")
        (project / f"data/faq/hostile-{number}.yml").write_text(record, encoding="utf-8")
    for file, prefix, value in ACCEPTED_LINES.values():
        set_line(project, file, prefix, value)
    decision = (project / DECISION).read_text(encoding="utf-8").split("\n")
    reasons = [i for i, line in enumerate(decision) if line.startswith("    - reason:")]
    for index, text in zip(reasons[1:4], BLOCK_LOOKING_REASONS, strict=True):  # the first is "choice-markdown"
        decision[index] = f"    - reason: {yaml_quoted(text)}"
    (project / DECISION).write_text("\n".join(decision), encoding="utf-8")
    synonyms = project / "data" / "search.yml"  # a reader's word with quotes, an apostrophe and an ampersand
    synonyms.write_text(synonyms.read_text(encoding="utf-8") + f"  {yaml_quoted(HOSTILE_SYNONYM)}: [safe]\n")
    generate(project / "data", project / "docs")  # make check accepts it
    result = mkdocs_build(project / "mkdocs.yml", tmp_path / "site")
    assert result.returncode == 0, result.stderr
    site = tmp_path / "site"
    for path in sorted(site.rglob("*.html")):
        name = path.relative_to(site).as_posix()
        page = BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")
        assert_no_live_markup(page, name)
        baseline = built_site / name
        if baseline.exists() and name != "whats-new/index.html":  # its entries follow the dates (checked below)
            assert census(page) == census(BeautifulSoup(baseline.read_text(encoding="utf-8"), "lxml")), name

    overview = BeautifulSoup((site / "aspects/overview/index.html").read_text(encoding="utf-8"), "lxml")
    assert overview.find("meta", attrs={"name": "description"})["content"] == 'Quote " and </code><b> & an ampersand 💰'
    assert overview.find("h1", id="overview").get_text().removesuffix("¶") == "Overview, co { 😀"
    assert overview.title is not None and overview.title.get_text() == "Overview, co { 😀 - Keras vs TensorFlow"
    assert [a.get_text(strip=True) for a in overview.select("nav a[href='./']")] == ["Overview, co { 😀"]
    news = BeautifulSoup((site / "whats-new/index.html").read_text(encoding="utf-8"), "lxml")
    first_news = news.select_one(f".{Css.NEWS} li")
    assert first_news is not None and first_news.find([*LIVE, "b", "ul"]) is None
    assert first_news.get_text() == "Overview, co { 😀 (Aspect page): Added *star* | pipe </li><b> [x] & done 😀"
    feed = (site / at.FEED_FILE).read_text(encoding="utf-8")
    entry = ET.fromstring(feed.encode("utf-8")).find(f"{{{ATOM}}}entry")
    assert entry is not None and entry.findtext(f"{{{ATOM}}}title") == "Overview, co { 😀"
    assert entry.findtext(f"{{{ATOM}}}summary") == "Added *star* | pipe </li><b> [x] & done 😀"
    faq_page = BeautifulSoup((site / "faq/index.html").read_text(encoding="utf-8"), "lxml")
    assert faq_page.select_one("a.md-footer__link--prev")["aria-label"] == "Previous: Decision guide's"
    label = overview.select_one(f"#what-it-is--tensorflow > .{Css.TOOL_NAME}")
    assert label is not None and label.get_text() == 'Tensor"Flow'
    in_short = [p.get_text() for p in overview.select(f"#{at.IN_SHORT} > .{Css.TOOL} > p:not(.{Css.TOOL_NAME})")]
    assert in_short == ["Keras \\| split | cell a|b", "` here *star* _under_ [x] ![y] \\"]
    gist = overview.select_one(f".{Css.GIST}")
    assert gist is not None and gist.get_text().startswith("A | pipe, *star* _under_ [x] <b> \\ end \U0001f600.")
    home = BeautifulSoup((site / "index.html").read_text(encoding="utf-8"), "lxml")
    first_box = home.select_one(f".{Css.CHOICES} ul")
    assert first_box is not None and first_box.find(["ul", "ol", "hr"]) is None, "a line became a block"
    lines = [li.get_text() for li in first_box.find_all("li")]
    assert lines[:4] == ["want a|b | *this* [x] <> & done.", *BLOCK_LOOKING_REASONS]
    pick = home.select_one(f".{Css.SCENARIOS} tbody td")
    assert pick is not None and pick.get_text().endswith("Keras | TF <i> _x_")
    summary = BeautifulSoup((site / "summary/index.html").read_text(encoding="utf-8"), "lxml")
    homepages = [a["href"] for a in summary.select("a") if a.get_text() == "Home"]
    assert homepages[-1] == "https://www.tensorflow.org/a_b_*c*_(x)~y"
    faq = BeautifulSoup((site / "faq/index.html").read_text(encoding="utf-8"), "lxml")
    code = [element.get_text() for element in faq.select(f"#hostile-4 ~ .{Css.ANSWER} code")][:2]
    assert code == ["<br onclick=x>", "</code><script>alert(1)</script>"]
    block = faq.find(id="hostile-4").find_parent(class_=Css.QUESTION)
    words = unquote(block[f"data-{at.WORDS}"])
    assert words == " ".join([*HOSTILE_KEYWORDS, HOSTILE_SYNONYM]).lower(), "the readers' words as typed"


# -- no traceback from any input, and no invisible text ---------------------------------------------------

CORE = "data/aspects/core-features.yml"
UNFORESEEN = "stopped on an error that the checks did not foresee ({}); please report it"
REFUSED_CHARACTERS = {  # several code points of each range that a reviewer cannot see (or that is not text)
    "variation selectors": ["\ufe00", "\ufe0e", "\ufe0f", "\U000e0100", "\U000e01ef"],
    "tags": ["\U000e0001", "\U000e0041", "\U000e007f"],
    "zero-width": ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u180e"],
    "bidi controls": ["\u200e", "\u061c", "\u202a", "\u202e", "\u2066", "\u2069"],
    "controls": ["\x00", "\x1b", "\x7f", "\x85", "\x9f"],
    "format": ["\xad", "\u0600", "\u06dd", "\u2064", "\U000110bd", "\U00013430", "\U0001d173"],
    "default-ignorable marks": ["\u034f", "\u17b4", "\u180b", "\u180f"],
    "blank letters": ["\u115f", "\u1160", "\u2800", "\u3164", "\uffa0", "\U00016fe4", "\U0001d159"],
    "separators": ["\u2028", "\u2029"],
    "private use": ["\ue000", "\uf8ff", "\U000f0000", "\U0010fffd"],
    "unassigned": ["\u0378", "\U0002fffd", "\U000e0080"],
    "noncharacters": ["\ufdd0", "\ufffe", "\U0001ffff", "\U0010ffff"],
}
EMOJI = "Ready \u26a0\ufe0f, \U0001f469\u200d\U0001f4bb, \U0001f44d\U0001f3fd, 1\ufe0f\u20e3 and \U0001fae8"
"""Emoji sequences that need a variation selector or a joiner, and an emoji of Unicode 15 (newer than Python
3.11's own tables): all allowed."""


def every_review_date(project: Path, day: str) -> None:
    """Date every file ``day``; points lose their own dates (which must be later than their aspect's)."""
    for path in (project / "data").rglob("*.yml"):
        text = re.sub(r"(?m)^ +(reviewed|change):.*\n", "", path.read_text(encoding="utf-8"))
        path.write_text(re.sub(r"(?m)^reviewed: \S+", f"reviewed: {day}", text), encoding="utf-8")


@pytest.mark.parametrize("day", ["0001-01-01", "9999-12-31"])
def test_review_dates_at_the_ends_of_the_calendar_generate_the_site(project: Path, day: str) -> None:
    # year 1: What's new once reckoned its window from a day before the first date there is
    every_review_date(project, day)
    generated = generate(project / "data", project / "docs")
    listed = news(generated.site)
    assert listed.newest == datetime.date.fromisoformat(day) and listed.entries
    feed = ET.fromstring(generated.files[at.FEED_FILE].encode("utf-8"))
    assert feed.findtext(f"{{{ATOM}}}updated") == f"{day}T00:00:00Z"
    ahead = freshness.ahead(generated.site, datetime.date(2026, 12, 8))
    assert bool(ahead) == (day > "2026-12-08")  # a date to come is make check's complaint, not a crash


def fails_on(file: str, real: object) -> object:
    def checked(document: Document, prose: object) -> object:
        if document.file == file:
            raise RuntimeError("planted fault")
        return real(document, prose)  # type: ignore[operator]

    return checked


def test_an_error_the_checks_did_not_foresee_is_one_message_naming_the_file(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (project / FAQ).write_text(question("An answer no other case has."), encoding="utf-8")
    monkeypatch.setattr(build, "check_document", fails_on(FAQ, build.check_document))
    assert problems_of(project / "data") == [
        f"{FAQ}: checking this file {UNFORESEEN.format('RuntimeError: planted fault')}"
    ]
    monkeypatch.undo()  # the failure is not remembered: the next check reads the file again
    generate(project / "data", project / "docs")

    def render_fails(*args: object) -> dict[str, str]:
        raise OverflowError("date value out of range")

    monkeypatch.setattr(build, "render_site", render_fails)
    cause = UNFORESEEN.format("OverflowError: date value out of range")
    assert problems_of(project / "data") == [f"data: generating the pages {cause}"]
    monkeypatch.setattr(build, "assemble", render_fails)
    assert problems_of(project / "data") == [f"data: checking the files together {cause}"]


def test_a_broken_mkdocs_yml_is_one_message_from_make_check(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = project / "mkdocs.yml"
    before = config.read_text(encoding="utf-8")
    config.write_text("site_name: [x\n", encoding="utf-8")
    try:
        assert cli.main(["check", str(project / "data")]) == 1
        told = capsys.readouterr().err
        assert told == "mkdocs.yml:2:1: not valid YAML: expected ',' or ']', but got '<stream end>'\n"
    finally:
        config.write_text(before, encoding="utf-8")


def test_make_check_turns_any_unforeseen_error_into_one_message(
    project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def planted(*args: object) -> None:
        raise RuntimeError("planted fault")

    monkeypatch.setattr(freshness, "stale", planted)
    assert cli.main(["check", str(project / "data")]) == 1
    told = capsys.readouterr().err.splitlines()
    assert told[-1] == f"python -m sitegen check: the command {UNFORESEEN.format('RuntimeError: planted fault')}"


@pytest.mark.parametrize(
    "char",
    [
        pytest.param(char, id=f"{kind}-U+{ord(char):04X}")
        for kind, chars in REFUSED_CHARACTERS.items()
        for char in chars
    ],
)
def test_every_character_a_reviewer_cannot_see_is_refused_at_its_line(char: str) -> None:
    written = question("Plain X text.").replace(" X ", f" {char} ")  # as typed: a dump would escape it
    found = load_bytes(written.encode(), FAQ)
    assert isinstance(found, Problem) and (found.file, found.line, found.column) == (FAQ, 4, 15)
    assert found.message == f"{describe(char)} is not allowed; delete it"
    assert f"U+{ord(char):04X}" in found.message
    escaped = load_bytes(f"id: x\nquestion: {yaml_quoted(f'Is {char} here?')}\n".encode(), FAQ)
    assert isinstance(escaped, Problem) and (escaped.line, escaped.column) == (2, 11)
    assert escaped.message == f"the value holds {describe(char)} (an escape?); delete it"


def test_a_lone_surrogate_written_as_an_escape_is_refused() -> None:
    found = load_bytes(b'id: x\nquestion: "Is \\ud800 here?"\n', FAQ)
    assert isinstance(found, Problem) and found.line == 2
    assert found.message.startswith("YAML syntax error: found invalid Unicode character escape code")


def test_the_unicode_version_named_is_the_installed_tables_own() -> None:
    description = importlib.metadata.metadata("regex")["Description"]
    assert f"supports Unicode {UNICODE_VERSION}." in description


def hidden_in_selectors(payload: bytes) -> str:
    """Each byte as a variation selector (U+FE00-FE0F for 0-15, U+E0100-E01EF for 16-255): a known way to
    hide a message in text that looks untouched."""
    return "".join(chr(0xFE00 + byte) if byte < 16 else chr(0xE0100 + byte - 16) for byte in payload)


def test_a_payload_hidden_in_variation_selectors_never_reaches_a_page(project: Path) -> None:
    hidden = hidden_in_selectors(b"<img src=x onerror=alert(1)>")
    assert len(hidden) == 28
    (project / FAQ).write_text(question("Plain X text.").replace("X", f"\U0001f600{hidden}"), encoding="utf-8")
    assert problems_of(project / "data") == [f"{FAQ}:4:16: {describe(hidden[0])} is not allowed; delete it"]


REFUSED_BLANK_TITLES = {
    "variation-selectors": (ASPECT, "title:", "\ufe00\ufe01\U000e0100", "the value holds invisible character U+FE00"),
    "combining-marks": (ASPECT, "title:", "\u0301\u0301\u0301", "no letter, digit, symbol or punctuation"),
    "spaces-of-all-kinds": (TOOL, "name:", "\u00a0\u2003\u3000", "expected a single line of text"),
    "code-span-of-spaces": (TOOL, "name:", "` `", "no letter, digit, symbol or punctuation"),
    "marks-in-a-cell": ("data/aspects/overview.yml", "        short:", "\u0300\u0336", "no letter, digit"),
}


@pytest.mark.parametrize("case", REFUSED_BLANK_TITLES)
def test_a_title_or_line_that_would_show_blank_is_refused(project: Path, case: str) -> None:
    file, prefix, value, cause = REFUSED_BLANK_TITLES[case]
    set_line(project, file, prefix, value)
    [found] = problems_of(project / "data")
    assert found.startswith(f"{file}:{line_of(project, file, prefix)}:") and cause in found


def test_emoji_sequences_are_allowed_and_shown_as_typed(project: Path) -> None:
    set_line(project, ASPECT, "description:", EMOJI)
    (project / FAQ).write_text(question(f"Answer: {EMOJI}.", question=f"Is it {EMOJI}?"), encoding="utf-8")
    site = generate(project / "data", project / "docs").site
    aspect = next(aspect for aspect in site.aspects if aspect.id == "overview")
    assert aspect.description == EMOJI
    asked = next(q for q in site.questions if q.id == "hostile")
    assert asked.question == f"Is it {EMOJI}?" and EMOJI in plain_text(site.html[asked.answer])


@pytest.mark.parametrize("name", WHOLE_VALUES)
def test_every_whole_value_pattern_refuses_a_trailing_line_break(name: str) -> None:
    pattern, example = WHOLE_VALUES[name]
    assert pattern.endswith(END) and re.match(pattern, example)
    for ending in ("\n", "\r\n", "\n\n"):
        assert re.match(pattern, example + ending) is None, f"{name} takes {example + ending!r}"


def test_no_pattern_in_the_generator_ends_with_a_bare_dollar() -> None:
    # a whole-value pattern belongs in sitegen.patterns, ending with END: a new one written ^...$ fails here
    found = []
    for path in sorted((ROOT / "hooks").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and re.match(r"\^.*\$\Z", node.value):
                found.append(f"{path.relative_to(ROOT)}:{node.lineno}: {node.value!r}")
    assert found == []


def test_a_package_name_with_a_line_break_is_refused_at_its_line(project: Path) -> None:
    set_line(project, TOOL, "package:", "tensorflow\n")
    cause = "expected a package name as PyPI spells it: letters, digits, '.', '_' and '-'"
    assert problems_of(project / "data") == [f"{TOOL}:{line_of(project, TOOL, 'package:')}:1: package: {cause}"]
    for address in ("https://example.org/\n", "https://[x", "https://github.com\uff0fx/", "https://e.org/\u202e"):
        with pytest.raises(SettingError):
            Publishing.configure(address, None, None, "docs")
        with pytest.raises(SettingError):
            Publishing.configure(None, address, None, "docs")


FORMULAS = [
    "=1+1",
    " =1+1",
    "\u00a0=HYPERLINK(0)",
    "\u3000+1",
    "\u2003@SUM(1)",
    "\u205f-1",
    " \t=1",
    "\t=1",
    "\uff1d1+1",
    "\uff0b1",
    "\uff0d1",
    "\uff20SUM(1)",
    "\ufe62x",
    "\u3000\uff1d1",
    "\u22121",
    "\u207b1",
]


def test_spreadsheet_formulas_behind_any_space_or_in_full_width_are_neutralised(project: Path) -> None:
    for number, formula in enumerate(FORMULAS):
        set_line(project, CORE, "        short:", formula, number)
    generated = generate(project / "data", project / "docs")
    rows = list(csv.DictReader(io.StringIO(generated.files[CSV_FILE])))
    cells = [row[tool] for row in rows if row["aspect"] == "core-features" for tool in ("keras", "tensorflow")]
    assert cells[: len(FORMULAS)] == [f"'{formula}" for formula in FORMULAS]
    assert [csv_cell(text) for text in ("Keras", " Keras", "x=1", "a-b", "\u3000Keras")] == [
        "Keras",
        " Keras",
        "x=1",
        "a-b",
        "\u3000Keras",
    ]


LONG = {  # in place of a tool's order line
    "number": "order: " + "7" * 5000,
    "number-within-python-limits": "order: 20\nsummary: " + "7" * 4000,
    "key": f"order: 20\n? {'k' * 5000}\n: 1",
    "duplicate-key": f"order: 20\n? {'k' * 5000}\n: 1\n? {'k' * 5000}\n: 2",
    "not-text-key": f"order: 20\n{'9' * 4000}: 1",
    "tag": f"order: !<tag:{'t' * 5000}> 1",
    "date": "order: 20\nreviewed: 2026-" + "1" * 5000,
}


@pytest.mark.parametrize("case", LONG)
def test_a_long_value_is_quoted_cut_in_a_readable_message(project: Path, case: str) -> None:
    path = project / TOOL
    text = path.read_text(encoding="utf-8")
    path.write_text(re.sub(r"(?m)^order:.*$", lambda _: LONG[case], text, count=1), encoding="utf-8")
    found = problems_of(project / "data")
    assert all(re.match(rf"{TOOL}:\d+:\d+: ", line) and len(line) <= 250 for line in found), found


def test_names_in_messages_are_cut_and_show_invisible_characters_escaped(project: Path) -> None:
    long = project / "data" / "faq" / ("q" * 200 + ".yml")
    long.write_text(question("A plain answer."), encoding="utf-8")
    deep = project / "data" / "/".join("f" * 200 for _ in range(6))
    deep.mkdir(parents=True)
    (deep / "x.yml").write_text("id: x\n", encoding="utf-8")
    tool = project / TOOL
    tool.write_text(re.sub(r"(?m)^order:.*$", "order: !<tag:%E2%80%AEevil> 40", tool.read_text(encoding="utf-8")))
    try:
        found = problems_of(project / "data")
        assert len(found) == 3 and all(len(line) <= 300 for line in found), found
        assert all(refused_in_value(line) is None for line in found), found
        assert any("tag:\\u202eevil" in line for line in found), found
    finally:
        long.unlink()
        shutil.rmtree(project / "data" / ("f" * 200))


def test_odd_files_among_the_hand_written_pages_are_refused_and_never_waited_on(project: Path) -> None:
    docs = project / "docs"
    os.mkfifo(docs / "pipe.md")  # opened to read, a pipe with no writer would wait for ever
    (docs / "latin-1.md").write_bytes("# Caf\xe9\n".encode("latin-1"))
    (docs / "folder.md").mkdir()
    try:
        assert problems_of(project / "data") == [
            "docs/folder.md: is a folder; a data file must be a regular file",
            "docs/latin-1.md: not valid UTF-8 (byte 0xe9); save the page as UTF-8",
            "docs/pipe.md: is not a regular file (a pipe, socket or device); it is not read",
        ]
    finally:
        for name in ("pipe.md", "latin-1.md"):
            (docs / name).unlink()
        (docs / "folder.md").rmdir()


def test_data_itself_as_a_link_is_refused_like_a_link_inside_it(project: Path, tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    (project / "data").rename(elsewhere)
    try:
        (project / "data").symlink_to(elsewhere)
        message = "data: is a symbolic link; data/ must be a folder of regular files (copy the files here instead)"
        assert problems_of(project / "data") == [message]
        result = mkdocs_build(project / "mkdocs.yml", tmp_path / "site")
        assert result.returncode != 0 and message in result.stderr and "Traceback" not in result.stderr
    finally:
        (project / "data").unlink()
        elsewhere.rename(project / "data")


def test_folders_nested_deeper_than_the_limit_are_reported_at_the_folder_without_recursion(tmp_path: Path) -> None:
    data = copy_fixture(tmp_path)
    deepest = data / "faq"
    try:
        for _ in range(1200):
            deepest = deepest / "d"
            deepest.mkdir()
        folder = "data/faq" + "/d" * MAX_FOLDER_DEPTH
        why = f"folders nest more than {MAX_FOLDER_DEPTH} levels deep here; data files lie at most one folder down"
        message = f"{folder}: {why}"
        assert problems_of(data) == [message]
        result = mkdocs_build(data.parent / "mkdocs.yml", tmp_path / "site")
        assert result.returncode != 0 and message in result.stderr and "Traceback" not in result.stderr
    finally:
        while deepest != data / "faq":  # removed deepest first: a recursive removal would fail on it too
            deepest.rmdir()
            deepest = deepest.parent


def published_before(folder: Path) -> Path:
    """A site as ``make build`` publishes it: a link to a numbered build beside it."""
    build = folder / f"site{BUILDS}" / "1"
    (build / "search").mkdir(parents=True)
    for name in ("index.html", "404.html", "search/search_index.json"):
        (build / name).write_text(f"the site before: {name}", encoding="utf-8")
    (folder / "site").symlink_to(Path(f"site{BUILDS}") / "1")
    return folder / "site"


def test_make_build_gives_each_refusal_its_line_and_leaves_the_published_site_byte_identical(
    project: Path, tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    site = published_before(tmp_path)
    before = digest(site), os.readlink(site)
    hidden = hidden_in_selectors(b"<img src=x onerror=alert(1)>")
    (project / FAQ).write_text(question("Plain X text.").replace("X", hidden), encoding="utf-8")
    set_line(project, ASPECT, "title:", "\u0301\u0301")
    set_line(project, TOOL, "package:", "tensorflow\n")
    keras = project / "data/tools/keras.yml"
    keras.write_text(re.sub(r"(?m)^order:.*$", "order: " + "7" * 5000, keras.read_text(encoding="utf-8")))
    deep = project / "data/faq" / "/".join("d" * (MAX_FOLDER_DEPTH + 2))
    deep.mkdir(parents=True)
    expected = [
        f"{FAQ}:4:15: {describe(hidden[0])} is not allowed; delete it",
        f"{ASPECT}:{line_of(project, ASPECT, 'title:')}:1: title: no letter, digit, symbol or punctuation",
        f"{TOOL}:{line_of(project, TOOL, 'package:')}:1: package: expected a package name",
        "data/tools/keras.yml:4:8: cannot read '777",
        "data/faq/d/d/d/d/d/d/d/d: folders nest more than",
    ]
    try:
        command = ["build", "--site", str(site), "--config", str(project / "mkdocs.yml"), "--wait", "60"]
        assert release.main(command) == 1
        told = capfd.readouterr().err
        assert all(message in told for message in expected), told
        assert "Traceback" not in told and "the build failed" in told
        assert (digest(site), os.readlink(site)) == before
        with planted_fault(project):  # and an error that no check foresees, once the data is fixed
            shutil.rmtree(project / "data/faq/d")
            (project / FAQ).unlink()
            for file in (ASPECT, TOOL, "data/tools/keras.yml"):
                shutil.copy(ROOT / file, project / file)
            set_line(project, ASPECT, "title:", "Overview, planted fault")
            assert release.main(command) == 1
        told = capfd.readouterr().err
        assert f"data: generating the pages {UNFORESEEN.format('OverflowError: date value out of range')}" in told
        assert "Traceback" not in told and (digest(site), os.readlink(site)) == before
    finally:
        shutil.rmtree(project / "data/faq/d", ignore_errors=True)


# -- random Markdown through the real render path -----------------------------------------------------------

PIECES = [
    "text",
    " ",
    "\n",
    "\n\n",
    "    ",
    "- ",
    "1. ",
    "> ",
    "# ",
    "!!! note\n    ",
    "??? x\n    ",
    '=== "a"\n    ',
    "*[x]: y\n",
    "`",
    "```",
    "*",
    "_",
    "[",
    "]",
    "(",
    ")",
    "![",
    "]: ",
    "{:",
    "{#x}",
    "{: onclick=alert(1)}",
    "<",
    ">",
    "&",
    "&#58;",
    "&#32;",
    "javascript:",
    "data:",
    "//",
    "https://e.org/",
    "mailto:a@b.c",
    "\\",
    "|",
    "---",
    "<script>",
    "<a href=x>",
    '"',
    "'",
    "=",
    "\t",
    "é",
    "\u00a0",
]


@given(st.lists(st.sampled_from(PIECES), max_size=40).map("".join))
def test_random_markdown_is_refused_or_rendered_without_live_markup(text: str) -> None:
    raw = question(text or "x").encode()
    document = load_bytes(raw, "data/faq/hostile.yml")
    if not hasattr(document, "data"):
        return  # refused by the loader (for example a YAML problem), with a message
    others = [doc for doc in fixture_documents() if doc.file != "data/faq/what-is-alpha.yml"]
    document.data["topic"] = "general"
    result = validate([*others, document], site_prose())
    if isinstance(result, list):
        assert all(problem.file.startswith("data/") and problem.line for problem in result)
        return
    assert isinstance(result, Site)
    fragment = BeautifulSoup(result.html[text or "x"], "html.parser")
    assert_no_live_markup(fragment, repr(text))
    for element in fragment.find_all(True):
        assert element.name in TAGS, f"<{element.name}> from {text!r}"
        assert set(element.attrs) <= ATTRIBUTES.get(element.name, set()), f"{element} from {text!r}"
