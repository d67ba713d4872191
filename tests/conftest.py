"""Shared fixtures: the real site built once per test session, and a local server for it."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from sitehost import serve

ROOT = Path(__file__).resolve().parent.parent
FIXED_EPOCH = "1764547200"  # 2025-12-01, so that builds are reproducible


def mkdocs_build(config: Path, site_dir: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    """Run a real ``mkdocs build --strict``; return the finished process (never raises)."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": FIXED_EPOCH}
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", str(config), "-d", str(site_dir)]
    return subprocess.run([*command, *extra], capture_output=True, text=True, env=env, cwd=config.parent)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The project's own site, built with ``--strict`` into a temporary folder."""
    site_dir = tmp_path_factory.mktemp("site")
    result = mkdocs_build(ROOT / "mkdocs.yml", site_dir)
    assert result.returncode == 0, result.stderr
    return site_dir


@pytest.fixture(scope="session")
def site_url(built_site: Path) -> Iterator[str]:
    """The built site served on 127.0.0.1 as a static host would; yields its base URL (ending in /)."""
    with serve(built_site) as url:
        yield url
