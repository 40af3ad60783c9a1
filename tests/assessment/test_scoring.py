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


def knowledge_level(low: int, top: int, answered: int, correct: int) -> float | None:
    return rule("knowledgeLevel", low, top, answered, correct)


def skill_score(rating: float | None, knowledge: float | None, weight: float = 0.5,
                top: int = 3) -> float | None:
    return rule("skillScore", rating, knowledge, weight, top, 0)


def confidence_flag(rating: float | None, knowledge: float | None, difference: float,
                    answered: int, min_checks: int, top: int = 3) -> str | None:
    return rule("confidenceFlag", rating, knowledge, difference, answered, min_checks, top)


def goal_level(current: float, target: int, high: int) -> int:
    return rule("goalLevel", current, target, high)


def resources_for(data: dict, skill_id: str, goal: int) -> list[str]:
    return rule("resourcesFor", skill_id, goal, data=data)


UNASSESSED = {"rating": None, "knowledge": None, "score": None, "answered": 0, "correct": 0,
              "weight": 0, "status": "unassessed", "counted": 0, "flag": None}


def test_round2_is_javascripts_math_round_on_hundredths() -> None:
    # Values checked in Node: Math.round(x * 100) / 100.
    assert [round2(x) for x in (1.005, 2.675, 0.125, 2.665, 4 / 3, 0.0, 3)] == \
        [1.0, 2.68, 0.13, 2.67, 1.33, 0.0, 3.0]


def test_rule_1_what_the_checks_show_stops_below_the_top() -> None:
    assert knowledge_level(0, 3, 0, 0) is None
    assert knowledge_level(0, 3, 3, 1) == 1.0
    assert knowledge_level(0, 3, 4, 4) == 3.0  # all right shows K = 3, never Leading (4)
    assert knowledge_level(1, 4, 2, 1) == 2.5  # L0 + (K − L0) × 1/2
    assert rule("knowledgeMax", data=scoring_data()) == 3


def test_rule_2_evidence_weight_grows_with_answers() -> None:
    assert [round2(rule("evidenceWeight", n, 2)) for n in (0, 1, 2, 4, 8)] == \
        [0, 0.33, 0.5, 0.67, 0.8]


def test_rule_3_score_moves_the_rating_toward_the_checks() -> None:
    assert skill_score(4, 0.0, weight=2 / 3) == 2.0    # 4 + 2/3 × (0 − 3)
    assert skill_score(4, 3.0, weight=0.8) == 4        # checks at K confirm a top rating
    assert skill_score(1, 3.0, weight=0.5) == 2.0      # underconfident: raised, never lowered
    assert skill_score(2, None) == 2
    assert skill_score(None, 3.0, weight=0.5) == 1.5   # no rating: from L0, weighed
    assert skill_score(None, None) is None


def test_rule_4_an_answer_contradicted_rating_counts_as_the_checks() -> None:
    status = lambda *args: rule("skillStatus", *args, 0.5, 0, 3)
    assert status(4, 0.0, 2.0, 4, 0) == {"status": "unconfirmed", "counted": 0.0}
    assert status(4, 1.5, 3.25, 2, 1) == {"status": "unconfirmed", "counted": 1.5}  # half right
    assert status(4, 2.25, 3.5, 4, 3) == {"status": "confirmed", "counted": 3.5}  # 3 of 4
    assert status(0, 0.0, 0.0, 2, 0) == {"status": "confirmed", "counted": 0.0}  # they agree
    assert status(2, None, 2, 0, 0) == {"status": "self-rated", "counted": 2}
    assert status(None, 1.5, 1.5, 2, 1) == {"status": "checked", "counted": 1.5}
    assert status(None, None, None, 0, 0) == {"status": "unassessed", "counted": 0}


def test_rule_5_flags_at_and_below_the_difference() -> None:
    assert confidence_flag(4, 1.0, 2, answered=2, min_checks=2) == "overconfident"  # 3 − 1 = d
    assert confidence_flag(4, 1.01, 2, answered=2, min_checks=2) is None
    assert confidence_flag(1, 3.0, 2, answered=3, min_checks=2) == "underconfident"
    assert confidence_flag(None, 3.0, 2, answered=2, min_checks=2) is None
    assert confidence_flag(0, None, 2, answered=0, min_checks=2) is None
    assert confidence_flag(4, 0.0, 2, answered=1, min_checks=2) is None  # one miss: no evidence
    assert confidence_flag(4, 0.0, 2, answered=1, min_checks=1) == "overconfident"


