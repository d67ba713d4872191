"""Stage 1: read YAML files into plain Python values, remembering where each value stands.

Nothing about the files is trusted. Only regular files named ``*.yml`` are read; symbolic links,
folders and pipes with such names are reported, never followed or opened; hidden and editor files
are skipped. Only plain data is accepted: no anchors or aliases (so no "billion laughs"), no custom
tags, no duplicate keys, no tabs for indentation, UTF-8 without a byte-order mark or control
characters. Values are built from libyaml's events, one at a time, so nesting is refused at its
limit before anything recurses on it.
"""

from __future__ import annotations

import os
import re
import stat
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .model import Problem

Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""libyaml's C parser where available: about 14 times faster than the pure-Python one."""

MAX_BYTES = 256 * 1024
MAX_DEPTH = 16
SUFFIX = ".yml"
PathKey = tuple[str | int, ...]
_PLAIN_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:timestamp",
}
_STR = "tag:yaml.org,2002:str"
_scalars = yaml.constructor.SafeConstructor()
_resolver = yaml.resolver.Resolver()
_INVISIBLE = (
    # Unicode's control (Cc), format (Cf: zero-width, bidi...) and line/paragraph separator characters,
    # noncharacters, and letters that show as blank (U+3164 HANGUL FILLER, U+2800 BRAILLE BLANK...);
    # tab, line feed and carriage return are left to the callers
    "\x00-\x08\x0b-\x0c\x0e-\x1f\x7f-\x9f\xad\u034f\u0600-\u0605\u061c\u06dd\u070f\u0890-\u0891\u08e2"
    "\u115f-\u1160\u17b4-\u17b5\u180b-\u180f\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f\u2800\u3164"
    "\ufdd0-\ufdef\ufeff\uffa0\ufff9-\ufffb\ufffe-\uffff\U000110bd\U000110cd\U00013430-\U00013438"
    "\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0001\U000e0020-\U000e007f"
    + "".join(f"\\U{plane:04x}fffe-\\U{plane:04x}ffff" for plane in range(0x1, 0x11))
)
_FORBIDDEN = re.compile(f"[{_INVISIBLE}]")
"""Control, zero-width, bidi, line-separator and tag characters: invisible in an editor, so a reviewer
cannot see what they do to the text around them. Tabs and line breaks are allowed in the file."""
_FORBIDDEN_ASCII = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_FORBIDDEN_IN_VALUES = re.compile(f"[\r{_INVISIBLE}]")
"""The same in a value, where they can also arrive through a YAML escape ("\\u202e"); and a carriage
return, which no line break in the file gives a value (YAML turns those into ``\\n``)."""


@dataclass(frozen=True)
class Document:
    """One data file: its values and the (line, column) of each, both 1-based."""

    file: str
    data: Any
    positions: dict[PathKey, tuple[int, int]] = field(default_factory=dict)

    def where(self, path: PathKey) -> tuple[int, int]:
        """The position of ``path``, or of its nearest ancestor that has one."""
        for end in range(len(path), -1, -1):
            if path[:end] in self.positions:
                return self.positions[path[:end]]
        return (1, 1)


class _Invalid(Exception):
    def __init__(self, line: int, column: int, message: str) -> None:
        super().__init__(message)
        self.line, self.column, self.message = line, column, message


# -- the file system ---------------------------------------------------------------------------------


def load_tree(root: Path, base: Path) -> tuple[list[Document], list[Problem]]:
    """Load every data file under ``root``, in a stable order; names are relative to ``base``."""
    documents: list[Document] = []
    files, problems = read_tree(root, base)
    for name, raw in files:
        result = load_bytes(raw, name)
        if isinstance(result, Problem):
            problems.append(result)
        else:
            documents.append(result)
    return documents, problems


def is_ignored(name: str) -> bool:
    """Hidden files and editors' backup, swap and lock files (``.x.yml.swp``, ``x.yml~``, ``#x.yml#``)."""
    return name.startswith((".", "#")) or name.endswith(("~", ".swp", ".swo", ".tmp", ".bak"))


def _entries(folder: str, name: str) -> list[tuple[str, str, int]]:
    """Every entry under ``folder`` (called ``name`` in messages) but hidden and editor files, with its name
    and mode, without following links; the entries of its folders instead of the folders, except for a
    folder named like a data file."""
    found: list[tuple[str, str, int]] = []
    with os.scandir(folder) as scan:
        entries = sorted(scan, key=lambda entry: entry.name)
    for entry in entries:
        if is_ignored(entry.name):
            continue
        mode = entry.stat(follow_symlinks=False).st_mode
        if stat.S_ISDIR(mode) and not entry.name.lower().endswith((SUFFIX, ".yaml")):
            found += _entries(entry.path, f"{name}/{entry.name}")
        else:
            found.append((entry.path, f"{name}/{entry.name}", mode))
    return found


