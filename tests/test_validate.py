"""Validation: every problem in every file is reported at once, each with file, line, field and cause."""

from __future__ import annotations

import typing
from pathlib import Path

import pytest

from sitegen.build import load_site
from sitegen.model import RECORDS, Block, block_fields
from support.project import copy_fixture, edit, problems_of


@pytest.fixture
def data(tmp_path: Path) -> Path:
    return copy_fixture(tmp_path)


def test_the_three_tool_fixture_is_valid_and_ordered(data: Path) -> None:
    site = load_site(data)
    assert [tool.id for tool in site.tools] == ["alpha", "beta", "gamma"]
    assert [aspect.id for aspect in site.aspects] == ["basics", "choosing"]
    assert [q.id for q in site.questions] == ["what-is-alpha", "which-is-fastest"]  # by topic order


def test_missing_required_field(data: Path) -> None:
    edit(data / "aspects" / "basics.yml", "description: The basic facts about each made-up tool.\n", "")
    assert problems_of(data) == ["data/aspects/basics.yml:1:1: missing required field 'description'"]


def test_unknown_field_suggests_the_right_name(data: Path) -> None:
    edit(data / "aspects" / "basics.yml", "summary:", "sumary:")
    assert problems_of(data) == [
        "data/aspects/basics.yml:5:1: sumary: unknown field 'sumary' (did you mean 'summary'?)",
    ]


def test_wrong_type_names_the_field_path(data: Path) -> None:
    edit(data / "aspects" / "basics.yml", "order: 10", "order: ten")
    assert problems_of(data) == ["data/aspects/basics.yml:3:1: order: expected a whole number, got text"]


def test_wrong_type_deep_inside_a_point(data: Path) -> None:
    edit(data / "aspects" / "basics.yml", "text: Beta is faster.", "text: [Beta, is, faster]")
    assert problems_of(data) == ["data/aspects/basics.yml:30:30: points[1].tools.beta.text: expected text, got a list"]


def test_every_problem_in_every_file_is_reported_in_one_run(data: Path) -> None:
    edit(data / "aspects" / "basics.yml", "order: 10", "order: ten")
    edit(data / "aspects" / "basics.yml", "title: Speed", "tittle: Speed")
    edit(data / "tools" / "beta.yml", "docs: https://beta.example.org/docs/", "docs: ftp://beta.example.org/")
    edit(data / "faq" / "what-is-alpha.yml", "topic: general", "topic: generals")
    messages = problems_of(data)
    assert messages == [
        "data/aspects/basics.yml:3:1: order: expected a whole number, got text",
        "data/aspects/basics.yml:24:5: points[1]: missing required field 'title'",
        "data/aspects/basics.yml:25:5: points[1].tittle: unknown field 'tittle' (did you mean 'title'?)",
        "data/faq/what-is-alpha.yml:3:1: topic: unknown topic 'generals' (did you mean 'general'?)",
        "data/tools/beta.yml:7:1: docs: expected an http:// or https:// URL",
    ]


def test_id_that_is_not_a_valid_anchor(data: Path) -> None:
    edit(data / "aspects" / "basics.yml", "  - id: speed", "  - id: Speed Test")
    assert problems_of(data) == [
        "data/aspects/basics.yml:24:5: points[1].id: expected an id: lowercase letters, digits and single "
        "hyphens, starting with a letter",
        # the point's old id is still referred to elsewhere: a real, second problem
        "data/aspects/choosing.yml:20:16: points[0].evidence[0]: aspect 'basics' has no point 'speed'",
        "data/faq/which-is-fastest.yml:6:11: related[0]: aspect 'basics' has no point 'speed'",
    ]


def test_id_must_match_the_file_name(data: Path) -> None:
    edit(data / "faq" / "which-is-fastest.yml", "id: which-is-fastest", "id: fastest")
    assert problems_of(data) == [
        "data/faq/which-is-fastest.yml:1:1: id: id 'fastest' must match the file name 'which-is-fastest.yml'"
    ]


def test_invalid_date_given_as_text(data: Path) -> None:
    edit(data / "faq" / "what-is-alpha.yml", "reviewed: 2026-11-24", 'reviewed: "last week"')
    assert problems_of(data) == [
        "data/faq/what-is-alpha.yml:10:1: reviewed: expected a date written YYYY-MM-DD (2026-11-29), got 'last week'"
    ]


