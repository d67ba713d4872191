"""Stage 3: turn the validated :class:`~sitegen.model.Site` into pages, ``{path: text}``.

Each page is a list of blocks in reading order; addresses come from :mod:`sitegen.addresses` and the
markup around the data from :mod:`sitegen.markup`. Links between generated pages are relative ``.md``
links, so MkDocs checks each of them and each anchor when it builds with ``--strict``.
"""

from __future__ import annotations

from collections.abc import Iterable

from . import addresses as at
from . import markup as mk
from .model import EVEN, Aspect, Point, Question, Site, Support, Tool
from .prose import attribute, line_html, line_plain, page_title, plain_text


def render_site(site: Site) -> dict[str, str]:
    """Every generated page (Markdown) and redirect (HTML), keyed by its path in the docs tree."""
    pages = {at.aspect_page(aspect.id): render_aspect(site, aspect) for aspect in site.aspects}
    pages[at.SUMMARY_PAGE] = render_summary(site)
    pages[at.FAQ_PAGE] = render_faq(site)
    for aspect in site.aspects:
        for alias in aspect.aliases:
            pages[at.redirect_page(alias)] = mk.redirect_document(at.redirect_target(aspect.id))
    return pages


def nav_entries(site: Site) -> list[dict[str, str]]:
    """The aspect pages for the navigation, in data order."""
    return [{page_title(aspect.nav_title or aspect.title): at.aspect_page(aspect.id)} for aspect in site.aspects]


def head_extras(site: Site) -> dict[str, str]:
    """HTML to add to the ``<head>`` of some pages, by page path: the FAQ's structured data."""
    return {at.FAQ_PAGE: faq_jsonld(site)}


def page_anchors(site: Site) -> dict[str, set[str]]:
    """The ids each generated page carries, by page path: those hand-written pages may link to."""
    anchors = {at.SUMMARY_PAGE: {at.SUMMARY_ANCHOR, at.TOOLS_ANCHOR, *(aspect.id for aspect in site.aspects)}}
    asked = {question.topic for question in site.questions}
    anchors[at.FAQ_PAGE] = {
        at.FAQ_ANCHOR,
        at.QUESTIONS_ANCHOR,
        *(topic.id for topic in site.topics if topic.id in asked),
    }
    anchors[at.FAQ_PAGE] |= {anchor for q in site.questions for anchor in (q.id, *q.aliases)}
    for aspect in site.aspects:
        own = {aspect.id, at.SOURCES, *([at.VERDICT] if aspect.verdict else [])}
        if aspect.id == site.decision.guide:
            own |= {at.CHOOSE, at.SCENARIOS, *(at.choose_anchor(t.id) for t in site.tools)}
            own |= {scenario.id for scenario in site.decision.scenarios}
        if aspect.summary:
            own.add(at.IN_SHORT)
        own |= {at.RELATED_QUESTIONS} if site.questions_by_aspect[aspect.id] else set()
        for point in aspect.points:
            own |= {point.id, *point.aliases, *(at.tool_anchor(point.id, tool.id) for tool in site.tools)}
        anchors[at.aspect_page(aspect.id)] = own
    return anchors


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


def _join(blocks: Iterable[str]) -> str:
    return "\n\n".join(block for block in blocks if block)


# -- aspect pages ---------------------------------------------------------------------------------


