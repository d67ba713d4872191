"""Lighthouse scores per page type, against budgets: ``make lighthouse``.

Builds the site, serves it on 127.0.0.1 as a static host would (gzip for text), and runs Lighthouse
(the version pinned in package.json beside this file, installed with ``npm ci`` on first use) with its
default mobile settings on each page type, in Debian's Chromium. In the same run, round after round, it
measures a stock Material page: a project with nothing but Material's defaults (no Google Fonts, as this
site) and one page holding the about page's text. Prints the four category scores per page and the stock
page's performance, ends with one line per target ("met" or "MISSED"), and exits non-zero when one is
missed. The targets: performance >= 98 on every page type and never below the stock page; accessibility,
best practices and SEO at 100, except SEO on the 404 page, whose status-code audit fails by design.

    PYTHONPATH=hooks:tests .venv/bin/python tests/quality/lighthouse.py [--runs N] [--keep DIR]

``--runs N`` runs each page N times (default 3) and keeps the median score of each category; ``--keep DIR``
keeps the JSON reports.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from support.project import BUILD_ENV, DOCS, build_site
from support.sitehost import CHROMIUM, CHROMIUM_ARGS, PAGE_TYPES, serve

HERE = Path(__file__).resolve().parent
LIGHTHOUSE = HERE / "node_modules" / ".bin" / "lighthouse"
CHROME = CHROMIUM
CHROME_FLAGS = ["--headless=new", *CHROMIUM_ARGS]
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
BUDGETS = {"performance": 98, "accessibility": 100, "best-practices": 100, "seo": 100}
EXEMPT = {("404", "seo")}  # the target: a page answered with status 404 fails the SEO status audit
ADDRESSES = {**PAGE_TYPES, "404": "404.html"}
"""What Lighthouse opens: the 404 page by its file, answered with status 200, as Lighthouse refuses to
measure a page answered with 404 ("Status code: 404")."""
STOCK = "stock Material"
STOCK_CONFIG = """site_name: Stock Material
theme:
  name: material
  font: false
"""
"""Material's defaults (search included), without Google Fonts, which this site does not load either."""


def install_lighthouse() -> None:
    if LIGHTHOUSE.exists():
        return
    if shutil.which("npm") is None:
        sys.exit("npm is missing: Lighthouse needs Node.js 18.16 or later and npm")
    print("Installing Lighthouse (npm ci) ...", flush=True)
    command = ["npm", "ci", "--prefix", str(HERE), "--no-audit", "--no-fund", "--loglevel=error"]
    if subprocess.run(command).returncode != 0:
        sys.exit("npm ci failed (see its message above); Lighthouse is not installed")


def run_lighthouse(url: str, report: Path) -> dict[str, int]:
    """One Lighthouse run (mobile, simulated throttling); the category scores out of 100."""
    command = [
        str(LIGHTHOUSE),
        url,
        "--quiet",
        "--output=json",
        f"--output-path={report}",
        f"--only-categories={','.join(CATEGORIES)}",
        f"--chrome-flags={' '.join(CHROME_FLAGS)}",
    ]
    result = subprocess.run(command, capture_output=True, text=True, env={**os.environ, "CHROME_PATH": CHROME})
    if result.returncode != 0:
        sys.exit(f"Lighthouse failed on {url}:\n{result.stderr[-3000:]}")
    data = json.loads(report.read_text(encoding="utf-8"))
    if data.get("runtimeError"):
        sys.exit(f"Lighthouse could not load {url}: {data['runtimeError']}")
    return {name: round(100 * (data["categories"][name]["score"] or 0)) for name in CATEGORIES}


