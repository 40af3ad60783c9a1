"""A fork's layer (``fork/``) over a small upstream: what it adds, updates and removes, and its
mistakes reported at their line in the layer file that made them."""

from __future__ import annotations

from pathlib import Path

from generator.project import Project, load_and_validate
from generator.site.config import load_site_config
from generator.site.render import render_site
from tests.conftest import run_cli


def _layer(project: Path, files: dict[str, str]) -> Path:
    for rel, text in files.items():
        path = project / "fork" / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return project


SKILL = """id: pairing
area: craft
name: Pairing
summary: Works with another person at one keyboard.
why_it_matters: Two people catch more than one.
levels:
  1: {behaviours: [Pairs when asked.], how_to_reach: Pair once a week.}
  2: {behaviours: [Suggests pairing on hard problems.], how_to_reach: Lead a pairing day.}
"""


def test_a_layer_adds_updates_and_removes(minimal: Path) -> None:
    _layer(minimal, {
        "skills/pairing.yml": SKILL,
        "skills/testing.yml": "levels:\n  2:\n    how_to_reach: Our words for level two.\n",
        "roles.yml": "roles:\n  - id: tester\n    expectations:\n"
                     "      pairing: {level: 1, importance: 2}\n",
        "glossary.yml": "terms:\n  - {id: pair, term: Pair, definition: Two people on one task.}\n",
        "remove.yml": "resources: [tdd-book]\nterms: [flaky]\n",
        "mkdocs.yml": "site_name: Our Fork\n"})
    content = load_and_validate(Project(minimal))
    assert [s.id for s in content.skills] == ["pairing", "testing"]
    testing = next(s for s in content.skills if s.id == "testing")
    assert testing.levels[2].how_to_reach == "Our words for level two."
    assert testing.levels[2].behaviours == ["Designs a test strategy."]  # upstream's, kept
    assert content.roles[0].expectations["pairing"].level == 1
    assert content.roles[0].expectations["testing"].level == 2
    assert content.resources == [] and [t.id for t in content.glossary] == ["pair"]
    files = render_site(content, load_site_config(Project(minimal)))
    assert 'edit_source: "fork/skills/pairing.yml"' in files["docs/skills/pairing.md"].decode()
    assert 'edit_source: "fork/skills/testing.yml"' in files["docs/skills/testing.md"].decode()
    assert 'edit_source: "fork/roles.yml"' in files["docs/roles/tester.md"].decode()
    assert "site_name: Our Fork" in files["mkdocs.yml"].decode()


def test_a_removed_skill_leaves_no_reference(minimal: Path) -> None:
    _layer(minimal, {"skills/pairing.yml": SKILL, "remove.yml": "skills: [testing]\n",
                     "roles.yml": "roles:\n  - id: tester\n    expectations:\n"
                                  "      pairing: {level: 1, importance: 2}\n"})
    content = load_and_validate(Project(minimal))
    assert [s.id for s in content.skills] == ["pairing"]
    assert set(content.roles[0].expectations) == {"pairing"}
    assert all("testing" not in r.skills for r in content.resources)
    assert all("testing" not in g.meta.skills for g in content.guides)


def test_layer_mistakes_are_reported_in_the_layer_file(minimal: Path) -> None:
    _layer(minimal, {
        "skills/testing.yml": "levels:\n  2:\n    how_to_rech: typo\n",
        "roles.yml": "roles:\n  - id: tester\n    expectations:\n"
                     "      testing: {level: 2, importance: 7}\n",
        "remove.yml": "resources: [tdd-bok]\nskils: [testing]\n"})
    result = run_cli("validate", cwd=minimal)
    assert result.code == 1 and "Traceback" not in result.err
    lines = result.err.splitlines()
    assert "fork/skills/testing.yml:3: unknown key 'how_to_rech' (expected one of: behaviours, " \
           "how_to_reach); did you mean 'how_to_reach'?" in lines
    assert any(line.startswith("fork/roles.yml:4: roles[0].expectations.testing.importance: "
                               "out of range") for line in lines), lines
    assert "fork/remove.yml:1: resources: nothing to remove (expected the id of one of the " \
           "content's resources, got 'tdd-bok'); did you mean 'tdd-book'?" in lines
    assert any(line.startswith("fork/remove.yml:2: unknown key 'skils'") for line in lines)
    assert lines[-1] == "Found 4 problems in the content; nothing was written."


def test_without_a_fork_folder_nothing_changes(minimal: Path) -> None:
    content = load_and_validate(Project(minimal))
    assert content.origins == {} and [s.id for s in content.skills] == ["testing"]


def test_an_item_without_an_id_is_reported_and_upstream_items_stay(minimal: Path) -> None:
    _layer(minimal, {"resources.yml": "resources:\n  - title: No id\n"})
    result = run_cli("validate", cwd=minimal)
    assert result.code == 1
    assert result.err.startswith("fork/resources.yml:2: ")
    assert "missing required key 'id'" in result.err and "tdd-book" not in result.err
