"""``make versions``: each tool's reviewed version against its newest release on PyPI.

The one part of the project that needs the network; ``make test`` never runs it. Comparing is pure
(:func:`compare`); only :func:`newest_on_pypi` asks PyPI."""

from __future__ import annotations

import json
import urllib.request
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from packaging.version import InvalidVersion, Version

from .model import Tool

PYPI_JSON = "https://pypi.org/pypi/{package}/json"
"""PyPI's JSON API: ``info.version`` is a project's newest release that is not a pre-release."""


@dataclass(frozen=True)
class Standing:
    """One tool: the version its facts were reviewed against, and the newest on PyPI."""

    tool: str
    package: str
    reviewed: str
    newest: str
    behind: bool

    def __str__(self) -> str:
        state = f"behind: PyPI has {self.newest}" if self.behind else "up to date"
        return f"{self.tool} ({self.package}): reviewed against {self.reviewed}, {state}"


def newest_on_pypi(package: str, timeout: float = 20) -> str:
    """The newest release of ``package`` on PyPI (an ``OSError`` when PyPI cannot be reached)."""
    with urllib.request.urlopen(PYPI_JSON.format(package=package), timeout=timeout) as response:
        return str(json.load(response)["info"]["version"])


def compare(tools: Iterable[Tool], newest: Callable[[str], str]) -> list[Standing]:
    """Each tool that names its PyPI package, compared with what ``newest`` says of that package."""
    standings = []
    for tool in tools:
        if tool.package is None:
            continue
        latest = newest(tool.package)
        standings.append(Standing(tool.id, tool.package, tool.version, latest, _older(tool.version, latest)))
    return standings


def _older(reviewed: str, newest: str) -> bool:
    """Whether ``reviewed`` comes before ``newest``; versions that do not parse count as behind when they
    differ, since someone should look."""
    try:
        return Version(reviewed) < Version(newest)
    except InvalidVersion:
        return reviewed != newest


def report(standings: list[Standing], missing: list[str]) -> str:
    """What ``make versions`` prints: every tool's standing, then the tools that name no package."""
    lines = [str(standing) for standing in standings]
    lines += [f"{tool}: no 'package' in its data file, so not compared" for tool in missing]
    behind = sum(standing.behind for standing in standings)
    lines.append(
        f"{behind} of {len(standings)} behind: re-check their facts, then update 'version'"
        if behind
        else f"all {len(standings)} up to date"
    )
    return "\n".join(lines)
