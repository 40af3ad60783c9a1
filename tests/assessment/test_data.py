"""What the assessment data decides at build time, once, for the browser and the terminal."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from generator.assessment.data import asked, assessment_data, option_orders
from generator.content import model as m
from generator.project import Project, load_and_validate
from generator.strings import load_strings
from tests.conftest import FIXTURES, REPO, run_module

PROJECTS = [pytest.param(REPO, marks=pytest.mark.content, id="repository"), FIXTURES / "scoring",
            FIXTURES / "assess", FIXTURES / "data-engineering"]


def _data(root: Path) -> dict:
    return assessment_data(load_and_validate(Project(root)), "x")


@pytest.mark.parametrize("root", PROJECTS, ids=lambda p: p.name)
def test_each_mode_lists_its_checks_and_each_check_a_permutation(root: Path) -> None:
    data = _data(root)
    per_skill = data["settings"]["quick_checks_per_skill"]
    for skill in data["skills"]:
        ids = [c["id"] for c in skill["checks"]]
        assert skill["ask"]["full"] == ids
        quick = skill["ask"]["quick"]
        assert len(quick) == min(per_skill, len(ids)) and set(quick) <= set(ids)
        flagged = [c["id"] for c in skill["checks"] if c["id"] in quick]
        assert quick[: len(flagged)] == quick[: len(flagged)]
        for check in skill["checks"]:
            assert sorted(check["order"]) == list(range(len(check["options"])))


@pytest.mark.parametrize("root", PROJECTS, ids=lambda p: p.name)
@pytest.mark.parametrize("mode", ["quick", "full"])
def test_the_best_answer_is_at_no_favoured_position(root: Path, mode: str) -> None:
    data = _data(root)
    for size in {len(c["options"]) for s in data["skills"] for c in s["checks"]}:
        positions = Counter(c["order"].index(c["answer"]) for s in data["skills"]
                            for c in s["checks"] if c["id"] in s["ask"][mode]
                            and len(c["options"]) == size)
        if sum(positions.values()) >= size:
            counts = [positions[p] for p in range(size)]
            assert max(counts) - min(counts) <= 1, (size, counts)


def _check(ident: str, options: int, key: int, quick: bool = False) -> m.Check:
    return m.Check(id=ident, question="Q?", quick=quick, options=[
        m.Option(text=f"o{i}", correct=i == key, explanation="e") for i in range(options)])


@given(st.lists(st.tuples(st.integers(0, 3), st.booleans()), min_size=1, max_size=60))
def test_positions_are_balanced_within_one_for_any_checks(keys: list[tuple[int, bool]]) -> None:
    checks = [_check(f"c{i}", 4, key, quick) for i, (key, quick) in enumerate(keys)]
    skill = m.Skill(id="s", area="a", name="S", summary="s", why_it_matters="w", levels={},
                    checks=checks)
    orders = option_orders([skill], per_skill=3)
    for mode in ("quick", "full"):
        chosen = asked(skill, mode, 3)
        counts = Counter(orders[c.id].index(next(i for i, o in enumerate(c.options) if o.correct))
                         for c in chosen)
        assert max(counts[p] for p in range(4)) - min(counts[p] for p in range(4)) <= 1 \
            or len(chosen) < 4 and max(counts.values()) == 1


@pytest.mark.parametrize(("minutes", "shown"), [
    (10, "10 min"), (89, "89 min"), (90, "1.5 h"), (105, "2 h"), (150, "2.5 h"),
    (420, "7 h"), (600, "10 h")])
def test_durations_have_one_definition(minutes: int, shown: str) -> None:
    assert load_strings("en").minutes(minutes) == shown


def test_the_data_carries_formatted_durations_and_labels() -> None:
    data = _data(FIXTURES / "scoring")
    strings = load_strings("en")
    assert all(r["duration"] == strings.minutes(r["minutes"]) for r in data["resources"])
    assert data["settings"]["plan_budget"] == strings.minutes(
        data["settings"]["plan_minutes_per_month"])
    assert [lv["label"] for lv in data["levels"]][:2] == ["Level 0: No evidence yet",
                                                          "Level 1: Aware"]


@pytest.mark.parametrize("language", ["en", "ru", "zh"])
def test_the_browsers_durations_equal_the_generators(language: str) -> None:
    """report.js formats sums that depend on answers (a month's reading); the site and the
    data use Strings.minutes. Every duration up to 50 hours must read the same, in every
    language (Russian writes 1,5 ч)."""
    import json

    from generator.assessment.data import assessment_strings

    data = _data(FIXTURES / "scoring")
    data["strings"] = assessment_strings(load_strings(language))
    script = ("import { duration } from './generator/assets/assessment/report.js';"
              "import { readFileSync } from 'node:fs';"
              "const data = JSON.parse(readFileSync(0, 'utf8'));"
              "process.stdout.write(JSON.stringify(Array.from({length: 3000}, (_, i) => "
              "duration(data, i + 1))));")
    strings = load_strings(language)
    assert json.loads(run_module(script, json.dumps(data))) == [strings.minutes(m) for m in range(1, 3001)]
    if language == "ru":
        assert strings.minutes(90) == "1,5 ч"


def test_quick_mode_takes_equally_weighted_skills_one_area_at_a_time() -> None:
    """A role that weighs every skill the same gets a quick mode spread over the areas, not
    the first area's skills in content order."""
    from generator.assessment import estimate
    from tests.conftest import FIXTURES

    data = assessment_data(load_and_validate(Project(FIXTURES / "scoring")), "test")
    skills, levels = data["skills"], data["levels"]
    flat = {s["id"]: {"importance": 3, "level": 2} for s in skills}
    chosen = estimate.quick_skills(skills, levels, flat, budget_minutes=1)
    assert len(chosen) == 1  # the budget always allows one
    areas = {s["id"]: s["area"] for s in skills}
    everyone = estimate.quick_skills(skills, levels, flat, budget_minutes=10_000)
    assert len(everyone) == len(skills)
    for budget in range(1, 60):
        picked = [areas[i] for i in estimate.quick_skills(skills, levels, flat, budget)]
        # Never two from one area while another area has none.
        if len(picked) <= len(set(areas.values())):
            assert len(set(picked)) == len(picked), (budget, picked)
