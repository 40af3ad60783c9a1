"""What a language still lacks of the interface strings: the note ``validate`` and ``build``
print, the table ``translations --todo`` prints to paste into ``content/strings/<code>.yml``,
and the JSON Schema editors complete the file's keys from (``interface`` checks the file)."""

from __future__ import annotations

from typing import Any

from ..errors import ContentError
from ..strings import PLURAL_CATEGORIES, package_table
from .interface import CODE, code_of, is_plural, leaves


def missing_table(code: str, own: Any) -> dict[Any, Any]:
    """The English of every interface string ``code`` has neither in the generator nor in
    ``own`` (its project file's data), in the shape of generator/strings/en.yml: what
    ``translations --todo`` prints to paste into ``content/strings/<code>.yml``."""
    have = leaves(package_table(code)) | leaves(own)

    def keep(node: Any, loc: tuple[str, ...]) -> Any:
        if not isinstance(node, dict) or is_plural(node):
            return None if ".".join(loc) in have else node
        kept = {k: v for k, v in ((k, keep(v, (*loc, str(k)))) for k, v in node.items())
                if v is not None}
        return kept or None

    return keep(package_table("en"), ()) or {}


def missing_strings(raw: Any) -> list[ContentError]:
    """A note for each language the framework uses that has interface strings neither in
    the generator nor in the project's own file, so those show in English. A note, not a
    warning: ``--strict`` does not stop on it, so a team can publish while it translates."""
    from .messages import line_of

    framework = raw.framework
    data = framework.data if framework is not None else None
    if not isinstance(data, dict):
        return []
    used: list[tuple[Any, tuple[Any, ...]]] = [(data.get("language", "en"), ("language",))]
    declared = data.get("languages")
    for index, language in enumerate(declared if isinstance(declared, list) else []):
        if isinstance(language, dict):
            used.append((language.get("code"), ("languages", index, "code")))
    own = {code_of(f): f for f in raw.strings}
    english = leaves(package_table("en"))
    out = []
    for code, loc in used:
        if not isinstance(code, str) or not CODE.match(code) or code == "en":
            continue
        file = own.get(code)
        missing = english - leaves(package_table(code)) - leaves(file.data if file else None)
        if not missing:
            continue
        examples = ", ".join(sorted(missing)[:3])
        where = (file.path, 0) if file else (framework.path, line_of(data, loc))
        out.append(ContentError(*where, f"note: {len(missing)} of {len(english)} interface "
                                f"strings have no '{code}' text, so buttons, headings and the "
                                "assessment's questions show them in English (expected them in "
                                f"content/strings/{code}.yml; missing e.g. {examples}; "
                                f"`python -m generator translations --todo {code}` lists them "
                                "all with their English)"))
    return out


def json_schema() -> dict[str, Any]:
    """A JSON Schema of ``content/strings/<code>.yml`` from ``generator/strings/en.yml``: an
    editor completes every key and shows its English text as it is typed."""
    def schema(node: Any) -> dict[str, Any]:
        if is_plural(node):
            return {"type": "object", "description": str(node["other"]),
                    "properties": {c: {"type": "string"} for c in PLURAL_CATEGORIES},
                    "required": ["other"], "additionalProperties": False}
        if isinstance(node, dict):
            return {"type": "object", "additionalProperties": False,
                    "properties": {str(k): schema(v) for k, v in node.items()}}
        return {"type": "string", "description": str(node)}

    return {"title": "Interface strings (any subset of generator/strings/en.yml)",
            **schema(package_table("en"))}
