"""The data model: typed, immutable records named after the domain."""

from __future__ import annotations

import datetime
import typing
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import Annotated, Literal

import msgspec

from . import patterns
from .addresses import address, aspect_page, question_page, split_ref, topic_address
from .characters import escaped

ID_PATTERN = patterns.ID
"""One rule for every id (:data:`sitegen.patterns.ID`): lowercase words joined by single hyphens."""

Id = Annotated[str, msgspec.Meta(pattern=ID_PATTERN, max_length=60)]
Url = Annotated[str, msgspec.Meta(pattern=patterns.URL, max_length=500)]
"""An http(s) URL in ASCII (:data:`sitegen.patterns.URL`)."""
Line = Annotated[str, msgspec.Meta(max_length=200, pattern=patterns.ONE_LINE)]
"""A one-line field: plain text, with `inline code` at most; shown exactly as typed."""
CELL_MAX = 60
Cell = Annotated[str, msgspec.Meta(max_length=CELL_MAX, pattern=patterns.ONE_LINE)]
"""A table cell: a few words, written like a :data:`Line` (the summary table is read at a glance)."""
Title = Annotated[str, msgspec.Meta(max_length=120, pattern=patterns.TITLE)]
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


Package = Annotated[str, msgspec.Meta(pattern=patterns.PACKAGE, max_length=100)]
"""A package's name on PyPI (letters, digits, ``.``, ``_`` and ``-``)."""
Keyword = Annotated[str, msgspec.Meta(max_length=40, pattern=patterns.ONE_LINE)]
"""A word or short phrase a reader might search for; it reaches the search index and the FAQ filter, never a
page's text."""
Keywords = Annotated[list[Keyword], msgspec.Meta(max_length=20)]
"""Readers' words for a section that its text does not use ("mobile" for a section about phones)."""
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
    package: Package | None = None
    """The tool's package on PyPI, whose newest release ``make versions`` compares with ``version``."""


class ToolText(Record, frozen=True, kw_only=True):
    short: Cell
    """A few words for the summary table."""
    text: Block
    """Shown in the tool's column of the point."""


EVEN = "even"
DEPENDS = "depends"
EDGE_WORDS = {EVEN: "neither tool has the edge", DEPENDS: "the edge depends on the project (the verdict says how)"}
"""The words a point's ``edge`` takes besides a tool id; no tool may take them as its id."""

Level = bool | Literal["partial"]
"""A support matrix value: ``yes``, ``partial`` or ``no`` (YAML reads yes and no as booleans)."""


class Support(Record, frozen=True, kw_only=True):
    level: Level
    note: Line | None = None


class SupportRow(Record, frozen=True, kw_only=True):
    """One row of a point's support matrix: a backend, a platform or a format, and each tool's support."""

    label: Line
    tools: dict[Id, Level | Support]


Refs = Annotated[list[Line], msgspec.Meta(max_length=20)]
"""References to sections of the site, written ``aspect`` or ``aspect#point``."""


class Point(Record, frozen=True, kw_only=True):
    id: Id
    title: Line
    gist: Line
    """The point's answer in one sentence: the first thing under its heading."""
    tools: dict[Id, ToolText] = {}
    """Each tool's text, side by side; or, where the tools do not differ, ``shared`` instead."""
    shared: ToolText | None = None
    """One text that holds for every tool, instead of ``tools``."""
    edge: Id | None = None
    """Which tool has the advantage on this point: a tool id, ``even`` or ``depends``."""
    support: Annotated[list[SupportRow], msgspec.Meta(max_length=20)] = []
    verdict: Block | None = None
    evidence: Refs = []
    """The sections this point's verdict rests on."""
    sources: list[Source] = []
    reviewed: datetime.date | None = None
    """When this point alone was last checked, if after its aspect (or on its aspect's day, with a ``change`` of
    its own); without it, the aspect's date holds."""
    change: Line | None = None
    """What the review on its own ``reviewed`` changed, in one line, for readers of What's new ("Export formats
    listed by backend"); leave it out when the review confirmed the facts as they were, and replace or
    remove it when the date moves."""
    keywords: Keywords = []
    aliases: Aliases = []

    def text_of(self, tool_id: str) -> ToolText:
        """What the point says of one tool: its own text, or the shared one."""
        return self.shared or self.tools[tool_id]

    def shown_edge(self) -> str | None:
        """The edge the pages show: the data's, or ``even`` for a shared text that gives none."""
        return self.edge or (EVEN if self.shared else None)


