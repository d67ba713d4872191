"""``make bench``: build times, memory and sizes at 1x, 10x and 100x the real data; figures only, no asserts.

Per size: a project folder with the data (1x: the real data; 10x, 100x: it plus ``synth.py``'s), a copy of
``docs/`` and the real ``mkdocs.yml`` with ``hooks:`` made absolute ("hook"), and a second folder where
``sitegen export`` wrote the same pages into ``docs/``, built without the hook ("plain": aspects listed
in the nav, no FAQ JSON-LD). Every build is a fresh ``python -m mkdocs build -q`` process; the two
kinds alternate, in turn hook-first and plain-first. 100x gets as many pairs as the ten-minute budget
allows (at most 10, at least 3).
"""

from __future__ import annotations

import gc
import json
import math
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import synth

from sitegen.addresses import NAV_PLACEHOLDER, aspect_page, url_of
from sitegen.build import load_site
from sitegen.load import load_tree
from sitegen.model import Site
from sitegen.prose import Prose, read_setup
from sitegen.render import nav_entries, render_site
from sitegen.validate import validate
from support.project import BUILD_ENV, CONFIG, DATA, DOCS, ROOT, build_command, with_absolute_hook

PY = sys.executable
ENV = {**BUILD_ENV, "PYTHONPATH": os.pathsep.join(str(ROOT / folder) for folder in ("hooks", "tests"))}
SCALES = tuple(int(x) for x in os.environ.get("BENCH_SCALES", "1,10,100").split(","))  # override to try it out
PAIRS = int(os.environ.get("BENCH_PAIRS", "10"))
BUDGET_SECONDS = 570.0  # the whole run, leaving headroom under ten minutes
TARGET_RATIO = {1: 1.05, 10: 1.03, 100: 1.03}
STARTED = time.perf_counter()
LOCAL = urllib.request.build_opener(urllib.request.ProxyHandler({}))  # 127.0.0.1 directly, whatever *_proxy says


@dataclass
class Run:
    seconds: float
    max_rss_mb: float
    returncode: int
    output: str


def run(command: list[str], cwd: Path = ROOT) -> Run:
    """Run a fresh process; its wall time (process start included) and peak resident memory.

    The memory comes from /usr/bin/time: this process's own rusage would not do, as a child's
    high-water mark starts at its parent's size when it forks, and the parent here holds 100x data.
    """
    with tempfile.NamedTemporaryFile("r") as rss:
        start = time.perf_counter()
        done = subprocess.run(
            ["/usr/bin/time", "-f", "%M", "-o", rss.name, *command],
            cwd=cwd,
            env=ENV,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            text=True,
        )
        seconds = time.perf_counter() - start
        return Run(seconds, int(rss.read().split()[-1]) / 1024, done.returncode, done.stdout)


def build(project: Path, site: Path) -> Run:
    shutil.rmtree(site, ignore_errors=True)
    result = run(build_command(project / "mkdocs.yml", site, strict=False), project)
    if result.returncode != 0 or "WARNING" in result.output:
        sys.exit(f"build of {project} failed or warned:\n{result.output[-3000:]}")
    return result


# -- the projects ---------------------------------------------------------------------------------


def plain_config(real: str, aspects: list[dict[str, str]]) -> str:
    """The real mkdocs.yml without ``hooks:``, the ``aspects/`` placeholder replaced by the aspect pages."""
    text, count = re.subn(r"(?m)^hooks:\n(?:[ \t]+-.*\n)+", "", real)
    assert count == 1, "mkdocs.yml has no hooks: list"

    def expand(match: re.Match[str]) -> str:
        indent = match.group(1)
        return "\n".join(f"{indent}- {json.dumps(title)}: {path}" for entry in aspects for title, path in entry.items())

    text, count = re.subn(rf"(?m)^(\s*)- {re.escape(NAV_PLACEHOLDER)}[ \t]*(#.*)?$", expand, text)
    assert count == 1, "mkdocs.yml has no aspects/ placeholder"
    return text


