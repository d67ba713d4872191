"""The comparison as data others can reuse: one JSON document of everything the site compares, the summary
table as CSV, and a JSON Schema of each, published beside the pages under ``export/``.

The JSON's shape is its own contract, versioned by :data:`SCHEMA_VERSION`, and not the data files' shape:
those may change with the site, this changes only with a new version. Texts are the data's own: one-line
fields as plain text with `code` in backticks, block fields as Markdown (paragraphs, lists, code, links).
"""

from __future__ import annotations

import csv
import datetime
import io
import json
import unicodedata
from collections.abc import Iterable
from typing import Annotated, Literal

import msgspec

from . import addresses as at
from .model import Aspect, Level, Point, Question, Site, Source, Support
from .publishing import CONTENT_LICENCE

SCHEMA_VERSION: Literal[1] = 1
"""Raised when a field is removed, renamed or changes meaning; new optional fields keep it."""
EXPORT_DIR = "export"
JSON_FILE = f"{EXPORT_DIR}/comparison.json"
JSON_SCHEMA_FILE = f"{EXPORT_DIR}/comparison.schema.json"
CSV_FILE = f"{EXPORT_DIR}/summary.csv"
CSV_SCHEMA_FILE = f"{EXPORT_DIR}/summary.schema.json"
Markdown = Annotated[str, msgspec.Meta(description="Markdown: paragraphs, lists, code and links")]
Text = Annotated[str, msgspec.Meta(description="Plain text; `code` in backticks")]
Address = Annotated[str, msgspec.Meta(description="The section's address on the site")]


