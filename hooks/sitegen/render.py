"""Stage 3: turn the validated :class:`~sitegen.model.Site` into pages, ``{path: text}``.

Each page is a list of blocks in reading order; addresses come from :mod:`sitegen.addresses` and the
markup around the data from :mod:`sitegen.markup`. This module makes the aspect pages and joins the
rest: the short answer (:mod:`sitegen.answer`), the summary (:mod:`sitegen.summary`) and the FAQ
(:mod:`sitegen.faq`), with what they share in :mod:`sitegen.refs`. Links between generated pages are relative ``.md``
links, so MkDocs checks each of them and each anchor when it builds with ``--strict``.
"""

from __future__ import annotations

from . import addresses as at
from . import markup as mk
from .answer import aspect_list, render_decision
from .corrections import Corrections, correction_line
from .faq import faq_heads, render_faq_pages
from .model import Aspect, Point, Site, Support
from .news import News, news, render_news
from .prose import attribute, line_html, line_plain, page_title
from .refs import edge_name, join, names, ref_target, versions
from .summary import render_summary


def render_site(site: Site, corrections: Corrections | None = None, found: News | None = None) -> dict[str, str]:
    """Every generated page (Markdown) and redirect (HTML), keyed by its path in the docs tree; with
    ``corrections``, each point and question links to its correction and its data file. ``found``: what
    What's new lists, if the caller has it already."""
    pages = {at.aspect_page(aspect.id): render_aspect(site, aspect, corrections) for aspect in site.aspects}
    pages[at.ASPECTS_INDEX] = render_aspects_index(site)
    pages[at.SUMMARY_PAGE] = render_summary(site)
    pages |= render_faq_pages(site, corrections)
    pages[at.NEWS_PAGE] = render_news(site, found or news(site))
    for aspect in site.aspects:
        for alias in aspect.aliases:
            pages[at.redirect_page(alias)] = mk.redirect_document(at.redirect_target(aspect.id))
    return pages


ALL_ASPECTS = "All aspects"
ALL_QUESTIONS = "All questions"


def nav_entries(site: Site) -> list[dict[str, str]]:
    """The index of aspects, then the aspect pages, in data order: what the navigation's placeholder stands for."""
    aspects = [{page_title(aspect.nav_title or aspect.title): at.aspect_page(aspect.id)} for aspect in site.aspects]
    return [{ALL_ASPECTS: at.ASPECTS_INDEX}, *aspects]


def faq_nav(site: Site) -> list[dict[str, str]]:
    """The FAQ's pages for the navigation when it has a page per topic (the index first); else none."""
    if not site.faq_split:
        return []
    topics = [{page_title(topic.title): at.topic_page(topic.id)} for topic, _ in site.questions_by_topic]
    return [{ALL_QUESTIONS: at.FAQ_PAGE}, *topics]


def render_aspects_index(site: Site) -> str:
    """The aspects' own page: every aspect with its description (the navigation's way to them all)."""
    description = f"The {len(site.aspects)} aspects on which this site compares {names(site.tools)}, each on its page."
    blocks = [
        mk.front_matter("All aspects", attribute(description)),
        mk.heading(1, "All aspects", at.ASPECTS_ANCHOR),
        mk.paragraph(line_html(description)),
        aspect_list(site, at.ASPECTS_INDEX),
    ]
    return join(blocks) + "\n"


def head_extras(site: Site) -> dict[str, str]:
    """HTML to add to the ``<head>`` of some pages, by page path: the FAQ's structured data."""
    return faq_heads(site)