class Aspect(Record, frozen=True, kw_only=True):
    id: Id
    title: Title
    nav_title: Title | None = None
    order: int
    description: Line
    """The page's meta description and its lead paragraph."""
    summary: dict[Id, Line] = {}
    """One line per tool, shown side by side at the top of the page; none on a page that opens otherwise
    (the decision guide opens with its choose-if lines)."""
    intro: Block | None = None
    points: Annotated[list[Point], msgspec.Meta(min_length=1)]
    verdict: Block | None = None
    sources: Annotated[list[Source], msgspec.Meta(min_length=1)]
    reviewed: datetime.date
    change: Line | None = None
    """What the review on ``reviewed`` changed, in one line, for readers of What's new ("Export formats
    listed by backend"); leave it out when the review confirmed the facts as they were, and replace or
    remove it when the date moves."""
    aliases: Aliases = []

    def reviewed_of(self, point: Point) -> datetime.date:
        """When one of this aspect's points was last checked: its own date, or else the aspect's."""
        return point.reviewed or self.reviewed


class Topic(Record, frozen=True, kw_only=True):
    id: Id
    title: Title
    """It titles the topic's page when the FAQ has a page per topic."""


class Topics(Record, frozen=True, kw_only=True):
    topics: Annotated[list[Topic], msgspec.Meta(min_length=1)]
    one_page_up_to: Annotated[int, msgspec.Meta(ge=1)] = 60
    """The FAQ is one page while it has at most this many questions; above, it becomes an index that links
    every question, and a page per topic. Old links to a question on the one page still land on it."""


class Question(Record, frozen=True, kw_only=True):
    id: Id
    question: Line
    topic: Id
    order: int = 100
    answer: Block
    related: Refs = []
    """Aspects or points this answer draws on."""
    sources: Annotated[list[Source], msgspec.Meta(min_length=1)]
    reviewed: datetime.date
    change: Line | None = None
    """What the review on ``reviewed`` changed, in one line, for readers of What's new ("Export formats
    listed by backend"); leave it out when the review confirmed the facts as they were, and replace or
    remove it when the date moves."""
    keywords: Keywords = []
    aliases: Aliases = []


class Choice(Record, frozen=True, kw_only=True):
    """One "Choose <tool> if..." line, and the sections that back it."""

    reason: Line
    """Completes "Choose <tool> if you..."."""
    evidence: Annotated[list[Line], msgspec.Meta(min_length=1, max_length=20)]


class Scenario(Record, frozen=True, kw_only=True):
    """A row of the scenario table: if you..., start with..., because..."""

    id: Id
    situation: Line
    """Completes "If you...": who the reader is and what they are making."""
    pick: Line
    """Where to start, in a few words ("Keras on the PyTorch backend")."""
    tool: Id | None = None
    """The tool that is the answer, where one is."""
    because: Line
    evidence: Annotated[list[Line], msgspec.Meta(min_length=1, max_length=20)]


class Decision(Record, frozen=True, kw_only=True):
    """The short answer: the first thing on the home page and on the decision guide."""

    guide: Id
    """The aspect whose page is the decision guide; it opens with this answer."""
    choose: dict[Id, Annotated[list[Choice], msgspec.Meta(min_length=3, max_length=5)]]
    """For each tool, three to five reasons to choose it."""
    scenarios: Annotated[list[Scenario], msgspec.Meta(min_length=1, max_length=30)]
    sources: Annotated[list[Source], msgspec.Meta(min_length=1)]
    reviewed: datetime.date
    change: Line | None = None
    """What the review on ``reviewed`` changed in the short answer, in one line, for readers of What's new."""


class Search(Record, frozen=True, kw_only=True):
    """What the site search knows beyond the pages' words."""

    synonyms: Annotated[
        dict[Keyword, Annotated[list[Keyword], msgspec.Meta(min_length=1, max_length=20)]], msgspec.Meta(max_length=500)
    ] = {}
    """A reader's word, and the words the site uses for it: a section that holds one of them is found by
    the reader's word too ("mobile": phone, Android, iOS)."""


