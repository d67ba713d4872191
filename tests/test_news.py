"""What's new: which sections the page and the feed list, in which order, the feed read as Atom (RFC 4287)
and every entry landing on a section of the built site."""

from __future__ import annotations

import datetime
import functools
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup

from sitegen import addresses as at
from sitegen.build import load_site
from sitegen.export import files as export_files
from sitegen.model import Site
from sitegen.news import ATOM, MAX_ENTRIES, SHORT_ANSWER, WINDOW_DAYS, atom_feed, first_sentence, news, render_news
from sitegen.publishing import CONTENT_LICENCE
from support.project import copy_fixture, edit, mkdocs_build, problems_of
from support.sitehost import page_file

A = f"{{{ATOM}}}"
RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")


def dated_fixture(tmp_path: Path) -> Path:
    """The three-tool data with review dates spread over more than the window: basics newest
    (2026-11-24), a point of it later still, choosing 100 days before, the questions in between."""
    data = copy_fixture(tmp_path)
    edit(data / "aspects/choosing.yml", "reviewed: 2026-11-24", "reviewed: 2026-08-16")
    edit(data / "decision.yml", "reviewed: 2026-11-29", "reviewed: 2026-08-16")
    edit(data / "faq/which-is-fastest.yml", "reviewed: 2026-11-24", "reviewed: 2026-08-27")
    text = (data / "aspects/basics.yml").read_text(encoding="utf-8")
    first_point = text.index("  - id: what-it-is")
    end = text.index("\n", first_point)
    (data / "aspects/basics.yml").write_text(text[: end + 1] + "    reviewed: 2026-11-25\n" + text[end + 1 :])
    return data


def test_the_window_ends_on_the_newest_date_and_lists_newest_first(tmp_path: Path) -> None:
    found = news(load_site(dated_fixture(tmp_path)))
    assert found.newest == datetime.date(2026, 11, 25)
    listed = [(entry.reviewed.isoformat(), entry.kind, entry.section) for entry in found.entries]
    assert listed == [
        ("2026-11-25", "point", "aspects/basics.md#what-it-is"),
        ("2026-11-24", "aspect", "aspects/basics.md"),
        ("2026-11-24", "question", "faq.md#what-is-alpha"),
        # 90 days before 2026-11-25 is 2026-08-27: a section reviewed that day is out, as is choosing.
    ]
    assert found.in_window == 3
    assert datetime.date(2026, 11, 25) - datetime.timedelta(days=WINDOW_DAYS) == datetime.date(2026, 8, 27)


def test_points_without_a_date_of_their_own_are_not_listed(real_site: Site) -> None:
    found = news(real_site, limit=1000)
    points = {entry.section for entry in found.entries if entry.kind == "point"}
    own = {
        at.address(at.aspect_page(a.id), p.id) for a in real_site.aspects for p in a.points if p.reviewed is not None
    }
    assert points == own
    assert {entry.section for entry in found.entries if entry.kind == "aspect"} == {
        at.aspect_page(a.id) for a in real_site.aspects if found.newest and (found.newest - a.reviewed).days < 90
    }


def test_at_most_thirty_items_and_the_page_says_how_many_were_left_out(real_site: Site) -> None:
    found = news(real_site)
    assert len(found.groups) <= MAX_ENTRIES
    assert len(found.entries) == found.in_window or len(found.groups) == MAX_ENTRIES
    page = render_news(real_site, found)
    lead = page.split("\n\n")[2]
    assert found.newest is not None and f"{found.newest.day} {found.newest:%B %Y}" in lead
    assert f"{found.in_window} sections" in lead
    if found.in_window > len(found.entries):
        assert f"the {len(found.entries)} newest listed here" in lead
    else:
        assert "all listed here" in lead


def test_an_answer_is_summed_up_by_its_first_sentences() -> None:
    assert first_sentence("Partly. Keras is its own project, and tf.keras is still in TensorFlow 2.15.1. More.") == (
        "Partly. Keras is its own project, and tf.keras is still in TensorFlow 2.15.1."
    )
    assert first_sentence("No full stop at all") == "No full stop at all"
    assert first_sentence("Yes! " * 40).count("Yes!") == 13  # 13 make the first 64 characters


def test_a_site_without_dates_in_the_window_still_builds_a_page_and_a_feed(tmp_path: Path) -> None:
    found = news(load_site(dated_fixture(tmp_path)), window_days=0)
    assert [entry.kind for entry in found.entries] == []
    feed = ET.fromstring(atom_feed(found, "https://s.example/", "Site"))
    assert feed.findall(f"{A}entry") == []