def render_aspect(site: Site, aspect: Aspect) -> str:
    """An aspect page, answer first: its verdict and each tool's summary line, then its points."""
    here = at.aspect_page(aspect.id)
    guide = aspect.id == site.decision.guide
    blocks = [
        mk.front_matter(page_title(aspect.title), attribute(aspect.description)),
        mk.heading(1, line_html(aspect.title), aspect.id),
        mk.paragraph(line_html(aspect.description)),
        mk.recommendation(site.html[aspect.verdict], "Verdict", at.VERDICT) if aspect.verdict else "",
        render_in_short(site, aspect) if aspect.summary else "",
        render_decision(site, here) if guide else "",
        site.html[aspect.intro] if aspect.intro else "",
        *(render_point(site, point, here) for point in aspect.points),
    ]
    related = site.questions_by_aspect[aspect.id]
    if related:
        blocks += [
            mk.heading(2, "Related questions", at.RELATED_QUESTIONS, searched=False),
            mk.bullet_list(mk.link(at.address(at.FAQ_PAGE, q.id), line_html(q.question), here) for q in related),
        ]
    sources = {source.url: source for source in (*aspect.sources, *(site.decision.sources if guide else ()))}
    blocks += [
        mk.heading(2, "Sources", at.SOURCES, searched=False),
        mk.bullet_list(mk.source_link(source) for source in sources.values()),
        mk.reviewed_line(f"Reviewed on {aspect.reviewed.isoformat()} against {versions(site)}."),
    ]
    return _join(blocks) + "\n"


def versions(site: Site) -> str:
    return ", ".join(f"{line_html(tool.name)} {line_html(tool.version)}" for tool in site.tools)


def render_in_short(site: Site, aspect: Aspect) -> str:
    """Each tool's one-line summary of the aspect, side by side."""
    items = (mk.tool_column("", line_html(t.name), mk.paragraph(line_html(aspect.summary[t.id]))) for t in site.tools)
    return mk.columns(items, at.IN_SHORT)


def edge_name(site: Site, point: Point) -> str:
    """What a point's edge reads as (HTML): the tool's name, Even or Depends; empty when not given (a shared
    text is even)."""
    edge = point.edge or (EVEN if point.shared else None)
    if edge is None:
        return ""
    tool = next((tool for tool in site.tools if tool.id == edge), None)
    return line_html(tool.name) if tool else edge.capitalize()


def render_point(site: Site, point: Point, here: str) -> str:
    """A point, answer first: its gist and recommendation, the tools side by side, then its support matrix,
    evidence and sources."""
    blocks = [
        mk.alias_targets(point.aliases) + mk.heading(2, line_html(point.title), point.id),
        mk.gist(line_html(point.gist), edge_name(site, point)),
        mk.recommendation(site.html[point.verdict]) if point.verdict else "",
    ]
    if point.shared:
        anchors = (at.tool_anchor(point.id, tool.id) for tool in site.tools)
        blocks.append(mk.columns([mk.shared_column(anchors, names(site.tools), site.html[point.shared.text])]))
    else:
        blocks.append(
            mk.columns(
                mk.tool_column(at.tool_anchor(point.id, t.id), line_html(t.name), site.html[point.tools[t.id].text])
                for t in site.tools
            )
        )
    if point.support:
        blocks.append(render_support(site, point))
    evidence = mk.evidence_line(mk.link(*ref_target(site, ref), here) for ref in point.evidence)
    blocks.append(mk.notes([evidence if point.evidence else "", mk.sources_line(point.sources)]))
    return _join(blocks)


def render_support(site: Site, point: Point) -> str:
    head = [
        mk.cell("Support", tag="th", scope="col"),
        *(mk.cell(line_html(t.name), tag="th", scope="col") for t in site.tools),
    ]
    rows = []
    for row in point.support:
        cells = [mk.cell(line_html(row.label), tag="th", scope="row")]
        for tool in site.tools:
            value = row.tools[tool.id]
            if isinstance(value, Support):
                cells.append(mk.cell(mk.level(value.level, line_html(value.note) if value.note else "")))
            else:
                cells.append(mk.cell(mk.level(value, "")))
        rows.append(cells)
    return mk.box(at.Css.SUPPORT, mk.html_table(head, rows))


# -- the short answer: on the home page and the decision guide ----------------------------------------


def render_decision(site: Site, here: str) -> str:
    """The choose-if lines, with their evidence, then the scenarios: the top of the decision guide."""
    return _join([render_choices(site, here, evidence=True), render_scenarios(site, here, evidence=True)])


