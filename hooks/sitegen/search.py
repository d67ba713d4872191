"""Readers' words for the site search: each section's ``keywords`` and the synonyms of ``data/search.yml``,
added to the search index that the theme's search plugin writes, in a field of their own that the
search reads and never shows.

Pure functions over the index's JSON value; the MkDocs adapter reads and writes the file.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from .addresses import address, aspect_page, url_of
from .model import Site
from .publishing import SettingError

FIELD = "keywords"
"""The index field that holds readers' words: ``mkdocs.yml`` gives the search plugin its weight, and the
theme shows only ``title``, ``text`` and ``tags`` in its results."""
_TAG = re.compile(r"<[^>]*>")
Words = Mapping[str, list[str]]


def section_keywords(site: Site) -> dict[str, list[str]]:
    """Each point's and question's ``keywords``, by the address the search index gives its section."""
    found: dict[str, list[str]] = {}
    for aspect in site.aspects:
        for point in aspect.points:
            if point.keywords:
                found[url_of(address(aspect_page(aspect.id), point.id))] = point.keywords
    for question in site.questions:
        if question.keywords:
            found[url_of(site.question_address(question))] = question.keywords
    return found


def enrich(index: dict[str, Any], keywords: Words, synonyms: Words) -> dict[str, Any]:
    """The index with a :data:`FIELD` in each entry that has readers' words: its own keywords, and every
    reader's word of ``synonyms`` whose site words the entry holds. Words are split as the search splits
    them (the index's own separator), and a site word matches the start of a word, as the search does."""
    split = separator(index["config"]["separator"])
    readers = [(word, [_joined(_words(site, split)) for site in sites]) for word, sites in synonyms.items()]
    docs = []
    for doc in index["docs"]:
        own = keywords.get(doc["location"], [])
        text = _joined(_words(" ".join([doc["title"], _TAG.sub(" ", doc["text"]), *own]), split))
        extra = [*own, *(word for word, phrases in readers if any(p and p in text for p in phrases))]
        unique = list(dict.fromkeys(_as_indexed(word) for word in extra))
        docs.append({**doc, FIELD: " ".join(unique)} if unique else doc)
    return {**index, "docs": docs}


def separator(pattern: str) -> re.Pattern[str]:
    """The search's word separator (a JavaScript regular expression) as Python reads it."""
    try:
        return re.compile(pattern)
    except re.error as err:
        raise SettingError(
            f"mkdocs.yml: plugins.search.separator: {pattern!r} is not a regular expression that Python reads "
            f"too ({err}); readers' words are split with it before they join the search index"
        ) from None


def _as_indexed(word: str) -> str:
    """A reader's word as the index holds it: lower case, without backticks (a reader types none), and
    with ``<``, ``>`` and ``&`` as the character references that the search reads as separators: its
    tokenizer reads the text between a ``<`` and a ``>`` as a tag and drops it."""
    return word.lower().replace("`", "").replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _words(text: str, split: re.Pattern[str]) -> list[str]:
    return [word for word in split.split(text.lower()) if word]


def _joined(words: list[str]) -> str:
    """Words as one string, each after a space: ``" a b" in _joined(...)`` finds ``a`` and then a word
    that starts with ``b``, as the search's prefix match would."""
    return "".join(f" {word}" for word in words)


def enrich_file(path: Path, site: Site) -> None:
    """Rewrite the search index at ``path`` (as the theme wrote it) with the readers' words of ``site``."""
    index = json.loads(path.read_text(encoding="utf-8"))
    enriched = enrich(index, section_keywords(site), site.search.synonyms)
    path.write_text(json.dumps(enriched, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
