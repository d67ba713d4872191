"""Links from the hand-written pages in ``docs/`` into the generated ones, checked against the data.

MkDocs would refuse a broken link too, but only after the data passed, naming a page of ``docs/``
and nothing in ``data/``. Checking here makes ``make check`` and the build agree, and says which
record went away: an aspect that was deleted, or renamed (its old id now an alias).
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterator, Mapping
from pathlib import Path

from . import addresses as at
from .model import Problem, Site

_LINK = re.compile(r"\]\(\s*<?([^)\s>]+)|^\s*\[[^\]]+\]:\s*<?(\S+?)>?\s*$", re.MULTILINE)
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")


def check_links(docs: Path, site: Site, anchors: Mapping[str, set[str]]) -> list[Problem]:
    """Problems with links in ``docs/**/*.md`` that point into a generated page (one of ``anchors``)."""
    problems: list[Problem] = []
    for path in sorted(docs.rglob("*.md")):
        page = path.relative_to(docs).as_posix()
        name = path.relative_to(docs.parent).as_posix()
        text = path.read_text(encoding="utf-8")
        problems += _check_page(name, page, text, site, anchors)
        if page == at.HOME_PAGE:
            problems += _check_markers(name, text)
    return problems


def _check_markers(name: str, text: str) -> Iterator[Problem]:
    """The home page holds each of its markers once, on a line of its own."""
    lines = [line.strip() for line in text.split("\n")]
    for marker, what in at.HOME_INSERTS.items():
        count = lines.count(marker)
        if count != 1:
            how = "is missing" if count == 0 else f"stands {count} times"
            yield Problem(name, 0, 0, "", f"the line {marker} {how}; the home page shows {what} there, once")


def _check_page(name: str, page: str, text: str, site: Site, anchors: Mapping[str, set[str]]) -> Iterator[Problem]:
    for match in _LINK.finditer(text):
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
            yield Problem(name, line, column, "", f"links to {target}, but {why}")


def _why_broken(linked: str, anchor: str, site: Site, anchors: Mapping[str, set[str]]) -> str | None:
    if linked in anchors:
        if anchor and anchor not in anchors[linked]:
            return f"no section of that page has the id '{anchor}' in data/"
        return None
    folder, _, file = linked.rpartition("/")
    if folder != at.ASPECT_DIR or not file.endswith(".md"):
        return None  # not a generated page: MkDocs checks it
    old = file.removesuffix(".md")
    for aspect in site.aspects:
        if old in aspect.aliases:
            new = f"'{aspect.id}' (data/aspects/{aspect.id}.yml); link to {at.aspect_page(aspect.id)}"
            return f"aspect '{old}' is now {new}"
    return f"no aspect in data/aspects/ has the id '{old}'"
