"""``team``: a team's results against one role, as plain data for a static page.

Scores come from ``scoring.js`` (via ``scoring.score``), so a cell says what each person's
own result page says. A person *holds* a skill when their counted value reaches the target
on evidence: a rating their own answers contradict (``unconfirmed``) counts only as far as
the answers show, and a self-assessment's rating on a skill with checks, none answered
(``not checked``), is marked in its cell and never makes its owner a holder — not in "who reaches the target",
not a single point of failure, not a suggested mentor — though it is not a gap either. A
target at the lowest level is reached by everyone. (A second opinion is ratings by design:
there the rating is the evidence.)

With ``--names hidden`` nothing shown describes fewer than ``min_group`` people, and no
small group can be recovered by subtracting one shown number from another: a count is
shown only when both it and its complement are 0 or at least ``min_group``; a mean is
taken over the assessed people only, and shown only when they and the unassessed rest,
and the holders of the target and the rest, are each 0 or at least ``min_group`` (else the
mean score beside the mean gap would give away the holders' total); nothing per person
(rows, pairs, single points of failure) is shown at all.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .lookup import Assessment
from .results import ResultFile
from .scoring import score

NAME_MODES = ("full", "initials", "hidden")
MIN_GROUP = 3
"""The smallest group an anonymous page may describe (``--min-group`` changes it)."""
PAIRS_PER_SKILL = 2
MAX_MENTEES = 2
"""How many people one mentor is suggested for, across all skills."""
TEAM_GAPS = 5


@dataclass
class Person:
    """One result file, scored against the team's role."""

    label: str
    file: str
    skills: dict[str, dict[str, Any]]  # the scoring result's per-skill entries
    gaps: dict[str, float]
    sure_wrong: int
    floor: frozenset[str]  # skills the role expects at the lowest level: reached by anyone
    # Targets reached on a self-rating whose checks went unanswered (scoring.js decides:
    # ``unsupported.rating_only``): claims, neither held nor gaps.
    claims: frozenset[str] = frozenset()

    def assessed(self, sid: str) -> bool:
        return self.skills[sid]["score"] is not None

    def unchecked(self, sid: str) -> bool:
        return sid in self.claims

    def holds(self, sid: str) -> bool:
        """Reaches the target on evidence (the counted value is capped at what the answers
        show when they contradict the rating)."""
        if sid in self.floor:
            return True
        return self.gaps[sid] <= 0 and self.assessed(sid) and not self.unchecked(sid)


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
    low = min(lv["value"] for lv in a.data["levels"])
    floor = frozenset(sid for sid, e in a.role(role_id)["expectations"].items()
                      if e["level"] <= low)
    people = []
    for result, label in zip(results, labels(results, mode)):
        scored = score(a.data, result.scoring_input(), role_id)
        gaps = {g["skill"]: g["gap"] for g in scored["gaps"]}
        people.append(Person(label=label, file=result.source, skills=scored["skills"],
                             gaps={sid: gaps.get(sid, 0.0) for sid in scored["skills"]},
                             sure_wrong=scored["calibration"]["sure_wrong"], floor=floor,
                             claims=frozenset(scored["unsupported"]["rating_only"])))
    return people


def cell(a: Assessment, person: Person, sid: str) -> dict[str, str]:
    """A heatmap cell whose text says what its colour says: ``2.5 ✓``, ``1.5 −1.5``, with
    ``(unconfirmed)`` when the person's answers contradict the rating and ``(not checked)``
    when no answer was given for it (no ✓: a claim, not a reached target)."""
    entry, gap = person.skills[sid], person.gaps[sid]
    shown = a.number(entry["counted"] if entry["score"] is not None else None)
    if person.unchecked(sid):
        return {"text": f"{shown} {a.t('cli.team.unchecked')}", "class": "unchecked"}
    text = f"{shown} ✓" if gap <= 0 else f"{shown} −{a.number(gap)}"
    if entry["score"] is None:
        return {"text": text, "class": "unrated"}
    if entry["status"] == "unconfirmed":
        return {"text": f"{text} {a.t('cli.team.unconfirmed')}", "class": "unconfirmed"}
    return {"text": text, "class": "meets" if gap <= 0 else ("near" if gap <= 1 else "far")}


