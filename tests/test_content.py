"""The repository's content keeps its own promises: the curation targets its framework.yml
sets (``curation:``), and the rules every framework's content follows. These tests read
whatever content the repository holds, so a fork's content is held to its own targets."""

from __future__ import annotations

import pytest

from generator.content import levels
from generator.content import model as m
from generator.content.curation import shortfalls
from generator.project import Project, load_and_validate
from tests.conftest import REPO

pytestmark = pytest.mark.content


@pytest.fixture(scope="module")
def content() -> m.Content:
    return load_and_validate(Project(REPO))


def test_the_content_meets_its_curation_targets(content: m.Content) -> None:
    assert shortfalls(content) == []


def test_every_skill_describes_every_level_that_applies_and_chooses_its_quick_checks(
        content: m.Content) -> None:
    per_skill = content.framework.assessment.quick_checks_per_skill
    for skill in content.skills:
        assert set(levels.described(content.framework, skill)) <= set(skill.levels), skill.id
        # The quick mode's checks are chosen, not filled up by content order.
        assert sum(1 for c in skill.checks if c.quick) == min(per_skill, len(skill.checks)), \
            skill.id