def assert_atom(text: str, site_url: str) -> list[ET.Element]:
    """The rules of RFC 4287 that apply to this feed, each checked; returns its entries."""
    assert text.startswith('<?xml version="1.0" encoding="utf-8"?>\n')
    feed = ET.fromstring(text.encode("utf-8"))
    assert feed.tag == f"{A}feed"
    for name in ("id", "title", "updated"):  # 4.1.1: exactly one of each
        assert len(feed.findall(f"{A}{name}")) == 1, name
    assert feed.findtext(f"{A}author/{A}name"), "4.1.1: a feed without an author needs one in every entry"
    links = {link.get("rel"): link.get("href") for link in feed.findall(f"{A}link")}
    assert links["self"] == f"{site_url}{at.FEED_FILE}" and links["alternate"] == site_url + at.url_of(at.NEWS_PAGE)
    assert CONTENT_LICENCE.url in (feed.findtext(f"{A}rights") or "")
    ids = [feed.findtext(f"{A}id")]
    entries = feed.findall(f"{A}entry")
    for entry in entries:
        for name in ("id", "title", "updated", "summary"):  # 4.1.2: exactly one id, title and updated
            assert len(entry.findall(f"{A}{name}")) == 1, (name, ET.tostring(entry))
        alternate = [link for link in entry.findall(f"{A}link") if link.get("rel", "alternate") == "alternate"]
        assert len(alternate) == 1, "4.1.2: one alternate link per entry (it has no content)"
        assert alternate[0].get("href", "").startswith(site_url)
        ids.append(entry.findtext(f"{A}id"))
    for value in ids:
        assert value and re.match(r"^[a-z][a-z0-9+.-]*:\S+$", value), f"4.2.6: {value!r} is not an absolute IRI"
    assert len(set(ids)) == len(ids), "4.2.6: ids are unique"
    for updated in feed.iter(f"{A}updated"):
        assert updated.text and RFC3339.match(updated.text), f"3.3: {updated.text} is not an RFC 3339 date-time"
    top = feed.findtext(f"{A}updated")
    assert all((entry.findtext(f"{A}updated") or "") <= (top or "") for entry in entries)
    return entries


def test_the_built_feed_is_atom_and_every_entry_lands_on_a_section(built_site: Path, real_site: Site) -> None:
    site_url = "http://127.0.0.1:8000/"  # mkdocs.yml's default address
    entries = assert_atom((built_site / at.FEED_FILE).read_text(encoding="utf-8"), site_url)
    found = news(real_site)
    assert len(entries) == len(found.groups) > 0
    for entry, group in zip(entries, found.groups, strict=True):
        href = next(link.get("href", "") for link in entry.findall(f"{A}link"))
        expected = group.entries[0].section if len(group.entries) == 1 else group.section
        assert href == site_url + at.url_of(expected)
        listed = [href] if len(group.entries) == 1 else listed_in(entry)
        assert listed == [site_url + at.url_of(section.section) for section in group.entries]
        for address in listed:
            assert_section_exists(built_site, urlsplit(address).path.removeprefix("/"), urlsplit(address).fragment)
    news_page = BeautifulSoup((built_site / "whats-new" / "index.html").read_text(encoding="utf-8"), "lxml")
    links = news_page.select(f".{at.Css.NEWS} li > a")
    assert len(links) == len(found.entries)
    for link, expected in zip(links, found.entries, strict=True):
        assert urljoin(site_url + "whats-new/", link["href"]) == site_url + at.url_of(expected.section)


def listed_in(entry: ET.Element) -> list[str]:
    """The addresses an entry's HTML content lists, parsed as a feed reader would."""
    content = entry.find(f"{A}content")
    assert content is not None and content.get("type") == "html"
    return [a["href"] for a in BeautifulSoup(content.text or "", "lxml").select("li > a")]


def assert_section_exists(site: Path, path: str, anchor: str) -> None:
    ids = _ids_of(site, path)
    assert ids is not None, f"{path}: no such page"
    assert not anchor or anchor in ids, f"{path}#{anchor}: no such section"


@functools.cache
def _ids_of(site: Path, path: str) -> frozenset[str] | None:
    """The ids on the page served at ``path`` (each page parsed once); None where the 404 page is served."""
    served = page_file(site, path)
    if served == site / "404.html":
        return None
    page = BeautifulSoup(served.read_text(encoding="utf-8"), "lxml")
    return frozenset(str(tag["id"]) for tag in page.find_all(id=True))


