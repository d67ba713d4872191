"""``make bench``: build times, memory and sizes at 1x, 10x and 100x the real data; figures only, no asserts.

Per size: a project folder with the data (1x: the real data; 10x, 100x: it plus ``synth.py``'s), a copy of
``docs/`` and the real ``mkdocs.yml`` with ``hooks:`` made absolute ("hook"), and a second folder where
``sitegen export --markdown`` wrote the same pages into ``docs/`` as a person would write them, the data's
texts as Markdown for MkDocs to render, built without the hook ("plain": every generated page listed in
the nav, no FAQ JSON-LD, no readers' words in the search index). Every build is a fresh
``python -m mkdocs build -q`` process that checks every data file afresh, as every build does (nothing is
kept on disk between builds); the two kinds alternate, in turn hook-first and plain-first. A few
plain builds of the generator's own pages (sanitised HTML, ``sitegen export``) show the MkDocs time that
rendering the texts beforehand saves. 100x gets as many pairs as the time budget allows (at most 10,
at least 5). The report ends with one line per target: the figure, then "met" or "MISSED".
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

from sitegen.addresses import FAQ_PAGE, NAV_PLACEHOLDER, aspect_page, url_of
from sitegen.build import load_site
from sitegen.load import load_tree
from sitegen.model import Site
from sitegen.prose import Prose, read_setup
from sitegen.render import faq_nav, nav_entries, render_site
from sitegen.validate import validate
from support.project import BUILD_ENV, CONFIG, DATA, DOCS, ROOT, build_command, with_absolute_hook

PY = sys.executable
ENV = {**BUILD_ENV, "PYTHONPATH": os.pathsep.join(str(ROOT / folder) for folder in ("hooks", "tests"))}
SCALES = tuple(int(x) for x in os.environ.get("BENCH_SCALES", "1,10,100").split(","))  # override to try it out
PAIRS = int(os.environ.get("BENCH_PAIRS", "10"))
BUDGET_SECONDS = 600.0  # for all but the last size's pairs and extra builds: the run stays near 13 minutes
# Every build checks every data file and renders and sanitises every text, which a plain build of hand-written
# Markdown does not do (no checks, no sanitiser): the hook may cost up to 20 % at 1x and 30 % at 10x; at 100x
# its shorter navigation must still make it no slower than the plain build. Loading and validating (the
# texts already rendered) stay a small part of a build.
TARGET_RATIO = {1: 1.20, 10: 1.30, 100: 1.03}
TARGET_SHARE = {1: 0.10, 10: 0.10, 100: 0.10}  # load and validate, of a hook build
TARGET_SPEEDUP = 3.0  # load and validate at 100x after one edit under make serve (the memo), against a fresh check
TARGET_CHECK = 0.5  # seconds, make check on the real data, every run
TARGET_BYTES = 1.2  # median aspect page at 100x against 1x
VERDICTS: list[str] = []


def verdict(label: str, figure: str, met: bool) -> None:
    """Remember one target's line for the end of the report."""
    VERDICTS.append(f"  {label}: {figure}: {'met' if met else 'MISSED'}")


STARTED = time.perf_counter()
LOCAL = urllib.request.build_opener(urllib.request.ProxyHandler({}))  # 127.0.0.1 directly, whatever *_proxy says


@dataclass
class Run:
    seconds: float
    max_rss_mb: float
    returncode: int
    output: str


def run(command: list[str], cwd: Path = ROOT, env: dict[str, str] | None = None) -> Run:
    """Run a fresh process; its wall time (process start included) and peak resident memory.

    The memory comes from /usr/bin/time: this process's own rusage would not do, as a child's
    high-water mark starts at its parent's size when it forks, and the parent here holds 100x data.
    """
    with tempfile.NamedTemporaryFile("r") as rss:
        start = time.perf_counter()
        done = subprocess.run(
            ["/usr/bin/time", "-f", "%M", "-o", rss.name, *command],
            cwd=cwd,
            env={**ENV, **(env or {})},
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            text=True,
        )
        seconds = time.perf_counter() - start
        return Run(seconds, int(rss.read().split()[-1]) / 1024, done.returncode, done.stdout)


def build(project: Path, site: Path, env: dict[str, str] | None = None) -> Run:
    shutil.rmtree(site, ignore_errors=True)
    result = run(build_command(project / "mkdocs.yml", site, strict=False), project, env)
    if result.returncode != 0 or "WARNING" in result.output:
        sys.exit(f"build of {project} failed or warned:\n{result.output[-3000:]}")
    return result


# -- the projects ---------------------------------------------------------------------------------


