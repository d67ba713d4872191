"""Helpers for tests that run the generator on a copy of a fixture data set."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from sitegen.build import load_site
from sitegen.model import DataError, Site

FIXTURE = Path(__file__).parent / "fixtures" / "three-tools"


HOOKS = Path(__file__).resolve().parent.parent / "hooks" / "comparison.py"


def copy_fixture(tmp_path: Path) -> Path:
    """A writable copy of the three-tool project, hooks path made absolute; returns its ``data`` folder."""
    project = tmp_path / "project"
    shutil.copytree(FIXTURE, project)
    config = project / "mkdocs.yml"
    config.write_text(config.read_text().replace("../../../hooks/comparison.py", str(HOOKS)))
    return project / "data"


def problems_of(data: Path) -> list[str]:
    """Every problem the generator reports for ``data``, as its messages; fails if there are none."""
    with pytest.raises(DataError) as caught:
        load_site(data)
    return [str(problem) for problem in caught.value.problems]


def load(data: Path) -> Site:
    return load_site(data)


def edit(path: Path, old: str, new: str) -> None:
    """Replace ``old`` (which must occur) by ``new`` in a text file."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path.name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
