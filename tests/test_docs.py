"""The README is tested against the code: its set-up commands are the ones CI runs, and
every command it lists exists and answers --help; docs/benchmarks.md's table of assessment
modes holds what the start page shows."""

from __future__ import annotations

import re

import pytest
from click.testing import CliRunner

from generator.cli import main
from tests.conftest import REPO, upstream_only

README = (REPO / "README.md").read_text(encoding="utf-8")


def test_the_two_setup_commands_come_first_and_ci_runs_the_test_one() -> None:
    first_block = re.search(r"```sh\n(.*?)```", README, re.DOTALL).group(1)
    assert "make serve" in first_block and "make test" in first_block
    assert "make test" in (REPO / ".ci/run").read_text(encoding="utf-8")
    makefile = (REPO / "Makefile").read_text(encoding="utf-8")
    for target in ("serve", "build", "test", "goldens", "bench", "validate"):
        assert re.search(rf"^{target}:", makefile, re.MULTILINE), target


def test_every_listed_command_exists_and_has_help() -> None:
    listed = re.findall(r"^\| `([a-z]+)[ `]", README, re.MULTILINE)
    assert {"validate", "build", "serve", "assess", "report", "team", "compare", "init",
            "schema"} <= set(listed)
    assert set(main.commands) <= set(listed), "a command is missing from the README"
    for name in listed:
        result = CliRunner().invoke(main, [name, "--help"])
        assert result.exit_code == 0, name
        assert "Usage:" in result.output


def test_documented_pages_exist() -> None:
    for link in re.findall(r"\]\((docs/[^)]+|CHANGELOG\.md)\)", README):
        assert (REPO / link.split("#", 1)[0]).exists(), link


@pytest.mark.content
@upstream_only()
def test_the_readme_shows_what_validate_really_prints() -> None:
    result = CliRunner().invoke(main, ["validate", "--root", str(REPO)])
    assert result.exit_code == 0
    assert result.output.strip() in README


@pytest.mark.content
@upstream_only()
def test_the_readme_error_example_is_what_validate_prints(tmp_path) -> None:
    """The same two mistakes in a copy of the shipped content give the README's lines
    (line numbers aside: they move as the content grows)."""
    from tests.conftest import copy_project

    project = copy_project(REPO, tmp_path / "p")
    resources = project / "content/resources.yml"
    resources.write_text(resources.read_text().replace("kind: video", "kind: vidoe", 1))
    skill = project / "content/skills/mlops.yml"
    skill.write_text(skill.read_text().replace("\nname: ", "\nnmae: ", 1))
    result = CliRunner().invoke(main, ["validate", "--root", str(project)])
    assert result.exit_code == 1
    example = README.split("here a misspelt resource kind", 1)[1].split("```console\n", 1)[1]
    example = example.split("```", 1)[0].splitlines()[1:]  # without the `$ …` line
    no_lines = lambda text: re.sub(r"\.yml:\d+:", ".yml:N:", text)
    assert [no_lines(x) for x in result.output.strip().splitlines()] == \
        [no_lines(x) for x in example]


@pytest.mark.content
@upstream_only()
def test_the_assessment_modes_table_is_what_the_start_page_shows() -> None:
    """docs/benchmarks.md's "Assessment modes" table holds the estimates data.json ships."""
    from generator.assessment.data import assessment_data
    from generator.project import Project, load_and_validate

    content = load_and_validate(Project(REPO))
    data = assessment_data(content, "docs")
    page = (REPO / "docs/benchmarks.md").read_text(encoding="utf-8")
    section = page.split("## Assessment modes", 1)[1].split("\n## ", 1)[0]
    rows = re.findall(r"^\| (quick, [^|]+|full[^|]*|second opinion[^|]*) \| (\d+)(?:–(\d+))?"
                      r"[^|]* \| (\d+)(?:–(\d+))? \|$", section, re.MULTILINE)

    def pair(low: str, high: str) -> list[int]:
        return [int(low), int(high or low)]

    shown = [(pair(q, q2), pair(m, m2)) for _, q, q2, m, m2 in rows]
    expected = [(data["estimates"]["quick"][r["id"]]["questions"],
                 data["estimates"]["quick"][r["id"]]["minutes"]) for r in data["roles"]]
    expected += [(data["estimates"][mode]["questions"], data["estimates"][mode]["minutes"])
                 for mode in ("full", "opinion")]
    assert shown == expected