def plain_config(real: str, aspects: list[dict[str, str]], faq: list[dict[str, str]]) -> str:
    """The real mkdocs.yml without ``hooks:``, the ``aspects/`` placeholder replaced by the aspect pages, the FAQ's
    entry by its pages if it has a page per topic."""
    text, count = re.subn(r"(?m)^hooks:\n(?:[ \t]+-.*\n)+", "", real)
    assert count == 1, "mkdocs.yml has no hooks: list"

    def expand(match: re.Match[str]) -> str:
        indent = match.group(1)
        return "\n".join(f"{indent}- {json.dumps(title)}: {path}" for entry in aspects for title, path in entry.items())

    text, count = re.subn(rf"(?m)^(\s*)- {re.escape(NAV_PLACEHOLDER)}[ \t]*(#.*)?$", expand, text)
    assert count == 1, "mkdocs.yml has no aspects/ placeholder"
    if faq:
        entries = ", ".join(f"{{{json.dumps(title)}: {path}}}" for entry in faq for title, path in entry.items())
        text, count = re.subn(rf"(?m)^(\s*- [^:\n]+): {re.escape(FAQ_PAGE)}[ \t]*$", rf"\1: [{entries}]", text)
        assert count == 1, "mkdocs.yml has no FAQ entry"
    return text


def make_project(work: Path, scale: int, synthetic: bool) -> tuple[Path, Path, Path]:
    """Folders ``hook``, ``plain`` and ``html`` (the generator's own pages, without the hook) for one size,
    the data checked with sitegen's own ``load_site``."""
    hook, plain, html = work / "hook", work / "plain", work / "html"
    if synthetic:
        synth.write_data(DATA, hook / "data", scale)
    else:
        shutil.copytree(DATA, hook / "data")
    site = load_site(hook / "data")  # raises DataError if the generated data breaks the schema
    real = CONFIG.read_text(encoding="utf-8")
    plain_text = plain_config(real, nav_entries(site), faq_nav(site))
    for project, config in ((hook, with_absolute_hook(real)), (plain, plain_text), (html, plain_text)):
        shutil.copytree(DOCS, project / "docs")
        (project / "mkdocs.yml").write_text(config, encoding="utf-8")
        (project / "hooks").symlink_to(ROOT / "hooks")  # mkdocs.yml watches hooks/ and data/: they must exist
        (project / "overrides").symlink_to(ROOT / "overrides")  # the theme's custom_dir
    for project, markdown in ((plain, ["--markdown"]), (html, [])):
        (project / "data").symlink_to(hook / "data")
        exported = run([PY, "-m", "sitegen", "export", *markdown, str(hook / "data"), str(project / "docs")])
        assert exported.returncode == 0, exported.output
    return hook, plain, html


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


IMPORT_SECONDS = (  # what the hook adds to a MkDocs process, which has already imported PyYAML
    "import time, yaml; start = time.perf_counter(); import sitegen.build; print(time.perf_counter() - start)"
)


def generator_ms(data: Path, repeats: int) -> dict[str, float]:
    """The generator's own stages in this process (ms, medians of ``repeats``; the garbage collector on):

    - ``import``: in a fresh process that has imported PyYAML, as MkDocs has;
    - ``load``, ``validate``: every file parsed, then checked, the texts already rendered, and ``fields``:
      rendering the texts the first time (once per text in a process; a build does all three);
    - ``edit``: load and validate as a live server's rebuild does them after one file changed (the memo);
    - ``render``: the pages from the validated site."""
    setup = read_setup(data.parent / "mkdocs.yml")
    imports = [float(run([PY, "-c", IMPORT_SECONDS]).output) for _ in range(repeats)]
    edited = sorted((data / "aspects").glob("*.yml"))[-1]
    original = edited.read_bytes()
    load_site(data, setup)  # the memo knows every file
    rows = []
    for index in range(repeats):
        start = time.perf_counter()
        documents, problems = load_tree(data, data.parent)
        loaded = time.perf_counter()
        prose = Prose(setup)  # a new one: nothing rendered yet
        site = validate(documents, prose)
        cold = time.perf_counter()
        validate(documents, prose)
        warm = time.perf_counter()
        assert not problems and isinstance(site, Site), "the bench's data does not validate"
        render_site(site)
        rendered = time.perf_counter()
        edited.write_bytes(original + f"\n# bench edit {index}\n".encode())
        before_edit = time.perf_counter()
        load_site(data, setup)
        after_edit = time.perf_counter()
        edited.write_bytes(original)
        load_site(data, setup)
        rows.append(
            {
                "load": loaded - start,
                "validate": warm - cold,
                "fields": (cold - loaded) - (warm - cold),
                "render": rendered - warm,
                "edit": after_edit - before_edit,
            }
        )
        del documents, site, prose
        gc.collect()
    figures = {name: statistics.median(row[name] for row in rows) * 1000 for name in rows[0]}
    return {"import": statistics.median(imports) * 1000, **figures}


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


def median_seconds(runs: list[Run]) -> float:
    return statistics.median(r.seconds for r in runs)


