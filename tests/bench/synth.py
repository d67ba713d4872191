"""Synthetic comparison data at N times the real site's finished size, for the benchmark.

The finished real data is 7 aspects of 3-13 points (7 on average), 2 tools, 5 FAQ topics and
27 questions. ``write_data(real, out, scale)`` copies the real data (so that the links of ``docs/`` to
real aspects still resolve) and adds synthetic aspects and questions up to ``scale`` times those counts
(tools and topics are the real ones), with texts about as long as finished real ones: Markdown with
code, emphasis and links, verdicts, evidence links, sources and aliases. Seeded: a scale always gives
the same files.
"""

from __future__ import annotations

import datetime
import random
import shutil
import textwrap
from pathlib import Path
from typing import Any

import yaml

BASE_ASPECTS = 7
BASE_QUESTIONS = 27
POINTS_CYCLE = (3, 4, 5, 11, 13)  # points per aspect, in turn: 7.2 on average, as in the real data
REVIEWED = datetime.date(2026, 11, 24)
VOCABULARY = (
    "model layer graph tensor backend compiler runtime kernel batch gradient optimizer checkpoint export "
    "serving device cluster pipeline dataset metric callback loss training inference quantization memory "
    "accelerator eager function trace shape dtype precision schedule replica shard estimator package"
)
WORDS = VOCABULARY.split()


class _Dumper(yaml.SafeDumper):
    """Writes no anchors or aliases (the loader rightly refuses them), and texts as ``|`` blocks."""

    def ignore_aliases(self, data: Any) -> bool:
        return True

    def represent_str(self, data: str) -> yaml.ScalarNode:
        return self.represent_scalar("tag:yaml.org,2002:str", data, style="|" if "\n" in data else None)


_Dumper.add_representer(str, _Dumper.represent_str)


def _sentence(rng: random.Random, words: int) -> str:
    picked = [rng.choice(WORDS) for _ in range(words)]
    picked[rng.randrange(words)] = f"`{rng.choice(WORDS)}.{rng.choice(WORDS)}()`"
    picked[rng.randrange(words)] = f"**{rng.choice(WORDS)}**"
    return " ".join(picked).capitalize() + "."


def _paragraph(rng: random.Random, sentences: int) -> str:
    text = " ".join(_sentence(rng, rng.randint(8, 12)) for _ in range(sentences))
    word = rng.choice(WORDS)
    return textwrap.fill(f"{text} See [the {word} guide](https://example.org/docs/{word}/).", 88) + "\n"


def _line(rng: random.Random, words: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(words)).capitalize()


def _sources(rng: random.Random, count: int) -> list[dict[str, str]]:
    return [
        {"title": f"{_line(rng, 4)} (docs)", "url": f"https://example.org/{rng.randrange(10**6)}/"}
        for _ in range(count)
    ]


def aspect_id(index: int) -> str:
    return f"aspect-{index:04d}"


def _point(rng: random.Random, aspect: int, index: int, tools: list[str], plan: list[int]) -> dict[str, Any]:
    point: dict[str, Any] = {"id": f"point-{index:02d}", "title": _line(rng, rng.randint(2, 5))}
    if rng.random() < 0.05:
        point["aliases"] = [f"old-point-{index:02d}"]
    point["gist"] = _sentence(rng, rng.randint(12, 20))
    point["edge"] = rng.choice([*tools, "even", "depends"])
    if rng.random() < 0.1:  # as the licence points: one text for every tool
        point["edge"] = "even"
        point["shared"] = {"short": _line(rng, rng.randint(2, 5))[:60], "text": _paragraph(rng, rng.randint(2, 3))}
    else:
        point["tools"] = {
            tool: {"short": _line(rng, rng.randint(2, 5))[:60], "text": _paragraph(rng, rng.randint(2, 3))}
            for tool in tools
        }
    if rng.random() < 0.1:
        levels: list[Any] = [True, False, "partial", {"level": "partial", "note": _line(rng, 4)}]
        point["support"] = [
            {"label": _line(rng, 3), "tools": {tool: rng.choice(levels) for tool in tools}} for _ in range(3)
        ]
    if rng.random() < 0.35:
        point["verdict"] = _paragraph(rng, 1)
    if rng.random() < 0.25:
        other = rng.randrange(len(plan))
        point["evidence"] = [f"{aspect_id(other)}#point-{rng.randrange(plan[other]):02d}"]
    point["sources"] = _sources(rng, rng.randint(1, 2))
    return point


def _aspect(rng: random.Random, index: int, tools: list[str], plan: list[int]) -> dict[str, Any]:
    aspect: dict[str, Any] = {"id": aspect_id(index), "title": f"{_line(rng, 3)} {index}", "order": 1000 + index}
    aspect["description"] = _line(rng, rng.randint(10, 16)) + "."
    aspect["summary"] = {tool: _line(rng, rng.randint(8, 14)) + "." for tool in tools}
    if index % 2 == 0:
        aspect["intro"] = _paragraph(rng, 3)
    aspect["points"] = [_point(rng, index, i, tools, plan) for i in range(plan[index])]
    if index % 2 == 1:
        aspect["verdict"] = _paragraph(rng, 2)
    aspect["sources"] = _sources(rng, rng.randint(2, 3))
    aspect["reviewed"] = REVIEWED
    if index % 10 == 3:
        aspect["aliases"] = [f"old-aspect-{index:04d}"]
    return aspect


def _question(rng: random.Random, index: int, topics: list[str], plan: list[int]) -> dict[str, Any]:
    related = []
    for _ in range(rng.randint(1, 2)):
        aspect = rng.randrange(len(plan))
        related.append(
            aspect_id(aspect) if rng.random() < 0.3 else f"{aspect_id(aspect)}#point-{rng.randrange(plan[aspect]):02d}"
        )
    return {
        "id": f"question-{index:05d}",
        "question": f"{_line(rng, rng.randint(5, 10))} {index}?",
        "topic": topics[index % len(topics)],
        "order": index,
        "answer": _paragraph(rng, rng.randint(2, 4)),
        "related": sorted(set(related)),
        "sources": _sources(rng, 1),
        "reviewed": REVIEWED,
    }


def _dump(path: Path, schema: str, record: dict[str, Any]) -> None:
    text = yaml.dump(record, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100)
    path.write_text(f"# yaml-language-server: $schema=../../schema/{schema}.schema.json\n{text}", encoding="utf-8")


def write_data(real: Path, out: Path, scale: int) -> None:
    """Write ``scale`` times the finished real data into ``out`` (a ``data`` folder)."""
    rng = random.Random(scale)
    shutil.copytree(real, out)
    tools = [path.stem for path in sorted((out / "tools").glob("*.yml"))]
    topics = [topic["id"] for topic in yaml.safe_load((out / "topics.yml").read_text())["topics"]]
    aspects = BASE_ASPECTS * scale - len(list((out / "aspects").glob("*.yml")))
    plan = [POINTS_CYCLE[i % len(POINTS_CYCLE)] for i in range(max(aspects, 1))]
    for index in range(aspects):
        _dump(out / "aspects" / f"{aspect_id(index)}.yml", "aspect", _aspect(rng, index, tools, plan))
    for index in range(BASE_QUESTIONS * scale - len(list((out / "faq").glob("*.yml")))):
        _dump(out / "faq" / f"question-{index:05d}.yml", "question", _question(rng, index, topics, plan))
