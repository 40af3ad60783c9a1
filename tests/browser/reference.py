"""An independent reading of docs/scoring.md, straight from the fixture's YAML.

The browser tests compare what the page shows with this, so it deliberately shares no
code with the generator or the JavaScript: it reads the content files itself and takes
answers as plain values (``{skill: level}``, ``{check: option index in content order}``).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml


def r2(x: float) -> float:
    """Round half up to 2 decimals, as the spec says."""
    return math.floor(x * 100 + 0.5) / 100


@dataclass
class Content:
    framework: dict[str, Any]
    skills: list[dict[str, Any]]  # in content order: area order, then `order`, then id
    roles: dict[str, dict[str, Any]]
    resources: list[dict[str, Any]]

    @property
    def settings(self) -> dict[str, Any]:
        defaults = {"quick_checks_per_skill": 1, "top_gaps": 3, "resources_per_gap": 3,
                    "plan_minutes_per_month": 900, "flag_difference": 2,
                    "flag_min_checks": 2}
        return {**defaults, **self.framework.get("assessment", {})}

    @property
    def scale(self) -> tuple[int, int]:
        values = [lv["value"] for lv in self.framework["levels"]]
        return min(values), max(values)

    def applicable(self, skill: dict[str, Any]) -> list[int]:
        """The levels a skill has: the floor (the lowest unless ``floor: none``), and the
        others from ``starts_at`` up, less ``not_applicable``."""
        values = [lv["value"] for lv in self.framework["levels"]]
        floor = self.framework.get("floor", min(values))
        start = skill.get("starts_at", min(values))
        return [v for v in values if v == floor
                or (v >= start and v not in skill.get("not_applicable", []))]

    def check(self, check_id: str) -> dict[str, Any]:
        return next(c for s in self.skills for c in s.get("checks", []) if c["id"] == check_id)

    def correct_index(self, check_id: str) -> int:
        return next(i for i, o in enumerate(self.check(check_id)["options"]) if o.get("correct"))

    def quick_plan(self) -> dict[str, list[str]]:
        per = self.settings["quick_checks_per_skill"]
        out = {}
        for s in self.skills:
            checks = s.get("checks", [])
            ordered = [c for c in checks if c.get("quick")] + [c for c in checks if not c.get("quick")]
            out[s["id"]] = [c["id"] for c in ordered[:per]]
        return out


def load(content_dir: Path) -> Content:
    read = lambda name: yaml.safe_load((content_dir / name).read_text(encoding="utf-8"))
    framework = read("framework.yml")
    if not framework.get("areas"):  # no areas: one group, named as the interface names skills
        framework["areas"] = [{"id": "skills", "name": "Skills"}]
    area_order = {a["id"]: i for i, a in enumerate(framework["areas"])}
    skills = [yaml.safe_load(p.read_text(encoding="utf-8"))
              for p in sorted((content_dir / "skills").glob("*.yml"))]
    for s in skills:
        s.setdefault("area", "skills")
    skills.sort(key=lambda s: (area_order[s["area"]], s.get("order", 100), s["id"]))
    roles = {r["id"]: r for r in read("roles.yml")["roles"]}
    # resources.yml is optional (an imported ladder has no reading list yet)
    resources = read("resources.yml")["resources"] if (content_dir / "resources.yml").exists() \
        else []
    return Content(framework, skills, roles, resources)


def expected(content: Content, ratings: dict[str, int], choices: dict[str, int],
             role_id: str) -> dict[str, Any]:
    """The result object of docs/scoring.md for these answers (no certainty, nothing read)."""
    lo, hi = content.scale
    st = {"evidence_prior": 2, "confirm_ratio": 0.5, **content.settings}
    top = st.get("knowledge_max_level")
    top = min(hi, max(lo, top)) if isinstance(top, int) else max(lo, hi - 1)
    role = content.roles[role_id]
    skills: dict[str, dict[str, Any]] = {}
    for s in content.skills:
        r = ratings.get(s["id"])
        answered = [c for c in s.get("checks", []) if c["id"] in choices]
        n = len(answered)
        right = sum(1 for c in answered if c["options"][choices[c["id"]]].get("correct"))
        k = r2(lo + (top - lo) * right / n) if n else None           # rule 1
        w = n / (n + st["evidence_prior"])                             # rule 2
        if k is not None:                                              # rule 3
            base = r if r is not None else lo
            score = r2(base + w * (k - min(base, top)))
        else:
            score = r
        if score is None:                                              # rule 4
            status, counted = "unassessed", lo
        elif k is None:
            status, counted = "self-rated", score
        elif r is None:
            status, counted = "checked", score
        elif right <= st["confirm_ratio"] * n and min(r, top) > k:
            status, counted = "unconfirmed", r2(min(score, k))
        else:
            status, counted = "confirmed", score
        flag = None                                                    # rule 5
        if r is not None and k is not None and n >= st["flag_min_checks"]:
            if min(r, top) - k >= st["flag_difference"]:
                flag = "overconfident"
            elif k - r >= st["flag_difference"]:
                flag = "underconfident"
        skills[s["id"]] = {"rating": r, "knowledge": k, "score": score, "answered": n,
                           "correct": right, "weight": r2(w), "status": status,
                           "counted": counted, "flag": flag}
    areas = {}
    for a in content.framework["areas"]:
        values = [skills[s["id"]]["counted"] for s in content.skills
                  if s["area"] == a["id"] and skills[s["id"]]["score"] is not None]
        total = 0.0
        for x in values:
            total += x
        areas[a["id"]] = r2(total / len(values)) if values else None
    gaps = []
    for order, s in enumerate(content.skills):
        exp = role["expectations"].get(s["id"])
        if exp is None:  # not expected: never a gap
            continue
        current = skills[s["id"]]["counted"]
        gap = r2(max(0, exp["level"] - current))
        if gap > 0:
            above = [v for v in content.applicable(s) if v > math.floor(current)]
            goal = min(hi, min(above), exp["level"])
            gaps.append({"skill": s["id"], "current": current, "target": exp["level"], "gap": gap,
                         "importance": exp["importance"], "priority": r2(gap * exp["importance"]),
                         "goal": goal, "resources": [], "_order": order})
    gaps.sort(key=lambda g: (-g["priority"], -g["gap"], g["_order"]))
    top_gaps = gaps[:st["top_gaps"]]
    key = lambda r: (-r["level"], r["cost"] != "free", r["minutes"], r["id"])
    for g in top_gaps:
        mine = [r for r in content.resources if g["skill"] in r["skills"]]
        pick = [r for r in mine if r["level"] <= g["goal"]]
        if not pick:
            above = [r for r in mine if r["level"] > g["goal"]]
            pick = [r for r in above if r["level"] == min(x["level"] for x in above)] if above else []
        g["resources"] = [r["id"] for r in sorted(pick, key=key)[:st["resources_per_gap"]]]
    for g in gaps:
        del g["_order"]
    # Rule 8's other side: expected targets above L0 this result cannot speak for.
    gapped = {g["skill"] for g in gaps}
    unsupported: dict[str, list[str]] = {"not_asked": [], "rating_only": []}
    for s in content.skills:
        exp = role["expectations"].get(s["id"])
        if exp is None or exp["level"] <= lo or s["id"] in gapped:
            continue
        if skills[s["id"]]["score"] is None:
            unsupported["not_asked"].append(s["id"])
        elif skills[s["id"]]["status"] == "self-rated" and s.get("checks"):
            unsupported["rating_only"].append(s["id"])
    return {"role": role_id, "skills": skills, "areas": areas, "gaps": gaps,
            "unsupported": unsupported,
            "top_gaps": [g["skill"] for g in top_gaps], "plan": plan(content, top_gaps, st),
            # No answer here says how sure it was, so rule 6 has nothing to count.
            "calibration": {"rated": 0, "levels": {k: {"right": 0, "wrong": 0} for k in "123"},
                            "marks": 0, "mean_mark": None, "sure_wrong": 0}}


def plan(content: Content, top_gaps: list[dict[str, Any]], st: dict[str, Any]
         ) -> dict[str, Any]:
    """Rule 10, read from the spec: reading round-robin, a third each month, within budget."""
    budget = st["plan_minutes_per_month"]
    minutes = {r["id"]: r["minutes"] for r in content.resources}
    lists = []
    for g in top_gaps:
        more = sorted((r for r in content.resources if g["skill"] in r["skills"]
                       and g["goal"] < r["level"] <= g["target"]),
                      key=lambda r: (r["level"], r["cost"] != "free", r["minutes"], r["id"]))
        lists.append(g["resources"] + [r["id"] for r in more])
    order, taken = [], set()
    for i in range(max((len(x) for x in lists), default=0)):
        round_ = [(minutes[x[i]], rank, x[i]) for rank, x in enumerate(lists)
                  if i < len(x) and x[i] not in taken]
        taken.update(item for _, _, item in round_)
        order += [(item, rank, m) for m, rank, item in sorted(round_)]
    fits = [o for o in order if o[2] <= budget]
    later = [o[0] for o in order if o[2] > budget]
    share = min(budget, max([math.ceil(sum(o[2] for o in fits) / 3)] + [o[2] for o in fits]))
    months: list[list[Any]] = [[], [], []]
    used, month, first = [0, 0, 0], 0, {}
    for item, rank, m in fits:
        while month < 2 and used[month] + m > share:
            month += 1
        into = month if used[month] + m <= budget else next(
            (i for i in range(3) if used[i] + m <= budget), -1)
        if into < 0:
            later.append(item)
            continue
        months[into].append({"kind": "read", "id": item, "skill": top_gaps[rank]["skill"]})
        used[into] += m
        first.setdefault(rank, into)
    for rank, g in enumerate(top_gaps):
        months[first.get(rank, min(rank, 2))].append(
            {"kind": "practice", "skill": g["skill"], "level": g["goal"]})
    return {"30": months[0], "60": months[1], "90": months[2], "later": later,
            "minutes": {"30": used[0], "60": used[1], "90": used[2]}}


def shown(value: float | None) -> str:
    """A number as the page shows it (up to 2 decimals, no trailing zeros)."""
    if value is None:
        return "—"
    return f"{value:.2f}".rstrip("0").rstrip(".")