def make_project(work: Path, scale: int, synthetic: bool) -> tuple[Path, Path]:
    """Folders ``hook`` and ``plain`` for one size, the data checked with sitegen's own ``load_site``."""
    hook, plain = work / "hook", work / "plain"
    if synthetic:
        synth.write_data(DATA, hook / "data", scale)
    else:
        shutil.copytree(DATA, hook / "data")
    site = load_site(hook / "data")  # raises DataError if the generated data breaks the schema
    real = CONFIG.read_text(encoding="utf-8")
    for project, config in ((hook, with_absolute_hook(real)), (plain, plain_config(real, nav_entries(site)))):
        shutil.copytree(DOCS, project / "docs")
        (project / "mkdocs.yml").write_text(config, encoding="utf-8")
        (project / "hooks").symlink_to(ROOT / "hooks")  # mkdocs.yml watches hooks/ and data/: they must exist
        (project / "overrides").symlink_to(ROOT / "overrides")  # the theme's custom_dir
    (plain / "data").symlink_to(hook / "data")
    exported = run([PY, "-m", "sitegen", "export", str(hook / "data"), str(plain / "docs")])
    assert exported.returncode == 0, exported.output
    return hook, plain


# -- measurements ---------------------------------------------------------------------------------


def pairs(hook: Path, plain: Path, count: int, work: Path) -> tuple[list[Run], list[Run]]:
    hooked: list[Run] = []
    plained: list[Run] = []
    for index in range(count):
        order = [(hook, hooked), (plain, plained)]
        for project, runs in order if index % 2 == 0 else order[::-1]:
            runs.append(build(project, work / f"site-{project.name}"))
    return hooked, plained


def check_seconds(data: Path, repeats: int) -> tuple[float, str]:
    runs = [run([PY, "-m", "sitegen", "check", str(data)]) for _ in range(repeats)]
    assert all(r.returncode == 0 for r in runs), runs[0].output
    return statistics.median(r.seconds for r in runs), runs[-1].output.strip()


def export_seconds(data: Path, out: Path, repeats: int) -> float:
    runs = [run([PY, "-m", "sitegen", "export", str(data), str(out / str(i))]) for i in range(repeats)]
    assert all(r.returncode == 0 for r in runs), runs[0].output
    return statistics.median(r.seconds for r in runs)


IMPORT_SECONDS = (  # what the hook adds to a MkDocs process, which has already imported PyYAML
    "import time, yaml; start = time.perf_counter(); import sitegen.build; print(time.perf_counter() - start)"
)


def generator_ms(data: Path, repeats: int) -> list[float]:
    """import, load, validate, render (ms), each the median of ``repeats``: the import in a fresh process,
    the stages called here one after the other, as the hook calls them (the garbage collector on)."""
    imports = [float(run([PY, "-c", IMPORT_SECONDS]).output) for _ in range(repeats)]
    stages = []
    for _ in range(repeats):
        start = time.perf_counter()
        documents, problems = load_tree(data, data.parent)
        loaded = time.perf_counter()
        site = validate(documents, Prose(read_setup(data.parent / "mkdocs.yml")))  # a new one: no cache
        validated = time.perf_counter()
        assert not problems and isinstance(site, Site), "the bench's data does not validate"
        render_site(site)
        stages.append([loaded - start, validated - loaded, time.perf_counter() - validated])
        del documents, site
        gc.collect()
    medians = [statistics.median(imports), *(statistics.median(column) for column in zip(*stages, strict=True))]
    return [seconds * 1000 for seconds in medians]


def tree_bytes(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file())


