"""The site search's index, as the theme's search plugin wrote it, made to fit a reader:

- readers' words (each section's ``keywords`` and the synonyms of ``data/search.yml``) join it in a field
  of their own that the search reads and never shows;
- each entry's shown text becomes its section's first lines (the answer, on an answer-first site), and
  its whole text moves to a field that the search reads and never shows, so that a result is a heading
  and about three lines, never a whole page body.

Pure functions over the index's JSON value; the MkDocs adapter reads and writes the file.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from .addresses import address, aspect_page, url_of
from .model import Site
from .publishing import SettingError

FIELD = "keywords"
"""The index field that holds readers' words: ``mkdocs.yml`` gives the search plugin its weight, and the
theme shows only ``title``, ``text`` and ``tags`` in its results."""
BODY = "body"
"""The index field that holds an entry's whole text: searched, never shown."""
OPENING = 240
"""At most this many characters of a section's opening are shown as its result (``site.css`` clamps them
to three lines: about 50 characters a line on a phone, 80 on a desktop)."""
_BLOCK_END = re.compile(r"</(?:p|li|ul|ol|dl|dt|dd|h[1-6]|tr|table|pre|div|blockquote)>|<br\s*/?>", re.IGNORECASE)
_TAG = re.compile(r"<[^>]*>")
_SPACE = re.compile(r"\s+")
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
    """The index with a :data:`FIELD` in each entry that has readers' words (:func:`readers_words`), split
    as the search splits them (the index's own separator)."""
    split = separator(index["config"]["separator"])
    docs = []
    for doc in index["docs"]:
        text = f"{doc['title']} {_searched(doc['text'])}"
        words = readers_words(text, keywords.get(doc["location"], []), synonyms, split)
        unique = list(dict.fromkeys(_as_indexed(word) for word in words))
        docs.append({**doc, FIELD: " ".join(unique)} if unique else doc)
    return {**index, "docs": docs}


WORD_BREAK = re.compile(r"[^\w.+#]+|\.(?!\w)")
"""Where words break, for what the page's own scripts read (the FAQ filter): anything but a letter, a digit,
``+`` or ``#`` (C++, C#), and a full stop that ends a word (not the one of ``tf.keras``)."""


def readers_words(text: str, own: Sequence[str], synonyms: Words, split: re.Pattern[str] = WORD_BREAK) -> list[str]:
    """A section's readers' words: its own ``keywords``, then every reader's word of ``synonyms`` whose site
    words the section's ``text`` (or its keywords) holds. A site word matches the start of a word, as the
    search does: "phone" is held by "phones"."""
    held = _joined(_words(" ".join([text, *own]), split))

    def holds(phrase: str) -> bool:
        words = _joined(_words(phrase, split))
        return bool(words) and words in held

    found = [word for word, phrases in synonyms.items() if any(holds(phrase) for phrase in phrases)]
    return list(dict.fromkeys([*own, *found]))


def shorten(index: dict[str, Any]) -> dict[str, Any]:
    """The index with each entry's ``text`` cut to its opening (:func:`opening`), which results show, and its
    whole text in :data:`BODY`, which the search reads in place of ``text``, with ``text``'s weight. The
    search thus finds and ranks every entry as before (the same words, in a field of the same weight),
    and a result shows a heading and the section's first lines. (Split in two indexed fields, the words
    would count twice as often in the search's rarity measure, which raised common words like
    "tensorflow" above rare ones.)"""
    fields = {name: spec for name, spec in index["config"]["fields"].items() if name != "text"}
    fields[BODY] = index["config"]["fields"].get("text", {"boost": 1.0})
    docs = [{**doc, "text": _shown(opening(doc["text"])), BODY: _searched(doc["text"])} for doc in index["docs"]]
    return {**index, "config": {**index["config"], "fields": fields}, "docs": docs}


def opening(html: str, limit: int = OPENING) -> str:
    """A section's opening, from its text (the index's HTML), as plain text: its first block (a paragraph,
    a list item...), or, when that is shorter than a quarter of ``limit`` (a label such as "Keras"), the
    blocks from there on; at most ``limit`` characters, cut at a space. It keeps its character references
    (``&lt;``), as the index does, and holds no tag."""
    blocks = [plain for plain in (_plain(block) for block in _BLOCK_END.split(html)) if plain]
    if blocks and len(blocks[0]) >= limit // 4:  # a sentence or more: the opening is that block
        blocks = blocks[:1]
    words = " ".join(blocks)
    if len(words) <= limit:
        return words
    cut = words.rfind(" ", 0, limit + 1)
    if cut <= 0:  # one word longer than the limit: cut it, but not inside a character reference
        cut = limit
        amp = words.rfind("&", 0, cut)
        cut = amp if amp > words.rfind(";", 0, cut) else cut
    return words[:cut].rstrip() + "…"


def _shown(opening: str) -> str:
    """An opening as the result shows it: one paragraph, which ``site.css`` clamps to three lines."""
    return f"<p>{opening}</p>" if opening else ""


def _plain(html: str) -> str:
    """Text without its tags, which join the words on either side (``<code>tf</code>.keras``)."""
    return _SPACE.sub(" ", _TAG.sub("", html)).strip()


def _searched(html: str) -> str:
    """Text without its tags, each read as a word break, as the search's tokenizer reads them."""
    return _SPACE.sub(" ", _TAG.sub(" ", html)).strip()


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
    enriched = shorten(enrich(index, section_keywords(site), site.search.synonyms))
    path.write_text(json.dumps(enriched, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
