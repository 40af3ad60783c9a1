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
from collections.abc import Callable
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

    def collect(_container: Any, _key: Any, unit: str, text: Unit) -> None:
        out[unit] = [str(t) for t in text] if isinstance(text, list) else text

    visit_units(data, collect)
    return out


Visitor = Callable[[Any, Any, str, Unit], None]
"""Called with (the list or mapping holding a unit, its key or index there, the unit's key,
its text)."""


def visit_units(data: Any, visit: Visitor) -> None:
    """Call ``visit`` for every translatable unit of ``data``, in document order. The one
    walk: ``units`` collects with it, ``apply`` replaces texts in place with it (a visitor may
    replace the unit it is given)."""
    _walk(data, (), False, visit)


def item_name(item: Any, index: int) -> str:
    """A list item's part of a unit key: its ``id`` (or a level's ``value``), else its
    position."""
    if isinstance(item, dict):
        for key in ("id", "value"):
            if isinstance(item.get(key), (str, int)) and not isinstance(item.get(key), bool):
                return str(item[key])
    return str(index)


def entry(value: Any) -> tuple[Unit, str] | None:
    """A translation file's entry as (text, from), or None unless it is exactly that."""
    if isinstance(value, dict) and set(value) == {"text", "from"}:
        text = value["text"]
        if (isinstance(text, str) or (isinstance(text, list) and all(
                isinstance(t, str) for t in text))) and isinstance(value["from"], str):
            return text, value["from"]
    return None


def guide_text(meta: Any, body: str) -> str:
    """What a guide's fingerprint covers: its title, summary and body."""
    data = meta if isinstance(meta, dict) else {}
    return "\n".join([str(data.get("title", "")), str(data.get("summary", "")), body])


def _walk(data: Any, path: tuple[str, ...], text: bool, visit: Visitor) -> None:
    if isinstance(data, dict):
        for key, value in list(data.items()):
            name = str(key)
            if not path and name in SKIP:
                continue
            if name in WHOLE and isinstance(value, list):
                if all(isinstance(v, str) for v in value):
                    visit(data, key, ".".join((*path, name)), value)
                continue
            if isinstance(value, str) and name in TEXT_KEYS:
                visit(data, key, ".".join((*path, name)), value)
            else:
                _walk(value, (*path, name), name in TEXT_KEYS, visit)
    elif isinstance(data, list):
        for index, value in enumerate(data):
            name = item_name(value, index)
            if isinstance(value, str) and text:
                visit(data, index, ".".join((*path, name)), value)
            else:
                _walk(value, (*path, name), text, visit)
