"""The short answer: the choose-if lines and the scenarios, at the top of the decision guide (with their
evidence) and on the home page (in the place of its markers)."""

from __future__ import annotations

from . import addresses as at
from . import markup as mk
from .model import Site
from .prose import line_html
from .refs import join, ref_target, versions


def render_decision(site: Site, here: str) -> str:
    """The choose-if lines, with their evidence, then the scenarios: the top of the decision guide."""
    return join([render_choices(site, here, evidence=True), render_scenarios(site, here, evidence=True)])


def render_choices(site: Site, here: str, *, evidence: bool) -> str:
    columns = []
    for tool in site.tools:
        lines = []
        for choice in site.decision.choose[tool.id]:
            links = (mk.link(*ref_target(site, ref), here) for ref in choice.evidence)
            lines.append(line_html(choice.reason) + (" " + mk.evidence_line(links, label="") if evidence else ""))
        anchor = at.choose_anchor(tool.id) if evidence else ""
        columns.append(mk.choices(anchor, f"Choose {line_html(tool.name)} if you…", lines))
    return mk.columns(columns, at.CHOOSE if evidence else "", at.Css.CHOICES)


def render_scenarios(site: Site, here: str, *, evidence: bool) -> str:
    """If you..., start with..., because..., and the tool that is the answer where one is (a column of its
    own, as the summary's edge, so that the rows can be scanned by it)."""
    names_by_id = {tool.id: line_html(tool.name) for tool in site.tools}
    head = [mk.cell(text, tag="th", scope="col") for text in ("If you…", "Start with", "Because")]
    head.append(mk.cell("Tool", tag="th", scope="col", kind=at.Css.EDGE))
    rows = []
    for scenario in site.decision.scenarios:
        because = line_html(scenario.because)
        if evidence:
            links = (mk.link(*ref_target(site, ref), here) for ref in scenario.evidence)
            because += " " + mk.evidence_line(links, label="")
        tool = names_by_id[scenario.tool] if scenario.tool else "\N{EN DASH}"
        rows.append(
            [
                mk.cell(mk.cell_label("If you ") + line_html(scenario.situation), tag="th", scope="row"),
                mk.cell(mk.cell_label("Start with: ") + line_html(scenario.pick)),
                mk.cell(mk.cell_label("Because: ") + because, markdown=evidence),
                mk.cell(mk.cell_label("Tool: ") + tool, kind=at.Css.EDGE),
            ]
        )
    ids = [scenario.id for scenario in site.decision.scenarios] if evidence else []
    table = mk.box(at.Css.SCENARIOS, mk.html_table(head, rows, ids))
    heading = mk.heading(2, "Common scenarios", at.SCENARIOS) if evidence else ""
    return join([heading, table])


def home_inserts(site: Site) -> dict[str, str]:
    """What the home page's markers stand for: the short answer, and the list of aspect pages."""
    here, guide = at.HOME_PAGE, at.aspect_page(site.decision.guide)
    title = line_html(site.aspect_by_id[site.decision.guide].title)
    more = (  # a Markdown paragraph: MkDocs checks its link
        f"Why, with the evidence and sources: {mk.link(guide, title, here)}. "
        f"Reviewed on {site.decision.reviewed.isoformat()} against {versions(site)}."
    )
    short = join([render_choices(site, here, evidence=False), render_scenarios(site, here, evidence=False), more])
    return dict(zip(at.HOME_INSERTS, (short, aspect_list(site, here)), strict=True))


def aspect_list(site: Site, here: str) -> str:
    """Every aspect page, linked from page ``here``, with its one-line description."""
    return mk.bullet_list(
        f"{mk.link(at.aspect_page(a.id), line_html(a.nav_title or a.title), here)}: {line_html(a.description)}"
        for a in site.aspects
    )