def shown_count(part: int, whole: int, hidden: bool, min_group: int) -> bool:
    """Whether a count of ``part`` out of ``whole`` may be shown: with hidden names, neither
    the part nor the rest may be a group of 1 to ``min_group - 1`` people."""
    return not hidden or all(n == 0 or n >= min_group for n in (part, whole - part))


def count_text(a: Assessment, count: int, total: int, hidden: bool, min_group: int) -> str:
    if not shown_count(count, total, hidden, min_group):
        return a.t("cli.team.count_hidden", min=min_group)
    return a.t("cli.team.reach_cell", reach=count, count=total)


def mentoring_pairs(a: Assessment, people: list[Person], ranked: list[dict[str, Any]]
                   ) -> list[dict[str, Any]]:
    """For each team gap in rank order, pair the people furthest below the target with a
    holder (never an unconfirmed one) who has the fewest mentees so far."""
    load: Counter[int] = Counter()
    pairs = []
    for skill in ranked:
        sid = skill["id"]
        holders = [i for i, p in enumerate(people) if p.holds(sid)]
        below = sorted((i for i, p in enumerate(people) if p.gaps[sid] > 0),
                       key=lambda i: (-people[i].gaps[sid], i))
        for mentee in below[:PAIRS_PER_SKILL]:
            free = [h for h in holders if load[h] < MAX_MENTEES and h != mentee]
            if not free:
                break
            mentor = min(free, key=lambda h: (load[h], -people[h].skills[sid]["counted"], h))
            load[mentor] += 1
            pairs.append({"skill": skill["name"], "mentor": people[mentor].label,
                          "mentor_score": a.number(people[mentor].skills[sid]["counted"]),
                          "mentee": people[mentee].label,
                          "mentee_score": a.number(people[mentee].skills[sid]["counted"]),
                          "target": skill["target"]})
    return pairs


def _skill_row(a: Assessment, skill: dict[str, Any], expectation: dict[str, Any],
               people: list[Person], hidden: bool, min_group: int) -> dict[str, Any]:
    sid, count = skill["id"], len(people)
    assessed = [p for p in people if p.assessed(sid)]
    holders = [p for p in people if p.holds(sid)]
    below = [p for p in people if p.gaps[sid] > 0]
    flagged = [p for p in people if p.skills[sid]["status"] == "unconfirmed"
               or p.skills[sid]["flag"] == "overconfident"]
    # Means over the assessed only, so that no figure mixes in (and so reveals) the rest.
    # With the holders' count hidden, a mean score and a mean gap together would give away
    # the holders' total above the target by subtraction: then neither is shown.
    # Reach, below and the rest (claims no answer backs) make three groups: two shown counts
    # give away the third, so it too must be 0 or at least min_group.
    rest = count - len(holders) - len(below)
    three_ok = shown_count(rest, count, hidden, min_group)
    group_ok = (shown_count(len(assessed), count, hidden, min_group) and bool(assessed)
                and shown_count(len(holders), count, hidden, min_group) and three_ok)
    mean = sum(p.skills[sid]["counted"] for p in assessed) / len(assessed) if assessed else 0.0
    mean_gap = sum(p.gaps[sid] for p in assessed) / len(assessed) if assessed else 0.0
    return {
        "id": sid, "name": skill["name"], "area": a.area_name(skill["area"]), "expected": True,
        "target": expectation["level"], "importance": expectation["importance"],
        "importance_name": a.t(f"importance.{expectation['importance']}"),
        "reach": len(holders), "assessed": len(assessed),
        "reach_text": count_text(a, len(holders), count, hidden, min_group),
        "below_text": count_text(a, len(below), count, hidden, min_group) if three_ok
        else a.t("cli.team.count_hidden", min=min_group),
        "unchecked": sum(p.unchecked(sid) for p in people),
        "flagged_text": count_text(a, len(flagged), count, hidden, min_group),
        "mean": a.number(mean) if group_ok else None,
        "holders": [p.label for p in holders] if not hidden else [],
        "mean_gap": mean_gap if group_ok else 0.0,
        "priority": mean_gap * expectation["importance"] if group_ok else 0.0,
        # A gap whose figures may not be shown cannot be ranked: the page says how many.
        "withheld": not group_ok and bool(below),
    }


