"""Hand-written pages link into generated ones: deleting or renaming a record says so at the data level."""

from __future__ import annotations

from pathlib import Path

from sitegen.build import generate
from support.project import copy_fixture, edit, mkdocs_build, problems_of


def rename_aspect(data: Path, old: str, new: str) -> None:
    """The README's rename procedure: new id and file name, the old id added to the aliases, references updated."""
    path = data / "aspects" / f"{old}.yml"
    text = path.read_text(encoding="utf-8").replace(f"id: {old}\n", f"id: {new}\n", 1)
    (data / "aspects" / f"{new}.yml").write_text(text.replace("\naliases: [", f"\naliases: [{old}, "), encoding="utf-8")
    path.unlink()
    for record in data.rglob("*.yml"):
        text = record.read_text(encoding="utf-8")
        record.write_text(text.replace(f"{old}#", f"{new}#").replace(f", {old}]", f", {new}]"), encoding="utf-8")


def test_a_renamed_aspect_names_its_new_page_and_the_build_agrees(tmp_path: Path) -> None:
    data = copy_fixture(tmp_path)
    rename_aspect(data, "basics", "essentials")
    message = (
        "docs/index.md:7:45: links to aspects/basics.md, but aspect 'basics' is now 'essentials' "
        "(data/aspects/essentials.yml); link to aspects/essentials.md"
    )
    assert problems_of(data) == [message]
    result = mkdocs_build(data.parent / "mkdocs.yml", tmp_path / "site")
    assert result.returncode != 0 and message in result.stderr and "Traceback" not in result.stderr
    edit(data.parent / "docs" / "index.md", "aspects/basics.md", "aspects/essentials.md")
    assert mkdocs_build(data.parent / "mkdocs.yml", tmp_path / "site").returncode == 0


def test_a_deleted_aspect_is_named(tmp_path: Path) -> None:
    data = copy_fixture(tmp_path)
    edit(data.parent / "docs" / "index.md", "[FAQ](faq.md)", "[FAQ](faq.md), [gone](./aspects/gone.md#x)")
    assert problems_of(data) == [
        "docs/index.md:7:94: links to ./aspects/gone.md#x, but no aspect in data/aspects/ has the id 'gone'"
    ]


def test_a_missing_section_is_named_and_aliases_still_land(tmp_path: Path) -> None:
    data = copy_fixture(tmp_path)
    more = "\n[old point](aspects/basics.md#definition) and [a question](faq.md#which-is-slowest).\n"
    (data.parent / "docs" / "index.md").write_text((data.parent / "docs" / "index.md").read_text() + more)
    assert problems_of(data) == [
        "docs/index.md:15:60: links to faq.md#which-is-slowest, but no section of that page has the id "
        "'which-is-slowest' in data/"
    ]


def test_a_home_marker_in_code_or_indented_counts_as_missing(tmp_path: Path) -> None:
    data = copy_fixture(tmp_path)
    index = data.parent / "docs" / "index.md"
    text = index.read_text(encoding="utf-8")
    text = text.replace("<!-- short-answer -->", "```\n<!-- short-answer -->\n```")
    text = text.replace("<!-- aspect-list -->", "    <!-- aspect-list -->")
    index.write_text(text + "\n<!-- short-answer -->\n\n<!-- short-answer -->\n", encoding="utf-8")
    problems = problems_of(data)
    assert (
        problems[0] == "docs/index.md: the line <!-- aspect-list --> is missing: put it on a line of its own, "
        "unindented and outside code; the home page shows the list of aspect pages (data/aspects/) there"
    )
    assert problems[1].startswith("docs/index.md:19:1: the line <!-- short-answer --> stands here again")
    assert len(problems) == 2


def test_the_home_page_is_required(tmp_path: Path) -> None:
    data = copy_fixture(tmp_path)
    (data.parent / "docs" / "index.md").rename(data.parent / "docs" / "README.md")
    assert problems_of(data)[-1].startswith("docs/index.md: missing: the home page, which shows")


def test_example_links_in_code_are_not_checked(tmp_path: Path) -> None:
    data = copy_fixture(tmp_path)
    example = "\n```markdown\nSee [the guide](aspects/new.md#x).\n```\n\nOr `[x](summary.md#nothing)`.\n"
    (data.parent / "docs" / "index.md").write_text(
        (data.parent / "docs" / "index.md").read_text(encoding="utf-8") + example, encoding="utf-8"
    )
    generate(data, data.parent / "docs")  # no DataError


def test_a_hand_written_title_or_description_with_markup_characters_is_refused(tmp_path: Path) -> None:
    # The theme places both, unescaped, in the description meta and the link previews' attributes.
    data = copy_fixture(tmp_path)
    page = data.parent / "docs" / "notes.md"
    page.write_text('---\ntitle: Notes\ndescription: \'Say "hi" onfocus="alert(1)"\'\n---\n\n# Notes\n', "utf-8")
    assert problems_of(data) == [
        "docs/notes.md:3:1: description: holds '\"', which the theme places unescaped in attributes; "
        'write it without <, >, &, "'
    ]
    page.write_text('---\ntitle: "Fine, quoted"\ndescription: R&D <b>\n---\n\n# Notes\n', "utf-8")
    assert [problem.split(":")[3] for problem in problems_of(data)] == [" description"]
