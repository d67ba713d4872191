"""Stage 2: turn loaded documents into the typed :class:`~sitegen.model.Site`, or list every problem.

Each document is first checked alone (its schema, its markup, its file name); then a list of small
checks looks at the documents together: required files, unique ids, ids that a page keeps for itself,
and references between records.
"""

from __future__ import annotations

import difflib
import html
import re
import typing
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Any, Protocol, TypeVar

import msgspec

from . import addresses as at
from .load import Document, PathKey
from .model import Aspect, Problem, Question, Site, Tool, Topics

T = TypeVar("T")
KINDS: dict[str, type[msgspec.Struct]] = {"tools": Tool, "aspects": Aspect, "faq": Question, "topics.yml": Topics}
"""Where each kind of record lives under ``data/``: a folder of one-record files, or one file."""

_FRIENDLY = {  # a fragment of each pattern, as msgspec quotes it, and what it means
    "^[a-z][a-z0-9]*": "an id: lowercase letters, digits and single hyphens, starting with a letter",
    "^https?://": "an http:// or https:// URL",
    "^[^\\": "a single line of text",
}
_RAW_HTML = re.compile(r"<(?!https?://)[A-Za-z!?/]")
_ATTR_LIST = re.compile(r"\{:?\s*(?:[#.][\w-]|[\w-]+\s*=)")
_LINK_TARGET = re.compile(r"\]\(\s*<?([^)\s>]*)|^\s*\[[^\]]+\]:\s*<?(\S*)", re.MULTILINE)
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
_CODE = re.compile(r"```.*?```|`[^`\n]*`", re.DOTALL)


class _Ranked(Protocol):
    @property
    def id(self) -> str: ...

    @property
    def order(self) -> int: ...


R = TypeVar("R", bound=_Ranked)
Pairs = list[tuple[Document, R]]


@dataclass(frozen=True)
class Records:
    """The documents of each kind that fit their schema, with their records, in (order, id) order."""

    tools: Pairs[Tool]
    aspects: Pairs[Aspect]
    questions: Pairs[Question]
    topics: list[tuple[Document, Topics]]


@dataclass(frozen=True)
class Declared:
    """Every id the files declare, read from the raw values, even of files with other problems, so that
    one mistake is reported once and not again wherever it is referred to."""

    files: Mapping[type, list[Document]]
    tools: list[str]
    points: dict[str, set[str]]
    """The point ids of each aspect id."""
    topics: set[str]


def validate(documents: list[Document]) -> Site | list[Problem]:
    """Check every document and the references between them; return the site or all problems."""
    files, problems = _group(documents)
    records = Records(
        tools=_in_order(_convert_all(files[Tool], Tool, problems)),
        aspects=_in_order(_convert_all(files[Aspect], Aspect, problems)),
        questions=_in_order(_convert_all(files[Question], Question, problems)),
        topics=_convert_all(files[Topics], Topics, problems),
    )
    declared = _declared(files)
    for check in CHECKS:
        problems += check(records, declared)
    if problems:
        return sorted(set(problems))
    topics = records.topics[0][1].topics
    rank = {topic.id: index for index, topic in enumerate(topics)}
    questions = sorted((q for _, q in records.questions), key=lambda q: (rank[q.topic], q.order, q.id))
    return Site(
        tools=tuple(tool for _, tool in records.tools),
        aspects=tuple(aspect for _, aspect in records.aspects),
        topics=tuple(topics),
        questions=tuple(questions),
    )


def _group(documents: list[Document]) -> tuple[dict[type, list[Document]], list[Problem]]:
    """The documents by kind, classified once; a file in no kind's place is a problem."""
    files: dict[type, list[Document]] = {kind: [] for kind in KINDS.values()}
    problems = []
    for doc in documents:
        kind = _kind_of(doc.file)
        if kind is None:
            problems.append(Problem(doc.file, 0, 0, "", f"unexpected data file; records live in {_places()}"))
        else:
            files[kind].append(doc)
    return files, problems


def _kind_of(file: str) -> type | None:
    parts = PurePosixPath(file).parts[1:]
    if len(parts) == 2 and parts[0] in KINDS and parts[0] != "topics.yml":
        return KINDS[parts[0]]
    if len(parts) == 1:
        return KINDS.get(parts[0])
    return None