def _bad_name(name: str) -> Problem | None:
    """A name that messages could not show as it is: invisible characters, or bytes that are not UTF-8."""
    if _FORBIDDEN_IN_VALUES.search(name) or "\n" in name or any("\udc80" <= char <= "\udcff" for char in name):
        shown = ascii(name)[1:-1]
        return Problem(shown, 0, 0, "", "the file name holds an invisible character or is not UTF-8; rename it")
    return None


def _refusal(name: str, mode: int) -> Problem | None:
    """Why an entry under ``data/`` is not read, if it is not a regular ``*.yml`` file."""
    if stat.S_ISLNK(mode):
        why = "is a symbolic link; data/ holds regular files only (copy the file here instead)"
    elif stat.S_ISDIR(mode):
        why = "is a folder; a data file must be a regular file"
    elif not stat.S_ISREG(mode):
        why = "is not a regular file (a pipe, socket or device); it is not read"
    elif not name.endswith(SUFFIX):
        why = f"only {SUFFIX} files belong under data/; rename it (data files end in exactly {SUFFIX}) or move it"
    else:
        return None
    return Problem(name, 0, 0, "", why)


def load_file(path: Path, name: str) -> Document | Problem:
    """Read and parse one YAML file; ``name`` is how messages refer to it (a path relative to the project)."""
    raw = read_file(path, name)
    return raw if isinstance(raw, Problem) else load_bytes(raw, name)


def read_tree(root: Path, base: Path) -> tuple[list[tuple[str, bytes]], list[Problem]]:
    """The bytes of every data file under ``root`` (as :func:`load_tree` finds them), by name relative to ``base``;
    what cannot be read is a problem."""
    found: list[tuple[str, bytes]] = []
    problems: list[Problem] = []
    for path, name, mode in _entries(str(root), root.relative_to(base).as_posix()):
        result = _bad_name(name) or _refusal(name, mode) or read_file(path, name)
        if isinstance(result, Problem):
            problems.append(result)
        else:
            found.append((name, result))
    return found, problems


def read_file(path: str | Path, name: str) -> bytes | Problem:
    """The bytes of one data file, or why it is not read.

    The file is opened without following a link and without waiting on a pipe, and is checked to be
    a regular file once open; at most one byte more than the limit is read."""
    try:
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
    except OSError as err:
        return Problem(name, 0, 0, "", f"cannot be read: {err.strerror}")
    with os.fdopen(descriptor, "rb") as file:
        if not stat.S_ISREG(os.fstat(descriptor).st_mode):
            return _refusal(name, os.fstat(descriptor).st_mode) or Problem(name, 0, 0, "", "not a regular file")
        raw = file.read(MAX_BYTES + 1)
    if len(raw) > MAX_BYTES:
        size = os.stat(path).st_size
        return Problem(name, 0, 0, "", f"file is {size:,} bytes; the limit is {MAX_BYTES:,}")
    return raw


# -- bytes to values -----------------------------------------------------------------------------------


def load_bytes(raw: bytes, name: str) -> Document | Problem:
    """Parse one file's bytes into a :class:`Document`, or say what is wrong with them."""
    if raw.startswith(b"\xef\xbb\xbf"):
        return Problem(name, 1, 1, "", "file starts with a byte-order mark; save it as UTF-8 without BOM")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        line, column = _line_column(raw, err.start)
        return Problem(name, line, column, "", f"not valid UTF-8 (byte 0x{raw[err.start]:02x}); save the file as UTF-8")
    if bad := (_FORBIDDEN_ASCII if text.isascii() else _FORBIDDEN).search(text):
        line, column = _line_column(text, bad.start())
        return Problem(name, line, column, "", f"{_invisible(bad.group())} is not allowed; delete it")
    try:
        return Document(name, *_values(text))
    except _Invalid as err:
        return Problem(name, err.line, err.column, "", err.message)
    except yaml.MarkedYAMLError as err:
        return _syntax_problem(name, text, err)
    except yaml.YAMLError as err:
        return Problem(name, 0, 0, "", f"YAML error: {err}")


def _invisible(char: str) -> str:
    return f"invisible character U+{ord(char):04X} ({unicodedata.name(char, 'a control character')})"


def invisible(text: str) -> str | None:
    """The first invisible character of a text, described (None if it has none); line breaks count."""
    found = _FORBIDDEN_IN_VALUES.search(text)
    return _invisible(found.group()) if found else None


def _line_column(text: str | bytes, offset: int) -> tuple[int, int]:
    newline = "\n" if isinstance(text, str) else b"\n"
    return text.count(newline, 0, offset) + 1, offset - text.rfind(newline, 0, offset)  # type: ignore[arg-type]


def _mark(event: yaml.Event) -> tuple[int, int]:
    mark = event.start_mark
    return (mark.line + 1, mark.column + 1) if mark else (1, 1)


