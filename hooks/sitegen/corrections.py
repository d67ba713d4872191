"""Where a reader reports a mistake and a contributor fixes it: for each point and question, a new issue
on the code host, pre-filled with the section's address and its data file, and the data file itself,
open at the section's line.

The repository is one setting (``repo_url`` in ``mkdocs.yml``); its branch is read from ``edit_uri``. On
GitHub the new issue is the correction form, ``.github/ISSUE_TEMPLATE/correction.yml``, with its fields
filled in; other hosts get the same facts in the issue's text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import quote, quote_plus, unquote, urlsplit

from . import markup as mk
from .addresses import url_of
from .model import Place, Site
from .patterns import EDIT_URI
from .publishing import web_address

FORM = "correction.yml"
"""The correction form, in ``.github/ISSUE_TEMPLATE/``."""
FORM_FIELDS = ("address", "file")
"""The ids of the form's fields that a correction link fills in: the section's address, its data file."""


@dataclass(frozen=True)
class Host:
    """How one kind of code host spells a new issue and a file at a line."""

    new_issue: str
    """``{repo}``, then ``{title}``, ``{body}``, ``{address}`` and ``{file}`` (URL-encoded), make a
    pre-filled new-issue address."""
    file_at: str
    """``{repo}``, ``{branch}``, ``{path}`` and ``{line}`` make the address of a file, shown at that line."""


GITHUB = Host(
    "{repo}/issues/new?template=" + FORM + "&title={title}&" + "&".join(f"{f}={{{f}}}" for f in FORM_FIELDS),
    "{repo}/blob/{branch}/{path}#L{line}",
)
GITLAB = Host(
    "{repo}/-/issues/new?issue%5Btitle%5D={title}&issue%5Bdescription%5D={body}",
    "{repo}/-/blob/{branch}/{path}#L{line}",
)
FORGEJO = Host("{repo}/issues/new?title={title}&body={body}", "{repo}/src/branch/{branch}/{path}#L{line}")
"""Forgejo and Gitea (Codeberg)."""


def host_of(repo_url: str) -> Host:
    name = urlsplit(repo_url).hostname or ""
    if "gitlab" in name:
        return GITLAB
    if name == "codeberg.org" or "gitea" in name or "forgejo" in name:
        return FORGEJO
    return GITHUB


@dataclass(frozen=True)
class Corrections:
    """The correction links of every section, from the repository's address and the site's."""

    repo: str
    branch: str
    site_url: str
    host: Host

    @classmethod
    def configure(
        cls, repo_url: str | None, edit_uri: str | None, site_url: str | None, docs: str = "docs"
    ) -> Corrections | None:
        """From ``mkdocs.yml``'s settings (``docs``: the name of the docs folder, which ends ``edit_uri``;
        ``site_url``: already checked, by :class:`~sitegen.build.Publishing`); None without ``repo_url``
        (then pages have no such links). :class:`SettingError` for a ``repo_url`` that pages cannot use."""
        if not repo_url:
            return None
        repo = web_address("repo_url", repo_url).rstrip("/").removesuffix(".git")
        found = re.match(EDIT_URI.format(docs=re.escape(docs)), (edit_uri or "").lstrip("/"))
        branch = unquote(found.group(1)) if found else "main"
        return cls(repo, branch, site_url or "", host_of(repo))

    def issue(self, section: str, url: str, place: Place) -> str:
        """A new issue about ``section`` (its plain title), served at ``url`` (relative to the site)."""
        address, file = f"{self.site_url}{url}", f"{place.file}, line {place.line}"
        body = (
            f"Section: {address}\nData file: {file}\n\n"
            "What is wrong, and what is right?\n\n\nSource (official docs, release notes or the repository):\n"
        )
        return self.host.new_issue.format(
            repo=self.repo, title=_q(f"Correction: {section}"), body=_q(body), address=_q(address), file=_q(file)
        )

    def file_at(self, place: Place) -> str:
        """The data file on the code host, at the section's line; its page there has the edit button."""
        return self.host.file_at.format(
            repo=self.repo, branch=quote(self.branch), path=quote(place.file), line=place.line
        )


def _q(text: str) -> str:
    """A query value: spaces as ``+`` and ``/``, ``:`` and ``,`` as themselves (all valid there), so that
    the address stays short and readable."""
    return quote_plus(text, safe="/:,")


def correction_line(site: Site, corrections: Corrections | None, section: str, title: str) -> str:
    """Links to report a mistake in ``section`` (a page address, ``page.md#anchor``) and to its data file;
    empty without a repository."""
    if corrections is None:
        return ""
    place = site.places[section]
    return mk.correction_links(corrections.issue(title, url_of(section), place), corrections.file_at(place))
