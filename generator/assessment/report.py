"""``report``: one person's career-gap report as Markdown, self-contained HTML, or JSON.

The report is built once as plain data (``build_report``) and then written in the
chosen format, so the Markdown and the HTML always say the same thing. The JSON
form is exactly the scoring result object of ``docs/scoring.md``.
"""

from __future__ import annotations

import math
from typing import Any

from .format import number, table
from .html import render_html
from .lookup import Assessment
from .results import ResultFile
from .scoring import score

FORMATS = ("md", "html", "json")
RADAR_WIDTH = 760  # room for skill names left and right of the circle
RADAR_HEIGHT = 480
RADAR_RADIUS = 170


def build_report(a: Assessment, result: ResultFile, role_id: str) -> dict[str, Any]:
    """Everything the report shows, in display order, as plain values."""
    t = a.t
    scored = score(a.data, result.scoring_input(), role_id)
    role = a.role(role_id)
    low = min(lv["value"] for lv in a.data["levels"])
    gaps_by_skill = {g["skill"]: g for g in scored["gaps"]}
    skills = []
    for skill in a.data["skills"]:
        s = scored["skills"][skill["id"]]
        expectation = role["expectations"].get(skill["id"], {"level": low, "importance": 1})
        skills.append({
            "id": skill["id"], "name": skill["name"], "area": a.area_name(skill["area"]),
            "rating": s["rating"], "knowledge": s["knowledge"], "score": s["score"],
            "answered": s["answered"], "correct": s["correct"],
            "target": expectation["level"], "importance": expectation["importance"],
            "gap": gaps_by_skill[skill["id"]]["gap"] if skill["id"] in gaps_by_skill else 0,
            "flag": s["flag"],
            "flag_text": t(f"cli.report.flag_{s['flag']}") if s["flag"] else "",
        })
    gaps = []
    for rank, gap in enumerate(scored["gaps"], start=1):
        skill = a.skill(gap["skill"])
        gaps.append({
            **gap, "rank": rank, "name": skill["name"], "top": gap["skill"] in scored["top_gaps"],
            "importance_name": t(f"importance.{gap['importance']}"),
            "goal_name": a.level_name(gap["goal"]),
            "goal_behaviours": a.behaviours(gap["skill"], gap["goal"]),
            "resources": [resource_view(a, rid) for rid in gap["resources"]],
        })
    skill_of = {rid: g["name"] for g in reversed(gaps) for rid in
                (r["id"] for r in g["resources"])}
    plan = [{"days": t(f"cli.report.plan_{bucket}"),
             "items": [{**resource_view(a, rid), "for": skill_of.get(rid, "")}
                       for rid in scored["plan"][bucket]]}
            for bucket in ("30", "60", "90")]
    return {
        "name": result.name, "file": result.source, "role": role["name"], "mode": result.mode,
        "updated": result.updated, "content_version": a.data["content_version"],
        "framework": a.data["framework"]["name"],
        "skills": skills,
        "areas": [{"name": area["name"], "score": scored["areas"][area["id"]]}
                  for area in a.data["areas"]],
        "gaps": gaps, "plan": plan, "scored": scored,
        "scale": [lv["value"] for lv in a.data["levels"]],
    }


def resource_view(a: Assessment, resource_id: str) -> dict[str, Any]:
    r = a.resource(resource_id)
    return {"id": r["id"], "title": r["title"], "url": r["url"], "kind": a.t(f"kinds.{r['kind']}"),
            "cost": a.t(f"reading.{r['cost']}"), "minutes": a.strings.minutes(r["minutes"]),
            "level": r["level"]}


