"""What's new: the sections reviewed most recently, as a page and as an Atom feed.

Made from the review dates in the data alone, never from version control or the day of the build, so
that two builds of the same data are byte-identical. The window ends on the newest review date in the
data, not on today: a site that nobody has touched for a while still shows its last changes.
"""

from __future__ import annotations

import datetime
import re
import uuid
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from html import escape
from itertools import groupby
from typing import Literal

from . import addresses as at
from . import markup as mk
from .model import Site
from .prose import attribute, line_html, line_plain, plain_html, plain_text
from .publishing import CONTENT_LICENCE

WINDOW_DAYS = 90
"""How far back from the newest review date the list reaches."""
MAX_ENTRIES = 30
"""How many items the page and the feed list at most: an item is one section, or all the sections of one
aspect (or of the FAQ) reviewed on one day, so that a large review keeps every changed section in reach."""
ATOM = "http://www.w3.org/2005/Atom"
Kind = Literal["aspect", "answer", "point", "question"]
KIND_LABEL: dict[Kind, str] = {
    "aspect": "Aspect page",
    "answer": "Short answer",
    "point": "Point",
    "question": "Question",
}
SHORT_ANSWER = "The short answer: choose-if lines and scenarios"
"""The title of the short answer's entry (data/decision.yml), listed with its decision guide."""


@dataclass(frozen=True)
class Entry:
    """One section's review, linked to the section."""

    reviewed: datetime.date
    kind: Kind
    title: str
    """A line field (or two joined by ``: ``), as the data has it."""
    summary: str
    """The section's answer in one line: an aspect's description, a point's gist, an answer's first
    sentence (plain text)."""
    section: str
    """``page.md`` or ``page.md#anchor``."""
    change: str | None = None
    """What the review changed (a line field), where the data says."""
    group: str = ""
    """The aspect page a point or an aspect belongs to, or the FAQ page for a question."""
    group_title: str = ""
    """That aspect's title (a line field), or ``FAQ``."""


@dataclass(frozen=True)
class Group:
    """The sections of one aspect (its page and points), or the FAQ's questions, reviewed on one day."""

    entries: list[Entry]
    """The aspect's own entry first, if it was reviewed that day; then points, or questions, those whose
    review changed something first, each in data order; all of one day and one group."""

    @property
    def reviewed(self) -> datetime.date:
        return self.entries[0].reviewed

    @property
    def section(self) -> str:
        """The aspect's page, or the FAQ page."""
        return self.entries[0].group

    @property
    def title(self) -> str:
        return self.entries[0].group_title

    @property
    def head(self) -> Entry | None:
        """The aspect's own entry, when the group holds it."""
        return self.entries[0] if self.entries[0].kind == "aspect" else None

    @property
    def rest(self) -> list[Entry]:
        """The entries listed below the group's line: all but its :attr:`head`."""
        return self.entries[1:] if self.head else self.entries


@dataclass(frozen=True)
class News:
    groups: list[Group]
    """At most :data:`MAX_ENTRIES`, newest first."""
    newest: datetime.date | None
    """The newest review date in the data; None for a site without dated sections."""
    in_window: int
    """How many sections were reviewed in the window (those listed may be fewer)."""

    @property
    def entries(self) -> list[Entry]:
        """Every section listed, group by group."""
        return [entry for group in self.groups for entry in group.entries]


def news(site: Site, window_days: int = WINDOW_DAYS, limit: int = MAX_ENTRIES) -> News:
    """The sections reviewed in the ``window_days`` up to the newest review date, newest first, grouped by
    day and aspect (questions by day); among the groups of one day, aspects before the FAQ, those whose
    review changed something first, each in data order."""
    dated = _dated(site)
    if not dated:
        return News([], None, 0)
    newest = max(entry.reviewed for entry in dated)
    order: dict[Kind, int] = {"aspect": 0, "answer": 1, "point": 2, "question": 3}
    # days between two dates, never a date before the window: that date may lie before year 1
    kept = [(i, entry) for i, entry in enumerate(dated) if (newest - entry.reviewed).days < window_days]
    kept.sort(key=lambda pair: (-pair[1].reviewed.toordinal(), order[pair[1].kind], pair[1].change is None, pair[0]))
    grouped: dict[tuple[datetime.date, str], list[tuple[int, Entry]]] = {}
    for index, entry in kept:
        grouped.setdefault((entry.reviewed, entry.group), []).append((index, entry))

    def rank(members: list[tuple[int, Entry]]) -> tuple[int, bool, bool, int]:
        first = members[0][1]
        changed = any(entry.change is not None for _, entry in members)
        return (-first.reviewed.toordinal(), first.kind == "question", not changed, min(i for i, _ in members))

    groups = [Group([entry for _, entry in members]) for members in sorted(grouped.values(), key=rank)]
    return News(groups[:limit], newest, len(kept))


