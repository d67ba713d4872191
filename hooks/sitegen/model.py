"""The data model: typed, immutable records named after the domain."""

from __future__ import annotations

import datetime
import typing
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import Annotated

import msgspec

from .addresses import split_ref

END = r"$(?![\s\S])"
"""The end of the text. A bare ``$`` also matches before a final line break in Python (not in the
JavaScript of editors that read the JSON Schemas), so patterns end with this."""
ID_PATTERN = r"^[a-z][a-z0-9]*(-[a-z0-9]+)*" + END
"""One rule for every id: lowercase words joined by single hyphens. Ids become URL anchors."""

Id = Annotated[str, msgspec.Meta(pattern=ID_PATTERN, max_length=60)]
Url = Annotated[str, msgspec.Meta(pattern=r"^https?://[A-Za-z0-9\-._~:/?#@!$&()*+,;=%]+" + END, max_length=500)]
"""An http(s) URL in ASCII, of the characters RFC 3986 lets a URL hold unescaped, less ``'``: no
lookalike letters or slashes, no quotes, no backticks or brackets (an IDN host is written in punycode)."""
Line = Annotated[str, msgspec.Meta(max_length=200, pattern=r"^(?=.*\S)[^\r\n\u2028\u2029\x85]+" + END)]
"""A one-line field: plain text, with `inline code` at most; shown exactly as typed."""
Title = Annotated[str, msgspec.Meta(max_length=120, pattern=r"^(?=.*\S)[^<>&\"\r\n\u2028\u2029\x85]+" + END)]
"""A one-line field that also titles a page: MkDocs' theme places it in ``<title>``, the navigation
and attributes, escaping it in some places and not in others, so it holds no ``<``, ``>``, ``&``
or ``"``."""
BLOCK_MAX = 2000
Block = Annotated[str, msgspec.Meta(max_length=BLOCK_MAX, pattern=r"\S")]
"""A block field: Markdown paragraphs, lists, code and links, rendered by :mod:`sitegen.prose`.

At most 2,000 characters (the longest real answer has 743): with at most ``BLOCK_MAX_BRACKETS``
``[``, ``BLOCK_MAX_LINES`` lines and ``BLOCK_MAX_NESTING`` levels, the slowest Markdown input of that
size found renders in about 40 ms."""
BLOCK_MAX_BRACKETS = 64
BLOCK_MAX_LINES = 60
"""Real blocks have at most 11 lines; 1,000 one-character lines would take 100 ms to render."""
BLOCK_MAX_NESTING = 16
"""Lists and quotations nested deeper than this are refused before rendering: Python-Markdown recurses
once per level, and how deep it may go depends on the caller's stack."""


Aliases = Annotated[list[Id], msgspec.Meta(max_length=20)]
"""The old ids of a record; each is an anchor, and an aspect's a redirect page, so there are few."""


class Record(msgspec.Struct, frozen=True, forbid_unknown_fields=True, kw_only=True):
    """Base of every record read from a data file: unknown keys are errors.

    Subclasses restate ``kw_only`` (msgspec does not inherit it) and ``frozen`` (inherited at run time,
    but type checkers need to see it)."""


class Source(Record, frozen=True, kw_only=True):
    title: Line
    url: Url


class Tool(Record, frozen=True, kw_only=True):
    id: Id
    name: Line
    order: int
    summary: Line
    maker: Line
    homepage: Url
    docs: Url
    repository: Url
    licence: Line
    version: Line
    """The version this site's facts were reviewed against."""


class ToolText(Record, frozen=True, kw_only=True):
    short: Line
    """One line for the summary table."""
    text: Block
    """Shown in the tool's section of the point."""


class Point(Record, frozen=True, kw_only=True):
    id: Id
    title: Line
    tools: dict[Id, ToolText]
    verdict: Block | None = None
    evidence: Annotated[list[Line], msgspec.Meta(max_length=20)] = []
    """References to other sections, written ``aspect`` or ``aspect#point``."""
    sources: list[Source] = []
    aliases: Aliases = []


class Aspect(Record, frozen=True, kw_only=True):
    id: Id
    title: Title
    nav_title: Title | None = None
    order: int
    description: Line
    """The page's meta description and its lead paragraph."""
    summary: dict[Id, Line]
    """One line per tool, for the summary table."""
    intro: Block | None = None
    points: list[Point]
    verdict: Block | None = None
    sources: Annotated[list[Source], msgspec.Meta(min_length=1)]
    reviewed: datetime.date
    aliases: Aliases = []


class Topic(Record, frozen=True, kw_only=True):
    id: Id
    title: Line


class Topics(Record, frozen=True, kw_only=True):
    topics: Annotated[list[Topic], msgspec.Meta(min_length=1)]


class Question(Record, frozen=True, kw_only=True):
    id: Id
    question: Line
    topic: Id
    order: int = 100
    answer: Block
    related: Annotated[list[Line], msgspec.Meta(max_length=20)] = []
    """Aspects or points this answer draws on, written ``aspect`` or ``aspect#point``."""
    sources: Annotated[list[Source], msgspec.Meta(min_length=1)]
    reviewed: datetime.date
    aliases: Aliases = []


def block_fields() -> frozenset[str]:
    """The names of the fields that hold a :data:`Block`, in any record."""
    found = set()
    for record in (Source, Tool, ToolText, Point, Aspect, Topic, Topics, Question):
        for name, hint in typing.get_type_hints(record, include_extras=True).items():
            if hint == Block or Block in typing.get_args(hint):
                found.add(name)
    return frozenset(found)


@dataclass(frozen=True)
class Site:
    """Everything the renderer needs, validated and in display order."""

    tools: tuple[Tool, ...]
    aspects: tuple[Aspect, ...]
    topics: tuple[Topic, ...]
    questions: tuple[Question, ...]
    html: Mapping[str, str] = field(default_factory=dict)
    """Each block field's text, rendered to sanitised HTML (by :mod:`sitegen.prose`), by its source text."""

    @cached_property
    def aspect_by_id(self) -> dict[str, Aspect]:
        return {aspect.id: aspect for aspect in self.aspects}

    @cached_property
    def questions_by_aspect(self) -> dict[str, list[Question]]:
        """For each aspect id, the questions whose ``related`` refers to it or to one of its points."""
        found: dict[str, list[Question]] = {aspect.id: [] for aspect in self.aspects}
        for question in self.questions:
            for aspect_id in dict.fromkeys(split_ref(ref)[0] for ref in question.related):
                found[aspect_id].append(question)
        return found

    @cached_property
    def point_by_ids(self) -> dict[tuple[str, str], Point]:
        """Each point by (aspect id, point id)."""
        return {(aspect.id, point.id): point for aspect in self.aspects for point in aspect.points}


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with the data, pointing at the place to fix it."""

    file: str
    line: int
    column: int
    field: str
    message: str

    def __str__(self) -> str:
        place = f"{self.file}:{self.line}:{self.column}" if self.line else self.file
        where = f" {self.field}:" if self.field else ""
        return f"{place}:{where} {self.message}"


class DataError(Exception):
    """Raised at the edge when the data has problems; carries all of them."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems)
        count = len(self.problems)
        head = f"{count} problem{'s' if count != 1 else ''} in the data:"
        super().__init__("\n".join([head, *(f"  {p}" for p in self.problems)]))
