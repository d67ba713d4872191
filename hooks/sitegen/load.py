"""Stage 1: read YAML files into plain Python values, remembering where each value stands.

Nothing about the files is trusted. Only regular files named ``*.yml`` are read; symbolic links,
folders and pipes with such names are reported, never followed or opened; hidden and editor files
are skipped. Only plain data is accepted: no anchors or aliases (so no "billion laughs"), no custom
tags, no duplicate keys, no tabs for indentation, UTF-8 without a byte-order mark or any character a
reviewer could not see (:mod:`sitegen.characters`). Values are built from libyaml's events, one at a
time, so nesting is refused at its limit before anything recurses on it.
"""

from __future__ import annotations

import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .characters import describe, refused_in_file, refused_in_value
from .model import Problem, cut

Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""libyaml's C parser where available: about 14 times faster than the pure-Python one."""

MAX_BYTES = 256 * 1024
MAX_DEPTH = 16
"""How deep a file's values may nest."""
MAX_FOLDER_DEPTH = 8
"""How deep folders may nest under ``data/``: records lie one folder down, and a misplaced file a few more
down is still reported by name."""
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
_CONTROL_ASCII = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
"""What :mod:`sitegen.characters` refuses that ASCII holds: the quick test for a file of ASCII text."""


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


Entry = tuple[str, str, int]
"""An entry under ``data/``: its path, its name in messages and its mode (of the entry itself, not of what a
link points at)."""


def _listing(folder: str, name: str) -> list[Entry] | Problem:
    """The entries of one folder but hidden and editor files, by name; or why it cannot be read."""
    try:
        with os.scandir(folder) as scan:
            entries = sorted(scan, key=lambda entry: entry.name)
        return [
            (entry.path, f"{name}/{entry.name}", entry.stat(follow_symlinks=False).st_mode)
            for entry in entries
            if not is_ignored(entry.name)
        ]
    except OSError as err:
        return Problem(name, 0, 0, "", f"the folder cannot be read: {err.strerror}")


def _is_folder(entry: Entry) -> bool:
    """A folder to look into: a folder named like a data file is reported instead."""
    return stat.S_ISDIR(entry[2]) and not entry[1].lower().endswith((SUFFIX, ".yaml"))


def _entries(folder: str, name: str) -> tuple[list[Entry], list[Problem]]:
    """Every entry under ``folder`` (called ``name`` in messages), in name order, a folder's entries in its
    place; walked with a list of open folders, not by recursion, to :data:`MAX_FOLDER_DEPTH` levels."""
    found: list[Entry] = []
    problems: list[Problem] = []
    listing = _listing(folder, name)
    if isinstance(listing, Problem):
        return found, [listing]
    walk = [iter(listing)]
    while walk:
        entry = next(walk[-1], None)
        if entry is None:
            walk.pop()
        elif not _is_folder(entry):
            found.append(entry)
        elif len(walk) > MAX_FOLDER_DEPTH:
            why = f"folders nest more than {MAX_FOLDER_DEPTH} levels deep here; data files lie at most one folder down"
            problems.append(Problem(entry[1], 0, 0, "", why))
        else:
            inner = _listing(entry[0], entry[1])
            if isinstance(inner, Problem):
                problems.append(inner)
            else:
                walk.append(iter(inner))
    return found, problems


def root_refusal(root: Path, base: Path) -> Problem | None:
    """Why the data folder itself is not read: missing, a link (the files it would show are elsewhere) or
    not a folder; named relative to ``base``."""
    name = root.relative_to(base).as_posix()
    try:
        mode = os.lstat(root).st_mode
    except OSError as err:
        return Problem(name, 0, 0, "", f"the data folder cannot be read: {err.strerror}")
    if stat.S_ISLNK(mode):
        why = f"is a symbolic link; {name}/ must be a folder of regular files (copy the files here instead)"
        return Problem(name, 0, 0, "", why)
    if not stat.S_ISDIR(mode):
        return Problem(name, 0, 0, "", "is not a folder; the data lives in a folder of YAML files")
    return None