RECORDS: tuple[type[Record], ...] = (
    *(
        Source,
        Tool,
        ToolText,
        Support,
        SupportRow,
        Point,
        Aspect,
        Topic,
        Topics,
        Question,
        Choice,
        Scenario,
        Decision,
        Search,
    ),
)
"""Every kind of record."""


def block_fields() -> frozenset[str]:
    """The names of the fields that hold a :data:`Block`, in any record. Text fields are told apart by
    name, so a name is a block in every record or in none (a test checks)."""
    found = set()
    for record in RECORDS:
        for name, hint in typing.get_type_hints(record, include_extras=True).items():
            if hint == Block or Block in typing.get_args(hint):
                found.add(name)
    return frozenset(found)


@dataclass(frozen=True)
class Place:
    """Where a record stands in the data: its file (from the project's root) and line."""

    file: str
    line: int


@dataclass(frozen=True)
class Site:
    """Everything the renderer needs, validated and in display order."""

    tools: tuple[Tool, ...]
    aspects: tuple[Aspect, ...]
    topics: tuple[Topic, ...]
    questions: tuple[Question, ...]
    decision: Decision
    search: Search = field(default_factory=Search)
    html: Mapping[str, str] = field(default_factory=dict)
    """Each block field's text, rendered to sanitised HTML (by :mod:`sitegen.prose`), by its source text."""
    places: Mapping[str, Place] = field(default_factory=dict)
    """Where each point and question stands in the data, by its address (``aspects/x.md#point``)."""
    dated: Mapping[str, Place] = field(default_factory=dict)
    """Where each review date is written, by the address of what it dates: an aspect's page, a point with
    a date of its own, a question, and the short answer (the decision guide's ``#choose``)."""
    faq_split: bool = False
    """Whether the FAQ is an index plus a page per topic (more questions than ``topics.yml`` puts on one page)."""

    def question_page(self, question: Question) -> str:
        """The page that holds a question: the FAQ, or its topic's page when the FAQ is split."""
        return question_page(question.topic, self.faq_split)

    def question_address(self, question: Question) -> str:
        return address(self.question_page(question), question.id)

    def topic_address(self, topic_id: str) -> str:
        return topic_address(topic_id, self.faq_split)

    @cached_property
    def questions_by_topic(self) -> list[tuple[Topic, list[Question]]]:
        """Each topic that has questions, with them, in display order."""
        grouped = [(topic, [q for q in self.questions if q.topic == topic.id]) for topic in self.topics]
        return [(topic, questions) for topic, questions in grouped if questions]

    @cached_property
    def aspect_pages(self) -> frozenset[str]:
        """The aspect pages' paths in the docs tree."""
        return frozenset(aspect_page(aspect.id) for aspect in self.aspects)

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
        file = self.file if len(self.file) <= PLACE_MAX else f"{self.file[:40]}…{self.file[41 - PLACE_MAX :]}"
        place = f"{file}:{self.line}:{self.column}" if self.line else file
        where = f" {self.field}:" if self.field else ""
        return _one_line(f"{place}:{where} {self.message}")


PLACE_MAX = 120
"""How much of a file's path a message shows: a longer path (no real data file has one) is cut in the middle,
keeping its start and its end."""


QUOTE_MAX = 80
"""How much of a value from the data a message quotes."""


def cut(text: str, limit: int = QUOTE_MAX) -> str:
    """A value from the data as a message quotes it: at most ``limit`` characters, the last an ellipsis when
    it is cut (a 5,000-digit number or key would otherwise fill the screen)."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


_ALLOWED_IN_DATA = {0x0A: "\\n", 0x09: "\\t"}


def _one_line(text: str) -> str:
    """A message as one line: a line break, tab or any character that data may not hold (a key or a name can
    hold one) is shown escaped, so that no text of a data file can pass for another problem or turn the
    message around."""
    return escaped(text.translate(_ALLOWED_IN_DATA))


class DataError(Exception):
    """Raised at the edge when the data has problems; carries all of them."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems)
        count = len(self.problems)
        head = f"{count} problem{'s' if count != 1 else ''} in the data:"
        super().__init__("\n".join([head, *(f"  {p}" for p in self.problems)]))
