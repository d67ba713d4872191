"""The markup the generator puts around the data: one small function per construct.

Pages are Markdown with a few HTML wrappers (``md_in_html`` reads Markdown inside those marked
``markdown``). Every wrapper, heading form and class name used in a page comes from here, and every
class name and fixed id from :mod:`sitegen.addresses`; :mod:`sitegen.render` only decides what goes where.

Text from the data arrives here already made safe by :mod:`sitegen.prose`: a ``text`` or ``title``
argument is HTML (a line field through ``line_html``), a ``block`` is sanitised HTML placed as an HTML
block, and headings stay Markdown so that the table of contents, permalinks and search see them.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from urllib.parse import quote

from .addresses import FILTER_INPUT, SEARCH_EXCLUDE, WORDS, Css, relative
from .model import Source
from .prose import line_html, url_html


def front_matter(title: str, description: str) -> str:
    """The page's title and meta description, for MkDocs, whose templates place them unescaped: the
    description arrives escaped for its attribute (``prose.attribute``), the title as a page title
    (``prose.page_title``)."""
    title, description = (json.dumps(text, ensure_ascii=False) for text in (title, description))
    return f"---\ntitle: {title}\ndescription: {description}\n---\n"  # YAML reads no JSON surrogate pair


def paragraph(text: str) -> str:
    return f"<p>{text}</p>"


def heading(level: int, text: str, anchor: str, *, searched: bool = True) -> str:
    """A Markdown heading with its id (so the table of contents and permalinks use it)."""
    attributes = anchor if searched else f"{anchor} {SEARCH_EXCLUDE}"
    return f"{'#' * level} {text} {{#{attributes}}}"


def alias_targets(ids: Iterable[str]) -> str:
    """Empty targets that keep old ids (aliases) landing on the section that follows."""
    return "".join(f'<div id="{anchor}" class="{Css.ALIAS}"></div>\n' for anchor in ids)


def link(target: str, text: str, here: str) -> str:
    """A Markdown link from page ``here`` to ``target`` (``page.md`` or ``page.md#anchor``)."""
    return f"[{text}]({relative(target, here)})"


def web_link(url: str, text: str) -> str:
    """A link to another site, as HTML: ``url`` is an http(s) URL (validated), ``text`` is HTML."""
    return f'<a href="{url_html(url)}">{text}</a>'


def source_link(source: Source) -> str:
    return web_link(source.url, line_html(source.title))


def bullet_list(items: Iterable[str]) -> str:
    return "\n".join(f"- {item}" for item in items)


def sources_line(sources: Iterable[Source], label: str = "Sources") -> str:
    """A point's or question's sources, in small print and out of the search index; empty if none."""
    items = ", ".join(source_link(source) for source in sources)
    return f'<span class="{Css.SOURCES}" {SEARCH_EXCLUDE}>{label}: {items}</span>' if items else ""


def evidence_line(links: Iterable[str], label: str = "Evidence: ") -> str:
    """Links to the sections a text rests on, in small print and out of the search index."""
    return f'<span class="{Css.EVIDENCE}" {SEARCH_EXCLUDE}>{label}{", ".join(links)}</span>'


def correction_links(issue_url: str, file_url: str) -> str:
    """Where to report a mistake in a section, and where its data file is (both on the code host)."""
    return f"{web_link(issue_url, 'Suggest a correction')} · {web_link(file_url, 'Edit')}"


def notes(items: Iterable[str]) -> str:
    """A line of small print under a point or a question (evidence, sources, review date), out of the
    search index; its links are Markdown. Empty when every item is."""
    kept = [item for item in items if item]
    return f'<p class="{Css.META}" {SEARCH_EXCLUDE} markdown>' + " · ".join(kept) + "</p>" if kept else ""


def reviewed_line(text: str) -> str:
    return f'<p class="{Css.REVIEWED}" {SEARCH_EXCLUDE}>{text}</p>'


def recommendation(block_html: str, title: str = "Recommendation", anchor: str = "") -> str:
    """A verdict, as Material's "tip" admonition (written as the admonition extension writes it), at
    body-text size: it is the answer of its section."""
    own = f' id="{anchor}"' if anchor else ""
    return (
        f'<div class="admonition tip {Css.RECOMMENDATION}"{own} markdown>\n<p class="admonition-title">{title}</p>\n\n'
        f"{block_html}\n\n</div>"
    )


def gist(text: str, edge: str) -> str:
    """A point's one-sentence answer, with the tool that has the edge (HTML) when the data says."""
    mark = f' <span class="{Css.EDGE}">Edge: {edge}</span>' if edge else ""
    return f'<p class="{Css.GIST}">{text}{mark}</p>'


# -- tools side by side -----------------------------------------------------------------------------------


def columns(items: Iterable[str], anchor: str = "", kind: str = "") -> str:
    """Blocks side by side, one per tool: columns at desktop widths, stacked on phones."""
    return box(f"{Css.COLUMNS} {kind}".rstrip(), "\n\n".join(items), anchor=anchor)


def cell_label(text: str) -> str:
    """A cell's column name, for phones, where the table's header is not shown."""
    return f'<span class="{Css.CELL_LABEL}">{text}</span>'


def tool_column(anchor: str, name: str, body: str) -> str:
    """One tool's column: a label that links to it, then its text (HTML)."""
    label = f'<p class="{Css.TOOL_NAME}">' + (f'<a href="#{anchor}">{name}</a>' if anchor else name) + "</p>"
    own = f' id="{anchor}"' if anchor else ""
    return f'<div class="{Css.TOOL}"{own} markdown>\n{label}\n\n{body}\n\n</div>'


def shared_column(anchors: Iterable[str], names: str, body: str) -> str:
    """A text that holds for every tool, across the columns; each tool's anchor lands on it."""
    label = f'<p class="{Css.TOOL_NAME}">Same for {names}</p>'
    return f'<div class="{Css.TOOL} {Css.SHARED}" markdown>\n{alias_targets(anchors)}{label}\n\n{body}\n\n</div>'


def choices(anchor: str, title: str, lines: Iterable[str]) -> str:
    """A tool's choose-if lines: a label, then a list whose items hold inline Markdown only (links, which
    MkDocs checks), so that a line starting like a list or a rule stays text."""
    own = f' id="{anchor}"' if anchor else ""
    items = "\n".join(f'<li markdown="span">{line}</li>' for line in lines)
    label = f'<p class="{Css.TOOL_NAME}">{title}</p>'
    return f'<div class="{Css.TOOL}"{own} markdown="1">\n{label}\n<ul markdown="1">\n{items}\n</ul>\n</div>'


LEVELS = {True: ("Yes", Css.YES), "partial": ("Partial", Css.PARTIAL), False: ("No", Css.NO)}


def level(value: bool | str, note: str) -> str:
    """A support value as words (never colour alone), with its note."""
    word, kind = LEVELS[value]
    return f'<span class="{Css.LEVEL} {kind}">{word}</span>' + (f" {note}" if note else "")


# -- tables -------------------------------------------------------------------------------------------------


def html_table(head: Iterable[str], rows: Iterable[Iterable[str]], ids: Iterable[str] = ()) -> str:
    """A table in HTML whose cells are HTML or, where a cell is written ``markdown="span"``, inline Markdown
    (its links are then checked by MkDocs): every level carries ``markdown`` for md_in_html to reach it.
    ``head`` and each row are lists of whole cells (``<th ...>...</th>``, ``<td ...>...</td>``); ``ids``,
    if given, are the rows' anchors."""
    lines = ['<table markdown="1">']
    lines.append('<thead markdown="1"><tr markdown="1">' + "".join(head) + "</tr></thead>")
    lines.append('<tbody markdown="1">')
    anchors = list(ids)
    for index, row in enumerate(rows):
        own = f' id="{anchors[index]}"' if index < len(anchors) else ""
        lines.append(f'<tr{own} markdown="1">' + "".join(row) + "</tr>")
    lines.append("</tbody>\n</table>")
    return "\n".join(lines)


def cell(
    content: str, *, tag: str = "td", kind: str = "", span: int = 1, markdown: bool = False, scope: str = ""
) -> str:
    """One table cell; ``markdown`` when its content holds Markdown links."""
    attributes = "".join(
        [
            f' class="{kind}"' if kind else "",
            f' colspan="{span}"' if span > 1 else "",
            f' scope="{scope}"' if scope else "",
            ' markdown="span"' if markdown else "",
        ]
    )
    return f"<{tag}{attributes}>{content}</{tag}>"


def box(kind: str, content: str, *, anchor: str = "", searched: bool = True) -> str:
    """A block of Markdown in a ``<div>`` of the given class."""
    own = f' id="{anchor}"' if anchor else ""
    skip = f" {SEARCH_EXCLUDE}" if not searched else ""
    return f'<div class="{kind}"{own}{skip} markdown>\n\n{content}\n\n</div>'


def table(head: list[str], rows: Iterable[list[str]]) -> str:
    lines = ["| " + " | ".join(head) + " |", "|" + " --- |" * len(head)]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


def jump_list(label: str, links: Iterable[str]) -> str:
    """A line of links to the sections of a page."""
    return f'<p class="{Css.JUMP}" {SEARCH_EXCLUDE} markdown="span">{label} ' + " · ".join(links) + "</p>"


# -- FAQ ----------------------------------------------------------------------------------------------------


FILTER_BOX = f"""<div class="{Css.FILTER}" hidden>
<label for="{FILTER_INPUT}">Filter the questions</label>
<input id="{FILTER_INPUT}" type="search" autocomplete="off" placeholder="Type a word, e.g. JAX">
<p class="{Css.FILTER_STATUS}" role="status" aria-live="polite"></p>
<p class="{Css.FILTER_ELSEWHERE}" hidden><a href="?q=">Search the whole site for <q></q></a></p>
</div>"""
"""The FAQ's filter, hidden until site.js runs it. When no question matches, site.js shows the link to the
site search for the same words (the theme opens its search on ``?q=``), with those words in ``<q>``."""


def words_attribute(words: Iterable[str]) -> str:
    """Readers' words as a ``data-kvt-words`` attribute (with its leading space), percent-encoded: Markdown
    re-writes the attributes of the blocks it reads, and would turn a typed ``&amp;`` into ``&``; encoded,
    the value holds nothing but letters, digits, spaces and ``%._-~``. None: nothing."""
    text = " ".join(words).lower()
    return f' data-{WORDS}="{quote(text, safe=" ")}"' if text else ""


def topic_section(heading_line: str, questions: str) -> str:
    return f'<section class="{Css.TOPIC}" markdown>\n\n{heading_line}\n\n{questions}\n\n</section>'


def question_block(heading_line: str, answer: str, lines: Iterable[str], words: Iterable[str] = ()) -> str:
    """One question: its heading, its answer, then a line of related links, sources and review date; its
    readers' ``words`` in an attribute, for the filter."""
    answer = f'<div class="{Css.ANSWER}" markdown>\n\n{answer}\n\n</div>'
    start = f'<div class="{Css.QUESTION}"{words_attribute(words)} markdown>\n\n{heading_line}'
    return "\n\n".join([start, answer, notes(lines), "</div>"])


def question_index(anchor: str, groups: Iterable[tuple[str, str]]) -> str:
    """The FAQ's index: for each topic, its name (an HTML block), then the list of its questions."""
    parts = [f"{title}\n\n{entries}" for title, entries in groups]
    # Each group is marked too: the search plugin ends an exclusion at the first closing </div>.
    inner = "\n\n".join(f"<div {SEARCH_EXCLUDE} markdown>\n\n{part}\n\n</div>" for part in parts)
    return f'<div class="{Css.INDEX}" id="{anchor}" {SEARCH_EXCLUDE} markdown>\n\n{inner}\n\n</div>'


def moved_entry(anchor: str, aliases: Iterable[str], content: str, words: Iterable[str] = (), tag: str = "li") -> str:
    """An index entry that stands for a section on another page: it keeps the section's old id and aliases,
    and holds inline Markdown with a link to where the section is (site.js follows it when an old address
    lands here; without JavaScript, the reader lands on the link)."""
    spans = "".join(f'<span id="{alias}" class="{Css.ALIAS}"></span>' for alias in aliases)
    return f'<{tag} id="{anchor}" class="{Css.MOVED}"{words_attribute(words)} markdown="span">{spans}{content}</{tag}>'


def moved_list(entries: Iterable[str]) -> str:
    """A list of :func:`moved_entry` items."""
    return '<ul markdown="1">\n' + "\n".join(entries) + "\n</ul>"


def jsonld_script(data: object) -> str:
    """structured data in a ``<script>`` element that no text in it can close."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return f'<script type="application/ld+json">{text}</script>'


# -- redirects ----------------------------------------------------------------------------------------------


def redirect_document(target: str) -> str:
    """A page that sends an old address (with its #anchor) to ``target``."""
    return (
        '<!doctype html>\n<html lang="en"><head><meta charset="utf-8">'
        f'<title>Moved</title><link rel="canonical" href="{target}">'
        f'<meta http-equiv="refresh" content="0; url={target}">'
        f"<script>location.replace({json.dumps(target)} + location.hash)</script>"
        f'</head><body><p>This page moved to <a href="{target}">{target}</a>.</p></body></html>\n'
    )
