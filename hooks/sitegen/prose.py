"""Text from the data, made into HTML that can hold no live markup.

Fields have two kinds (declared by their types in :mod:`sitegen.model`):

- a **line** (titles, names, questions, descriptions, table cells) is plain text with inline code at
  most. :func:`line_html` writes it as HTML with every character that Markdown or HTML would read
  turned into a character reference, so it shows exactly as typed wherever it lands: a heading, a
  table cell, a link's text. :func:`attribute` writes it for an HTML attribute, :func:`page_title`
  for the theme's page title.
- a **block** (answers, texts, verdicts, intros) is Markdown: paragraphs, lists, code and links.
  :class:`Prose` renders it once with the site's own Markdown extensions (their list comes from
  ``mkdocs.yml``, as data), with raw HTML read as text, then passes the HTML through an allow-list
  sanitiser (``nh3``, the Ammonia library). Whatever the allow-list removes is reported, not
  silently dropped: the two HTML trees are compared, so serialisation differences are not errors.

The page places the result as an HTML block, which MkDocs passes through without reading it again.
"""

from __future__ import annotations

import html
import os
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import markdown
import nh3
import yaml

from .model import cut
from .publishing import SettingError

# -- lines ----------------------------------------------------------------------------------------------

_TICKS = re.compile(r"`+")
_MARKDOWN_CHARS = {ord(char): f"&#{ord(char)};" for char in "\\`*_[]{}#!|~^=<>&\"'"}
"""Every character that Markdown, one of its extensions or HTML gives a meaning to in running text."""


def _escape(text: str) -> str:
    return text.translate(_MARKDOWN_CHARS)


def code_spans(text: str) -> list[tuple[int, int, str]]:
    """The `code` spans of a text as (start, end, content): a run of n backticks opens a span that the next
    run of exactly n closes. Linear in the number of runs for each length of run (no regex backtracking)."""
    runs = [(match.start(), match.end()) for match in _TICKS.finditer(text)]
    spans, index = [], 0
    while index < len(runs):
        start, end = runs[index]
        close = next((k for k in range(index + 1, len(runs)) if runs[k][1] - runs[k][0] == end - start), None)
        if close is None:
            index += 1
            continue
        spans.append((start, runs[close][1], text[end : runs[close][0]]))
        index = close + 1
    return spans


def _pieces(text: str) -> Iterator[tuple[str, bool]]:
    """The text cut at its code spans: each piece, and whether it is a span's content (empty pieces too)."""
    end = 0
    for start, stop, content in code_spans(text):
        yield text[end:start], False
        yield content, True
        end = stop
    yield text[end:], False


def without_code(text: str) -> str:
    """The text with its code spans taken out, for checks that code may break."""
    return " ".join(piece for piece, code in _pieces(text) if not code)


def line_html(text: str) -> str:
    """A one-line field as HTML: its `code` spans as ``<code>``, every other character as itself."""
    if "`" not in text:  # most lines: no code span to look for
        return _escape(text)
    return "".join(f"<code>{_escape(_code(piece))}</code>" if code else _escape(piece) for piece, code in _pieces(text))


def plain_html(text: str) -> str:
    """Plain text (no code spans) as HTML in a Markdown page: every character shows as itself."""
    return _escape(text)


def line_plain(text: str) -> str:
    """A one-line field as plain text (its code spans without backticks), for attributes and titles."""
    return "".join(_code(piece) if code else piece for piece, code in _pieces(text))


def url_html(url: str) -> str:
    """An http(s) URL for an ``href`` in a page that Markdown reads: every character Markdown or HTML
    would read is a character reference, so no code span, link or emphasis can form inside it."""
    return _escape(url)


def attribute(text: str) -> str:
    """A one-line field escaped for an HTML attribute value (a meta description)."""
    return html.escape(line_plain(text), quote=True)


def page_title(text: str) -> str:
    """A title field (:data:`~sitegen.model.Title`) as the theme's page title: plain text, not escaped.
    The theme escapes it in attributes and not in text, and a title holds no ``<``, ``>``, ``&`` or ``"``."""
    plain = line_plain(text)
    assert not set(plain) & set('<>&"'), "validated titles hold none of these"
    return plain


def _code(content: str) -> str:
    return content[1:-1] if len(content) > 2 and content[0] == content[-1] == " " else content


# -- blocks ---------------------------------------------------------------------------------------------

