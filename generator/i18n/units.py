"""The translatable units of the content, each under a key that survives reordering.

A unit is one text field (or a glossary term's list of aliases). Its key is the path to it
with list items named by their ``id`` (or a level's ``value``), so moving a check or a
role does not orphan its translation; only lists without ids (behaviours, options) fall
back to positions, and then a change shows up as a changed source text anyway.

Structure — ids, levels, weights, answer keys, URLs, titles of published works — lives
once, in the source files; only the fields in ``TEXT_KEYS`` are translated.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

TEXT_KEYS = frozenset({
    "name", "tagline", "description", "summary", "why_it_matters", "behaviours",
    "how_to_reach", "examples", "question", "text", "explanation", "why", "term",
    "definition", "aliases",
})
"""Fields whose values are the project's own words. Not here on purpose: a resource's or
source's ``title`` (the name of a published work stays as published) and every id or URL."""

SKIP = frozenset({"languages"})
"""Parts never translated: the language list names each language in its own tongue."""

WHOLE = frozenset({"aliases"})
"""List fields translated as one unit: a language may need more or fewer alias forms."""

Unit = str | list[str]


def fingerprint(text: Unit) -> str:
    """A short hash of a source text: a translation records the one it was made from, so a
    later change to the English marks it stale."""
    data = text if isinstance(text, str) else json.dumps(text, ensure_ascii=False)
    return hashlib.sha256(data.strip().encode("utf-8")).hexdigest()[:10]


def units(data: Any) -> dict[str, Unit]:
    """Every translatable unit of one loaded YAML file, by key, in document order."""
    out: dict[str, Unit] = {}
    _walk(data, (), False, out)
    return out


def _name(item: Any, index: int) -> str:
    if isinstance(item, dict):
        for key in ("id", "value"):
            if isinstance(item.get(key), (str, int)) and not isinstance(item.get(key), bool):
                return str(item[key])
    return str(index)


def _walk(data: Any, path: tuple[str, ...], text: bool, out: dict[str, Unit]) -> None:
    if isinstance(data, dict):
        for key, value in data.items():
            key = str(key)
            if not path and key in SKIP:
                continue
            if key in WHOLE and isinstance(value, list):
                if all(isinstance(v, str) for v in value):
                    out[".".join((*path, key))] = [str(v) for v in value]
                continue
            _walk(value, (*path, key), key in TEXT_KEYS, out)
    elif isinstance(data, list):
        for index, value in enumerate(data):
            _walk(value, (*path, _name(value, index)), text, out)
    elif isinstance(data, str) and text:
        out[".".join(path)] = data
