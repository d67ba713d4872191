"""MkDocs adapter: turns MkDocs events into calls of the ``sitegen`` generator, nothing more.

Declared in ``mkdocs.yml`` under ``hooks:``. The data folder is ``data/`` beside ``mkdocs.yml``.
In the ``nav``, the entry ``aspects/`` stands for the index of aspects and every aspect page, in data
order, and the FAQ's entry for its pages when it has a page per topic. Above ``extra.aspects_in_nav``
aspects, each page's navigation lists, of the aspect pages, the index and its own page only.
"""

from __future__ import annotations

import copy
import logging
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page

from sitegen.addresses import (
    ASPECTS_IN_NAV,
    FAQ_PAGE,
    FEED,
    FEED_FILE,
    MOVED_FILE,
    NAV_PLACEHOLDER,
    NOT_FOUND,
)
from sitegen.build import Generated, Publishing, fill_markers, generate, last_good, unexpected
from sitegen.model import DataError
from sitegen.notfound import help_links
from sitegen.prose import MarkdownSetup
from sitegen.publishing import SettingError
from sitegen.search import enrich_file

log = logging.getLogger("mkdocs.hooks.comparison")
_generated: Generated | None = None
"""What the last ``on_config`` generated; a hook module cannot hold state on an instance."""


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    # Runs first, so bad data stops the build before MkDocs reads or writes a page.
    global _generated
    data = Path(config.config_file_path).parent / "data"
    try:
        docs = Path(config.docs_dir)
        publishing = Publishing.configure(
            config.site_url, config.repo_url, config.edit_uri, docs.name, config.site_name
        )
    except SettingError as err:
        raise PluginError(str(err)) from None
    try:
        markdown = MarkdownSetup(tuple(config.markdown_extensions), config.mdx_configs)
        _generated = generate(data, docs, markdown, publishing)
    except SettingError as err:
        raise PluginError(str(err)) from None
    except DataError as err:
        # A one-off build stops here. A live server (MkDocs reloads this file for every rebuild, the
        # generator stays) keeps publishing the last good data instead of hanging its browsers.
        _generated = last_good(data)
        if _generated is None:
            raise PluginError(str(err)) from None
        log.error(f"{err}\nServing the last version of the data without problems until these are fixed.")
    limit = config.extra.setdefault(ASPECTS_IN_NAV, 20)
    if isinstance(limit, bool) or not isinstance(limit, int) or limit < 0:
        raise PluginError(f"extra.{ASPECTS_IN_NAV} in mkdocs.yml must be a whole number (0 or more), not {limit!r}")
    if config.nav is not None:
        config.nav = _expand_nav(config.nav, _generated.nav, _generated.faq_nav)
    config.extra[NOT_FOUND] = {"links": help_links(_generated.site), "moved": MOVED_FILE}
    config.extra[FEED] = FEED_FILE
    return config


def _expand_nav(items: list[Any], aspects: list[dict[str, str]], faq: list[dict[str, str]]) -> list[Any]:
    expanded: list[Any] = []
    for item in items:
        if item == NAV_PLACEHOLDER:
            expanded += aspects
        elif isinstance(item, dict):
            expanded.append(
                {
                    key: _expand_nav(value, aspects, faq)
                    if isinstance(value, list)
                    else (faq if value == FAQ_PAGE and faq else value)
                    for key, value in item.items()
                }
            )
        else:
            expanded.append(item)
    return expanded


def on_page_context(context: dict[str, Any], *, page: Page, config: MkDocsConfig, nav: Navigation) -> dict[str, Any]:
    if _generated is not None and len(_generated.site.aspects) > config.extra[ASPECTS_IN_NAV]:
        context["nav"] = _without(nav, _generated.site.aspect_pages, page)
    return context


def _without(nav: Navigation, pages: frozenset[str], kept: Page) -> Navigation:
    """The navigation less the given pages but ``kept`` (a shallow copy: the pages themselves are the same)."""

    def dropped(item: Any) -> bool:
        return isinstance(item, Page) and item is not kept and item.file.src_uri in pages

    def prune(item: Any) -> Any:
        if not isinstance(item, Section):
            return item
        section = copy.copy(item)
        section.children = [prune(child) for child in item.children if not dropped(child)]
        return section

    view = copy.copy(nav)
    view.items = [prune(item) for item in nav.items if not dropped(item)]
    return view


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    assert _generated is not None, "on_config runs first"
    for path, content in (_generated.pages | _generated.files).items():
        files.append(File.generated(config, path, content=content))
    return files


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    if _generated is not None and page.file.src_uri in _generated.inserts:
        return fill_markers(markdown, _generated.inserts[page.file.src_uri])
    return markdown


def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    extra = _generated.head.get(page.file.src_uri) if _generated else None
    return output.replace("</head>", f"{extra}\n</head>", 1) if extra else output


def on_post_build(*, config: MkDocsConfig) -> None:
    # Hooks run after plugins, so the search plugin has written its index by now.
    index = Path(config.site_dir) / "search" / "search_index.json"
    if _generated is not None and index.is_file():
        try:
            enrich_file(index, _generated.site)
        except SettingError as err:
            raise PluginError(str(err)) from None
        except Exception as err:  # a gap in the checks: one message, no traceback
            raise PluginError(str(DataError([unexpected(err, "data", "adding readers' words")]))) from None