class Out(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    """Base of the exported records."""


class SourceOut(Out, frozen=True, kw_only=True):
    title: Text
    url: str


class ToolOut(Out, frozen=True, kw_only=True):
    id: str
    name: Text
    summary: Text
    maker: Text
    homepage: str
    docs: str
    repository: str
    licence: Text
    version: str
    """The version the site's facts were reviewed against."""
    package: str | None
    """The tool's package on PyPI, where it has one."""


class TextOut(Out, frozen=True, kw_only=True):
    short: Text
    """A few words: the summary table's cell."""
    text: Markdown
    url: Address


class SupportOut(Out, frozen=True, kw_only=True):
    level: Literal["yes", "partial", "no"]
    note: Text | None = None


class SupportRowOut(Out, frozen=True, kw_only=True):
    label: Text
    tools: dict[str, SupportOut]


class PointOut(Out, frozen=True, kw_only=True):
    id: str
    title: Text
    url: Address
    gist: Text
    edge: str | None
    """A tool id, ``even``, ``depends``, or null where the data names none."""
    shared: bool
    """Whether one text holds for every tool (each tool's entry of ``tools`` then holds it)."""
    tools: dict[str, TextOut]
    support: list[SupportRowOut]
    verdict: Markdown | None
    evidence: list[Address]
    sources: list[SourceOut]
    reviewed: datetime.date
    change: Text | None = None
    """What the review on ``reviewed`` changed, where the data says (a point's own review only)."""
    keywords: list[str]
    aliases: list[str]


class AspectOut(Out, frozen=True, kw_only=True):
    id: str
    title: Text
    url: Address
    description: Text
    summary: dict[str, Text]
    intro: Markdown | None
    verdict: Markdown | None
    points: list[PointOut]
    sources: list[SourceOut]
    reviewed: datetime.date
    change: Text | None = None
    """What the review on ``reviewed`` changed, where the data says."""
    aliases: list[str]


class TopicOut(Out, frozen=True, kw_only=True):
    id: str
    title: Text
    url: Address


class QuestionOut(Out, frozen=True, kw_only=True):
    id: str
    question: Text
    topic: str
    url: Address
    answer: Markdown
    related: list[Address]
    sources: list[SourceOut]
    reviewed: datetime.date
    change: Text | None = None
    """What the review on ``reviewed`` changed, where the data says."""
    keywords: list[str]
    aliases: list[str]


class ChoiceOut(Out, frozen=True, kw_only=True):
    reason: Text
    """Completes "Choose <tool> if you..."."""
    evidence: list[Address]


class ScenarioOut(Out, frozen=True, kw_only=True):
    id: str
    url: Address
    situation: Text
    """Completes "If you..."."""
    pick: Text
    tool: str | None
    because: Text
    evidence: list[Address]


class DecisionOut(Out, frozen=True, kw_only=True):
    """The short answer: choose-if lines per tool, and common scenarios."""

    url: Address
    choose: dict[str, list[ChoiceOut]]
    scenarios: list[ScenarioOut]
    sources: list[SourceOut]
    reviewed: datetime.date
    change: Text | None = None
    """What the review on ``reviewed`` changed, where the data says."""


class LicenceOut(Out, frozen=True, kw_only=True):
    """The terms of reuse of this data."""

    name: str
    spdx: str
    """The licence's SPDX identifier."""
    url: str
    attribution: str
    """How to credit the data."""


class Comparison(Out, frozen=True, kw_only=True):
    """Everything the site compares."""

    schema_version: Literal[1]
    site: str
    """The site's address; every ``url`` starts with it."""
    licence: LicenceOut
    tools: list[ToolOut]
    aspects: list[AspectOut]
    topics: list[TopicOut]
    questions: list[QuestionOut]
    decision: DecisionOut


def comparison(site: Site, site_url: str) -> Comparison:
    """The whole comparison, each section with its address under ``site_url``."""
    decision = site.decision

    def url(target: str) -> str:
        return site_url + at.url_of(target)

    def ref(reference: str) -> str:
        aspect_id, point_id = at.split_ref(reference)
        page = at.aspect_page(aspect_id)
        return url(at.address(page, point_id) if point_id else page)

    def sources(items: Iterable[Source]) -> list[SourceOut]:
        return [SourceOut(title=s.title, url=s.url) for s in items]

    def point(aspect: Aspect, p: Point) -> PointOut:
        here = at.address(at.aspect_page(aspect.id), p.id)
        return PointOut(
            id=p.id,
            title=p.title,
            url=url(here),
            gist=p.gist,
            edge=p.edge,
            shared=p.shared is not None,
            tools={
                t.id: TextOut(
                    short=p.text_of(t.id).short, text=p.text_of(t.id).text, url=url(at.tool_anchor(here, t.id))
                )
                for t in site.tools
            },
            support=[
                SupportRowOut(label=row.label, tools={tool: _support(value) for tool, value in row.tools.items()})
                for row in p.support
            ],
            verdict=p.verdict,
            evidence=[ref(e) for e in p.evidence],
            sources=sources(p.sources),
            reviewed=aspect.reviewed_of(p),
            change=p.change,
            keywords=list(p.keywords),
            aliases=list(p.aliases),
        )

    def question(q: Question) -> QuestionOut:
        return QuestionOut(
            id=q.id,
            question=q.question,
            topic=q.topic,
            url=url(site.question_address(q)),
            answer=q.answer,
            related=[ref(r) for r in q.related],
            sources=sources(q.sources),
            reviewed=q.reviewed,
            change=q.change,
            keywords=list(q.keywords),
            aliases=list(q.aliases),
        )

    return Comparison(
        schema_version=SCHEMA_VERSION,
        site=site_url,
        licence=LicenceOut(
            name=CONTENT_LICENCE.name,
            spdx=CONTENT_LICENCE.spdx,
            url=CONTENT_LICENCE.url,
            attribution=f"Keras vs TensorFlow, {site_url}" if site_url else "Keras vs TensorFlow",
        ),
        tools=[ToolOut(**{name: getattr(t, name) for name in ToolOut.__struct_fields__}) for t in site.tools],
        aspects=[
            AspectOut(
                id=a.id,
                title=a.title,
                url=url(at.aspect_page(a.id)),
                description=a.description,
                summary=dict(a.summary),
                intro=a.intro,
                verdict=a.verdict,
                points=[point(a, p) for p in a.points],
                sources=sources(a.sources),
                reviewed=a.reviewed,
                change=a.change,
                aliases=list(a.aliases),
            )
            for a in site.aspects
        ],
        topics=[TopicOut(id=t.id, title=t.title, url=url(site.topic_address(t.id))) for t in site.topics],
        questions=[question(q) for q in site.questions],
        decision=DecisionOut(
            url=url(at.aspect_page(decision.guide)),
            choose={
                tool: [ChoiceOut(reason=c.reason, evidence=[ref(e) for e in c.evidence]) for c in choices]
                for tool, choices in decision.choose.items()
            },
            scenarios=[
                ScenarioOut(
                    id=s.id,
                    url=url(at.address(at.aspect_page(decision.guide), s.id)),
                    situation=s.situation,
                    pick=s.pick,
                    tool=s.tool,
                    because=s.because,
                    evidence=[ref(e) for e in s.evidence],
                )
                for s in decision.scenarios
            ],
            sources=sources(decision.sources),
            reviewed=decision.reviewed,
            change=decision.change,
        ),
    )


def _support(value: Level | Support) -> SupportOut:
    support = value if isinstance(value, Support) else Support(level=value)
    level: Literal["yes", "partial", "no"] = (
        "partial" if support.level == "partial" else "yes" if support.level else "no"
    )
    return SupportOut(level=level, note=support.note)


def summary_rows(site: Site, site_url: str) -> list[dict[str, str]]:
    """The summary table, a row per point: where it is, each tool's cell (by tool id), and the edge."""
    rows = []
    for aspect in site.aspects:
        for p in aspect.points:
            row = {
                "aspect": aspect.id,
                "aspect_title": aspect.title,
                "point": p.id,
                "point_title": p.title,
                "url": site_url + at.url_of(at.address(at.aspect_page(aspect.id), p.id)),
            }
            row |= {t.id: p.text_of(t.id).short for t in site.tools}
            rows.append(row | {"edge": p.edge or ""})
    return rows


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""What makes a spreadsheet read a cell as a formula, as the cell's first character after any spaces
(full-width and small forms, U+FF1D for ``=``, count as these): such a cell gets a leading ``'`` in the CSV."""


def csv_cell(text: str) -> str:
    """A value as a spreadsheet shows it and never runs it (the data is written by contributors). Spaces of
    every kind (no-break, ideographic...) before the formula's sign do not hide it, nor does a compatibility
    form of the sign."""
    first = text[:1] if text[:1] in FORMULA_STARTS else text.lstrip()[:1]
    sign = unicodedata.normalize("NFKC", first).replace("\u2212", "-")  # MINUS SIGN, and what NFKC makes it
    return f"'{text}" if sign.startswith(FORMULA_STARTS) else text


def summary_columns(site: Site) -> list[str]:
    *where, edge = at.SUMMARY_CSV_COLUMNS
    return [*where, *(t.id for t in site.tools), edge]


def summary_schema(site: Site) -> dict[str, object]:
    """A JSON Schema of one CSV row, read as an object by its header (as ``csv.DictReader`` reads it)."""
    columns = summary_columns(site)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "Keras vs TensorFlow: a row of the summary table (summary.csv)",
        "description": (
            f"schema_version {SCHEMA_VERSION}. Licence: {CONTENT_LICENCE.name} ({CONTENT_LICENCE.url}). "
            "One row per compared point. Tool columns are named by tool id "
            "and hold that tool's cell; edge is a tool id, 'even', 'depends' or empty. A value that starts "
            "with =, +, -, @, a tab or a carriage return is written with a ' before it, so that no "
            "spreadsheet runs it as a formula."
        ),
        "type": "object",
        "properties": {name: {"type": "string"} for name in columns},
        "required": columns,
        "additionalProperties": False,
    }


def files(site: Site, site_url: str) -> dict[str, str]:
    """Every export file's text, by its path in the site."""
    schema = msgspec.json.schema(Comparison)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = f"Keras vs TensorFlow: the comparison (comparison.json), schema_version {SCHEMA_VERSION}"
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=summary_columns(site), lineterminator="\n")
    writer.writeheader()
    writer.writerows({key: csv_cell(value) for key, value in row.items()} for row in summary_rows(site, site_url))
    return {
        JSON_FILE: msgspec.json.encode(comparison(site, site_url)).decode("utf-8") + "\n",
        JSON_SCHEMA_FILE: json.dumps(schema, indent=2, sort_keys=True) + "\n",
        CSV_FILE: out.getvalue(),
        CSV_SCHEMA_FILE: json.dumps(summary_schema(site), indent=2) + "\n",
    }
