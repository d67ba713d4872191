"""Fixtures shared by every test: the project's data, its site built once per session, a local server."""

from __future__ import annotations

import contextlib
import fcntl
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import settings

from sitegen.build import load_site
from sitegen.model import Site
from support import project
from support.sitehost import serve


@pytest.fixture(scope="session")
def real_site() -> Site:
    """The project's own data, validated."""
    return project.real_site()


settings.register_profile("suite", deadline=None, derandomize=True)
settings.load_profile("suite")
"""Property tests try the same examples at every run, and never fail for taking long: no run passes or fails
by chance or by the machine's load. (Hypothesis then keeps no database of examples.)"""


@contextlib.contextmanager
def once_per_run(tmp_path_factory: pytest.TempPathFactory, name: str) -> Iterator[tuple[Path, bool]]:
    """A folder ``name`` shared by every worker of the test run (``make test`` runs two), held under a lock:
    yields (the folder, whether it still has to be made); the first worker makes it, the others wait."""
    base = tmp_path_factory.getbasetemp()
    shared = base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base
    folder = shared / name
    with (shared / f"{name}.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        done = folder / ".made"
        yield folder, not done.exists()
        done.touch()


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The project's own site, built with ``--strict`` into a temporary folder, once per test run. Read only."""
    with once_per_run(tmp_path_factory, "site") as (folder, to_make):
        if to_make:
            result = project.mkdocs_build(project.CONFIG, folder / "site")
            assert result.returncode == 0, result.stderr
    return folder / "site"


@pytest.fixture(scope="session")
def split_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Site, Path]:
    """A copy of the project as a larger comparison would be (:func:`support.project.build_split_site`): its
    data, validated, and its site, built with ``--strict``, once per test run. Read only."""
    with once_per_run(tmp_path_factory, "split") as (folder, to_make):
        if to_make:
            folder.mkdir(exist_ok=True)
            project.build_split_site(folder)
    return load_site(folder / "project" / "data"), folder / "site"


@pytest.fixture(scope="session")
def site_url(built_site: Path) -> Iterator[str]:
    """The built site served on 127.0.0.1 as a static host would; yields its base URL (ending in /)."""
    with serve(built_site) as url:
        yield url