def aspect_page_bytes(site_dir: Path, site: Site) -> int:
    """The median size of the aspect pages' HTML."""
    return int(
        statistics.median((site_dir / url_of(aspect_page(a.id)) / "index.html").stat().st_size for a in site.aspects)
    )


def measure(scale: int, hook: Path, plain: Path, html: Path, folder: Path) -> dict[str, Any]:
    """Every figure for one size; the last size gets the pairs that the time budget leaves."""
    figures: dict[str, Any] = {"site": load_site(hook / "data"), "pairs": PAIRS}
    figures["check"] = check_seconds(hook / "data", 5 if scale < 100 else 3)
    figures["generator"] = generator_ms(hook / "data", 5 if scale < 100 else 2)
    extra = 3 if scale < 100 else 2
    if scale == SCALES[-1]:
        probe = build(hook, folder / "site-hook").seconds
        left = BUDGET_SECONDS - (time.perf_counter() - STARTED) - (extra - 1) * 2.2 * probe
        figures["pairs"] = min(PAIRS, max(5, int(left / (2.1 * probe))))
    figures["hook"], figures["plain"] = pairs(hook, plain, figures["pairs"], folder)
    figures["bytes"] = {kind: tree_bytes(folder / f"site-{kind}") for kind in ("hook", "plain")}
    figures["aspect_bytes"] = aspect_page_bytes(folder / "site-hook", figures["site"])
    figures["search"] = (folder / "site-hook" / "search" / "search_index.json").stat().st_size
    figures["html"], figures["markdown"] = pairs(html, plain, extra - 1 if scale == 100 else extra, folder)
    figures["pages"] = len(list((plain / "docs").rglob("*.md")))
    return figures


def report(scale: int, f: dict[str, Any]) -> None:
    site, hook, plain, generator = f["site"], f["hook"], f["plain"], f["generator"]
    hook_s, plain_s = median_seconds(hook), median_seconds(plain)
    ratios = [h.seconds / p.seconds for h, p in zip(hook, plain, strict=True)]
    split = "; the FAQ has a page per topic" if site.faq_split else ""
    print(
        f"\n== {scale}x: {len(site.aspects)} aspects, {sum(len(a.points) for a in site.aspects)} points, "
        f"{len(site.tools)} tools, {len(site.questions)} questions; {f['pages']} Markdown pages{split}"
    )
    print(f"  sitegen check (whole process): median {ms(f['check'][0])}  [{f['check'][1]}]")
    g = generator
    checked = g["load"] + g["validate"]
    print(
        f"  generator, in process (median): import {g['import']:.0f} ms; load {g['load']:,.0f} ms, "
        f"validate {g['validate']:,.0f} ms (= {checked:,.0f} ms); after one edit under make serve: "
        f"{g['edit']:,.0f} ms ({checked / g['edit']:.1f}x less); render {g['render']:,.0f} ms"
    )
    share = checked / (hook_s * 1000)
    saved = median_seconds(f["markdown"]) - median_seconds(f["html"])
    print(
        f"  load and validate: {share:.1%} of a hook build; rendering the "
        f"texts: {g['fields']:,.0f} ms once per text in a process, saving MkDocs {ms(saved)} a build "
        f"(plain pages as Markdown {ms(median_seconds(f['markdown']))}, as the generator's HTML "
        f"{ms(median_seconds(f['html']))}, {len(f['html'])} pairs)"
    )
    note = "" if f["pairs"] == PAIRS else f" (only {f['pairs']}: the time budget)"
    print(f"  builds, {f['pairs']} alternating pairs{note}:")
    print(f"    hook median {ms(hook_s)}, plain median {ms(plain_s)}; difference {ms(hook_s - plain_s)}")
    print(
        f"    ratio hook/plain: min {min(ratios):.3f}, median {statistics.median(ratios):.3f}, "
        f"max {max(ratios):.3f}; target median <= {TARGET_RATIO[scale]:.2f}"
    )
    print(
        f"  peak memory of a build: hook {max(r.max_rss_mb for r in hook):,.0f} MB, "
        f"plain {max(r.max_rss_mb for r in plain):,.0f} MB"
    )
    print(
        f"  site {mb(f['bytes']['hook'])} (plain {mb(f['bytes']['plain'])}), search index {mb(f['search'])}; "
        f"aspect page median {f['aspect_bytes'] / 1e3:,.1f} kB"
    )
    print(f"  all {len(hook) + len(plain) + 2 * len(f['html'])} timed builds exited 0 with no warning")
    spread = max(ratios) - min(ratios)
    gap = abs(statistics.median(ratios) - 1)  # between the hook's build and the plain one
    decided = " (pairs spread wider than the gap: the share decides)" if spread > gap else ""
    verdict(
        f"{scale}x hook/plain ratio, median of {len(ratios)} pairs{decided}",
        f"{statistics.median(ratios):.3f} (target <= {TARGET_RATIO[scale]:.2f})",
        statistics.median(ratios) <= TARGET_RATIO[scale],
    )
    verdict(
        f"{scale}x load and validate share of a build",
        f"{share:.1%} (target <= {TARGET_SHARE[scale]:.0%})",
        share <= TARGET_SHARE[scale],
    )
    if scale == 100:
        verdict(
            "100x load and validate after one edit under make serve, against a fresh check",
            f"{checked / g['edit']:.1f}x less (target >= {TARGET_SPEEDUP:.0f}x)",
            checked / g["edit"] >= TARGET_SPEEDUP,
        )


