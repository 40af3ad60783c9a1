"""Scales as teams define them, through validate and build --strict (issues #16, #18).

The three level fixtures (a floor-less 3-level scale, a 7-level scale with a named floor, a
numbered ladder with no areas and a skill that starts at level 3 with examples) validate,
build strictly, and their pages name levels the framework's way, say "not expected" for
skills a role leaves out, and count in the singular and plural.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.conftest import FIXTURES, REPO, copy_project, run_cli

NAMES = ("scale-three", "scale-seven", "ladder")


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    out = {}
    for name in NAMES:
        project = copy_project(FIXTURES / name, tmp_path_factory.mktemp(name) / name)
        result = run_cli("build", "--strict", "--root", str(project), cwd=REPO)
        assert result.code == 0, result.out + result.err
        out[name] = project
    return out


def page(project: Path, path: str) -> str:
    """A built page's main text, tags stripped and whitespace collapsed."""
    html = (project / "site" / path / "index.html").read_text(encoding="utf-8")
    main = html.split('<article class="md-content__inner', 1)[1].split("</article>", 1)[0]
    return " ".join(re.sub(r"<[^>]+>", " ", main).split())


@pytest.mark.parametrize(("name", "summary"), [
    ("scale-three", ("Content is valid: 2 areas, 3 skills, 3 knowledge checks, 2 roles, "
                     "3 resources, 1 glossary term, 0 guides.")),
    ("ladder", ("Content is valid: 3 skills, 3 knowledge checks, 2 roles, 3 resources, "
                "1 glossary term, 0 guides.")),
])
def test_validate_counts_in_the_singular_and_plural(name: str, summary: str) -> None:
    result = run_cli("validate", "--root", str(FIXTURES / name), cwd=REPO)
    assert result.code == 0, result.err
    assert result.out.strip() == summary


def test_a_ladder_with_numbered_levels_no_areas_and_a_skill_that_starts_higher(
        built: dict[str, Path]) -> None:
    project = built["ladder"]
    mentoring = page(project, "skills/mentoring")
    assert "This skill starts at Level 3; the levels below it do not apply." in mentoring
    assert "Level 3 " in mentoring and "3 · Level 3" not in mentoring
    assert "Level 1 " not in mentoring and "Level 2 " not in mentoring
    # Examples beneath their behaviour, escaped once.
    assert ("Does mentoring at step 3 on their own work. For example: Pairs weekly with a new "
            "joiner. Reviews a junior's design &amp; explains the trade-offs.") in mentoring
    assert "Engineer Not expected —" in mentoring
    assert "Area:" not in mentoring
    engineer = page(project, "roles/engineer")
    assert "Mentoring Not expected —" in engineer and "Coding Level 3 Essential" in engineer
    compare = page(project, "compare-roles")
    assert "Mentoring — Level 4 (Essential)" in compare
    home = page(project, "")
    assert "The skills" in home and "skill areas" not in home.lower()
    data = json.loads((project / "site/assets/assessment/data.json").read_text(encoding="utf-8"))
    assert data["floor"] is None
    assert {s["id"]: s["applicable"] for s in data["skills"]}["mentoring"] == [3, 4, 5, 6]
    assert [lv["label"] for lv in data["levels"]][:2] == ["Level 1", "Level 2"]


def test_a_seven_level_scale_with_a_named_floor(built: dict[str, Path]) -> None:
    project = built["scale-seven"]
    skill = page(project, "skills/fuehrung")
    # Six described levels; the floor is not a section of its own.
    assert [f"{v} · " in skill for v in range(7)] == [False] + [True] * 6
    assert "6 · Prägend" in skill
    home = page(project, "")
    assert "Betrieb · 3 skills" in home and "Zusammenarbeit · 1 skill " in home
    lead = page(project, "roles/lead")
    assert "Überwachung Not expected —" in lead and "Führung 6 · Prägend Essential" in lead


def test_a_three_level_scale_without_a_floor(built: dict[str, Path]) -> None:
    project = built["scale-three"]
    skill = page(project, "skills/triage")
    assert all(f"{v} · {n}" in skill for v, n in ((1, "Starter"), (2, "Solid"), (3, "Strong")))
    agent = page(project, "roles/agent")
    assert "Ticketing Not expected —" in agent
    skill = page(project, "skills/ticketing")
    assert "Support agent Not expected —" in skill and "Support lead 3 · Strong Useful" in skill
