"""Python and the browser score alike: hundreds of answer sets through both, identical results.

Hypothesis draws answer sets (random, all-lowest, all-highest, partial, and malformed)
together with variants of the scoring fixture's settings, role expectations and
resources, so ties in the rankings and every plan boundary come up. Each test collects
its cases first and sends them to ``generator/assets/assessment/scoring.js`` in one
Node process (``tests/js/score_cases.mjs``), then compares with ``generator.assessment.scoring``.
"""

from __future__ import annotations

import copy
import json
import re
import shutil
import subprocess
import time
from functools import lru_cache
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from generator.assessment.engine import EngineError, engine
from generator.assessment.results import FORMAT, parse_result
from generator.assessment.scoring import questions_for, score
from tests.assessment.helpers import scoring_data

REPO = Path(__file__).resolve().parents[2]
RUNNER = Path(__file__).resolve().parent / "run_cases.mjs"
SCORING_JS = REPO / "generator" / "assets" / "assessment" / "scoring.js"

# Node runs the browser's scoring.js; `make test` installs it when missing (never skip).
assert shutil.which("node"), "Node.js is not installed (run `make test`)"


@lru_cache(maxsize=1)
def slim_data() -> dict[str, Any]:
    """The fixture's data (small enough to send whole: the report reads its text too)."""
    return copy.deepcopy(scoring_data())


def _levels() -> tuple[int, int]:
    values = [lv["value"] for lv in slim_data()["levels"]]
    return min(values), max(values)


@st.composite
def data_variants(draw: st.DrawFn) -> dict[str, Any]:
    """The fixture with drawn settings, and sometimes a drawn role and drawn resources."""
    data = copy.deepcopy(slim_data())
    low, high = _levels()
    data["settings"] = {
        **data["settings"],
        "flag_difference": draw(st.sampled_from([0.5, 1, 1.5, 2, 2.5, 3])),
        "flag_min_checks": draw(st.sampled_from([1, 2, 3])),
        "top_gaps": draw(st.integers(1, 6)),
        "resources_per_gap": draw(st.integers(1, 4)),
        "plan_minutes_per_month": draw(st.sampled_from([30, 45, 60, 120, 900])),
    }
    if draw(st.booleans()):  # skills that start higher (#18): fewer levels to rate and aim for
        for skill in data["skills"]:
            start = draw(st.integers(max(low, 1), high))
            skill["applicable"] = [low, *range(start, high + 1)]
    if draw(st.booleans()):  # a role that leaves some skills out (#16): not expected
        data["roles"].append({"id": "drawn", "name": "Drawn", "summary": "", "expectations": {
            s["id"]: {"level": draw(st.sampled_from(s.get("applicable", range(low, high + 1)))),
                      "importance": draw(st.integers(1, 3))}
            for s in data["skills"] if draw(st.sampled_from([True, True, False]))}})
    if draw(st.booleans()):
        for resource in data["resources"]:
            resource["level"] = draw(st.integers(max(low, 1), high))
            resource["cost"] = draw(st.sampled_from(["free", "paid"]))
            resource["minutes"] = draw(st.sampled_from([10, 15, 30, 45, 60, 90, 240]))
    return data


def _rating(data: dict[str, Any], skill: dict[str, Any], level: Any) -> dict[str, Any]:
    return {"level": level, "hash": skill["rating_hash"]}


def _answer(check: dict[str, Any], choice: Any) -> dict[str, Any]:
    return {"choice": choice, "hash": check["hash"]}


def _wrong_choice(draw: st.DrawFn, check: dict[str, Any]) -> int:
    return draw(st.sampled_from([i for i in range(len(check["options"]))
                                 if i != check["answer"]]))


def sometimes(kind: str) -> st.SearchStrategy[bool]:
    """Whether to answer a check: half of them at random, about a quarter when partial."""
    return st.booleans() if kind == "random" else st.integers(0, 3).map(lambda n: n == 0)


