"""``scoring.js`` (run as the terminal runs it) against numbers computed by hand from
``tests/fixtures/scoring/``.

The fixture's scale is 0–4; settings: top_gaps 3, resources_per_gap 2,
plan_minutes_per_month 120, flag_difference 2. Skills in content order: user-research,
prioritising (discovery), metrics, shipping (delivery), ml-basics (tech, no checks).
"""

from __future__ import annotations

import copy

import pytest

from generator.assessment.engine import EngineError
from generator.assessment.scoring import rule, score
from tests.assessment.helpers import answers, right, scoring_data, wrong


def round2(x: float) -> float:
    return rule("round2", x)


def knowledge_level(low: int, high: int, answered: int, correct: int) -> float | None:
    return rule("knowledgeLevel", low, high, answered, correct)


def skill_score(rating: float | None, knowledge: float | None) -> float | None:
    return rule("skillScore", rating, knowledge)


def confidence_flag(rating: float | None, knowledge: float | None, difference: float,
                    answered: int, min_checks: int) -> str | None:
    return rule("confidenceFlag", rating, knowledge, difference, answered, min_checks)


def goal_level(current: float, target: int, high: int) -> int:
    return rule("goalLevel", current, target, high)


def resources_for(data: dict, skill_id: str, goal: int) -> list[str]:
    return rule("resourcesFor", skill_id, goal, data=data)


def learning_plan(data: dict, top: list[dict]) -> dict[str, list[str]]:
    return rule("learningPlan", top, data=data)


UNASSESSED = {"rating": None, "knowledge": None, "score": None, "answered": 0, "correct": 0,
              "flag": None}


def test_round2_is_javascripts_math_round_on_hundredths() -> None:
    # Values checked in Node: Math.round(x * 100) / 100.
    assert [round2(x) for x in (1.005, 2.675, 0.125, 2.665, 4 / 3, 0.0, 3)] == \
        [1.0, 2.68, 0.13, 2.67, 1.33, 0.0, 3.0]


def test_rule_1_knowledge_level() -> None:
    assert knowledge_level(0, 4, 0, 0) is None
    assert knowledge_level(0, 4, 3, 1) == 1.33
    assert knowledge_level(0, 4, 4, 3) == 3.0
    assert knowledge_level(1, 5, 2, 1) == 3.0  # L0 + (Lmax − L0) × 1/2


def test_rule_2_skill_score() -> None:
    assert skill_score(4, 1.33) == 2.67  # 2.665, half up
    assert skill_score(2, None) == 2
    assert skill_score(None, 3.0) == 3.0
    assert skill_score(None, None) is None


def test_rule_3_flags_at_and_below_the_difference() -> None:
    assert confidence_flag(4, 2.0, 2, answered=2, min_checks=2) == "overconfident"  # exactly d
    assert confidence_flag(4, 2.01, 2, answered=2, min_checks=2) is None
    assert confidence_flag(2, 4.0, 2, answered=3, min_checks=2) == "underconfident"
    assert confidence_flag(None, 4.0, 2, answered=2, min_checks=2) is None
    assert confidence_flag(0, None, 2, answered=0, min_checks=2) is None


def test_rule_3_needs_enough_answered_checks() -> None:
    assert confidence_flag(4, 0.0, 2, answered=1, min_checks=2) is None  # one miss is no evidence
    assert confidence_flag(4, 0.0, 2, answered=1, min_checks=1) == "overconfident"


def test_rule_6_goal() -> None:
    assert goal_level(2.5, 4, 4) == 3
    assert goal_level(0, 3, 4) == 1
    assert goal_level(2.99, 3, 4) == 3


