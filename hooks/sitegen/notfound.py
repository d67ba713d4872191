"""The 404 page's help: where to go instead, and the addresses that moved.

A reader who lands on a missing address gets links to the pages that answer most questions and a
search box; where the address is a known old one (a renamed aspect, a point or question written as a
path, ``.html`` or ``.md`` where the site has a folder), the page's script sends them on.
"""

from __future__ import annotations

from collections.abc import Iterable

from . import addresses as at
from .model import Site
from .prose import page_title


def help_links(site: Site) -> list[dict[str, str]]:
    """The pages a lost reader most likely wants, each ``{"title", "url"}`` (URL from the site's root)."""
    guide = site.aspect_by_id[site.decision.guide]
    pages = [
        ("Home: the short answer", at.HOME_PAGE),
        (page_title(guide.nav_title or guide.title), at.aspect_page(guide.id)),
        ("Summary table", at.SUMMARY_PAGE),
        ("Frequently asked questions", at.FAQ_PAGE),
    ]
    return [{"title": title, "url": at.url_of(page)} for title, page in pages]


def moved(site: Site, pages: Iterable[str] = ()) -> dict[str, str]:
    """Old or misspelt addresses and where each now is, both from the site's root, keys in lower case
    and ending in ``/`` (the 404 page's script puts an address in that form before it looks it up).

    ``pages`` are the URLs of the hand-written pages (``about/``)."""
    real = [url.removeprefix("./") for url in pages]
    found: dict[str, str] = {url.lower(): url for url in real if url}
    for page in (at.SUMMARY_PAGE, at.FAQ_PAGE):
        found[at.url_of(page)] = at.url_of(page)
    for aspect in site.aspects:
        here = at.aspect_page(aspect.id)
        points = [(at.url_of(at.address(here, p.id)), (p.id, *p.aliases)) for p in aspect.points]
        for name in (aspect.id, *aspect.aliases):
            found[f"{at.ASPECT_DIR}/{name}/"] = at.url_of(here)
            found |= {f"{at.ASPECT_DIR}/{name}/{old}/": target for target, names in points for old in names}
    faq = at.url_of(at.FAQ_PAGE)
    for question in site.questions:
        for name in (question.id, *question.aliases):
            found[f"{faq}{name}/"] = at.url_of(site.question_address(question))
    return found