def test_source_url_must_be_http(data: Path) -> None:
    edit(data / "faq" / "which-is-fastest.yml", "url: https://gamma.example.org/docs/", "url: javascript:alert(1)")
    assert problems_of(data) == [
        "data/faq/which-is-fastest.yml:9:5: sources[0].url: expected an http:// or https:// URL"
    ]


def test_duplicate_id_across_files(data: Path) -> None:
    (data / "faq" / "alpha.yml").write_text(
        (data / "faq" / "what-is-alpha.yml")
        .read_text()
        .replace("id: what-is-alpha", "id: alpha")
        .replace("aliases: [alpha]", "")
    )
    assert problems_of(data) == [
        "data/faq/what-is-alpha.yml:11:11: aliases[0]: FAQ topic or question id 'alpha' is already used in "
        "data/faq/alpha.yml:1"
    ]


def test_point_alias_clashing_with_another_point(data: Path) -> None:
    edit(data / "aspects" / "basics.yml", "aliases: [definition]", "aliases: [speed]")
    assert problems_of(data) == [
        "data/aspects/basics.yml:24:5: points[1].id: point (in aspect 'basics') id 'speed' is already used in "
        "data/aspects/basics.yml:16"
    ]


def test_reference_to_an_unknown_tool(data: Path) -> None:
    edit(data / "aspects" / "choosing.yml", "  gamma: Pick Gamma for size.", "  gama: Pick Gamma for size.")
    assert problems_of(data) == [
        "data/aspects/choosing.yml:5:1: summary: missing an entry for tool gamma",
        "data/aspects/choosing.yml:8:3: summary.gama: unknown tool 'gama' (did you mean 'gamma'?)",
    ]


def test_reference_to_an_unknown_aspect_or_point(data: Path) -> None:
    edit(data / "faq" / "which-is-fastest.yml", "related: [basics#speed]", "related: [basic#speed, basics#sped]")
    assert problems_of(data) == [
        "data/faq/which-is-fastest.yml:6:11: related[0]: unknown aspect 'basic' (did you mean 'basics'?)",
        "data/faq/which-is-fastest.yml:6:24: related[1]: aspect 'basics' has no point 'sped' (did you mean 'speed'?)",
    ]


def test_a_point_missing_the_text_of_one_tool(data: Path) -> None:
    edit(data / "aspects" / "basics.yml", "      gamma: {short: Fastest., text: Gamma is fastest.}\n", "")
    assert problems_of(data) == ["data/aspects/basics.yml:28:5: points[1].tools: missing an entry for tool gamma"]


def test_a_new_tool_lists_every_place_that_needs_its_text(data: Path) -> None:
    (data / "tools" / "delta.yml").write_text(
        (data / "tools" / "gamma.yml").read_text().replace("gamma", "delta").replace("Gamma", "Delta")
    )
    messages = problems_of(data)
    # both summaries, three points, a support row and the decision's choose-if lines
    assert len(messages) == 7 and all("missing an entry for tool delta" in m for m in messages)


def test_a_point_cannot_take_an_id_of_its_page(data: Path) -> None:
    edit(data / "aspects" / "basics.yml", "  - id: speed", "  - id: sources")
    assert problems_of(data) == [
        "data/aspects/basics.yml:24:5: points[1].id: 'sources' is the id of the sources' heading on the same page; "
        "choose another id",
        "data/aspects/choosing.yml:20:16: points[0].evidence[0]: aspect 'basics' has no point 'speed'",
        "data/faq/which-is-fastest.yml:6:11: related[0]: aspect 'basics' has no point 'speed'",
    ]


def test_a_point_cannot_take_its_aspects_id(data: Path) -> None:
    edit(data / "aspects" / "basics.yml", "aliases: [definition]", "aliases: [definition, basics]")
    edit(data / "aspects" / "choosing.yml", "  - id: team-size", "  - id: choosing")
    messages = problems_of(data)
    assert messages[:2] == [
        "data/aspects/basics.yml:16:27: points[0].aliases[1]: 'basics' is the id of the page's title on the same "
        "page; choose another id",
        "data/aspects/choosing.yml:10:5: points[0].id: 'choosing' is the id of the page's title on the same page; "
        "choose another id",
    ]


def test_a_question_cannot_take_the_faq_pages_title_id(data: Path) -> None:
    edit(data / "faq" / "what-is-alpha.yml", "id: what-is-alpha", "id: faq")
    (data / "faq" / "what-is-alpha.yml").rename(data / "faq" / "faq.yml")
    assert problems_of(data) == [
        "data/faq/faq.yml:1:1: id: 'faq' is the id of the page's title on the same page; choose another id"
    ]


