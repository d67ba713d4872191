"""Loading: YAML bytes become plain values with positions, or one clear problem naming file and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitegen import load
from sitegen.load import Document, load_bytes
from sitegen.model import Problem
from support.project import copy_fixture, problems_of


def problem(raw: bytes) -> str:
    result = load_bytes(raw, "data/aspects/x.yml")
    assert isinstance(result, Problem), f"expected a problem, got {result}"
    return str(result)


def test_values_keep_the_line_and_column_of_each_field() -> None:
    doc = load_bytes(b"id: a\npoints:\n  - id: b\n    title: B\n", "data/aspects/a.yml")
    assert isinstance(doc, Document)
    assert doc.data == {"id": "a", "points": [{"id": "b", "title": "B"}]}
    assert doc.positions[("points", 0, "title")] == (4, 5)
    assert doc.where(("points", 0, "missing", 3)) == (3, 5)


def test_dates_numbers_and_booleans_are_plain_values() -> None:
    doc = load_bytes(b"reviewed: 2026-11-24\norder: 10\nflag: true\n", "data/x.yml")
    assert isinstance(doc, Document)
    assert str(doc.data["reviewed"]) == "2026-11-24" and doc.data["order"] == 10 and doc.data["flag"] is True


def test_yaml_syntax_error_names_the_line() -> None:
    message = problem(b"id: a\ntitle: [unclosed\nother: 1\n")
    assert message.startswith("data/aspects/x.yml:3:")
    assert "YAML syntax error" in message and "started on line 2" in message


def test_tab_indentation_is_named_as_such() -> None:
    assert problem(b"id: a\npoints:\n\t- id: b\n") == (
        "data/aspects/x.yml:3:1: tab character used for indentation; indent with spaces"
    )


def test_duplicate_key_is_an_error_not_a_silent_overwrite() -> None:
    assert problem(b"id: a\ntitle: one\ntitle: two\n") == (
        "data/aspects/x.yml:3:1: duplicate key 'title' (first given on line 2)"
    )


def test_duplicate_key_in_a_nested_mapping() -> None:
    assert problem(b"id: a\nsummary:\n  keras: x\n  keras: y\n").startswith("data/aspects/x.yml:4:3: duplicate key")


def test_empty_file() -> None:
    assert problem(b"") == "data/aspects/x.yml:1:1: file is empty; it should hold a mapping of fields"
    assert "file is empty" in problem(b"# only a comment\n")


def test_non_utf8_bytes_name_line_and_byte() -> None:
    assert problem(b"id: a\ntitle: caf\xe9\n") == (
        "data/aspects/x.yml:2:11: not valid UTF-8 (byte 0xe9); save the file as UTF-8"
    )


def test_byte_order_mark() -> None:
    assert problem(b"\xef\xbb\xbfid: a\n") == (
        "data/aspects/x.yml:1:1: file starts with a byte-order mark; save it as UTF-8 without BOM"
    )


def test_alias_bomb_fails_fast_without_expanding() -> None:
    levels = [b'a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for level in range(1, 10):
        refs = ", ".join(f"*a{level - 1}" for _ in range(9)).encode()
        levels.append(f"a{level}: &a{level} [".encode() + refs + b"]")
    message = problem(b"\n".join(levels) + b"\n")  # 9**10 strings if expanded
    assert message.startswith("data/aspects/x.yml:1:")
    assert "anchors and aliases" in message


def test_custom_tags_are_refused() -> None:
    assert "tag:yaml.org,2002:python/object/apply:os.system is not allowed" in problem(
        b"id: !!python/object/apply:os.system [ls]\n"
    )


def test_top_level_must_be_a_mapping() -> None:
    assert problem(b"- a\n- b\n") == "data/aspects/x.yml:1:1: the file should hold a mapping of fields (key: value)"


def test_invalid_calendar_date_names_the_line() -> None:
    assert problem(b"id: a\nreviewed: 2026-02-30\n") == (
        "data/aspects/x.yml:2:11: cannot read '2026-02-30': day is out of range for month"
    )


def test_oversized_file_is_refused_before_parsing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    data = copy_fixture(tmp_path)
    big = data / "faq" / "what-is-alpha.yml"
    big.write_bytes(big.read_bytes() + b"#" * load.MAX_BYTES)
    messages = problems_of(data)
    assert messages == [f"data/faq/what-is-alpha.yml: file is {big.stat().st_size:,} bytes; the limit is 262,144"]


def test_deep_nesting_is_refused() -> None:
    assert "nested deeper than" in problem(b"a: " + b"[" * 40 + b"]" * 40 + b"\n")