def _places() -> str:
    return ", ".join(f"data/{name}" + ("" if name.endswith(".yml") else "/") for name in KINDS)


def _convert_all(docs: list[Document], kind: type[T], problems: list[Problem]) -> list[tuple[Document, T]]:
    """The records of the documents that fit the schema; the problems of all go to ``problems``."""
    pairs = []
    for doc in docs:
        record, found = _convert(doc, kind)
        problems += found
        if record is not None:
            problems += _check_markup(doc)
            problems += _check_file_name(doc, record)
            pairs.append((doc, record))
    return pairs


def _in_order(pairs: list[tuple[Document, R]]) -> list[tuple[Document, R]]:
    return sorted(pairs, key=lambda pair: (pair[1].order, pair[1].id))


def _declared(files: Mapping[type, list[Document]]) -> Declared:
    def raw_id(value: Any) -> str | None:
        found = value.get("id") if isinstance(value, dict) else None
        return found if isinstance(found, str) else None

    tools = [found for doc in files[Tool] if (found := raw_id(doc.data))]
    points = {}
    for doc in files[Aspect]:
        if aspect_id := raw_id(doc.data):
            points[aspect_id] = {str(point.get("id")) for point in _items(doc.data, "points")}
    topics = {found for doc in files[Topics] for topic in _items(doc.data, "topics") if (found := raw_id(topic))}
    return Declared(files, tools, points, topics)


def _items(data: Any, key: str) -> list[dict[str, Any]]:
    items = data.get(key) if isinstance(data, dict) else None
    return [item for item in items if isinstance(item, dict)] if isinstance(items, list) else []


def _at(doc: Document, path: PathKey, message: str) -> Problem:
    line, column = doc.where(path)
    return Problem(doc.file, line, column, _dotted(path), message)


def _dotted(path: PathKey) -> str:
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text


def _hint(word: str, choices: Iterable[str]) -> str:
    close = difflib.get_close_matches(word, list(choices), n=1)
    return f" (did you mean '{close[0]}'?)" if close else ""


# -- one document against its schema -------------------------------------------------------------


def _convert(doc: Document, kind: type[T]) -> tuple[T | None, list[Problem]]:
    try:
        return msgspec.convert(doc.data, kind), []
    except msgspec.ValidationError:
        return None, list(_explain(doc, doc.data, kind, ()))


def _explain(doc: Document, value: Any, kind: Any, path: PathKey) -> Iterator[Problem]:
    """Find every field that does not fit, descending into records so that all are reported."""
    inner = _unwrap(kind)
    if isinstance(inner, type) and issubclass(inner, msgspec.Struct):
        if not isinstance(value, dict):
            yield _at(doc, path, f"expected a mapping of fields, got {_describe(value)}")
            return
        fields = {f.encode_name: f for f in msgspec.structs.fields(inner)}
        for key in value:
            if key not in fields:
                yield _at(doc, (*path, key), f"unknown field '{key}'{_hint(key, fields)}")
        for name, info in fields.items():
            if name not in value:
                if info.required:
                    yield _at(doc, path, f"missing required field '{name}'")
                continue
            yield from _explain(doc, value[name], info.type, (*path, name))
        return
    origin = typing.get_origin(inner)
    if origin in (list, dict) and _has_struct(inner):
        item_type = typing.get_args(inner)[-1]
        if origin is list and isinstance(value, list):
            found = [p for i, item in enumerate(value) for p in _explain(doc, item, item_type, (*path, i))]
            yield from found or _check_only(doc, value, kind, path)  # the list's own limits, once items fit
            return
        if origin is dict and isinstance(value, dict):
            for key, item in value.items():
                yield from _explain(doc, key, typing.get_args(inner)[0], (*path, key))
                yield from _explain(doc, item, item_type, (*path, key))
            return
    yield from _check_only(doc, value, kind, path)


