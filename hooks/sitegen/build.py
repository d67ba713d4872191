"""The three stages joined: data folder in, validated site and generated pages out."""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from pathlib import Path

from .addresses import ABOUT_PAGE, FEED_FILE, HOME_PAGE, MOVED_FILE, url_of
from .answer import home_inserts
from .corrections import Corrections
from .export import files as export_files
from .links import check_links, marker_lines
from .load import load_bytes, read_tree, root_refusal
from .memo import digest, memo
from .model import DataError, Problem, Site, cut
from .news import atom_feed, news
from .notfound import moved
from .prose import MarkdownSetup, Prose, read_config, read_setup
from .publishing import SettingError, web_address
from .render import faq_nav, head_extras, nav_entries, page_anchors, render_site
from .scoreboard import about_inserts
from .validate import Checked, assemble, check_document


@dataclass(frozen=True)
class Generated:
    """Everything an engine needs to publish the site."""

    site: Site
    pages: dict[str, str]
    """Markdown pages and HTML redirects, by path in the docs tree."""
    nav: list[dict[str, str]]
    """The index of aspects and the aspect pages, titled, in data order: what the navigation's placeholder
    stands for."""
    faq_nav: list[dict[str, str]]
    """The FAQ's index and topic pages, titled, when the FAQ has a page per topic: what the navigation's
    FAQ entry becomes (none when the FAQ is one page)."""
    head: dict[str, str]
    """HTML to add to the ``<head>`` of a page, by its path in the docs tree."""
    inserts: dict[str, dict[str, str]]
    """For each hand-written page that holds markers (by path in the docs tree), the generated Markdown
    that stands in each marker's place."""
    files: dict[str, str]
    """Other files to publish, by path in the site: the exported data, the What's new feed and the 404
    page's table of moved addresses."""


@dataclass(frozen=True)
class Publishing:
    """Where the site is published: the address its exported data, feed and link previews use, the
    repository that each section's correction links go to, and the site's name (the feed's title)."""

    site_url: str = ""
    corrections: Corrections | None = None
    site_name: str = "Keras vs TensorFlow"

    @classmethod
    def configure(
        cls, site_url: str | None, repo_url: str | None, edit_uri: str | None, docs: str, site_name: str | None = None
    ) -> Publishing:
        """From ``mkdocs.yml``'s settings; :class:`~sitegen.publishing.SettingError` for an address that
        pages cannot use."""
        site = web_address("site_url", site_url) if site_url else ""
        name = site_name or cls.site_name
        return cls(site, Corrections.configure(repo_url, edit_uri, site, docs), name)

    @classmethod
    def read(cls, config_file: Path) -> Publishing:
        """From a ``mkdocs.yml`` file, as the build reads it (``!ENV`` included); none without the file."""
        if not config_file.is_file():
            return cls()
        config = read_config(config_file)
        docs = str(config.get("docs_dir") or "docs")
        keys = ("site_url", "repo_url", "edit_uri", "site_name")
        setting = {key: str(config[key]) if config.get(key) else None for key in keys}
        return cls.configure(
            setting["site_url"], setting["repo_url"], setting["edit_uri"], Path(docs).name, setting["site_name"]
        )


def load_site(data_dir: Path, markdown: MarkdownSetup | None = None) -> Site:
    """Load and validate every file under ``data_dir``; raise :class:`DataError` with all problems.

    Block fields are rendered with ``markdown``, by default the setup of the ``mkdocs.yml`` beside
    ``data_dir``. Files whose bytes have not changed since the last build are not parsed or checked
    again in the same process (:mod:`sitegen.memo`); the checks across files always run."""
    if refused := root_refusal(data_dir, data_dir.parent):
        raise DataError([refused])  # alone: what the files would have said is unknown
    setup = markdown or read_setup(data_dir.parent / "mkdocs.yml")
    files, problems = read_tree(data_dir, data_dir.parent)
    known = memo(data_dir, setup)
    checked = []
    for name, raw in files:
        key = digest(raw)
        item = known.get(name, key)
        if item is None:
            fresh = _check_file(name, raw, setup)
            if isinstance(fresh, Problem):
                problems.append(fresh)
                continue
            known.put(name, key, fresh)
            item = fresh
        checked.append(item)
    known.save()
    try:
        result = assemble(checked, [problem.file for problem in problems])
    except Exception as err:  # a gap in the checks across files: one message (make versions reads this too)
        raise DataError([*problems, unexpected(err, data_dir.name, "checking the files together")]) from err
    if problems or not isinstance(result, Site):
        raise DataError(problems + ([] if isinstance(result, Site) else result))
    return result


