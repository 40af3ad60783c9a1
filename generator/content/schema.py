"""JSON Schema for every content file, exported from the same pydantic models the validator uses.

Editors with the YAML language server read these (each content file names its schema in
its first line), so authors get completion and see mistakes as they type.
"""

from __future__ import annotations

import json
from typing import Any

from pydantic import BaseModel

from . import model as m

SCHEMAS: dict[str, type[BaseModel]] = {
    "framework": m.Framework,
    "skill": m.Skill,
    "roles": m.RolesFile,
    "resources": m.ResourcesFile,
    "glossary": m.GlossaryFile,
    "sources": m.SourcesFile,
    "guide": m.GuideMeta,
}


def json_schema(name: str) -> dict[str, Any]:
    schema = SCHEMAS[name].model_json_schema(mode="validation")
    return {"$schema": "https://json-schema.org/draft/2020-12/schema",
            "$id": f"{name}.schema.json", **schema}


def schema_files() -> dict[str, bytes]:
    """``{file name: bytes}`` for every content schema, deterministic."""
    from .interface_status import json_schema as strings_schema  # from the English strings

    schemas = {name: json_schema(name) for name in SCHEMAS}
    schemas["strings"] = {"$schema": "https://json-schema.org/draft/2020-12/schema",
                          "$id": "strings.schema.json", **strings_schema()}
    return {f"{name}.schema.json": (json.dumps(schema, indent=2, sort_keys=True,
                                               ensure_ascii=False) + "\n").encode("utf-8")
            for name, schema in schemas.items()}