def failing_audits(report: Path) -> list[str]:
    """The audits that cost points in the categories with a budget below their score, for the message."""
    data = json.loads(report.read_text(encoding="utf-8"))
    found = []
    for name in CATEGORIES:
        for ref in data["categories"][name]["auditRefs"]:
            audit = data["audits"][ref["id"]]
            if ref["weight"] > 0 and audit["score"] is not None and audit["score"] < 1:
                shown = audit.get("displayValue", "")
                found.append(f"{name}: {ref['id']} ({audit['score']:.2f}{', ' + shown if shown else ''})")
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="runs per page; the median score is kept")
    parser.add_argument("--keep", type=Path, help="keep the JSON reports in this folder")
    args = parser.parse_args()
    if not Path(CHROME).exists():
        sys.exit(f"{CHROME} is missing: install Debian's chromium package (make browser)")
    install_lighthouse()

    with tempfile.TemporaryDirectory() as temp:
        reports = args.keep or Path(temp) / "reports"
        reports.mkdir(parents=True, exist_ok=True)
        site_dir = Path(temp) / "site"
        build_site(site_dir)
        stock_dir = build_stock(Path(temp) / "stock")
        runs: dict[str, list[dict[str, int]]] = {page: [] for page in [*PAGE_TYPES, STOCK]}
        last: dict[str, Path] = {}
        with serve(site_dir) as base, serve(stock_dir) as stock:
            for run in range(args.runs):  # round after round, the stock page in each, so that all share the load
                addresses = {**{page: base + path for page, path in ADDRESSES.items()}, STOCK: stock}
                for page, url in addresses.items():
                    last[page] = reports / f"{page.replace(' ', '-')}-{run + 1}.json"
                    runs[page].append(run_lighthouse(url, last[page]))
                    print(f"{page} (run {run + 1}): " + ", ".join(f"{n} {runs[page][-1][n]}" for n in CATEGORIES))
        scores = {
            page: {n: int(statistics.median(r[n] for r in found)) for n in CATEGORIES} for page, found in runs.items()
        }
        problems = {page: failing_audits(last[page]) for page in PAGE_TYPES}

    print_table(scores)
    lines, missed = verdicts(scores)
    print(f"\nTargets (median of {args.runs} runs):")
    print("\n".join(lines))
    if missed:
        print("\nWhat cost points (last run of each page that missed):")
        for page in sorted({page for page, _ in missed}):
            print("\n".join(f"  {page}: {line}" for line in problems[page]))
        return 1
    return 0


def build_stock(folder: Path) -> Path:
    """The stock Material project, its one page the about page's text; returns its built site."""
    (folder / "docs").mkdir(parents=True)
    (folder / "mkdocs.yml").write_text(STOCK_CONFIG, encoding="utf-8")
    shutil.copy(DOCS / "about.md", folder / "docs" / "index.md")
    command = [
        sys.executable,
        "-m",
        "mkdocs",
        "build",
        "-q",
        "-f",
        str(folder / "mkdocs.yml"),
        "-d",
        str(folder / "site"),
    ]
    result = subprocess.run(command, capture_output=True, text=True, env=BUILD_ENV)
    if result.returncode != 0:
        sys.exit(f"the stock Material page did not build:\n{result.stderr}")
    return folder / "site"


def verdicts(scores: dict[str, dict[str, int]]) -> tuple[list[str], list[tuple[str, str]]]:
    """One line per target, and the (page, category) pairs that missed theirs."""
    lines, missed = [], []
    stock = scores[STOCK]["performance"]
    for page in PAGE_TYPES:
        for name in CATEGORIES:
            if (page, name) in EXEMPT:
                continue
            score = scores[page][name]
            floor = max(BUDGETS[name], stock) if name == "performance" else BUDGETS[name]
            target = f">= {BUDGETS[name]} and >= {STOCK} ({stock})" if name == "performance" else f">= {floor}"
            met = score >= floor
            lines.append(f"  {page} {name}: {score} (target {target}): {'met' if met else 'MISSED'}")
            if not met:
                missed.append((page, name))
    return lines, missed


def print_table(scores: dict[str, dict[str, int]]) -> None:
    """The median scores per page, the stock page last."""
    header = f"{'page':<16}" + "".join(f"{name:>16}" for name in CATEGORIES)
    budget = f"{'budget':<16}" + "".join(f"{'>= ' + str(BUDGETS[name]):>16}" for name in CATEGORIES)
    print("\n" + header + "\n" + budget + "\n" + "-" * len(header))
    for page, row in scores.items():
        print(f"{page:<16}" + "".join(f"{row[name]:>16}" for name in CATEGORIES))


if __name__ == "__main__":
    sys.exit(main())
