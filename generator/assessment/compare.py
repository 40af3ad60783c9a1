"""``compare``: where someone else's rating of a person differs from the person's own.

Both files rate the same person: the first is the self-assessment, the second a
manager's or peer's. Only self-ratings are compared; knowledge checks measure whoever
answered them, so they say nothing about the other person.
"""

from __future__ import annotations

from typing import Any

from .format import number, table
from .lookup import Assessment
from .results import ResultFile
from .scoring import score


def compare_ratings(a: Assessment, mine: ResultFile, theirs: ResultFile) -> dict[str, Any]:
    """Per skill: both ratings and ``other − self``; differences largest first."""
    threshold = a.data["settings"]["flag_difference"]
    differ: list[dict[str, Any]] = []
    agree: list[dict[str, Any]] = []
    one_sided: list[dict[str, Any]] = []
    for order, skill in enumerate(a.data["skills"]):
        self_level = mine.ratings.get(skill["id"], {}).get("level")
        other_level = theirs.ratings.get(skill["id"], {}).get("level")
        row = {"id": skill["id"], "name": skill["name"], "self": self_level,
               "other": other_level, "order": order}
        if self_level is None or other_level is None:
            if self_level is not None or other_level is not None:
                one_sided.append(row)
            continue
        row["difference"] = other_level - self_level
        row["large"] = abs(row["difference"]) >= threshold
        (differ if row["difference"] else agree).append(row)
    differ.sort(key=lambda r: (-abs(r["difference"]), r["order"]))
    return {"differ": differ, "agree": agree, "one_sided": one_sided, "threshold": threshold}


def describe(result: ResultFile) -> str:
    return f"{result.source} ({result.name})" if result.name else result.source


def compare_text(a: Assessment, mine: ResultFile, theirs: ResultFile,
                 comparison: dict[str, Any]) -> str:
    t = a.t
    lines = [t("cli.compare.heading", mine=describe(mine), theirs=describe(theirs)), ""]
    if comparison["differ"]:
        rows = []
        for row in comparison["differ"]:
            sign = "+" if row["difference"] > 0 else "−"
            note = t("cli.compare.higher" if row["difference"] > 0 else "cli.compare.lower")
            if row["large"]:
                note += " " + t("cli.compare.large")
            rows.append([row["name"], f"{row['self']} {a.level_name(row['self'])}",
                         f"{row['other']} {a.level_name(row['other'])}",
                         f"{sign}{abs(row['difference'])}", note])
        lines += table([t("cli.compare.col_skill"), t("cli.compare.col_self"),
                        t("cli.compare.col_other"), t("cli.compare.col_difference"),
                        t("cli.compare.col_note")], rows)
        lines.append("")
    lines.append(t("cli.compare.summary", differ=len(comparison["differ"]),
                   agree=len(comparison["agree"]),
                   large=sum(r["large"] for r in comparison["differ"]),
                   threshold=number(comparison["threshold"])))
    if comparison["agree"]:
        lines.append(t("cli.compare.agree", skills=", ".join(r["name"] for r in comparison["agree"])))
    for row in comparison["one_sided"]:
        file = describe(mine) if row["self"] is not None else describe(theirs)
        lines.append(t("cli.compare.one_sided", skill=row["name"], file=file))
    lines += evidence_lines(a, mine) + evidence_lines(a, theirs)
    return "\n".join(lines) + "\n"


def evidence_lines(a: Assessment, result: ResultFile) -> list[str]:
    """What the file's own scenario answers say about its ratings (the flags and statuses of
    its result page) and how sure it was when wrong: a second opinion is read beside them."""
    scored = score(a.data, result.scoring_input(), a.data["roles"][0]["id"])
    notes = []
    for skill in a.data["skills"]:
        entry = scored["skills"][skill["id"]]
        marks = []
        if entry["status"] == "unconfirmed":
            marks.append(a.t("assessment.status_unconfirmed"))
        if entry["flag"]:
            marks.append(a.t(f"assessment.flag_{entry['flag']}"))
        if marks:
            notes.append(f"{skill['name']} ({', '.join(marks)})")
    out = []
    if notes:
        out.append(a.t("cli.compare.evidence", file=describe(result), skills="; ".join(notes)))
    if scored["calibration"]["sure_wrong"]:
        out.append(a.t("cli.compare.sure_wrong", file=describe(result),
                       n=scored["calibration"]["sure_wrong"]))
    return out