def _dated(site: Site) -> list[Entry]:
    """Every aspect, the short answer after its decision guide, every point that carries a date of its own,
    and every question, in data order."""
    found = []
    decision = site.decision
    for aspect in site.aspects:
        page = at.aspect_page(aspect.id)
        found.append(
            Entry(aspect.reviewed, "aspect", aspect.title, aspect.description, page, aspect.change, page, aspect.title)
        )
        if aspect.id == decision.guide:
            summary, section = "What to choose in one screen, with common scenarios.", at.address(page, at.CHOOSE)
            found.append(
                Entry(decision.reviewed, "answer", SHORT_ANSWER, summary, section, decision.change, page, aspect.title)
            )
        for point in aspect.points:
            if point.reviewed is not None:
                title, section = f"{aspect.title}: {point.title}", at.address(page, point.id)
                found.append(
                    Entry(point.reviewed, "point", title, point.gist, section, point.change, page, aspect.title)
                )
    for question in site.questions:
        summary = first_sentence(plain_text(site.html[question.answer]))
        section = site.question_address(question)
        found.append(
            Entry(
                question.reviewed, "question", question.question, summary, section, question.change, at.FAQ_PAGE, "FAQ"
            )
        )
    return found


def first_sentence(text: str, at_least: int = 60) -> str:
    """The text up to the end of its first sentence, or of as many as make ``at_least`` characters ("Partly."
    alone says little). A sentence ends at ``.``, ``?`` or ``!`` before a space or the end, so that
    ``tf.keras`` or ``3.15.1`` do not end one."""
    for end in re.finditer(r"[.!?](?=\s|$)", text):
        if end.end() >= at_least:
            return text[: end.end()]
    return text


# -- the page ---------------------------------------------------------------------------------------------


def render_news(site: Site, found: News) -> str:
    """The What's new page, answer first: the newest review date and how many sections it lists, then the
    entries under one heading per day."""
    here = at.NEWS_PAGE
    description = "The sections of the comparison checked again against their sources most recently, newest first."
    feed = f'<a href="{at.relative(at.FEED_FILE, here)}" type="application/atom+xml">Atom feed</a>'
    blocks = [
        mk.front_matter("What's new", attribute(description)),
        mk.heading(1, "What's new", at.NEWS_ANCHOR),
    ]
    if found.newest is None:
        blocks.append(mk.paragraph("No section carries a review date yet."))
        return "\n\n".join(blocks) + "\n"
    shown = len(found.entries)
    count = f"{found.in_window} sections" if found.in_window != 1 else "1 section"
    listed = "all listed here" if shown == found.in_window else f"the {shown} newest listed here"
    blocks.append(
        mk.paragraph(
            f"Latest review: <strong>{_day(found.newest)}</strong>. {count} were checked against their sources "
            f"in the {WINDOW_DAYS} days up to then, {listed}. Follow the {feed} to hear of the next ones."
        )
    )
    for day, groups in groupby(found.groups, key=lambda group: group.reviewed):
        items = (_group_item(group, here) for group in groups)
        blocks.append(mk.heading(2, _day(day), at.reviewed_anchor(day.isoformat()), searched=False))
        blocks.append(mk.box(at.Css.NEWS, mk.bullet_list(items), searched=False))
    return "\n\n".join(blocks) + "\n"


def _group_item(group: Group, here: str) -> str:
    """A group of one section as that section's item; a larger one as a line that sums it up (the aspect's
    own item, when it was reviewed that day) with an item per point or question below it."""
    if len(group.entries) == 1:
        return _item(group.entries[0], here)
    lead = _item(group.head, here) if group.head else f"{line_html(group.title)}: {_count(group.rest)}."
    if group.head:
        lead += f" And {_count(group.rest)}:"
    nested = "\n".join(f"    - {_item(entry, here, short=True)}" for entry in group.rest)
    return f"{lead}\n{nested}"


def _count(entries: list[Entry]) -> str:
    """What a group lists below its line (the short answer, points, questions), and how many of those
    reviews changed something."""
    parts = []
    for kind in ("answer", "point", "question"):
        number = sum(entry.kind == kind for entry in entries)
        if number:
            parts.append("the short answer" if kind == "answer" else f"{number} {kind}{'s' if number != 1 else ''}")
    changed = sum(entry.change is not None for entry in entries)
    if not changed:
        told = ""
    elif len(entries) == 1:
        told = " and changed"
    else:
        told = ", all changed" if changed == len(entries) else f", {changed} of them changed"
    return f"{' and '.join(parts)} reviewed{told}"


