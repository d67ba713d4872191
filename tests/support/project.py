"""The project's paths, the one way to build a site, and helpers for tests that edit a copy of the data."""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from functools import cache
from pathlib import Path

import pytest

from sitegen.build import generate, load_site, prose
from sitegen.load import Document, load_bytes
from sitegen.model import DataError, Site
from sitegen.prose import Prose, read_setup
from support import builds

ROOT = Path(__file__).resolve().parents[2]
CONFIG = ROOT / "mkdocs.yml"
DATA = ROOT / "data"
DOCS = ROOT / "docs"
HOOK = ROOT / "hooks" / "comparison.py"
FIXTURE = ROOT / "tests" / "fixtures" / "three-tools"
FIXED_EPOCH = "1764547200"
"""2025-12-01: every build made here is reproducible (``SOURCE_DATE_EPOCH``)."""
BUILD_ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": FIXED_EPOCH}
_HOOK_ENTRY = re.compile(r"(?m)^(\s*-\s*)\S*hooks/comparison\.py\s*$")


def mkdocs_arguments(config: Path, site_dir: Path, *, strict: bool = True) -> list[str]:
    """What follows ``mkdocs`` on the command line to build the project of ``config`` into ``site_dir``,
    strict unless told otherwise.

    Never ``--quiet``: MkDocs 1.6 then drops the warnings before ``--strict`` counts them, and a build
    with broken links exits 0."""
    arguments = ["build", "-f", str(config), "-d", str(site_dir)]
    return [*arguments, "--strict"] if strict else arguments


def build_command(config: Path, site_dir: Path, *, strict: bool = True) -> list[str]:
    """``python -m mkdocs`` with :func:`mkdocs_arguments`."""
    return [sys.executable, "-m", "mkdocs", *mkdocs_arguments(config, site_dir, strict=strict)]


def mkdocs_build(config: Path, site_dir: Path, *, strict: bool = True) -> subprocess.CompletedProcess[str]:
    """Run :func:`build_command` in the project's folder; return the finished process (never raises), with
    all MkDocs printed in ``stderr``. The build runs in a process forked from a warm one
    (:mod:`support.builds`): the same command line, without a new Python and its imports each time."""
    code, output = builds.run(mkdocs_arguments(config, site_dir, strict=strict), config.parent, BUILD_ENV)
    return subprocess.CompletedProcess(build_command(config, site_dir, strict=strict), code, "", output)


def build_site(site_dir: Path) -> None:
    """The project's own site, built strictly into ``site_dir``; exits with MkDocs' output on failure."""
    result = mkdocs_build(CONFIG, site_dir)
    if result.returncode != 0:
        sys.exit(f"mkdocs build failed:\n{result.stderr}")


def with_absolute_hook(config_text: str) -> str:
    """A ``mkdocs.yml`` text whose ``hooks:`` entry names this project's hook by absolute path, so that a
    copy of a project elsewhere still runs it."""
    text, count = _HOOK_ENTRY.subn(lambda match: f"{match.group(1)}{HOOK}", config_text)
    assert count == 1, "the configuration does not list hooks/comparison.py once"
    return text


PROJECT_FILES = ("Makefile", "mkdocs.yml", "requirements.txt", "requirements-dev.txt", "constraints.txt")
PROJECT_FOLDERS = ("data", "docs", "hooks", "overrides")


def copy_project(tmp_path: Path) -> Path:
    """A writable copy of this project (what ``make build`` and ``make serve`` read); returns its folder.

    File times are kept, so ``make`` finds the copy's virtual environment (``VENV=``) up to date."""
    project = tmp_path / "project"
    project.mkdir()
    for name in PROJECT_FILES:
        shutil.copy2(ROOT / name, project / name)
    for name in PROJECT_FOLDERS:
        shutil.copytree(ROOT / name, project / name, ignore=shutil.ignore_patterns("__pycache__"))
    return project


def copy_fixture(tmp_path: Path) -> Path:
    """A writable copy of the three-tool project; returns its ``data`` folder."""
    project = tmp_path / "project"
    shutil.copytree(FIXTURE, project)
    config = project / "mkdocs.yml"
    config.write_text(with_absolute_hook(config.read_text(encoding="utf-8")), encoding="utf-8")
    return project / "data"


