"""What several pages say alike: the tools' names and versions, a reference's target and title, a
point's edge, and how blocks join into a page."""

from __future__ import annotations

from collections.abc import Iterable

from . import addresses as at
from .model import Point, Site, Tool
from .prose import line_html, line_plain


def names(tools: Iterable[Tool]) -> str:
    """'A', 'A and B', 'A, B and C' (plain text, as in the data)."""
    items = [line_plain(tool.name) for tool in tools]
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def ref_target(site: Site, ref: str) -> tuple[str, str]:
    """Resolve ``aspect`` or ``aspect#point`` to (target, title as HTML)."""
    aspect_id, point_id = at.split_ref(ref)
    aspect = site.aspect_by_id[aspect_id]
    if point_id is None:
        return at.address(at.aspect_page(aspect.id), aspect.id), line_html(aspect.title)
    point = site.point_by_ids[aspect.id, point_id]
    return at.address(at.aspect_page(aspect.id), point.id), f"{line_html(aspect.title)}: {line_html(point.title)}"


def versions(site: Site) -> str:
    return ", ".join(f"{line_html(tool.name)} {line_html(tool.version)}" for tool in site.tools)


def edge_name(site: Site, point: Point) -> str:
    """What a point's edge reads as (HTML): the tool's name, Even or Depends; empty when not given (a shared
    text is even)."""
    edge = point.shown_edge()
    if edge is None:
        return ""
    tool = next((tool for tool in site.tools if tool.id == edge), None)
    return line_html(tool.name) if tool else edge.capitalize()


def join(blocks: Iterable[str]) -> str:
    """Blocks of a page, in order, with the empty ones left out."""
    return "\n\n".join(block for block in blocks if block)
