"""Stage 3: turn the validated :class:`~sitegen.model.Site` into Markdown pages, ``{path: text}``.

Every block comes from one small function. Links between generated pages are relative ``.md``
links, so MkDocs checks each of them and each anchor when it builds with ``--strict``.
"""

from __future__ import annotations

import json
import posixpath
import re
from collections.abc import Iterable
from functools import lru_cache

from .model import Aspect, Point, Question, Site, Source, Tool

SUMMARY_PAGE = "summary.md"
NOT_SEARCHED = "data-search-exclude"
"""Marks what Material's search leaves out: sources, evidence and review lines, the lists of related
questions, the summary table (its cells repeat the aspect pages). Results then point at the sections
that answer, not at a list that mentions the same words."""
FAQ_PAGE = "faq.md"
ASPECT_DIR = "aspects"


def aspect_page(aspect: Aspect) -> str:
    return f"{ASPECT_DIR}/{aspect.id}.md"


def render_site(site: Site) -> dict[str, str]:
    """Every generated page (Markdown) and redirect (HTML), keyed by its path in the docs tree."""
    pages = {aspect_page(aspect): render_aspect(site, aspect) for aspect in site.aspects}
    pages[SUMMARY_PAGE] = render_summary(site)
    pages[FAQ_PAGE] = render_faq(site)
    for aspect in site.aspects:
        for alias in aspect.aliases:
            pages[f"{ASPECT_DIR}/{alias}/index.html"] = render_redirect(f"../{aspect.id}/")
    return pages


def nav_entries(site: Site) -> list[dict[str, str]]:
    """The aspect pages for the navigation, in data order."""
    return [{aspect.nav_title or aspect.title: aspect_page(aspect)} for aspect in site.aspects]


# -- small helpers --------------------------------------------------------------------------------


def names(tools: Iterable[Tool]) -> str:
    """'A', 'A and B', 'A, B and C'."""
    items = [tool.name for tool in tools]
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


@lru_cache(maxsize=4096)
def _relative(page: str, folder: str) -> str:
    return posixpath.relpath(page, folder)


def link(target: str, text: str, here: str) -> str:
    """A Markdown link from page ``here`` to ``target`` (``page.md`` or ``page.md#anchor``)."""
    page, _, anchor = target.partition("#")
    relative = _relative(page, posixpath.dirname(here) or ".") if page != here else ""
    return f"[{text}]({relative}{'#' + anchor if anchor else ''})"


def ref_target(site: Site, ref: str) -> tuple[str, str]:
    """Resolve ``aspect`` or ``aspect#point`` to (target, title)."""
    aspect_id, _, point_id = ref.partition("#")
    aspect = site.aspect_by_id[aspect_id]
    if not point_id:
        return f"{aspect_page(aspect)}#{aspect.id}", aspect.title
    point = next(p for p in aspect.points if p.id == point_id)
    return f"{aspect_page(aspect)}#{point.id}", f"{aspect.title}: {point.title}"


def front_matter(title: str, description: str) -> str:
    return f"---\ntitle: {json.dumps(title)}\ndescription: {json.dumps(description)}\n---\n"


def anchors(ids: Iterable[str]) -> str:
    """Empty targets that keep old ids (aliases) landing on the section that follows."""
    return "".join(f'<div id="{anchor}" class="kvt-alias"></div>\n' for anchor in ids)


def sources_line(sources: Iterable[Source], label: str = "Sources") -> str:
    items = ", ".join(f"[{source.title}]({source.url})" for source in sources)
    return f'<span class="kvt-sources" {NOT_SEARCHED}>{label}: {items}</span>' if items else ""


def cell(text: str) -> str:
    return text.replace("|", "\\|")


# -- aspect pages ---------------------------------------------------------------------------------


def render_aspect(site: Site, aspect: Aspect) -> str:
    here = aspect_page(aspect)
    blocks = [
        front_matter(aspect.title, aspect.description),
        f"# {aspect.title} {{#{aspect.id}}}",
        aspect.description,
        aspect.intro or "",
        *(render_point(site, point, here) for point in aspect.points),
    ]
    if aspect.verdict:
        blocks += ["## Verdict {#verdict}", aspect.verdict]
    related = site.questions_by_aspect[aspect.id]
    if related:
        blocks += [
            f"## Related questions {{#related-questions {NOT_SEARCHED}}}",
            "\n".join(f"- {link(f'{FAQ_PAGE}#{q.id}', q.question, here)}" for q in related),
        ]
    versions = ", ".join(f"{tool.name} {tool.version}" for tool in site.tools)
    blocks += [
        f"## Sources {{#sources {NOT_SEARCHED}}}",
        "\n".join(f"- [{source.title}]({source.url})" for source in aspect.sources),
        f'<p class="kvt-reviewed" {NOT_SEARCHED}>Reviewed on {aspect.reviewed.isoformat()} against {versions}.</p>',
    ]
    return "\n\n".join(block for block in blocks if block) + "\n"


def render_point(site: Site, point: Point, here: str) -> str:
    blocks = [f"{anchors(point.aliases)}## {point.title} {{#{point.id}}}"]
    for tool in site.tools:
        blocks += [f"### {tool.name} {{#{point.id}--{tool.id}}}", point.tools[tool.id].text.strip()]
    if point.verdict:
        blocks.append('!!! tip "Recommendation"\n\n' + _indent(point.verdict.strip()))
    if point.evidence:
        evidence = (link(*ref_target(site, ref), here) for ref in point.evidence)
        blocks.append(f'<span class="kvt-evidence" {NOT_SEARCHED}>Evidence: {", ".join(evidence)}</span>')
    blocks.append(sources_line(point.sources))
    return "\n\n".join(block for block in blocks if block)


