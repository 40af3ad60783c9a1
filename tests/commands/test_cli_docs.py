"""docs/cli.md is tested against the code: every command's --help and the golden report."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import main

REPO = Path(__file__).resolve().parents[2]
DOC = REPO / "docs" / "cli.md"


def words(text: str) -> str:
    """Text with its wrapping ignored: help is wrapped to the terminal's width."""
    return " ".join(text.split())


@pytest.mark.parametrize("command", ["assess", "report", "team", "compare", "import"])
def test_the_docs_show_the_current_help(command: str) -> None:
    help_text = CliRunner().invoke(main, [command, "--help"], prog_name="mlpm").output
    shown = re.search(rf"## {command}\n\n```text\n(.*?)```", DOC.read_text(encoding="utf-8"),
                      re.DOTALL)
    assert shown, f"docs/cli.md has no '## {command}' section starting with its --help"
    assert words(shown[1]) == words(help_text)


def test_the_docs_show_the_golden_report() -> None:
    golden = (REPO / "tests" / "fixtures" / "scoring" / "expected" / "report.md").read_text(
        encoding="utf-8")
    assert golden.rstrip() in DOC.read_text(encoding="utf-8")


def test_the_docs_show_the_real_json_report(tmp_path) -> None:
    import json

    from tests.commands.test_report import mixed_file

    result = CliRunner().invoke(main, ["report", "--root", str(REPO / "tests" / "fixtures" /
                                                               "scoring"),
                                       str(mixed_file(tmp_path / "mixed.json")), "--format",
                                       "json"])
    shown = DOC.read_text(encoding="utf-8").split("mixed.json --format json\n", 1)[1]
    shown = shown.split("```", 1)[0]
    assert json.loads(shown) == json.loads(result.output)


def test_the_docs_show_the_real_import(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The transcript under '## import' is what the command prints (run from a folder
    holding the repository's fixtures, as the page runs it from the repository)."""
    import shutil

    shutil.copytree(REPO / "tests" / "fixtures" / "import", tmp_path / "tests/fixtures/import")
    monkeypatch.chdir(tmp_path)
    section = DOC.read_text(encoding="utf-8").split("## import\n", 1)[1]
    shown = section.split("```console\n$ mlpm ", 1)[1].split("```", 1)[0]
    command, expected = shown.split("\n", 1)
    result = CliRunner().invoke(main, command.split(), prog_name="mlpm")
    assert result.exit_code == 0, result.output
    assert result.output == expected
    assert (tmp_path / "our-ladder/content/skills/mentoring.yml").exists()
