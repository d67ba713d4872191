"""Stage 2, second half: the rules that look at several documents together (required files, unique
ids, ids a page keeps for itself, references between records), each a small function over the records
that fit their schema and the ids every file declares."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any, Protocol, TypeVar

from . import addresses as at
from .explain import did_you_mean, problem_at
from .load import Document, PathKey
from .model import EDGE_WORDS, EVEN, Aspect, Decision, Problem, Question, Search, Tool, Topics


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
    decision: list[tuple[Document, Decision]]
    search: list[tuple[Document, Search]]


@dataclass(frozen=True)
class Declared:
    """Every id the files declare, read from the raw values, even of files with other problems, so that
    one mistake is reported once and not again wherever it is referred to."""

    files: Mapping[type, list[Document]]
    tools: list[str]
    points: dict[str, set[str] | None]
    """The point ids of each aspect id; None for an aspect whose file could not be read."""
    topics: set[str] | None
    """None when the topics file could not be read."""
    decision: bool
    """Whether the decision file is there (readable or not)."""


# -- the rules ---------------------------------------------------------------------------


Check = Callable[[Records, Declared], Iterable[Problem]]
Entry = tuple[Document, PathKey, str]


def _required_files(records: Records, declared: Declared) -> Iterator[Problem]:
    if not declared.files[Topics] and declared.topics is not None:  # None: there, but unreadable
        yield Problem("data/topics.yml", 0, 0, "", "missing: the FAQ topics file is required")
    if not declared.decision:
        yield Problem("data/decision.yml", 0, 0, "", "missing: the decision file (the short answer) is required")
    if not declared.tools:
        yield Problem("data/tools", 0, 0, "", "no tools: add at least one file such as data/tools/keras.yml")


def _unique_ids(records: Records, declared: Declared) -> Iterator[Problem]:
    """Tools, aspects (whose ids and aliases are addresses), and the FAQ's topics and questions (anchors
    of one page) each have ids of their own."""
    yield from _duplicates([(doc, ("id",), tool.id) for doc, tool in records.tools], "tool")
    for doc, tool in records.tools:
        if tool.id in EDGE_WORDS:
            yield problem_at(
                doc, ("id",), f"'{tool.id}' is a word of a point's edge ({EDGE_WORDS[tool.id]}); choose another id"
            )
        elif tool.id in at.SUMMARY_CSV_COLUMNS:
            yield problem_at(doc, ("id",), f"'{tool.id}' names a column of the summary CSV; choose another id")
    yield from _duplicates(_ids_and_aliases(records.aspects), "aspect")
    yield from _reserved(_ids_and_aliases(records.aspects), at.RESERVED_ASPECT_IDS, where="")
    yield from _duplicates(_faq_anchors(records), "FAQ topic or question")


def _faq_page_ids(records: Records, declared: Declared) -> Iterator[Problem]:
    """Questions, topics and their aliases do not take an id the FAQ page gives itself."""
    yield from _reserved(_faq_anchors(records), at.RESERVED_ON_FAQ_PAGE)


def _aspects_refer_to_what_exists(records: Records, declared: Declared) -> Iterator[Problem]:
    for doc, aspect in records.aspects:
        if aspect.summary:
            yield from _check_tools(doc, ("summary",), aspect.summary, declared.tools)
        for index, point in enumerate(aspect.points):
            path: PathKey = ("points", index)
            if point.shared is None:
                yield from _check_tools(doc, (*path, "tools"), point.tools, declared.tools)
            elif point.tools:
                yield problem_at(doc, (*path, "shared"), "give either tools (one text per tool) or shared, not both")
            if point.edge is not None and point.edge not in EDGE_WORDS and point.edge not in declared.tools:
                words = [*EDGE_WORDS, *declared.tools]
                hint = did_you_mean(point.edge, words) or f" (it takes a tool id, '{EVEN}' or 'depends')"
                yield problem_at(doc, (*path, "edge"), f"unknown edge '{point.edge}'{hint}")
            elif point.shared is not None and point.edge not in (None, EVEN):
                yield problem_at(
                    doc, (*path, "edge"), f"a shared text says the tools do not differ: the edge is '{EVEN}'"
                )
            for row, line in enumerate(point.support):
                yield from _check_tools(doc, (*path, "support", row, "tools"), line.tools, declared.tools)
            yield from _check_refs(doc, (*path, "evidence"), point.evidence, declared.points)


def _points_have_ids_of_their_own(records: Records, declared: Declared) -> Iterator[Problem]:
    """A point's id and aliases are anchors of its aspect's page: unique there, and not the page's own."""
    for doc, aspect in records.aspects:
        entries: list[Entry] = []
        for index, point in enumerate(aspect.points):
            entries.append((doc, ("points", index, "id"), point.id))
            entries += [(doc, ("points", index, "aliases", i), alias) for i, alias in enumerate(point.aliases)]
        yield from _reserved(entries, at.reserved_on_aspect_page(aspect.id))
        yield from _duplicates(entries, f"point (in aspect '{aspect.id}')")


def _points_reviewed_after_their_aspect(records: Records, declared: Declared) -> Iterator[Problem]:
    """A point's own review date says it was checked after the rest of its page, or on the same day with a
    change of its own to tell (What's new lists it under its aspect); an earlier one would contradict the
    aspect's date, which already covers it. A point's ``change`` belongs to its own review."""
    for doc, aspect in records.aspects:
        for index, point in enumerate(aspect.points):
            if point.change is not None and point.reviewed is None:
                yield problem_at(
                    doc,
                    ("points", index, "change"),
                    "a point's change goes with a review date of its own (add 'reviewed'), or in its aspect's change",
                )
            if point.reviewed is None:
                continue
            if point.reviewed < aspect.reviewed:
                yield problem_at(
                    doc,
                    ("points", index, "reviewed"),
                    f"{point.reviewed.isoformat()} is before the aspect's own review date "
                    f"({aspect.reviewed.isoformat()}), which already covers this point: remove it",
                )
            elif point.reviewed == aspect.reviewed and point.change is None:
                yield problem_at(
                    doc,
                    ("points", index, "reviewed"),
                    f"{point.reviewed.isoformat()} is the aspect's own review date, which already covers this "
                    "point: remove it, or add the point's own 'change' so that What's new lists it",
                )


