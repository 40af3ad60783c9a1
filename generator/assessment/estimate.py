"""How long the assessment takes, and which skills the quick mode asks, decided at build time.

The time a question takes is the time to read it plus the time to decide. Reading uses
the mean silent reading rate of adults for English non-fiction, 238 words per minute
(Brysbaert, M. (2019). How many words do we read per minute? A review and meta-analysis
of reading rate. Journal of Memory and Language, 109, 104047,
https://doi.org/10.1016/j.jml.2019.104047). The decision times are this project's own
assumption, stated here so they can be argued with: choosing one of a few level
descriptions after reading them, and picking a scenario's answer plus the optional
"how sure" mark.

The quick mode is role-weighted: it asks the skills the chosen role weighs most
(importance, then expected level, then content order), as many as fit
``assessment.quick_minutes`` when every adaptive second check is asked, so the longest
path through it stays within the budget. ``scoring.js``'s ``questionsFor`` then asks a
skill's next check only while the answers disagree with the self-rating.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from typing import Any

from ..strings import Strings

WORDS_PER_MINUTE = 238  # Brysbaert (2019), silent reading, English non-fiction
RATING_DECISION_SECONDS = 10  # pick one of the level descriptions just read
CHECK_DECISION_SECONDS = 15  # pick an answer and, optionally, how sure you are

_TAG = re.compile(r"<[^>]+>")


def words(html: str) -> int:
    """Words a person reads in an HTML fragment (tags are not words)."""
    return len(_TAG.sub(" ", html).split())


def rating_seconds(skill: Mapping[str, Any], levels: Sequence[Mapping[str, Any]]) -> float:
    """Reading a skill's name, summary and every level's label and behaviours, then choosing."""
    text = [skill["name"], skill["summary_html"], *(lv["label"] for lv in levels)]
    text += [b for lv in skill["levels"].values() for b in lv["behaviours_html"]]
    return sum(words(x) for x in text) * 60 / WORDS_PER_MINUTE + RATING_DECISION_SECONDS


def check_seconds(check: Mapping[str, Any]) -> float:
    """Reading a scenario and its options, then answering."""
    count = words(check["question_html"]) + sum(words(o["html"]) for o in check["options"])
    return count * 60 / WORDS_PER_MINUTE + CHECK_DECISION_SECONDS


def _skill_seconds(skill: Mapping[str, Any], levels: Sequence[Mapping[str, Any]],
                   mode: str) -> tuple[float, float, int, int]:
    """(shortest, longest) seconds and question counts of one skill in a mode: quick asks
    its first listed check always and the others only when the answers disagree."""
    checks = {c["id"]: c for c in skill["checks"]}
    # A second opinion ("opinion") rates someone else: self-ratings only.
    asked = [] if mode == "opinion" else [check_seconds(checks[i]) for i in skill["ask"][mode]]
    base = rating_seconds(skill, levels)
    if mode != "quick":
        return base + sum(asked), base + sum(asked), 1 + len(asked), 1 + len(asked)
    return base + sum(asked[:1]), base + sum(asked), 1 + len(asked[:1]), 1 + len(asked)


def quick_skills(skills: Sequence[Mapping[str, Any]], levels: Sequence[Mapping[str, Any]],
                 expectations: Mapping[str, Mapping[str, int]], budget_minutes: int) -> list[str]:
    """The skills the quick mode asks for a role, in content order: the ones it weighs most
    (by importance, then expected level, then one area after another) that fit the budget
    on the longest path (always at least one)."""
    order = {s["id"]: i for i, s in enumerate(skills)}

    def weight(s: Mapping[str, Any]) -> tuple[int, int]:
        return -expectations[s["id"]]["importance"], -expectations[s["id"]]["level"]

    # Among skills the role weighs equally, take one per area in turn: breaking the tie by
    # content order alone would fill a quick result with the first area's skills.
    turn: dict[tuple[tuple[int, int], str], int] = {}
    keys = {}
    for s in sorted((s for s in skills if s["id"] in expectations),
                    key=lambda s: (*weight(s), order[s["id"]])):
        slot = (weight(s), str(s.get("area", "")))
        keys[s["id"]] = (*weight(s), turn.get(slot, 0), order[s["id"]])
        turn[slot] = turn.get(slot, 0) + 1
    ranked = sorted((s for s in skills if s["id"] in expectations), key=lambda s: keys[s["id"]])
    chosen: list[str] = []
    used = 0.0
    for skill in ranked:
        longest = _skill_seconds(skill, levels, "quick")[1]
        if chosen and used + longest > budget_minutes * 60:
            break
        chosen.append(skill["id"])
        used += longest
    return sorted(chosen, key=order.__getitem__)


def estimate(skills: Sequence[Mapping[str, Any]], levels: Sequence[Mapping[str, Any]], mode: str,
             strings: Strings) -> dict[str, Any]:
    """Shortest and longest path through ``skills`` in a mode: questions, whole minutes
    (rounded up) and the text the start page shows ("about 15 min", "11–15 min")."""
    parts = [_skill_seconds(s, levels, mode) for s in skills]
    low = max(1, math.ceil(sum(p[0] for p in parts) / 60))
    high = max(1, math.ceil(sum(p[1] for p in parts) / 60))
    questions = [sum(p[2] for p in parts), sum(p[3] for p in parts)]
    time = strings.minutes(high) if low == high else strings.t(
        "assessment.estimate_range", low=low, high=strings.minutes(high))
    count = str(questions[0]) if questions[0] == questions[1] else strings.t(
        "assessment.estimate_range", low=questions[0], high=questions[1])
    return {"questions": questions, "minutes": [low, high],
            # a range takes the form of its larger end ("11–15 questions")
            "text": strings.t("assessment.estimate", n=questions[1], questions=count, time=time)}


def method(strings: Strings) -> dict[str, Any]:
    """The assumptions behind every estimate, shipped so the page can say them."""
    return {"words_per_minute": WORDS_PER_MINUTE, "rating_seconds": RATING_DECISION_SECONDS,
            "check_seconds": CHECK_DECISION_SECONDS,
            "note": strings.t("assessment.estimate_note", wpm=WORDS_PER_MINUTE,
                              rating=RATING_DECISION_SECONDS, check=CHECK_DECISION_SECONDS)}
