"""The self-assessment's scoring: ``docs/scoring.md``, rule by rule, as pure functions.

The input is the assessment data dict (``assessment_data.assessment_data``), the same
structure the browser's ``scoring.js`` reads, so both implementations score identical
inputs; ``tests/test_parity.py`` holds them to identical results.

Each rule's outputs are rounded once, at the end of the rule, and later rules use those
rounded outputs: they are the numbers the result object shows, so every number a reader
sees can be recomputed from the other numbers shown.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

Data = Mapping[str, Any]
Result = dict[str, Any]

FLAG_OVER = "overconfident"
FLAG_UNDER = "underconfident"
PLAN_BUCKETS = ("30", "60", "90")


def round2(value: float) -> float:
    """Round half up to 2 decimals, exactly as JavaScript's ``Math.round(x * 100) / 100``."""
    return math.floor(value * 100 + 0.5) / 100


def scale(data: Data) -> tuple[int, int]:
    """The lowest and highest level values (``L0``, ``Lmax``)."""
    values = [level["value"] for level in data["levels"]]
    return min(values), max(values)


def find_role(data: Data, role_id: str) -> Mapping[str, Any]:
    """The role with this id; ``KeyError`` naming the valid ids if there is none."""
    for role in data["roles"]:
        if role["id"] == role_id:
            return role
    valid = ", ".join(r["id"] for r in data["roles"])
    raise KeyError(f"unknown role '{role_id}' (expected one of: {valid})")


def whole_number(value: Any) -> int | None:
    """``value`` as an int if it is a whole number (JSON's ``2`` and ``2.0`` alike, as
    JavaScript's ``Number.isInteger``), else None; a boolean is not a number."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return None


def _section(answers: Any, key: str) -> Mapping[str, Any]:
    section = answers.get(key) if isinstance(answers, Mapping) else None
    return section if isinstance(section, Mapping) else {}


def counted_rating(data: Data, skill: Mapping[str, Any], answers: Data) -> int | None:
    """The self-rating ``r`` that counts: a level on the scale, for the current wording of
    the skill's levels (its ``hash`` equals the skill's ``rating_hash``)."""
    entry = _section(answers, "ratings").get(skill["id"])
    if not isinstance(entry, Mapping) or entry.get("hash") != skill["rating_hash"]:
        return None
    level = whole_number(entry.get("level"))
    low, high = scale(data)
    return level if level is not None and low <= level <= high else None


def counted_choice(check: Mapping[str, Any], entry: Any) -> int | None:
    """The answer to a check that counts: an option index (content order) for the check's
    current wording; else None."""
    if not isinstance(entry, Mapping) or entry.get("hash") != check["hash"]:
        return None
    choice = whole_number(entry.get("choice"))
    return choice if choice is not None and 0 <= choice < len(check["options"]) else None


def counted_answers(skill: Mapping[str, Any], answers: Data) -> tuple[int, int]:
    """(answered, correct) over the skill's checks with a valid, current answer."""
    given = _section(answers, "answers")
    answered = correct = 0
    for check in skill["checks"]:
        choice = counted_choice(check, given.get(check["id"]))
        if choice is None:
            continue
        answered += 1
        correct += choice == check["answer"]
    return answered, correct


def knowledge_level(low: int, high: int, answered: int, correct: int) -> float | None:
    """Rule 1: ``k = L0 + (Lmax − L0) × correct / answered``; absent with no answers."""
    if answered == 0:
        return None
    return round2(low + (high - low) * correct / answered)


def skill_score(rating: int | None, knowledge: float | None) -> float | None:
    """Rule 2: the mean of rating and knowledge, whichever are present."""
    if rating is not None and knowledge is not None:
        return round2((rating + knowledge) / 2)
    if rating is not None:
        return round2(rating)
    if knowledge is not None:
        return round2(knowledge)
    return None


def confidence_flag(rating: int | None, knowledge: float | None, difference: float,
                    answered: int = 0, min_checks: int = 1) -> str | None:
    """Rule 3: over- or underconfident when rating and knowledge differ by ``difference``,
    judged only on at least ``min_checks`` answered checks."""
    if rating is None or knowledge is None or answered < min_checks:
        return None
    if rating - knowledge >= difference:
        return FLAG_OVER
    if knowledge - rating >= difference:
        return FLAG_UNDER
    return None


def score_skills(data: Data, answers: Data) -> dict[str, dict[str, Any]]:
    """Rules 1–3 for every skill."""
    low, high = scale(data)
    difference = data["settings"]["flag_difference"]
    out: dict[str, dict[str, Any]] = {}
    for skill in data["skills"]:
        rating = counted_rating(data, skill, answers)
        answered, correct = counted_answers(skill, answers)
        knowledge = knowledge_level(low, high, answered, correct)
        out[skill["id"]] = {
            "rating": rating,
            "knowledge": knowledge,
            "score": skill_score(rating, knowledge),
            "answered": answered,
            "correct": correct,
            "flag": confidence_flag(rating, knowledge, difference, answered,
                                    data["settings"]["flag_min_checks"]),
        }
    return out


