"""Review dates that have aged: what ``make check`` warns about, without failing.

The site's pages never depend on the day they are built; only this check does, so that a maintainer
learns which facts are due for another look."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from . import addresses as at
from .model import Place, Site

STALE_AFTER_DAYS = 180
"""How old a review date may be before ``make check`` asks for another look."""


@dataclass(frozen=True)
class Stale:
    """A section whose facts were last checked too long ago, and where its date is written."""

    place: Place
    what: str
    """What the date covers, e.g. ``aspect 'overview' and the 3 points it dates``."""
    reviewed: datetime.date
    age: int
    """Days from ``reviewed`` to the day of the check."""

    def __str__(self) -> str:
        return (
            f"{self.place.file}:{self.place.line}: {self.what}: reviewed {self.reviewed.isoformat()}, "
            f"{self.age} days ago"
        )


def stale(site: Site, today: datetime.date, after_days: int = STALE_AFTER_DAYS) -> list[Stale]:
    """Every aspect, point, question and the short answer whose review date is more than ``after_days``
    before ``today``. A point without a date of its own is counted with its aspect, on the aspect's line."""
    return [entry for entry in _aged(site, today) if entry.age > after_days]


AHEAD_SLACK_DAYS = 1
"""A review date may be this far after the checking machine's day: the reviewer's day can be ahead of it."""


def ahead(site: Site, today: datetime.date) -> list[Stale]:
    """Every review date more than :data:`AHEAD_SLACK_DAYS` after ``today``: a typing mistake, since a date
    says when facts were checked (the build cannot tell, as it never depends on the day; What's new would
    list such a section first)."""
    return [entry for entry in _aged(site, today) if entry.age < -AHEAD_SLACK_DAYS]


def _aged(site: Site, today: datetime.date) -> list[Stale]:
    found = []

    def check(address: str, what: str, reviewed: datetime.date) -> None:
        found.append(Stale(site.dated[address], what, reviewed, (today - reviewed).days))

    for aspect in site.aspects:
        page = at.aspect_page(aspect.id)
        inheriting = sum(point.reviewed is None for point in aspect.points)
        points = {0: "", 1: " and the point it dates"}.get(inheriting, f" and the {inheriting} points it dates")
        check(page, f"aspect '{aspect.id}'{points}", aspect.reviewed)
        for point in aspect.points:
            if point.reviewed is not None:
                check(at.address(page, point.id), f"point '{aspect.id}#{point.id}'", point.reviewed)
    for question in site.questions:
        check(site.question_address(question), f"question '{question.id}'", question.reviewed)
    guide = at.address(at.aspect_page(site.decision.guide), at.CHOOSE)
    check(guide, "the short answer (choose-if lines and scenarios)", site.decision.reviewed)
    return sorted(found, key=lambda entry: (entry.place.file, entry.place.line))


def report(found: list[Stale], after_days: int = STALE_AFTER_DAYS) -> str:
    """The warning ``make check`` prints: one line per date, then what to do; empty when nothing is stale."""
    if not found:
        return ""
    lines = [f"warning: {len(found)} review date{'s are' if len(found) != 1 else ' is'} over {after_days} days old:"]
    lines += [f"  {entry}" for entry in found]
    lines.append("  Check those facts against their sources again, then update 'reviewed' (a point may take its own).")
    return "\n".join(lines)


def report_ahead(found: list[Stale], today: datetime.date) -> str:
    """The problem ``make check`` reports about dates after ``today``; empty when there are none."""
    if not found:
        return ""
    count = f"{len(found)} review date{'s are' if len(found) != 1 else ' is'}"
    lines = [f"{count} after today ({today.isoformat()}):"]
    lines += [
        f"  {e.place.file}:{e.place.line}: {e.what}: reviewed {e.reviewed.isoformat()}, {-e.age} days ahead"
        for e in found
    ]
    lines.append("  A review date is the day the facts were checked: correct it (What's new lists the newest first).")
    return "\n".join(lines)
