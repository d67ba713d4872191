"""How edges are decided: the About page counts them from the data, by aspect, and names the points that one
tool leads; its marker is checked as the home page's are."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from bs4 import BeautifulSoup

from sitegen import addresses as at
from sitegen.build import generate, load_site
from sitegen.model import Site
from sitegen.scoreboard import edge_of, render_edge_counts
from support.project import copy_fixture, edit, mkdocs_build, problems_of

MARKER = next(iter(at.ABOUT_INSERTS))


def table_of(html: str) -> list[list[str]]:
    """The counts table's rows as the reader sees them (the head row first)."""
    table = BeautifulSoup(html, "lxml").find("table")
    assert table is not None
    return [[cell.get_text(strip=True) for cell in row.find_all(["th", "td"])] for row in table.find_all("tr")]


def test_edges_are_counted_by_aspect_with_a_column_per_tool(tmp_path: Path) -> None:
    site = load_site(copy_fixture(tmp_path))
    markdown = render_edge_counts(site, at.ABOUT_PAGE)
    rows = table_of(markdown)
    assert rows == [
        ["Aspect", "Alpha", "Beta", "Gamma", "Even", "Depends"],
        ["[Basics](aspects/basics.md)", "1", "0", "1", "1", "0"],  # the shared licence counts as even
        ["[Choosing](aspects/choosing.md)", "0", "0", "0", "0", "1"],
        ["All aspects", "1", "0", "1", "1", "1"],
    ]
    assert markdown.startswith(
        "<p>Of the 4 points compared today, 1 where Alpha has the edge, 0 where Beta has the edge, 1 where Gamma "
        "has the edge, 1 even and 1 where it depends on the project.</p>"
    )
    assert "- Where Alpha has the edge: [What it is](aspects/basics.md#what-it-is) (Basics)." in markdown
    assert "Where Beta" not in markdown


def test_a_point_without_an_edge_gets_a_column_of_its_own(tmp_path: Path) -> None:
    data = copy_fixture(tmp_path)
    edit(data / "aspects/basics.yml", "    edge: gamma\n", "")
    rows = table_of(render_edge_counts(load_site(data), at.ABOUT_PAGE))
    assert rows[0][-1] == "No edge given" and rows[-1][-1] == "1"


def test_the_about_pages_marker_stands_once_where_the_page_exists(tmp_path: Path) -> None:
    data = copy_fixture(tmp_path)
    about = data.parent / "docs" / "about.md"
    about.write_text("# About\n\nNo counts here.\n", encoding="utf-8")
    assert problems_of(data) == [
        f"docs/about.md: the line {MARKER} is missing: put it on a line of its own, unindented and outside code; "
        f"the About page shows {at.ABOUT_INSERTS[MARKER]} there"
    ]
    about.write_text(f"# About\n\n{MARKER}\n\n{MARKER}\n", encoding="utf-8")
    assert problems_of(data) == [
        f"docs/about.md:5:1: the line {MARKER} stands here again; the About page shows {at.ABOUT_INSERTS[MARKER]} once"
    ]


HOSTILE_NAME = 'Alpha `<b onclick="x">` `{: onclick=z}` &amp; *y*'
HOSTILE_POINT = "What `<i>it</i>` is `{: #x onclick=y}`"


def test_the_built_about_page_shows_the_counts_in_the_markers_place(tmp_path: Path) -> None:
    """Also with a tool name and a point title that hold markup and attribute lists in code, an entity and
    emphasis marks: they show as typed, backticks as code, and add no element or attribute."""
    data = copy_fixture(tmp_path)
    edit(data / "tools/alpha.yml", "name: Alpha", f"name: '{HOSTILE_NAME}'")
    edit(data / "aspects/basics.yml", "title: What it is", f"title: '{HOSTILE_POINT}'")
    (data.parent / "docs" / "about.md").write_text(f"# About\n\nHow edges are decided.\n\n{MARKER}\n", encoding="utf-8")
    nav = "  - What's new: whats-new.md\n"
    edit(data.parent / "mkdocs.yml", nav, nav + "  - About: about.md\n")
    result = mkdocs_build(data.parent / "mkdocs.yml", tmp_path / "site")
    assert result.returncode == 0, result.stderr
    page = (tmp_path / "site" / "about" / "index.html").read_text(encoding="utf-8")
    assert MARKER not in page
    rows = table_of(page)
    assert rows[1] == ["Basics", "1", "0", "1", "1", "0"]
    link = BeautifulSoup(page, "lxml").select_one("table th a")
    assert link is not None and link["href"] == "../aspects/basics/"
    article = BeautifulSoup(page, "lxml").select_one("article")
    assert article is not None
    head = article.select("thead th")
    assert head[1].get_text() == HOSTILE_NAME.replace("`", "") and len(head[1].find_all("code")) == 2
    assert not article.find_all(["b", "i"]) and not article.select("[onclick]")
    lead = next(li for li in article.find_all("li") if li.get_text().startswith("Where Alpha"))
    assert (
        lead.get_text()
        == f"Where {HOSTILE_NAME.replace('`', '')} has the edge: {HOSTILE_POINT.replace('`', '')} (Basics)."
    )


def test_the_real_about_page_counts_what_the_data_holds(built_site: Path, real_site: Site) -> None:
    page = (built_site / "about" / "index.html").read_text(encoding="utf-8")
    rows = table_of(page)
    edges = [tool.id for tool in real_site.tools] + ["even", "depends"]
    total = Counter(edge_of(point) for aspect in real_site.aspects for point in aspect.points)
    assert rows[-1] == ["All aspects", *(str(total[edge]) for edge in edges)]
    assert len(rows) == len(real_site.aspects) + 2


def test_every_page_with_markers_gets_its_inserts(tmp_path: Path) -> None:
    """The build fills exactly the pages the address book lists as holding markers, each marker of each."""
    data = copy_fixture(tmp_path)
    inserts = generate(data, data.parent / "docs").inserts
    assert {page: set(found) for page, found in inserts.items()} == {
        page: set(markers) for page, (_, markers) in at.PAGE_INSERTS.items()
    }
