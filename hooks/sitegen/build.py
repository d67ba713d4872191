"""The three stages joined: data folder in, pages out, with the time each stage took."""

from __future__ import annotations

import gc
import time
from dataclasses import dataclass, field
from pathlib import Path

from .load import load_tree
from .model import DataError, Site
from .render import render_site
from .validate import validate


@dataclass
class Timings:
    """Seconds spent in each stage of the last run."""

    load: float = 0.0
    validate: float = 0.0
    render: float = 0.0
    files: int = 0
    extra: dict[str, float] = field(default_factory=dict)

    def __str__(self) -> str:
        parts = [f"{name} {seconds * 1000:.1f} ms" for name, seconds in self.extra.items()]
        parts += [f"load {self.load * 1000:.1f} ms", f"validate {self.validate * 1000:.1f} ms"]
        parts += [f"render {self.render * 1000:.1f} ms", f"{self.files} files"]
        return ", ".join(parts)


def load_site(data_dir: Path, timings: Timings | None = None) -> Site:
    """Load and validate every file under ``data_dir``; raise :class:`DataError` with all problems."""
    timings = timings if timings is not None else Timings()
    start = time.perf_counter()
    documents, problems = load_tree(data_dir, data_dir.parent)
    timings.files = len(documents) + len(problems)
    middle = time.perf_counter()
    result = validate(documents)
    timings.load, timings.validate = middle - start, time.perf_counter() - middle
    if problems or not isinstance(result, Site):
        raise DataError(problems + ([] if isinstance(result, Site) else result))
    return result


def generate(data_dir: Path, timings: Timings | None = None) -> tuple[Site, dict[str, str]]:
    """The validated site and its generated pages."""
    timings = timings if timings is not None else Timings()
    collecting = gc.isenabled()
    gc.disable()  # many small, long-lived objects and no cycles: the collector would only cost time
    try:
        site = load_site(data_dir, timings)
        start = time.perf_counter()
        pages = render_site(site)
        timings.render = time.perf_counter() - start
    finally:
        if collecting:
            gc.enable()
    return site, pages