def test_a_question_alias_cannot_take_the_filter_boxs_id(data: Path) -> None:
    edit(data / "faq" / "what-is-alpha.yml", "aliases: [alpha]", "aliases: [kvt-filter-input]")
    assert problems_of(data) == [
        "data/faq/what-is-alpha.yml:11:11: aliases[0]: 'kvt-filter-input' is the id of the filter box on the same "
        "page; choose another id"
    ]


def test_a_topic_cannot_take_an_id_of_the_faq_page(data: Path) -> None:
    edit(data / "topics.yml", "id: general", "id: faq")
    taken = [m for m in problems_of(data) if "on the same page" in m]
    assert taken == [
        "data/topics.yml:2:5: topics[0].id: 'faq' is the id of the page's title on the same page; choose another id"
    ]


def test_unexpected_file_location(data: Path) -> None:
    (data / "notes.yml").write_text("id: x\n")
    assert problems_of(data) == [
        "data/notes.yml: unexpected data file; records live in data/tools/, data/aspects/, data/faq/, "
        "data/topics.yml, data/decision.yml, data/search.yml"
    ]


def test_html_inside_code_is_allowed(data: Path) -> None:
    edit(data / "faq" / "what-is-alpha.yml", "answer: Alpha is the first made-up tool.", "answer: 'Use `<br>`.'")
    assert load_site(data).questions[0].answer == "Use `<br>`."


def test_an_aspect_cannot_take_the_address_of_the_aspects_folder(data: Path) -> None:
    edit(data / "aspects" / "basics.yml", "aliases: [fundamentals]", "aliases: [fundamentals, index]")
    assert problems_of(data) == [
        "data/aspects/basics.yml:48:25: aliases[1]: 'index' is the id of the aspects folder's own page "
        "(served at aspects/); choose another id"
    ]


@pytest.mark.parametrize("broken", ["id: basics\ntitle: [unclosed\n", "\x00"])
def test_a_file_that_cannot_be_read_is_reported_once_not_wherever_it_is_referred_to(data: Path, broken: str) -> None:
    (data / "aspects" / "basics.yml").write_text(broken, encoding="utf-8")
    (data / "tools" / "beta.yml").write_text(broken, encoding="utf-8")
    (data / "topics.yml").write_text(broken, encoding="utf-8")
    files = [message.split(":")[0] for message in problems_of(data)]
    assert files == ["data/aspects/basics.yml", "data/tools/beta.yml", "data/topics.yml"]


def test_a_value_of_a_mapping_is_named_by_its_key(data: Path) -> None:
    edit(data / "aspects" / "basics.yml", "  beta: Beta in one line | with a pipe.", f"  beta: {'x' * 201}")
    assert problems_of(data) == ["data/aspects/basics.yml:7:3: summary.beta: expected at most 200 characters, got 201"]


def test_yaml_reading_a_word_as_true_or_false_is_explained(data: Path) -> None:
    edit(data / "tools" / "alpha.yml", "licence: MIT", "licence: no")
    assert problems_of(data) == [
        "data/tools/alpha.yml:9:1: licence: expected text, got true/false "
        "(YAML read it as such: put the text in quotes)"
    ]


@pytest.mark.parametrize("kind", ["tools/beta.yml", "aspects/basics.yml"])
def test_a_record_without_an_id_is_reported_once_not_wherever_it_is_referred_to(data: Path, kind: str) -> None:
    path = data / kind
    path.write_text(path.read_text(encoding="utf-8").replace(f"id: {path.stem}\n", "", 1), encoding="utf-8")
    assert problems_of(data) == [f"data/{kind}:1:1: missing required field 'id'"]


def test_points_that_are_not_a_list_do_not_make_references_to_them_unknown(data: Path) -> None:
    edit(data / "aspects" / "basics.yml", "points:\n  - id: what-it-is", "points:\n  what-it-is:\n  - id: what-it-is")
    messages = problems_of(data)
    assert all("has no point" not in message for message in messages) and messages[0].startswith(
        "data/aspects/basics.yml:11:1: points: expected a list"
    )


@pytest.mark.parametrize("text", ["> 2 GPUs", "{a: 1} and {b}", "[beta] (2024)", "x | y", "C# and F#"])
def test_ordinary_text_in_a_one_line_field_is_not_mistaken_for_markdown(data: Path, text: str) -> None:
    edit(data / "tools" / "alpha.yml", "maker: The Alpha team", f"maker: '{text}'")
    load_site(data)