@st.composite
def cases(draw: st.DrawFn, kind: str) -> dict[str, Any]:
    """One answer set of a kind, with the data and role to score it against."""
    data = draw(data_variants())
    low, high = _levels()
    ratings: dict[str, Any] = {}
    chosen: dict[str, Any] = {}
    for skill in data["skills"]:
        if kind == "lowest":
            ratings[skill["id"]] = _rating(data, skill, low)
        elif kind == "highest":
            ratings[skill["id"]] = _rating(data, skill, high)
        elif kind in ("random", "partial") and draw(st.booleans()):
            ratings[skill["id"]] = _rating(data, skill, draw(st.integers(low, high)))
        elif kind == "malformed" and draw(st.booleans()):
            ratings[skill["id"]] = draw(malformed(skill["rating_hash"], "level", low, high))
        for check in skill["checks"]:
            if kind == "lowest":
                chosen[check["id"]] = _answer(check, _wrong_choice(draw, check))
            elif kind == "highest":
                chosen[check["id"]] = _answer(check, check["answer"])
            elif kind in ("random", "partial") and draw(sometimes(kind)):
                chosen[check["id"]] = _answer(check, draw(st.integers(0, len(check["options"]) - 1)))
            elif kind == "malformed" and draw(st.booleans()):
                chosen[check["id"]] = draw(malformed(check["hash"], "choice", 0,
                                                     len(check["options"]) - 1))
    if kind == "partial" and draw(st.booleans()):
        chosen = {}  # ratings only
    if kind == "malformed":
        ratings[draw(st.sampled_from(["removed-skill", "ml-ops"]))] = {"level": 1, "hash": "x"}
        chosen["removed-check"] = {"choice": 0, "hash": "x"}
    for entry in chosen.values():  # "how sure were you?", valid or not
        if isinstance(entry, dict) and draw(st.booleans()):
            entry["sure"] = draw(st.sampled_from([1, 2, 3, 3, 0, 4, "3", True, 2.0, None]))
    resource_ids = [r["id"] for r in data["resources"]]
    role = draw(st.sampled_from([r["id"] for r in data["roles"]]))
    doc = {"name": draw(st.sampled_from([None, "Ada", "Zoë <b>&amp;</b> \"x\""])),
           "mode": draw(st.sampled_from(["quick", "full"])),
           "updated": "2026-11-30T10:00:00Z", "ratings": ratings, "answers": chosen}
    if draw(st.booleans()):  # resources marked as read leave the plan
        doc["read"] = draw(st.lists(st.sampled_from([*resource_ids, "gone", 7]), max_size=8))
    return {"data": data, "answers": doc, "role": role}


def malformed(current_hash: str, key: str, low: int, high: int) -> st.SearchStrategy[Any]:
    """A result-file entry that is valid, or wrong in one way a reader must survive."""
    good = st.integers(low, high)
    return st.one_of(
        st.builds(lambda v: {key: v, "hash": current_hash}, good),
        st.builds(lambda v: {key: v, "hash": "0123456789ab"}, good),          # stale
        st.builds(lambda v: {key: v}, good),                                   # no hash
        st.builds(lambda v: {key: float(v), "hash": current_hash}, good),      # 2.0 is 2
        st.just({key: low + 0.5, "hash": current_hash}),
        st.sampled_from([high + 1, low - 1, True, False, None, "1", [1]]).map(
            lambda v: {key: v, "hash": current_hash}),
        st.sampled_from([None, 1, "x", [], [1, 2]]),
    )


def collect(kind: str, count: int) -> list[dict[str, Any]]:
    """``count`` cases of a kind, drawn by Hypothesis (generation only: nothing to shrink)."""
    drawn: list[dict[str, Any]] = []

    @settings(max_examples=count, database=None, deadline=None, phases=[Phase.generate],
              suppress_health_check=list(HealthCheck))
    @given(cases(kind))
    def keep(case: dict[str, Any]) -> None:
        drawn.append(case)

    keep()
    return drawn


