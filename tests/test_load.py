"""Loading: YAML bytes become plain values with positions, or one clear problem naming file and line."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from sitegen import load
from sitegen.build import load_site
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
    assert "anchors (&name) and aliases (*name) are not allowed" in message


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


@pytest.mark.parametrize(
    ("raw", "line", "column"),
    [(b"a: " + b"[" * 60_000, 1, 19), (b"a: " + b"{a: " * 60_000, 1, 64), (b"- " * 100_000 + b"x", 1, 33)],
    ids=["flow-sequences", "flow-mappings", "block-sequences"],
)
def test_nesting_is_refused_at_the_limit_before_anything_recurses(raw: bytes, line: int, column: int) -> None:
    # 60,000 nested brackets once crashed the process inside libyaml's composer
    assert problem(raw) == f"data/aspects/x.yml:{line}:{column}: nested deeper than 16 levels"


def test_nesting_at_the_limit_is_read() -> None:
    doc = load_bytes(b"a: " + b"[" * 15 + b"x" + b"]" * 15 + b"\n", "data/x.yml")
    assert isinstance(doc, Document)


@pytest.mark.parametrize(
    ("char", "name"),
    [
        ("\x00", "U+0000 (a control character)"),
        ("\x1b", "U+001B (a control character)"),
        ("\u202e", "U+202E (RIGHT-TO-LEFT OVERRIDE)"),
        ("\u2066", "U+2066 (LEFT-TO-RIGHT ISOLATE)"),
        ("\u200b", "U+200B (ZERO WIDTH SPACE)"),
    ],
)
def test_invisible_characters_in_text_name_line_and_column(char: str, name: str) -> None:
    raw = f'id: a\ntitle: "safe {char}javascript"\n'.encode()
    assert problem(raw) == f"data/aspects/x.yml:2:14: invisible character {name} is not allowed; delete it"


def test_tabs_and_line_breaks_in_text_are_allowed() -> None:
    doc = load_bytes(b'id: a\ntext: "one\\ttwo"\nmore: |\n  line\r\n  next\n', "data/x.yml")
    assert isinstance(doc, Document)


def test_anchor_without_alias_is_refused_too() -> None:
    assert problem(b"id: &x a\n") == (
        "data/aspects/x.yml:1:5: anchors (&name) and aliases (*name) are not allowed; write the value out"
    )


def test_two_documents_in_one_file_are_refused() -> None:
    assert problem(b"id: a\n---\nid: b\n") == (
        "data/aspects/x.yml:2:1: the file holds more than one YAML document (---); keep one"
    )


def test_keys_must_be_text() -> None:
    assert problem(b"id: a\n1: b\n") == "data/aspects/x.yml:2:1: keys must be text, got 1"
    assert problem(b"id: a\n? [b]\n: c\n").startswith("data/aspects/x.yml:2:3: keys must be text")


# -- the file system ----------------------------------------------------------------------------------------


def test_folders_links_and_pipes_named_like_data_are_reported_not_read(tmp_path: Path) -> None:
    data = copy_fixture(tmp_path)
    (data / "faq" / "folder.yml").mkdir()
    (data / "faq" / "dangling.yml").symlink_to(tmp_path / "nowhere.yml")
    outside = tmp_path / "outside.yml"
    outside.write_text("id: outside\n", encoding="utf-8")
    (data / "faq" / "outside.yml").symlink_to(outside)
    (data / "linked").symlink_to(tmp_path, target_is_directory=True)
    os.mkfifo(data / "faq" / "pipe.yml")  # reading it would wait for ever
    (data / "faq" / "old.yaml").write_text("id: old\n", encoding="utf-8")
    link = "is a symbolic link; data/ holds regular files only (copy the file here instead)"
    not_yml = "only .yml files belong under data/; rename it (data files end in exactly .yml) or move it"
    assert problems_of(data) == [
        f"data/faq/dangling.yml: {link}",
        "data/faq/folder.yml: is a folder; a data file must be a regular file",
        f"data/faq/old.yaml: {not_yml}",
        f"data/faq/outside.yml: {link}",
        "data/faq/pipe.yml: is not a regular file (a pipe, socket or device); it is not read",
        f"data/linked: {link}",
    ]


@pytest.mark.parametrize("name", [".#what-is-alpha.yml", "what-is-alpha.yml~", ".what-is-alpha.yml.swp", "#x.yml#"])
def test_hidden_and_editor_files_are_skipped(tmp_path: Path, name: str) -> None:
    data = copy_fixture(tmp_path)
    (data / "faq" / name).write_bytes(b"\x00 not yaml at all [[[")
    load_site(data)  # no problem: the file is not read


def test_a_file_that_vanishes_before_it_is_read_is_a_problem_not_a_traceback(tmp_path: Path) -> None:
    assert str(load.load_file(tmp_path / "gone.yml", "data/faq/gone.yml")) == (
        "data/faq/gone.yml: cannot be read: No such file or directory"
    )


@pytest.mark.parametrize("name", ["x.YML", "x.yml ", "notes.txt", "faq-as-a-file"])
def test_files_not_named_exactly_like_data_are_reported_not_skipped(tmp_path: Path, name: str) -> None:
    data = copy_fixture(tmp_path)
    (data / name).write_text("id: x\n", encoding="utf-8")
    message = "only .yml files belong under data/; rename it (data files end in exactly .yml) or move it"
    assert problems_of(data) == [f"data/{name}: {message}"]


def test_a_folder_of_records_replaced_by_a_file_is_reported(tmp_path: Path) -> None:
    data = copy_fixture(tmp_path)
    shutil.rmtree(data / "faq")
    (data / "faq").write_text("", encoding="utf-8")
    assert "data/faq: only .yml files belong under data/" in problems_of(data)[0]


@pytest.mark.parametrize(
    ("escape", "name"),
    [
        ("\\u202e", "U+202E (RIGHT-TO-LEFT OVERRIDE)"),
        ("\\0", "U+0000 (a control character)"),
        ("\\e", "U+001B (a control character)"),
        ("\\r", "U+000D (a control character)"),
        ("\\u2028", "U+2028 (LINE SEPARATOR)"),
    ],
)
def test_invisible_characters_written_as_yaml_escapes_are_refused(escape: str, name: str) -> None:
    assert problem(f'id: a\ntitle: "safe {escape} text"\n'.encode()) == (
        f"data/aspects/x.yml:2:8: the value holds invisible character {name} (an escape?); delete it"
    )
    assert "invisible character" in problem(f'id: a\n"key{escape}": 1\n'.encode())


def test_a_file_name_with_an_invisible_character_is_shown_escaped(tmp_path: Path) -> None:
    data = copy_fixture(tmp_path)
    (data / "faq" / "\x1b[2Jx.yml").write_text("id: x\n", encoding="utf-8")
    assert problems_of(data) == [
        "data/faq/\\x1b[2Jx.yml: the file name holds an invisible character or is not UTF-8; rename it"
    ]
