"""Stage 1: read YAML files into plain Python values, remembering where each value stands.

Only plain data is accepted: no anchors or aliases (so no "billion laughs"), no custom tags,
no duplicate keys, no tabs for indentation, UTF-8 without a byte-order mark.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .model import Problem

Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""libyaml's C loader where available: about 14 times faster than the pure-Python one."""

MAX_BYTES = 256 * 1024
MAX_DEPTH = 16
PathKey = tuple[str | int, ...]
_PLAIN_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:timestamp",
    "tag:yaml.org,2002:map",
    "tag:yaml.org,2002:seq",
}
_scalars = yaml.constructor.SafeConstructor()
_STR = "tag:yaml.org,2002:str"


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


def load_file(path: Path, name: str) -> Document | Problem:
    """Read one YAML file; ``name`` is how messages refer to it (a path relative to the project)."""
    raw = path.read_bytes()
    if len(raw) > MAX_BYTES:
        return Problem(name, 0, 0, "", f"file is {len(raw):,} bytes; the limit is {MAX_BYTES:,}")
    return load_bytes(raw, name)


def load_bytes(raw: bytes, name: str) -> Document | Problem:
    """Parse one file's bytes into a :class:`Document`, or say what is wrong with them."""
    if raw.startswith(b"\xef\xbb\xbf"):
        return Problem(name, 1, 1, "", "file starts with a byte-order mark; save it as UTF-8 without BOM")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        column = err.start - raw.rfind(b"\n", 0, err.start)
        return Problem(name, line, column, "", f"not valid UTF-8 (byte 0x{raw[err.start]:02x}); save the file as UTF-8")
    try:
        node = yaml.compose(text, Loader=Loader)
    except yaml.MarkedYAMLError as err:
        return _syntax_problem(name, text, err)
    except yaml.YAMLError as err:
        return Problem(name, 0, 0, "", f"YAML error: {err}")
    if node is None:
        return Problem(name, 1, 1, "", "file is empty; it should hold a mapping of fields")
    if not isinstance(node, yaml.MappingNode):
        line, column = _mark(node)
        return Problem(name, line, column, "", "the file should hold a mapping of fields (key: value)")
    positions: dict[PathKey, tuple[int, int]] = {(): _mark(node)}
    try:
        data = _value(node, (), positions, set())
    except _Invalid as err:
        return Problem(name, err.line, err.column, "", err.message)
    return Document(name, data, positions)


def _mark(node: yaml.Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


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


def _value(node: yaml.Node, path: PathKey, positions: dict[PathKey, tuple[int, int]], seen: set[int]) -> Any:
    line, column = _mark(node)
    if id(node) in seen:
        message = f"the value at line {line} is reused through an alias; anchors and aliases are not allowed"
        raise _Invalid(line, column, message)
    seen.add(id(node))
    if len(path) > MAX_DEPTH:
        raise _Invalid(line, column, f"nested deeper than {MAX_DEPTH} levels")
    if node.tag not in _PLAIN_TAGS:
        raise _Invalid(line, column, f"the tag {node.tag} is not allowed; use plain values")
    if isinstance(node, yaml.MappingNode):
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key = _value(key_node, path, positions, seen)
            if not isinstance(key, str):
                raise _Invalid(*_mark(key_node), f"keys must be text, got {key!r}")
            if key in result:
                first = positions[(*path, key)][0]
                raise _Invalid(*_mark(key_node), f"duplicate key '{key}' (first given on line {first})")
            positions[(*path, key)] = _mark(key_node)
            result[key] = _value(value_node, (*path, key), positions, seen)
        return result
    if isinstance(node, yaml.SequenceNode):
        items = []
        for index, item in enumerate(node.value):
            positions[(*path, index)] = _mark(item)
            items.append(_value(item, (*path, index), positions, seen))
        return items
    if node.tag == _STR:
        return node.value  # most values are text: no constructor needed
    try:
        return _scalars.construct_object(node)
    except (ValueError, yaml.YAMLError) as err:
        raise _Invalid(line, column, f"cannot read {node.value!r}: {err}") from None
    finally:
        _scalars.constructed_objects.clear()  # the constructor caches every node it built; keep nothing


def load_tree(root: Path, base: Path) -> tuple[list[Document], list[Problem]]:
    """Load every ``*.yml`` file under ``root``, in a stable order; names are relative to ``base``."""
    documents: list[Document] = []
    problems: list[Problem] = []
    for path in sorted(root.rglob("*.y*ml")):
        name = path.relative_to(base).as_posix()
        result = load_file(path, name)
        if isinstance(result, Problem):
            problems.append(result)
        else:
            documents.append(result)
    return documents, problems
