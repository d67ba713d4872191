"""The theme's templates that ``overrides/`` replaces or changes, as they were when the overrides were written.

A new Material version that changes one of them fails here, naming the file, so that whoever upgrades
compares it with the override before the override silently drops the theme's change (the README's
"Upgrading the theme" says what else to look at)."""

from __future__ import annotations

import hashlib
from pathlib import Path

import material
import pytest

from support.project import ROOT

TEMPLATES = Path(material.__file__).parent / "templates"
REVIEWED_AGAINST = "9.8.1"
"""The Material version whose templates the overrides were last compared with (requirements.txt pins it)."""
THEME_FILES = {
    "base.html": "8536d352b0093623df9e0032894f321cbe264b15a9b48cdd962583772455dadb",
    "partials/header.html": "8cf3fb15bcf969ff596649616fd99366b3c31c08d57a86d05308efc16d8fa75f",
    "partials/source.html": "6847616d67be4920d39c278c2799bf20222bbc02ee2a8393aca85e3eaa518752",
    "partials/palette.html": "fb935107ae7d3d7475965019eec36c1ad72bf1d154254dab2474921fcd2710e3",
    "partials/javascripts/palette.html": "8790389765ea6036effddba548b15093bb05bdc75624eaeaf8b13f3c24be4ab5",
    "404.html": "80c93494b5432b1bcdf292caeb67a0653c45b37372f49e08ad4a70ca695a7495",
}
"""SHA-256 of each theme file an override depends on: main.html extends base.html's blocks (title, head,
header, scripts) and edits the header's search dialog; partials/source.html, partials/palette.html and
404.html replace the theme's own; site.js's palette toggle stores the reader's choice in the form that
partials/javascripts/palette.html reads before the first paint."""


def test_the_pinned_theme_is_the_one_the_overrides_were_compared_with() -> None:
    pinned = (ROOT / "requirements.txt").read_text(encoding="utf-8")
    assert f"mkdocs-material=={REVIEWED_AGAINST}\n" in pinned, (
        f"Material is no longer pinned at {REVIEWED_AGAINST}: compare the theme files of THEME_FILES with "
        "overrides/, then update REVIEWED_AGAINST and the hashes"
    )


@pytest.mark.parametrize("name", sorted(THEME_FILES))
def test_the_theme_file_an_override_depends_on_has_not_changed(name: str) -> None:
    digest = hashlib.sha256((TEMPLATES / name).read_bytes()).hexdigest()
    assert digest == THEME_FILES[name], (
        f"Material's {name} changed since {REVIEWED_AGAINST}: compare it with overrides/ (see the comment at "
        "the top of each override), carry the theme's change over, then record the new SHA-256 here"
    )


def test_every_override_is_accounted_for() -> None:
    overrides = {path.relative_to(ROOT / "overrides").as_posix() for path in (ROOT / "overrides").rglob("*.html")}
    replaced = overrides - {"main.html"}
    assert replaced <= set(THEME_FILES), f"overrides without a recorded theme file: {replaced - set(THEME_FILES)}"
    assert all((TEMPLATES / name).is_file() for name in overrides), "an override replaces nothing in the theme"
