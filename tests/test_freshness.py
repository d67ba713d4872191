"""Review dates: a point may carry its own, `make check` warns (without failing) about old ones and fails on
dates after the day of the check, the pages
show each section's date, and `make versions` compares the reviewed versions with PyPI."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from sitegen import addresses as at
from sitegen import cli, freshness, versions
from sitegen.addresses import Css
from sitegen.build import load_site
from sitegen.model import Site, Tool
from support.project import DATA, copy_fixture, edit, problems_of
from support.sitehost import page_file

ASPECT_DATE = datetime.date(2026, 11, 24)  # the fixture's aspects and questions


@pytest.fixture
def data(tmp_path: Path) -> Path:
    """The three-tool fixture, with one point reviewed after its aspect."""
    data = copy_fixture(tmp_path)
    edit(data / "aspects" / "basics.yml", "    edge: gamma\n", "    edge: gamma\n    reviewed: 2026-11-28\n")
    return data


def test_a_point_takes_its_aspects_date_unless_it_carries_its_own(data: Path) -> None:
    aspect = load_site(data).aspect_by_id["basics"]
    dates = {point.id: aspect.reviewed_of(point) for point in aspect.points}
    assert dates == {"what-it-is": ASPECT_DATE, "speed": datetime.date(2026, 11, 28), "licence": ASPECT_DATE}


def test_a_points_own_date_must_not_come_before_its_aspects(data: Path) -> None:
    edit(data / "aspects" / "basics.yml", "reviewed: 2026-11-28", "reviewed: 2026-01-01")
    assert problems_of(data) == [
        "data/aspects/basics.yml:28:5: points[1].reviewed: 2026-01-01 is before the aspect's own review date "
        "(2026-11-24), which already covers this point: remove it"
    ]


def test_a_point_shares_its_aspects_date_only_with_a_change_of_its_own(data: Path) -> None:
    edit(data / "aspects" / "basics.yml", "reviewed: 2026-11-28", "reviewed: 2026-11-24")
    assert problems_of(data) == [
        "data/aspects/basics.yml:28:5: points[1].reviewed: 2026-11-24 is the aspect's own review date, which "
        "already covers this point: remove it, or add the point's own 'change' so that What's new lists it"
    ]
    edit(data / "aspects" / "basics.yml", "reviewed: 2026-11-24\n", "reviewed: 2026-11-24\n    change: Re-rated.\n")
    speed = load_site(data).aspect_by_id["basics"].points[1]
    assert (speed.reviewed, speed.change) == (ASPECT_DATE, "Re-rated.")


def test_a_points_date_must_be_a_date(data: Path) -> None:
    edit(data / "aspects" / "basics.yml", "reviewed: 2026-11-28", "reviewed: yesterday")
    assert problems_of(data) == [
        "data/aspects/basics.yml:28:5: points[1].reviewed: expected a date written YYYY-MM-DD (2026-11-29), "
        "got 'yesterday'"
    ]


def test_a_date_after_the_day_of_the_check_fails_make_check_with_its_lines(
    data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    edit(data / "faq" / "what-is-alpha.yml", "reviewed: 2026-11-24", "reviewed: 2062-11-24")
    assert cli.main(["check", str(data), "--today", "2026-11-29"]) == 1
    err = capsys.readouterr().err.splitlines()
    assert err == [
        "1 review date is after today (2026-11-29):",
        "  data/faq/what-is-alpha.yml:10: question 'what-is-alpha': reviewed 2062-11-24, 13144 days ahead",
        "  A review date is the day the facts were checked: correct it (What's new lists the newest first).",
    ]
    # A reviewer whose day is ahead of the machine's (time zones) is not told off: one day is allowed.
    edit(data / "faq" / "what-is-alpha.yml", "reviewed: 2062-11-24", "reviewed: 2026-11-30")
    assert cli.main(["check", str(data), "--today", "2026-11-29"]) == 0


def test_nothing_is_stale_up_to_the_limit(data: Path) -> None:
    site = load_site(data)
    assert freshness.stale(site, ASPECT_DATE + datetime.timedelta(days=180)) == []
    assert freshness.report([]) == ""


def test_each_old_date_is_listed_once_at_its_line(data: Path) -> None:
    site = load_site(data)
    today = datetime.date(2026, 11, 28) + datetime.timedelta(days=181)
    assert [str(entry) for entry in freshness.stale(site, today)] == [
        "data/aspects/basics.yml:28: point 'basics#speed': reviewed 2026-11-28, 181 days ago",
        "data/aspects/basics.yml:48: aspect 'basics' and the 2 points it dates: reviewed 2026-11-24, 185 days ago",
        "data/aspects/choosing.yml:24: aspect 'choosing' and the point it dates: reviewed 2026-11-24, 185 days ago",
        "data/faq/what-is-alpha.yml:10: question 'what-is-alpha': reviewed 2026-11-24, 185 days ago",
        "data/faq/which-is-fastest.yml:10: question 'which-is-fastest': reviewed 2026-11-24, 185 days ago",
    ]
    # the point's own, newer date keeps it off the list while its aspect is on it
    earlier = freshness.stale(site, today - datetime.timedelta(days=1))
    assert "point 'basics#speed'" not in [entry.what for entry in earlier] and len(earlier) == 4


def test_the_limit_is_a_setting(data: Path) -> None:
    site = load_site(data)
    assert len(freshness.stale(site, ASPECT_DATE + datetime.timedelta(days=31), after_days=30)) == 4


def test_make_check_warns_about_old_dates_without_failing(data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["check", str(data), "--today", "2027-06-01"]) == 0
    out, err = capsys.readouterr()
    assert out.startswith("ok: 3 tools, 2 aspects, 2 questions")
    lines = err.splitlines()
    assert lines[0] == "warning: 6 review dates are over 180 days old:"
    assert lines[1].startswith("  data/aspects/basics.yml:28: point 'basics#speed'")
    short_answer = "the short answer (choose-if lines and scenarios): reviewed 2026-11-29, 184 days ago"
    assert f"  data/decision.yml:39: {short_answer}" in lines
    assert lines[-1].startswith("  Check those facts against their sources again")


def test_make_check_is_silent_about_fresh_dates(data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["check", str(data), "--today", "2026-12-01"]) == 0
    assert capsys.readouterr().err == ""


def test_the_real_data_is_reviewed_within_the_limit_of_its_newest_date(real_site: Site) -> None:
    """Measured from the newest date in the data, not from the day the tests run: no section was left
    behind when the rest was last reviewed."""
    dates = [a.reviewed_of(p) for a in real_site.aspects for p in a.points] + [q.reviewed for q in real_site.questions]
    newest = max([*dates, real_site.decision.reviewed])
    assert freshness.stale(real_site, newest) == []


# -- on the pages ---------------------------------------------------------------------------------------


def test_every_point_and_question_shows_its_review_date(built_site: Path, real_site: Site) -> None:
    for aspect in real_site.aspects:
        page = page_file(built_site, at.url_of(at.aspect_page(aspect.id)))
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "lxml")
        for point in aspect.points:
            heading = soup.find(id=point.id)
            assert heading is not None
            meta = heading.find_next("p", class_=Css.META)
            assert meta is not None and f"Reviewed {aspect.reviewed_of(point).isoformat()}" in meta.get_text(), (
                aspect.id,
                point.id,
            )
    faq = BeautifulSoup(page_file(built_site, at.url_of(at.FAQ_PAGE)).read_text(encoding="utf-8"), "lxml")
    for question in real_site.questions:
        heading = faq.find(id=question.id)
        assert heading is not None
        meta = heading.find_next("p", class_=Css.META)
        assert meta is not None and f"Reviewed {question.reviewed.isoformat()}" in meta.get_text(), question.id


# -- make versions -------------------------------------------------------------------------------------


def _tool(tool_id: str, version: str, package: str | None) -> Tool:
    return Tool(
        id=tool_id,
        name=tool_id.title(),
        order=10,
        summary="A tool.",
        maker="Someone",
        homepage="https://example.org/",
        docs="https://example.org/docs/",
        repository="https://example.org/repo/",
        licence="MIT",
        version=version,
        package=package,
    )


def test_versions_lists_what_is_behind_pypi() -> None:
    newest = {"keras": "3.16.0", "tensorflow": "2.21.0", "odd": "2024.1"}
    tools = [_tool("keras", "3.15.1", "keras"), _tool("tensorflow", "2.21.0", "tensorflow"), _tool("x", "1", None)]
    tools.append(_tool("odd", "not a version", "odd"))
    standings = versions.compare(tools, newest.__getitem__)
    assert [(s.tool, s.behind) for s in standings] == [("keras", True), ("tensorflow", False), ("odd", True)]
    assert versions.report(standings, ["x"]).splitlines() == [
        "keras (keras): reviewed against 3.15.1, behind: PyPI has 3.16.0",
        "tensorflow (tensorflow): reviewed against 2.21.0, up to date",
        "odd (odd): reviewed against not a version, behind: PyPI has 2024.1",
        "x: no 'package' in its data file, so not compared",
        "2 of 3 behind: re-check their facts, then update 'version'",
    ]


def test_a_newer_reviewed_version_is_not_behind() -> None:
    standings = versions.compare([_tool("keras", "3.16.0rc1", "keras")], lambda package: "3.15.1")
    assert not standings[0].behind


def test_make_versions_exits_non_zero_when_behind(
    real_site: Site, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(versions, "newest_on_pypi", lambda package: "99.0")
    assert cli.main(["versions", str(DATA)]) == 1
    assert capsys.readouterr().out.splitlines()[-1] == f"{len(real_site.tools)} of {len(real_site.tools)} behind: " + (
        "re-check their facts, then update 'version'"
    )


def test_make_versions_says_when_pypi_cannot_be_reached(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def offline(package: str) -> str:
        raise OSError("no network")

    monkeypatch.setattr(versions, "newest_on_pypi", offline)
    assert cli.main(["versions", str(DATA)]) == 2
    assert capsys.readouterr().err == "could not ask PyPI: no network\n"


@pytest.mark.parametrize(
    "package",
    [
        "../../admin",
        "keras?x=1",
        "a b",
        "-keras",
        "",
        'ke"ras',
        "`keras`",
        "keras{: onclick=x}",
        "ker\\u0007as",
        "k" * 101,
    ],
)
def test_a_package_name_cannot_be_an_address(data: Path, package: str) -> None:
    quoted = package.replace("'", "''")
    edit(data / "tools" / "alpha.yml", "order:", f"package: '{quoted}'\norder:")
    problems = problems_of(data)
    assert len(problems) == 1 and problems[0].startswith("data/tools/alpha.yml:") and "package:" in problems[0]


def test_a_control_character_in_a_package_name_is_refused_at_its_line(data: Path) -> None:
    edit(data / "tools" / "alpha.yml", "order:", 'package: "ker\\u0007as"\norder:')
    problems = problems_of(data)
    assert len(problems) == 1 and problems[0].startswith("data/tools/alpha.yml:3:")
    assert "U+0007" in problems[0]
