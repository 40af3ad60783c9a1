"""Scoring over drawn level scales (docs/scoring.md, issues #16 and #18): 3 to 7 levels,
starting at 0 or 1, with or without a floor, skills that start higher or skip levels, and
roles that expect only some skills. The scoring fixture's data is reshaped to each drawn
scale, and scoring.js (through the terminal's engine) must keep the rules' promises."""

from __future__ import annotations

import copy
import math
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.assessment.scoring import score
from tests.assessment.helpers import scoring_data

DATA = scoring_data()
ROLE = "lead"


@st.composite
def scales(draw: st.DrawFn) -> dict[str, Any]:
    """The scoring fixture on a drawn scale, with drawn applicable levels and expectations."""
    data = copy.deepcopy(DATA)
    size = draw(st.integers(3, 7))
    lo = draw(st.sampled_from([0, 1]))
    values = list(range(lo, lo + size))
    floor = draw(st.sampled_from([lo, None]))
    data["levels"] = [{"value": v, "name": f"L{v}", "summary": "s", "label": f"L{v}"}
                      for v in values]
    data["floor"] = floor
    data["settings"] = {**data["settings"], "knowledge_max_level": None}
    above = [v for v in values if v != floor]
    role = next(r for r in data["roles"] if r["id"] == ROLE)
    role["expectations"] = {}
    for skill in data["skills"]:
        start = draw(st.sampled_from(above[:-1]))  # at least two levels left above it
        skipped = draw(st.lists(st.sampled_from(above), max_size=2, unique=True))
        has = [v for v in above if v >= start and v not in skipped] or [values[-1]]
        skill["applicable"] = ([floor] if floor is not None else []) + has
        skill["levels"] = {str(v): {"behaviours_html": [f"at {v}"], "examples_html": [[]],
                                    "how_to_reach_html": f"reach {v}"} for v in has}
        if draw(st.booleans()):  # the role expects this skill, at a level it has
            role["expectations"][skill["id"]] = {"level": draw(st.sampled_from(has)),
                                                 "importance": draw(st.integers(1, 3))}
    for resource in data["resources"]:
        resource["level"] = min(max(resource["level"], lo), values[-1])
    return data


def answers(data: dict[str, Any], ratings: dict[str, int], right: bool | None) -> dict[str, Any]:
    checks = [c for s in data["skills"] for c in s["checks"]]
    return {"ratings": {sid: {"level": level, "hash": next(
                s["rating_hash"] for s in data["skills"] if s["id"] == sid)}
                        for sid, level in ratings.items()},
            "answers": {} if right is None else {
                c["id"]: {"choice": c["answer"] if right else (c["answer"] + 1) % len(c["options"]),
                          "hash": c["hash"]} for c in checks}}


@settings(max_examples=80, deadline=None)
@given(scales(), st.data())
def test_gaps_only_for_expected_skills_with_goals_on_levels_the_skill_has(
        data: dict[str, Any], draw: st.DataObject) -> None:
    ratings = {s["id"]: draw.draw(st.sampled_from(s["applicable"])) for s in data["skills"]
               if draw.draw(st.booleans())}
    result = score(data, answers(data, ratings, draw.draw(st.sampled_from([None, True, False]))),
                   ROLE)
    expected = next(r for r in data["roles"] if r["id"] == ROLE)["expectations"]
    skills = {s["id"]: s for s in data["skills"]}
    for gap in result["gaps"]:
        assert gap["skill"] in expected, "a skill the role does not list is never a gap"
        has = skills[gap["skill"]]["applicable"]
        assert gap["goal"] in has and gap["goal"] <= gap["target"]
        assert gap["goal"] > math.floor(gap["current"])
        # No level the skill has lies between where it counts and its goal.
        assert not [v for v in has if math.floor(gap["current"]) < v < gap["goal"]]
        assert str(gap["goal"]) in skills[gap["skill"]]["levels"], "the goal has behaviours"
    for sid, s in result["skills"].items():
        if sid in ratings:
            assert s["rating"] == ratings[sid], "a rating at a level the skill has counts"


@settings(max_examples=60, deadline=None)
@given(scales())
def test_personas_on_any_scale(data: dict[str, Any]) -> None:
    hi = data["levels"][-1]["value"]
    lo = data["levels"][0]["value"]
    top = {s["id"]: max(s["applicable"]) for s in data["skills"]}
    expert = score(data, answers(data, top, True), ROLE)
    assert expert["gaps"] == [], "top ratings with every answer right meet every target"
    checks_only = score(data, answers(data, {}, True), ROLE)
    assert all(s["score"] is None or s["score"] < hi for s in checks_only["skills"].values())
    nothing = score(data, {}, ROLE)
    expected = next(r for r in data["roles"] if r["id"] == ROLE)["expectations"]
    assert {g["skill"]: g["gap"] for g in nothing["gaps"]} == {
        sid: e["level"] - lo for sid, e in expected.items() if e["level"] > lo}


@settings(max_examples=60, deadline=None)
@given(scales(), st.data())
def test_a_rating_at_a_level_the_skill_does_not_have_does_not_count(
        data: dict[str, Any], draw: st.DataObject) -> None:
    values = [lv["value"] for lv in data["levels"]]
    candidates = [(s["id"], v) for s in data["skills"] for v in values
                  if v not in s["applicable"]]
    if not candidates:
        return
    sid, level = draw.draw(st.sampled_from(candidates))
    result = score(data, answers(data, {sid: level}, None), ROLE)
    assert result["skills"][sid]["rating"] is None
    assert result["skills"][sid]["status"] == "unassessed"