def test_a_field_name_is_a_block_in_every_record_or_in_none() -> None:
    # validation tells block fields from one-line fields by their name
    blocks = block_fields()
    for record in RECORDS:
        for name, hint in typing.get_type_hints(record, include_extras=True).items():
            if name in blocks:
                assert hint == Block or Block in typing.get_args(hint), f"{record.__name__}.{name} is not a block"


def test_an_edge_is_a_tool_even_or_depends(data: Path) -> None:
    edit(data / "aspects" / "basics.yml", "    edge: gamma", "    edge: gama")
    assert problems_of(data) == [
        "data/aspects/basics.yml:27:5: points[1].edge: unknown edge 'gama' (did you mean 'gamma'?)"
    ]


def test_a_tool_cannot_take_a_word_of_the_edge_as_its_id(data: Path) -> None:
    (data / "tools" / "gamma.yml").rename(data / "tools" / "even.yml")
    edit(data / "tools" / "even.yml", "id: gamma", "id: even")
    problems = problems_of(data)
    assert problems[-1].startswith("data/tools/even.yml:1:1: id: 'even' is a word of a point's edge")


def test_a_tool_cannot_take_the_name_of_a_summary_csv_column(data: Path) -> None:
    (data / "tools" / "gamma.yml").rename(data / "tools" / "url.yml")
    edit(data / "tools" / "url.yml", "id: gamma", "id: url")
    problems = problems_of(data)
    assert "data/tools/url.yml:1:1: id: 'url' names a column of the summary CSV; choose another id" in problems


def test_a_line_break_in_a_key_cannot_pass_for_another_problem(data: Path) -> None:
    (data / "search.yml").write_text('synonyms:\n  "x\\n  data/faq/fake.yml:1:1: forged\\n  y": 3\n', "utf-8")
    problems = problems_of(data)
    assert problems and all("\n" not in problem for problem in problems), problems
    assert all(problem.startswith("data/search.yml:2:3: synonyms.x\\n  data/faq/fake.yml") for problem in problems)


def test_a_point_gives_either_tool_texts_or_a_shared_one(data: Path) -> None:
    edit(data / "aspects" / "basics.yml", "    shared:", "    tools: {alpha: {short: a, text: a}}\n    shared:")
    edit(
        data / "aspects" / "basics.yml",
        "    gist: All three carry the same licence.",
        "    gist: Same.\n    edge: beta",
    )
    assert problems_of(data) == [
        "data/aspects/basics.yml:41:5: points[2].edge: a shared text says the tools do not differ: the edge is 'even'",
        "data/aspects/basics.yml:43:5: points[2].shared: give either tools (one text per tool) or shared, not both",
    ]


def test_a_shared_text_has_no_edge_but_even(data: Path) -> None:
    edit(
        data / "aspects" / "basics.yml",
        "    gist: All three carry the same licence.",
        "    gist: Same.\n    edge: beta",
    )
    assert problems_of(data) == [
        "data/aspects/basics.yml:41:5: points[2].edge: a shared text says the tools do not differ: the edge is 'even'"
    ]


def test_a_support_row_names_every_tool(data: Path) -> None:
    edit(data / "aspects" / "basics.yml", "          gamma: no\n", "          gama: no\n")
    assert problems_of(data) == [
        "data/aspects/basics.yml:34:9: points[1].support[0].tools: missing an entry for tool gamma",
        "data/aspects/basics.yml:37:11: points[1].support[0].tools.gama: unknown tool 'gama' (did you mean 'gamma'?)",
    ]


def test_the_decision_refers_to_tools_points_and_a_guide_that_exist(data: Path) -> None:
    edit(data / "decision.yml", "guide: choosing", "guide: chosing")
    edit(data / "decision.yml", "    tool: alpha", "    tool: alfa")
    edit(data / "decision.yml", "      evidence: [basics#licence]", "      evidence: [basics#licenc]")
    assert problems_of(data) == [
        "data/decision.yml:1:1: guide: unknown aspect 'chosing' (did you mean 'choosing'?)",
        "data/decision.yml:5:18: choose.alpha[0].evidence[0]: aspect 'basics' has no point 'licenc' "
        "(did you mean 'licence'?)",
        "data/decision.yml:28:5: scenarios[0].tool: unknown tool 'alfa' (did you mean 'alpha'?)",
    ]


def test_a_scenario_cannot_take_the_id_of_a_point_of_the_guide(data: Path) -> None:
    edit(data / "decision.yml", "  - id: big-team", "  - id: team-size")
    assert problems_of(data) == [
        "data/decision.yml:31:5: scenarios[1].id: 'team-size' is the id of a point of the guide on the same page; "
        "choose another id"
    ]


