"""Answer first: the short answer on the home page's first screen, tools side by side on aspect pages,
and a summary table whose headings stay in view and whose rows compare on a phone."""

from __future__ import annotations

import pytest

from sitegen import addresses as at
from sitegen.addresses import Css
from sitegen.model import Site
from support.browser import PageFactory, settle
from support.sitehost import PAGE_TYPES, VIEWPORTS

pytestmark = pytest.mark.browser

PHONE = {"viewport": VIEWPORTS["phone"], "is_mobile": True, "has_touch": True}
SIZES = {"desktop": {}, "phone": PHONE}

# For each box of choose-if lines: its label and its first line, and whether each is wholly on the first screen.
FIRST_SCREEN = f"""() => [...document.querySelectorAll(".{Css.CHOICES} > .{Css.TOOL}")].map(box => {{
  const onScreen = element => {{
    const r = element.getBoundingClientRect();
    return element.checkVisibility() && r.top >= 0 && r.bottom <= window.innerHeight && r.height > 0;
  }};
  const label = box.querySelector(".{Css.TOOL_NAME}"), line = box.querySelector("li");
  return {{label: label.textContent, line: line.textContent, shown: onScreen(label) && onScreen(line)}};
}})"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("size", SIZES)
def test_the_home_page_first_screen_shows_a_choose_if_line_for_each_tool(
    open_page: PageFactory, site_url: str, real_site: Site, size: str, scheme: str
) -> None:
    page = open_page(color_scheme=scheme, **SIZES[size])
    page.goto(site_url + PAGE_TYPES["home"])
    settle(page)
    boxes = page.evaluate(FIRST_SCREEN)
    assert [box["label"] for box in boxes] == [f"Choose {tool.name} if you…" for tool in real_site.tools]
    assert [box["line"] for box in boxes] == [
        real_site.decision.choose[t.id][0].reason.replace("`", "") for t in real_site.tools
    ]
    assert all(box["shown"] for box in boxes), f"not all on the first screen: {boxes}"


COLUMNS = f"""() => [...document.querySelectorAll(".{Css.COLUMNS}")].map(row => {{
  const tools = [...row.querySelectorAll(":scope > .{Css.TOOL}")];
  return tools.map(tool => {{
    const box = tool.getBoundingClientRect(), label = tool.querySelector(".{Css.TOOL_NAME}");
    return {{id: tool.id, top: box.top, left: box.left, right: box.right, label: label && label.checkVisibility()
      ? label.textContent : null}};
  }});
}})"""


@pytest.mark.parametrize("aspect_id", ["core-features", "use-cases", "pricing-and-licensing", "decision-guide"])
def test_tool_columns_start_at_the_same_height_on_a_desktop(
    open_page: PageFactory, site_url: str, real_site: Site, aspect_id: str
) -> None:
    page = open_page()
    page.goto(site_url + at.url_of(at.aspect_page(aspect_id)))
    rows = [row for row in page.evaluate(COLUMNS) if len(row) > 1]
    assert rows, "no tools side by side"
    for row in rows:
        assert max(tool["top"] for tool in row) - min(tool["top"] for tool in row) < 1, row
        lefts = [tool["left"] for tool in row]
        assert lefts == sorted(lefts) and len(set(lefts)) == len(lefts), f"not side by side: {row}"


def test_tool_columns_stack_on_a_phone_each_with_its_label(
    open_page: PageFactory, site_url: str, real_site: Site
) -> None:
    page = open_page(**PHONE)
    page.goto(site_url + PAGE_TYPES["aspect"])
    rows = [row for row in page.evaluate(COLUMNS) if len(row) > 1]
    assert rows
    names = [tool.name for tool in real_site.tools]
    for row in rows:
        tops = [tool["top"] for tool in row]
        assert tops == sorted(tops) and len(set(tops)) == len(tops), f"not stacked: {row}"
        assert all(tool["right"] <= VIEWPORTS["phone"]["width"] for tool in row)
    point_rows = [row for row in rows if row[0]["id"]]
    assert point_rows and all([tool["label"] for tool in row] == names for row in point_rows)


# The visible cells (tool headings, or a row's cells) of the summary tables at the current scroll position.
SUMMARY_VIEW = f"""() => {{
  const header = document.querySelector(".md-header").getBoundingClientRect().bottom;
  const inView = element => {{
    const r = element.getBoundingClientRect();
    return element.checkVisibility() && r.top >= header - 1 && r.bottom <= window.innerHeight && r.width > 0;
  }};
  const headings = [...document.querySelectorAll(".{Css.SUMMARY} thead th")].filter(inView).map(th => th.textContent);
  const rows = [...document.querySelectorAll(".{Css.SUMMARY} tbody tr")].filter(inView).map(tr =>
    [...tr.querySelectorAll("td:not(.{Css.EDGE})")].map(td => {{
      const r = td.getBoundingClientRect();
      return {{left: r.left, right: r.right}};
    }}));
  return {{headings, rows, width: document.documentElement.clientWidth}};
}}"""


@pytest.mark.parametrize("size", SIZES)
def test_summary_headings_stay_in_view_in_the_middle_of_the_page(
    open_page: PageFactory, site_url: str, real_site: Site, size: str
) -> None:
    page = open_page(**SIZES[size])
    page.goto(site_url + PAGE_TYPES["summary"])
    page.evaluate("window.scrollTo(0, document.documentElement.scrollHeight / 2)")
    settle(page)
    view = page.evaluate(SUMMARY_VIEW)
    names = [tool.name for tool in real_site.tools]
    assert all(name in view["headings"] for name in names), f"tool headings out of view: {view['headings']}"
    assert view["rows"], "no row in view"


def test_on_a_phone_every_summary_row_shows_all_tools_at_once(
    open_page: PageFactory, site_url: str, real_site: Site
) -> None:
    page = open_page(**PHONE)
    page.goto(site_url + PAGE_TYPES["summary"])
    rows = page.evaluate(f"""() => [...document.querySelectorAll(".{Css.SUMMARY} tbody tr")].map(tr => ({{
      name: tr.querySelector("th").getBoundingClientRect().toJSON(),
      cells: [...tr.querySelectorAll("td:not(.{Css.EDGE})")].map(td => td.getBoundingClientRect().toJSON())}}))""")
    width = VIEWPORTS["phone"]["width"]
    assert len(rows) == sum(len(aspect.points) for aspect in real_site.aspects)
    for row in rows:
        name, cells = row["name"], row["cells"]
        assert name["width"] > width / 2, f"the point's name is squeezed into a column: {name}"
        assert cells and all(cell["top"] >= name["bottom"] - 1 for cell in cells), "the tools are not under the name"
        assert all(cell["left"] >= 0 and cell["right"] <= width for cell in cells), cells
        if len(cells) > 1:
            assert max(c["top"] for c in cells) - min(c["top"] for c in cells) < 1, f"tools not side by side: {cells}"


def test_recommendations_are_set_at_body_text_size(open_page: PageFactory, site_url: str) -> None:
    page = open_page()
    page.goto(site_url + PAGE_TYPES["decision-guide"])
    sizes = page.evaluate(f"""() => ({{
      body: getComputedStyle(document.querySelector("article > p")).fontSize,
      recommendations: [...document.querySelectorAll(".{Css.RECOMMENDATION} > p:not(.admonition-title)")]
        .map(p => getComputedStyle(p).fontSize)}})""")
    assert sizes["recommendations"], "no recommendation on the decision guide"
    assert set(sizes["recommendations"]) == {sizes["body"]}, sizes