def test_nothing_answered_against_pm() -> None:
    data = scoring_data()
    result = score(data, {}, "pm")
    assert result == {
        "role": "pm",
        "skills": {sid: UNASSESSED for sid in
                   ("user-research", "prioritising", "metrics", "shipping", "ml-basics")},
        "areas": {"discovery": None, "delivery": None, "tech": None},
        # Priority ties (9) go to the larger gap, then content order.
        "gaps": [
            {"skill": "user-research", "current": 0, "target": 3, "gap": 3, "importance": 3,
             "priority": 9, "goal": 1, "resources": ["interviews-101"]},
            {"skill": "metrics", "current": 0, "target": 3, "gap": 3, "importance": 3,
             "priority": 9, "goal": 1, "resources": ["research-ops"]},  # none ≤ 1: next level up
            {"skill": "prioritising", "current": 0, "target": 3, "gap": 3, "importance": 2,
             "priority": 6, "goal": 1, "resources": ["rice"]},
            {"skill": "shipping", "current": 0, "target": 2, "gap": 2, "importance": 2,
             "priority": 4, "goal": 1, "resources": []},
            {"skill": "ml-basics", "current": 0, "target": 2, "gap": 2, "importance": 1,
             "priority": 2, "goal": 1, "resources": []},
        ],
        "top_gaps": ["user-research", "metrics", "prioritising"],
        # 20 + 90 minutes before rice: still under the 120-minute month.
        "plan": {"30": ["interviews-101", "research-ops", "rice"], "60": [], "90": []},
    }


def test_mixed_answers_against_lead() -> None:
    data = scoring_data()
    given = answers(
        data,
        ratings={"user-research": 4, "prioritising": 1, "metrics": 2, "ml-basics": 3},
        choices={"ur-leading-question": right(data, "ur-leading-question"),
                 "ur-sample": wrong(data, "ur-sample"), "ur-synthesis": wrong(data, "ur-synthesis"),
                 "pr-opportunity-cost": right(data, "pr-opportunity-cost"),
                 "pr-risk": right(data, "pr-risk"),
                 "sh-mvp": right(data, "sh-mvp"), "sh-flag": wrong(data, "sh-flag"),
                 "sh-estimate": right(data, "sh-estimate"),
                 "sh-rollback": right(data, "sh-rollback"),
                 "me-proxy": right(data, "me-proxy")})
    result = score(data, given, "lead")
    assert result["skills"] == {
        # k = 4 × 1/3 = 1.33; score (4 + 1.33) / 2 = 2.665 → 2.67; 4 − 1.33 ≥ 2
        "user-research": {"rating": 4, "knowledge": 1.33, "score": 2.67, "answered": 3,
                          "correct": 1, "flag": "overconfident"},
        "prioritising": {"rating": 1, "knowledge": 4.0, "score": 2.5, "answered": 2,
                         "correct": 2, "flag": "underconfident"},
        "metrics": {"rating": 2, "knowledge": 4.0, "score": 3.0, "answered": 1, "correct": 1,
                    "flag": "underconfident"},  # k − r = 2, exactly the difference
        "shipping": {"rating": None, "knowledge": 3.0, "score": 3.0, "answered": 4,
                     "correct": 3, "flag": None},
        "ml-basics": {"rating": 3, "knowledge": None, "score": 3, "answered": 0, "correct": 0,
                      "flag": None},
    }
    # discovery (2.67 + 2.5) / 2 = 2.585 → 2.59
    assert result["areas"] == {"discovery": 2.59, "delivery": 3.0, "tech": 3.0}
    assert result["gaps"] == [
        {"skill": "prioritising", "current": 2.5, "target": 4, "gap": 1.5, "importance": 3,
         "priority": 4.5, "goal": 3, "resources": ["roadmaps", "rice"]},
        {"skill": "user-research", "current": 2.67, "target": 4, "gap": 1.33, "importance": 3,
         "priority": 3.99, "goal": 3, "resources": ["research-ops", "interview-guide"]},
        {"skill": "metrics", "current": 3.0, "target": 4, "gap": 1.0, "importance": 2,
         "priority": 2.0, "goal": 4, "resources": ["metric-trees", "research-ops"]},
    ]
    assert result["top_gaps"] == ["prioritising", "user-research", "metrics"]
    # roadmaps 45 (before 0), research-ops 90 (45), metric-trees 25 (135 ≥ 120: month 2),
    # rice 15 (160), interview-guide 30 (175); research-ops is not taken twice.
    assert result["plan"] == {"30": ["roadmaps", "research-ops"],
                              "60": ["metric-trees", "rice", "interview-guide"], "90": []}


