"""Content: every aspect, point and question of the source article is present, sourced and dated."""

from __future__ import annotations

import datetime

from sitegen.model import Site, Source
from support.project import DATA

ARTICLE_ASPECTS = {
    "overview": {"what-it-is", "origins", "relationship"},
    "use-cases": {
        "nlp",
        "reinforcement-learning",
        "transfer-learning",
        "image-recognition",
        "predictive-analytics",
        "generative-models",
        "large-scale-training",
        "on-device-deployment",
    },
    "core-features": {
        "modular-building-blocks",
        "streamlined-api",
        "flexible-model-development",
        "multiple-backends",
        "hardware-acceleration",
        "community",
        "computation-engine",
        "deep-learning-development",
        "tensorboard",
        "ecosystem",
        "autograph-and-eager-execution",
        "pretrained-models",
    },
    "architecture": {
        "layers",
        "stacking-layers",
        "model-hierarchy",
        "loss-functions",
        "callbacks",
        "data-flow-graph",
        "core-library",
        "tensors",
        "sessions",
        "estimators",
    },
    "pricing-and-licensing": {"licence", "cost", "cloud-costs"},
    "learning-curve": {"prerequisites", "time-to-learn"},
    "decision-guide": {
        "project-complexity",
        "development-speed",
        "expertise-level",
        "use-case-specificity",
        "scalability-needs",
    },
}
ARTICLE_QUESTIONS = {
    "is-keras-part-of-tensorflow",
    "keras-without-tensorflow",
    "pytorch-keras-or-tensorflow",
    "what-is-keras-used-for",
    "is-keras-faster-than-tensorflow",
    "install-keras-or-tensorflow-first",
    "openai-tensorflow-or-pytorch",
    "is-keras-slower-than-tensorflow",
    "is-keras-beginner-friendly",
    "is-keras-free",
}
PLACEHOLDERS = ("TODO", "example.org", "example.com", "lorem ipsum")


def test_every_article_aspect_and_point_is_present(real_site: Site) -> None:
    found = {aspect.id: {point.id for point in aspect.points} for aspect in real_site.aspects}
    for aspect, points in ARTICLE_ASPECTS.items():
        assert aspect in found, f"aspect {aspect} is missing"
        assert points <= found[aspect], f"{aspect} lacks {sorted(points - found[aspect])}"


def test_every_article_question_and_ten_more_are_answered(real_site: Site) -> None:
    ids = {q.id for q in real_site.questions}
    assert ids >= ARTICLE_QUESTIONS, f"missing {sorted(ARTICLE_QUESTIONS - ids)}"
    assert len(ids - ARTICLE_QUESTIONS) >= 10


def test_every_tool_has_a_text_and_a_short_line_in_every_point(real_site: Site) -> None:
    for aspect in real_site.aspects:
        if aspect.id != real_site.decision.guide:  # the guide opens with its choose-if lines instead
            assert set(aspect.summary) == {tool.id for tool in real_site.tools}, aspect.id
        for point in aspect.points:
            texts = [point.text_of(tool.id) for tool in real_site.tools]
            assert point.shared or set(point.tools) == {tool.id for tool in real_site.tools}, f"{aspect.id}#{point.id}"
            assert all(entry.text.strip() and entry.short.strip() for entry in texts)


def test_every_point_opens_with_a_one_sentence_gist_and_names_an_edge(real_site: Site) -> None:
    for aspect in real_site.aspects:
        for point in aspect.points:
            where = f"{aspect.id}#{point.id}"
            assert point.gist.endswith((".", "?")) and point.gist.count(". ") == 0, f"{where}: one sentence"
            assert point.edge or point.shared, f"{where} has no edge"


def test_the_short_answer_has_three_to_five_lines_per_tool_and_eight_scenarios(real_site: Site) -> None:
    decision = real_site.decision
    assert all(3 <= len(decision.choose[tool.id]) <= 5 for tool in real_site.tools)
    assert len(decision.scenarios) >= 8
    lines = [choice.reason for choices in decision.choose.values() for choice in choices]
    assert all(len(line) <= 90 for line in lines), "choose-if lines must fit a phone's first screen"
    assert decision.guide in real_site.aspect_by_id


def _web(sources: list[Source]) -> bool:
    return any(source.url.startswith(("https://", "http://")) for source in sources)


def test_every_aspect_and_answer_has_a_web_source_and_a_review_date(real_site: Site) -> None:
    today = datetime.date(2026, 11, 24)
    for entry in [*real_site.aspects, *real_site.questions]:
        assert _web(entry.sources), f"{entry.id} has no http(s) source"
        assert datetime.date(2024, 1, 1) <= entry.reviewed <= today + datetime.timedelta(days=400), entry.id


def test_every_answer_links_to_an_aspect_section(real_site: Site) -> None:
    assert all(q.related for q in real_site.questions), [q.id for q in real_site.questions if not q.related]


def test_every_decision_factor_has_a_recommendation_and_evidence(real_site: Site) -> None:
    choosing = real_site.aspect_by_id[real_site.decision.guide]
    for point in choosing.points:
        assert point.verdict and point.evidence, point.id


def test_legacy_parts_are_labelled_as_such(real_site: Site) -> None:
    architecture = next(aspect for aspect in real_site.aspects if aspect.id == "architecture")
    titles = {point.id: point.title.lower() for point in architecture.points}
    assert "legacy" in titles["sessions"] and "removed" in titles["estimators"]


def test_no_placeholder_text_is_left(real_site: Site) -> None:
    left = [
        f"{path.relative_to(DATA)}: {placeholder}"
        for path in sorted(DATA.rglob("*.yml"))
        for placeholder in PLACEHOLDERS
        if placeholder.lower() in path.read_text(encoding="utf-8").lower()
    ]
    assert not left, f"placeholders left: {left}"
