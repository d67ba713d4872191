"""Fuzzing: whatever bytes or YAML an author writes, the generator returns a site or its own error."""

from __future__ import annotations

import string
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sitegen.build import load_site
from sitegen.load import Document, load_bytes
from sitegen.model import DataError, Problem, Site
from sitegen.validate import validate
from support.project import fixture_documents, site_prose

KEYS = [
    "id",
    "title",
    "order",
    "description",
    "summary",
    "points",
    "tools",
    "short",
    "text",
    "sources",
    "url",
    "reviewed",
    "aliases",
    "alpha",
    "beta",
    "question",
    "topic",
    "answer",
    "related",
    "verdict",
    "evidence",
]
scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=False),
    st.dates(),
    st.text(max_size=30),
    st.sampled_from(["basics", "basics#speed", "https://example.org/", "<b>x</b>", "[x](javascript:y)", "a\nb"]),
)
values = st.recursive(
    scalars,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.sampled_from(KEYS), children, max_size=6),
    max_leaves=25,
)
documents = st.dictionaries(st.sampled_from(KEYS), values, min_size=0, max_size=10)
FILES = ["data/aspects/basics.yml", "data/faq/what-is-alpha.yml", "data/tools/alpha.yml", "data/topics.yml"]
SETTINGS = settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(raw=st.binary(max_size=300))
def test_any_bytes_give_a_document_or_a_problem(raw: bytes) -> None:
    assert isinstance(load_bytes(raw, "data/aspects/x.yml"), Document | Problem)


@SETTINGS
@given(text=st.text(alphabet=string.printable + "é&*!|>-[]{}:#'\"\t", max_size=200))
def test_any_text_gives_a_document_or_a_problem(text: str) -> None:
    result = load_bytes(text.encode(), "data/aspects/x.yml")
    assert isinstance(result, Document | Problem)
    if isinstance(result, Problem):
        assert result.file == "data/aspects/x.yml" and result.message


@SETTINGS
@given(target=st.sampled_from(FILES), document=documents)
def test_generated_yaml_in_place_of_a_real_file_gives_a_site_or_problems(target: str, document: dict) -> None:
    raw = yaml.safe_dump(document, allow_unicode=True).encode()
    replaced = load_bytes(raw, target)
    assert isinstance(replaced, Document | Problem)
    if isinstance(replaced, Problem):
        return
    others = [doc for doc in fixture_documents() if doc.file != target]
    result = validate([*others, replaced], site_prose())
    if isinstance(result, list):
        assert result and all(isinstance(p, Problem) and p.file.startswith("data/") for p in result)
    else:
        assert isinstance(result, Site)


@SETTINGS
@given(document=documents)
def test_the_whole_pipeline_only_raises_its_own_error(tmp_path_factory, document: dict) -> None:
    data = tmp_path_factory.mktemp("fuzz") / "data"
    (data / "aspects").mkdir(parents=True)
    (data / "aspects" / "x.yml").write_text(yaml.safe_dump(document), encoding="utf-8")
    try:
        load_site(Path(data))
    except DataError as err:
        assert err.problems
