"""MkDocs adapter: turns MkDocs events into calls of the ``sitegen`` generator, nothing more.

Declared in ``mkdocs.yml`` under ``hooks:``. The data folder is ``data/`` beside ``mkdocs.yml``.
In the ``nav``, the entry ``aspects/`` stands for every aspect page, in data order.
"""

from __future__ import annotations

import logging
import time
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

_START = time.perf_counter()  # the generator's own import cost is reported with its timings
from sitegen.build import Timings, generate
from sitegen.model import DataError, Site
from sitegen.render import FAQ_PAGE, faq_jsonld, nav_entries

_IMPORT_SECONDS = time.perf_counter() - _START
ASPECTS_PLACEHOLDER = "aspects/"
log = logging.getLogger("mkdocs.hooks.comparison")
_state: dict[str, Any] = {}


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    timings = Timings(extra={"import": _IMPORT_SECONDS})
    data_dir = Path(config.config_file_path).parent / "data"
    try:
        site, pages = generate(data_dir, timings)
    except DataError as err:
        raise PluginError(str(err)) from None
    _state.update(site=site, pages=pages)
    if config.nav is not None:
        config.nav = _expand_nav(config.nav, nav_entries(site))
    log.debug("sitegen timings: %s", timings)
    return config


def _expand_nav(items: list[Any], aspects: list[dict[str, str]]) -> list[Any]:
    expanded: list[Any] = []
    for item in items:
        if item == ASPECTS_PLACEHOLDER:
            expanded += aspects
        elif isinstance(item, dict):
            expanded.append({k: _expand_nav(v, aspects) if isinstance(v, list) else v for k, v in item.items()})
        else:
            expanded.append(item)
    return expanded


def on_files(files: Files, config: MkDocsConfig) -> Files:
    for path, content in _state["pages"].items():
        files.append(File.generated(config, path, content=content))
    return files


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    if page.file.src_uri != FAQ_PAGE:
        return output
    site: Site = _state["site"]
    script = f'<script type="application/ld+json">{faq_jsonld(site)}</script>'
    return output.replace("</head>", f"{script}\n</head>", 1)