def _questions_refer_to_what_exists(records: Records, declared: Declared) -> Iterator[Problem]:
    for doc, question in records.questions:
        if declared.topics is not None and question.topic not in declared.topics:
            hint = did_you_mean(question.topic, declared.topics)
            yield problem_at(doc, ("topic",), f"unknown topic '{question.topic}'{hint}")
        yield from _check_refs(doc, ("related",), question.related, declared.points)


def _decision_refers_to_what_exists(records: Records, declared: Declared) -> Iterator[Problem]:
    aspects = {aspect.id: aspect for _, aspect in records.aspects}
    for doc, decision in records.decision:
        renamed = next((a.id for _, a in records.aspects if decision.guide in a.aliases), None)
        if renamed:
            yield problem_at(
                doc, ("guide",), f"'{decision.guide}' is an old id of aspect '{renamed}': write '{renamed}'"
            )
        elif decision.guide not in declared.points:
            hint = did_you_mean(decision.guide, declared.points)
            yield problem_at(doc, ("guide",), f"unknown aspect '{decision.guide}'{hint}")
        yield from _check_tools(doc, ("choose",), decision.choose, declared.tools)
        for tool_id, choices in decision.choose.items():
            for index, choice in enumerate(choices):
                yield from _check_refs(doc, ("choose", tool_id, index, "evidence"), choice.evidence, declared.points)
        for index, scenario in enumerate(decision.scenarios):
            if scenario.tool is not None and scenario.tool not in declared.tools:
                hint = did_you_mean(scenario.tool, declared.tools)
                yield problem_at(doc, ("scenarios", index, "tool"), f"unknown tool '{scenario.tool}'{hint}")
            yield from _check_refs(doc, ("scenarios", index, "evidence"), scenario.evidence, declared.points)
        entries: list[Entry] = [(doc, ("scenarios", i, "id"), s.id) for i, s in enumerate(decision.scenarios)]
        yield from _duplicates(entries, "scenario")
        guide = aspects.get(decision.guide)
        if guide is not None:  # scenarios are anchors of the guide's page
            taken = {anchor: "a point of the guide" for p in guide.points for anchor in (p.id, *p.aliases)}
            yield from _reserved(entries, {**at.reserved_on_aspect_page(guide.id), **taken})


CHECKS: tuple[Check, ...] = (
    _required_files,
    _unique_ids,
    _faq_page_ids,
    _aspects_refer_to_what_exists,
    _points_have_ids_of_their_own,
    _points_reviewed_after_their_aspect,
    _questions_refer_to_what_exists,
    _decision_refers_to_what_exists,
)
"""The rules that look at several documents together, in the order they run."""


def _ids_and_aliases(pairs: list[tuple[Document, Aspect]] | list[tuple[Document, Question]]) -> list[Entry]:
    found: list[Entry] = []
    for doc, record in pairs:
        found.append((doc, ("id",), record.id))
        found += [(doc, ("aliases", i), alias) for i, alias in enumerate(record.aliases)]
    return found


def _faq_anchors(records: Records) -> list[Entry]:
    """The ids and aliases of the FAQ's topics and questions: all anchors of the one FAQ page."""
    topics = [(doc, ("topics", i, "id"), t.id) for doc, file in records.topics for i, t in enumerate(file.topics)]
    return topics + _ids_and_aliases(records.questions)


def _duplicates(entries: list[Entry], what: str) -> Iterator[Problem]:
    first: dict[str, tuple[Document, PathKey]] = {}
    for doc, path, value in entries:
        if value in first:
            other, other_path = first[value]
            line = other.where(other_path)[0]
            yield problem_at(doc, path, f"{what} id '{value}' is already used in {other.file}:{line}")
        else:
            first[value] = (doc, path)


def _reserved(entries: list[Entry], reserved: Mapping[str, str], where: str = " on the same page") -> Iterator[Problem]:
    for doc, path, value in entries:
        if value in reserved:
            yield problem_at(doc, path, f"'{value}' is the id of {reserved[value]}{where}; choose another id")


def _check_tools(doc: Document, path: PathKey, texts: Mapping[str, Any], tool_ids: list[str]) -> Iterator[Problem]:
    for key in texts:
        if key not in tool_ids:
            yield problem_at(doc, (*path, key), f"unknown tool '{key}'{did_you_mean(key, tool_ids)}")
    missing = [tool for tool in tool_ids if tool not in texts]
    if missing:
        plural = "s" if len(missing) > 1 else ""
        yield problem_at(doc, path, f"missing an entry for tool{plural} {', '.join(missing)}")


def _check_refs(
    doc: Document, path: PathKey, refs: list[str], points: Mapping[str, set[str] | None]
) -> Iterator[Problem]:
    for index, ref in enumerate(refs):
        aspect, point = at.split_ref(ref)
        if aspect not in points:
            yield problem_at(doc, (*path, index), f"unknown aspect '{aspect}'{did_you_mean(aspect, points)}")
        elif point is not None and (known := points[aspect]) is not None and point not in known:
            hint = did_you_mean(point, known)
            yield problem_at(doc, (*path, index), f"aspect '{aspect}' has no point '{point}'{hint}")
