"""Fixtures shared by every test: the project's data, its site built once per session, a local server."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from sitegen.build import load_site
from sitegen.model import Site
from support import project
from support.sitehost import serve


@pytest.fixture(scope="session")
def real_site() -> Site:
    """The project's own data, validated."""
    return project.real_site()


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The project's own site, built with ``--strict`` into a temporary folder."""
    site_dir = tmp_path_factory.mktemp("site")
    result = project.mkdocs_build(project.CONFIG, site_dir)
    assert result.returncode == 0, result.stderr
    return site_dir


@pytest.fixture(scope="session")
def split_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Site, Path]:
    """A copy of the project as a larger comparison would be (:func:`support.project.build_split_site`): its
    data, validated, and its site, built with ``--strict``."""
    project_dir, site_dir = project.build_split_site(tmp_path_factory.mktemp("split"))
    return load_site(project_dir / "data"), site_dir


@pytest.fixture(scope="session")
def site_url(built_site: Path) -> Iterator[str]:
    """The built site served on 127.0.0.1 as a static host would; yields its base URL (ending in /)."""
    with serve(built_site) as url:
        yield url
