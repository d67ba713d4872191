"""Say where a value stands and why a document does not fit its record type.

msgspec stops at the first field that does not fit; :func:`convert` walks the whole document so that
every unknown, missing or ill-typed field is reported at once, each at its line and column.
"""

from __future__ import annotations

import datetime
import difflib
import re
import types
import typing
from collections.abc import Iterable, Iterator
from typing import Any, TypeVar

import msgspec

from .load import Document, PathKey
from .model import Problem, cut

T = TypeVar("T")
_COMMA_HINT = " (in a {...} mapping, a comma starts a new field: put a text with commas in quotes)"
_FRIENDLY = {  # a fragment of each pattern, as msgspec quotes it, and what it means
    "^[a-z][a-z0-9]*": "an id: lowercase letters, digits and single hyphens, starting with a letter",
    "^https?://": "an http:// or https:// URL",
    "^[A-Za-z0-9](": "a package name as PyPI spells it: letters, digits, '.', '_' and '-'",
    "[^<>": 'a single line of text without <, >, & or " (it titles a page)',
    "[^\\\\r\\\\n": "a single line of text",
    "regex '\\\\S'": "some text, not only spaces",
}


def problem_at(doc: Document, path: PathKey, message: str) -> Problem:
    line, column = doc.where(path)
    return Problem(doc.file, line, column, _dotted(path), message)


def _dotted(path: PathKey) -> str:
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{cut(part, 40)}" if text else cut(part, 40))
    return text


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """A suggestion among ``choices``, when one is close; none among very many (the search is quadratic)."""
    options = list(choices)
    close = difflib.get_close_matches(word, options, n=1) if len(options) <= 100 else []
    return f" (did you mean '{close[0]}'?)" if close else ""


def convert(doc: Document, kind: type[T]) -> tuple[T | None, list[Problem]]:
    try:
        return msgspec.convert(doc.data, kind), []
    except msgspec.ValidationError:
        return None, list(_explain(doc, doc.data, kind, ()))


def _explain(doc: Document, value: Any, kind: Any, path: PathKey) -> Iterator[Problem]:
    """Find every field that does not fit, descending into records so that all are reported."""
    inner = _unwrap(kind)
    if isinstance(inner, type) and issubclass(inner, msgspec.Struct):
        if not isinstance(value, dict):
            yield problem_at(doc, path, f"expected a mapping of fields, got {_describe(value)}")
            return
        fields = {f.encode_name: f for f in msgspec.structs.fields(inner)}
        for key in value:
            if key not in fields:
                hint = did_you_mean(key, fields) or _COMMA_HINT * (isinstance(key, str) and " " in key)
                yield problem_at(doc, (*path, key), f"unknown field '{cut(str(key))}'{hint}")
        for name, info in fields.items():
            if name not in value:
                if info.required:
                    yield problem_at(doc, path, f"missing required field '{name}'")
                continue
            yield from _explain(doc, value[name], info.type, (*path, name))
        return
    origin = typing.get_origin(inner)
    if origin in (typing.Union, types.UnionType):
        members = typing.get_args(inner)
        if value is None and type(None) in members:
            return
        records = [m for m in members if isinstance(_unwrap(m), type) and issubclass(_unwrap(m), msgspec.Struct)]
        if isinstance(value, dict) and len(records) == 1:  # a record, or a shorthand for one
            yield from _explain(doc, value, records[0], path)
            return
    if origin in (list, dict):
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
        words = _words(kind)
        if words and (message.startswith("Invalid enum value") or message.startswith("Expected `bool")):
            shown = f"'{cut(value)}'" if isinstance(value, str) else _describe(value)
            message = f"expected {', '.join(words[:-1])} or {words[-1]}, got {shown}"
            if isinstance(value, str) and value.lower() in ("yes", "no"):
                message += " (in quotes it is text: write yes or no without quotes)"
        else:
            message = _friendly(message, value)
        yield problem_at(doc, (*path, *_parse_path(where.rstrip("`"))), message)


def _words(kind: Any) -> list[str]:
    """The words a field of fixed choices takes, as written in YAML (a bool is yes or no)."""
    words: list[str] = []
    for member in typing.get_args(_unwrap(kind)) or (kind,):
        member = _unwrap(member)
        if member is bool:
            words += ["yes", "no"]
        elif typing.get_origin(member) is typing.Literal:
            words += [str(choice) for choice in typing.get_args(member)]
        elif isinstance(member, type) and issubclass(member, msgspec.Struct):
            words.append("{" + ", ".join(f.encode_name for f in msgspec.structs.fields(member)) + "}")
    return words


def _parse_path(text: str) -> PathKey:
    parts: list[str | int] = []
    for name, index in re.findall(r"\.([^.\[]+)|\[(\d+)\]", text):
        parts.append(int(index) if index else name)
    return tuple(parts)


def _friendly(message: str, value: Any) -> str:
    if message.startswith("Invalid RFC3339 encoded date"):
        return f"expected a date written YYYY-MM-DD (2026-11-29), got '{cut(str(value), 40)}'"
    for pattern, meaning in _FRIENDLY.items():
        if pattern in message:
            return f"expected {meaning}"
    sized = re.match(r"Expected `(str|array)` of length ([<>]=) (\d+)", message)
    if sized:
        unit = ("character" if sized.group(1) == "str" else "item") + ("s" if sized.group(3) != "1" else "")
        bound = "at most" if sized.group(2) == "<=" else "at least"
        got = len(value) if isinstance(value, str | list) else cut(str(value))
        return f"expected {bound} {sized.group(3)} {unit}, got {got}"
    bounded = re.match(r"Expected `int` ([<>]=) (-?\d+)", message)
    if bounded:
        bound = "at most" if bounded.group(1) == "<=" else "at least"
        return f"expected a whole number of {bound} {bounded.group(2)}, got {cut(str(value))}"
    wrong_type = re.match(r"Expected `(\w+)(?: \| null)?`, got `\w+`", message)
    if wrong_type:
        expected = {"str": "text", "int": "a whole number", "array": "a list", "object": "a mapping"}
        message = f"Expected {expected.get(wrong_type.group(1), wrong_type.group(1))}, got {_describe(value)}"
        if wrong_type.group(1) == "str" and isinstance(value, bool | int | float | datetime.date):
            message += " (YAML read it as such: put the text in quotes)"
    message = message.replace("`", "'")
    if message.startswith("Expected") and ", got" not in message:
        message += f", got {_describe(value)}"
    return message[0].lower() + message[1:]


def _describe(value: Any) -> str:
    names = {str: "text", int: "a number", float: "a number", bool: "true/false", list: "a list", dict: "a mapping"}
    names |= {datetime.date: "a date", datetime.datetime: "a date and time"}
    return "nothing" if value is None else names.get(type(value), type(value).__name__)


def _unwrap(kind: Any) -> Any:
    while typing.get_origin(kind) is typing.Annotated:
        kind = typing.get_args(kind)[0]
    return kind