def _check_file(name: str, raw: bytes, setup: MarkdownSetup) -> Checked | Problem:
    """One file's bytes loaded and checked alone, or the one problem that stops that."""
    try:
        document = load_bytes(raw, name)
        return document if isinstance(document, Problem) else check_document(document, prose(setup))
    except Exception as err:  # a gap in the checks: this file's message
        return unexpected(err, name, "checking this file")


def prose(markdown: MarkdownSetup) -> Prose:
    """The block renderer for a Markdown setup; one per setup in a process, so that its cache lasts."""
    key = repr(markdown)
    if key not in _renderers:
        _renderers[key] = Prose(markdown)
    return _renderers[key]


_renderers: dict[str, Prose] = {}


def unexpected(err: Exception, file: str, doing: str) -> Problem:
    """An error that the checks did not foresee, as the one message a problem in the data gets."""
    cause = cut(f"{type(err).__name__}: {err}", 200)
    return Problem(
        file, 0, 0, "", f"{doing} stopped on an error that the checks did not foresee ({cause}); please report it"
    )


def generate(
    data_dir: Path,
    docs_dir: Path | None = None,
    markdown: MarkdownSetup | None = None,
    publishing: Publishing = Publishing(),
) -> Generated:
    """The validated site and everything generated from it; raise :class:`DataError` on bad data. With a
    repository in ``publishing``, each point and question links to its correction and data file.

    Links from the hand-written pages of ``docs_dir`` into generated pages are checked too, so that
    whatever this accepts, a strict build accepts. No input gives any other exception: one that the checks
    did not foresee becomes a :class:`DataError` too, naming the data file where one is known."""
    try:
        return _generate(data_dir, docs_dir, markdown, publishing)
    except (DataError, SettingError):
        raise
    except Exception as err:  # a gap in the checks: a message and a failed build, no traceback
        raise DataError([unexpected(err, data_dir.name, "generating the pages")]) from err


def _generate(
    data_dir: Path, docs_dir: Path | None, markdown: MarkdownSetup | None, publishing: Publishing
) -> Generated:
    site = load_site(data_dir, markdown)
    found = news(site)  # the What's new page, its anchors and its feed all list these
    pages = render_site(site, publishing.corrections, found)
    hand_written = map(url_of, _hand_written(docs_dir))
    files = export_files(site, publishing.site_url) | {
        MOVED_FILE: json.dumps(moved(site, hand_written)),
        FEED_FILE: atom_feed(found, publishing.site_url, publishing.site_name),
    }
    nav, faq = nav_entries(site), faq_nav(site)
    inserts = {HOME_PAGE: home_inserts(site), ABOUT_PAGE: about_inserts(site)}
    generated = Generated(site, pages, nav, faq, head_extras(site), inserts, files)
    problems = check_links(docs_dir, site, page_anchors(site, found)) if docs_dir else []
    if problems:
        raise DataError(problems)
    _last_good[data_dir.resolve()] = generated
    return generated


def markdown_pages(site: Site, publishing: Publishing = Publishing()) -> dict[str, str]:
    """The generated pages with each block field as the Markdown it is written in, for MkDocs to render (the
    wrappers of block fields are marked ``markdown``): the pages a person would write by hand. Only for
    trusted data: the sanitiser does not see these texts."""
    return render_site(replace(site, html={text: text for text in site.html}), publishing.corrections)


def _hand_written(docs_dir: Path | None) -> list[str]:
    """The pages of ``docs_dir``, by path in the docs tree."""
    if docs_dir is None or not docs_dir.is_dir():
        return []
    return sorted(path.relative_to(docs_dir).as_posix() for path in docs_dir.rglob("*.md"))


_last_good: dict[Path, Generated] = {}


def last_good(data_dir: Path) -> Generated | None:
    """What :func:`generate` last made of ``data_dir`` in this process without problems, if anything.

    A live server keeps publishing it while the data it is editing has problems."""
    return _last_good.get(data_dir.resolve())


def fill_markers(markdown: str, inserts: dict[str, str]) -> str:
    """A hand-written page's Markdown (front matter already taken off) with each marker line replaced by what
    it stands for; markers in code or indented stay as they are (the check reports them as missing)."""
    lines = markdown.split("\n")
    for marker, numbers in marker_lines(markdown, inserts, front_matter=False).items():
        for number in numbers:
            lines[number - 1] = inserts[marker]
    return "\n".join(lines)
