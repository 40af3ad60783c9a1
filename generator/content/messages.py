"""Where a value is and how to describe it: the parts of every ``path:line: … (expected …,
got …); did you mean …?`` message, and the translation of pydantic's errors into them."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from typing import Any

from pydantic import BaseModel, ValidationError

from ..errors import ContentError
from .load import SourceFile
from .located_yaml import LocatedDict, LocatedList


def line_of(data: Any, loc: Iterable[Any], fallback: int = 1) -> int:
    """The line of the value at ``loc`` in a located tree, or of its nearest parent."""
    return _walk("", data, loc, fallback)[1]


def place(source: Any, loc: Iterable[Any], fallback: int = 1) -> tuple[str, int]:
    """The file and line of the value at ``loc`` in a ``SourceFile``: the file is the source's
    own, or the layer file a value came from when a fork's layer merged it in (``layers``)."""
    return _walk(source.path, source.data, loc, fallback)


def _walk(path: str, data: Any, loc: Iterable[Any], fallback: int) -> tuple[str, int]:
    line = getattr(data, "line", fallback) or fallback
    current = data
    for part in loc:
        if isinstance(current, LocatedDict) and part not in current:
            # pydantic names a key that is not text (1.5, or `on` read as true) by its text
            part = next((k for k in current if str(k) == str(part)), part)
        if isinstance(current, LocatedDict) and part in current:
            line = current.key_lines[part]
            path = getattr(current, "key_origins", {}).get(part) or path
            current = current[part]
        elif isinstance(current, LocatedList) and isinstance(part, int) and part < len(current):
            line = current.item_lines[part]
            origins = getattr(current, "item_origins", None)
            path = (origins[part] if origins else None) or path
            current = current[part]
        else:
            break
    return path, line


def describe(value: Any) -> str:
    """A short, human description of a YAML value for "got …" in messages."""
    if value is None:
        return "nothing (an empty value)"
    if isinstance(value, bool):
        return f"{str(value).lower()} (true/false)"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return f"a list of {len(value)} item{'s' if len(value) != 1 else ''}"
    if isinstance(value, str):
        text = value if len(value) <= 60 else value[:57] + "..."
        return repr(text)
    return repr(value)


def closest(word: Any, candidates: Iterable[str]) -> str | None:
    """The candidate nearest ``word``, if one is near enough to be what was meant."""
    if not isinstance(word, str):
        return None
    match = difflib.get_close_matches(word, sorted(set(candidates)), n=1, cutoff=0.6)
    return match[0] if match else None


def did_you_mean(word: Any, candidates: Iterable[str]) -> str:
    """``; did you mean 'x'?`` for the nearest candidate, or an empty string."""
    match = closest(word, candidates)
    return f"; did you mean '{match}'?" if match else ""


def dotted(loc: Iterable[Any]) -> str:
    """``('checks', 0, 'options')`` → ``checks[0].options``."""
    out = ""
    for part in loc:
        if isinstance(part, int) and not isinstance(part, bool):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


_KIND_NAMES = {
    "int_type": "a whole number",
    "float_type": "a number",
    "string_type": "text",
    "bool_type": "true or false",
    "list_type": "a list",
    "dict_type": "a mapping",
    "model_type": "a mapping",
    "model_attributes_type": "a mapping",
    "int_from_float": "a whole number",
}


def _model_fields(model: type[BaseModel], loc: tuple[Any, ...]) -> list[str]:
    """The field names allowed at ``loc`` inside ``model`` (for unknown-key hints)."""
    current: Any = model
    for part in loc:
        if isinstance(part, int) or not (isinstance(current, type) and issubclass(current, BaseModel)):
            continue
        field = current.model_fields.get(part)
        if field is None:
            return []
        current = _innermost_model(field.annotation)
    if isinstance(current, type) and issubclass(current, BaseModel):
        return list(current.model_fields)
    return []