def render_choices(site: Site, here: str, *, evidence: bool) -> str:
    columns = []
    for tool in site.tools:
        lines = []
        for choice in site.decision.choose[tool.id]:
            links = ", ".join(mk.link(*ref_target(site, ref), here) for ref in choice.evidence) if evidence else ""
            lines.append(
                line_html(choice.reason)
                + (f' <span class="{at.Css.EVIDENCE}" {at.SEARCH_EXCLUDE}>{links}</span>' if links else "")
            )
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
            links = ", ".join(mk.link(*ref_target(site, ref), here) for ref in scenario.evidence)
            because += f' <span class="{at.Css.EVIDENCE}" {at.SEARCH_EXCLUDE}>{links}</span>'
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
    return _join([heading, table])


def home_inserts(site: Site) -> dict[str, str]:
    """What the home page's markers stand for: the short answer, and the list of aspect pages."""
    here, guide = at.HOME_PAGE, at.aspect_page(site.decision.guide)
    title = line_html(site.aspect_by_id[site.decision.guide].title)
    more = (  # a Markdown paragraph: MkDocs checks its link
        f"Why, with the evidence and sources: {mk.link(guide, title, here)}. "
        f"Reviewed on {site.decision.reviewed.isoformat()} against {versions(site)}."
    )
    short = _join([render_choices(site, here, evidence=False), render_scenarios(site, here, evidence=False), more])
    aspects = mk.bullet_list(
        f"{mk.link(at.aspect_page(a.id), line_html(a.nav_title or a.title), here)}: {line_html(a.description)}"
        for a in site.aspects
    )
    return dict(zip(at.HOME_INSERTS, (short, aspects), strict=True))


# -- summary table --------------------------------------------------------------------------------


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
    return _join(blocks) + "\n"


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
    return _join(
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


# -- FAQ ------------------------------------------------------------------------------------------


def render_faq(site: Site) -> str:
    count, tools = len(site.questions), names(site.tools)
    description = f"Short, sourced answers to {count} questions people ask when choosing between {tools}."
    groups = []
    for topic in site.topics:
        links = [
            mk.link(at.address(at.FAQ_PAGE, q.id), line_html(q.question), at.FAQ_PAGE)
            for q in site.questions
            if q.topic == topic.id
        ]
        if links:
            groups.append((line_html(topic.title), links))
    blocks = [
        mk.front_matter("FAQ", attribute(description)),
        mk.heading(1, "Frequently asked questions", at.FAQ_ANCHOR),
        mk.paragraph(line_html(description)),
        mk.FILTER_BOX,
        mk.question_index(at.QUESTIONS_ANCHOR, groups),
    ]
    for topic in site.topics:
        questions = [q for q in site.questions if q.topic == topic.id]
        if questions:
            items = "\n\n".join(render_question(site, q) for q in questions)
            blocks.append(mk.topic_section(mk.heading(2, line_html(topic.title), topic.id), items))
    return "\n\n".join(blocks) + "\n"


def render_question(site: Site, question: Question) -> str:
    related = ", ".join(mk.link(*ref_target(site, ref), at.FAQ_PAGE) for ref in question.related)
    notes = [
        f"See also: {related}" if related else "",
        mk.sources_line(question.sources),
        f"Reviewed {question.reviewed.isoformat()}",
    ]
    heading = mk.alias_targets(question.aliases) + mk.heading(3, line_html(question.question), question.id)
    return mk.question_block(heading, site.html[question.answer], notes)


def faq_jsonld(site: Site) -> str:
    """schema.org FAQPage structured data, as a ``<script>`` element for the FAQ page's head."""
    data = {
        "@context": "https://schema.org",
        "@type": "FAQPage",
        "mainEntity": [
            {
                "@type": "Question",
                "name": line_plain(q.question),
                "acceptedAnswer": {"@type": "Answer", "text": plain_text(site.html[q.answer])},
            }
            for q in site.questions
        ],
    }
    return mk.jsonld_script(data)