def test_every_page_names_the_feed(built_site: Path) -> None:
    for name in ("index.html", "whats-new/index.html", "aspects/overview/index.html", "404.html"):
        page = BeautifulSoup((built_site / name).read_text(encoding="utf-8"), "lxml")
        feeds = page.select('link[rel="alternate"][type="application/atom+xml"]')
        assert len(feeds) == 1, name
        if name != "404.html":  # the 404 page's links are absolute from the site's root
            target = (built_site / Path(name).parent / feeds[0]["href"]).resolve()
            assert target == (built_site / at.FEED_FILE).resolve(), name


def test_the_page_leads_with_the_latest_review_and_lists_no_section_twice(built_site: Path) -> None:
    page = BeautifulSoup((built_site / "whats-new" / "index.html").read_text(encoding="utf-8"), "lxml")
    article = page.select_one("article")
    assert article is not None
    first = article.find("p")
    assert first is not None and first.get_text().startswith("Latest review: ")
    assert first.find("a", href=re.compile(r"feed\.xml$")) is not None
    hrefs = [a["href"] for a in article.select(f".{at.Css.NEWS} a")]
    assert len(hrefs) == len(set(hrefs))


HOSTILE_QUESTION = 'Is `<script>alert(1)</script>` ]]> & "safe"?'


def test_hostile_text_reaches_the_feed_and_the_page_as_text(tmp_path: Path) -> None:
    data = copy_fixture(tmp_path)
    edit(data / "faq/what-is-alpha.yml", "question: What is Alpha?", f"question: '{HOSTILE_QUESTION}'")
    edit(data / "faq/what-is-alpha.yml", "reviewed: 2026-11-24", "reviewed: 2026-11-30")
    edit(data / "faq/what-is-alpha.yml", "answer: Alpha is", """answer: 'Alpha `<b onclick=x>` ]]> & "q" is""")
    edit(data / "faq/what-is-alpha.yml", "made-up tool.", "made-up tool.'")
    result = mkdocs_build(data.parent / "mkdocs.yml", tmp_path / "site")
    assert result.returncode == 0, result.stderr
    site = tmp_path / "site"
    entries = assert_atom((site / at.FEED_FILE).read_text(encoding="utf-8"), "https://example.org/")  # its site_url
    assert entries[0].findtext(f"{A}title") == 'Is <script>alert(1)</script> ]]> & "safe"?'
    assert entries[0].findtext(f"{A}summary") == 'Alpha <b onclick=x> ]]> & "q" is the first made-up tool.'
    page = BeautifulSoup((site / "whats-new" / "index.html").read_text(encoding="utf-8"), "lxml")
    item = page.select_one(f".{at.Css.NEWS} li")
    assert item is not None and item.find(["script", "b"]) is None
    shown = 'Is <script>alert(1)</script> ]]> & "safe"? (Question): Alpha <b onclick=x> ]]> & "q" is the first'
    assert item.get_text() == shown + " made-up tool."


@pytest.mark.parametrize("site_url", ["", "https://example.org/kvt/"])
def test_the_feed_is_the_same_for_the_same_data(site_url: str, real_site: Site) -> None:
    first = atom_feed(news(real_site), site_url, "Keras vs TensorFlow")
    assert first == atom_feed(news(real_site), site_url, "Keras vs TensorFlow")
    days = {f"{entry.reviewed.isoformat()}T00:00:00Z" for entry in news(real_site).entries}
    assert set(re.findall(r"<updated>([^<]*)</updated>", first)) == days


def test_a_review_that_changed_something_says_what_and_comes_first_on_its_day(tmp_path: Path) -> None:
    data = copy_fixture(tmp_path)
    edit(
        data / "faq/which-is-fastest.yml",
        "reviewed: 2026-11-24",
        'reviewed: 2026-11-24\nchange: "Benchmarks `re-run`."',
    )
    site = load_site(data)
    found = news(site)
    assert [entry.section for entry in found.entries if entry.kind == "question"] == [
        "faq.md#which-is-fastest",  # changed, so before what-is-alpha, which comes first in the data
        "faq.md#what-is-alpha",
    ]
    page = render_news(site, found)
    assert "FAQ: 2 questions reviewed, 1 of them changed" in page
    assert "- FAQ: 2 questions reviewed, 1 of them changed.\n" in page
    assert "    - [Which tool is fastest?](faq.md#which-is-fastest): Benchmarks <code>re-run</code>." in page
    feed = ET.fromstring(atom_feed(found, "https://s.example/", "Site"))
    (faq,) = [entry for entry in feed.findall(f"{A}entry") if entry.findtext(f"{A}title") == "FAQ"]
    assert faq.findtext(f"{A}summary") == "2 questions reviewed, 1 of them changed."
    assert "Benchmarks re-run." in (faq.findtext(f"{A}content") or "")


