"""Profile one hook build at 10x with cProfile: the top costs overall, then everything of ours.

Run: ``PYTHONPATH=hooks:tests .venv/bin/python tests/bench/profile_build.py [scale]``. Builds the same
project as ``bench.py`` (real data plus synthetic records, real ``mkdocs.yml`` with the hook made absolute).
"""

from __future__ import annotations

import pstats
import sys
import tempfile
from pathlib import Path

from bench import build, make_project, run

from support.project import ROOT, mkdocs_arguments

PY = sys.executable


def main(scale: int) -> None:
    with tempfile.TemporaryDirectory(prefix="kvt-profile-") as tmp:
        hook, _, _ = make_project(Path(tmp), scale, synthetic=scale > 1)
        build(hook, Path(tmp) / "warm")  # the operating system's file cache warmed, as for the bench's builds
        out = Path(tmp) / "build.prof"
        mkdocs = mkdocs_arguments(hook / "mkdocs.yml", Path(tmp) / "site", strict=False)
        result = run([PY, "-m", "cProfile", "-o", str(out), "-m", "mkdocs", *mkdocs])
        assert result.returncode == 0, result.output
        stats = pstats.Stats(str(out))
        total = stats.total_tt  # type: ignore[attr-defined]  # pstats.Stats has it, its type stubs do not
        print(f"{scale}x hook build under cProfile: {total:.2f} s of profiled time\n")
        print("Top 25 by cumulative time:")
        stats.sort_stats("cumulative").print_stats(25)
        print("Top 25 by own time:")
        stats.sort_stats("tottime").print_stats(25)
        print(f"Ours (hooks/), by cumulative time (share of {total:.2f} s):")
        ours = [
            (cumulative, own, calls, f"{Path(file).relative_to(ROOT / 'hooks')}:{line}({name})")
            for (file, line, name), (_, calls, own, cumulative, _) in stats.stats.items()  # type: ignore[attr-defined]  # as total_tt
            if file.startswith(str(ROOT / "hooks"))
        ]
        for cumulative, own, calls, where in sorted(ours, reverse=True)[:25]:
            share = f"{cumulative * 1000:8.1f} ms cum ({cumulative / total:5.1%})"
            print(f"  {share} {own * 1000:8.1f} ms own {calls:>8} calls  {where}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 10)