def _check_only(doc: Document, value: Any, kind: Any, path: PathKey) -> Iterator[Problem]:
    try:
        msgspec.convert(value, kind)
    except msgspec.ValidationError as err:
        message, _, where = str(err).partition(" - at `$")
        if "missing required field" in message or "unknown field" in message:
            return  # reported field by field by the caller
        yield _at(doc, (*path, *_parse_path(where.rstrip("`"))), _friendly(message, value))


def _parse_path(text: str) -> PathKey:
    parts: list[str | int] = []
    for name, index in re.findall(r"\.([^.\[]+)|\[(\d+)\]", text):
        parts.append(int(index) if index else name)
    return tuple(parts)


def _friendly(message: str, value: Any) -> str:
    for pattern, meaning in _FRIENDLY.items():
        if pattern in message:
            return f"expected {meaning}"
    message = message.replace("`", "'")
    if message.startswith("Expected") and ", got" not in message:
        message += f", got {_describe(value)}"
    return message[0].lower() + message[1:]


def _describe(value: Any) -> str:
    names = {str: "text", int: "a number", float: "a number", bool: "true/false", list: "a list", dict: "a mapping"}
    return "nothing" if value is None else names.get(type(value), type(value).__name__)


def _unwrap(kind: Any) -> Any:
    while typing.get_origin(kind) is typing.Annotated:
        kind = typing.get_args(kind)[0]
    return kind


def _has_struct(kind: Any) -> bool:
    item = _unwrap(typing.get_args(kind)[-1])
    return isinstance(item, type) and issubclass(item, msgspec.Struct)


# -- rules that a schema cannot say ---------------------------------------------------------------


def _check_file_name(doc: Document, record: Any) -> list[Problem]:
    stem = PurePosixPath(doc.file).stem
    if hasattr(record, "id") and record.id != stem:
        return [_at(doc, ("id",), f"id '{record.id}' must match the file name '{stem}.yml'")]
    return []


def _check_markup(doc: Document) -> Iterator[Problem]:
    """Text is Markdown without raw HTML, attribute lists or non-web link targets."""
    for path, text in _strings(doc.data, ()):
        if not any(mark in text for mark in "<{:&"):
            continue  # no tag, attribute list or link scheme can hide in this text
        plain = _CODE.sub("", text)
        if _RAW_HTML.search(plain):
            yield _at(doc, path, "raw HTML is not allowed in data; write Markdown (put code in `backticks`)")
        if _ATTR_LIST.search(plain):
            yield _at(doc, path, "attribute lists ({: ...}) are not allowed in data")
        for match in _LINK_TARGET.finditer(plain):
            target = html.unescape(match.group(1) or match.group(2) or "")  # browsers decode &#58; in href
            if _SCHEME.match(target) and not target.lower().startswith(("http://", "https://")):
                yield _at(doc, path, f"link target '{target[:40]}' is not allowed; links must be http(s) or relative")


def _strings(value: Any, path: PathKey) -> Iterator[tuple[PathKey, str]]:
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _strings(item, (*path, index))


# -- rules across documents ---------------------------------------------------------------------------


Check = Callable[[Records, Declared], Iterable[Problem]]
Entry = tuple[Document, PathKey, str]


def _required_files(records: Records, declared: Declared) -> Iterator[Problem]:
    if not declared.files[Topics]:
        yield Problem("data/topics.yml", 0, 0, "", "missing: the FAQ topics file is required")
    if not declared.files[Tool]:
        yield Problem("data/tools", 0, 0, "", "no tools: add at least one file such as data/tools/keras.yml")


def _unique_ids(records: Records, declared: Declared) -> Iterator[Problem]:
    """Tools, aspects (whose ids and aliases are addresses), and the FAQ's topics and questions (anchors
    of one page) each have ids of their own."""
    yield from _duplicates([(doc, ("id",), tool.id) for doc, tool in records.tools], "tool")
    yield from _duplicates(_ids_and_aliases(records.aspects), "aspect")
    yield from _duplicates(_topic_ids(records) + _ids_and_aliases(records.questions), "FAQ topic or question")


def _faq_page_ids(records: Records, declared: Declared) -> Iterator[Problem]:
    """Questions, topics and their aliases do not take an id the FAQ page gives itself."""
    yield from _reserved(_topic_ids(records) + _ids_and_aliases(records.questions), at.RESERVED_ON_FAQ_PAGE)