def _not_expected(row: dict[str, Any], a: Assessment) -> dict[str, Any]:
    """A skill the role does not list: its scores, but no target, so nobody reaches or
    misses it (no holders, no single point of failure, no gap)."""
    none = a.t("assessment.none")
    return {**row, "expected": False, "target": a.t("levels.not_expected"), "importance": 0,
            "importance_name": none, "reach": None, "reach_text": none, "below_text": none,
            "holders": [], "mean_gap": 0.0, "priority": 0.0, "withheld": False}


def build_team(a: Assessment, results: list[ResultFile], role_id: str, mode: str,
               min_group: int = MIN_GROUP) -> dict[str, Any]:
    """Everything the team page shows, as plain values (see the module doc on hiding)."""
    role = a.role(role_id)
    people = people_for(a, results, role_id, mode)
    hidden = mode == "hidden"
    count = len(people)
    show_group = not hidden or count >= min_group
    low = min(lv["value"] for lv in a.data["levels"])
    skills = [_skill_row(a, skill, role["expectations"][skill["id"]], people, hidden, min_group)
              if skill["id"] in role["expectations"] else _not_expected(_skill_row(
                  a, skill, {"level": low, "importance": 1}, people, hidden, min_group), a)
              for skill in a.data["skills"]]
    expected = [s for s in skills if s["expected"]]
    order = {s["id"]: i for i, s in enumerate(skills)}
    ranked = sorted((s for s in skills if s["mean_gap"] > 0),
                    key=lambda s: (-s["priority"], -s["mean_gap"], order[s["id"]]))
    rows = [{"label": p.label, "sure_wrong": p.sure_wrong,
             "cells": [cell(a, p, s["id"]) if s["expected"]
                       else {"text": a.number(p.skills[s["id"]]["counted"]
                                            if p.assessed(s["id"]) else None), "class": "free"}
                       for s in skills]}
            for p in people] if not hidden else []
    areas = [{"name": area["name"], "span": sum(s["area"] == area["name"] for s in skills)}
             for area in a.data["areas"]]
    return {
        "role": role["name"], "count": count, "mode": mode, "hidden": hidden,
        "show_group": show_group, "min_group": min_group,
        "skills": skills, "areas": [area for area in areas if area["span"]], "rows": rows,
        "spof": [s for s in expected if s["reach"] == 1 and s["target"] > low]
        if not hidden else [],
        # Nobody on evidence, and nobody claiming it without (that is unknown, not nobody).
        "nobody": [s for s in expected if s["reach"] == 0 and not s["unchecked"]]
        if show_group else [],
        "team_gaps": [{**s, "mean_gap": a.number(s["mean_gap"]), "priority": a.number(s["priority"])}
                      for s in ranked[:TEAM_GAPS]] if show_group else [],
        "withheld": sum(s["withheld"] for s in expected) if show_group else 0,
        "unchecked": any(s["expected"] and s["unchecked"] for s in skills),
        # Pairs for the gaps the page ranks (cli.md), not for every gap.
        "pairs": mentoring_pairs(a, people, ranked[:TEAM_GAPS]) if not hidden else [],
    }