def page_anchors(site: Site, found: News | None = None) -> dict[str, set[str]]:
    """The ids each generated page carries, by page path: those hand-written pages may link to (``found``:
    what What's new lists, if the caller has it already)."""
    anchors = {at.SUMMARY_PAGE: {at.SUMMARY_ANCHOR, at.TOOLS_ANCHOR, *(aspect.id for aspect in site.aspects)}}
    anchors[at.ASPECTS_INDEX] = {at.ASPECTS_ANCHOR}
    asked = site.questions_by_topic
    anchors[at.FAQ_PAGE] = {at.FAQ_ANCHOR, at.QUESTIONS_ANCHOR, *(topic.id for topic, _ in asked)}
    anchors[at.FAQ_PAGE] |= {anchor for q in site.questions for anchor in (q.id, *q.aliases)}  # index entries, if split
    if site.faq_split:
        for topic, questions in asked:
            anchors[at.topic_page(topic.id)] = {topic.id, *(anchor for q in questions for anchor in (q.id, *q.aliases))}
    anchors[at.NEWS_PAGE] = {at.NEWS_ANCHOR, *news_days(found or news(site))}
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


def news_days(found: News) -> set[str]:
    """The anchors of the days the What's new page lists."""
    return {at.reviewed_anchor(entry.reviewed.isoformat()) for entry in found.entries}


# -- aspect pages ---------------------------------------------------------------------------------


def render_aspect(site: Site, aspect: Aspect, corrections: Corrections | None = None) -> str:
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
        *(render_point(site, aspect, point, corrections) for point in aspect.points),
    ]
    related = site.questions_by_aspect[aspect.id]
    if related:
        blocks += [
            mk.heading(2, "Related questions", at.RELATED_QUESTIONS, searched=False),
            mk.bullet_list(mk.link(site.question_address(q), line_html(q.question), here) for q in related),
        ]
    sources = {source.url: source for source in (*aspect.sources, *(site.decision.sources if guide else ()))}
    blocks += [
        mk.heading(2, "Sources", at.SOURCES, searched=False),
        mk.bullet_list(mk.source_link(source) for source in sources.values()),
        mk.reviewed_line(f"Reviewed on {aspect.reviewed.isoformat()} against {versions(site)}."),
    ]
    return join(blocks) + "\n"


def render_in_short(site: Site, aspect: Aspect) -> str:
    """Each tool's one-line summary of the aspect, side by side."""
    items = (mk.tool_column("", line_html(t.name), mk.paragraph(line_html(aspect.summary[t.id]))) for t in site.tools)
    return mk.columns(items, at.IN_SHORT)


def render_point(site: Site, aspect: Aspect, point: Point, corrections: Corrections | None = None) -> str:
    """A point, answer first: its gist and recommendation, the tools side by side, then its support matrix,
    evidence and sources, and where to correct it."""
    here = at.aspect_page(aspect.id)
    blocks = [
        mk.alias_targets(point.aliases) + mk.heading(2, line_html(point.title), point.id),
        mk.gist(line_html(point.gist), edge_name(site, point)),
        mk.recommendation(site.html[point.verdict]) if point.verdict else "",
    ]
    if point.shared:
        anchors = (at.tool_anchor(point.id, tool.id) for tool in site.tools)
        label = line_html(names(site.tools))  # names() is plain text
        blocks.append(mk.columns([mk.shared_column(anchors, label, site.html[point.shared.text])]))
    else:
        blocks.append(
            mk.columns(
                mk.tool_column(at.tool_anchor(point.id, t.id), line_html(t.name), site.html[point.tools[t.id].text])
                for t in site.tools
            )
        )
    if point.support:
        blocks.append(render_support(site, point))
    links = (mk.link(*ref_target(site, ref), here) for ref in point.evidence)
    section = at.address(here, point.id)
    correct = correction_line(site, corrections, section, f"{line_plain(aspect.title)}: {line_plain(point.title)}")
    reviewed = f"Reviewed {aspect.reviewed_of(point).isoformat()}"
    blocks.append(
        mk.notes([mk.evidence_line(links) if point.evidence else "", mk.sources_line(point.sources), reviewed, correct])
    )
    return join(blocks)


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
            support = value if isinstance(value, Support) else Support(level=value)
            cells.append(mk.cell(mk.level(support.level, line_html(support.note) if support.note else "")))
        rows.append(cells)
    return mk.box(at.Css.SUPPORT, mk.html_table(head, rows))
