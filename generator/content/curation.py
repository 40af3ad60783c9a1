"""Curation targets: the least a framework promises to hold (``curation:`` in framework.yml).

The targets are the content's own, not the generator's: the shipped knowledge base sets
them so it cannot silently shrink, and a fork sets its own (or none, the default). The
content test (``tests/test_content.py``) holds whatever content the repository has to
them, so a fork's content keeps ``make test`` green without edits to ``tests/``.
"""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import Field

from .types import AreaRef, SkillRef, SourceRef, Strict

Count = Annotated[int, Field(ge=0, le=100_000)]


class Curation(Strict):
    """Minimum counts and required ids (declared as references, so a required skill that is
    gone is a content mistake at its line); every target defaults to none."""

    min_skills: Count = 0
    min_checks: Count = 0
    min_checks_per_skill: Count = 0
    min_resources_per_skill: Count = 0
    min_guides: Count = 0
    min_resources: Count = 0
    min_glossary: Count = 0
    min_roles: Count = 0
    # The areas, in this order, when given; skills that must exist (whatever their area).
    areas: list[AreaRef] = Field(default_factory=list)
    skills: list[SkillRef] = Field(default_factory=list)
    # Every source article is cited by at least one guide.
    sources_in_guides: bool = False
    # Source articles the reading list must name.
    sources_in_resources: list[SourceRef] = Field(default_factory=list)
    # No test-taking habit beats `assessment.item_max_cue` on the checks (the `items` command;
    # checked by the content tests, since it needs the assessment's option order).
    checks_within_cue_bound: bool = False


def shortfalls(content: Any) -> list[str]:
    """Every way ``content`` (a validated ``model.Content``) misses its curation targets."""
    target: Curation = content.framework.curation
    found: list[str] = []

    def at_least(what: str, have: int, need: int) -> None:
        if have < need:
            found.append(f"{what}: expected at least {need}, got {have}")

    at_least("skills", len(content.skills), target.min_skills)
    at_least("knowledge checks", sum(len(s.checks) for s in content.skills), target.min_checks)
    at_least("guides", len(content.guides), target.min_guides)
    at_least("resources", len(content.resources), target.min_resources)
    at_least("glossary terms", len(content.glossary), target.min_glossary)
    at_least("roles", len(content.roles), target.min_roles)
    for skill in content.skills:
        at_least(f"skill {skill.id}: knowledge checks", len(skill.checks),
                 target.min_checks_per_skill)
        at_least(f"skill {skill.id}: resources", sum(skill.id in r.skills
                                                     for r in content.resources),
                 target.min_resources_per_skill)
    areas = [a.id for a in content.framework.areas]
    if target.areas and areas != target.areas:
        found.append(f"areas: expected {target.areas}, got {areas}")
    missing = sorted(set(target.skills) - {s.id for s in content.skills})
    if missing:
        found.append(f"skills: expected {missing} to exist")
    if target.sources_in_guides:
        for source in content.sources:
            if not any(source.id in g.meta.sources for g in content.guides):
                found.append(f"source {source.id}: expected a guide to cite it")
    named = {sid for r in content.resources for sid in r.sources}
    for sid in target.sources_in_resources:
        if sid not in named:
            found.append(f"source {sid}: expected a resource to name it")
    return found