def _aspects_refer_to_what_exists(records: Records, declared: Declared) -> Iterator[Problem]:
    for doc, aspect in records.aspects:
        yield from _check_tools(doc, ("summary",), aspect.summary, declared.tools)
        for index, point in enumerate(aspect.points):
            yield from _check_tools(doc, ("points", index, "tools"), point.tools, declared.tools)
            yield from _check_refs(doc, ("points", index, "evidence"), point.evidence, declared.points)


def _points_have_ids_of_their_own(records: Records, declared: Declared) -> Iterator[Problem]:
    """A point's id and aliases are anchors of its aspect's page: unique there, and not the page's own."""
    for doc, aspect in records.aspects:
        entries: list[Entry] = []
        for index, point in enumerate(aspect.points):
            entries.append((doc, ("points", index, "id"), point.id))
            entries += [(doc, ("points", index, "aliases", i), alias) for i, alias in enumerate(point.aliases)]
        yield from _reserved(entries, at.reserved_on_aspect_page(aspect.id))
        yield from _duplicates(entries, f"point (in aspect '{aspect.id}')")


def _questions_refer_to_what_exists(records: Records, declared: Declared) -> Iterator[Problem]:
    for doc, question in records.questions:
        if question.topic not in declared.topics:
            hint = _hint(question.topic, declared.topics)
            yield _at(doc, ("topic",), f"unknown topic '{question.topic}'{hint}")
        yield from _check_refs(doc, ("related",), question.related, declared.points)


CHECKS: tuple[Check, ...] = (
    _required_files,
    _unique_ids,
    _faq_page_ids,
    _aspects_refer_to_what_exists,
    _points_have_ids_of_their_own,
    _questions_refer_to_what_exists,
)
"""The rules that look at several documents together, in the order they run."""


def _ids_and_aliases(pairs: list[tuple[Document, Aspect]] | list[tuple[Document, Question]]) -> list[Entry]:
    found: list[Entry] = []
    for doc, record in pairs:
        found.append((doc, ("id",), record.id))
        found += [(doc, ("aliases", i), alias) for i, alias in enumerate(record.aliases)]
    return found


def _topic_ids(records: Records) -> list[Entry]:
    return [(doc, ("topics", i, "id"), topic.id) for doc, file in records.topics for i, topic in enumerate(file.topics)]


def _duplicates(entries: list[Entry], what: str) -> Iterator[Problem]:
    first: dict[str, tuple[Document, PathKey]] = {}
    for doc, path, value in entries:
        if value in first:
            other, other_path = first[value]
            line = other.where(other_path)[0]
            yield _at(doc, path, f"{what} id '{value}' is already used in {other.file}:{line}")
        else:
            first[value] = (doc, path)


def _reserved(entries: list[Entry], reserved: Mapping[str, str]) -> Iterator[Problem]:
    for doc, path, value in entries:
        if value in reserved:
            yield _at(doc, path, f"'{value}' is the id of {reserved[value]} on the same page; choose another id")


def _check_tools(doc: Document, path: PathKey, texts: Mapping[str, Any], tool_ids: list[str]) -> Iterator[Problem]:
    for key in texts:
        if key not in tool_ids:
            yield _at(doc, (*path, key), f"unknown tool '{key}'{_hint(key, tool_ids)}")
    missing = [tool for tool in tool_ids if tool not in texts]
    if missing:
        plural = "s" if len(missing) > 1 else ""
        yield _at(doc, path, f"missing an entry for tool{plural} {', '.join(missing)}")


def _check_refs(doc: Document, path: PathKey, refs: list[str], points: dict[str, set[str]]) -> Iterator[Problem]:
    for index, ref in enumerate(refs):
        aspect, point = at.split_ref(ref)
        if aspect not in points:
            yield _at(doc, (*path, index), f"unknown aspect '{aspect}'{_hint(aspect, points)}")
        elif point is not None and point not in points[aspect]:
            hint = _hint(point, points[aspect])
            yield _at(doc, (*path, index), f"aspect '{aspect}' has no point '{point}'{hint}")
