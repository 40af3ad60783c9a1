"""The JSON Schemas editors use stay in step with the validator's models."""

from __future__ import annotations

import json

import pytest

from generator.content.schema import schema_files
from tests.conftest import REPO


def test_committed_schemas_match_the_models() -> None:
    for name, data in schema_files().items():
        committed = REPO / "schema" / name
        assert committed.exists(), f"schema/{name} is missing: run `python -m generator schema`"
        assert committed.read_bytes() == data, \
            f"schema/{name} is out of date: run `python -m generator schema`"


@pytest.mark.content
def test_every_content_file_points_to_its_schema() -> None:
    for name in ("framework", "roles", "resources", "glossary", "sources"):
        path = REPO / "content" / f"{name}.yml"
        if not path.exists() and name in {"glossary", "sources"}:
            continue  # optional files
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first == f"# yaml-language-server: $schema=../schema/{name}.schema.json", name
    for skill in (REPO / "content/skills").glob("*.yml"):
        first = skill.read_text(encoding="utf-8").splitlines()[0]
        assert first == "# yaml-language-server: $schema=../../schema/skill.schema.json", skill


def test_schema_rejects_unknown_keys_like_the_validator() -> None:
    skill = json.loads(schema_files()["skill.schema.json"])
    assert skill["additionalProperties"] is False
    assert "levels" in skill["required"]
