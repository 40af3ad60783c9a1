"""Content stays inert: the validator refuses every unsafe payload at its line, and the hostile
fixture (payloads the validator accepts, in every text field) stays complete.

The hostile fixture is then built and visited in Chromium by ``tests/browser/test_injection.py``.
"""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.content import model as m
from tests.conftest import FIXTURES, REPO, copy_project

HOSTILE = FIXTURES / "hostile"


@dataclass(frozen=True)
class Refused:
    name: str
    file: str
    old: str       # the "key: value" (or guide body line) of the minimal fixture replaced
    key: str       # the YAML key, given the payload as its value; "" for a guide body line
    payload: str
    line: int
    message: str   # the start of the message after "file:line: "


CORPUS = Path(__file__).resolve().parent / "refused.yml"
REFUSED = [Refused(**case) for case in yaml.safe_load(CORPUS.read_text(encoding="utf-8"))]


def _yaml(key: str, payload: str) -> str:
    return f"{key}: {json.dumps(payload)}"  # a JSON string is a YAML double-quoted scalar


def run_validate(root: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "generator", "validate", "--root", str(root)],
                          cwd=REPO, capture_output=True, text=True, check=False)


def test_hostile_fixture_is_accepted_by_the_validator() -> None:
    proc = run_validate(HOSTILE)
    assert proc.returncode == 0, (
        "tests/fixtures/hostile must hold only payloads the validator accepts; it refused:\n"
        f"{proc.stdout}{proc.stderr}")


def _text_fields(model: type[m.BaseModel]) -> list[str]:
    """The fields of a content model that hold text a person writes (``Text``)."""
    out = []
    for name, info in model.model_fields.items():
        if any(getattr(x, "strip_whitespace", False) for x in info.metadata) \
                or "strip_whitespace=True" in repr(info.annotation):
            out.append(name)
    return out


def test_every_text_field_of_the_hostile_fixture_carries_payloads() -> None:
    """Every ``Text`` field of every content model is present and hostile, so a text field
    added to the model later fails here until the fixture covers it."""
    content = HOSTILE / "content"
    read = lambda name: yaml.safe_load((content / name).read_text(encoding="utf-8"))
    framework = read("framework.yml")
    skills = [yaml.safe_load(p.read_text(encoding="utf-8"))
              for p in sorted((content / "skills").glob("*.yml"))]
    guide = (content / "guides" / "start.md").read_text(encoding="utf-8")
    _, front, body = guide.split("---\n", 2)
    instances: dict[type[m.BaseModel], list[dict[str, Any]]] = {
        m.Framework: [framework],
        m.Level: framework["levels"],
        m.Area: framework["areas"],
        m.Skill: skills,
        m.SkillLevel: [lv for s in skills for lv in s["levels"].values()],
        m.Check: [c for s in skills for c in s["checks"]],
        m.Option: [o for s in skills for c in s["checks"] for o in c["options"]],
        m.Role: read("roles.yml")["roles"],
        m.Resource: read("resources.yml")["resources"],
        m.Term: read("glossary.yml")["terms"],
        m.Source: read("sources.yml")["sources"],
        m.GuideMeta: [yaml.safe_load(front)],
    }
    missing = []
    for model, items in instances.items():
        assert items, model.__name__
        for item in items:
            for name in _text_fields(model):
                values = item.get(name)
                values = values if isinstance(values, list) else [values]
                if not values or not all(isinstance(v, str) and "window.__pwned" in v
                                         for v in values):
                    missing.append(f"{model.__name__}.{name} in {item.get('id', '?')}")
    assert not missing, f"text fields without a payload: {missing}"
    assert body.count("window.__pwned") >= 10, "the guide body must be hostile too"


@pytest.mark.parametrize("case", REFUSED, ids=[c.name for c in REFUSED])
def test_refused_payload_makes_validate_exit_1_at_its_line(case: Refused, tmp_path: Path) -> None:
    project = copy_project(FIXTURES / "minimal", tmp_path / "project")
    path = project / case.file
    text = path.read_text(encoding="utf-8")
    assert text.count(case.old) == 1, case.old
    new = _yaml(case.key, case.payload) if case.key else case.payload
    path.write_text(text.replace(case.old, new), encoding="utf-8")
    proc = run_validate(project)
    output = proc.stdout + proc.stderr
    assert proc.returncode == 1, f"validate accepted {case.payload!r}:\n{output}"
    assert f"{case.file}:{case.line}: {case.message}" in output, output
    assert "Traceback" not in output


@settings(max_examples=2000, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab \n\t\"'&<>*_`[]()!\\#-+.:/~=|{}é中")),
               max_size=30) | st.text(max_size=30))
def test_inline_html_is_markdown_its_html_for_every_text(text: str) -> None:
    """The plain-text shortcut in ``inline_html`` gives what markdown-it gives."""
    from generator.content.safety import _HTML, inline_html

    assert inline_html(text) == _HTML.renderInline(" ".join(text.split()))


@pytest.mark.content
def test_inline_html_of_the_shipped_content_is_unchanged() -> None:
    from generator.content.safety import _HTML, inline_html
    from generator.project import Project, load_and_validate

    texts = list(_strings(load_and_validate(Project(REPO)).model_dump()))
    assert texts
    assert all(inline_html(t) == _HTML.renderInline(" ".join(t.split())) for t in texts)


def _strings(value: Any):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _strings(item)
