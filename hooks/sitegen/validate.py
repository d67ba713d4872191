"""Stage 2: turn loaded documents into the typed :class:`~sitegen.model.Site`, or list every problem.

Each document is first checked alone (its schema, its markup, its file name); then the rules of
:mod:`sitegen.rules` look at the documents together: required files, unique ids, ids that a page keeps
for itself, and references between records.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from html import unescape
from pathlib import PurePosixPath
from typing import Any

import msgspec

from .addresses import CHOOSE, address, aspect_page, question_page
from .characters import has_visible
from .explain import convert, problem_at
from .load import Document, PathKey, invisible
from .model import (
    BLOCK_MAX_BRACKETS,
    BLOCK_MAX_LINES,
    BLOCK_MAX_NESTING,
    Aspect,
    Decision,
    Place,
    Problem,
    Question,
    Search,
    Site,
    Tool,
    Topics,
    block_fields,
    cut,
)
from .prose import Prose, plain_text, relative_links, without_code
from .rules import CHECKS, Declared, R, Records

KINDS: dict[str, type[msgspec.Struct]] = {
    "tools": Tool,
    "aspects": Aspect,
    "faq": Question,
    "topics.yml": Topics,
    "decision.yml": Decision,
    "search.yml": Search,
}
"""Where each kind of record lives under ``data/``: a folder of one-record files, or one file."""

BLOCK_FIELDS = block_fields()
_RAW_HTML = re.compile(r"<(?!(?i:https?)://)[A-Za-z!?/]")
_ABBREVIATION = re.compile(r"^\s*\*\[[^\]]*\]\s*:", re.MULTILINE)
_MARKER = r"(?:[-*+]|\d{1,9}[.)])(?: +|$)|> *"
_CONTAINERS = re.compile(f"^ *(?:{_MARKER})*", re.MULTILINE)
"""The list markers and quotation marks that open a line: each nests a level."""
_SHOWS_NOTHING = "the text shows nothing once rendered (only link definitions, spaces or marks?)"
_BLOCK_TAKES = "is not allowed in this field; it takes paragraphs, lists, code and links"
_NOT_IN_A_LINE = [
    (_RAW_HTML, "raw HTML is not allowed"),
    (
        re.compile(r"^\s*(#|!!!|\?\?\?|===|\*\[)"),
        "a Markdown block (heading, admonition, abbreviation) is not allowed",
    ),
    (re.compile(r"!?\[[^\]]*\][(\[]|^\s*\[[^\]]+\]:"), "a Markdown link is not allowed (sources go in their own list)"),
    (re.compile(r"\{\s*(?::|[#.][A-Za-z])"), "an attribute list ({...}) is not allowed"),
]
"""Markdown that one-line fields would show as typed: refused, so that the author hears why."""


@dataclass(frozen=True)
class Checked:
    """One data file checked alone: its document, its record if it fits its schema, what is wrong with it
    alone, and its block fields rendered (text -> sanitised HTML). It depends on nothing but the file's
    name and bytes, the Markdown setup and this code, so it can be remembered by them (:mod:`sitegen.memo`)."""

    document: Document
    kind: type | None
    """Its kind of record, from where the file is (none: a file in no kind's place)."""
    record: Any
    problems: tuple[Problem, ...]
    html: Mapping[str, str]


def validate(documents: list[Document], prose: Prose, unreadable: Iterable[str] = ()) -> Site | list[Problem]:
    """Check every document and the references between them; return the site or all problems.

    Block fields are rendered to sanitised HTML by ``prose`` on the way, so that what the sanitiser
    would remove is reported here, with its file and line. ``unreadable`` names the files that could
    not be loaded (already reported): what refers to them is not reported again."""
    return assemble([check_document(doc, prose) for doc in documents], unreadable)


def check_document(doc: Document, prose: Prose) -> Checked:
    """The checks of one document alone: its place, its schema, its texts and its file name."""
    kind = _kind_of(doc.file)
    if kind is None:
        unexpected = Problem(doc.file, 0, 0, "", f"unexpected data file; records live in {_places_list()}")
        return Checked(doc, None, None, (unexpected,), {})
    record, found = convert(doc, kind)
    if record is None and not found:  # a gap in the explanations: still one message, never a crash later
        found = [Problem(doc.file, 0, 0, "", f"does not fit the {kind.__name__} schema (see schema/)")]
    problems, html = list(found), dict[str, str]()
    if record is not None:
        problems += _check_text(doc, prose, html)
        problems += _check_file_name(doc, record)
    return Checked(doc, kind, record, tuple(problems), html)


def assemble(checked: Iterable[Checked], unreadable: Iterable[str] = ()) -> Site | list[Problem]:
    """The site from documents checked alone, once the rules that look at them together hold; else all problems."""
    files: dict[type, list[Document]] = {kind: [] for kind in KINDS.values()}
    pairs: dict[type, list[tuple[Document, Any]]] = {kind: [] for kind in KINDS.values()}
    problems: list[Problem] = []
    html: dict[str, str] = {}
    for item in checked:
        problems += item.problems
        if item.kind is None:
            continue
        files[item.kind].append(item.document)
        html.update(item.html)
        if item.record is not None:
            pairs[item.kind].append((item.document, item.record))
    records = Records(
        tools=_in_order(pairs[Tool]),
        aspects=_in_order(pairs[Aspect]),
        questions=_in_order(pairs[Question]),
        topics=pairs[Topics],
        decision=pairs[Decision],
        search=pairs[Search],
    )
    unreadable = tuple(unreadable)
    declared = _declared(files, unreadable)
    for check in CHECKS:
        problems += check(records, declared)
    if problems or unreadable:
        return sorted(set(problems))
    topics = records.topics[0][1].topics
    split = len(records.questions) > records.topics[0][1].one_page_up_to
    rank = {topic.id: index for index, topic in enumerate(topics)}
    questions = sorted((q for _, q in records.questions), key=lambda q: (rank[q.topic], q.order, q.id))
    return Site(
        tools=tuple(tool for _, tool in records.tools),
        aspects=tuple(aspect for _, aspect in records.aspects),
        topics=tuple(topics),
        questions=tuple(questions),
        decision=records.decision[0][1],
        search=records.search[0][1] if records.search else Search(),
        html=html,
        places=_places_of(records, split),
        dated=_dates_of(records, split),
        faq_split=split,
    )


def _places_of(records: Records, split: bool) -> dict[str, Place]:
    places = {}
    for doc, aspect in records.aspects:
        for index, point in enumerate(aspect.points):
            places[address(aspect_page(aspect.id), point.id)] = Place(doc.file, doc.where(("points", index))[0])
    for doc, question in records.questions:
        places[address(question_page(question.topic, split), question.id)] = Place(
            doc.file, doc.where(("question",))[0]
        )
    return places


def _dates_of(records: Records, split: bool) -> dict[str, Place]:
    """Where each review date is written, by the address of what it dates; a point without a date of its
    own has none (its aspect's holds)."""
    dated = {}
    for doc, aspect in records.aspects:
        page = aspect_page(aspect.id)
        dated[page] = Place(doc.file, doc.where(("reviewed",))[0])
        for index, point in enumerate(aspect.points):
            if point.reviewed is not None:
                dated[address(page, point.id)] = Place(doc.file, doc.where(("points", index, "reviewed"))[0])
    for doc, question in records.questions:
        dated[address(question_page(question.topic, split), question.id)] = Place(doc.file, doc.where(("reviewed",))[0])
    for doc, decision in records.decision:
        dated[address(aspect_page(decision.guide), CHOOSE)] = Place(doc.file, doc.where(("reviewed",))[0])
    return dated


def _kind_of(file: str) -> type | None:
    parts = PurePosixPath(file).parts[1:]
    if len(parts) == 2 and parts[0] in KINDS and not parts[0].endswith(".yml"):
        return KINDS[parts[0]]
    if len(parts) == 1:
        return KINDS.get(parts[0])
    return None


def _places_list() -> str:
    return ", ".join(f"data/{name}" + ("" if name.endswith(".yml") else "/") for name in KINDS)


def _in_order(pairs: list[tuple[Document, R]]) -> list[tuple[Document, R]]:
    return sorted(pairs, key=lambda pair: (pair[1].order, pair[1].id))


def _declared(files: Mapping[type, list[Document]], unreadable: Iterable[str]) -> Declared:
    def raw_id(value: Any) -> str | None:
        found = value.get("id") if isinstance(value, dict) else None
        return found if isinstance(found, str) else None

    def id_of(doc: Document) -> str:  # a file without a usable id is presumably named after it
        return raw_id(doc.data) or PurePosixPath(doc.file).stem

    tools = [id_of(doc) for doc in files[Tool]]
    points: dict[str, set[str] | None] = {}
    for doc in files[Aspect]:
        listed = doc.data.get("points") if isinstance(doc.data, dict) else None
        known = {str(point.get("id")) for point in _items(doc.data, "points")}
        points[id_of(doc)] = known if isinstance(listed, list) else None
    topics: set[str] | None = {
        found for doc in files[Topics] for topic in _items(doc.data, "topics") if (found := raw_id(topic))
    }
    decision = bool(files[Decision])
    for file in unreadable:  # its id is presumably its name; its contents are unknown
        kind, stem = _kind_of(file), PurePosixPath(file).stem
        decision = decision or kind is Decision
        if kind is Tool:
            tools.append(stem)
        elif kind is Aspect:
            points[stem] = None
        elif kind is Topics:
            topics = None
    return Declared(files, tools, points, topics, decision)


def _items(data: Any, key: str) -> list[dict[str, Any]]:
    items = data.get(key) if isinstance(data, dict) else None
    return [item for item in items if isinstance(item, dict)] if isinstance(items, list) else []


# -- rules that a schema cannot say ---------------------------------------------------------------


def _check_file_name(doc: Document, record: Any) -> list[Problem]:
    stem = PurePosixPath(doc.file).stem
    if hasattr(record, "id") and record.id != stem:
        return [problem_at(doc, ("id",), f"id '{record.id}' must match the file name '{cut(stem)}.yml'")]
    return []


def _check_text(doc: Document, prose: Prose, html: dict[str, str]) -> Iterator[Problem]:
    """Each text field against its kind; block fields are rendered here, once, into ``html``."""
    for path, text in _strings(doc.data, ()):
        key = next((part for part in reversed(path) if isinstance(part, str)), "")
        if key in BLOCK_FIELDS:
            yield from _check_block(doc, path, text, prose, html)
        else:
            yield from _check_line(doc, path, text)


def _check_block(doc: Document, path: PathKey, text: str, prose: Prose, html: dict[str, str]) -> Iterator[Problem]:
    """One message per field: the first thing wrong with it."""
    plain = without_code(text)
    if _RAW_HTML.search(plain):
        yield problem_at(doc, path, "raw HTML is not allowed in data; write Markdown (put code in `backticks`)")
    elif _ABBREVIATION.search(plain):
        yield problem_at(doc, path, f"an abbreviation (*[...]: ...) {_BLOCK_TAKES}")
    elif text.count("[") > BLOCK_MAX_BRACKETS:
        yield problem_at(doc, path, f"more than {BLOCK_MAX_BRACKETS} '[' in one field; split it or drop some")
    elif text.count("\n", 0, len(text.rstrip("\n"))) >= BLOCK_MAX_LINES:
        yield problem_at(doc, path, f"more than {BLOCK_MAX_LINES} lines in one field; shorten it")
    elif _depth(text) > BLOCK_MAX_NESTING:
        yield problem_at(doc, path, f"lists or quotations nested deeper than {BLOCK_MAX_NESTING} levels")
    else:
        rendered, lost = prose.block(text)  # bounded: the checks above keep the worst case fast
        words, relative = plain_text(rendered), relative_links(rendered)
        if lost:
            yield problem_at(doc, path, f"{lost[0]} {_BLOCK_TAKES}")
        elif hidden := invisible(unescape(rendered)):  # before spaces are joined: U+2028 and \x1c split words too
            yield problem_at(doc, path, f"{hidden} (a character reference?) is not allowed; delete it")
        elif not has_visible(words):
            yield problem_at(doc, path, _SHOWS_NOTHING)
        elif relative:
            message = f"a link to '{relative[0][:60]}': links in data go to http(s) addresses"
            yield problem_at(doc, path, f"{message}; to point at a section of this site, use evidence or related")
        html[text] = rendered


def _depth(text: str) -> int:
    """How deep the text's lists and quotations nest, counted on each line from its markers and indent."""
    deepest = 0
    for match in _CONTAINERS.finditer(text):
        opening = match.group()
        markers = len(re.findall(_MARKER, opening.lstrip(" ")))
        deepest = max(deepest, markers + (len(opening) - len(opening.lstrip(" "))) // 4)
    return deepest


def _check_line(doc: Document, path: PathKey, text: str) -> Iterator[Problem]:
    if not has_visible(text.replace("`", "")):  # a code span of spaces shows nothing either
        yield problem_at(doc, path, "no letter, digit, symbol or punctuation: the field would show as blank")
        return
    plain = without_code(text)
    for pattern, what in _NOT_IN_A_LINE:
        if pattern.search(plain):
            yield problem_at(doc, path, f"{what} in a one-line field; it is plain text, with `code` at most")
            return


def _strings(value: Any, path: PathKey) -> Iterator[tuple[PathKey, str]]:
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _strings(item, (*path, index))
