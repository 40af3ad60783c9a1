"""A result file's entries, checked one by one against the current content: a stale,
unknown or malformed rating or answer is dropped with a notice (``notice(key, **values)``)
and everything valid is kept (``results`` and ``history`` read files with these)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any


def describe(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, str):
        return repr(value[:40] + ("…" if len(value) > 40 else ""))
    if isinstance(value, list):
        return f"a list of {len(value)} item{'s' if len(value) != 1 else ''}"
    return "an object"


def whole_number(value: Any) -> int | None:
    """``value`` as an int if it is a whole number (JSON's ``2`` and ``2.0`` alike, as
    JavaScript's ``Number.isInteger``), else None; a boolean is not a number."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return None


def read_list(value: Any, data: Mapping[str, Any]) -> list[str]:
    """The resources marked as read: known ids, each once, in content order (as state.js)."""
    if not isinstance(value, list):
        return []
    marked = {x for x in value if isinstance(x, str)}
    return [r["id"] for r in data["resources"] if r["id"] in marked]


def entries(value: Any, key: str, notice: Any) -> dict[str, Any]:
    if value is None:
        return {}
    if not isinstance(value, dict):
        notice("bad_section", field=key, got=describe(value))
        return {}
    return value


def valid_ratings(value: Any, data: Mapping[str, Any], notice: Any) -> dict[str, dict[str, Any]]:
    skills = {s["id"]: s for s in data["skills"]}
    levels = [lv["value"] for lv in data["levels"]]
    low, high = min(levels), max(levels)
    kept: dict[str, dict[str, Any]] = {}
    unknown: list[str] = []
    stale: list[str] = []
    for skill_id, entry in entries(value, "ratings", notice).items():
        if skill_id not in skills:
            unknown.append(skill_id)
            continue
        level = whole_number(entry.get("level")) if isinstance(entry, dict) else None
        stored_hash = entry.get("hash") if isinstance(entry, dict) else None
        if level is None or not isinstance(stored_hash, str):
            notice("bad_rating", skill=skill_id, low=low, high=high, got=describe(entry))
        elif not low <= level <= high:
            notice("rating_out_of_scale", skill=skill_id, low=low, high=high, got=level)
        elif level not in skills[skill_id].get("applicable", levels):
            notice("rating_not_applicable", skill=skill_id, got=level,
                   levels=", ".join(map(str, skills[skill_id]["applicable"])))
        elif stored_hash != skills[skill_id]["rating_hash"]:
            stale.append(skill_id)
        else:
            kept[skill_id] = {"level": level, "hash": stored_hash}
    if unknown:
        notice("unknown_skills", count=len(unknown), ids=", ".join(sorted(unknown)))
    if stale:
        notice("stale_ratings", count=len(stale), ids=", ".join(sorted(stale)))
    return kept


def valid_answers(value: Any, data: Mapping[str, Any], notice: Any) -> dict[str, dict[str, Any]]:
    checks = {c["id"]: c for s in data["skills"] for c in s["checks"]}
    kept: dict[str, dict[str, Any]] = {}
    unknown: list[str] = []
    stale: list[str] = []
    for check_id, entry in entries(value, "answers", notice).items():
        if check_id not in checks:
            unknown.append(check_id)
            continue
        check = checks[check_id]
        choice = whole_number(entry.get("choice")) if isinstance(entry, dict) else None
        stored_hash = entry.get("hash") if isinstance(entry, dict) else None
        last = len(check["options"]) - 1
        if choice is None or not isinstance(stored_hash, str):
            notice("bad_answer", check=check_id, last=last, got=describe(entry))
        elif stored_hash != check["hash"]:
            stale.append(check_id)
        elif not 0 <= choice <= last:
            notice("choice_out_of_range", check=check_id, last=last, got=choice)
        else:
            kept[check_id] = {"choice": choice, "hash": stored_hash}
            sure = entry.get("sure") if isinstance(entry, dict) else None
            if whole_number(sure) in (1, 2, 3):  # "how sure were you?" travels with its answer
                kept[check_id]["sure"] = whole_number(sure)
    if unknown:
        notice("unknown_checks", count=len(unknown), ids=", ".join(sorted(unknown)))
    if stale:
        notice("stale_answers", count=len(stale), ids=", ".join(sorted(stale)))
    return kept