def test_rule_6_calibration_with_certainty_based_marks() -> None:
    data = scoring_data()
    given = answers(data, choices={"ur-sample": right(data, "ur-sample"),
                                   "ur-synthesis": wrong(data, "ur-synthesis"),
                                   "me-proxy": right(data, "me-proxy"),
                                   "sh-flag": wrong(data, "sh-flag")})
    for check_id, sure in (("ur-sample", 3), ("ur-synthesis", 3), ("me-proxy", 1),
                           ("sh-flag", 9)):  # 9 is no certainty: not counted
        given["answers"][check_id]["sure"] = sure
    assert score(data, given, "pm")["calibration"] == {
        "rated": 3, "marks": -2, "mean_mark": -0.67, "sure_wrong": 1,  # 3 − 6 + 1
        "levels": {"1": {"right": 1, "wrong": 0}, "2": {"right": 0, "wrong": 0},
                   "3": {"right": 1, "wrong": 1}}}


def test_rule_8_goal() -> None:
    assert goal_level(2.5, 4, 4) == 3
    assert goal_level(0, 3, 4) == 1
    assert goal_level(2.99, 3, 4) == 3


def read(item_id: str, skill: str) -> dict[str, str]:
    return {"kind": "read", "id": item_id, "skill": skill}


def practice(skill: str, level: int) -> dict[str, object]:
    return {"kind": "practice", "skill": skill, "level": level}


def test_nothing_answered_against_pm() -> None:
    data = scoring_data()
    result = score(data, {}, "pm")
    assert result["skills"] == {sid: UNASSESSED for sid in
                                ("user-research", "prioritising", "metrics", "shipping",
                                 "ml-basics")}
    assert result["areas"] == {"discovery": None, "delivery": None, "tech": None}
    # Priority ties (9) go to the larger gap, then content order.
    assert result["gaps"] == [
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
    ]
    assert result["top_gaps"] == ["user-research", "metrics", "prioritising"]
    # Reading lists up to the target: user research [interviews-101, then level 2–3:
    # interview-guide 30, interview2 30, mom-test 240, research-ops 90]; metrics
    # [research-ops]; prioritising [rice, roadmaps]. Rounds, shortest first: rice 15,
    # interviews-101 20, research-ops 90 | interview-guide 30, roadmaps 45 | interview2 30 |
    # mom-test 240 (over the 120-minute month: later). 230 minutes fit, so a month holds
    # about max(⌈230/3⌉ = 77, longest 90) = 90: 15 + 20 | 90 | 30 + 45 + 30.
    assert result["plan"] == {
        "30": [read("rice", "prioritising"), read("interviews-101", "user-research"), practice("user-research", 1),
               practice("prioritising", 1)],
        "60": [read("research-ops", "metrics"), practice("metrics", 1)],
        "90": [read("interview-guide", "user-research"), read("roadmaps", "prioritising"), read("interview2", "user-research")],
        "later": ["mom-test"], "minutes": {"30": 35, "60": 90, "90": 105}}


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
        # k = 3 × 1/3 = 1; w = 3/5; 4 + 0.6 × (1 − 3) = 2.8; 1 of 3 < half: counts as 1;
        # min(4, 3) − 1 = 2 ≥ d: overconfident
        "user-research": {"rating": 4, "knowledge": 1, "score": 2.8, "answered": 3,
                          "correct": 1, "weight": 0.6, "status": "unconfirmed", "counted": 1,
                          "flag": "overconfident"},
        # k = 3; w = 1/2; 1 + 0.5 × (3 − 1) = 2; k − r = 2: underconfident, not penalised
        "prioritising": {"rating": 1, "knowledge": 3, "score": 2, "answered": 2, "correct": 2,
                         "weight": 0.5, "status": "confirmed", "counted": 2,
                         "flag": "underconfident"},
        # k = 3; w = 1/3; 2 + (3 − 2)/3 = 2.33
        "metrics": {"rating": 2, "knowledge": 3, "score": 2.33, "answered": 1, "correct": 1,
                    "weight": 0.33, "status": "confirmed", "counted": 2.33, "flag": None},
        # checks alone show 3 × 3/4 = 2.25, from L0 weighed 4/6: 0 + 4/6 × 2.25 = 1.5
        "shipping": {"rating": None, "knowledge": 2.25, "score": 1.5, "answered": 4,
                     "correct": 3, "weight": 0.67, "status": "checked", "counted": 1.5,
                     "flag": None},
        "ml-basics": {"rating": 3, "knowledge": None, "score": 3, "answered": 0, "correct": 0,
                      "weight": 0, "status": "self-rated", "counted": 3, "flag": None},
    }
    # discovery (1 + 2) / 2; delivery (2.33 + 1.5) / 2 = 1.915 → 1.92 (half up)
    assert result["areas"] == {"discovery": 1.5, "delivery": 1.92, "tech": 3}
    assert result["gaps"] == [
        {"skill": "user-research", "current": 1, "target": 4, "gap": 3, "importance": 3,
         "priority": 9, "goal": 2, "resources": ["interview-guide", "interview2"]},
        {"skill": "prioritising", "current": 2, "target": 4, "gap": 2, "importance": 3,
         "priority": 6, "goal": 3, "resources": ["roadmaps", "rice"]},
        {"skill": "metrics", "current": 2.33, "target": 4, "gap": 1.67, "importance": 2,
         "priority": 3.34, "goal": 3, "resources": ["research-ops"]},
        {"skill": "shipping", "current": 1.5, "target": 3, "gap": 1.5, "importance": 2,
         "priority": 3, "goal": 2, "resources": []},
    ]
    assert result["top_gaps"] == ["user-research", "prioritising", "metrics"]
    # Lists: [interview-guide, interview2, research-ops], [roadmaps, rice, portfolio],
    # [research-ops, metric-trees]. Rounds: 30, 45, 90 | 15, 25, 30 | portfolio 300 (later).
    # 235 minutes fit: about max(79, 90) = 90 a month: 30 + 45 | 90 | 15 + 25 + 30.
    assert result["plan"] == {
        "30": [read("interview-guide", "user-research"), read("roadmaps", "prioritising"), practice("user-research", 2),
               practice("prioritising", 3)],
        "60": [read("research-ops", "metrics"), practice("metrics", 3)],
        "90": [read("rice", "prioritising"), read("metric-trees", "metrics"), read("interview2", "user-research")],
        "later": ["portfolio"], "minutes": {"30": 75, "60": 90, "90": 70}}


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


