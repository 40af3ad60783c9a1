"""The curation targets a framework sets (``curation:`` in framework.yml) are checked as set."""

from __future__ import annotations

from pathlib import Path

from generator.content.curation import shortfalls
from generator.project import Project, load_and_validate


def _with_curation(project: Path, block: str):
    framework = project / "content/framework.yml"
    framework.write_text(framework.read_text(encoding="utf-8") + block, encoding="utf-8")
    return load_and_validate(Project(project))


def test_no_curation_block_sets_no_target(minimal: Path) -> None:
    assert shortfalls(load_and_validate(Project(minimal))) == []


def test_every_shortfall_is_listed(minimal: Path) -> None:
    content = _with_curation(minimal, "curation:\n  min_skills: 5\n  min_roles: 1\n"
                             "  min_checks_per_skill: 9\n  areas: [other]\n"
                             "  skills: [testing, nowhere]\n")
    skill = content.skills[0].id
    assert shortfalls(content) == [
        f"skills: expected at least 5, got {len(content.skills)}",
        f"skill {skill}: knowledge checks: expected at least 9, got {len(content.skills[0].checks)}",
        f"areas: expected ['other'], got {[a.id for a in content.framework.areas]}",
        "skills: expected ['nowhere'] to exist",
    ]


def test_a_misspelt_target_is_a_content_mistake(minimal: Path) -> None:
    framework = minimal / "content/framework.yml"
    framework.write_text(framework.read_text(encoding="utf-8") + "curation:\n  min_skils: 5\n",
                         encoding="utf-8")
    from tests.conftest import run_cli
    result = run_cli("validate", cwd=minimal)
    assert result.code == 1
    assert "content/framework.yml:" in result.err and "'min_skils'" in result.err
    assert "did you mean 'min_skills'" in result.err
