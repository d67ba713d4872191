"""Page-weight budgets: bytes per page type (the HTML plus the local CSS, JS and images it references)
and the search index, against ``tests/budgets.json``. Sizes only, never timings.

To update after a deliberate change: ``UPDATE_BUDGETS=1 .venv/bin/python -m pytest tests/test_budgets.py``
rewrites the budgets as today's figures plus 15% headroom; review the diff and commit it with the change.
"""

from __future__ import annotations

import datetime
import json
import math
import os
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup

from support.sitehost import PAGE_TYPES, page_file

BUDGETS = Path(__file__).parent / "budgets.json"
HEADROOM = 1.15
SEARCH_INDEX = "search/search_index.json"
ASSET_RELS = {"stylesheet", "icon", "preload", "modulepreload"}


def referenced_files(site: Path, page: str) -> set[Path]:
    """The local files the page's HTML loads: stylesheets, icons, preloads, scripts, images."""
    soup = BeautifulSoup((site / page).read_text(encoding="utf-8"), "lxml")
    urls = [tag["href"] for tag in soup.find_all("link", href=True) if ASSET_RELS & set(tag.get("rel", []))]
    urls += [tag["src"] for tag in soup.find_all(["script", "img", "source"], src=True)]
    found = set()
    for url in urls:
        target = urlsplit(urljoin(f"http://site.invalid/{page}", url))
        if target.netloc != "site.invalid":
            continue  # another host: not ours to weigh (the build tests forbid them anyway)
        path = page_file(site, target.path)
        assert path.is_file(), f"{page} references {url}, which is not in the built site"
        found.add(path)
    return found


def weights(site: Path) -> dict[str, int]:
    """Bytes per budgeted item: each page type with its assets, and the search index."""
    figures = {}
    for name, address in PAGE_TYPES.items():
        page = page_file(site, address).relative_to(site).as_posix()
        files = {site / page} | referenced_files(site, page)
        figures[name] = sum(path.stat().st_size for path in files)
    figures["search-index"] = (site / SEARCH_INDEX).stat().st_size
    return figures


@pytest.fixture(scope="module")
def figures(built_site: Path) -> dict[str, int]:
    result = weights(built_site)
    if os.environ.get("UPDATE_BUDGETS"):
        recorded = json.loads(BUDGETS.read_text(encoding="utf-8"))
        recorded["budgets"] = {name: math.ceil(size * HEADROOM / 1000) * 1000 for name, size in result.items()}
        recorded["measured"] = result
        recorded["recorded"] = datetime.date.today().isoformat()
        BUDGETS.write_text(json.dumps(recorded, indent=2) + "\n", encoding="utf-8")
    return result


@pytest.mark.parametrize("name", [*PAGE_TYPES, "search-index"])
def test_within_budget(figures: dict[str, int], name: str) -> None:
    budget = json.loads(BUDGETS.read_text(encoding="utf-8"))["budgets"][name]
    size = figures[name]
    assert size <= budget, f"{name} weighs {size:,} bytes; its budget is {budget:,} bytes ({size / budget - 1:+.1%})"


def test_budgets_file_lists_exactly_the_measured_items(figures: dict[str, int]) -> None:
    assert set(json.loads(BUDGETS.read_text(encoding="utf-8"))["budgets"]) == set(figures)
