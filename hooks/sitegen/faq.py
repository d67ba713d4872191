"""The FAQ: the index of questions by topic, the filter box, each topic's questions; and its structured data.

While the questions fit on one page (``one_page_up_to`` in ``topics.yml``), the FAQ is one page. Above,
it is an index that links every question, by topic, and a page per topic. Each entry of the index keeps
its question's old id (and aliases), so that an old link to ``faq/#question`` lands on the entry;
site.js then follows the entry's link to the question.
"""

from __future__ import annotations

from . import addresses as at
from . import markup as mk
from .corrections import Corrections, correction_line
from .model import Question, Site, Topic
from .prose import attribute, line_html, line_plain, page_title, plain_text
from .refs import names, ref_target
from .search import readers_words


def render_faq_pages(site: Site, corrections: Corrections | None = None) -> dict[str, str]:
    """The FAQ's pages by path: the one page, or the index and a page per topic."""
    if not site.faq_split:
        return {at.FAQ_PAGE: render_faq(site, corrections)}
    pages = {at.FAQ_PAGE: render_faq_index(site)}
    for topic, questions in site.questions_by_topic:
        pages[at.topic_page(topic.id)] = render_topic(site, topic, questions, corrections)
    return pages


def _index_page(site: Site, groups: list[tuple[str, str]], more: str = "") -> list[str]:
    """The top of the FAQ page, and all of the index of a split FAQ: its title, what it holds (and ``more``,
    a sentence of HTML), the filter box and the index of questions by topic."""
    count, tools = len(site.questions), names(site.tools)
    description = f"Short, sourced answers to {count} questions people ask when choosing between {tools}."
    return [
        mk.front_matter("FAQ", attribute(description)),
        mk.heading(1, "Frequently asked questions", at.FAQ_ANCHOR),
        mk.paragraph(f"{line_html(description)} {more}".rstrip()),
        mk.FILTER_BOX,
        mk.question_index(at.QUESTIONS_ANCHOR, groups),
    ]


def render_faq(site: Site, corrections: Corrections | None = None) -> str:
    groups = [
        (
            mk.paragraph(f"<strong>{line_html(topic.title)}</strong>"),
            mk.bullet_list(mk.link(site.question_address(q), line_html(q.question), at.FAQ_PAGE) for q in questions),
        )
        for topic, questions in site.questions_by_topic
    ]
    blocks = _index_page(site, groups)
    for topic, questions in site.questions_by_topic:
        items = "\n\n".join(render_question(site, q, corrections) for q in questions)
        blocks.append(mk.topic_section(mk.heading(2, line_html(topic.title), topic.id), items))
    return "\n\n".join(blocks) + "\n"


def render_faq_index(site: Site) -> str:
    """The index of a FAQ split by topic: every question, linked, under its topic, which links its page."""
    groups = []
    for topic, questions in site.questions_by_topic:
        title = f"<strong>{mk.link(at.topic_page(topic.id), line_html(topic.title), at.FAQ_PAGE)}</strong>"
        entries = []
        for q in questions:
            link = mk.link(site.question_address(q), line_html(q.question), at.FAQ_PAGE)
            entries.append(mk.moved_entry(q.id, q.aliases, link, filter_words(site, q)))
        groups.append((mk.moved_entry(topic.id, (), title, tag="p"), mk.moved_list(entries)))
    more = f"They are on {len(groups)} pages, one per topic; this page lists them all."
    return "\n\n".join(_index_page(site, groups, more)) + "\n"


def render_topic(site: Site, topic: Topic, questions: list[Question], corrections: Corrections | None = None) -> str:
    """One topic's page of a FAQ split by topic."""
    here = at.topic_page(topic.id)
    description = f"{len(questions)} of the {len(site.questions)} questions people ask about {names(site.tools)}."
    blocks = [
        mk.front_matter(page_title(topic.title), attribute(f"{topic.title}: {description}")),
        mk.heading(1, line_html(topic.title), topic.id),
        f"{line_html(description)} {mk.link(at.FAQ_PAGE, 'Every question', here)}, by topic.",  # Markdown: a link
        mk.FILTER_BOX,
        "\n\n".join(render_question(site, q, corrections, level=2) for q in questions),
    ]
    return "\n\n".join(blocks) + "\n"


def render_question(site: Site, question: Question, corrections: Corrections | None = None, level: int = 3) -> str:
    """A question (a heading of ``level``: under its topic's heading on the one FAQ page, under the page's
    title on its topic's page), its answer and its notes."""
    here = site.question_page(question)
    related = ", ".join(mk.link(*ref_target(site, ref), here) for ref in question.related)
    section = site.question_address(question)
    notes = [
        f"See also: {related}" if related else "",
        mk.sources_line(question.sources),
        f"Reviewed {question.reviewed.isoformat()}",
        correction_line(site, corrections, section, line_plain(question.question)),
    ]
    heading = mk.alias_targets(question.aliases) + mk.heading(level, line_html(question.question), question.id)
    return mk.question_block(heading, site.html[question.answer], notes, filter_words(site, question))


def filter_words(site: Site, question: Question) -> list[str]:
    """The readers' words the FAQ filter knows a question by, as the site search does: its keywords and the
    synonyms its question and answer call for."""
    text = f"{line_plain(question.question)} {plain_text(site.html[question.answer])}"
    return readers_words(text, question.keywords, site.search.synonyms)


def faq_heads(site: Site) -> dict[str, str]:
    """schema.org FAQPage structured data for the head of each page that holds questions, by page path."""
    if not site.faq_split:
        return {at.FAQ_PAGE: faq_jsonld(site, site.questions)}
    return {at.topic_page(topic.id): faq_jsonld(site, questions) for topic, questions in site.questions_by_topic}


def faq_jsonld(site: Site, questions: tuple[Question, ...] | list[Question]) -> str:
    """schema.org FAQPage structured data for ``questions``, as a ``<script>`` element for a page's head."""
    data = {
        "@context": "https://schema.org",
        "@type": "FAQPage",
        "mainEntity": [
            {
                "@type": "Question",
                "name": line_plain(q.question),
                "acceptedAnswer": {"@type": "Answer", "text": plain_text(site.html[q.answer])},
            }
            for q in questions
        ],
    }
    return mk.jsonld_script(data)