def serve_latency(hook: Path, edits: int) -> list[float]:
    """Seconds from saving an edited point text to ``mkdocs serve`` returning the page with it."""
    port = free_port()
    command = [PY, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}", "-f", str(hook / "mkdocs.yml")]
    server = subprocess.Popen(command, cwd=hook, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    site = load_site(hook / "data")
    aspect = site.aspects[0]
    path = hook / "data" / "aspects" / f"{aspect.id}.yml"
    line = aspect.points[0].tools[site.tools[0].id].text.splitlines()[0]
    url = f"http://127.0.0.1:{port}/{url_of(aspect_page(aspect.id))}"
    original = path.read_text(encoding="utf-8")
    try:
        fetch(url, "", timeout=60)  # ready: the first build is done
        assert original.count(line) == 1, f"cannot find the text to edit in {path.name}"
        latencies = []
        for index in range(edits):
            token = f"benchedit{index}x{os.getpid()}"
            path.write_text(original.replace(line, f"{line} {token}"), encoding="utf-8")
            start = time.perf_counter()
            fetch(url, token, timeout=30)
            latencies.append(time.perf_counter() - start)
            time.sleep(0.5)
        return latencies
    finally:
        path.write_text(original, encoding="utf-8")
        server.terminate()
        server.wait(timeout=10)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str, needle: str, timeout: float) -> None:
    """Poll ``url`` every 10 ms until it answers 200 with ``needle`` in the body."""
    deadline = time.perf_counter() + timeout
    while time.perf_counter() < deadline:
        try:
            with LOCAL.open(url, timeout=5) as response:
                if needle in response.read().decode("utf-8"):
                    return
        except OSError:
            pass
        time.sleep(0.01)
    raise TimeoutError(f"{url} did not show {needle!r} within {timeout} s")


# -- report ---------------------------------------------------------------------------------------


def ms(seconds: float) -> str:
    return f"{seconds * 1000:,.0f} ms"


def mb(size: int) -> str:
    return f"{size / 1e6:,.1f} MB"


def measure(scale: int, hook: Path, plain: Path, folder: Path) -> dict[str, Any]:
    """Every figure for one size; the last size gets the pairs that the time budget leaves."""
    figures: dict[str, Any] = {"site": load_site(hook / "data"), "pairs": PAIRS}
    figures["check"] = check_seconds(hook / "data", 5 if scale < 100 else 3)
    figures["export"] = export_seconds(hook / "data", folder / "export", 3 if scale < 100 else 1)
    figures["generator"] = generator_ms(hook / "data", 5 if scale < 100 else 3)
    if scale == SCALES[-1]:
        probe = build(hook, folder / "site-hook").seconds
        left = BUDGET_SECONDS - (time.perf_counter() - STARTED)
        figures["pairs"] = min(PAIRS, max(3, int(left / (2.1 * probe))))
    figures["hook"], figures["plain"] = pairs(hook, plain, figures["pairs"], folder)
    figures["pages"] = len(list((plain / "docs").rglob("*.md")))
    figures["bytes"] = {kind: tree_bytes(folder / f"site-{kind}") for kind in ("hook", "plain")}
    figures["search"] = (folder / "site-hook" / "search" / "search_index.json").stat().st_size
    return figures


def report(scale: int, f: dict[str, Any]) -> None:
    site, hook, plain, generator = f["site"], f["hook"], f["plain"], f["generator"]
    hook_s, plain_s = statistics.median(r.seconds for r in hook), statistics.median(r.seconds for r in plain)
    ratios = [h.seconds / p.seconds for h, p in zip(hook, plain, strict=True)]
    print(
        f"\n== {scale}x: {len(site.aspects)} aspects, {sum(len(a.points) for a in site.aspects)} points, "
        f"{len(site.tools)} tools, {len(site.questions)} questions; {f['pages']} Markdown pages"
    )
    print(f"  sitegen check (whole process): median {ms(f['check'][0])}  [{f['check'][1]}]")
    print(
        f"  generator stages (median): import {generator[0]:.0f} ms, load {generator[1]:.0f} ms, "
        f"validate {generator[2]:.0f} ms, render {generator[3]:.0f} ms; total {sum(generator):,.0f} ms"
    )
    note = "" if f["pairs"] == PAIRS else f" (only {f['pairs']}: the ten-minute budget)"
    print(f"  builds, {f['pairs']} alternating pairs{note}:")
    print(f"    hook median {ms(hook_s)}, plain median {ms(plain_s)}; difference {ms(hook_s - plain_s)}")
    verdict = "met" if statistics.median(ratios) <= TARGET_RATIO[scale] else "MISSED"
    print(
        f"    ratio hook/plain: min {min(ratios):.3f}, median {statistics.median(ratios):.3f}, "
        f"max {max(ratios):.3f}; target median <= {TARGET_RATIO[scale]:.2f}: {verdict}"
    )
    print(
        f"    for reference: `sitegen export` takes {ms(f['export'])} (whole process), "
        f"hook / (export + plain) = {hook_s / (f['export'] + plain_s):.2f}"
    )
    print(
        f"  peak memory of a build: hook {max(r.max_rss_mb for r in hook):,.0f} MB, "
        f"plain {max(r.max_rss_mb for r in plain):,.0f} MB"
    )
    print(f"  site {mb(f['bytes']['hook'])} (plain {mb(f['bytes']['plain'])}), search index {mb(f['search'])}")
    print(f"  all {len(hook) + len(plain)} timed builds exited 0 with no warning")