TAGS = frozenset({"p", "br", "ul", "ol", "li", "a", "em", "strong", "code", "pre"})
"""What a block may hold: paragraphs, lists, code, links, emphasis."""
ATTRIBUTES = {"a": {"href"}, "ol": {"start"}, "pre": {"class"}, "code": {"class"}}
"""No ``title`` on links: the theme's tooltips put a title into the page as HTML."""
URL_SCHEMES = frozenset({"http", "https"})
_CODE_CLASS = re.compile(r"highlight|language-[a-z0-9+#-]{1,40}")
"""The classes code carries: its language (``language-python``) and the theme's ``highlight``."""
UNHIGHLIGHTED = ("pymdownx.highlight", "codehilite")
"""Extensions whose Pygments highlighting is turned off for the data: some Pygments lexers take
exponential time on a line of backslashes, so code in the data is shown plain, in its language's class."""
_CONSTRUCTS = {
    **dict.fromkeys(("h1", "h2", "h3", "h4", "h5", "h6"), "a heading (# ...)"),
    **dict.fromkeys(("table", "thead", "tbody", "tr", "th", "td"), "a table"),
    **dict.fromkeys(("details", "summary"), "a collapsible block (??? ...)"),
    **dict.fromkeys(("input", "label"), "tabs (=== ...)"),
    **dict.fromkeys(("dl", "dt", "dd"), "a definition list"),
    "blockquote": "a quotation (> ...)",
    "hr": "a horizontal rule (---)",
    "img": "an image",
    "abbr": "an abbreviation (*[...]: ...)",
}


_CLASSES = {
    "admonition": "an admonition (!!! ...)",
    "tabbed-set": "tabs (=== ...)",
    "filename": "a title on a code block",
    "footnote": "a footnote",
    "task-list-item": "a task list",
    "toc": "a table of contents ([TOC])",
}
"""Constructs of Markdown extensions known by the class they give an element."""


@dataclass(frozen=True)
class MarkdownSetup:
    """The site's Markdown extensions and their settings, as ``mkdocs.yml`` gives them."""

    extensions: tuple[Any, ...]
    configs: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)


MKDOCS_BUILTINS = ("toc", "tables", "fenced_code")
"""The extensions MkDocs always loads before those ``mkdocs.yml`` lists."""


def read_setup(config_file: Path) -> MarkdownSetup:
    """The Markdown setup of a ``mkdocs.yml``, read as MkDocs reads it, without importing MkDocs; MkDocs'
    own extensions alone when there is no such file."""
    if not config_file.is_file():
        return MarkdownSetup(MKDOCS_BUILTINS)
    config = read_config(config_file)
    names: list[str] = list(MKDOCS_BUILTINS)
    configs: dict[str, dict[str, Any]] = {}
    for item in config.get("markdown_extensions") or []:
        name, settings = next(iter(item.items())) if isinstance(item, dict) else (item, None)
        if name not in names:
            names.append(name)
        if settings:
            configs[name] = {key: value for key, value in settings.items() if value is not None}
    return MarkdownSetup(tuple(names), configs)


def read_config(config_file: Path) -> dict[str, Any]:
    """A ``mkdocs.yml`` as plain values, without importing MkDocs: ``!ENV`` tags read as MkDocs reads them
    (the first variable set, else the default), every other tag as nothing; :class:`SettingError` if it is
    not YAML."""
    try:
        config = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_ConfigLoader)
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        where = f":{mark.line + 1}:{mark.column + 1}" if mark else ""
        raise SettingError(f"{config_file.name}{where}: not valid YAML: {err.problem or err.context}") from None
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as err:
        raise SettingError(f"{config_file.name}: cannot be read: {cut(str(err))}") from None
    return config if isinstance(config, dict) else {}


class _ConfigLoader(yaml.SafeLoader):
    """A safe loader for ``mkdocs.yml``'s tags (``!ENV``, ``!!python/name``...)."""


