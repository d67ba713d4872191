"""Careless data that only a browser shows: a long tool name must wrap, not widen the page."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from sitegen import addresses as at
from support.browser import PageFactory, settle
from support.project import copy_project, edit, mkdocs_build
from support.sitehost import PAGE_TYPES, VIEWPORTS, serve

pytestmark = pytest.mark.browser

LONG_NAME = "TensorFlow with the TFX and Serving platform, long edition"


@pytest.fixture(scope="module")
def long_name_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    project = copy_project(tmp_path_factory.mktemp("long-name"))
    edit(project / "data" / "tools" / "tensorflow.yml", "name: TensorFlow", f"name: {LONG_NAME}")
    site = project.parent / "site"
    result = mkdocs_build(project / "mkdocs.yml", site)
    assert result.returncode == 0, result.stderr
    with serve(site) as base:
        yield base


@pytest.mark.parametrize("size", ["desktop", "phone"])
@pytest.mark.parametrize("page_type", ["home", "summary", "decision-guide"])
def test_a_long_tool_name_wraps_instead_of_widening_the_page(
    open_page: PageFactory, long_name_url: str, page_type: str, size: str
) -> None:
    page = open_page(viewport=VIEWPORTS[size])
    page.goto(long_name_url + PAGE_TYPES[page_type])
    settle(page)
    widths = page.evaluate(
        "({scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth})"
    )
    assert widths["scroll"] <= widths["client"], f"{page_type} scrolls sideways: {widths}"


def test_a_long_tool_name_wraps_in_an_aspect_page_on_a_phone(open_page: PageFactory, long_name_url: str) -> None:
    page = open_page(viewport=VIEWPORTS["phone"])
    page.goto(long_name_url + at.url_of(at.aspect_page("core-features")))
    settle(page)
    assert page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")
