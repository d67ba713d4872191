"""Lighthouse scores per page type, against budgets: ``make lighthouse``.

Builds the site, serves it on 127.0.0.1 as a static host would (gzip for text), and runs Lighthouse
(the version pinned in package.json beside this file, installed with ``npm ci`` on first use) with its
default mobile settings on each page type, in Debian's Chromium. Prints the four category scores per
page and exits non-zero when any is below its budget.

    PYTHONPATH=hooks:tests .venv/bin/python tests/quality/lighthouse.py [--runs N] [--keep DIR]

``--runs N`` runs each page N times and keeps the median score of each category; ``--keep DIR`` keeps
the JSON reports.
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

from support.project import build_site
from support.sitehost import CHROMIUM, CHROMIUM_ARGS, PAGE_TYPES, serve

HERE = Path(__file__).resolve().parent
LIGHTHOUSE = HERE / "node_modules" / ".bin" / "lighthouse"
CHROME = CHROMIUM
CHROME_FLAGS = ["--headless=new", *CHROMIUM_ARGS]
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
BUDGETS = {"performance": 98, "accessibility": 100, "best-practices": 100, "seo": 100}


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
    parser.add_argument("--runs", type=int, default=1, help="runs per page; the median score is kept")
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
        scores: dict[str, dict[str, int]] = {}
        problems: list[str] = []
        with serve(site_dir) as base:
            for page, path in PAGE_TYPES.items():
                runs = []
                for run in range(args.runs):
                    report = reports / f"{page}-{run + 1}.json"
                    runs.append(run_lighthouse(base + path, report))
                scores[page] = {name: int(statistics.median(r[name] for r in runs)) for name in CATEGORIES}
                if any(scores[page][name] < BUDGETS[name] for name in CATEGORIES):
                    problems += [f"{page}: {line}" for line in failing_audits(report)]
                print(f"{page}: " + ", ".join(f"{n} {scores[page][n]}" for n in CATEGORIES), flush=True)

    print_table(scores)
    below = [
        f"{page} {name} {score} < {BUDGETS[name]}"
        for page, row in scores.items()
        for name, score in row.items()
        if score < BUDGETS[name]
    ]
    if below:
        print("\nBelow budget: " + "; ".join(below))
        print("\n".join(f"  {line}" for line in problems))
        return 1
    print("\nEvery page meets every budget.")
    return 0


def print_table(scores: dict[str, dict[str, int]]) -> None:
    header = f"{'page':<16}" + "".join(f"{name:>16}" for name in CATEGORIES)
    budget = f"{'budget':<16}" + "".join(f"{'>= ' + str(BUDGETS[name]):>16}" for name in CATEGORIES)
    print("\n" + header + "\n" + budget + "\n" + "-" * len(header))
    for page, row in scores.items():
        print(f"{page:<16}" + "".join(f"{row[name]:>16}" for name in CATEGORIES))


if __name__ == "__main__":
    sys.exit(main())
