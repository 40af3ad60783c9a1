"""The self-assessment's data file: everything the browser and the terminal need to ask
and score, derived from the validated content.

What can be decided before anyone answers is decided here, once, and shipped in the data,
so the two front ends cannot drift: which checks each mode may ask (``skill.ask``), which
skills the quick mode asks per role (``role.quick``) and how long each mode takes
(``estimates``, from ``estimate.py``), the order a check's options are shown in
(``check.order``), formatted durations and level labels. The runtimes only compute what depends on answers (``scoring.js``, ``report.js``).

Rich text is pre-rendered by markdown-it with raw HTML disabled (``content.safety``), so
the browser only ever inserts markup the generator escaped. Hashes identify the exact
wording of each question, so answers survive content changes that do not touch them.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from typing import Any

from ..content import levels as lv_rules
from ..content import model as m
from ..content.safety import block_html, inline_html
from ..strings import Strings, strings_of
from . import estimate

FORMAT_VERSION = 2
MODES = ("quick", "full")


def short_hash(value: Any) -> str:
    """A stable 12-hex-digit hash of a JSON-serialisable value."""
    dumped = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(dumped.encode("utf-8")).hexdigest()[:12]


def check_hash(check: m.Check) -> str:
    return short_hash({"q": check.question, "o": [[o.text, o.correct] for o in check.options]})


def rating_hash(skill: m.Skill) -> str:
    # A behaviour with examples hashes as its mapping; plain sentences hash as before, so
    # ratings given before examples existed stay valid.
    return short_hash({k: [b if isinstance(b, str) else b.model_dump() for b in v.behaviours]
                       for k, v in sorted(skill.levels.items())})


def content_version(content: m.Content) -> str:
    """A short hash that changes whenever any content changes."""
    # A project with no strings of its own keeps the hash it had before they could exist.
    dumped = content.model_dump_json(exclude=None if content.interface else {"interface"}
                                     ).encode("utf-8")
    return hashlib.sha256(dumped).hexdigest()[:12]


# --- decided at build time ---------------------------------------------------------------


def asked(skill: m.Skill, mode: str, per_skill: int) -> list[m.Check]:
    """The checks a mode may ask of a skill, in asking order: every check in ``full``; in
    ``quick`` the ``quick: true`` ones first, then the others in content order, up to
    ``per_skill`` (the first is always asked, the others only while the answers disagree
    with the self-rating: ``questionsFor`` in scoring.js)."""
    if mode == "full":
        return list(skill.checks)
    quick = [c for c in skill.checks if c.quick]
    return (quick + [c for c in skill.checks if not c.quick])[:per_skill]


def _rank(*parts: str) -> str:
    return hashlib.sha256("/".join(parts).encode("utf-8")).hexdigest()


def option_orders(skills: list[m.Skill], per_skill: int) -> dict[str, list[int]]:
    """Each check's options in display order (content-order indexes).

    The best answer's position is balanced: going through the quick set first, then
    the rest of the full set, each check puts its best answer at the position used least
    so far among checks with as many options (ties broken by a hash of the check id, so
    the pattern is not a cycle a reader could learn). The other options follow in an order that depends only on the
    check id. So no position is favoured in either mode's question set.
    """
    quick = [c for s in skills for c in asked(s, "quick", per_skill)]
    quick_ids = {c.id for c in quick}
    ordered = quick + [c for s in skills for c in s.checks if c.id not in quick_ids]
    used: dict[int, Counter[int]] = {}  # per number of options: how often each position is keyed
    orders: dict[str, list[int]] = {}
    for check in ordered:
        count = len(check.options)
        key = next(i for i, o in enumerate(check.options) if o.correct)
        counts = used.setdefault(count, Counter())
        position = min(range(count), key=lambda p: (counts[p], _rank(check.id, "position", str(p))))
        counts[position] += 1
        others = sorted((i for i in range(count) if i != key), key=lambda i: _rank(check.id, str(i)))
        orders[check.id] = others[:position] + [key] + others[position:]
    return orders


class _Html:
    """Pre-rendered HTML; in a translation, text still in the source language is wrapped in
    an element that says so (``lang``, and the class pages use for the same mark)."""

    def __init__(self, fallback: frozenset[str] = frozenset(), lang: str = "en") -> None:
        self.fallback, self.lang = fallback, lang

    def _mark(self, text: str, html: str, tag: str) -> str:
        if text not in self.fallback:
            return html
        return f'<{tag} lang="{self.lang}" class="mlpm-fallback">{html}</{tag}>'

    def inline(self, text: str) -> str:
        return self._mark(text, inline_html(text), "span")

    def block(self, text: str) -> str:
        return self._mark(text, block_html(text), "div")


PLAIN = _Html()


def _check(check: m.Check, order: list[int], html: _Html = PLAIN) -> dict[str, Any]:
    return {
        "id": check.id,
        "hash": check_hash(check),
        "question_html": html.block(check.question),
        "answer": next(i for i, o in enumerate(check.options) if o.correct),
        "order": order,
        "options": [{"html": html.inline(o.text), "explanation_html": html.inline(o.explanation)}
                    for o in check.options],
        "sources": list(check.sources),
    }


def _level(level: m.SkillLevel, html: _Html = PLAIN) -> dict[str, Any]:
    return {"behaviours_html": [html.inline(lv_rules.text(b)) for b in level.behaviours],
            # One list per behaviour, [] for a behaviour without examples.
            "examples_html": [[html.inline(e) for e in lv_rules.examples(b)]
                              for b in level.behaviours],
            "how_to_reach_html": html.inline(level.how_to_reach)}


def _skill(skill: m.Skill, orders: dict[str, list[int]], per_skill: int,
           fw: m.Framework, html: _Html = PLAIN) -> dict[str, Any]:
    return {
        "id": skill.id,
        "area": skill.area,
        "name": skill.name,
        "summary_html": html.inline(skill.summary),
        "page": f"skills/{skill.id}/",
        "rating_hash": rating_hash(skill),
        "levels": {str(value): _level(level, html)
                   for value, level in sorted(skill.levels.items())},
        # The levels a person can rate themself at: the floor and the ones that apply.
        "applicable": lv_rules.applicable(fw, skill),
        "checks": [_check(c, orders[c.id], html) for c in skill.checks],
        "ask": {mode: [c.id for c in asked(skill, mode, per_skill)] for mode in MODES},
    }


def assessment_strings(strings: Strings) -> dict[str, Any]:
    """The ``assessment:`` strings, plus the shared sections the runtimes also show
    (resource kinds, importance names, duration patterns) under their own keys."""
    out = strings.section("assessment")
    out["language"] = strings.language  # for plural forms (report.js, plural)
    for shared in ("kinds", "importance", "minutes", "levels"):
        out[shared] = {str(k): v for k, v in strings.section(shared).items()}
    return out


def _levels(fw: m.Framework, strings: Strings) -> list[dict[str, Any]]:
    return [{"value": lv.value, "name": lv.name, "summary": lv.summary,
             "label": lv_rules.label(strings, lv.value, lv.name, "assessment.level_name")}
            for lv in fw.levels]


def assessment_data(content: m.Content, version: str, source: m.Content | None = None,
                    fallback: frozenset[str] = frozenset(),
                    source_skills: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    """The whole data file as a dict (written as compact, key-sorted JSON).

    For a translation, ``source`` is the English content: hashes, the quick mode's skills
    and the time estimates come from it, so a result is the same whatever language it was
    taken in (same hashes, same questions) and only the words differ; ``fallback`` holds
    the texts it still shows in the source language, which are marked as such;
    ``source_skills``, the source's own data's skills when already made (they are the same
    for every translation)."""
    fw = content.framework
    strings = strings_of(content)
    per_skill = fw.assessment.quick_checks_per_skill
    orders = option_orders(content.skills, per_skill)
    levels = _levels(fw, strings)
    html = _Html(fallback, source.framework.language) if source is not None else PLAIN
    skills = [_skill(s, orders, per_skill, fw, html) for s in content.skills]
    src_levels, src_skills = levels, skills
    if source is not None and source is not content:
        src_levels = _levels(source.framework, strings)
        src_skills = source_skills if source_skills is not None else [
            _skill(s, orders, per_skill, source.framework) for s in source.skills]
        by_id = {s["id"]: s for s in src_skills}
        for skill in skills:
            english = by_id[skill["id"]]
            skill["rating_hash"] = english["rating_hash"]
            hashes = {c["id"]: c["hash"] for c in english["checks"]}
            for check in skill["checks"]:
                check["hash"] = hashes[check["id"]]
    budget = fw.assessment.quick_minutes
    roles: list[dict[str, Any]] = [{"id": r.id, "name": r.name, "summary": r.summary,
                                    "expectations": {k: {"level": e.level, "importance": e.importance}
                                                     for k, e in r.expectations.items()}}
                                   for r in content.roles]
    for role in roles:
        # Role-weighted quick mode (estimate.py): the skills this role weighs most, in budget.
        role["quick"] = estimate.quick_skills(src_skills, src_levels, role["expectations"],
                                              budget)
    quick = {r["id"]: estimate.estimate([s for s in src_skills if s["id"] in r["quick"]],
                                        src_levels, "quick", strings) for r in roles}
    return {
        "format": FORMAT_VERSION,
        "content_version": version,
        "framework": {"name": fw.name, "version": fw.version, "language": fw.language},
        "levels": levels,
        "floor": lv_rules.floor(fw),  # the "not yet" level skills need not describe, or null
        "areas": [{"id": a.id, "name": a.name} for a in fw.areas],
        "skills": skills,
        "roles": roles,
        "estimates": {"quick": quick,
                      "full": estimate.estimate(src_skills, src_levels, "full", strings),
                      "opinion": estimate.estimate(src_skills, src_levels, "opinion", strings),
                      "method": estimate.method(strings)},
        "resources": [{"id": r.id, "title": r.title, "authors": list(r.authors), "kind": r.kind,
                       "url": r.url, "year": r.year, "cost": r.cost, "minutes": r.minutes,
                       "duration": strings.minutes(r.minutes), "level": r.level,
                       "skills": list(r.skills), "why_html": html.inline(r.why)}
                      for r in content.resources],
        "settings": {**fw.assessment.model_dump(),
                     "plan_budget": strings.minutes(fw.assessment.plan_minutes_per_month)},
        "strings": assessment_strings(strings),
        "untranslated": _untranslated(fw, levels, content, fallback,
                                      source.framework.language if source else fw.language),
    }


def _untranslated(fw: m.Framework, levels: list[dict[str, Any]], content: m.Content,
                  fallback: frozenset[str], lang: str) -> dict[str, Any]:
    """The plain-text names a translation still shows in the source language. The ``*_html``
    fields carry their own mark; these are set as text, so the app marks an element whose
    whole text is one of them (``lang``, the class pages use) — for screen readers and
    hyphenation as much as for the eye."""
    names = [fw.name, *(a.name for a in fw.areas), *(s.name for s in content.skills),
             *(t for r in content.roles for t in (r.name, r.summary))]
    for level in levels:
        names += [level["name"], level["summary"]]  # a label shows the name (levels.js)
    return {"lang": lang, "texts": sorted({t for t in names if t and t in fallback})}


def data_json(content: m.Content, version: str, source: m.Content | None = None,
              fallback: frozenset[str] = frozenset(),
              source_skills: list[dict[str, Any]] | None = None) -> bytes:
    return json.dumps(assessment_data(content, version, source, fallback, source_skills),
                      ensure_ascii=False,
                      sort_keys=True,
                      separators=(",", ":")).encode("utf-8")
