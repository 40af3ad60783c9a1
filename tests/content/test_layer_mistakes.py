"""A fork's layer meeting upstream's changes: a skill of its own that upstream adds under the
same id, and an update to a skill upstream removed, are said at the layer file."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import FIXTURES, copy_project, run_cli


def test_a_layer_skill_meets_an_upstream_skill_of_the_same_id(tmp_path: Path) -> None:
    """Upstream adds a skill with the id of a fork's own: the merge is said (its checks now
    join upstream's), not silent."""
    project = copy_project(FIXTURES / "minimal", tmp_path / "p")
    own = (project / "content/skills/testing.yml").read_text(encoding="utf-8")
    (project / "fork/skills").mkdir(parents=True)
    (project / "fork/skills/testing.yml").write_text(
        own.replace("id: flaky-test", "id: our-flaky-test"), encoding="utf-8")
    result = run_cli("validate", "--root", str(project), cwd=tmp_path)
    assert ("fork/skills/testing.yml:1: warning: a whole skill (name, levels and checks) with the "
            "id of upstream's content/skills/testing.yml") in result.err, result.err


def test_an_update_to_a_skill_upstream_removed_says_so(tmp_path: Path) -> None:
    project = copy_project(FIXTURES / "minimal", tmp_path / "p")
    (project / "fork/skills").mkdir(parents=True)
    (project / "fork/skills/testng.yml").write_text("summary: Ours.\n", encoding="utf-8")
    result = run_cli("validate", "--root", str(project), cwd=tmp_path)
    assert result.code == 1 and "Traceback" not in result.err
    assert ("fork/skills/testng.yml:1: updates the skill 'testng', which content/skills/ does "
            "not have") in result.err and "did you mean 'testing'?" in result.err
    assert "missing required key" not in result.err
