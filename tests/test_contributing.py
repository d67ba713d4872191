"""The contributor's path: the licences granted in files and named where readers look, the correction form
that the site's links fill in, the pull-request checklist, the CI that runs the README's commands, and the
weekly dependency updates. The code host's files are checked against their published schemas."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from bs4 import BeautifulSoup

from sitegen.corrections import FORM, FORM_FIELDS, GITHUB
from sitegen.export import JSON_FILE
from sitegen.publishing import CODE_LICENCE, CONTENT_LICENCE
from support.project import ROOT

GITHUB_DIR = ROOT / ".github"
WORKFLOWS = sorted((GITHUB_DIR / "workflows").glob("*.yml"))
README = (ROOT / "README.md").read_text(encoding="utf-8")


def read_yaml(path: Path) -> Any:
    """A file of the code host, as the host reads it: YAML 1.2, where ``on`` is a string, not a boolean."""
    return yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)  # BaseLoader: strings only


def check_schema(schema: str, *files: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--builtin-schema", f"vendor.{schema}", *map(str, files)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


# -- licences --------------------------------------------------------------------------------------------


def test_the_licences_are_granted_in_files() -> None:
    code = (ROOT / CODE_LICENCE.file).read_text(encoding="utf-8")
    assert code.startswith("MIT License\n\nCopyright (c) ") and "Permission is hereby granted, free of charge" in code
    content = (ROOT / CONTENT_LICENCE.file).read_text(encoding="utf-8")
    assert "Creative Commons Attribution 4.0 International Public License" in content
    assert "Section 8 -- Interpretation." in content, "the licence's full text, to its last section"
    scope = content.split("=" * 20)[0]
    for covered in ("data/", "docs/", "export/comparison.json", "LICENSE"):
        assert covered in scope, covered


def test_the_readme_the_footer_and_the_export_name_the_licence(built_site: Path) -> None:
    section = README.split("\n## Licence\n", 1)[1]
    for licence in (CONTENT_LICENCE, CODE_LICENCE):
        assert licence.name in section and f"`{licence.file}`" in section, licence
    footer = BeautifulSoup((built_site / "index.html").read_text(encoding="utf-8"), "lxml").select_one(".md-copyright")
    assert footer is not None
    link = footer.find("a", href=CONTENT_LICENCE.url)
    assert link is not None and link.get_text() == CONTENT_LICENCE.name
    assert f"code under {CODE_LICENCE.name}" in footer.get_text()
    exported = json.loads((built_site / JSON_FILE).read_text(encoding="utf-8"))["licence"]
    assert (exported["spdx"], exported["url"]) == (CONTENT_LICENCE.spdx, CONTENT_LICENCE.url)


# -- the correction form and the pull-request checklist --------------------------------------------------


def test_the_correction_form_is_a_valid_issue_form_with_the_fields_links_fill_in() -> None:
    form_file = GITHUB_DIR / "ISSUE_TEMPLATE" / FORM
    check_schema("github-issue-forms", form_file)
    check_schema("github-issue-config", GITHUB_DIR / "ISSUE_TEMPLATE" / "config.yml")
    fields = {item["id"]: item for item in read_yaml(form_file)["body"] if "id" in item}
    assert set(FORM_FIELDS) <= set(fields), "a correction link fills in a field the form does not have"
    required = {name for name, item in fields.items() if item.get("validations", {}).get("required") == "true"}
    assert {"address", "wrong", "source"} <= required
    assert f"template={FORM}" in GITHUB.new_issue
    for field in FORM_FIELDS:
        assert f"&{field}={{{field}}}" in GITHUB.new_issue


def test_the_pull_request_template_holds_the_contributors_checklist() -> None:
    checklist = (GITHUB_DIR / "pull_request_template.md").read_text(encoding="utf-8")
    items = re.findall(r"^- \[ \] (.+(?:\n {6}.+)*)", checklist, re.MULTILINE)
    assert len(items) >= 4
    for needed in ("`make check`", "cites the page", "own words", "screenshots"):
        assert any(needed in item for item in items), needed


# -- CI on the code host ---------------------------------------------------------------------------------

PREPARATION = {
    "Tools the Makefile needs",
    "Trust the checkout (the container runs as another user than the one that owns it)",
}
"""Steps that prepare the bare container, as a fresh machine of the README is assumed to be prepared."""


def readme_commands() -> set[str]:
    """The ``make`` commands the README gives (in code or in backticks)."""
    return set(re.findall(r"\bmake [a-z]+\b", README))


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=lambda path: path.name)
def test_workflows_are_valid_and_run_the_readmes_commands(workflow: Path) -> None:
    check_schema("github-workflows", workflow)
    for job in read_yaml(workflow)["jobs"].values():
        for step in job.get("steps", []):
            if "run" in step and step.get("name") not in PREPARATION:
                assert step["run"] in readme_commands(), f"{workflow.name}: {step['run']!r} is not a README command"


def test_pull_requests_run_make_test_in_debian_with_a_cached_environment() -> None:
    workflow = read_yaml(GITHUB_DIR / "workflows" / "test.yml")
    assert "pull_request" in workflow["on"]
    (job,) = workflow["jobs"].values()
    assert job["container"].startswith("debian:")
    runs = [step["run"] for step in job["steps"] if "run" in step]
    assert runs[-1] == "make test" and "make test" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    cache = next(step for step in job["steps"] if step.get("uses", "").startswith("actions/cache@"))
    assert cache["with"]["path"] == ".venv"
    # The key changes whenever a file that the Makefile rebuilds the environment from changes.
    inputs = re.search(r"^\$\(VENV\)/\.installed: (.+)$", (ROOT / "Makefile").read_text(encoding="utf-8"), re.M)
    assert inputs is not None
    for name in inputs.group(1).split():
        assert f"'{name}'" in cache["with"]["key"], name


def test_the_site_is_published_from_main_only_and_after_every_test() -> None:
    workflow = read_yaml(GITHUB_DIR / "workflows" / "pages.yml")
    assert set(workflow["on"]) == {"push", "workflow_dispatch"}
    assert workflow["on"]["push"]["branches"] == ["main"]
    build = workflow["jobs"]["build"]
    assert build["if"] == "github.ref == 'refs/heads/main'", "a manual run from another branch would deploy it"
    runs = [step["run"] for step in build["steps"] if "run" in step and step.get("name") not in PREPARATION]
    assert runs == ["make test", "make build"]
    assert workflow["jobs"]["deploy"]["needs"] == "build"


def test_one_weekly_pull_request_updates_every_pin() -> None:
    config_file = GITHUB_DIR / "dependabot.yml"
    check_schema("dependabot", config_file)
    config = read_yaml(config_file)
    ((group, settings),) = config["multi-ecosystem-groups"].items()
    assert settings["schedule"]["interval"] == "weekly"
    ecosystems = {(update["package-ecosystem"], update["directory"]) for update in config["updates"]}
    assert ecosystems == {("pip", "/"), ("npm", "/tests/quality"), ("github-actions", "/")}
    for update in config["updates"]:
        assert update["multi-ecosystem-group"] == group and update["patterns"] == ["*"]
    assert (ROOT / "tests" / "quality" / "package.json").is_file()


def test_the_contributing_page_walks_from_the_correction_link_to_a_pull_request() -> None:
    page = (ROOT / "docs" / "contributing.md").read_text(encoding="utf-8")
    steps = ["Suggest a correction", "official source", "make serve", "Edit", "reviewed:", "make check", "pull request"]
    body = page.split("## Report a mistake", 1)[1]
    at = 0
    for step in steps:  # in this order, each after the one before
        at = body.find(step, at)
        assert at >= 0, f"{step!r} is missing, or comes too early"
    diff = re.search(r"```diff\n(.*?)```", page, re.DOTALL)
    assert diff is not None, "the example diff of a data file"
    (changed,) = set(re.findall(r"^\s*\+\+\+ b/(\S+)$", diff.group(1), re.MULTILINE))
    assert (ROOT / changed).is_file() and changed.startswith("data/"), changed


def test_the_contributing_pages_steps_are_one_list_with_the_diff_in_its_step(built_site: Path) -> None:
    page = BeautifulSoup((built_site / "contributing" / "index.html").read_text(encoding="utf-8"), "lxml")
    heading = page.find(id="correct-a-fact")
    assert heading is not None
    steps = heading.find_next("ol").find_all("li", recursive=False)
    titles = [step.find("strong").get_text() for step in steps]
    assert titles == [
        "Get the project.",
        "Find the file.",
        "Change the text, the source and the date.",
        "Check.",
        "Open a pull request.",
        "Review.",
    ]
    assert steps[2].find("pre") is not None, "the example diff belongs to its step"
