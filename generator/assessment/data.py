"""The self-assessment's data file: everything the browser (and the terminal) needs to ask
and score, derived from the validated content.

Rich text is pre-rendered here by markdown-it with raw HTML disabled, so the browser
only ever inserts markup the generator escaped. Hashes identify the exact wording of
each question, so answers survive content changes that do not touch them.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from ..content import model as m
from ..content.safety import block_html, inline_html
from ..strings import load_strings

FORMAT_VERSION = 1
def short_hash(value: Any) -> str:
    """A stable 12-hex-digit hash of a JSON-serialisable value."""
    dumped = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(dumped.encode("utf-8")).hexdigest()[:12]


def check_hash(check: m.Check) -> str:
    return short_hash({"q": check.question, "o": [[o.text, o.correct] for o in check.options]})


def rating_hash(skill: m.Skill) -> str:
    return short_hash({k: v.behaviours for k, v in sorted(skill.levels.items())})


def _check(check: m.Check) -> dict[str, Any]:
    return {
        "id": check.id,
        "hash": check_hash(check),
        "quick": check.quick,
        "question_html": block_html(check.question),
        "answer": next(i for i, o in enumerate(check.options) if o.correct),
        "options": [{"html": inline_html(o.text), "explanation_html": inline_html(o.explanation)}
                    for o in check.options],
        "sources": list(check.sources),
    }


def _skill(skill: m.Skill) -> dict[str, Any]:
    return {
        "id": skill.id,
        "area": skill.area,
        "name": skill.name,
        "summary_html": inline_html(skill.summary),
        "page": f"skills/{skill.id}/",
        "rating_hash": rating_hash(skill),
        "levels": {str(value): {"behaviours_html": [inline_html(b) for b in level.behaviours]}
                   for value, level in sorted(skill.levels.items())},
        "checks": [_check(c) for c in skill.checks],
    }


def assessment_strings(language: str) -> dict[str, Any]:
    """The ``assessment:`` strings, plus the shared sections the browser also shows
    (resource kinds, importance names, durations) under their own keys."""
    strings = load_strings(language)
    out = strings.section("assessment")
    for shared in ("kinds", "importance", "minutes"):
        out[shared] = {str(k): v for k, v in strings.section(shared).items()}
    return out


def assessment_data(content: m.Content, version: str) -> dict[str, Any]:
    """The whole data file as a dict (written as compact, key-sorted JSON)."""
    fw = content.framework
    return {
        "format": FORMAT_VERSION,
        "content_version": version,
        "framework": {"name": fw.name, "version": fw.version, "language": fw.language},
        "levels": [{"value": lv.value, "name": lv.name, "summary": lv.summary} for lv in fw.levels],
        "areas": [{"id": a.id, "name": a.name} for a in fw.areas],
        "skills": [_skill(s) for s in content.skills],
        "roles": [{"id": r.id, "name": r.name, "summary": r.summary,
                   "expectations": {k: {"level": e.level, "importance": e.importance}
                                    for k, e in r.expectations.items()}}
                  for r in content.roles],
        "resources": [{"id": r.id, "title": r.title, "authors": list(r.authors), "kind": r.kind,
                       "url": r.url, "year": r.year, "cost": r.cost, "minutes": r.minutes,
                       "level": r.level, "skills": list(r.skills), "why_html": inline_html(r.why)}
                      for r in content.resources],
        "settings": fw.assessment.model_dump(),
        "strings": assessment_strings(fw.language),
    }


def content_version(content: m.Content) -> str:
    """A short hash that changes whenever any content changes."""
    dumped = content.model_dump_json().encode("utf-8")
    return hashlib.sha256(dumped).hexdigest()[:12]


def data_json(content: m.Content, version: str) -> bytes:
    return json.dumps(assessment_data(content, version), ensure_ascii=False, sort_keys=True,
                      separators=(",", ":")).encode("utf-8")
