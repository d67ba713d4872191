"""What ``overrides/``, ``docs/assets/site.js`` and the tests rely on in the installed Material theme.

Checked in the theme's own templates, by name and by string: the blocks the overrides fill, the partials
the header includes (which ours replace), the markup ``main.html`` rewrites, the palette interface that
site.js shares with the theme's inline script, and the reader-visible strings the search tests wait on.
A theme release fails here only when it changes one of these, and the message names what to look at.
The built pages are checked in test_build (the search dialog's name, the theme's id prefix) and in the
browser tests (layout, search, palette, axe-core)."""

from __future__ import annotations

import re
from pathlib import Path

import jinja2
import material
import pytest
from jinja2 import nodes

from support.browser import SEARCH_PLACEHOLDER
from support.project import ROOT

TEMPLATES = Path(material.__file__).parent / "templates"
OVERRIDES = ROOT / "overrides"
DIALOG = '<div class="md-search" data-md-component="search" role="dialog"'
"""The search dialog's opening tag, which main.html names by adding an aria-label to it."""
DEFERRED = "<script src="
"""How the theme's scripts block writes a script tag, which main.html turns into a deferred one."""


def template(folder: Path, name: str) -> nodes.Template:
    return jinja2.Environment().parse((folder / name).read_text(encoding="utf-8"))


def blocks(tree: nodes.Template) -> set[str]:
    return {block.name for block in tree.find_all(nodes.Block)}


def includes(tree: nodes.Template) -> set[str]:
    """The templates ``tree`` includes by a constant name."""
    return {node.template.value for node in tree.find_all(nodes.Include) if isinstance(node.template, nodes.Const)}


def test_every_override_replaces_a_theme_file() -> None:
    overrides = {path.relative_to(OVERRIDES).as_posix() for path in OVERRIDES.rglob("*.html")}
    missing = [name for name in overrides if not (TEMPLATES / name).is_file()]
    assert not missing, f"overrides that replace nothing in the theme any more: {missing}"


@pytest.mark.parametrize("name", ["main.html", "404.html"])
def test_the_blocks_an_override_fills_are_the_themes_own(name: str) -> None:
    filled = blocks(template(OVERRIDES, name))
    theme = blocks(template(TEMPLATES, "base.html"))
    assert filled and filled <= theme, (
        f"overrides/{name} fills blocks that Material's base.html no longer has: {sorted(filled - theme)}"
    )


def test_the_header_still_includes_the_partials_we_replace() -> None:
    """overrides/partials/ replaces partials of the header: if the header stopped including one, the override
    would silently do nothing. The palette's inline script applies the reader's stored choice before the
    first paint (site.js stores it in the same form)."""
    ours = {f"partials/{path.name}" for path in (OVERRIDES / "partials").glob("*.html")}
    included = includes(template(TEMPLATES, "partials/header.html"))
    assert ours | {"partials/javascripts/palette.html"} <= included, sorted(ours - included)


def test_the_markup_main_html_rewrites_is_the_themes() -> None:
    main = (OVERRIDES / "main.html").read_text(encoding="utf-8")
    search = (TEMPLATES / "partials" / "search.html").read_text(encoding="utf-8")
    assert "partials/search.html" in includes(template(TEMPLATES, "partials/header.html"))
    assert f"'{DIALOG}'" in main and f"{DIALOG}>" in search, "the search dialog's tag changed: name it anew"
    scripts = next(block for block in template(TEMPLATES, "base.html").find_all(nodes.Block) if block.name == "scripts")
    script_tags = [node.data for node in scripts.find_all(nodes.TemplateData) if "<script" in node.data]
    assert f'replace("{DEFERRED}"' in main and script_tags and all(DEFERRED in data for data in script_tags), (
        "the theme's scripts block writes its script tags differently: main.html no longer defers them"
    )


def colour_attributes(text: str) -> set[str]:
    return set(re.findall(r"data-md-color-[a-z]+", text))


def test_the_palette_toggle_matches_the_themes_and_its_stored_choice() -> None:
    """overrides/partials/palette.html is Material's toggle under another marker: the same inputs and
    attributes. site.js stores the reader's choice with the theme's __md_set under __palette, in the form
    the theme's inline script reads back (partials/javascripts/palette.html)."""
    theme = (TEMPLATES / "partials" / "palette.html").read_text(encoding="utf-8")
    ours = (OVERRIDES / "partials" / "palette.html").read_text(encoding="utf-8")
    assert colour_attributes(theme) == colour_attributes(ours) != set()
    assert 'name="__palette"' in theme and 'name="__palette"' in ours
    store = (TEMPLATES / "partials" / "javascripts" / "base.html").read_text(encoding="utf-8")
    assert "__md_get=" in store and "__md_set=" in store
    first_paint = (TEMPLATES / "partials" / "javascripts" / "palette.html").read_text(encoding="utf-8")
    assert '__md_get("__palette")' in first_paint and "palette.color" in first_paint
    script = (ROOT / "docs" / "assets" / "site.js").read_text(encoding="utf-8")
    assert '__md_set("__palette", { index: index, color: color })' in script


def test_the_search_texts_the_tests_wait_on_are_the_themes() -> None:
    english = (TEMPLATES / "partials" / "languages" / "en.html").read_text(encoding="utf-8")
    assert f'"search.result.placeholder": "{SEARCH_PLACEHOLDER}"' in english
