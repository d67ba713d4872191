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

from .addresses import FILTER_INPUT, SEARCH_EXCLUDE, Css, relative
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


def evidence_line(links: Iterable[str]) -> str:
    return f'<span class="{Css.EVIDENCE}" {SEARCH_EXCLUDE}>Evidence: {", ".join(links)}</span>'


def reviewed_line(text: str) -> str:
    return f'<p class="{Css.REVIEWED}" {SEARCH_EXCLUDE}>{text}</p>'


def recommendation(block_html: str) -> str:
    """A verdict, as Material's "tip" admonition, written as the admonition extension writes it."""
    return f'<div class="admonition tip">\n<p class="admonition-title">Recommendation</p>\n{block_html}\n</div>'


# -- tables -------------------------------------------------------------------------------------------------


def table(head: list[str], rows: Iterable[list[str]]) -> str:
    lines = ["| " + " | ".join(head) + " |", "|" + " --- |" * len(head)]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


def in_aspect(title: str) -> str:
    """The aspect a summary row's point belongs to, so sorted rows keep their context."""
    return f'<span class="{Css.IN}">{title}</span>'


def summary_wrapper(content: str) -> str:
    """The summary table's box: site.js makes the table in it sortable; search leaves it out."""
    return f'<div class="{Css.SUMMARY}" {SEARCH_EXCLUDE} markdown>\n\n{content}\n\n</div>'


# -- FAQ ----------------------------------------------------------------------------------------------------


FILTER_BOX = f"""<div class="{Css.FILTER}" hidden>
<label for="{FILTER_INPUT}">Filter the questions</label>
<input id="{FILTER_INPUT}" type="search" autocomplete="off" placeholder="Type a word, e.g. JAX">
<p class="{Css.FILTER_STATUS}" role="status" aria-live="polite"></p>
</div>"""
"""The FAQ's filter, hidden until site.js runs it."""


def topic_section(heading_line: str, questions: str) -> str:
    return f'<section class="{Css.TOPIC}" markdown>\n\n{heading_line}\n\n{questions}\n\n</section>'


def question_block(heading_line: str, answer: str, notes: Iterable[str]) -> str:
    """One question: its heading, its answer, then a line of related links, sources and review date."""
    meta = f'<p class="{Css.META}" {SEARCH_EXCLUDE} markdown>' + " ".join(note for note in notes if note) + "</p>"
    return "\n\n".join([f'<div class="{Css.QUESTION}" markdown>\n\n{heading_line}', answer, meta, "</div>"])


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