@cache
def fixture_documents() -> tuple[Document, ...]:
    """The three-tool fixture's data files, loaded once per process (the documents are not changed by use)."""
    loaded = [load_bytes(p.read_bytes(), p.relative_to(FIXTURE).as_posix()) for p in sorted(FIXTURE.rglob("*.yml"))]
    return tuple(doc for doc in loaded if isinstance(doc, Document) and doc.file.startswith("data/"))


@cache
def real_site() -> Site:
    """The project's own data, validated (loaded once per process)."""
    return load_site(DATA)


def site_prose() -> Prose:
    """The block renderer with this project's Markdown setup (from ``mkdocs.yml``)."""
    return prose(read_setup(CONFIG))


def problems_of(data: Path) -> list[str]:
    """Every problem ``make check`` and the build report for ``data`` (and the hand-written pages beside it),
    as their messages; fails if there are none."""
    with pytest.raises(DataError) as caught:
        generate(data, data.parent / "docs")
    return [str(problem) for problem in caught.value.problems]


def edit(path: Path, old: str, new: str) -> None:
    """Replace ``old`` (which must occur) by ``new`` in a text file."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path.name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


SPLIT_QUESTIONS = 10
"""The FAQ of :func:`build_split_site` has a page per topic above this many questions."""
SPLIT_ALIAS = "an-old-question-id"
SPLIT_ASPECTS = 3
"""Its navigation lists every aspect up to this many."""


def build_split_site(tmp_path: Path) -> tuple[Path, Path]:
    """A copy of this project whose FAQ has a page per topic and whose navigation lists few aspects, as a
    larger comparison's would, and whose first question has the alias :data:`SPLIT_ALIAS`, built strictly;
    returns (its project folder, its site folder)."""
    project = copy_project(tmp_path)
    question = sorted((project / "data" / "faq").glob("*.yml"))[0]
    text = question.read_text(encoding="utf-8")
    assert "\naliases:" not in text, f"{question.name} has aliases already"
    question.write_text(text + f"aliases: [{SPLIT_ALIAS}]\n", encoding="utf-8")
    topics = project / "data" / "topics.yml"
    topics.write_text(topics.read_text(encoding="utf-8") + f"one_page_up_to: {SPLIT_QUESTIONS}\n", encoding="utf-8")
    config = project / "mkdocs.yml"
    text, count = re.subn(
        r"(?m)^  aspects_in_nav: \d+", f"  aspects_in_nav: {SPLIT_ASPECTS}", config.read_text("utf-8")
    )
    assert count == 1, "mkdocs.yml sets no extra.aspects_in_nav"
    config.write_text(text, encoding="utf-8")
    site_dir = tmp_path / "site"
    result = mkdocs_build(config, site_dir)
    assert result.returncode == 0, result.stderr
    return project, site_dir


class _Planted:
    """Unpickling this creates a folder: the proof that a pickle was loaded."""

    def __init__(self, proof: Path) -> None:
        self.proof = proof

    def __reduce__(self) -> tuple[object, tuple[str]]:
        return (os.mkdir, (str(self.proof),))


def forged_pickle(proof: Path) -> bytes:
    """What a forged cache file would hold: a pickle that creates the folder ``proof`` if anything loads it."""
    return pickle.dumps(_Planted(proof))


PLANTED = """

_news = news


def news(site, *args, **kwargs):  # planted by a test: a fault that a marked aspect title sets off
    if any("planted fault" in aspect.title for aspect in site.aspects):
        raise OverflowError("date value out of range")
    return _news(site, *args, **kwargs)
"""
"""Added to a copy's ``hooks/sitegen/news.py``: an error no check foresees, for builds run in a process of their
own (the tests' own process imports the project's generator)."""


@contextlib.contextmanager
def planted_fault(project: Path) -> Iterator[None]:
    """:data:`PLANTED` in the copy of a project at ``project`` while the block runs."""
    news_module = project / "hooks" / "sitegen" / "news.py"
    before = news_module.read_text(encoding="utf-8")
    news_module.write_text(before + PLANTED, encoding="utf-8")
    try:
        yield
    finally:
        news_module.write_text(before, encoding="utf-8")


def digest(folder: Path) -> dict[str, str]:
    """The SHA-256 of every file under ``folder``, by path: two equal digests are byte-identical trees."""
    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }
