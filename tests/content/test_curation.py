"""The curation targets a framework sets (``curation:`` in framework.yml) are checked as set."""

from __future__ import annotations

from pathlib import Path

from generator.content.curation import shortfalls
from generator.project import Project, load_and_validate
from tests.conftest import FIXTURES, copy_project, run_cli


def _with_curation(project: Path, block: str):
    framework = project / "content/framework.yml"
    framework.write_text(framework.read_text(encoding="utf-8") + block, encoding="utf-8")
    return load_and_validate(Project(project))


def test_no_curation_block_sets_no_target(minimal: Path) -> None:
    assert shortfalls(load_and_validate(Project(minimal))) == []


def test_every_shortfall_is_listed(minimal: Path) -> None:
    content = _with_curation(minimal, "curation:\n  min_skills: 5\n  min_roles: 1\n"
                             "  min_checks_per_skill: 9\n  skills: [testing]\n")
    skill = content.skills[0]
    assert shortfalls(content) == [
        f"skills: expected at least 5, got {len(content.skills)}",
        f"skill {skill.id}: knowledge checks: expected at least 9, got {len(skill.checks)}",
    ]


def test_the_areas_must_come_in_the_order_given(tmp_path: Path) -> None:
    project = copy_project(FIXTURES / "data-engineering", tmp_path / "de")
    content = _with_curation(project, "curation:\n  areas: [operations, pipelines]\n")
    assert shortfalls(content) == [
        "areas: expected ['operations', 'pipelines'], got ['pipelines', 'operations']"]


def test_a_required_skill_that_is_gone_is_a_content_mistake(minimal: Path) -> None:
    framework = minimal / "content/framework.yml"
    lines = len(framework.read_text(encoding="utf-8").splitlines())
    framework.write_text(framework.read_text(encoding="utf-8") +
                         "curation:\n  skills: [testing, nowhere]\n", encoding="utf-8")
    result = run_cli("validate", cwd=minimal)
    assert result.code == 1
    assert result.err.startswith(f"content/framework.yml:{lines + 2}: ")
    assert "'nowhere'" in result.err


def test_a_misspelt_target_is_a_content_mistake(minimal: Path) -> None:
    framework = minimal / "content/framework.yml"
    framework.write_text(framework.read_text(encoding="utf-8") + "curation:\n  min_skils: 5\n",
                         encoding="utf-8")
    result = run_cli("validate", cwd=minimal)
    assert result.code == 1
    assert "content/framework.yml:" in result.err and "'min_skils'" in result.err
    assert "did you mean 'min_skills'" in result.err
