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
    area_order = {a["id"]: i for i, a in enumerate(framework["areas"])}
    skills = [yaml.safe_load(p.read_text(encoding="utf-8"))
              for p in sorted((content_dir / "skills").glob("*.yml"))]
    skills.sort(key=lambda s: (area_order[s["area"]], s.get("order", 100), s["id"]))
    roles = {r["id"]: r for r in read("roles.yml")["roles"]}
    return Content(framework, skills, roles, read("resources.yml")["resources"])


def expected(content: Content, ratings: dict[str, int], choices: dict[str, int],
             role_id: str) -> dict[str, Any]:
    """The result object of docs/scoring.md for these answers."""
    lo, hi = content.scale
    st = content.settings
    role = content.roles[role_id]
    skills: dict[str, dict[str, Any]] = {}
    for s in content.skills:
        r = ratings.get(s["id"])
        answered = [c for c in s.get("checks", []) if c["id"] in choices]
        right = sum(1 for c in answered if c["options"][choices[c["id"]]].get("correct"))
        k = r2(lo + (hi - lo) * right / len(answered)) if answered else None
        if r is not None and k is not None:
            score = r2((r + k) / 2)
        else:
            score = r if r is not None else k
        flag = None
        if r is not None and k is not None and len(answered) >= st["flag_min_checks"]:
            if r - k >= st["flag_difference"]:
                flag = "overconfident"
            elif k - r >= st["flag_difference"]:
                flag = "underconfident"
        skills[s["id"]] = {"rating": r, "knowledge": k, "score": score, "answered": len(answered),
                           "correct": right, "flag": flag}
    areas = {}
    for a in content.framework["areas"]:
        scores = [skills[s["id"]]["score"] for s in content.skills
                  if s["area"] == a["id"] and skills[s["id"]]["score"] is not None]
        total = 0.0
        for x in scores:
            total += x
        areas[a["id"]] = r2(total / len(scores)) if scores else None
    gaps = []
    for order, s in enumerate(content.skills):
        exp = role["expectations"][s["id"]]
        current = skills[s["id"]]["score"]
        current = lo if current is None else current
        gap = r2(max(0, exp["level"] - current))
        if gap > 0:
            goal = min(hi, math.floor(current) + 1, exp["level"])
            gaps.append({"skill": s["id"], "current": current, "target": exp["level"], "gap": gap,
                         "importance": exp["importance"], "priority": r2(gap * exp["importance"]),
                         "goal": goal, "resources": [], "_order": order})
    gaps.sort(key=lambda g: (-g["priority"], -g["gap"], g["_order"]))
    top = gaps[:st["top_gaps"]]
    key = lambda r: (-r["level"], r["cost"] != "free", r["minutes"], r["id"])
    for g in top:
        mine = [r for r in content.resources if g["skill"] in r["skills"]]
        pick = [r for r in mine if r["level"] <= g["goal"]]
        if not pick:
            above = [r for r in mine if r["level"] > g["goal"]]
            pick = [r for r in above if r["level"] == min(x["level"] for x in above)] if above else []
        g["resources"] = [r["id"] for r in sorted(pick, key=key)[:st["resources_per_gap"]]]
    for g in gaps:
        del g["_order"]
    minutes = {r["id"]: r["minutes"] for r in content.resources}
    plan: dict[str, list[str]] = {"30": [], "60": [], "90": []}
    budget, before, taken = st["plan_minutes_per_month"], 0, set()
    for i in range(max((len(g["resources"]) for g in top), default=0)):
        for g in top:
            if i >= len(g["resources"]) or g["resources"][i] in taken:
                continue
            rid = g["resources"][i]
            taken.add(rid)
            for n, bucket in enumerate(("30", "60", "90"), start=1):
                if before < n * budget:
                    plan[bucket].append(rid)
                    break
            before += minutes[rid]
    return {"role": role_id, "skills": skills, "areas": areas, "gaps": gaps,
            "top_gaps": [g["skill"] for g in top], "plan": plan}


def shown(value: float | None) -> str:
    """A number as the page shows it (up to 2 decimals, no trailing zeros)."""
    if value is None:
        return "—"
    return f"{value:.2f}".rstrip("0").rstrip(".")
