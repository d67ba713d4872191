"""Settings of ``mkdocs.yml`` that reach pages as addresses (``site_url``, ``repo_url``), checked before they do;
and the licences under which the site is published."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .model import cut
from .patterns import WEB_ADDRESS

_ADDRESS = re.compile(WEB_ADDRESS)


class SettingError(ValueError):
    """A setting of ``mkdocs.yml`` (or the variable that gives it) that pages cannot use."""


def web_address(name: str, value: str) -> str:
    """``value`` if it is an http(s) address that can stand in a page's attributes and have paths added
    to it: no quotes, spaces or angle brackets, no query or fragment; else :class:`SettingError`."""
    if not _ADDRESS.match(value):
        raise SettingError(
            f"mkdocs.yml: {name}: {cut(repr(value))} is not an http(s) address in ASCII without spaces, quotes, a "
            "query or a fragment; pages place it in links and link previews"
        )
    return value


@dataclass(frozen=True)
class Licence:
    """A licence the project grants, as the exported data, the feed and the tests name it."""

    name: str
    spdx: str
    """Its SPDX identifier."""
    url: str
    file: str
    """The file at the repository's root that grants it."""


CONTENT_LICENCE = Licence("CC BY 4.0", "CC-BY-4.0", "https://creativecommons.org/licenses/by/4.0/", "LICENSE-CONTENT")
"""The text: data/, the pages made from it, the exported files and the Markdown pages of docs/."""
CODE_LICENCE = Licence("MIT", "MIT", "https://opensource.org/license/mit", "LICENSE")
"""The code: hooks/, tests/, overrides/, the scripts and styles."""
