"""The summary page: a table per aspect (a point's name, a few words per tool, the edge), then the tools."""

from __future__ import annotations

from . import addresses as at
from . import markup as mk
from .model import Aspect, Site, Tool
from .prose import attribute, line_html
from .refs import edge_name, join, names


def render_summary(site: Site) -> str:
    tools = names(site.tools)
    description = f"Every point where {tools} are compared, in a few words per tool, with the tool that has the edge."
    here = at.SUMMARY_PAGE
    blocks = [
        mk.front_matter("Summary table", attribute(description)),
        mk.heading(1, "Summary table", at.SUMMARY_ANCHOR),
        mk.paragraph(
            f"{line_html(description)} “Even” means neither has it; “Depends” that it depends on your project, "
            "as the point's recommendation explains. Each point's name links to its full section."
        ),
        mk.jump_list("Jump to:", (mk.link(at.address(here, a.id), line_html(a.title), here) for a in site.aspects)),
        *(render_summary_table(site, aspect) for aspect in site.aspects),
        mk.heading(2, "The tools compared", at.TOOLS_ANCHOR),
        render_tools_table(site),
    ]
    return join(blocks) + "\n"


def render_summary_table(site: Site, aspect: Aspect) -> str:
    """One aspect's points, a row each: the point's name (a link), a few words per tool, the edge."""
    here, page = at.SUMMARY_PAGE, at.aspect_page(aspect.id)
    head = [
        mk.cell("Point", tag="th", scope="col"),
        *(mk.cell(line_html(t.name), tag="th", scope="col") for t in site.tools),
        mk.cell("Edge", tag="th", scope="col", kind=at.Css.EDGE),
    ]
    rows = []
    for point in aspect.points:
        name = mk.cell(
            mk.link(at.address(page, point.id), line_html(point.title), here), tag="th", scope="row", markdown=True
        )
        if point.shared:
            cells = [mk.cell(line_html(point.shared.short), span=len(site.tools), kind=at.Css.SHARED)]
        else:
            cells = [mk.cell(line_html(point.tools[t.id].short)) for t in site.tools]
        edge = edge_name(site, point) or "\N{EN DASH}"
        rows.append([name, *cells, mk.cell(mk.cell_label("Edge: ") + edge, kind=at.Css.EDGE)])
    title = mk.link(at.address(page, aspect.id), line_html(aspect.title), here)
    return join(
        [
            mk.heading(2, title, aspect.id, searched=False),
            mk.box(at.Css.SUMMARY, mk.html_table(head, rows), searched=False),
        ]
    )


def tool_links(tool: Tool) -> tuple[str, str, str]:
    return tool.homepage, tool.docs, tool.repository


def render_tools_table(site: Site) -> str:
    rows = []
    for tool in site.tools:
        links = ", ".join(
            mk.web_link(url, text) for url, text in zip(tool_links(tool), ("Home", "docs", "source"), strict=True)
        )
        cells = (line_html(text) for text in (tool.maker, tool.licence, tool.version))
        rows.append([f"<strong>{line_html(tool.name)}</strong>", *cells, links])
    return mk.table(["Tool", "Made by", "Licence", "Version reviewed", "Links"], rows)
