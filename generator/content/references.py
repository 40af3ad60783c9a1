"""Every reference a model holds, found from the ``Ref`` declarations on its fields.

``references`` lists them (for the cross-file rules) and ``without`` removes the ones
that point at left-out items (for hidden areas), so neither needs to know which fields
hold which ids: a new field typed ``list[SkillRef]`` is checked and pruned like the rest.
"""

from __future__ import annotations

import functools
import types
import typing
from collections.abc import Iterator, Mapping
from typing import Annotated, Any, Union, get_args, get_origin

from pydantic import BaseModel

from .model import Ref

Loc = tuple[Any, ...]


def _split(annotation: Any) -> tuple[Any, list[Any]]:
    """``Annotated[X, a, b] | None`` → (X, [a, b]): the type and its metadata."""
    metadata: list[Any] = []
    while True:
        origin = get_origin(annotation)
        if origin is Annotated:
            annotation, *extra = get_args(annotation)
            metadata.extend(extra)
        elif origin in (Union, types.UnionType):
            options = [a for a in get_args(annotation) if a is not type(None)]
            if len(options) != 1:
                return annotation, metadata
            annotation = options[0]
        else:
            return annotation, metadata


def _ref(metadata: list[Any]) -> Ref | None:
    return next((m for m in metadata if isinstance(m, Ref)), None)


def _fields(model: BaseModel) -> tuple[tuple[str, Any, list[Any]], ...]:
    return _fields_of(type(model))


@functools.cache
def _fields_of(cls: type[BaseModel]) -> tuple[tuple[str, Any, list[Any]], ...]:
    """(name, type, metadata) of each field, resolved once per model class."""
    hints = typing.get_type_hints(cls, include_extras=True)
    return tuple((name, *_split(hints[name])) for name in cls.model_fields)


def references(value: Any, annotation: Any = None, metadata: list[Any] | None = None,
               loc: Loc = ()) -> Iterator[tuple[Loc, Ref, str, bool]]:
    """(where, what kind, id, is a mapping key) for every declared reference inside
    ``value``, in order.

    ``where`` is the path of the value (for a mapping's key: the path of that key), so
    ``messages.line_of`` finds its line in the located YAML.
    """
    if annotation is not None:
        annotation, extra = _split(annotation)
        metadata = [*(metadata or []), *extra]
    ref = _ref(metadata or [])
    if ref is not None and isinstance(value, str):
        yield loc, ref, value, False
    elif isinstance(value, BaseModel):
        for name, field_type, field_meta in _fields(value):
            yield from references(getattr(value, name), field_type, field_meta, (*loc, name))
    elif isinstance(value, list):
        item_type = (get_args(annotation) or (None,))[0]
        for index, item in enumerate(value):
            yield from references(item, item_type, [], (*loc, index))
    elif isinstance(value, Mapping):
        key_type, value_type = get_args(annotation) or (None, None)
        key_ref = _ref(_split(key_type)[1]) if key_type is not None else None
        for key, item in value.items():
            if key_ref is not None and isinstance(key, str):
                yield (*loc, key), key_ref, key, True
            yield from references(item, value_type, [], (*loc, key))


class _Gone:
    """The value left out: a reference to a hidden item, or an item left with none."""


GONE = _Gone()


def without(value: Any, gone: Mapping[str, set[str]], annotation: Any = None,
            metadata: list[Any] | None = None) -> Any:
    """``value`` with every reference to a ``gone[kind]`` id removed.

    A list or mapping simply loses the entry; an item whose ``owner_needs_one`` list
    is left empty becomes ``GONE`` itself, and its container drops it.
    """
    if annotation is not None:
        annotation, extra = _split(annotation)
        metadata = [*(metadata or []), *extra]
    ref = _ref(metadata or [])
    if ref is not None and isinstance(value, str):
        return GONE if value in gone.get(ref.kind, ()) else value
    if isinstance(value, BaseModel):
        update: dict[str, Any] = {}
        for name, field_type, field_meta in _fields(value):
            old = getattr(value, name)
            new = without(old, gone, field_type, field_meta)
            if new is GONE:
                return GONE
            if isinstance(old, list) and old and not new and _owner_needs_one(field_type):
                return GONE
            if new is not old:
                update[name] = new
        return value.model_copy(update=update) if update else value
    if isinstance(value, list):
        item_type = (get_args(annotation) or (None,))[0]
        kept = [without(item, gone, item_type, []) for item in value]
        kept = [item for item in kept if item is not GONE]
        return kept if len(kept) != len(value) or any(a is not b for a, b in zip(kept, value)) \
            else value
    if isinstance(value, Mapping):
        key_type, value_type = get_args(annotation) or (None, None)
        key_ref = _ref(_split(key_type)[1]) if key_type is not None else None
        out = {}
        for key, item in value.items():
            if key_ref is not None and key in gone.get(key_ref.kind, ()):
                continue
            new = without(item, gone, value_type, [])
            if new is not GONE:
                out[key] = new
        return out if len(out) != len(value) or any(out[k] is not value[k] for k in out) \
            else value
    return value


def _owner_needs_one(list_type: Any) -> bool:
    item_type = (get_args(list_type) or (None,))[0]
    ref = _ref(_split(item_type)[1]) if item_type is not None else None
    return ref is not None and ref.owner_needs_one