def test_a_points_change_needs_a_date_of_its_own(tmp_path: Path) -> None:
    data = copy_fixture(tmp_path)
    text = (data / "aspects/basics.yml").read_text(encoding="utf-8")
    line = text[: text.index("  - id: what-it-is")].count("\n") + 2
    edit(data / "aspects/basics.yml", "  - id: what-it-is\n", "  - id: what-it-is\n    change: Rewritten.\n")
    assert problems_of(data) == [
        f"data/aspects/basics.yml:{line}:5: points[0].change: a point's change goes with a review date of its own "
        "(add 'reviewed'), or in its aspect's change"
    ]
    edit(data / "aspects/basics.yml", "    change: Rewritten.\n", "    change: Rewritten.\n    reviewed: 2026-11-25\n")
    (entry,) = [entry for entry in news(load_site(data)).entries if entry.kind == "point"]  # loads: no problem
    assert entry.change == "Rewritten."


def test_a_large_review_is_grouped_by_aspect_and_every_changed_section_stays_in_reach(tmp_path: Path) -> None:
    """One day's review of an aspect and two of its points, and of both questions: one item and one feed
    entry for the aspect, one for the FAQ, each listing its sections; more than 30 sections would fit too."""
    data = copy_fixture(tmp_path)
    edit(data / "aspects/basics.yml", "reviewed: 2026-11-24", 'reviewed: 2026-12-01\nchange: "Re-checked."')
    for point in ("what-it-is", "speed"):
        edit(
            data / "aspects/basics.yml",
            f"  - id: {point}\n",
            f"  - id: {point}\n    reviewed: 2026-12-01\n    change: Re-rated.\n",
        )
    for question in ("what-is-alpha", "which-is-fastest"):
        edit(data / f"faq/{question}.yml", "reviewed: 2026-11-24", "reviewed: 2026-12-01")
    site = load_site(data)
    found = news(site, limit=2)
    assert [(group.section, [entry.section for entry in group.entries]) for group in found.groups] == [
        ("aspects/basics.md", ["aspects/basics.md", "aspects/basics.md#what-it-is", "aspects/basics.md#speed"]),
        ("faq.md", ["faq.md#what-is-alpha", "faq.md#which-is-fastest"]),
    ]
    assert (found.in_window, len(found.entries)) == (7, 5)  # the choosing page and short answer are left out
    page = render_news(site, found)
    assert "7 sections were checked against their sources in the 90 days up to then, the 5 newest listed" in page
    assert "(Aspect page): Re-checked. And 2 points reviewed, all changed:" in page
    assert ":\n    - [What it is](aspects/basics.md#what-it-is): Re-rated.\n" in page
    feed = ET.fromstring(atom_feed(found, "https://s.example/", "Site"))
    entries = feed.findall(f"{A}entry")
    assert [entry.findtext(f"{A}title") for entry in entries] == ["Basics", "FAQ"]
    assert listed_in(entries[0]) == [f"https://s.example/{at.url_of(e.section)}" for e in found.groups[0].entries]
    assert {c.get("term") for c in entries[0].findall(f"{A}category")} == {"aspect", "point"}


def test_a_change_of_the_short_answer_is_listed_with_its_decision_guide(tmp_path: Path) -> None:
    data = copy_fixture(tmp_path)
    edit(data / "decision.yml", "reviewed: 2026-11-29", 'reviewed: 2026-12-01\nchange: "A new scenario."')
    edit(data / "aspects/choosing.yml", "reviewed: 2026-11-24", "reviewed: 2026-12-01")
    site = load_site(data)
    (group, *_) = news(site).groups
    assert [(entry.kind, entry.section) for entry in group.entries] == [
        ("aspect", "aspects/choosing.md"),
        ("answer", "aspects/choosing.md#choose"),
    ]
    page = render_news(site, news(site))
    assert "(Aspect page): Which made-up tool to choose. And the short answer reviewed and changed:" in page
    assert f"    - [{SHORT_ANSWER}](aspects/choosing.md#choose): A new scenario." in page
    export = json.loads(export_files(site, "")["export/comparison.json"])
    assert export["decision"]["change"] == "A new scenario."
