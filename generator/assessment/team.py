"""``team``: a static page comparing a team's results with one role.

The page is built as plain data (``build_team``) and written as one self-contained
``index.html``. With ``--names hidden`` it never shows a value that describes fewer
than ``MIN_GROUP`` people: no per-person rows, no single points of failure and no
mentoring pairs (each describes one or two people), no mean over fewer people, and no
count that singles out one or two people, such as "1 of 8" or "7 of 8".
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .format import number
from .lookup import Assessment
from .results import ResultFile
from .scoring import score

NAME_MODES = ("full", "initials", "hidden")
MIN_GROUP = 3
"""The smallest group an anonymous page may describe."""
PAIRS_PER_SKILL = 2
MAX_MENTEES = 2
"""How many people one mentor is suggested for, across all skills."""
TEAM_GAPS = 5


@dataclass
class Person:
    """One result file, scored against the team's role."""

    label: str
    file: str
    current: dict[str, float]
    scores: dict[str, float | None]
    gaps: dict[str, float]


def initials(name: str) -> str:
    """``Ada King Lovelace`` → ``AKL``; ``jean-luc`` → ``JL``."""
    words = [w for w in re.split(r"[\s_.\-]+", name) if w]
    return "".join(w[0] for w in words[:3]).upper() or "?"


def labels(results: list[ResultFile], mode: str) -> list[str]:
    """A unique label per person: the name (or file name), its initials, or nothing."""
    if mode == "hidden":
        return ["" for _ in results]
    base = [r.name or Path(r.source).stem for r in results]
    if mode == "initials":
        base = [initials(b) for b in base]
    seen: Counter[str] = Counter()
    total = Counter(base)
    out = []
    for label in base:
        seen[label] += 1
        out.append(f"{label} ({seen[label]})" if total[label] > 1 else label)
    return out


def people_for(a: Assessment, results: list[ResultFile], role_id: str, mode: str) -> list[Person]:
    people = []
    low = min(lv["value"] for lv in a.data["levels"])
    for result, label in zip(results, labels(results, mode)):
        scored = score(a.data, result.scoring_input(), role_id)
        scores = {sid: s["score"] for sid, s in scored["skills"].items()}
        gaps = {g["skill"]: g["gap"] for g in scored["gaps"]}
        people.append(Person(
            label=label, file=result.source,
            current={sid: low if s is None else s for sid, s in scores.items()},
            scores=scores, gaps={sid: gaps.get(sid, 0.0) for sid in scores}))
    return people


def cell_class(score_value: float | None, gap: float) -> str:
    if score_value is None:
        return "unrated"
    if gap <= 0:
        return "meets"
    return "near" if gap <= 1 else "far"


def cell_text(score_value: float | None, gap: float) -> str:
    """Text that says what the colour says: ``2.5 ✓`` or ``1.5 −1.5``."""
    shown = number(score_value)
    return f"{shown} ✓" if gap <= 0 else f"{shown} −{number(gap)}"


def count_text(a: Assessment, count: int, total: int, hidden: bool) -> str:
    """``3 of 8``; with hidden names, a count that singles out one or two people (or leaves
    one or two out) is not shown."""
    if hidden and (0 < count < MIN_GROUP or 0 < total - count < MIN_GROUP):
        return a.t("cli.team.count_hidden", min=MIN_GROUP)
    return a.t("cli.team.reach_cell", reach=count, count=total)


def mentoring_pairs(a: Assessment, people: list[Person], ranked: list[dict[str, Any]]
                    ) -> list[dict[str, Any]]:
    """For each team gap in rank order, pair the people furthest below the target with
    someone at the target who has the fewest mentees so far."""
    load: Counter[int] = Counter()
    pairs = []
    for skill in ranked:
        sid = skill["id"]
        holders = [i for i, p in enumerate(people) if p.gaps[sid] <= 0 and p.scores[sid] is not None]
        below = sorted((i for i, p in enumerate(people) if p.gaps[sid] > 0),
                       key=lambda i: (-people[i].gaps[sid], i))
        for mentee in below[:PAIRS_PER_SKILL]:
            free = [h for h in holders if load[h] < MAX_MENTEES and h != mentee]
            if not free:
                break
            mentor = min(free, key=lambda h: (load[h], -people[h].current[sid], h))
            load[mentor] += 1
            pairs.append({"skill": skill["name"], "mentor": people[mentor].label,
                          "mentor_score": number(people[mentor].scores[sid]),
                          "mentee": people[mentee].label,
                          "mentee_score": number(people[mentee].scores[sid]),
                          "target": skill["target"]})
    return pairs


def build_team(a: Assessment, results: list[ResultFile], role_id: str, mode: str
               ) -> dict[str, Any]:
    """Everything the team page shows, as plain values (see the module doc on hiding)."""
    t = a.t
    role = a.role(role_id)
    people = people_for(a, results, role_id, mode)
    hidden = mode == "hidden"
    count = len(people)
    show_group = not hidden or count >= MIN_GROUP
    skills = []
    for skill in a.data["skills"]:
        sid = skill["id"]
        expectation = role["expectations"].get(sid, {"level": 0, "importance": 1})
        assessed = [s for s in (p.scores[sid] for p in people) if s is not None]
        reach = [p for p in people if p.gaps[sid] <= 0]
        mean_gap = sum(p.gaps[sid] for p in people) / count
        skills.append({
            "id": sid, "name": skill["name"], "area": a.area_name(skill["area"]),
            "target": expectation["level"], "importance": expectation["importance"],
            "importance_name": t(f"importance.{expectation['importance']}"),
            "reach": len(reach), "assessed": len(assessed),
            "reach_text": count_text(a, len(reach), count, hidden),
            "below_text": count_text(a, count - len(reach), count, hidden),
            "mean": (number(sum(assessed) / len(assessed))
                     if assessed and (not hidden or len(assessed) >= MIN_GROUP) else None),
            "holders": [p.label for p in reach] if not hidden else [],
            "mean_gap": mean_gap, "priority": mean_gap * expectation["importance"],
        })
    order = {s["id"]: i for i, s in enumerate(skills)}
    ranked = sorted((s for s in skills if s["mean_gap"] > 0),
                    key=lambda s: (-s["priority"], -s["mean_gap"], order[s["id"]]))
    spof = [s for s in skills if s["reach"] == 1 and count > 1]
    rows = [{"label": p.label, "cells": [
        {"text": cell_text(p.scores[s["id"]], p.gaps[s["id"]]),
         "class": cell_class(p.scores[s["id"]], p.gaps[s["id"]])} for s in skills]}
        for p in people] if not hidden else []
    areas = [{"name": area["name"], "span": sum(s["area"] == area["name"] for s in skills)}
             for area in a.data["areas"]]
    return {
        "role": role["name"], "count": count, "mode": mode, "hidden": hidden,
        "show_group": show_group, "min_group": MIN_GROUP,
        "skills": skills, "areas": [area for area in areas if area["span"]], "rows": rows,
        "spof": spof if not hidden else [],
        "nobody": [s for s in skills if s["reach"] == 0] if show_group else [],
        "team_gaps": [{**s, "mean_gap": number(s["mean_gap"]), "priority": number(s["priority"])}
                      for s in ranked[:TEAM_GAPS]]
        if show_group else [],
        "pairs": mentoring_pairs(a, people, ranked) if not hidden else [],
    }
