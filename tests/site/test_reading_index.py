"""Past ``READING_LIST_LIMIT`` resources the reading list stops growing with them: it becomes
an index that counts each skill's resources and links to the skill's own list (which has
them all, with their read marks); below it, it stays one filterable page."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.project import Project, load_and_validate
from generator.site import pages
from generator.site.generate import generate


def test_a_long_reading_list_becomes_an_index_of_the_skills_lists(
        minimal: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    content = load_and_validate(Project(minimal))
    monkeypatch.setattr(pages, "READING_LIST_LIMIT", len(content.resources) - 1)
    generate(Project(minimal))
    docs = minimal / "generated" / "docs"
    page = (docs / "reading-list.md").read_text(encoding="utf-8")
    assert "reading-item" not in page and "reading-filter" not in page
    links = re.findall(r"^- \[[^\]]+\]\(skills/([\w-]+)\.md#([\w-]+)\) — (\d+) resources?",
                       page, re.MULTILINE)
    per_skill = {s.id: sum(s.id in r.skills for r in content.resources) for s in content.skills}
    assert {(skill, int(n)) for skill, _, n in links} == {
        (skill, n) for skill, n in per_skill.items() if n}
    for skill, anchor, _ in links:  # each link lands on the skill's list
        assert f"{{ #{anchor} }}" in (docs / "skills" / f"{skill}.md").read_text("utf-8")


def test_a_reading_list_within_the_limit_is_one_page(minimal: Path) -> None:
    generate(Project(minimal))
    page = (minimal / "generated/docs/reading-list.md").read_text(encoding="utf-8")
    assert 'id="reading-filter"' in page and "reading-item" in page
