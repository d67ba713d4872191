"""The site is written in its own words: no run of ten words on a built page also appears in the article the
comparison started from. The article is not the project's to ship, so the test reads it from beside the
project (``../shared/seed/``) and is skipped where it is not there."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from support.project import ROOT

SEED = ROOT.parent / "shared" / "seed"
RUN = 10
"""How many words in a row make a copied sentence rather than a shared phrase."""
_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")


def words(text: str) -> list[str]:
    """The words of a text, lower case, with curly apostrophes made straight."""
    return _WORD.findall(text.lower().replace("\u2019", "'"))


def runs(text: str, length: int = RUN) -> Iterator[tuple[str, ...]]:
    found = words(text)
    for start in range(len(found) - length + 1):
        yield tuple(found[start : start + length])


def page_text(path: Path) -> str:
    soup = BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")
    for element in soup(["script", "style"]):
        element.decompose()
    return soup.get_text(" ")


@pytest.fixture(scope="module")
def seed_runs() -> set[tuple[str, ...]]:
    articles = sorted(SEED.glob("*.txt")) if SEED.is_dir() else []
    if not articles:
        pytest.skip(
            "not run here: this check compares the pages with the article the site started from, which is not "
            f"shipped with the project (it looks in ../{SEED.parent.name}/{SEED.name}/; see the README's test list)"
        )
    return {run for article in articles for run in runs(article.read_text(encoding="utf-8"))}


def test_runs_are_found_across_punctuation_and_case() -> None:
    """The check itself: a copied sentence is caught even with other capitals, quotes and line breaks."""
    source = set(runs("Keras is a high-level API, written in Python, that's run on top of other frameworks."))
    copied = "KERAS is a high-level API written in\nPython that\u2019s \u2018run\u2019 on top of others"
    assert set(runs(copied)) & source
    assert not set(runs("Keras is a high-level API that's run on JAX, TensorFlow or PyTorch today.")) & source


def test_no_page_repeats_ten_words_of_the_seed_article(built_site: Path, seed_runs: set[tuple[str, ...]]) -> None:
    pages = sorted(built_site.rglob("*.html"))
    assert len(pages) > 10
    copied = {}
    for page in pages:
        shared = [" ".join(run) for run in runs(page_text(page)) if run in seed_runs]
        if shared:
            copied[str(page.relative_to(built_site))] = shared[:3]
    assert copied == {}