def linearity(rows: list[tuple[int, int, float, int]]) -> None:
    print("\nLinearity (hook builds): time per Markdown page, and k in time ~ pages^k (k = 1: linear)")
    for index, (scale, pages, seconds, size) in enumerate(rows):
        growth = ""
        if index:
            before = rows[index - 1]
            growth = f"; k = {math.log(seconds / before[2]) / math.log(pages / before[1]):.2f} from {before[0]}x"
        print(
            f"  {scale:>3}x: {pages} pages, {ms(seconds)}, {seconds / pages * 1000:.1f} ms/page, "
            f"{size / pages / 1e3:,.0f} kB of site per page{growth}"
        )


def main() -> None:
    print(f"make bench: {os.cpu_count()} cores, Python {sys.version.split()[0]}, load average {os.getloadavg()[0]:.2f}")
    print("1x = the real data as it stands. 10x, 100x = the real data plus synthetic aspects and questions")
    points = sum(synth.POINTS_CYCLE) / len(synth.POINTS_CYCLE)
    print(f"(tests/bench/synth.py) up to 10 and 100 times the site's {synth.BASE_ASPECTS} aspects ({points:.1f} points")
    print(f"each on average) and {synth.BASE_QUESTIONS} questions; the real tools and topics at every size.")
    print("'plain' = the same pages written by `sitegen export`, built without the hook: aspects listed in")
    print("the nav, and NO FAQ JSON-LD (on_post_page is the hook's).\n")

    checks = [run(["make", "-s", "check"]) for _ in range(10)]
    wall = [r.seconds for r in checks]
    print(f"make check, real data, whole command: median {ms(statistics.median(wall))}, max {ms(max(wall))}")
    print(f"  target < 300 ms: {'met' if max(wall) < 0.3 else 'MISSED'}  [{checks[-1].output.strip()}]")

    rows = []
    with tempfile.TemporaryDirectory(prefix="kvt-bench-") as tmp:
        work = Path(tmp)
        projects = {1: make_project(work / "1x", 1, synthetic=False)}
        live = serve_latency(projects[1][0], edits=5)
        print(f"\nLive rebuild at 1x (save a YAML edit -> `mkdocs serve` returns the page with it), {len(live)} edits:")
        verdict = "met" if max(live) <= 1.5 else "MISSED"
        print(f"  median {ms(statistics.median(live))}, max {ms(max(live))}; target <= 1,500 ms: {verdict}")
        for scale in SCALES:
            folder = work / f"{scale}x"
            hook, plain = projects.get(scale) or make_project(folder, scale, synthetic=True)
            figures = measure(scale, hook, plain, folder)
            report(scale, figures)
            rows.append(
                (
                    scale,
                    figures["pages"],
                    statistics.median(r.seconds for r in figures["hook"]),
                    figures["bytes"]["hook"],
                )
            )
    linearity(rows)
    print(f"\ntotal bench time {time.perf_counter() - STARTED:.0f} s; load average {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