def _env(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
    """``!ENV VAR`` or ``!ENV [VAR, OTHER, default]``: the first variable that is set, else the default."""
    if isinstance(node, yaml.ScalarNode):
        return os.environ.get(str(loader.construct_scalar(node)))
    *names, default = loader.construct_sequence(node) if isinstance(node, yaml.SequenceNode) else [None]
    return next((os.environ[str(name)] for name in names if str(name) in os.environ), default)


_ConfigLoader.add_multi_constructor("", lambda _loader, _suffix, _node: None)
_ConfigLoader.add_constructor("!ENV", _env)


class Prose:
    """Renders block fields to sanitised HTML with one Markdown instance, remembering each text's result."""

    def __init__(self, setup: MarkdownSetup) -> None:
        self._setup = setup
        self._markdown: markdown.Markdown | None = None  # made on first use: a rebuild with no changed text needs none
        self._cleaner = nh3.Cleaner(
            tags=set(TAGS),
            attributes={"*": set(), **{tag: set(names) for tag, names in ATTRIBUTES.items()}},  # "*": no lang, title
            attribute_filter=_keep_attribute,
            url_schemes=set(URL_SCHEMES),
            url_relative=_keep_relative,
            link_rel=None,
            strip_comments=True,
        )
        self.block = lru_cache(maxsize=None)(self._block)  # texts repeat across rebuilds of a live server

    def _new_markdown(self) -> markdown.Markdown:
        setup = self._setup
        configs = {name: dict(settings) for name, settings in setup.configs.items()}
        for name in UNHIGHLIGHTED:
            if name in setup.extensions:
                configs[name] = {**configs.get(name, {}), "use_pygments": False}
        md = markdown.Markdown(extensions=list(setup.extensions), extension_configs=configs)
        for registry, name in ((md.preprocessors, "html_block"), (md.inlinePatterns, "html")):
            if name in registry:
                registry.deregister(name)  # raw HTML in data is shown as text (validation refuses it first)
        return md

    def _block(self, text: str) -> tuple[str, tuple[str, ...]]:
        """The text as sanitised HTML, and what the sanitiser had to remove from it (empty when nothing)."""
        if self._markdown is None:
            self._markdown = self._new_markdown()
        self._markdown.reset()
        try:
            rendered = self._markdown.convert(text)
        except RecursionError:  # Python-Markdown recurses once per level of nested lists and quotes
            self._markdown = self._new_markdown()  # the parser's state is left half-way: start afresh
            return "", ("nesting this deep (lists or quotations)",)
        clean = self._cleaner.clean(rendered)
        return clean, () if clean == rendered else tuple(removed(rendered, clean))


def _keep_attribute(tag: str, name: str, value: str) -> str | None:
    if name != "class":
        return value
    allowed = all(_CODE_CLASS.fullmatch(word) for word in value.split())
    return value if allowed and value.strip() else None


def _keep_relative(url: str) -> str | None:
    """A relative address is one with no scheme and no host: ``//host`` and ``\\\\host`` are refused."""
    return None if url.lstrip().startswith(("//", "\\", "/\\")) else url


# -- what the sanitiser removed -------------------------------------------------------------------------


class _Elements(HTMLParser):
    """The start tags of an HTML fragment, with their attributes, in document order."""

    def __init__(self, fragment: str) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, dict[str, str]]] = []
        self.feed(fragment)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found.append((tag, {name: value or "" for name, value in attrs}))


def removed(before: str, after: str) -> Iterable[str]:
    """What is in the HTML ``before`` and not in ``after``, which the sanitiser made of it, in words."""
    kept = iter(_Elements(after).found)
    following = next(kept, None)
    for tag, attributes in _Elements(before).found:
        if following is None or following[0] != tag:
            yield _construct(attributes.get("class", "")) or _CONSTRUCTS.get(tag, f"the element <{tag}>")
            continue
        for name, value in attributes.items():
            if following[1].get(name) != value:
                yield _attribute_words(tag, name, value)
        following = next(kept, None)


def _attribute_words(tag: str, name: str, value: str) -> str:
    if name in ("href", "src"):
        return f"a link to '{value[:60]}' (links go to http or https addresses)"
    if tag == "a" and name == "title":
        return 'a link title ([text](address "title"))'
    if name == "class" and (construct := _construct(value)):
        return construct
    return f'an attribute list or id ({name}="{value[:40]}" on <{tag}>)'


def relative_links(fragment: str) -> list[str]:
    """The link targets of sanitised HTML that are not http(s) addresses (the sanitiser writes every
    attribute in double quotes)."""
    targets = (html.unescape(target) for target in _HREF.findall(fragment))
    return [target for target in targets if not re.match(r"https?://", target, re.IGNORECASE)]


def plain_text(fragment: str) -> str:
    """The words of sanitised HTML, with single spaces."""
    return " ".join(html.unescape(_TAG.sub("", fragment)).split())


_HREF = re.compile(r'\shref="([^"]*)"')
_TAG = re.compile(r"<[^>]*>")


def _construct(classes: str) -> str | None:
    """The Markdown construct an element's classes show it comes from, if one is known."""
    known = _CLASSES.keys() & set(classes.split())
    return _CLASSES[min(known)] if known else None
