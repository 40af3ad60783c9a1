"""Scoring, as the browser scores: ``score`` runs ``scoring.js`` (docs/scoring.md).

There is no Python twin of the rules to drift from the browser's: every number the
terminal shows comes from the same JavaScript, run by ``engine``. ``rule`` reaches the
individual rules, for tests that check them one by one.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .engine import engine

Result = dict[str, Any]


def score(data: Mapping[str, Any], answers: Mapping[str, Any], role_id: str) -> Result:
    """Score one set of answers against a role: the result object of ``docs/scoring.md``.

    ``answers`` holds ``ratings`` (skill id → ``{"level", "hash"}``) and ``answers``
    (check id → ``{"choice", "hash"}``), as in a result file. Entries that are stale
    (another hash), of the wrong type, out of range or for unknown ids do not count.
    ``engine.EngineError`` names an unknown role.
    """
    result: Result = engine().call("score", answers, role_id, data=data)
    return result


def rule(name: str, *args: Any, data: Mapping[str, Any] | None = None) -> Any:
    """One exported function of ``scoring.js`` by name (``knowledgeLevel``, ``learningPlan``…)."""
    return engine().call(name, *args, data=data)


def questions_for(data: Mapping[str, Any], mode: str,
                  doc: Mapping[str, Any] | None = None) -> list[dict[str, Any]]:
    """Every question of a mode in asking order, given the answers so far (``doc``, a result
    document: its role picks the quick mode's skills, and its answers decide whether a
    skill's next quick check is asked): ``{"skill": id, "check": id or None}``. Ask again
    after each answer: the list can grow or shrink."""
    questions: list[dict[str, Any]] = engine().call("questionsFor", mode, doc, data=data)
    return questions


def round2(value: float) -> float:
    """Round half up to 2 decimals, exactly as ``scoring.js``'s ``round2``
    (JavaScript's ``Math.round(x * 100) / 100``)."""
    import math

    return math.floor(value * 100 + 0.5) / 100