def _indent(text: str) -> str:
    return "\n".join(f"    {line}" if line else "" for line in text.splitlines())


# -- summary table --------------------------------------------------------------------------------


def render_summary(site: Site) -> str:
    tools = names(site.tools)
    description = f"Every aspect of {tools} side by side, one row per compared point, each cell linking to its section."
    return (
        "\n\n".join(
            [
                front_matter("Summary table", description),
                "# Summary table {#summary}",
                f"{description} Select a column heading to sort by it.",
                render_summary_table(site),
                "## The tools compared {#tools}",
                render_tools_table(site),
            ]
        )
        + "\n"
    )


def render_summary_table(site: Site) -> str:
    here = SUMMARY_PAGE
    head = "| Aspect and point | " + " | ".join(tool.name for tool in site.tools) + " |"
    rule = "|" + " --- |" * (len(site.tools) + 1)
    rows = []
    for aspect in site.aspects:
        page = aspect_page(aspect)
        first = f"**{link(f'{page}#{aspect.id}', cell(aspect.title), here)}**"
        texts = (link(f"{page}#{aspect.id}", cell(aspect.summary[t.id]), here) for t in site.tools)
        rows.append(f"| {first} | " + " | ".join(texts) + " |")
        context = f'<span class="kvt-in">{cell(aspect.title)}</span>'  # which aspect, once rows are sorted
        for point in aspect.points:
            first = f"{context} {link(f'{page}#{point.id}', cell(point.title), here)}"
            texts = (link(f"{page}#{point.id}--{t.id}", cell(point.tools[t.id].short), here) for t in site.tools)
            rows.append(f"| {first} | " + " | ".join(texts) + " |")
    table = "\n".join([head, rule, *rows])
    return f'<div class="kvt-summary" {NOT_SEARCHED} markdown>\n\n{table}\n\n</div>'


def render_tools_table(site: Site) -> str:
    rows = ["| Tool | Made by | Licence | Version reviewed | Links |", "| --- | --- | --- | --- | --- |"]
    for tool in site.tools:
        links = f"[Home]({tool.homepage}), [docs]({tool.docs}), [source]({tool.repository})"
        rows.append(f"| **{tool.name}** | {cell(tool.maker)} | {cell(tool.licence)} | {cell(tool.version)} | {links} |")
    return "\n".join(rows)


# -- FAQ ------------------------------------------------------------------------------------------


FILTER_BOX = """<div class="kvt-filter" hidden>
<label for="kvt-filter-input">Filter the questions</label>
<input id="kvt-filter-input" type="search" autocomplete="off" placeholder="Type a word, e.g. JAX">
<p class="kvt-filter-status" role="status" aria-live="polite"></p>
</div>"""


def render_faq(site: Site) -> str:
    count, tools = len(site.questions), names(site.tools)
    description = f"Short, sourced answers to {count} questions people ask when choosing between {tools}."
    blocks = [front_matter("FAQ", description), "# Frequently asked questions {#faq}", description, FILTER_BOX]
    for topic in site.topics:
        questions = [q for q in site.questions if q.topic == topic.id]
        if questions:
            items = "\n\n".join(render_question(site, q) for q in questions)
            heading = f"## {topic.title} {{#{topic.id}}}"
            blocks.append(f'<section class="kvt-topic" markdown>\n\n{heading}\n\n{items}\n\n</section>')
    return "\n\n".join(blocks) + "\n"


def render_question(site: Site, question: Question) -> str:
    here = FAQ_PAGE
    related = ", ".join(link(*ref_target(site, ref), here) for ref in question.related)
    notes = [f"See also: {related}." if related else "", sources_line(question.sources)]
    notes.append(f"Reviewed {question.reviewed.isoformat()}.")
    heading = f"{anchors(question.aliases)}### {question.question} {{#{question.id}}}"
    return "\n\n".join(
        [
            f'<div class="kvt-question" markdown>\n\n{heading}',
            question.answer.strip(),
            f'<p class="kvt-meta" {NOT_SEARCHED} markdown>' + " ".join(n for n in notes if n) + "</p>",
            "</div>",
        ]
    )


def faq_jsonld(site: Site) -> str:
    """schema.org FAQPage structured data, safe to place inside a ``<script>`` element."""
    data = {
        "@context": "https://schema.org",
        "@type": "FAQPage",
        "mainEntity": [
            {
                "@type": "Question",
                "name": q.question,
                "acceptedAnswer": {"@type": "Answer", "text": plain_text(q.answer)},
            }
            for q in site.questions
        ],
    }
    text = json.dumps(data, ensure_ascii=False, sort_keys=True)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def plain_text(markdown: str) -> str:
    """Markdown reduced to its words: link text kept, URLs and emphasis marks dropped."""
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", markdown)
    text = re.sub(r"[`*_]+", "", text)
    return " ".join(text.split())


# -- redirects for renamed aspects ----------------------------------------------------------------


def render_redirect(target: str) -> str:
    """A page that sends an old aspect URL (with its #anchor) to the aspect's current URL."""
    return (
        '<!doctype html>\n<html lang="en"><head><meta charset="utf-8">'
        f'<title>Moved</title><link rel="canonical" href="{target}">'
        f'<meta http-equiv="refresh" content="0; url={target}">'
        f"<script>location.replace({json.dumps(target)} + location.hash)</script>"
        f'</head><body><p>This page moved to <a href="{target}">{target}</a>.</p></body></html>\n'
    )