def report_markdown(a: Assessment, report: dict[str, Any]) -> str:
    t = a.t
    lines = [f"# {t('cli.report.title', name=report['name'] or report['file'])}", "",
             t("cli.report.meta", role=report["role"], mode=report["mode"],
               updated=report["updated"] or "—", version=report["content_version"]), ""]
    lines += [f"## {t('cli.report.skills_heading')}", ""]
    lines += table(
        [t("cli.report.col_area"), t("cli.report.col_skill"), t("cli.report.col_rating"),
         t("cli.report.col_knowledge"), t("cli.report.col_score"), t("cli.report.col_target"),
         t("cli.report.col_gap"), t("cli.report.col_flag")],
        [[s["area"], s["name"], number(s["rating"]), knowledge_cell(a, s), number(s["score"]),
          str(s["target"]), number(s["gap"]), s["flag_text"]] for s in report["skills"]])
    lines += ["", f"## {t('cli.report.areas_heading')}", ""]
    lines += table([t("cli.report.col_area"), t("cli.report.col_score")],
                   [[area["name"], number(area["score"], t("cli.report.unassessed"))]
                    for area in report["areas"]])
    lines += ["", f"## {t('cli.report.gaps_heading')}", ""]
    if not report["gaps"]:
        lines += [t("cli.report.no_gaps", role=report["role"]), ""]
    for gap in report["gaps"]:
        lines.append(f"{gap['rank']}. **{gap['name']}** — " + t(
            "cli.report.gap_line", current=number(gap["current"]), target=gap["target"],
            gap=number(gap["gap"]), importance=gap["importance_name"], weight=gap["importance"],
            priority=number(gap["priority"])))
        if gap["top"]:
            lines.append("   " + t("cli.report.goal", goal=gap["goal"], name=gap["goal_name"]))
            lines += [f"   - {b}" for b in gap["goal_behaviours"]]
            lines.append("   " + t("cli.report.resources"))
            lines += [f"   - {resource_line(r)}" for r in gap["resources"]]
            if not gap["resources"]:
                lines.append("   - " + t("cli.report.no_resources"))
    lines += ["", f"## {t('cli.report.plan_heading')}", ""]
    for month in report["plan"]:
        lines += [f"### {month['days']}", ""]
        lines += [f"- {resource_line(item)} — {t('cli.report.plan_for', skill=item['for'])}"
                  for item in month["items"]] or [f"- {t('cli.report.plan_empty')}"]
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def knowledge_cell(a: Assessment, skill: dict[str, Any]) -> str:
    if skill["knowledge"] is None:
        return "—"
    return a.t("cli.report.knowledge_cell", level=number(skill["knowledge"]),
               correct=skill["correct"], answered=skill["answered"])


def resource_line(r: dict[str, Any]) -> str:
    return f"[{r['title']}]({r['url']}) ({r['kind']}, {r['cost']}, {r['minutes']})"


def radar(report: dict[str, Any]) -> dict[str, Any]:
    """Geometry of the radar chart: one axis per skill; score and target polygons."""
    skills = report["skills"]
    low, high = report["scale"][0], report["scale"][-1]
    cx, cy = RADAR_WIDTH / 2, RADAR_HEIGHT / 2
    count = max(len(skills), 3)

    def point(index: int, value: float) -> tuple[float, float]:
        angle = -math.pi / 2 + 2 * math.pi * index / count
        radius = RADAR_RADIUS * (value - low) / (high - low)
        return round(cx + radius * math.cos(angle), 1), round(cy + radius * math.sin(angle), 1)

    def polygon(values: list[float]) -> str:
        return " ".join(f"{x},{y}" for x, y in (point(i, v) for i, v in enumerate(values)))

    axes = []
    for index, skill in enumerate(skills):
        x, y = point(index, high)
        lx, ly = point(index, high + (high - low) * 0.12)
        anchor = "middle" if abs(lx - cx) < 20 else ("start" if lx > cx else "end")
        axes.append({"x": x, "y": y, "lx": lx, "ly": ly, "anchor": anchor, "name": skill["name"]})
    rings = [{"points": polygon([value] * count), "value": value,
              "x": point(0, value)[0] + 4, "y": point(0, value)[1]}
             for value in report["scale"] if value > low]
    return {
        "width": RADAR_WIDTH, "height": RADAR_HEIGHT, "cx": cx, "cy": cy, "axes": axes,
        "rings": rings,
        "score": polygon([s["score"] if s["score"] is not None else low for s in skills]),
        "target": polygon([s["target"] for s in skills]),
    }


def report_html(a: Assessment, report: dict[str, Any]) -> str:
    return render_html("report.html.j2", a, report=report, chart=radar(report),
                       number=number, knowledge_cell=lambda s: knowledge_cell(a, s))
