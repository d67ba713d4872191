"""A real ``mkdocs build --strict`` of the project and of the three-tool fixture, checked by parsing the HTML."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import material
from bs4 import BeautifulSoup

from sitegen import addresses as at
from sitegen.addresses import Css
from sitegen.model import ID_PATTERN, Site
from sitegen.render import page_anchors
from support.project import copy_fixture, edit, mkdocs_build
from support.sitehost import page_file

SITE_HOST = "keras-vs-tensorflow.example.org"


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")


def ids_on(site: Path, url_path: str, cache: dict[str, set[str]]) -> set[str]:
    if url_path not in cache:
        cache[url_path] = {tag["id"] for tag in soup(page_file(site, url_path)).find_all(id=True)}
    return cache[url_path]


def page_of(site: Path, page: str) -> BeautifulSoup:
    """The built HTML of a page of the docs tree, such as ``summary.md``."""
    return soup(page_file(site, at.url_of(page)))


def summary_table(site: Path) -> BeautifulSoup:
    table = page_of(site, at.SUMMARY_PAGE).select_one(f".{Css.SUMMARY} table")
    assert table is not None, "the summary page has no summary table"
    return table


def test_one_page_per_aspect_with_its_id_as_h1(built_site: Path, real_site: Site) -> None:
    for aspect in real_site.aspects:
        page = page_of(built_site, at.aspect_page(aspect.id))
        assert page.h1 is not None and page.h1.get("id") == aspect.id
        point_ids = {h2.get("id") for h2 in page.find_all("h2")}
        assert {point.id for point in aspect.points} <= point_ids
        assert page.find("h3") is None, "the table of contents lists points, not tools"
        for point in aspect.points:
            for tool in real_site.tools:
                assert page.find(id=at.tool_anchor(point.id, tool.id)), f"{aspect.id}: {point.id}, {tool.id}"


def test_aspect_pages_are_in_the_navigation_in_data_order(built_site: Path, real_site: Site) -> None:
    nav_links = [
        a["href"] for a in page_of(built_site, at.HOME_PAGE).select("nav.md-nav--primary a.md-nav__link[href]")
    ]
    positions = [nav_links.index(at.url_of(at.aspect_page(aspect.id))) for aspect in real_site.aspects]
    assert positions == sorted(positions)


def test_summary_has_a_table_per_aspect_a_column_per_tool_and_the_edge(built_site: Path, real_site: Site) -> None:
    page = page_of(built_site, at.SUMMARY_PAGE)
    tables = page.select(f".{Css.SUMMARY} table")
    assert [table.find_previous("h2")["id"] for table in tables] == [aspect.id for aspect in real_site.aspects]
    for table, aspect in zip(tables, real_site.aspects, strict=True):
        header = [th.get_text(strip=True) for th in table.select("thead th")]
        assert header == ["Point", *(tool.name for tool in real_site.tools), "Edge"]
        rows = table.select("tbody tr")
        assert [row.th.get_text() for row in rows] == [point.title.replace("`", "") for point in aspect.points]
        for row, point in zip(rows, aspect.points, strict=True):
            span = sum(int(td.get("colspan", 1)) for td in row.find_all("td"))
            assert span == len(real_site.tools) + 1, point.id
            assert row.find("td", class_=Css.EDGE).get_text().removeprefix("Edge: ") in {
                *(tool.name for tool in real_site.tools),
                "Even",
                "Depends",
                "\N{EN DASH}",
            }


def test_every_summary_link_lands_on_an_existing_element(built_site: Path) -> None:
    cache: dict[str, set[str]] = {}
    links = summary_table(built_site).select("tbody a[href]")
    assert links
    for anchor in links:
        target = urlsplit(urljoin("/" + at.url_of(at.SUMMARY_PAGE), anchor["href"]))
        assert target.fragment, f"{anchor['href']} has no #section"
        assert target.fragment in ids_on(built_site, target.path, cache), anchor["href"]


def test_faq_has_one_heading_per_question_with_the_data_id(built_site: Path, real_site: Site) -> None:
    page = page_of(built_site, at.FAQ_PAGE)
    headings = page.select(f".{Css.QUESTION} h3[id]")
    assert [h3["id"] for h3 in headings] == [q.id for q in real_site.questions]
    assert len({h3["id"] for h3 in headings}) == len(real_site.questions)


def test_search_indexes_each_question_and_point_but_not_sources_or_table_cells(
    built_site: Path, real_site: Site
) -> None:
    docs = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    by_location = {doc["location"]: doc for doc in docs}
    for question in real_site.questions:
        entry = by_location[at.url_of(at.address(at.FAQ_PAGE, question.id))]
        assert entry["title"] == question.question
        assert "Sources:" not in entry["text"] and "Reviewed" not in entry["text"]
    first = real_site.aspects[0]
    section = by_location[at.url_of(at.address(at.aspect_page(first.id), first.points[0].id))]
    assert section["title"] == first.points[0].title
    text = first.points[0].text_of(real_site.tools[-1].id).text.split()[0]
    assert text in section["text"], "a point's entry holds every tool's text"
    assert not [loc for loc in by_location if loc.endswith((f"#{at.SOURCES}", f"#{at.RELATED_QUESTIONS}"))]
    summary_text = by_location[at.url_of(at.SUMMARY_PAGE)]["text"]
    first_short = real_site.aspects[0].points[0].text_of(real_site.tools[0].id).short
    assert first_short not in summary_text and "Every point" in summary_text


def test_faq_page_carries_faqpage_structured_data(built_site: Path, real_site: Site) -> None:
    scripts = page_of(built_site, at.FAQ_PAGE).select('head script[type="application/ld+json"]')
    assert len(scripts) == 1
    data = json.loads(scripts[0].string)
    assert data["@type"] == "FAQPage"
    assert [entry["name"] for entry in data["mainEntity"]] == [q.question for q in real_site.questions]
    assert all(entry["acceptedAnswer"]["text"].strip() for entry in data["mainEntity"])
    assert not page_of(built_site, at.HOME_PAGE).select('script[type="application/ld+json"]')


def test_every_page_has_its_own_meta_description(built_site: Path) -> None:
    descriptions = {}
    for path in built_site.rglob("index.html"):
        meta = soup(path).find("meta", attrs={"name": "description"})
        if meta is None:  # alias redirects are not pages
            assert "http-equiv" in path.read_text()
            continue
        descriptions[path] = meta["content"]
    assert len(set(descriptions.values())) == len(descriptions)


RESOURCE_ATTRIBUTES = {"script": "src", "link": "href", "img": "src", "iframe": "src", "source": "src"}


def test_no_page_loads_anything_from_another_host(built_site: Path) -> None:
    for path in built_site.rglob("*.html"):
        for tag, attribute in RESOURCE_ATTRIBUTES.items():
            for element in soup(path).find_all(tag, attrs={attribute: True}):
                if tag == "link" and set(element.get("rel", [])) & {"canonical", "alternate"}:
                    continue
                host = urlsplit(element[attribute]).hostname
                assert host in (None, SITE_HOST), f"{path.relative_to(built_site)} loads {element[attribute]}"
    for css in built_site.rglob("*.css"):
        assert "fonts.googleapis" not in css.read_text(encoding="utf-8"), css.name


def test_no_live_markup_from_the_data(built_site: Path) -> None:
    for path in built_site.rglob("*.html"):
        for element in soup(path).find_all(True):
            for name, value in element.attrs.items():
                assert not name.lower().startswith("on"), f"{path}: <{element.name} {name}>"
                if name in ("href", "src", "action") and isinstance(value, str):
                    assert not value.strip().lower().startswith(("javascript:", "data:text")), f"{path}: {value}"


# -- the three-tool fixture: any number of tools, bad data, safety, reproducibility ----------------


def build_fixture(data: Path, site_dir: Path) -> tuple[int, str]:
    result = mkdocs_build(data.parent / "mkdocs.yml", site_dir)
    return result.returncode, result.stdout + result.stderr


def test_three_tools_give_three_columns_and_sections(tmp_path: Path) -> None:
    data = copy_fixture(tmp_path)
    code, output = build_fixture(data, tmp_path / "site")
    assert code == 0, output
    header = [th.get_text(strip=True) for th in summary_table(tmp_path / "site").select("thead th")]
    assert header == ["Point", "Alpha", "Beta", "Gamma", "Edge"]
    page = page_of(tmp_path / "site", at.aspect_page("basics"))
    sections = [column.get("id") for column in page.select(f"h2#speed ~ .{Css.COLUMNS} > .{Css.TOOL}")][:3]
    assert sections == [at.tool_anchor("speed", tool) for tool in ("alpha", "beta", "gamma")]
    home = page_of(tmp_path / "site", at.HOME_PAGE)
    labels = [p.get_text() for p in home.select(f".{Css.CHOICES} .{Css.TOOL_NAME}")]
    assert labels == [f"Choose {name} if you…" for name in ("Alpha", "Beta", "Gamma")]


def test_html_in_code_reaches_the_page_as_text(tmp_path: Path) -> None:
    data = copy_fixture(tmp_path)
    code, output = build_fixture(data, tmp_path / "site")
    assert code == 0, output
    intro = page_of(tmp_path / "site", at.aspect_page("basics")).find("code", string="<code>")
    assert intro is not None and intro.find("code") is None


def test_bad_data_fails_the_build_with_one_clear_message_and_keeps_the_old_site(tmp_path: Path) -> None:
    data = copy_fixture(tmp_path)
    site_dir = tmp_path / "site"
    assert build_fixture(data, site_dir)[0] == 0
    before = {p: p.read_bytes() for p in site_dir.rglob("*") if p.is_file()}
    edit(data / "aspects" / "basics.yml", "summary:", "sumary:")
    edit(data / "faq" / "what-is-alpha.yml", "answer: Alpha is the first made-up tool.", "answer: '<script>x</script>'")
    code, output = build_fixture(data, site_dir)
    assert code != 0
    assert "Traceback" not in output
    assert "2 problems in the data:" in output
    assert "data/aspects/basics.yml:5:1: sumary: unknown field 'sumary' (did you mean 'summary'?)" in output
    assert "data/faq/what-is-alpha.yml:5:1: answer: raw HTML is not allowed" in output
    assert {p: p.read_bytes() for p in site_dir.rglob("*") if p.is_file()} == before


def test_two_builds_are_byte_identical(tmp_path: Path) -> None:
    data = copy_fixture(tmp_path)
    digests = []
    for name in ("one", "two"):
        assert build_fixture(data, tmp_path / name)[0] == 0
        files = sorted(p for p in (tmp_path / name).rglob("*") if p.is_file())
        digests.append({p.relative_to(tmp_path / name): hashlib.sha256(p.read_bytes()).hexdigest() for p in files})
    assert digests[0] == digests[1]


# -- ids and names: what the address book promises is what the pages carry ---------------------------


def test_no_page_has_two_elements_with_the_same_id(built_site: Path) -> None:
    for path in built_site.rglob("*.html"):
        ids = [tag["id"] for tag in soup(path).find_all(id=True)]
        repeated = sorted({anchor for anchor in ids if ids.count(anchor) > 1})
        assert not repeated, f"{path.relative_to(built_site)}: {repeated}"


def page_ids(page: BeautifulSoup) -> set[str]:
    """The ids of a page's elements, less the theme's own."""
    return {tag["id"] for tag in page.find_all(id=True) if not tag["id"].startswith(at.THEME_ID_PREFIX)}


def test_each_generated_page_carries_exactly_the_ids_the_generator_lists(built_site: Path, real_site: Site) -> None:
    # page_anchors is what make check holds hand-written links against, so it must be the truth
    extra = {at.FAQ_PAGE: {at.FILTER_INPUT}}
    for page, anchors in page_anchors(real_site).items():
        assert page_ids(page_of(built_site, page)) == anchors | extra.get(page, set()), page


def test_a_page_gives_itself_only_ids_that_validation_keeps_data_off(real_site: Site) -> None:
    anchors = page_anchors(real_site)
    data_ids = {point.id for aspect in real_site.aspects for point in aspect.points}
    for aspect in real_site.aspects:
        own = anchors[at.aspect_page(aspect.id)] - {a for p in aspect.points for a in (p.id, *p.aliases)}
        own -= {at.tool_anchor(p.id, t.id) for p in aspect.points for t in real_site.tools}
        if aspect.id == real_site.decision.guide:
            own -= {s.id for s in real_site.decision.scenarios} | {at.choose_anchor(t.id) for t in real_site.tools}
        assert own <= set(at.reserved_on_aspect_page(aspect.id)), aspect.id
    assert {at.FAQ_ANCHOR, at.FILTER_INPUT} <= set(at.RESERVED_ON_FAQ_PAGE)
    assert data_ids.isdisjoint(at.RESERVED_ON_FAQ_PAGE)


def test_the_themes_own_ids_cannot_collide_with_data_ids() -> None:
    # Material's templates: every literal id starts with the prefix no data id can have
    templates = Path(material.__file__).parent / "templates"
    literal = set()
    for path in templates.rglob("*.html"):
        literal |= set(re.findall(r'\bid="([^"{$]+)"', path.read_text(encoding="utf-8")))
    assert literal and all(anchor.startswith(at.THEME_ID_PREFIX) for anchor in literal), sorted(literal)
    nav = (templates / "partials" / "nav.html").read_text(encoding="utf-8")
    assert 'set path = "__nav_"' in nav, "the navigation's ids are built from __nav_"
    assert not re.fullmatch(ID_PATTERN, at.THEME_ID_PREFIX + "x")


def test_every_class_of_the_address_book_is_on_a_built_page(built_site: Path, split_site: tuple[Site, Path]) -> None:
    found = set()
    for path in [*built_site.rglob("*.html"), *split_site[1].rglob("*.html")]:
        for tag in soup(path).find_all(class_=True):
            found.update(tag["class"])
    assert found >= at.CLASSES, f"never emitted: {sorted(at.CLASSES - found)}"


def test_the_search_dialog_is_named_on_every_page(built_site: Path) -> None:
    """overrides/main.html adds the name to the theme's own markup; this fails if the theme changes it."""
    for path in built_site.rglob("index.html"):
        page = soup(path)
        if page.find("meta", attrs={"http-equiv": "refresh"}):
            continue  # a redirect of a renamed aspect
        dialogs = page.select(".md-search")
        assert len(dialogs) == 1, path
        assert dialogs[0].get("role") == "dialog" and dialogs[0].get("aria-label") == "Search", path
