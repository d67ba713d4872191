"""The three stages joined: data folder in, validated site and generated pages out."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .answer import home_inserts
from .corrections import Corrections
from .links import check_links, marker_lines
from .load import load_tree
from .model import DataError, Site
from .prose import MarkdownSetup, Prose, read_setup
from .render import head_extras, nav_entries, page_anchors, render_site
from .validate import validate


@dataclass(frozen=True)
class Generated:
    """Everything an engine needs to publish the site."""

    site: Site
    pages: dict[str, str]
    """Markdown pages and HTML redirects, by path in the docs tree."""
    nav: list[dict[str, str]]
    """The aspect pages, titled, in data order: what the navigation's placeholder stands for."""
    head: dict[str, str]
    """HTML to add to the ``<head>`` of a page, by its path in the docs tree."""
    home: dict[str, str]
    """The generated Markdown for each marker of the hand-written home page."""


def load_site(data_dir: Path, markdown: MarkdownSetup | None = None) -> Site:
    """Load and validate every file under ``data_dir``; raise :class:`DataError` with all problems.

    Block fields are rendered with ``markdown``, by default the setup of the ``mkdocs.yml`` beside
    ``data_dir``."""
    documents, problems = load_tree(data_dir, data_dir.parent)
    unreadable = [problem.file for problem in problems]
    result = validate(documents, prose(markdown or read_setup(data_dir.parent / "mkdocs.yml")), unreadable)
    if problems or not isinstance(result, Site):
        raise DataError(problems + ([] if isinstance(result, Site) else result))
    return result


def prose(markdown: MarkdownSetup) -> Prose:
    """The block renderer for a Markdown setup; one per setup in a process, so that its cache lasts."""
    key = repr(markdown)
    if key not in _renderers:
        _renderers[key] = Prose(markdown)
    return _renderers[key]


_renderers: dict[str, Prose] = {}


def generate(
    data_dir: Path,
    docs_dir: Path | None = None,
    markdown: MarkdownSetup | None = None,
    corrections: Corrections | None = None,
) -> Generated:
    """The validated site and everything generated from it; raise :class:`DataError` on bad data. With
    ``corrections`` (the repository), each point and question links to its correction and data file.

    Links from the hand-written pages of ``docs_dir`` into generated pages are checked too, so that
    whatever this accepts, a strict build accepts."""
    site = load_site(data_dir, markdown)
    generated = Generated(
        site, render_site(site, corrections), nav_entries(site), head_extras(site), home_inserts(site)
    )
    problems = check_links(docs_dir, site, page_anchors(site)) if docs_dir else []
    if problems:
        raise DataError(problems)
    _last_good[data_dir.resolve()] = generated
    return generated


_last_good: dict[Path, Generated] = {}


def last_good(data_dir: Path) -> Generated | None:
    """What :func:`generate` last made of ``data_dir`` in this process without problems, if anything.

    A live server keeps publishing it while the data it is editing has problems."""
    return _last_good.get(data_dir.resolve())


def fill_home(markdown: str, inserts: dict[str, str]) -> str:
    """The home page's Markdown (front matter already taken off) with each marker line replaced by what it
    stands for; markers in code or indented stay as they are (the check reports them as missing)."""
    lines = markdown.split("\n")
    for marker, numbers in marker_lines(markdown, front_matter=False).items():
        for number in numbers:
            lines[number - 1] = inserts[marker]
    return "\n".join(lines)
