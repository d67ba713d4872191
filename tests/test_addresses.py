"""The address book: the one place where the site's addresses are spelled out, and the names that
site.css, site.js, mkdocs.yml and the hand-written pages must share with it."""

from __future__ import annotations

import re

import pytest
from mkdocs.utils.yaml import yaml_load

from sitegen import addresses as at
from sitegen.model import ID_PATTERN, Site
from sitegen.render import render_site
from support.project import CONFIG, DOCS

ASSETS = DOCS / "assets"
SHARED_NAME = re.compile(r"kvt-[a-z]+(?:-[a-z]+)*")


def test_the_address_scheme_readers_link_to() -> None:
    """Published addresses: changing one breaks links people have shared, so it must fail a test."""
    assert at.aspect_page("overview") == "aspects/overview.md"
    assert at.url_of(at.aspect_page("overview")) == "aspects/overview/"
    assert at.url_of(at.address(at.FAQ_PAGE, "is-keras-free")) == "faq/#is-keras-free"
    assert at.url_of(at.SUMMARY_PAGE) == "summary/" and at.url_of(at.HOME_PAGE) == ""
    assert at.tool_anchor("layers", "keras") == "layers--keras"
    assert at.redirect_page("basics") == "aspects/basics/index.html"
    assert at.redirect_target("overview") == "../overview/"


def test_references_split_into_aspect_and_point() -> None:
    assert at.split_ref("overview") == ("overview", None)
    assert at.split_ref("overview#origins") == ("overview", "origins")


def test_relative_links_between_pages() -> None:
    assert at.relative(at.address(at.FAQ_PAGE, "q"), at.aspect_page("a")) == "../faq.md#q"
    assert at.relative(at.address(at.aspect_page("a"), "p"), at.aspect_page("b")) == "a.md#p"
    assert at.relative(at.address(at.FAQ_PAGE, "q"), at.FAQ_PAGE) == "#q"


def test_no_id_can_take_a_tool_section_or_theme_address() -> None:
    assert re.match(ID_PATTERN, at.tool_anchor("point", "tool")) is None
    assert re.match(ID_PATTERN, f"{at.THEME_ID_PREFIX}search") is None


@pytest.mark.parametrize("asset", ["site.css", "site.js"])
def test_assets_use_only_names_of_the_address_book(asset: str) -> None:
    used = set(SHARED_NAME.findall((ASSETS / asset).read_text(encoding="utf-8")))
    assert used, f"{asset} names no kvt-* class or id"
    assert used <= at.SHARED_NAMES, f"{asset} uses names the generator never emits: {sorted(used - at.SHARED_NAMES)}"


def test_every_class_of_the_address_book_is_styled_or_scripted() -> None:
    used = {name for asset in ("site.css", "site.js") for name in SHARED_NAME.findall((ASSETS / asset).read_text())}
    assert used >= at.CLASSES, f"classes nothing reads: {sorted(at.CLASSES - used)}"
    assert at.TOAST in used


def _nav_leaves(items: object) -> list[str]:
    if isinstance(items, str):
        return [items]
    if isinstance(items, list):
        return [leaf for item in items for leaf in _nav_leaves(item)]
    if isinstance(items, dict):
        return [leaf for value in items.values() for leaf in _nav_leaves(value)]
    return []


def test_mkdocs_nav_names_generated_pages_by_their_addresses(real_site: Site) -> None:
    nav = _nav_leaves(yaml_load(CONFIG.read_text(encoding="utf-8"))["nav"])
    generated = {at.SUMMARY_PAGE, at.FAQ_PAGE, at.NEWS_PAGE, at.NAV_PLACEHOLDER}
    assert generated <= set(nav)
    strays = [entry for entry in nav if entry not in generated and not (DOCS / entry).is_file()]
    assert not strays, f"nav entries that are neither hand-written pages nor generated ones: {strays}"


LINK = re.compile(r"\]\(([^)\s#]+\.md)(?:#([^)\s]+))?\)")
HEADING_ID = re.compile(r"\{#([a-z0-9-]+)")


def test_hand_written_pages_link_to_generated_pages_that_exist(real_site: Site) -> None:
    pages = render_site(real_site)
    checked = 0
    for source in sorted(DOCS.glob("*.md")):
        for page, anchor in LINK.findall(source.read_text(encoding="utf-8")):
            if (DOCS / page).is_file():
                continue
            assert page in pages, f"{source.name} links to {page}, which nothing generates"
            assert not anchor or anchor in HEADING_ID.findall(pages[page]), f"{source.name}: {page}#{anchor}"
            checked += 1
    assert checked, "no hand-written page links to a generated one: the test checks nothing"


def test_docs_folder_has_no_file_where_a_page_is_generated(real_site: Site) -> None:
    clashes = [page for page in render_site(real_site) if (DOCS / page).exists()]
    assert not clashes
