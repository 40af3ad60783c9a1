"""Properties of the scoring rules (docs/scoring.md) for any answers, settings and personas,
checked on the scoring fixture with drawn settings; and the page's worked examples."""

from __future__ import annotations

import copy
import re
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.assessment.engine import engine
from generator.assessment.scoring import rule, score
from tests.assessment.helpers import scoring_data
from tests.conftest import REPO

DATA = scoring_data()
SKILLS = DATA["skills"]
CHECKS = [c for s in SKILLS for c in s["checks"]]
LOW, HIGH = 0, 4


@st.composite
def variants(draw: st.DrawFn) -> dict[str, Any]:
    data = copy.deepcopy(DATA)
    data["settings"] = {**data["settings"],
                        "evidence_prior": draw(st.sampled_from([0.5, 1, 2, 3, 5])),
                        "confirm_ratio": draw(st.sampled_from([0.25, 0.5, 0.75, 1])),
                        "flag_difference": draw(st.sampled_from([1, 1.5, 2, 3])),
                        "knowledge_max_level": draw(st.sampled_from([None, 1, 2, 3])),
                        "plan_minutes_per_month": draw(st.sampled_from([30, 60, 120, 900]))}
    return data


def doc(data: dict[str, Any], ratings: dict[str, int], right: dict[str, bool]) -> dict[str, Any]:
    return {"ratings": {s["id"]: {"level": ratings[s["id"]], "hash": s["rating_hash"]}
                        for s in data["skills"] if s["id"] in ratings},
            "answers": {c["id"]: {"choice": c["answer"] if ok else (c["answer"] + 1) % len(
                c["options"]), "hash": c["hash"]} for c in CHECKS if (ok := right.get(c["id"]))
                is not None}}


answer_sets = st.fixed_dictionaries({
    "ratings": st.fixed_dictionaries({}, optional={s["id"]: st.integers(LOW, HIGH)
                                                   for s in SKILLS}),
    "right": st.fixed_dictionaries({}, optional={c["id"]: st.booleans() for c in CHECKS}),
})


def counted(data: dict[str, Any], ratings: dict[str, int], right: dict[str, bool],
            role: str = "lead") -> dict[str, float]:
    result = score(data, doc(data, ratings, right), role)
    return {sid: s["counted"] for sid, s in result["skills"].items()}


@settings(max_examples=150, deadline=None)
@given(variants(), answer_sets, st.data())
def test_a_right_answer_never_lowers_what_counts(data: dict[str, Any], answers: dict[str, Any],
                                                 draw: st.DataObject) -> None:
    wrong = [cid for cid, ok in answers["right"].items() if not ok]
    if not wrong:
        return
    flipped = draw.draw(st.sampled_from(wrong))
    before = counted(data, answers["ratings"], answers["right"])
    after = counted(data, answers["ratings"], {**answers["right"], flipped: True})
    assert all(after[sid] >= before[sid] for sid in before), (flipped, before, after)


@settings(max_examples=150, deadline=None)
@given(variants(), answer_sets, st.sampled_from([s["id"] for s in SKILLS]))
def test_a_higher_rating_never_lowers_what_counts(data: dict[str, Any], answers: dict[str, Any],
                                                  skill: str) -> None:
    # Between two ratings; no rating at all is not a rating below the lowest (the checks
    # alone then speak, rule 3).
    ratings = {**answers["ratings"], skill: answers["ratings"].get(skill, LOW)}
    if ratings[skill] >= HIGH:
        return
    before = counted(data, ratings, answers["right"])
    after = counted(data, {**ratings, skill: ratings[skill] + 1}, answers["right"])
    assert after[skill] >= before[skill]


@settings(max_examples=60, deadline=None)
@given(variants(), st.sampled_from(["pm", "lead", "junior"]))
def test_personas(data: dict[str, Any], role: str) -> None:
    top = {s["id"]: HIGH for s in SKILLS}
    bottom = {s["id"]: LOW for s in SKILLS}
    every = lambda ok: {c["id"]: ok for c in CHECKS}
    targets = next(r for r in data["roles"] if r["id"] == role)["expectations"]
    with_checks = {s["id"] for s in SKILLS if s["checks"]}

    expert = score(data, doc(data, top, every(True)), role)
    assert expert["gaps"] == [], "top ratings with every answer right meet every target"

    novice = score(data, doc(data, bottom, every(False)), role)
    assert {g["skill"]: g["gap"] for g in novice["gaps"]} == {
        sid: e["level"] - LOW for sid, e in targets.items() if e["level"] > LOW}

    bluffer = score(data, doc(data, top, every(False)), role)
    missed = {g["skill"] for g in bluffer["gaps"]}
    assert {sid for sid in with_checks if targets[sid]["level"] > LOW} <= missed, \
        "a bluffer meets no target above the floor on a skill with checks"

    checks_only = score(data, doc(data, {}, every(True)), role)
    assert all(s["score"] is None or s["score"] < HIGH for s in checks_only["skills"].values()), \
        "checks alone never reach the top level"

    # The skipper: top ratings, every check left unanswered. The ratings are taken at their
    # word (no gap), but the report never says every target is met: it says how many rest on
    # the rating alone.
    skipper_doc = {**doc(data, top, {}), "mode": "full", "role": role}
    skipper = score(data, skipper_doc, role)
    model = engine().call("reportModel", skipper_doc, skipper, data=data)
    claimed = [sid for sid in with_checks if targets.get(sid, {"level": LOW})["level"] > LOW]
    if claimed:
        assert model["gaps_none"] != data["strings"]["gaps_none"]
        assert any(line.startswith(f"{len(claimed)} of ") for line in model["coverage"]), model


