"""The cache of checked files: a changed file is always checked afresh, a damaged cache is ignored, and a
build from the cache gives the very site a build without it gives."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from sitegen import build, cache
from sitegen.model import DataError
from support.project import DATA, ROOT

PROJECT = ROOT / "tests" / "fixtures" / "three-tools"


@pytest.fixture
def data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the three-tools project's data and settings, with no cache yet in memory or on disk."""
    shutil.copytree(PROJECT / "data", tmp_path / "data")
    shutil.copy(PROJECT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    monkeypatch.delenv(cache.SWITCH, raising=False)
    monkeypatch.setattr(cache, "_memos", {})
    return tmp_path / "data"


def cache_file(data: Path) -> Path:
    return data.parent / cache.FOLDER / cache.FILE


def new_process(monkeypatch: pytest.MonkeyPatch) -> None:
    """Forget what this process remembers, as the next build would start: the disk is all there is."""
    monkeypatch.setattr(cache, "_memos", {})


def no_parsing(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Record every file parsed from here on."""
    parsed: list[str] = []
    real = build.load_bytes

    def spy(raw: bytes, name: str):  # type: ignore[no-untyped-def]
        parsed.append(name)
        return real(raw, name)

    monkeypatch.setattr(build, "load_bytes", spy)
    return parsed


def test_a_build_from_the_cache_is_the_build_without_it(data: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fresh = build.load_site(data)
    assert cache_file(data).is_file()
    new_process(monkeypatch)
    parsed = no_parsing(monkeypatch)
    assert build.load_site(data) == fresh
    assert parsed == []  # nothing changed: nothing parsed or checked again


def test_the_real_data_from_the_cache_is_the_real_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shutil.copytree(DATA, tmp_path / "data")
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    monkeypatch.setattr(cache, "_memos", {})
    fresh = build.load_site(tmp_path / "data")
    new_process(monkeypatch)
    assert build.load_site(tmp_path / "data") == fresh


@pytest.mark.parametrize("in_memory", [True, False], ids=["same-process", "next-process"])
def test_a_changed_file_is_checked_again_and_only_it(
    data: Path, monkeypatch: pytest.MonkeyPatch, in_memory: bool
) -> None:
    build.load_site(data)
    if not in_memory:
        new_process(monkeypatch)
    tool = next((data / "tools").glob("*.yml"))
    text = tool.read_text(encoding="utf-8")
    tool.write_text(text.replace("name: ", "name: Renamed ", 1), encoding="utf-8")
    parsed = no_parsing(monkeypatch)
    site = build.load_site(data)
    assert parsed == [tool.relative_to(data.parent).as_posix()]
    assert any(t.name.startswith("Renamed ") for t in site.tools)


def test_a_file_that_changes_back_is_read_as_it_is_now(data: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    tool = next((data / "tools").glob("*.yml"))
    text = tool.read_text(encoding="utf-8")
    first = build.load_site(data)
    tool.write_text(text.replace("name: ", "name: Renamed ", 1), encoding="utf-8")
    build.load_site(data)
    tool.write_text(text, encoding="utf-8")
    assert build.load_site(data) == first


def test_problems_are_reported_from_the_cache_too(data: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    tool = next((data / "tools").glob("*.yml"))
    tool.write_text(tool.read_text(encoding="utf-8") + "colour: blue\n", encoding="utf-8")
    with pytest.raises(DataError) as first:
        build.load_site(data)
    new_process(monkeypatch)
    with pytest.raises(DataError) as again:
        build.load_site(data)
    assert str(again.value) == str(first.value)
    assert "colour" in str(again.value)


def test_a_deleted_file_leaves_the_cache(data: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    question = next((data / "faq").glob("*.yml"))
    build.load_site(data)
    question.unlink()
    site = build.load_site(data)
    assert question.stem not in {q.id for q in site.questions}
    new_process(monkeypatch)
    assert build.load_site(data) == site


DAMAGE = {
    "empty": lambda blob: b"",
    "garbage": lambda blob: b"\x80\x04not a cache at all",
    "truncated": lambda blob: blob[: len(blob) // 2],
    "one byte flipped": lambda blob: blob[:-10] + bytes([blob[-10] ^ 0xFF]) + blob[-9:],
    "older format": lambda blob: blob.replace(b"cache 1\n", b"cache 0\n", 1),
    "other code": lambda blob: blob.replace(blob.split(b"\n")[1][:8], b"00000000", 1),
}


@pytest.mark.parametrize("damage", DAMAGE.values(), ids=DAMAGE.keys())
def test_a_damaged_cache_is_ignored_and_replaced(data: Path, monkeypatch: pytest.MonkeyPatch, damage) -> None:  # type: ignore[no-untyped-def]
    fresh = build.load_site(data)
    path = cache_file(data)
    path.write_bytes(damage(path.read_bytes()))
    new_process(monkeypatch)
    parsed = no_parsing(monkeypatch)
    assert build.load_site(data) == fresh
    assert len(parsed) == len(list(data.rglob("*.yml")))  # every file checked afresh
    new_process(monkeypatch)
    assert cache.memo(data, build.read_setup(data.parent / "mkdocs.yml")).entries  # rewritten whole


def test_an_entry_that_does_not_unpickle_is_checked_afresh(data: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fresh = build.load_site(data)
    new_process(monkeypatch)
    known = cache.memo(data, build.read_setup(data.parent / "mkdocs.yml"))
    name = next(iter(known.entries))
    known.entries[name] = (known.entries[name][0], b"\x80\x05broken")
    parsed = no_parsing(monkeypatch)
    assert build.load_site(data) == fresh
    assert parsed == [name]


def test_another_markdown_setup_does_not_use_the_cache(data: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    setup = build.read_setup(data.parent / "mkdocs.yml")
    build.load_site(data, setup)
    other = build.MarkdownSetup(setup.extensions[:3])
    parsed = no_parsing(monkeypatch)
    build.load_site(data, other)
    assert len(parsed) == len(list(data.rglob("*.yml")))


def test_switched_off_it_writes_nothing(data: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(cache.SWITCH, "off")
    build.load_site(data)
    assert not (data.parent / ".cache").exists()


def test_a_cache_that_cannot_be_written_does_not_stop_the_build(data: Path) -> None:
    (data.parent / ".cache").write_text("a file where the cache's folder would be", encoding="utf-8")
    assert build.load_site(data).tools
    assert not list(data.parent.glob(".cache/**/*"))
