"""References are declared on the model (``Ref``), and the rules and the hidden-area
projection follow from the declaration alone."""

from __future__ import annotations

import typing
from pathlib import Path
from typing import Annotated, get_args, get_origin

import pytest
from pydantic import BaseModel, Field

from generator.content import model as m
from generator.content.load import load_content
from generator.content.references import GONE, references, without
from generator.content.validate import validate
from generator.errors import ContentInvalid


class Course(m.Strict):
    """A model a fork might add: one new field typed ``list[SkillRef]``, nothing else."""

    id: m.Id
    prerequisites: list[m.SkillRef] = Field(default_factory=list)
    teaches: Annotated[list[Annotated[m.Id, m.Ref("skill", owner_needs_one=True)]], ...]
    mentor_for: dict[m.SkillRef, int] = Field(default_factory=dict)


def test_a_new_field_is_found_and_pruned_from_its_declaration_alone() -> None:
    course = Course(id="c", prerequisites=["a", "b"], teaches=["b"], mentor_for={"a": 1, "c": 2})
    found = [(loc, ref.kind, ident, is_key) for loc, ref, ident, is_key in references(course)]
    assert found == [(("prerequisites", 0), "skill", "a", False),
                     (("prerequisites", 1), "skill", "b", False),
                     (("teaches", 0), "skill", "b", False),
                     (("mentor_for", "a"), "skill", "a", True),
                     (("mentor_for", "c"), "skill", "c", True)]
    pruned = without(course, {"skill": {"a"}})
    assert pruned.prerequisites == ["b"] and pruned.mentor_for == {"c": 2}
    assert without(course, {"skill": {"b"}}) is GONE  # it teaches nothing that is left
    assert without(course, {"skill": {"zzz"}}) is course  # untouched when nothing goes


def _id_fields(model: type[BaseModel], path: str = "") -> list[tuple[str, bool]]:
    """(field path, declared as a reference) for every field holding ids of other items."""
    out = []
    hints = typing.get_type_hints(model, include_extras=True)
    for name in model.model_fields:
        text = repr(hints[name])
        if isinstance(hints[name], type) and issubclass(hints[name], BaseModel):
            out += _id_fields(hints[name], f"{path}{name}.")
        for arg in get_args(hints[name]):
            inner = get_args(arg)[0] if get_origin(arg) is Annotated else arg
            if isinstance(inner, type) and issubclass(inner, BaseModel):
                out += _id_fields(inner, f"{path}{name}[].")
        if name != "id" and "pattern='^[a-z0-9]" in text:
            out.append((f"{path}{name}", "Ref(" in text))
    return out


@pytest.mark.parametrize("model", [m.Framework, m.Skill, m.RolesFile, m.ResourcesFile,
                                   m.GlossaryFile, m.SourcesFile, m.GuideMeta])
def test_every_field_holding_ids_declares_what_it_refers_to(model: type[BaseModel]) -> None:
    undeclared = [path for path, declared in _id_fields(model) if not declared]
    assert not undeclared, f"declare these with SkillRef/SourceRef/AreaRef: {undeclared}"


def _break(root: Path, rel: str, old: str, new: str) -> None:
    path = root / rel
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_every_kind_of_reference_is_checked_where_it_is_written(minimal: Path) -> None:
    _break(minimal, "content/glossary.yml", "without a change.}",
           "without a change., skills: [tests]}")
    _break(minimal, "content/roles.yml", "      testing:", "      testin:")
    with pytest.raises(ContentInvalid) as invalid:
        validate(load_content(minimal))
    messages = [str(e) for e in invalid.value.errors]
    assert any(msg.startswith("content/glossary.yml:") and "unknown skill 'tests'" in msg
               and "did you mean 'testing'?" in msg for msg in messages), messages
    assert any(msg.startswith("content/roles.yml:") and "unknown skill 'testin'" in msg
               for msg in messages), messages


def test_hidden_areas_drop_every_reference_to_their_skills(minimal: Path) -> None:
    content_dir = minimal / "content"
    _break(minimal, "content/framework.yml", "  - {id: craft, name: Craft, summary: The craft.}",
           "  - {id: craft, name: Craft, summary: The craft.}\n"
           "  - {id: lab, name: Lab, summary: Switched off., show: false}")
    skill = (content_dir / "skills" / "testing.yml").read_text(encoding="utf-8")
    (content_dir / "skills" / "probing.yml").write_text(
        skill.replace("id: testing", "id: probing", 1).replace("area: craft", "area: lab", 1)
        .replace("id: flaky-test", "id: flaky-probe"), encoding="utf-8")
    _break(minimal, "content/roles.yml", "      testing: {level: 2, importance: 3}",
           "      testing: {level: 2, importance: 3}\n      probing: {level: 1, importance: 1}")
    _break(minimal, "content/resources.yml", "    skills: [testing]", "    skills: [testing, probing]")
    (content_dir / "resources.yml").write_text(
        (content_dir / "resources.yml").read_text(encoding="utf-8") + """  - id: probe-only
    title: Probing
    kind: article
    url: https://example.com/probe
    cost: free
    minutes: 10
    level: 1
    skills: [probing]
    why: Only for the hidden skill.
""", encoding="utf-8")
    _break(minimal, "content/guides/start.md", "skills: [testing]", "skills: [testing, probing]")
    content = validate(load_content(minimal))
    assert [a.id for a in content.framework.areas] == ["craft"]
    assert [s.id for s in content.skills] == ["testing"]
    assert [r.id for r in content.resources] == ["tdd-book"]  # probe-only built only probing
    assert content.resources[0].skills == ["testing"]
    assert list(content.roles[0].expectations) == ["testing"]
    assert content.guides[0].meta.skills == ["testing"]
    assert all(ident != "probing" for _, _, ident, _ in references(content))