def test_equal_priority_ranks_the_larger_gap_first() -> None:
    data = scoring_data()
    result = score(data, answers(data, ratings={"user-research": 1}), "pm")
    # metrics 3×3 = 9; prioritising 3×2 = 6 and user-research 2×3 = 6; shipping 4; ml-basics 2
    assert [(g["skill"], g["priority"], g["gap"]) for g in result["gaps"]] == [
        ("metrics", 9, 3), ("prioritising", 6, 3), ("user-research", 6, 2),
        ("shipping", 4, 2), ("ml-basics", 2, 2)]


def test_a_target_of_the_lowest_level_is_never_a_gap() -> None:
    data = scoring_data()
    result = score(data, {}, "junior")
    assert "prioritising" not in [g["skill"] for g in result["gaps"]]


def test_rule_7_order_level_then_cost_then_minutes_then_id() -> None:
    data = copy.deepcopy(scoring_data())
    data["settings"]["resources_per_gap"] = 10
    # interview-guide and interview2 tie on level, cost and minutes: '-' sorts before '2'.
    assert resources_for(data, "user-research", 2) == [
        "interview-guide", "interview2", "mom-test", "interviews-101"]
    assert resources_for(data, "shipping", 1) == ["ml-release", "shape-up"]  # the level above
    assert resources_for(data, "metrics", 2) == ["research-ops"]  # only the lowest level above


def test_rule_8_budget_boundaries_and_overflow() -> None:
    data = {"settings": {"plan_minutes_per_month": 30},
            "resources": [{"id": i, "minutes": m} for i, m in
                          [("a", 30), ("b", 10), ("c", 20), ("d", 29), ("e", 1), ("f", 5)]]}
    top = [{"resources": ["a", "c", "e"]}, {"resources": ["b", "a", "f"]}, {"resources": ["d"]}]
    # Walk (minutes before each): a 0, b 30 (= B: month 2), d 40, c 69, e 89 (< 3B: month 3),
    # f 90 (= 3B: left out); the second "a" is skipped.
    assert learning_plan(data, top) == {"30": ["a"], "60": ["b", "d"], "90": ["c", "e"]}


@pytest.mark.parametrize("entry", [
    {"level": 3, "hash": "000000000000"},   # stale
    {"level": 5, "hash": None},              # off the scale (hash filled below)
    {"level": True, "hash": None},           # a boolean is not a level
    {"level": "3", "hash": None},            # nor is text
    3,                                       # no hash at all
])
def test_ratings_that_do_not_count(entry: object) -> None:
    data = scoring_data()
    if isinstance(entry, dict) and entry["hash"] is None:
        entry = {**entry, "hash": data["skills"][0]["rating_hash"]}
    result = score(data, {"ratings": {"user-research": entry}}, "pm")
    assert result["skills"]["user-research"] == UNASSESSED


def test_whole_number_floats_count_like_javascript_numbers() -> None:
    data = scoring_data()
    given = answers(data, ratings={"user-research": 2}, choices={"ur-sample": 1})
    given["ratings"]["user-research"]["level"] = 2.0
    given["answers"]["ur-sample"]["choice"] = 1.0
    skill_result = score(data, given, "pm")["skills"]["user-research"]
    assert (skill_result["rating"], skill_result["answered"], skill_result["correct"]) == (2, 1, 1)


def test_answers_that_do_not_count() -> None:
    data = scoring_data()
    given = answers(data, choices={"ur-sample": 1, "ur-synthesis": 1, "ur-leading-question": 0})
    given["answers"]["ur-sample"]["hash"] = "stale"
    given["answers"]["ur-synthesis"]["choice"] = 4  # four options: 0–3
    given["answers"]["no-such-check"] = {"choice": 0, "hash": "x"}
    skill_result = score(data, given, "pm")["skills"]["user-research"]
    assert (skill_result["answered"], skill_result["correct"]) == (1, 1)


def test_unknown_role() -> None:
    with pytest.raises(EngineError) as error:
        score(scoring_data(), {}, "ceo")
    assert "unknown role 'ceo' (expected one of: pm, lead, junior)" in str(error.value)
