"""Stage 2: turn loaded documents into the typed :class:`~sitegen.model.Site`, or list every problem.

Each document is first checked alone (its schema, its markup, its file name); then a list of small
checks looks at the documents together: required files, unique ids, ids that a page keeps for itself,
and references between records.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Any, Protocol, TypeVar

import msgspec

from . import addresses as at
from .explain import convert, did_you_mean, problem_at
from .load import Document, PathKey, invisible
from .model import (
    BLOCK_MAX_BRACKETS,
    BLOCK_MAX_LINES,
    BLOCK_MAX_NESTING,
    EDGE_WORDS,
    EVEN,
    Aspect,
    Decision,
    Problem,
    Question,
    Site,
    Tool,
    Topics,
    block_fields,
)
from .prose import Prose, plain_text, relative_links, without_code

T = TypeVar("T")
KINDS: dict[str, type[msgspec.Struct]] = {
    "tools": Tool,
    "aspects": Aspect,
    "faq": Question,
    "topics.yml": Topics,
    "decision.yml": Decision,
}
"""Where each kind of record lives under ``data/``: a folder of one-record files, or one file."""

BLOCK_FIELDS = block_fields()
_RAW_HTML = re.compile(r"<(?!(?i:https?)://)[A-Za-z!?/]")
_ABBREVIATION = re.compile(r"^\s*\*\[[^\]]*\]\s*:", re.MULTILINE)
_MARKER = r"(?:[-*+]|\d{1,9}[.)])(?: +|$)|> *"
_CONTAINERS = re.compile(f"^ *(?:{_MARKER})*", re.MULTILINE)
"""The list markers and quotation marks that open a line: each nests a level."""
_BLOCK_TAKES = "is not allowed in this field; it takes paragraphs, lists, code and links"
_NOT_IN_A_LINE = [
    (_RAW_HTML, "raw HTML is not allowed"),
    (
        re.compile(r"^\s*(#|!!!|\?\?\?|===|\*\[)"),
        "a Markdown block (heading, admonition, abbreviation) is not allowed",
    ),
    (re.compile(r"!?\[[^\]]*\][(\[]|^\s*\[[^\]]+\]:"), "a Markdown link is not allowed (sources go in their own list)"),
    (re.compile(r"\{\s*(?::|[#.][A-Za-z])"), "an attribute list ({...}) is not allowed"),
]
"""Markdown that one-line fields would show as typed: refused, so that the author hears why."""


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


def validate(documents: list[Document], prose: Prose, unreadable: Iterable[str] = ()) -> Site | list[Problem]:
    """Check every document and the references between them; return the site or all problems.

    Block fields are rendered to sanitised HTML by ``prose`` on the way, so that what the sanitiser
    would remove is reported here, with its file and line. ``unreadable`` names the files that could
    not be loaded (already reported): what refers to them is not reported again."""
    files, problems = _group(documents)
    html: dict[str, str] = {}

    def convert_all(kind: type[T]) -> list[tuple[Document, T]]:
        return _convert_all(files[kind], kind, problems, prose, html)

    records = Records(
        tools=_in_order(convert_all(Tool)),
        aspects=_in_order(convert_all(Aspect)),
        questions=_in_order(convert_all(Question)),
        topics=convert_all(Topics),
        decision=convert_all(Decision),
    )
    unreadable = tuple(unreadable)
    declared = _declared(files, unreadable)
    for check in CHECKS:
        problems += check(records, declared)
    if problems or unreadable:
        return sorted(set(problems))
    topics = records.topics[0][1].topics
    rank = {topic.id: index for index, topic in enumerate(topics)}
    questions = sorted((q for _, q in records.questions), key=lambda q: (rank[q.topic], q.order, q.id))
    return Site(
        tools=tuple(tool for _, tool in records.tools),
        aspects=tuple(aspect for _, aspect in records.aspects),
        topics=tuple(topics),
        questions=tuple(questions),
        decision=records.decision[0][1],
        html=html,
    )


def _group(documents: list[Document]) -> tuple[dict[type, list[Document]], list[Problem]]:
    """The documents by kind, classified once; a file in no kind's place is a problem."""
    files: dict[type, list[Document]] = {kind: [] for kind in KINDS.values()}
    problems = []
    for doc in documents:
        kind = _kind_of(doc.file)
        if kind is None:
            problems.append(Problem(doc.file, 0, 0, "", f"unexpected data file; records live in {_places()}"))
        else:
            files[kind].append(doc)
    return files, problems


def _kind_of(file: str) -> type | None:
    parts = PurePosixPath(file).parts[1:]
    if len(parts) == 2 and parts[0] in KINDS and not parts[0].endswith(".yml"):
        return KINDS[parts[0]]
    if len(parts) == 1:
        return KINDS.get(parts[0])
    return None


def _places() -> str:
    return ", ".join(f"data/{name}" + ("" if name.endswith(".yml") else "/") for name in KINDS)


def _convert_all(
    docs: list[Document], kind: type[T], problems: list[Problem], prose: Prose, html: dict[str, str]
) -> list[tuple[Document, T]]:
    """The records of the documents that fit the schema; the problems of all go to ``problems``."""
    pairs = []
    for doc in docs:
        record, found = convert(doc, kind)
        if record is None and not found:  # a gap in the explanations: still one message, never a crash later
            found = [Problem(doc.file, 0, 0, "", f"does not fit the {kind.__name__} schema (see schema/)")]
        problems += found
        if record is not None:
            problems += _check_text(doc, prose, html)
            problems += _check_file_name(doc, record)
            pairs.append((doc, record))
    return pairs