def test_rule_9_order_level_then_cost_then_minutes_then_id() -> None:
    data = copy.deepcopy(scoring_data())
    data["settings"]["resources_per_gap"] = 10
    # interview-guide and interview2 tie on level, cost and minutes: '-' sorts before '2'.
    assert resources_for(data, "user-research", 2) == [
        "interview-guide", "interview2", "mom-test", "interviews-101"]
    assert resources_for(data, "shipping", 1) == ["ml-release", "shape-up"]  # the level above
    assert resources_for(data, "metrics", 2) == ["research-ops"]  # only the lowest level above


def test_rule_10_read_resources_leave_the_plan() -> None:
    data = scoring_data()
    plan = score(data, {"read": ["rice", "research-ops", "nope"]}, "pm")["plan"]
    shown = [item.get("id") for month in ("30", "60", "90") for item in plan[month]]
    assert "rice" not in shown and "research-ops" not in shown and "interviews-101" in shown


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


def test_a_skill_named_like_an_object_property_is_not_expected_by_accident() -> None:
    """Ids are content: "constructor" (the one property of every JavaScript object an id
    may spell: ids are lowercase words and hyphens) must not read as a role's expectation
    (the report once showed "Target: undefined" and the radar NaN points)."""
    import json

    skill_id = "constructor"
    from generator.assessment.engine import engine

    data = copy.deepcopy(scoring_data())
    role = next(r for r in data["roles"] if r["id"] == "pm")
    free = next(s for s in data["skills"] if s["id"] not in role["expectations"]) \
        if any(s["id"] not in role["expectations"] for s in data["skills"]) else None
    target = free or data["skills"][-1]
    old = target["id"]
    data = json.loads(json.dumps(data).replace(f'"{old}"', f'"{skill_id}"'))
    for r in data["roles"]:
        r["expectations"].pop(skill_id, None)
    doc = {"mode": "full", "role": "pm", "ratings": {}, "answers": {}}
    result = score(data, doc, "pm")
    assert all(g["skill"] != skill_id for g in result["gaps"])
    model = engine().call("reportModel", doc, result, data=data)
    row = next(r for r in model["rows"] if r["id"] == skill_id)
    assert row["cells"][4] == data["strings"]["levels"]["not_expected"], row
    radar = engine().call("radarModel", result, data=data)
    assert "NaN" not in json.dumps(radar)