@settings(max_examples=40, deadline=None)
@given(variants(), st.sampled_from(["pm", "lead", "junior"]), st.data())
def test_a_quick_result_never_claims_the_skills_it_did_not_ask(
        data: dict[str, Any], role: str, draw: st.DataObject) -> None:
    """Quick mode, the asked skills rated at the top with every answer right: no gap, but
    the skills it did not ask are "not assessed" in the table and in the sentence under the
    gaps, never met ("0") and never gaps."""
    targets = next(r for r in data["roles"] if r["id"] == role)["expectations"]
    asked = draw.draw(st.sets(st.sampled_from([s["id"] for s in SKILLS]), min_size=1))
    right = {c["id"]: True for s in SKILLS if s["id"] in asked for c in s["checks"]}
    quick = {**doc(data, {sid: HIGH for sid in asked}, right), "mode": "quick", "role": role}
    result = score(data, quick, role)
    assert result["gaps"] == []
    model = engine().call("reportModel", quick, result, data=data)
    unasked = [s["id"] for s in SKILLS if s["id"] not in asked
               and targets.get(s["id"], {"level": LOW})["level"] > LOW]
    gap_cells = {row["id"]: row["cells"][5] for row in model["rows"]}
    assert all(gap_cells[sid] == data["strings"]["unassessed"] for sid in unasked)
    if unasked:
        assert model["gaps_none"] == data["strings"]["gaps_none_assessed"]
        assert model["coverage"][0].startswith(f"{len(unasked)} of "), model["coverage"]
    else:
        assert model["coverage"] == [] and model["gaps_none"] == data["strings"]["gaps_none"]


@settings(max_examples=150, deadline=None)
@given(variants(), answer_sets, st.sampled_from(["pm", "lead", "junior"]))
def test_every_month_stays_within_the_budget(data: dict[str, Any], answers: dict[str, Any],
                                             role: str) -> None:
    plan = score(data, doc(data, answers["ratings"], answers["right"]), role)["plan"]
    minutes = {r["id"]: r["minutes"] for r in data["resources"]}
    budget = data["settings"]["plan_minutes_per_month"]
    read = {m: sum(minutes[i["id"]] for i in plan[m] if i["kind"] == "read")
            for m in ("30", "60", "90")}
    assert read == plan["minutes"] and all(v <= budget for v in read.values())
    fits_later = [i for i in plan["later"] if minutes[i] <= budget]
    # Nothing that fits is left for later while a month still has room for it.
    assert all(read[m] + minutes[i] > budget for i in fits_later for m in read)


def test_a_beginners_plan_fills_more_than_the_first_month() -> None:
    plan = score(DATA, {}, "pm")["plan"]
    assert all(any(i["kind"] == "read" for i in plan[m]) for m in ("30", "60", "90"))


def test_the_worked_examples_of_the_scoring_page() -> None:
    """Each row of docs/scoring.md's table, recomputed by scoring.js (scale 0–4, K = 3)."""
    page = (REPO / "docs" / "scoring.md").read_text(encoding="utf-8")
    table = page.split("## Worked examples", 1)[1].split("\n\n", 2)[2]
    rows = [[c.strip() for c in line.strip("|").split("|")] for line in table.splitlines()
            if line.startswith("| ") and not line.startswith(("| who", "| ---"))]
    assert len(rows) == 8
    for who, rating, answers, k, _, _, status, counts, meets in rows:
        r = None if rating == "—" else int(rating)
        n, c = (0, 0) if answers == "none" else map(int, re.findall(r"\d+", answers)[::-1])
        knowledge = rule("knowledgeLevel", 0, 3, n, c)
        weight = rule("evidenceWeight", n, 2)
        s = rule("skillScore", r, knowledge, weight, 3, 0)
        got = rule("skillStatus", r, knowledge, s, n, c, 0.5, 0, 3)
        assert (k == "—" and knowledge is None) or float(k) == knowledge, who
        last = re.findall(r"[\d.]+", counts)[-1]
        assert float(last) == got["counted"], who
        assert (got["counted"] >= 3) == meets.startswith("yes"), who
        assert status.split(",")[0].replace("not rated", "checked").replace(
            "not checked", "self-rated") == got["status"], who
