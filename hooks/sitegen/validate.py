"""Stage 2: turn loaded documents into the typed :class:`~sitegen.model.Site`, or list every problem."""

from __future__ import annotations

import difflib
import html
import re
import typing
from collections.abc import Iterator
from pathlib import PurePosixPath
from typing import Any, TypeVar

import msgspec

from .load import Document, PathKey
from .model import Aspect, Problem, Question, Site, Tool, Topics

T = TypeVar("T")
KINDS: dict[str, type] = {"tools": Tool, "aspects": Aspect, "faq": Question, "topics.yml": Topics}
"""Where each kind of record lives under ``data/``: a folder of one-record files, or one file."""
RESERVED_ANCHORS = frozenset({"sources", "related-questions", "verdict", "see-also"})
"""Anchors the renderer uses itself on aspect pages; no point may take them."""

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


def validate(documents: list[Document]) -> Site | list[Problem]:
    """Check every document and the references between them; return the site or all problems."""
    problems: list[Problem] = []
    records: dict[type, list[tuple[Document, Any]]] = {kind: [] for kind in KINDS.values()}
    for doc in documents:
        kind = _kind_of(doc.file)
        if kind is None:
            problems.append(Problem(doc.file, 0, 0, "", f"unexpected data file; records live in {_places()}"))
            continue
        record, found = _convert(doc, kind)
        problems += found
        if record is not None:
            problems += _check_markup(doc)
            problems += _check_file_name(doc, record)
            records[kind].append((doc, record))
    tools = _ordered(records[Tool])
    aspects = _ordered(records[Aspect])
    questions = sorted(records[Question], key=lambda pair: (pair[1].order, pair[1].id))
    topics_files = records[Topics]
    if not any(doc.file.endswith("topics.yml") for doc in documents):
        problems.append(Problem("data/topics.yml", 0, 0, "", "missing: the FAQ topics file is required"))
    if not tools and not any(_kind_of(d.file) is Tool for d in documents):
        problems.append(Problem("data/tools", 0, 0, "", "no tools: add at least one file such as data/tools/keras.yml"))
    topics = topics_files[0][1].topics if topics_files else []
    problems += _check_unique([(d, ("id",), t.id) for d, t in tools], "tool")
    problems += _check_unique(_ids_and_aliases(aspects), "aspect")
    problems += _check_unique(
        [(d, ("topics", i, "id"), t.id) for d, f in topics_files for i, t in enumerate(f.topics)]
        + _ids_and_aliases(questions),
        "FAQ topic or question",
    )
    # References are checked against every id the files declare, even in files with other problems,
    # so that one mistake is reported once and not again wherever it is referred to.
    tool_ids = _raw_ids(documents, Tool)
    targets = {aspect: points for aspect, points in _raw_aspects(documents)}
    topic_ids = {t.get("id") for d in documents if _kind_of(d.file) is Topics for t in _items(d.data, "topics")}
    for doc, aspect in aspects:
        problems += _check_aspect(doc, aspect, tool_ids, targets)
    for doc, question in questions:
        if question.topic not in topic_ids:
            problems.append(_at(doc, ("topic",), f"unknown topic '{question.topic}'{_hint(question.topic, topic_ids)}"))
        problems += _check_refs(doc, ("related",), question.related, targets)
    if problems:
        return sorted(set(problems))
    order = {topic.id: index for index, topic in enumerate(topics)}
    return Site(
        tools=tuple(tool for _, tool in tools),
        aspects=tuple(aspect for _, aspect in aspects),
        topics=tuple(topics),
        questions=tuple(sorted((q for _, q in questions), key=lambda q: (order[q.topic], q.order, q.id))),
    )


def _kind_of(file: str) -> type | None:
    parts = PurePosixPath(file).parts[1:]
    if len(parts) == 2 and parts[0] in KINDS and parts[0] != "topics.yml":
        return KINDS[parts[0]]
    if len(parts) == 1:
        return KINDS.get(parts[0])
    return None


def _items(data: Any, key: str) -> list[dict[str, Any]]:
    items = data.get(key) if isinstance(data, dict) else None
    return [item for item in items if isinstance(item, dict)] if isinstance(items, list) else []