def _innermost_model(annotation: Any) -> Any:
    """Find a BaseModel inside ``list[X]``, ``dict[K, X]``, ``X | None`` or ``Annotated``."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()) or ():
        found = _innermost_model(arg)
        if found is not None:
            return found
    for arg in getattr(annotation, "__metadata__", ()) or ():
        found = _innermost_model(arg)
        if found is not None:
            return found
    origin = getattr(annotation, "__origin__", None)
    if origin is not None and origin is not annotation:
        return _innermost_model(origin)
    return None


def _pattern_message(loc: tuple[Any, ...], value: Any) -> str:
    pattern_field = next((p for p in reversed(loc) if isinstance(p, str)), "")
    if pattern_field == "url":
        return f"a malformed or non-https URL (expected 'https://…', got {describe(value)})"
    if pattern_field == "date":
        return f"a malformed date (expected 'YYYY-MM-DD' in quotes, got {describe(value)})"
    if pattern_field == "reviewed":
        return f"a malformed date (expected 'YYYY-MM-DD', got {describe(value)})"
    if pattern_field == "version":
        return f"a malformed version (expected a quoted version like \"1.0\", got {describe(value)})"
    if pattern_field == "language":
        return f"a malformed language code (expected a code like 'en' or 'ru', got {describe(value)})"
    return ("not a valid id (expected lowercase words joined by hyphens, like 'ml-fundamentals', "
            f"got {describe(value)})")


def _message_for(err: dict[str, Any], model: type[BaseModel]) -> str:
    """Turn one pydantic error into "what is wrong (expected …, got …)"."""
    kind, value, ctx = err["type"], err.get("input"), err.get("ctx") or {}
    loc = tuple(part for part in err["loc"] if part != "[key]")  # pydantic's marker for a dict key
    where = dotted(loc)
    if kind == "extra_forbidden":
        allowed = _model_fields(model, loc[:-1])
        hint = did_you_mean(loc[-1], allowed)
        if not hint and value is None and isinstance(loc[-1], str) and " " in loc[-1].strip():
            # `{term: X, definition: A test, that fails}`: the comma ended the value early.
            hint = ("; if it belongs to the value before it, put that value in quotes (in "
                    "{…} or [...] a comma ends an unquoted value, and ': ' starts a key)")
        return (f"unknown key '{loc[-1]}' (expected one of: {', '.join(allowed)}){hint}"
                if allowed else f"unknown key '{loc[-1]}'{hint}")
    if kind == "invalid_key":
        return (f"a key that is not text (expected a word such as 'name', got "
                f"{describe(value)}); YAML reads on, off, yes and no as true or false and "
                "numbers as numbers: put the key in quotes")
    if kind == "missing":
        return f"missing required key '{loc[-1]}'" + (f" in {dotted(loc[:-1])}" if loc[:-1] else "")
    if kind == "literal_error":
        expected = ctx.get("expected", "")
        options = [o.strip().strip("'") for o in expected.replace(" or ", ", ").split(",")]
        return (f"{where}: not an allowed value (expected one of: {', '.join(options)}, "
                f"got {describe(value)}){did_you_mean(value, options)}")
    if kind == "string_pattern_mismatch":
        return f"{where}: {_pattern_message(loc, value)}"
    if kind in _KIND_NAMES:
        return f"{where}: wrong type (expected {_KIND_NAMES[kind]}, got {describe(value)})"
    if kind in {"greater_than_equal", "greater_than", "less_than_equal", "less_than"}:
        sign = {"greater_than_equal": "≥", "greater_than": ">", "less_than_equal": "≤",
                "less_than": "<"}[kind]
        bound = next(iter(ctx.values()), "")
        return f"{where}: out of range (expected a number {sign} {bound}, got {describe(value)})"
    if kind == "too_short":
        return (f"{where}: too few items (expected at least {ctx.get('min_length')}, "
                f"got {ctx.get('actual_length')})")
    if kind == "too_long":
        return (f"{where}: too many items (expected at most {ctx.get('max_length')}, "
                f"got {ctx.get('actual_length')})")
    if kind == "string_too_short":
        return f"{where}: empty text (expected some text, got {describe(value)})"
    if kind == "union":
        return f"{where}: {err['msg']}"
    return f"{where}: {err['msg']} (got {describe(value)})"


# How pydantic names the branches of a union in an error's location: a model's class name,
# "constrained-int", "int", "literal['none']".
_UNION_TAG = re.compile(r"^(?:[A-Z]\w*|constrained-\w+|int|str|float|bool|none|literal\[.*\])$")


def _split_union(data: Any, loc: tuple[Any, ...]) -> tuple[int, str | None, Any]:
    """Where in ``loc`` a union branch's tag is, the tag (None if there is none), and the
    value the union was given."""
    current = data
    for i, part in enumerate(loc):
        if (isinstance(current, dict) and part in current) or (
                isinstance(current, list) and isinstance(part, int) and part < len(current)):
            current = current[part]
        elif isinstance(part, str) and _UNION_TAG.match(part):
            return i, part, current
        else:
            break
    return len(loc), None, None


def _union_errors(data: Any, errors: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One error per value that matched no branch of a union (a behaviour as text or as
    ``{text, examples}``; a floor as a level or "none"), rather than one per branch: a
    mapping is judged by the model branch, anything else by the others, merged into one
    "expected A or B" when there are several."""
    out: list[dict[str, Any]] = []
    branches: dict[tuple[Any, ...], list[tuple[str, dict[str, Any]]]] = {}
    for err in errors:
        loc = tuple(p for p in err["loc"] if p != "[key]")
        at, tag, value = _split_union(data, loc)
        if tag is None:
            out.append(err)
            continue
        branches.setdefault(loc[:at], []).append(
            (tag, {**err, "loc": loc[:at] + loc[at + 1:], "union_value": value}))
    for prefix, found in branches.items():
        value = found[0][1]["union_value"]
        is_model = isinstance(value, dict)
        kept = [e for tag, e in found if tag[0].isupper() == is_model] or [e for _, e in found]
        if is_model or len(kept) == 1:
            out.extend(kept)
            continue
        wanted = [" or ".join(o.strip() for o in (e.get("ctx") or {}).get("expected", "")
                              .split(" or ")) if e["type"] == "literal_error"
                  else _KIND_NAMES.get(e["type"], e["msg"]) for e in kept]
        out.append({"type": "union", "loc": prefix, "input": value,
                    "msg": f"wrong value (expected {' or '.join(wanted)}, got {describe(value)})"})
    return out


def check_shape(source: SourceFile, model: type[BaseModel]) -> tuple[Any, list[ContentError]]:
    """Validate one file's data against ``model``; return (instance or None, errors)."""
    if not isinstance(source.data, dict):
        got = "an empty file" if source.data is None else describe(source.data)
        return None, [ContentError(source.path, 1, f"expected a mapping of keys at the top level, got {got}")]
    try:
        return model.model_validate(source.data), []
    except ValidationError as exc:
        errors = []
        for err in _union_errors(source.data, [dict(e) for e in exc.errors()]):
            loc = tuple(p for p in err["loc"] if p != "[key]")
            errors.append(ContentError(*place(source, loc), _message_for(dict(err), model)))
        return None, errors
