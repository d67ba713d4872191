"""The FAQ page: the index of questions by topic, the filter box, each topic's questions; and its
structured data."""

from __future__ import annotations

from . import addresses as at
from . import markup as mk
from .corrections import Corrections, correction_line
from .model import Question, Site
from .prose import attribute, line_html, line_plain, plain_text
from .refs import names, ref_target


def render_faq(site: Site, corrections: Corrections | None = None) -> str:
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
            items = "\n\n".join(render_question(site, q, corrections) for q in questions)
            blocks.append(mk.topic_section(mk.heading(2, line_html(topic.title), topic.id), items))
    return "\n\n".join(blocks) + "\n"


def render_question(site: Site, question: Question, corrections: Corrections | None = None) -> str:
    related = ", ".join(mk.link(*ref_target(site, ref), at.FAQ_PAGE) for ref in question.related)
    section = at.address(at.FAQ_PAGE, question.id)
    notes = [
        f"See also: {related}" if related else "",
        mk.sources_line(question.sources),
        f"Reviewed {question.reviewed.isoformat()}",
        correction_line(site, corrections, section, line_plain(question.question)),
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
