"""``compare``: where someone else's rating of a person differs from the person's own, or
how a person's own ratings changed over time.

Both files rate the same person. With a second opinion (a file whose ``mode`` is
``"opinion"``, or any second file), the first is the self-assessment and the second a
manager's or peer's. Two self-assessments of the same person (same name, neither an
opinion) are read as then and now, the earlier first. Only self-ratings are compared;
knowledge checks measure whoever answered them, so they say nothing about the other person.
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


def over_time(mine: ResultFile, theirs: ResultFile) -> bool:
    """Two self-assessments of one person (same name, or both unnamed), not an opinion."""
    return "opinion" not in (mine.mode, theirs.mode) and mine.name == theirs.name


def arrange(mine: ResultFile, theirs: ResultFile) -> tuple[ResultFile, ResultFile]:
    """The files in the order they are compared: over time, the earlier one first; a second
    opinion given first goes second, since the file says which one is the opinion."""
    if over_time(mine, theirs) and (theirs.updated or "") < (mine.updated or ""):
        return theirs, mine
    if mine.mode == "opinion" and theirs.mode != "opinion":
        return theirs, mine
    return mine, theirs


def describe(a: Assessment, result: ResultFile, dated: bool = False) -> str:
    """The file, whose it is, who gave the opinion and, over time, its date."""
    date = (result.updated or "")[:10] if dated else ""
    rater = a.t("cli.compare.by", rater=result.rater) if result.rater else ""
    who = ", ".join(x for x in (result.name, rater, date) if x)
    return f"{result.source} ({who})" if who else result.source


def compare_text(a: Assessment, mine: ResultFile, theirs: ResultFile,
                 comparison: dict[str, Any]) -> str:
    t = a.t
    time = over_time(mine, theirs)
    heading = "cli.compare.heading_time" if time else "cli.compare.heading"
    lines = [t(heading, mine=describe(a, mine, time), theirs=describe(a, theirs, time)), ""]
    if comparison["differ"]:
        rows = []
        for row in comparison["differ"]:
            sign = "+" if row["difference"] > 0 else "−"
            note = t(("cli.compare.up" if row["difference"] > 0 else "cli.compare.down") if time
                     else ("cli.compare.higher" if row["difference"] > 0 else "cli.compare.lower"))
            if row["large"]:
                note += " " + t("cli.compare.large")
            rows.append([row["name"], f"{row['self']} {a.level_name(row['self'])}",
                         f"{row['other']} {a.level_name(row['other'])}",
                         f"{sign}{abs(row['difference'])}", note])
        lines += table([t("cli.compare.col_skill"),
                        t("cli.compare.col_then" if time else "cli.compare.col_self"),
                        t("cli.compare.col_now" if time else "cli.compare.col_other"),
                        t("cli.compare.col_difference"),
                        t("cli.compare.col_note")], rows)
        lines.append("")
    lines.append(t("cli.compare.summary", differ=t("cli.compare.differ", n=len(comparison["differ"])),
                   agree=len(comparison["agree"]),
                   large=sum(r["large"] for r in comparison["differ"]),
                   threshold=number(comparison["threshold"])))
    if comparison["agree"]:
        lines.append(t("cli.compare.agree", skills=", ".join(r["name"] for r in comparison["agree"])))
    for row in comparison["one_sided"]:
        file = describe(a, mine) if row["self"] is not None else describe(a, theirs)
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
        out.append(a.t("cli.compare.evidence", file=describe(a, result), skills="; ".join(notes)))
    if scored["calibration"]["sure_wrong"]:
        out.append(a.t("cli.compare.sure_wrong", file=describe(a, result), count=a.t(
            "cli.compare.sure_wrong_count", n=scored["calibration"]["sure_wrong"])))
    return out
