"""Links from the hand-written pages in ``docs/`` into the generated ones, checked against the data.

MkDocs would refuse a broken link too, but only after the data passed, naming a page of ``docs/``
and nothing in ``data/``. Checking here makes ``make check`` and the build agree, and says which
record went away: an aspect that was deleted, or renamed (its old id now an alias).
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path

import yaml

from . import addresses as at
from .load import read_file
from .model import Problem, Site, cut
from .prose import code_spans

_LINK = re.compile(r"\]\(\s*<?([^)\s>]+)|^\s*\[[^\]]+\]:\s*<?(\S+?)>?\s*$", re.MULTILINE)
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
_FENCE = re.compile(r" {0,3}(`{3,}|~{3,})(.*)$")


def _blank_code(text: str) -> str:
    """The text with its code (fenced blocks, inline spans) and front matter blanked out, every offset kept:
    a link written as an example in code is not a link."""
    lines = text.split("\n")
    kept = {number for number, _ in prose_lines(text)}
    blanked = "\n".join(line if n in kept else " " * len(line) for n, line in enumerate(lines, 1))
    for start, end, _ in code_spans(blanked):
        blanked = blanked[:start] + " " * (end - start) + blanked[end:]
    return blanked


def check_links(docs: Path, site: Site, anchors: Mapping[str, set[str]]) -> list[Problem]:
    """Problems with links in ``docs/**/*.md`` that point into a generated page (one of ``anchors``), and
    with the home page's markers."""
    problems: list[Problem] = []
    for path in sorted(docs.rglob("*.md")):
        page = path.relative_to(docs).as_posix()
        name = path.relative_to(docs.parent).as_posix()
        text = _read_page(path, name)
        if isinstance(text, Problem):
            problems.append(text)
            continue
        problems += _check_page(name, page, text, site, anchors)
        problems += _check_front_matter(name, text)
        if page in at.PAGE_INSERTS:
            problems += _check_markers(name, text, *at.PAGE_INSERTS[page])
    if not (docs / at.HOME_PAGE).is_file():
        home = f"{docs.name}/{at.HOME_PAGE}"
        shows = " and ".join(at.HOME_INSERTS.values())
        problems.append(Problem(home, 0, 0, "", f"missing: the home page, which shows {shows}"))
    return problems


def _read_page(path: Path, name: str) -> str | Problem:
    """A hand-written page's text, read as a data file is (a pull request can add any file to docs/ too):
    never through a link, never waiting on a pipe, at most :data:`~sitegen.load.MAX_BYTES`, UTF-8."""
    raw = read_file(path, name)
    if isinstance(raw, Problem):
        return raw
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as err:
        return Problem(name, 0, 0, "", f"not valid UTF-8 (byte 0x{raw[err.start]:02x}); save the page as UTF-8")


def prose_lines(text: str, *, front_matter: bool = True) -> Iterator[tuple[int, str]]:
    """The lines of a Markdown page outside its front matter and its fenced code blocks, numbered from 1."""
    lines = text.split("\n")
    end = _front_matter_end(lines) if front_matter else 0
    start = end + 1 if end else 0
    fence = ""
    for number, line in enumerate(lines[start:], start + 1):
        opener = _FENCE.match(line)
        if fence:
            if opener and opener.group(1)[0] == fence[0] and len(opener.group(1)) >= len(fence) and not opener.group(2):
                fence = ""
        elif opener:
            fence = opener.group(1)
        else:
            yield number, line


def _front_matter_end(lines: list[str]) -> int:
    """The index of the line that closes the page's front matter; 0 when the page has none."""
    if lines[0].rstrip() != "---":
        return 0
    return next((i for i in range(1, len(lines)) if lines[i].rstrip() in ("---", "...")), 0)


def marker_lines(text: str, markers: Iterable[str], *, front_matter: bool = True) -> dict[str, list[int]]:
    """Where each of ``markers`` stands: lines that hold it alone, unindented, outside code and front matter."""
    found: dict[str, list[int]] = {marker: [] for marker in markers}
    for number, line in prose_lines(text, front_matter=front_matter):
        if line.rstrip() in found:
            found[line.rstrip()].append(number)
    return found


_META = re.compile(r"^(title|description):(.*)")
_UNSAFE_IN_ATTRIBUTES = '<>&"'


def _check_front_matter(name: str, text: str) -> Iterator[Problem]:
    """A hand-written page's title and description hold none of ``<>&"``: the theme places both in
    attributes (the description meta, link previews) without escaping them, as it does the data's titles."""
    lines = text.split("\n")
    for number, line in enumerate(lines[1 : _front_matter_end(lines)], 2):
        found = _META.match(line)
        value = _scalar(found.group(2)) if found else ""
        unsafe = sorted(set(value) & set(_UNSAFE_IN_ATTRIBUTES))
        if found and unsafe:
            held = ", ".join(f"'{char}'" for char in unsafe)
            yield Problem(
                name,
                number,
                1,
                found.group(1),
                f"holds {held}, which the theme places unescaped in attributes; "
                f"write it without {', '.join(_UNSAFE_IN_ATTRIBUTES)}",
            )


def _scalar(text: str) -> str:
    """A front-matter value as YAML reads it (quotes taken off); as written when YAML cannot read it alone."""
    try:
        value = yaml.safe_load(text)
    except yaml.YAMLError:
        return text
    return value if isinstance(value, str) else ""


def _check_markers(name: str, text: str, page: str, markers: Mapping[str, str]) -> Iterator[Problem]:
    """A page that holds markers holds each of them once, on a line of its own."""
    for marker, numbers in marker_lines(text, markers).items():
        what = markers[marker]
        if not numbers:
            how = "is missing: put it on a line of its own, unindented and outside code"
            yield Problem(name, 0, 0, "", f"the line {marker} {how}; {page} shows {what} there")
        for number in numbers[1:]:
            yield Problem(name, number, 1, "", f"the line {marker} stands here again; {page} shows {what} once")


def _check_page(name: str, page: str, text: str, site: Site, anchors: Mapping[str, set[str]]) -> Iterator[Problem]:
    for match in _LINK.finditer(_blank_code(text)):
        group = 1 if match.group(1) else 2
        target, start = match.group(group), match.start(group)
        if _SCHEME.match(target) or target.startswith("//"):
            continue
        path, _, anchor = target.partition("#")
        linked = posixpath.normpath(posixpath.join(posixpath.dirname(page), path)) if path else page
        line = text.count("\n", 0, start) + 1
        column = start - text.rfind("\n", 0, start)
        why = _why_broken(linked, anchor, site, anchors)
        if why:
            yield Problem(name, line, column, "", f"links to {cut(target)}, but {why}")


def _why_broken(linked: str, anchor: str, site: Site, anchors: Mapping[str, set[str]]) -> str | None:
    if linked in anchors:
        if anchor and anchor not in anchors[linked]:
            return f"no section of that page has the id '{cut(anchor)}' in data/"
        return None
    folder, _, file = linked.rpartition("/")
    if folder != at.ASPECT_DIR or not file.endswith(".md"):
        return None  # not a generated page: MkDocs checks it
    old = file.removesuffix(".md")
    for aspect in site.aspects:
        if old in aspect.aliases:
            new = f"'{aspect.id}' (data/aspects/{aspect.id}.yml); link to {at.aspect_page(aspect.id)}"
            return f"aspect '{old}' is now {new}"
    return f"no aspect in data/aspects/ has the id '{cut(old)}'"
