"""Stage 3: turn the validated :class:`~sitegen.model.Site` into pages, ``{path: text}``.

Each page is a list of blocks in reading order; addresses come from :mod:`sitegen.addresses` and the
markup around the data from :mod:`sitegen.markup`. Links between generated pages are relative ``.md``
links, so MkDocs checks each of them and each anchor when it builds with ``--strict``.
"""

from __future__ import annotations

from collections.abc import Iterable

from . import addresses as at
from . import markup as mk
from .model import Aspect, Point, Question, Site, Tool
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
    anchors = {at.SUMMARY_PAGE: {at.SUMMARY_ANCHOR, at.TOOLS_ANCHOR}}
    asked = {question.topic for question in site.questions}
    anchors[at.FAQ_PAGE] = {at.FAQ_ANCHOR, *(topic.id for topic in site.topics if topic.id in asked)}
    anchors[at.FAQ_PAGE] |= {anchor for q in site.questions for anchor in (q.id, *q.aliases)}
    for aspect in site.aspects:
        own = {aspect.id, at.SOURCES, *([at.VERDICT] if aspect.verdict else [])}
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
    here = at.aspect_page(aspect.id)
    blocks = [
        mk.front_matter(page_title(aspect.title), attribute(aspect.description)),
        mk.heading(1, line_html(aspect.title), aspect.id),
        mk.paragraph(line_html(aspect.description)),
        site.html[aspect.intro] if aspect.intro else "",
        *(render_point(site, point, here) for point in aspect.points),
    ]
    if aspect.verdict:
        blocks += [mk.heading(2, "Verdict", at.VERDICT), site.html[aspect.verdict]]
    related = site.questions_by_aspect[aspect.id]
    if related:
        blocks += [
            mk.heading(2, "Related questions", at.RELATED_QUESTIONS, searched=False),
            mk.bullet_list(mk.link(at.address(at.FAQ_PAGE, q.id), line_html(q.question), here) for q in related),
        ]
    versions = ", ".join(f"{line_html(tool.name)} {line_html(tool.version)}" for tool in site.tools)
    blocks += [
        mk.heading(2, "Sources", at.SOURCES, searched=False),
        mk.bullet_list(mk.source_link(source) for source in aspect.sources),
        mk.reviewed_line(f"Reviewed on {aspect.reviewed.isoformat()} against {versions}."),
    ]
    return _join(blocks) + "\n"


def render_point(site: Site, point: Point, here: str) -> str:
    blocks = [mk.alias_targets(point.aliases) + mk.heading(2, line_html(point.title), point.id)]
    for tool in site.tools:
        heading = mk.heading(3, line_html(tool.name), at.tool_anchor(point.id, tool.id))
        blocks += [heading, site.html[point.tools[tool.id].text]]
    if point.verdict:
        blocks.append(mk.recommendation(site.html[point.verdict]))
    if point.evidence:
        blocks.append(mk.evidence_line(mk.link(*ref_target(site, ref), here) for ref in point.evidence))
    blocks.append(mk.sources_line(point.sources))
    return _join(blocks)


# -- summary table --------------------------------------------------------------------------------


def render_summary(site: Site) -> str:
    tools = names(site.tools)
    description = f"Every aspect of {tools} side by side, one row per compared point, each cell linking to its section."
    blocks = [
        mk.front_matter("Summary table", attribute(description)),
        mk.heading(1, "Summary table", at.SUMMARY_ANCHOR),
        mk.paragraph(f"{line_html(description)} Select a column heading to sort by it."),
        render_summary_table(site),
        mk.heading(2, "The tools compared", at.TOOLS_ANCHOR),
        render_tools_table(site),
    ]
    return _join(blocks) + "\n"


def render_summary_table(site: Site) -> str:
    here = at.SUMMARY_PAGE
    rows = []
    for aspect in site.aspects:
        page = at.aspect_page(aspect.id)
        top = at.address(page, aspect.id)
        first = f"**{mk.link(top, line_html(aspect.title), here)}**"
        rows.append([first, *(mk.link(top, line_html(aspect.summary[t.id]), here) for t in site.tools)])
        context = mk.in_aspect(line_html(aspect.title))
        for point in aspect.points:
            first = f"{context} {mk.link(at.address(page, point.id), line_html(point.title), here)}"
            cells = (
                mk.link(at.address(page, at.tool_anchor(point.id, t.id)), line_html(point.tools[t.id].short), here)
                for t in site.tools
            )
            rows.append([first, *cells])
    head = ["Aspect and point", *(line_html(tool.name) for tool in site.tools)]
    return mk.summary_wrapper(mk.table(head, rows))


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
    blocks = [
        mk.front_matter("FAQ", attribute(description)),
        mk.heading(1, "Frequently asked questions", at.FAQ_ANCHOR),
        mk.paragraph(line_html(description)),
        mk.FILTER_BOX,
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
        f"See also: {related}." if related else "",
        mk.sources_line(question.sources),
        f"Reviewed {question.reviewed.isoformat()}.",
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