def score_in_node(batch: list[dict[str, Any]]) -> list[Any]:
    payload = {"datas": [case["data"] for case in batch],
               "cases": [{"data": i, "doc": case["answers"], "role": case["role"]}
                         for i, case in enumerate(batch)]}
    proc = subprocess.run(["node", str(RUNNER)], input=json.dumps(payload), capture_output=True,
                          text=True, check=False, cwd=REPO, timeout=120)
    assert proc.returncode == 0, f"node failed:\n{proc.stderr}"
    return json.loads(proc.stdout)


def canonical(value: Any) -> Any:
    """JSON values as both languages mean them: 2 and 2.0 are one number, true is not 1."""
    if isinstance(value, bool) or value is None or isinstance(value, str):
        return value
    if isinstance(value, (int, float)):
        return float(value)
    if isinstance(value, list):
        return [canonical(v) for v in value]
    return {k: canonical(v) for k, v in sorted(value.items())}


def in_terminal(case: dict[str, Any]) -> dict[str, Any]:
    """What the terminal commands compute for a case (``assess``'s questions, ``report``)."""
    data, doc, role = case["data"], case["answers"], case["role"]
    checks = {c["id"]: c for s in data["skills"] for c in s["checks"]}
    asked = [{**q, "order": checks[q["check"]]["order"] if q["check"] else None}
             for q in questions_for(data, doc["mode"], doc)]
    # As the commands do: the file read and checked, then what it holds scored.
    read = parse_result({"format": FORMAT, "format_version": 1, **doc}, "x.json", data)
    result = score(data, read.scoring_input(), role)
    shown = {**doc, "role": role}
    call = engine().call
    return {"questions": asked, "result": result,
            "kept": {"ratings": read.ratings, "answers": read.answers, "read": read.read},
            "model": call("reportModel", shown, result, data=data),
            "radar": call("radarModel", result, data=data),
            "markdown": call("markdownReport", shown, result, data=data)}


def assert_parity(kind: str, count: int) -> None:
    start = time.perf_counter()
    batch = collect(kind, count)
    drawn = time.perf_counter()
    in_js = score_in_node(batch)
    scored = time.perf_counter()
    assert len(batch) >= count * 0.9, f"Hypothesis drew only {len(batch)} {kind} cases"
    mismatches = []
    for index, (case, js_out) in enumerate(zip(batch, in_js, strict=True)):
        py_out = in_terminal(case)
        if canonical(py_out) != canonical(js_out):
            mismatches.append((index, case, py_out, js_out))
    if mismatches:
        index, case, py_out, js_out = mismatches[0]
        differing = sorted(k for k in py_out
                           if canonical(py_out.get(k)) != canonical(js_out.get(k)))
        pytest.fail(
            f"{len(mismatches)} of {len(batch)} {kind} answer sets differ; first "
            f"(case {index}, role {case['role']}, settings {case['data']['settings']}) differs "
            f"in {differing}:\nanswers: {json.dumps(case['answers'])}\n"
            + "\n".join(f"{k}:\n  terminal: {json.dumps(py_out.get(k))[:2000]}\n"
                        f"  browser:  {json.dumps(js_out.get(k))[:2000]}" for k in differing))
    print(f"{kind}: {len(batch)} sets; drawn in {drawn - start:.2f}s, "
          f"run in Node in {scored - drawn:.2f}s, identical")


def test_scoring_js_exists() -> None:
    assert SCORING_JS.is_file(), f"{SCORING_JS} is missing: the browser's scoring is not written"


@pytest.mark.parametrize(("kind", "count"), [
    ("random", 400), ("lowest", 100), ("highest", 100), ("partial", 200), ("malformed", 200),
])
def test_python_and_javascript_score_alike(kind: str, count: int) -> None:
    assert_parity(kind, count)


def test_an_unknown_role_fails_in_both() -> None:
    data = slim_data()
    [js_result] = score_in_node([{"data": data, "answers": {"mode": "quick"}, "role": "ceo"}])
    message = "unknown role 'ceo' (expected one of: pm, lead, junior)"
    assert js_result == {"error": message}
    with pytest.raises(EngineError, match=re.escape(message)):
        score(data, {}, "ceo")
