"""Settings of ``mkdocs.yml`` that reach pages as addresses (``site_url``, ``repo_url``), checked before they do."""

from __future__ import annotations

import re

_ADDRESS = re.compile(r"^https?://[^/\s\"'<>`?#\\]+(/[^\s\"'<>`?#\\]*)?$")


class SettingError(ValueError):
    """A setting of ``mkdocs.yml`` (or the variable that gives it) that pages cannot use."""


def web_address(name: str, value: str) -> str:
    """``value`` if it is an http(s) address that can stand in a page's attributes and have paths added
    to it: no quotes, spaces or angle brackets, no query or fragment; else :class:`SettingError`."""
    if not _ADDRESS.match(value):
        raise SettingError(
            f"mkdocs.yml: {name}: {value!r} is not an http(s) address without spaces, quotes, a query or a "
            "fragment; pages place it in links and link previews"
        )
    return value