def test_the_decision_file_is_required(data: Path) -> None:
    (data / "decision.yml").unlink()
    assert problems_of(data) == ["data/decision.yml: missing: the decision file (the short answer) is required"]


def test_choose_if_lines_are_three_to_five_per_tool(data: Path) -> None:
    edit(data / "decision.yml", "    - reason: like the letter G.\n      evidence: [basics#what-it-is]\n", "")
    assert problems_of(data) == ["data/decision.yml:17:3: choose.gamma: expected at least 3 items, got 2"]


def test_a_comma_in_a_flow_mapping_is_named_not_a_crash(data: Path) -> None:
    # the note's comma starts a new field of the {...} mapping: the union (yes/no/partial or a record) is explained
    edit(
        data / "aspects" / "basics.yml",
        "{level: partial, note: with a plug-in}",
        "{level: partial, note: a plug-in, or two}",
    )
    assert problems_of(data) == [
        "data/aspects/basics.yml:36:51: points[1].support[0].tools.beta.or two: unknown field 'or two' "
        "(in a {...} mapping, a comma starts a new field: put a text with commas in quotes)"
    ]


def test_a_support_value_outside_yes_partial_no_is_named(data: Path) -> None:
    edit(data / "aspects" / "basics.yml", "          gamma: no\n", "          gamma: maybe\n")
    assert problems_of(data) == [
        "data/aspects/basics.yml:37:11: points[1].support[0].tools.gamma: expected yes, no, partial or "
        "{level, note}, got 'maybe'"
    ]


def test_an_aspect_cannot_take_the_id_of_the_status_line(data: Path) -> None:
    edit(data / "aspects" / "basics.yml", "aliases: [fundamentals]", "aliases: [fundamentals, kvt-toast]")
    assert problems_of(data) == [
        "data/aspects/basics.yml:48:25: aliases[1]: 'kvt-toast' is the id of site.js's status line, on every page; "
        "choose another id"
    ]


def test_a_quoted_yes_in_a_support_row_is_explained(data: Path) -> None:
    edit(data / "aspects" / "basics.yml", "          alpha: yes\n", '          alpha: "yes"\n')
    assert problems_of(data) == [
        "data/aspects/basics.yml:35:11: points[1].support[0].tools.alpha: expected yes, no, partial or "
        "{level, note}, got 'yes' (in quotes it is text: write yes or no without quotes)"
    ]


def test_the_guide_named_by_an_old_id_is_explained(data: Path) -> None:
    edit(data / "decision.yml", "guide: choosing", "guide: fundamentals")
    assert problems_of(data) == [
        "data/decision.yml:1:1: guide: 'fundamentals' is an old id of aspect 'basics': write 'basics'"
    ]


def test_a_summary_cell_holds_a_few_words(data: Path) -> None:
    edit(
        data / "aspects" / "basics.yml",
        "{short: Fast., text: Alpha is fast.}",
        "{short: " + "x" * 61 + ", text: Fast.}",
    )
    assert problems_of(data) == [
        "data/aspects/basics.yml:29:15: points[1].tools.alpha.short: expected at most 60 characters, got 61"
    ]


def test_hostile_keywords_and_synonyms_are_refused_with_their_place(data: Path) -> None:
    question = data / "faq" / "what-is-alpha.yml"
    original = question.read_text(encoding="utf-8")
    question.write_text(original + 'keywords: ["<b>x</b>", "{: onclick=x}"]\n', "utf-8")
    problems = problems_of(data)
    assert [p.split(": ", 2)[1:] for p in problems] == [
        ["keywords[0]", "raw HTML is not allowed in a one-line field; it is plain text, with `code` at most"],
        [
            "keywords[1]",
            "an attribute list ({...}) is not allowed in a one-line field; it is plain text, with `code` at most",
        ],
    ]
    question.write_text(original + f'keywords: ["{"k" * 41}"]\n', "utf-8")
    assert problems_of(data) == [
        "data/faq/what-is-alpha.yml:12:12: keywords[0]: expected at most 40 characters, got 41"
    ]
    question.write_text(original, "utf-8")
    (data / "search.yml").write_text("synonyms:\n  mobile: []\n  phone: ok\n", "utf-8")
    problems = problems_of(data)
    assert any("synonyms.mobile: expected at least 1 item" in p for p in problems), problems
    assert any("synonyms.phone: expected a list" in p for p in problems), problems