def _bad_name(name: str) -> Problem | None:
    """A name that messages could not show as it is: invisible characters, or bytes that are not UTF-8."""
    if refused_in_value(name) is not None or "\n" in name:  # bytes that are not UTF-8 became lone surrogates
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
    if refused := root_refusal(root, base):
        return found, [refused]
    entries, problems = _entries(str(root), root.relative_to(base).as_posix())
    for path, name, mode in entries:
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
    mode = os.fstat(descriptor).st_mode
    if not stat.S_ISREG(mode):  # checked before it is read as a file: a folder cannot be
        os.close(descriptor)
        return _refusal(name, mode) or Problem(name, 0, 0, "", "not a regular file")
    with os.fdopen(descriptor, "rb") as file:
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
    bad = _first_ascii_control(text) if text.isascii() else refused_in_file(text)
    if bad is not None:
        line, column = _line_column(text, bad)
        return Problem(name, line, column, "", f"{describe(text[bad])} is not allowed; delete it")
    try:
        return Document(name, *_values(text))
    except _Invalid as err:
        return Problem(name, err.line, err.column, "", err.message)
    except yaml.MarkedYAMLError as err:
        return _syntax_problem(name, text, err)
    except yaml.YAMLError as err:
        return Problem(name, 0, 0, "", f"YAML error: {err}")


def _first_ascii_control(text: str) -> int | None:
    found = _CONTROL_ASCII.search(text)
    return found.start() if found else None


def invisible(text: str) -> str | None:
    """The first character of a text that data may not hold, described (None if it has none); a carriage
    return counts."""
    found = refused_in_value(text)
    return None if found is None else describe(text[found])


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
        if (bad := refused_in_value(escaped)) is not None:
            raise _Invalid(line, column, f"the value holds {describe(escaped[bad])} (an escape?); delete it")
        if isinstance(event, yaml.AliasEvent) or event.anchor is not None:
            raise _Invalid(line, column, "anchors (&name) and aliases (*name) are not allowed; write the value out")
        parent = stack[-1] if stack else None
        value = _node_value(event, line, column)
        if parent is not None and isinstance(parent.value, dict) and parent.key is None:
            if not isinstance(value, str) or not isinstance(event, yaml.ScalarEvent):
                raise _Invalid(line, column, f"keys must be text, got {cut(repr(value))}")
            if value in parent.value:
                first = positions[(*parent.path, value)][0]
                raise _Invalid(line, column, f"duplicate key '{cut(value)}' (first given on line {first})")
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


def _reason(err: Exception) -> str:
    """Why a scalar could not be read, in the data's words rather than Python's."""
    if "integer string conversion" in str(err):  # Python refuses numbers of more than 4,300 digits
        return "the number is thousands of digits long"
    return cut(str(err))


def _node_value(event: yaml.NodeEvent, line: int, column: int) -> Any:
    """A new empty container, or a scalar's value, once its tag is known to be plain."""
    if isinstance(event, yaml.MappingStartEvent | yaml.SequenceStartEvent):
        if event.tag not in (None, "!"):
            raise _Invalid(line, column, f"the tag {cut(event.tag)} is not allowed; use plain values")
        return {} if isinstance(event, yaml.MappingStartEvent) else []
    assert isinstance(event, yaml.ScalarEvent)
    tag = event.tag
    if tag in (None, "!"):
        tag = _resolver.resolve(yaml.ScalarNode, event.value, event.implicit)  # type: ignore[no-untyped-call]
    if tag == _STR:
        return event.value  # most values are text: no constructor needed
    if tag not in _PLAIN_TAGS:
        raise _Invalid(line, column, f"the tag {cut(tag)} is not allowed; use plain values")
    node = yaml.ScalarNode(tag, event.value, style=event.style)  # the constructor needs no marks
    try:
        return _scalars.construct_object(node)
    except (ValueError, yaml.YAMLError) as err:
        raise _Invalid(line, column, f"cannot read '{cut(event.value)}': {_reason(err)}") from None
    finally:
        _scalars.constructed_objects.clear()  # the constructor caches every node it built; keep nothing
