"""The shipped knowledge base cannot silently shrink: the curation targets are enforced here."""

from __future__ import annotations

from generator.content import model as m
from generator.project import Project, load_and_validate
from tests.conftest import REPO

content: m.Content = load_and_validate(Project(REPO))


def test_counts_meet_the_curation_targets() -> None:
    assert len(content.skills) >= 18
    assert len(content.guides) >= 10
    assert len(content.roles) >= 5
    assert len(content.resources) >= 45
    assert len(content.glossary) >= 40


def test_every_skill_has_all_levels_three_checks_and_two_resources() -> None:
    levels = {lv.value for lv in content.framework.levels} - {0}
    for skill in content.skills:
        assert set(skill.levels) == levels, skill.id
        assert len(skill.checks) >= 3, skill.id
        # The quick mode's checks are chosen, not filled up by content order.
        per_skill = content.framework.assessment.quick_checks_per_skill
        assert sum(1 for c in skill.checks if c.quick) == min(per_skill, len(skill.checks)), \
            skill.id
        assert sum(1 for r in content.resources if skill.id in r.skills) >= 2, skill.id


def test_every_role_sets_every_skill() -> None:
    for role in content.roles:
        assert set(role.expectations) == {s.id for s in content.skills}, role.id


def test_the_four_areas_and_technical_topics_are_covered() -> None:
    assert [a.id for a in content.framework.areas] == [
        "product-strategy", "product-delivery", "influence", "technical-fluency"]
    technical = {s.id for s in content.skills_in("technical-fluency")}
    assert {"ml-fundamentals", "responsible-ai", "data-fluency", "mlops", "backend-engineering",
            "ai-quality-evaluation"} <= technical


def test_every_source_article_is_cited_by_guides_and_named_resources() -> None:
    for source in content.sources:
        assert any(source.id in g.meta.sources for g in content.guides), source.id
    named = {sid for r in content.resources for sid in r.sources}
    assert {"via-ds-to-ml-pm", "ml-pm-lessons-part-1"} <= named
