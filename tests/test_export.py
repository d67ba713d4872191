"""The published data: the JSON and the CSV validate against their published schemas and hold exactly what
the data says, and hostile cells reach a spreadsheet as text."""

from __future__ import annotations

import csv
import dataclasses
import io
import json
from pathlib import Path

import jsonschema
import msgspec
import pytest

from sitegen import addresses as at
from sitegen import export
from sitegen.model import Site, ToolText

SITE_URL = "https://example.org/kvt/"


def published(site: Path, path: str) -> str:
    return (site / path).read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def comparison(built_site: Path) -> dict[str, object]:
    return json.loads(published(built_site, export.JSON_FILE))


def test_the_json_validates_against_its_published_schema(built_site: Path, comparison: dict[str, object]) -> None:
    schema = json.loads(published(built_site, export.JSON_SCHEMA_FILE))
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.validate(comparison, schema, cls=jsonschema.Draft202012Validator)
    assert comparison["schema_version"] == export.SCHEMA_VERSION


def test_the_schema_refuses_what_is_not_the_comparison(built_site: Path, comparison: dict[str, object]) -> None:
    schema = json.loads(published(built_site, export.JSON_SCHEMA_FILE))
    for broken in ({**comparison, "schema_version": 2}, {**comparison, "extra": 1}, {"schema_version": 1}):
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate(broken, schema, cls=jsonschema.Draft202012Validator)


def test_the_json_round_trips_against_the_data(comparison: dict[str, object], real_site: Site) -> None:
    site_url = str(comparison["site"])
    assert [t["id"] for t in comparison["tools"]] == [t.id for t in real_site.tools]  # type: ignore[attr-defined]
    assert [t["version"] for t in comparison["tools"]] == [t.version for t in real_site.tools]  # type: ignore[attr-defined]
    assert [t["package"] for t in comparison["tools"]] == [t.package for t in real_site.tools]  # type: ignore[attr-defined]
    aspects = comparison["aspects"]
    assert [a["id"] for a in aspects] == [a.id for a in real_site.aspects]  # type: ignore[attr-defined]
    for out, aspect in zip(aspects, real_site.aspects, strict=True):  # type: ignore[call-overload]
        assert out["url"] == site_url + at.url_of(at.aspect_page(aspect.id))
        assert out["reviewed"] == aspect.reviewed.isoformat()
        assert out["verdict"] == aspect.verdict and out["summary"] == aspect.summary
        assert [s["url"] for s in out["sources"]] == [s.url for s in aspect.sources]
        for point_out, point in zip(out["points"], aspect.points, strict=True):
            assert point_out["id"] == point.id and point_out["gist"] == point.gist and point_out["edge"] == point.edge
            assert point_out["url"] == site_url + at.url_of(at.address(at.aspect_page(aspect.id), point.id))
            assert point_out["shared"] == (point.shared is not None)
            for tool in real_site.tools:
                text = point.text_of(tool.id)
                assert point_out["tools"][tool.id]["text"] == text.text
                assert point_out["tools"][tool.id]["short"] == text.short
                assert point_out["tools"][tool.id]["url"].endswith(f"#{at.tool_anchor(point.id, tool.id)}")
            assert len(point_out["support"]) == len(point.support)
            for row_out, row in zip(point_out["support"], point.support, strict=True):
                for tool_id, value in row.tools.items():
                    level = getattr(value, "level", value)
                    assert row_out["tools"][tool_id]["level"] == {True: "yes", False: "no"}.get(level, "partial")
            assert point_out["keywords"] == point.keywords
            assert point_out["reviewed"] == aspect.reviewed_of(point).isoformat()
    questions = comparison["questions"]
    assert [q["id"] for q in questions] == [q.id for q in real_site.questions]  # type: ignore[attr-defined]
    for out, question in zip(questions, real_site.questions, strict=True):  # type: ignore[call-overload]
        assert out["answer"] == question.answer and out["question"] == question.question
        assert out["url"] == site_url + at.url_of(at.address(at.FAQ_PAGE, question.id))
        assert out["reviewed"] == question.reviewed.isoformat()
    decision = comparison["decision"]
    assert [s["id"] for s in decision["scenarios"]] == [s.id for s in real_site.decision.scenarios]  # type: ignore[index]


def test_every_exported_address_is_a_section_of_the_site(built_site: Path, comparison: dict[str, object]) -> None:
    site_url = str(comparison["site"])
    text = json.dumps(comparison)
    urls = {value for value in _strings(comparison) if value.startswith(site_url)}
    assert len(urls) > 100, text[:200]
    for url in urls:
        page, _, anchor = url.removeprefix(site_url).partition("#")
        html = (built_site / page / "index.html").read_text(encoding="utf-8")
        assert not anchor or f'id="{anchor}"' in html, url


def _strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for item in value.values() for s in _strings(item)]
    if isinstance(value, list):
        return [s for item in value for s in _strings(item)]
    return []


def test_the_csv_is_the_summary_table_and_fits_its_schema(built_site: Path, real_site: Site) -> None:
    rows = list(csv.DictReader(io.StringIO(published(built_site, export.CSV_FILE))))
    schema = json.loads(published(built_site, export.CSV_SCHEMA_FILE))
    for row in rows:
        jsonschema.validate(row, schema, cls=jsonschema.Draft202012Validator)
    points = [(a, p) for a in real_site.aspects for p in a.points]
    assert [(r["aspect"], r["point"]) for r in rows] == [(a.id, p.id) for a, p in points]
    for row, (_aspect, point) in zip(rows, points, strict=True):
        assert row["point_title"] == point.title and row["edge"] == (point.edge or "")
        for tool in real_site.tools:
            assert row[tool.id] == export.csv_cell(point.text_of(tool.id).short)


def test_a_cell_a_spreadsheet_would_run_is_written_as_text(real_site: Site) -> None:
    aspect = real_site.aspects[0]
    hostile = ToolText(short='=HYPERLINK("https://evil.example","x")', text="Some text.")
    bad_point = msgspec.structs.replace(aspect.points[0], shared=hostile, tools={})
    bad_aspect = msgspec.structs.replace(aspect, points=[bad_point, *aspect.points[1:]])
    site = dataclasses.replace(real_site, aspects=(bad_aspect, *real_site.aspects[1:]))
    rows = list(csv.DictReader(io.StringIO(export.files(site, SITE_URL)[export.CSV_FILE])))
    assert rows[0][real_site.tools[0].id] == "'" + hostile.short
    assert all(not value.startswith(export.FORMULA_STARTS) for row in rows for value in row.values())
    assert json.loads(export.files(site, SITE_URL)[export.JSON_FILE])["aspects"][0]["points"][0]["shared"] is True