def area_scores(data: Data, skills: Mapping[str, Mapping[str, Any]]) -> dict[str, float | None]:
    """Rule 4: the mean score of each area's assessed skills."""
    out: dict[str, float | None] = {}
    for area in data["areas"]:
        scores = [skills[s["id"]]["score"] for s in data["skills"]
                  if s["area"] == area["id"] and skills[s["id"]]["score"] is not None]
        # Plain left-to-right addition, as JavaScript adds: Python 3.12's sum() compensates
        # rounding errors and could differ in the last bit.
        total = 0.0
        for value in scores:
            total += value
        out[area["id"]] = round2(total / len(scores)) if scores else None
    return out


def goal_level(current: float, target: int, high: int) -> int:
    """Rule 6: one level above the current one, capped by the scale and the target."""
    return min(high, math.floor(current) + 1, target)


def ranked_gaps(data: Data, role: Mapping[str, Any],
                skills: Mapping[str, Mapping[str, Any]]) -> list[dict[str, Any]]:
    """Rules 5 and 6: every skill below the role's level, highest priority first."""
    low, high = scale(data)
    gaps: list[tuple[int, dict[str, Any]]] = []
    for order, skill in enumerate(data["skills"]):
        expectation = role["expectations"].get(skill["id"])
        if expectation is None:
            continue
        score = skills[skill["id"]]["score"]
        current = low if score is None else score
        target = expectation["level"]
        gap = round2(max(0, target - current))
        if gap <= 0:
            continue
        importance = expectation["importance"]
        gaps.append((order, {
            "skill": skill["id"], "current": round2(current), "target": target, "gap": gap,
            "importance": importance, "priority": round2(gap * importance),
            "goal": goal_level(current, target, high), "resources": [],
        }))
    gaps.sort(key=lambda item: (-item[1]["priority"], -item[1]["gap"], item[0]))
    return [gap for _, gap in gaps]


def _resource_order(resource: Mapping[str, Any]) -> tuple[Any, ...]:
    return (-resource["level"], resource["cost"] != "free", resource["minutes"], resource["id"])


def resources_for(data: Data, skill_id: str, goal: int) -> list[str]:
    """Rule 7: the best resources for reaching ``goal`` in a skill."""
    limit = data["settings"]["resources_per_gap"]
    for_skill = [r for r in data["resources"] if skill_id in r["skills"]]
    candidates = [r for r in for_skill if r["level"] <= goal]
    if not candidates:
        above = [r["level"] for r in for_skill if r["level"] > goal]
        candidates = [r for r in for_skill if above and r["level"] == min(above)]
    return [r["id"] for r in sorted(candidates, key=_resource_order)[:limit]]


def learning_plan(data: Data, top: list[Mapping[str, Any]]) -> dict[str, list[str]]:
    """Rule 8: round-robin over the top gaps' resources into 30/60/90-day buckets."""
    minutes = {r["id"]: r["minutes"] for r in data["resources"]}
    budget = data["settings"]["plan_minutes_per_month"]
    plan: dict[str, list[str]] = {bucket: [] for bucket in PLAN_BUCKETS}
    taken: set[str] = set()
    before = 0
    depth = max((len(gap["resources"]) for gap in top), default=0)
    for index in range(depth):
        for gap in top:
            if index >= len(gap["resources"]) or gap["resources"][index] in taken:
                continue
            resource = gap["resources"][index]
            taken.add(resource)
            month = before // budget
            if month < len(PLAN_BUCKETS):
                plan[PLAN_BUCKETS[month]].append(resource)
            before += minutes[resource]
    return plan


def score(data: Data, answers: Data, role_id: str) -> Result:
    """Score one set of answers against a role: the result object of ``docs/scoring.md``.

    ``answers`` holds ``ratings`` (skill id → ``{"level", "hash"}``) and ``answers``
    (check id → ``{"choice", "hash"}``), as in a result file. Entries that are stale
    (another hash), of the wrong type, out of range or for unknown ids do not count.
    """
    role = find_role(data, role_id)
    skills = score_skills(data, answers)
    gaps = ranked_gaps(data, role, skills)
    top = gaps[: data["settings"]["top_gaps"]]
    for gap in top:
        gap["resources"] = resources_for(data, gap["skill"], gap["goal"])
    return {
        "role": role["id"],
        "skills": skills,
        "areas": area_scores(data, skills),
        "gaps": gaps,
        "top_gaps": [gap["skill"] for gap in top],
        "plan": learning_plan(data, top),
    }