def _in_order(pairs: list[tuple[Document, R]]) -> list[tuple[Document, R]]:
    return sorted(pairs, key=lambda pair: (pair[1].order, pair[1].id))


def _declared(files: Mapping[type, list[Document]], unreadable: Iterable[str]) -> Declared:
    def raw_id(value: Any) -> str | None:
        found = value.get("id") if isinstance(value, dict) else None
        return found if isinstance(found, str) else None

    def id_of(doc: Document) -> str:  # a file without a usable id is presumably named after it
        return raw_id(doc.data) or PurePosixPath(doc.file).stem

    tools = [id_of(doc) for doc in files[Tool]]
    points: dict[str, set[str] | None] = {}
    for doc in files[Aspect]:
        listed = doc.data.get("points") if isinstance(doc.data, dict) else None
        known = {str(point.get("id")) for point in _items(doc.data, "points")}
        points[id_of(doc)] = known if isinstance(listed, list) else None
    topics: set[str] | None = {
        found for doc in files[Topics] for topic in _items(doc.data, "topics") if (found := raw_id(topic))
    }
    decision = bool(files[Decision])
    for file in unreadable:  # its id is presumably its name; its contents are unknown
        kind, stem = _kind_of(file), PurePosixPath(file).stem
        decision = decision or kind is Decision
        if kind is Tool:
            tools.append(stem)
        elif kind is Aspect:
            points[stem] = None
        elif kind is Topics:
            topics = None
    return Declared(files, tools, points, topics, decision)


def _items(data: Any, key: str) -> list[dict[str, Any]]:
    items = data.get(key) if isinstance(data, dict) else None
    return [item for item in items if isinstance(item, dict)] if isinstance(items, list) else []


# -- rules that a schema cannot say ---------------------------------------------------------------


def _check_file_name(doc: Document, record: Any) -> list[Problem]:
    stem = PurePosixPath(doc.file).stem
    if hasattr(record, "id") and record.id != stem:
        return [problem_at(doc, ("id",), f"id '{record.id}' must match the file name '{stem}.yml'")]
    return []


def _check_text(doc: Document, prose: Prose, html: dict[str, str]) -> Iterator[Problem]:
    """Each text field against its kind; block fields are rendered here, once, into ``html``."""
    for path, text in _strings(doc.data, ()):
        key = next((part for part in reversed(path) if isinstance(part, str)), "")
        if key in BLOCK_FIELDS:
            yield from _check_block(doc, path, text, prose, html)
        else:
            yield from _check_line(doc, path, text)


def _check_block(doc: Document, path: PathKey, text: str, prose: Prose, html: dict[str, str]) -> Iterator[Problem]:
    """One message per field: the first thing wrong with it."""
    plain = without_code(text)
    if _RAW_HTML.search(plain):
        yield problem_at(doc, path, "raw HTML is not allowed in data; write Markdown (put code in `backticks`)")
    elif _ABBREVIATION.search(plain):
        yield problem_at(doc, path, f"an abbreviation (*[...]: ...) {_BLOCK_TAKES}")
    elif text.count("[") > BLOCK_MAX_BRACKETS:
        yield problem_at(doc, path, f"more than {BLOCK_MAX_BRACKETS} '[' in one field; split it or drop some")
    elif text.count("\n", 0, len(text.rstrip("\n"))) >= BLOCK_MAX_LINES:
        yield problem_at(doc, path, f"more than {BLOCK_MAX_LINES} lines in one field; shorten it")
    elif _depth(text) > BLOCK_MAX_NESTING:
        yield problem_at(doc, path, f"lists or quotations nested deeper than {BLOCK_MAX_NESTING} levels")
    else:
        rendered, lost = prose.block(text)  # bounded: the checks above keep the worst case fast
        words, relative = plain_text(rendered), relative_links(rendered)
        if lost:
            yield problem_at(doc, path, f"{lost[0]} {_BLOCK_TAKES}")
        elif not words.strip():
            yield problem_at(doc, path, "the text shows nothing once rendered (only link definitions?)")
        elif hidden := invisible(words):
            yield problem_at(doc, path, f"{hidden} (a character reference?) is not allowed; delete it")
        elif relative:
            message = f"a link to '{relative[0][:60]}': links in data go to http(s) addresses"
            yield problem_at(doc, path, f"{message}; to point at a section of this site, use evidence or related")
        html[text] = rendered


def _depth(text: str) -> int:
    """How deep the text's lists and quotations nest, counted on each line from its markers and indent."""
    deepest = 0
    for match in _CONTAINERS.finditer(text):
        opening = match.group()
        markers = len(re.findall(_MARKER, opening.lstrip(" ")))
        deepest = max(deepest, markers + (len(opening) - len(opening.lstrip(" "))) // 4)
    return deepest


def _check_line(doc: Document, path: PathKey, text: str) -> Iterator[Problem]:
    plain = without_code(text)
    for pattern, what in _NOT_IN_A_LINE:
        if pattern.search(plain):
            yield problem_at(doc, path, f"{what} in a one-line field; it is plain text, with `code` at most")
            return


def _strings(value: Any, path: PathKey) -> Iterator[tuple[PathKey, str]]:
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _strings(item, (*path, index))


# -- rules across documents ---------------------------------------------------------------------------


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