def linearity(rows: list[tuple[int, int, float, int, int]]) -> None:
    print("\nLinearity (hook builds): time per Markdown page, and k in time ~ pages^k (k = 1: linear)")
    for index, (scale, pages, seconds, size, aspect) in enumerate(rows):
        growth = ""
        if index:
            before = rows[index - 1]
            growth = f"; k = {math.log(seconds / before[2]) / math.log(pages / before[1]):.2f} from {before[0]}x"
        print(
            f"  {scale:>3}x: {pages} pages, {ms(seconds)}, {seconds / pages * 1000:.1f} ms/page, "
            f"{size / pages / 1e3:,.0f} kB of site per page, aspect page median {aspect / 1e3:,.1f} kB{growth}"
        )
    by_scale = {row[0]: row for row in rows}
    if 1 in by_scale and 100 in by_scale:
        grown = by_scale[100][4] / by_scale[1][4]
        verdict(
            "aspect page median bytes, 100x against 1x",
            f"{grown:.2f}x (target <= {TARGET_BYTES})",
            grown <= TARGET_BYTES,
        )
    if 10 in by_scale and 100 in by_scale:
        per = {scale: by_scale[scale][2] / by_scale[scale][1] * 1000 for scale in (10, 100)}
        verdict(
            "build time per page, 100x against 10x",
            f"{per[100]:.1f} against {per[10]:.1f} ms/page",
            per[100] <= per[10],
        )


def main() -> None:
    print(f"make bench: {os.cpu_count()} cores, Python {sys.version.split()[0]}, load average {os.getloadavg()[0]:.2f}")
    print("1x = the real data as it stands. 10x, 100x = the real data plus synthetic aspects and questions")
    points = sum(synth.POINTS_CYCLE) / len(synth.POINTS_CYCLE)
    print(f"(tests/bench/synth.py) up to 10 and 100 times the site's {synth.BASE_ASPECTS} aspects ({points:.1f} points")
    print(f"each on average) and {synth.BASE_QUESTIONS} questions; the real tools and topics at every size.")
    print("'plain' = the same pages as a person would write them, the data's texts as Markdown (`sitegen export")
    print("--markdown`), built without the hook: every page listed in the nav, NO FAQ JSON-LD, no readers' words.\n")

    checks = [run(["make", "-s", "check"]) for _ in range(10)]
    wall = [r.seconds for r in checks]
    print(f"make check, real data, whole command: median {ms(statistics.median(wall))}, max {ms(max(wall))}")
    print(f"  [{checks[-1].output.strip()}]")
    verdict("make check, real data", f"max {ms(max(wall))} (target <= {ms(TARGET_CHECK)})", max(wall) <= TARGET_CHECK)

    rows = []
    with tempfile.TemporaryDirectory(prefix="kvt-bench-") as tmp:
        work = Path(tmp)
        projects = {1: make_project(work / "1x", 1, synthetic=False)}
        live = serve_latency(projects[1][0], edits=5)
        print(f"\nLive rebuild at 1x (save a YAML edit -> `mkdocs serve` returns the page with it), {len(live)} edits:")
        print(f"  median {ms(statistics.median(live))}, max {ms(max(live))}")
        verdict("live rebuild at 1x", f"max {ms(max(live))} (target <= 1,500 ms)", max(live) <= 1.5)
        for scale in SCALES:
            folder = work / f"{scale}x"
            hook, plain, html = projects.get(scale) or make_project(folder, scale, synthetic=True)
            figures = measure(scale, hook, plain, html, folder)
            report(scale, figures)
            rows.append(
                (
                    scale,
                    figures["pages"],
                    median_seconds(figures["hook"]),
                    figures["bytes"]["hook"],
                    figures["aspect_bytes"],
                )
            )
    linearity(rows)
    total = time.perf_counter() - STARTED
    verdict("make bench", f"{total / 60:.1f} min (target < 15 min)", total < 900)
    print(f"\ntotal bench time {total:.0f} s; load average {os.getloadavg()[0]:.2f}")
    print("\nTargets:")
    print("\n".join(VERDICTS))


if __name__ == "__main__":
    main()