def _item(entry: Entry, here: str, *, short: bool = False) -> str:
    """The section's title (a link) and kind, then what changed, or else the section's answer in a line;
    ``short`` under its group's line, where the aspect and kind go without saying."""
    title = entry.title.removeprefix(f"{entry.group_title}: ") if short and entry.kind == "point" else entry.title
    kind = "" if short else f" ({KIND_LABEL[entry.kind]})"
    return f"{mk.link(entry.section, line_html(title), here)}{kind}: {_summary(entry)[0]}"


def _summary(entry: Entry) -> tuple[str, str]:
    """What an entry says after its title, as HTML for the page and as plain text for the feed: what the
    review changed, or else the section's answer (a line field, or an answer's plain first sentences)."""
    if entry.change is not None:
        return line_html(entry.change), line_plain(entry.change)
    if entry.kind == "question":
        return plain_html(entry.summary), entry.summary
    return line_html(entry.summary), line_plain(entry.summary)


def _day(day: datetime.date) -> str:
    return f"{day.day} {day.strftime('%B')} {day.year}"


# -- the feed ---------------------------------------------------------------------------------------------


def atom_feed(found: News, site_url: str, site_name: str) -> str:
    """The entries as an Atom feed (RFC 4287). Addresses are absolute under ``site_url`` (relative to the
    feed's own address without one); an entry's id stays the same for one review of one section."""
    ET.register_namespace("", ATOM)

    def element(parent: ET.Element, name: str, text: str | None = None, **attributes: str) -> ET.Element:
        node = ET.SubElement(parent, f"{{{ATOM}}}{name}", attributes)
        node.text = text
        return node

    feed = ET.Element(f"{{{ATOM}}}feed", {"{http://www.w3.org/XML/1998/namespace}lang": "en"})
    page = site_url + at.url_of(at.NEWS_PAGE)
    element(feed, "id", _id(site_url + at.FEED_FILE, None))
    element(feed, "title", f"{site_name}: what's new")
    element(feed, "subtitle", "Sections of the comparison checked again against their sources, newest first.")
    element(feed, "updated", _time(found.newest or datetime.date(1970, 1, 1)))
    author = element(feed, "author")
    element(author, "name", f"The {site_name} contributors")
    element(feed, "link", rel="self", type="application/atom+xml", href=site_url + at.FEED_FILE)
    element(feed, "link", rel="alternate", type="text/html", href=page)
    element(feed, "rights", f"{CONTENT_LICENCE.name}: {CONTENT_LICENCE.url}")
    for group in found.groups:
        one = group.entries[0] if len(group.entries) == 1 else None
        address = site_url + at.url_of(one.section if one else group.section)
        item = element(feed, "entry")
        element(item, "id", _id(address, group.reviewed))
        element(item, "title", line_plain(one.title if one else group.title))
        element(item, "updated", _time(group.reviewed))
        element(item, "link", rel="alternate", type="text/html", href=address)
        for kind in dict.fromkeys(entry.kind for entry in group.entries):
            element(item, "category", term=kind, label=KIND_LABEL[kind])
        if one:
            element(item, "summary", _summary(one)[1])
            continue
        lead = f"{_summary(group.head)[1]} And {_count(group.rest)}." if group.head else f"{_count(group.rest)}."
        element(item, "summary", lead)
        element(item, "content", _listing(group, site_url), type="html")
    ET.indent(feed)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, encoding="unicode") + "\n"


def _listing(group: Group, site_url: str) -> str:
    """Every section of a group as an HTML list (the text of an Atom ``html`` content): a link to each, and
    what its review changed, or else its answer in a line."""
    items = "".join(
        f'<li><a href="{escape(site_url + at.url_of(entry.section))}">{escape(line_plain(entry.title))}</a>: '
        f"{escape(_summary(entry)[1])}</li>"
        for entry in group.entries
    )
    return f"<ul>{items}</ul>"


def _id(address: str, reviewed: datetime.date | None) -> str:
    """A stable, opaque IRI: the same section reviewed on the same day always gets the same one."""
    name = f"{address} {reviewed.isoformat()}" if reviewed else address
    return uuid.uuid5(uuid.NAMESPACE_URL, name).urn


def _time(day: datetime.date) -> str:
    return f"{day.isoformat()}T00:00:00Z"
