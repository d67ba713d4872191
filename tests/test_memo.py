"""The memo of checked files: a live server's rebuild checks only what changed, gives the very site a fresh
build gives, and nothing of it ever touches the disk (a checkout could carry a forged cache)."""

from __future__ import annotations

import ast
import shutil
from pathlib import Path

import pytest

from sitegen import build, memo
from sitegen.model import DataError
from support.project import DATA, ROOT, forged_pickle

PROJECT = ROOT / "tests" / "fixtures" / "three-tools"


@pytest.fixture
def data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the three-tools project's data and settings, with nothing checked yet in this process."""
    shutil.copytree(PROJECT / "data", tmp_path / "data")
    shutil.copy(PROJECT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    monkeypatch.setattr(memo, "_memos", {})
    return tmp_path / "data"


def parsing(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Record every file parsed from here on."""
    parsed: list[str] = []
    real = build.load_bytes

    def spy(raw: bytes, name: str):  # type: ignore[no-untyped-def]
        parsed.append(name)
        return real(raw, name)

    monkeypatch.setattr(build, "load_bytes", spy)
    return parsed


def test_a_rebuild_with_nothing_changed_parses_nothing_and_gives_the_same_site(
    data: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fresh = build.load_site(data)
    parsed = parsing(monkeypatch)
    assert build.load_site(data) == fresh
    assert parsed == []


def test_the_real_data_from_the_memo_is_the_real_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shutil.copytree(DATA, tmp_path / "data")
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    monkeypatch.setattr(memo, "_memos", {})
    fresh = build.load_site(tmp_path / "data")
    assert build.load_site(tmp_path / "data") == fresh


def test_a_changed_file_is_checked_again_and_only_it(data: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    build.load_site(data)
    tool = next((data / "tools").glob("*.yml"))
    text = tool.read_text(encoding="utf-8")
    tool.write_text(text.replace("name: ", "name: Renamed ", 1), encoding="utf-8")
    parsed = parsing(monkeypatch)
    site = build.load_site(data)
    assert parsed == [tool.relative_to(data.parent).as_posix()]
    assert any(t.name.startswith("Renamed ") for t in site.tools)


def test_a_file_that_changes_back_is_read_as_it_is_now(data: Path) -> None:
    tool = next((data / "tools").glob("*.yml"))
    text = tool.read_text(encoding="utf-8")
    first = build.load_site(data)
    tool.write_text(text.replace("name: ", "name: Renamed ", 1), encoding="utf-8")
    build.load_site(data)
    tool.write_text(text, encoding="utf-8")
    assert build.load_site(data) == first


def test_problems_are_reported_from_the_memo_too(data: Path) -> None:
    tool = next((data / "tools").glob("*.yml"))
    tool.write_text(tool.read_text(encoding="utf-8") + "colour: blue\n", encoding="utf-8")
    with pytest.raises(DataError) as first:
        build.load_site(data)
    with pytest.raises(DataError) as again:
        build.load_site(data)
    assert str(again.value) == str(first.value)
    assert "colour" in str(again.value)


def test_a_deleted_file_leaves_the_memo(data: Path) -> None:
    question = next((data / "faq").glob("*.yml"))
    build.load_site(data)
    question.unlink()
    site = build.load_site(data)
    assert question.stem not in {q.id for q in site.questions}
    assert not any(
        name.endswith(question.name) for name in memo.memo(data, build.read_setup(data.parent / "mkdocs.yml")).entries
    )


def test_another_markdown_setup_does_not_use_the_memo(data: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    setup = build.read_setup(data.parent / "mkdocs.yml")
    build.load_site(data, setup)
    other = build.MarkdownSetup(setup.extensions[:3])
    parsed = parsing(monkeypatch)
    build.load_site(data, other)
    assert len(parsed) == len(list(data.rglob("*.yml")))


def test_a_new_process_checks_every_file(data: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    build.load_site(data)
    monkeypatch.setattr(memo, "_memos", {})  # as a new process starts
    parsed = parsing(monkeypatch)
    build.load_site(data)
    assert len(parsed) == len(list(data.rglob("*.yml")))


# -- nothing a checkout carries is read -----------------------------------------------------------------------


def test_a_cache_planted_in_the_project_is_never_read_nor_written(data: Path, tmp_path: Path) -> None:
    proof = tmp_path / "unpickled"
    planted = data.parent / ".cache" / "sitegen"
    planted.mkdir(parents=True)
    for name in ("checked.pickle", "cache.pickle", "memo.pickle"):
        (planted / name).write_bytes(b"sitegen checked-files cache 1\n" + forged_pickle(proof))
    before = {path: path.stat().st_mtime_ns for path in planted.iterdir()}
    site = build.load_site(data)
    assert not proof.exists()
    assert {path: path.stat().st_mtime_ns for path in planted.iterdir()} == before
    memo._memos.clear()  # as a new process starts
    assert build.load_site(data) == site


def test_a_cache_folder_that_links_outside_the_project_is_never_used(data: Path, tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    (outside / "sitegen").mkdir(parents=True)
    (outside / "sitegen" / "checked.pickle").write_bytes(forged_pickle(tmp_path / "unpickled"))
    (data.parent / ".cache").symlink_to(outside, target_is_directory=True)
    build.load_site(data)
    assert not (tmp_path / "unpickled").exists()
    assert sorted(p.relative_to(outside).as_posix() for p in outside.rglob("*")) == [
        "sitegen",
        "sitegen/checked.pickle",
    ]


def _imports(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            found.add(node.module.split(".")[0])
    return found


@pytest.mark.parametrize("path", sorted((ROOT / "hooks").rglob("*.py")), ids=lambda p: p.relative_to(ROOT).as_posix())
def test_no_code_of_the_site_loads_objects_from_files(path: Path) -> None:
    # pickle, marshal and shelve run code or build code objects as they load: a file a checkout carries
    # must never reach them
    assert not _imports(path) & {"pickle", "marshal", "shelve", "dill", "cloudpickle", "joblib"}
