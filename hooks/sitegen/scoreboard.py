"""How the edges fall: for each aspect, how many points each tool leads, how many are even and how many
depend on the project; and which points one tool leads. The About page shows it beside the rule that
decides edges, so that a reader can check the rule against the data."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from . import addresses as at
from . import markup as mk
from .model import DEPENDS, EVEN, Aspect, Point, Site
from .prose import line_html
from .refs import join

NOT_GIVEN = ""
"""The edge of a point whose data gives none (and which is not shared)."""
_HEADS = {EVEN: "Even", DEPENDS: "Depends", NOT_GIVEN: "No edge given"}


def edge_of(point: Point) -> str:
    """A point's edge as counted: a tool id, ``even``, ``depends``, or :data:`NOT_GIVEN`; a shared text is even."""
    return point.shown_edge() or NOT_GIVEN


def tally(points: Iterable[Point]) -> Counter[str]:
    """How many of the points have each edge."""
    return Counter(edge_of(point) for point in points)


def about_inserts(site: Site) -> dict[str, str]:
    """What the About page's marker stands for: the edges counted."""
    return dict(zip(at.ABOUT_INSERTS, [render_edge_counts(site, at.ABOUT_PAGE)], strict=True))


def render_edge_counts(site: Site, here: str) -> str:
    """A sentence with the totals, a table by aspect (a column per tool, then even and depends), and the
    points that one tool leads, each a link, under its tool's name."""
    every = [point for aspect in site.aspects for point in aspect.points]
    total = tally(every)
    edges = [*(tool.id for tool in site.tools), EVEN, DEPENDS, *([NOT_GIVEN] if total[NOT_GIVEN] else [])]
    name = {tool.id: line_html(tool.name) for tool in site.tools} | _HEADS
    head = [mk.cell("Aspect", tag="th", scope="col"), *(mk.cell(name[e], tag="th", scope="col") for e in edges)]
    rows = [_row(aspect, tally(aspect.points), edges, here) for aspect in site.aspects]
    rows.append(
        [mk.cell("<strong>All aspects</strong>", tag="th", scope="row")]
        + [mk.cell(f"<strong>{total[e]}</strong>") for e in edges]
    )
    parts = [f"{total[tool.id]} where {name[tool.id]} has the edge" for tool in site.tools]
    parts += [f"{total[EVEN]} even", f"{total[DEPENDS]} where it depends on the project"]
    if total[NOT_GIVEN]:
        parts.append(f"{total[NOT_GIVEN]} with no edge given")
    sentence = f"Of the {len(every)} points compared today, " + ", ".join(parts[:-1]) + f" and {parts[-1]}."
    return join([mk.paragraph(sentence), mk.html_table(head, rows), _leads(site, here)])


def _row(aspect: Aspect, counts: Counter[str], edges: list[str], here: str) -> list[str]:
    title = mk.link(at.aspect_page(aspect.id), line_html(aspect.title), here)
    return [mk.cell(title, tag="th", scope="row", markdown=True), *(mk.cell(str(counts[e])) for e in edges)]


def _leads(site: Site, here: str) -> str:
    """For each tool that leads on some point: those points, each linked, with its aspect."""
    lines = []
    for tool in site.tools:
        led = [
            f"{mk.link(at.address(at.aspect_page(aspect.id), point.id), line_html(point.title), here)} "
            f"({line_html(aspect.title)})"
            for aspect in site.aspects
            for point in aspect.points
            if edge_of(point) == tool.id
        ]
        if led:
            lines.append(f"Where {line_html(tool.name)} has the edge: " + "; ".join(led) + ".")
    return mk.bullet_list(lines) if lines else ""
