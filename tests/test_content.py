"""Content: every aspect, point and question of the source article is present, sourced and dated."""

from __future__ import annotations

import datetime
import re
from urllib.parse import urlsplit

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


def test_a_point_that_one_tool_leads_or_that_depends_says_why_with_a_source_of_its_own(real_site: Site) -> None:
    """The rule on the About page: an edge other than even has a recommendation giving the reason, and the
    point lists a source behind it (not only its aspect's)."""
    unexplained = [
        f"{aspect.id}#{point.id} ({point.edge})"
        for aspect in real_site.aspects
        for point in aspect.points
        if point.edge not in (None, "even") and not (point.verdict and point.sources)
    ]
    assert not unexplained, unexplained


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


# -- the content review of November 2026 -------------------------------------------------------------

QUESTIONS_2026 = {
    "is-tensorflow-still-maintained",
    "keras-on-apple-silicon",
    "which-python-version",
    "quantize-keras-model",
    "keras-for-llm-fine-tuning",
    "export-keras-to-onnx",
    "is-tf-keras-deprecated",
    "jax-or-pytorch-backend",
}
"""Questions readers deciding in 2026 ask, which the first version of the site did not answer."""

PRIMARY_HOSTS = {
    "keras.io",
    "github.com",
    "pypi.org",
    "www.tensorflow.org",
    "www.npmjs.com",
    "cloud.google.com",
    "docs.cloud.google.com",
    "ai.google.dev",
    "developers.google.com",
    "developers.googleblog.com",
    "research.google",
    "openai.com",
    "pytorch.org",
    "docs.pytorch.org",
    "docs.jax.dev",
    "www.apache.org",
    "aws.amazon.com",
    "docs.aws.amazon.com",
}
"""The projects', vendors' and standards bodies' own sites. A source elsewhere is secondary coverage."""

STALE = {
    "github.com/topics/": "GitHub topic pages are editorial summaries, not a project's own record",
    "cloud.google.com/tpu/docs/supported-patches": "a legacy page; TPU software versions are at /tpu/docs/runtimes",
}
"""Sources the audit of November 2026 found weak or legacy, which must not come back."""


def _texts(site: Site) -> dict[str, tuple[list[Source], str]]:
    """Each point's and question's sources, with all of its text that a reader sees."""
    found = {}
    for aspect in site.aspects:
        for point in aspect.points:
            texts = [point.gist, point.verdict or "", *(point.text_of(tool.id).text for tool in site.tools)]
            found[f"{aspect.id}#{point.id}"] = (point.sources, "\n".join(texts))
    for question in site.questions:
        found[f"faq#{question.id}"] = (question.sources, question.answer)
    return found


def test_the_questions_of_2026_are_answered(real_site: Site) -> None:
    ids = {question.id for question in real_site.questions}
    assert ids >= QUESTIONS_2026, f"missing {sorted(QUESTIONS_2026 - ids)}"


def test_secondary_sources_are_said_to_be_reports(real_site: Site) -> None:
    """A claim resting on secondary coverage says so in its text ("it was reported that...")."""
    unlabelled = []
    for where, (sources, text) in _texts(real_site).items():
        secondary = [s.url for s in sources if urlsplit(s.url).hostname not in PRIMARY_HOSTS]
        if secondary and "reported" not in text.lower():
            unlabelled.append(f"{where}: {secondary}")
    assert not unlabelled, unlabelled


def test_no_weak_or_legacy_source_is_cited() -> None:
    cited = [
        f"{path.relative_to(DATA)}: {why}"
        for path in sorted(DATA.rglob("*.yml"))
        for address, why in STALE.items()
        if address in path.read_text(encoding="utf-8")
    ]
    assert not cited, cited


def test_keras_distribution_is_not_said_to_come_to_jax_first(real_site: Site) -> None:
    """In Keras 3.15 the distribution API works on JAX only; "JAX first" suggested the other backends had it."""
    wrong = re.compile(r"(for|on) (the )?JAX( backend)? first|JAX[- ]first", re.IGNORECASE)
    said = [where for where, (_, text) in _texts(real_site).items() if wrong.search(text)]
    assert not said, said
