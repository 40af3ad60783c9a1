"""Rendering: deterministic, escaped, and written only where something changed."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.content.safety import md
from generator.project import Project, load_and_validate
from generator.site.config import load_site_config
from generator.site.generate import generate
from generator.site.render import render_site
from tests.conftest import REPO


def _render(root: Path) -> dict[str, bytes]:
    project = Project(root)
    return render_site(load_and_validate(project), load_site_config(project))


@pytest.mark.content
def test_same_content_gives_byte_identical_files() -> None:
    assert _render(REPO) == _render(REPO)


def test_md_filter_cannot_open_a_tag() -> None:
    assert md("a <script>x</script> and <!-- c --> and a < b") == \
        "a &lt;script>x&lt;/script> and &lt;!-- c --> and a < b"


def test_write_touches_only_changed_files(minimal: Path) -> None:
    project = Project(minimal)
    first = generate(project)
    assert first.written and not first.removed
    assert generate(project).written == []
    skill = minimal / "content/skills/testing.yml"
    skill.write_text(skill.read_text().replace("Writes tests.", "Writes good tests."))
    changed = generate(project).written
    # The skill's own page, its area page, and the data the assessment reads.
    assert "docs/skills/testing.md" in changed
    assert "docs/index.md" not in changed


def test_stale_generated_files_are_removed(minimal: Path) -> None:
    project = Project(minimal)
    generate(project)
    (minimal / "content/guides/start.md").unlink()
    report = generate(project)
    assert "docs/guides/start.md" in report.removed
    assert not (minimal / "generated/docs/guides/start.md").exists()


@pytest.mark.content
def test_every_page_carries_glossary_tooltips_and_its_edit_source() -> None:
    content = load_and_validate(Project(REPO))
    files = _render(REPO)
    skill = content.skills[0].id
    assert f'edit_source: "content/skills/{skill}.yml"' in files[f"docs/skills/{skill}.md"].decode()
    if content.glossary:
        assert content.glossary[0].term in files["mkdocs.yml"].decode().split("glossary:", 1)[1]
    for guide in content.guides:
        page = files[f"docs/guides/{guide.slug}.md"].decode()
        # From content/, or from a fork's layer (fork/guides/) when it adds or replaces it.
        assert (f'edit_source: "content/guides/{guide.slug}.md"' in page
                or f'edit_source: "fork/guides/{guide.slug}.md"' in page), page[:300]
