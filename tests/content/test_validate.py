"""Content mistakes: each one is reported at its file:line with the exact text a user sees.

Every case in ``mistakes.yml`` edits one file of the smallest valid project and names
the message the validator must print. The corpus grows with every kind of mistake we learn
about.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

from generator.content.load import load_content
from generator.content.validate import validate
from generator.errors import ContentInvalid
from tests.conftest import FIXTURES, copy_project, run_cli


@dataclass(frozen=True)
class Case:
    name: str
    file: str
    old: str
    new: str
    expected: str


CORPUS = Path(__file__).resolve().parent / "mistakes.yml"
CASES = [Case(**case) for case in yaml.safe_load(CORPUS.read_text(encoding="utf-8"))]


def _break(project: Path, case: Case) -> None:
    path = project / case.file
    text = path.read_text(encoding="utf-8")
    assert case.old in text, f"case {case.name!r} no longer matches the fixture"
    path.write_text(text.replace(case.old, case.new, 1), encoding="utf-8")


def _messages(project: Path) -> list[str]:
    try:
        validate(load_content(project))
    except ContentInvalid as invalid:
        return [str(error) for error in invalid.errors]
    return []


def test_fixture_is_valid(minimal: Path) -> None:
    assert _messages(minimal) == []


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_each_mistake_is_reported_at_its_line(minimal: Path, case: Case) -> None:
    _break(minimal, case)
    messages = _messages(minimal)
    assert case.expected in messages, "\n".join(messages)


def test_all_mistakes_are_reported_in_one_run_without_traceback(minimal: Path) -> None:
    chosen = [CASES[2], CASES[12], CASES[24]]  # three different files
    for case in chosen:
        _break(minimal, case)
    result = run_cli("validate", cwd=minimal)
    assert result.code == 1
    assert "Traceback" not in result.err
    for case in chosen:
        assert case.expected in result.err.splitlines()
    assert result.err.splitlines()[-1] == "Found 3 problems in the content; nothing was written."


def test_a_failed_build_leaves_the_previous_site_untouched(minimal: Path) -> None:
    assert run_cli("build", cwd=minimal).code == 0
    before = {p.relative_to(minimal): p.read_bytes() for p in (minimal / "site").rglob("*")
              if p.is_file()}
    _break(minimal, CASES[5])
    result = run_cli("build", cwd=minimal)
    assert result.code == 1
    assert "Traceback" not in result.err
    after = {p.relative_to(minimal): p.read_bytes() for p in (minimal / "site").rglob("*")
             if p.is_file()}
    assert after == before


@pytest.fixture(scope="module")
def built_minimal(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = copy_project(FIXTURES / "minimal", tmp_path_factory.mktemp("built") / "p")
    assert run_cli("build", cwd=project).code == 0
    return project


def _tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file()}


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_each_mistake_fails_the_build_cleanly_and_keeps_the_site(
        built_minimal: Path, tmp_path: Path, case: Case) -> None:
    import shutil

    from click.testing import CliRunner

    from generator.cli import main

    project = tmp_path / "p"
    shutil.copytree(built_minimal, project)
    before = _tree(project / "site")
    _break(project, case)
    result = CliRunner().invoke(main, ["build", "--root", str(project)])
    assert result.exit_code == 1
    assert isinstance(result.exception, SystemExit), "a content mistake escaped as an exception"
    assert case.expected in result.output.splitlines()
    assert _tree(project / "site") == before


@pytest.mark.parametrize("slip", ["taglin: ", "version: v"])
def test_a_slip_in_the_frameworks_text_hides_no_other_files_mistakes(tmp_path: Path,
                                                                     slip: str) -> None:
    """A typo in framework.yml's tagline key or version is reported with the mistakes of the
    other files in the same run, not one run later."""
    project = copy_project(FIXTURES / "minimal", tmp_path / "p")
    framework = project / "content/framework.yml"
    text = framework.read_text(encoding="utf-8")
    framework.write_text(text.replace("tagline: ", "taglin: ", 1) if slip.startswith("taglin")
                         else text.replace("version: ", "version: v", 1), encoding="utf-8")
    skill = project / "content/skills/testing.yml"
    skill.write_text(skill.read_text(encoding="utf-8").replace("area: craft", "area: crafty"),
                     encoding="utf-8")
    messages = _messages(project)
    assert any(m.startswith("content/framework.yml:") for m in messages), messages
    assert any("unknown area 'crafty'" in m for m in messages), messages


def test_a_broken_scale_is_not_guessed_at(tmp_path: Path) -> None:
    """With the levels themselves broken there is nothing to check the skills against: only
    framework.yml's own mistake is reported, not a skill's every level."""
    project = copy_project(FIXTURES / "minimal", tmp_path / "p")
    framework = project / "content/framework.yml"
    text = framework.read_text(encoding="utf-8")
    framework.write_text(text.replace("levels:", "levels: 3\nold_levels:", 1), encoding="utf-8")
    messages = _messages(project)
    assert all(m.startswith("content/framework.yml:") for m in messages), messages