def _syntax_problem(name: str, text: str, err: yaml.MarkedYAMLError) -> Problem:
    mark = err.problem_mark or err.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark else (0, 0)
    lines = text.splitlines()
    if 0 < line <= len(lines) and "\t" in lines[line - 1][: len(lines[line - 1]) - len(lines[line - 1].lstrip())]:
        return Problem(name, line, column, "", "tab character used for indentation; indent with spaces")
    detail = err.problem or "cannot parse"
    if err.context and err.context_mark:
        detail += f" ({err.context} started on line {err.context_mark.line + 1})"
    return Problem(name, line, column, "", f"YAML syntax error: {detail}")


class _Open:
    """A mapping or list being filled, with its path; a mapping also holds the key waiting for its value."""

    __slots__ = ("key", "path", "value")

    def __init__(self, value: dict[str, Any] | list[Any], path: PathKey) -> None:
        self.value, self.path = value, path
        self.key: str | None = None


def _values(text: str) -> tuple[dict[str, Any], dict[PathKey, tuple[int, int]]]:
    """The file's mapping and the position of each value, built event by event without recursion."""
    positions: dict[PathKey, tuple[int, int]] = {}
    stack: list[_Open] = []
    root: Any = None
    documents = 0
    for event in yaml.parse(text, Loader=Loader):
        if isinstance(event, yaml.DocumentStartEvent):
            documents += 1
            if documents > 1:
                raise _Invalid(*_mark(event), "the file holds more than one YAML document (---); keep one")
            continue
        if isinstance(event, yaml.CollectionEndEvent):
            stack.pop()
            continue
        if not isinstance(event, yaml.NodeEvent):
            continue
        line, column = _mark(event)
        escaped = event.value if isinstance(event, yaml.ScalarEvent) and event.style == '"' else ""  # escapes
        if bad := _FORBIDDEN_IN_VALUES.search(escaped):
            raise _Invalid(line, column, f"the value holds {_invisible(bad.group())} (an escape?); delete it")
        if isinstance(event, yaml.AliasEvent) or event.anchor is not None:
            raise _Invalid(line, column, "anchors (&name) and aliases (*name) are not allowed; write the value out")
        parent = stack[-1] if stack else None
        value = _node_value(event, line, column)
        if parent is not None and isinstance(parent.value, dict) and parent.key is None:
            if not isinstance(value, str) or not isinstance(event, yaml.ScalarEvent):
                raise _Invalid(line, column, f"keys must be text, got {value!r}")
            if value in parent.value:
                first = positions[(*parent.path, value)][0]
                raise _Invalid(line, column, f"duplicate key '{value}' (first given on line {first})")
            positions[(*parent.path, value)] = (line, column)
            parent.key = value
            continue
        if parent is None:
            path: PathKey = ()
            positions[path] = (line, column)
            root = value
        elif isinstance(parent.value, dict):
            assert parent.key is not None
            path = (*parent.path, parent.key)
            parent.value[parent.key], parent.key = value, None
        else:
            path = (*parent.path, len(parent.value))
            positions[path] = (line, column)
            parent.value.append(value)
        if isinstance(value, (dict, list)) and not isinstance(event, yaml.ScalarEvent):
            if len(path) >= MAX_DEPTH:
                raise _Invalid(line, column, f"nested deeper than {MAX_DEPTH} levels")
            stack.append(_Open(value, path))
    if root is None:
        raise _Invalid(1, 1, "file is empty; it should hold a mapping of fields")
    if not isinstance(root, dict):
        raise _Invalid(*positions[()], "the file should hold a mapping of fields (key: value)")
    return root, positions


def _node_value(event: yaml.NodeEvent, line: int, column: int) -> Any:
    """A new empty container, or a scalar's value, once its tag is known to be plain."""
    if isinstance(event, yaml.MappingStartEvent | yaml.SequenceStartEvent):
        if event.tag not in (None, "!"):
            raise _Invalid(line, column, f"the tag {event.tag} is not allowed; use plain values")
        return {} if isinstance(event, yaml.MappingStartEvent) else []
    assert isinstance(event, yaml.ScalarEvent)
    tag = event.tag
    if tag in (None, "!"):
        tag = _resolver.resolve(yaml.ScalarNode, event.value, event.implicit)  # type: ignore[no-untyped-call]
    if tag == _STR:
        return event.value  # most values are text: no constructor needed
    if tag not in _PLAIN_TAGS:
        raise _Invalid(line, column, f"the tag {tag} is not allowed; use plain values")
    node = yaml.ScalarNode(tag, event.value, style=event.style)  # the constructor needs no marks
    try:
        return _scalars.construct_object(node)
    except (ValueError, yaml.YAMLError) as err:
        raise _Invalid(line, column, f"cannot read {event.value!r}: {err}") from None
    finally:
        _scalars.constructed_objects.clear()  # the constructor caches every node it built; keep nothing