def _raw_ids(documents: list[Document], kind: type) -> list[str]:
    found = (d.data.get("id") for d in documents if _kind_of(d.file) is kind and isinstance(d.data, dict))
    return [value for value in found if isinstance(value, str)]


def _raw_aspects(documents: list[Document]) -> Iterator[tuple[str, set[str]]]:
    for doc in documents:
        if _kind_of(doc.file) is Aspect and isinstance(doc.data.get("id"), str):
            yield doc.data["id"], {str(point.get("id")) for point in _items(doc.data, "points")}


def _places() -> str:
    return ", ".join(f"data/{name}" + ("" if name.endswith(".yml") else "/") for name in KINDS)


def _ordered(pairs: list[tuple[Document, T]]) -> list[tuple[Document, T]]:
    return sorted(pairs, key=lambda pair: (pair[1].order, pair[1].id))  # type: ignore[attr-defined]


def _at(doc: Document, path: PathKey, message: str) -> Problem:
    line, column = doc.where(path)
    return Problem(doc.file, line, column, _dotted(path), message)


def _dotted(path: PathKey) -> str:
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text


def _hint(word: str, choices: typing.Iterable[str]) -> str:
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


def _ids_and_aliases(pairs: list[tuple[Document, Any]]) -> list[tuple[Document, PathKey, str]]:
    found = []
    for doc, record in pairs:
        found.append((doc, ("id",), record.id))
        found += [(doc, ("aliases", i), alias) for i, alias in enumerate(record.aliases)]
    return found


def _check_unique(entries: list[tuple[Document, PathKey, str]], what: str) -> list[Problem]:
    first: dict[str, tuple[Document, PathKey]] = {}
    problems = []
    for doc, path, value in entries:
        if value in first:
            other, other_path = first[value]
            line = other.where(other_path)[0]
            problems.append(_at(doc, path, f"{what} id '{value}' is already used in {other.file}:{line}"))
        else:
            first[value] = (doc, path)
    return problems


def _targets(aspects: typing.Iterable[Aspect]) -> dict[str, set[str]]:
    return {aspect.id: {point.id for point in aspect.points} for aspect in aspects}


def _check_aspect(doc: Document, aspect: Aspect, tool_ids: list[str], targets: dict[str, set[str]]) -> list[Problem]:
    problems = _check_tools(doc, ("summary",), aspect.summary, tool_ids)
    entries = []
    for index, point in enumerate(aspect.points):
        path: PathKey = ("points", index)
        entries.append((doc, (*path, "id"), point.id))
        entries += [(doc, (*path, "aliases", i), alias) for i, alias in enumerate(point.aliases)]
        for anchor_path, anchor in [((*path, "id"), point.id)] + [
            ((*path, "aliases", i), a) for i, a in enumerate(point.aliases)
        ]:
            if anchor in RESERVED_ANCHORS:
                problems.append(_at(doc, anchor_path, f"'{anchor}' is reserved for the page itself; choose another id"))
        problems += _check_tools(doc, (*path, "tools"), point.tools, tool_ids)
        problems += _check_refs(doc, (*path, "evidence"), point.evidence, targets)
    return problems + _check_unique(entries, f"point (in aspect '{aspect.id}')")


def _check_tools(doc: Document, path: PathKey, texts: dict[str, Any], tool_ids: list[str]) -> list[Problem]:
    problems = [
        _at(doc, (*path, key), f"unknown tool '{key}'{_hint(key, tool_ids)}") for key in texts if key not in tool_ids
    ]
    missing = [tool for tool in tool_ids if tool not in texts]
    if missing:
        plural = "s" if len(missing) > 1 else ""
        problems.append(_at(doc, path, f"missing an entry for tool{plural} {', '.join(missing)}"))
    return problems


def _check_refs(doc: Document, path: PathKey, refs: list[str], targets: dict[str, set[str]]) -> list[Problem]:
    problems = []
    for index, ref in enumerate(refs):
        aspect, _, point = ref.partition("#")
        if aspect not in targets:
            problems.append(_at(doc, (*path, index), f"unknown aspect '{aspect}'{_hint(aspect, targets)}"))
        elif point and point not in targets[aspect]:
            hint = _hint(point, targets[aspect])
            problems.append(_at(doc, (*path, index), f"aspect '{aspect}' has no point '{point}'{hint}"))
    return problems
