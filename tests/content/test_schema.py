"""The JSON Schemas editors use stay in step with the validator's models."""

from __future__ import annotations

import json

from generator.content.schema import schema_files
from tests.conftest import REPO


def test_committed_schemas_match_the_models() -> None:
    for name, data in schema_files().items():
        committed = REPO / "schema" / name
        assert committed.exists(), f"schema/{name} is missing: run `python -m generator schema`"
        assert committed.read_bytes() == data, \
            f"schema/{name} is out of date: run `python -m generator schema`"


def test_every_content_file_points_to_its_schema() -> None:
    expected = {"framework.yml": "../schema/framework.schema.json",
                "roles.yml": "../schema/roles.schema.json",
                "resources.yml": "../schema/resources.schema.json",
                "glossary.yml": "../schema/glossary.schema.json",
                "sources.yml": "../schema/sources.schema.json"}
    for name, target in expected.items():
        first = (REPO / "content" / name).read_text(encoding="utf-8").splitlines()[0]
        assert first == f"# yaml-language-server: $schema={target}", name
    for skill in (REPO / "content/skills").glob("*.yml"):
        first = skill.read_text(encoding="utf-8").splitlines()[0]
        assert first == "# yaml-language-server: $schema=../../schema/skill.schema.json", skill


def test_schema_rejects_unknown_keys_like_the_validator() -> None:
    skill = json.loads(schema_files()["skill.schema.json"])
    assert skill["additionalProperties"] is False
    assert "levels" in skill["required"]
