"""YAML that remembers where every value came from.

Only PyYAML's *safe* constructors are used (no arbitrary tags). Every mapping and
sequence comes back as a ``Located`` container that knows the line of each key
or item, so later stages can report ``path:line`` for any value.
"""

from __future__ import annotations

from typing import Any

import yaml

from ..errors import ContentError


class LocatedDict(dict):
    """A mapping that remembers where it, and each of its keys, appeared."""

    line: int = 0
    key_lines: dict[Any, int]


class LocatedList(list):
    """A sequence that remembers where it, and each of its items, appeared."""

    line: int = 0
    item_lines: list[int]


class _LineLoader(yaml.SafeLoader):
    """SafeLoader that returns ``LocatedDict``/``LocatedList`` with 1-based lines."""


class _FastLineLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """The same constructors on LibYAML's parser, which is ~7x faster on valid files."""


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> LocatedDict:
    loader.flatten_mapping(node)
    result = LocatedDict()
    result.line = node.start_mark.line + 1
    result.key_lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        try:
            hash(key)
        except TypeError:
            raise yaml.constructor.ConstructorError(
                None, None, "a mapping key must be a plain value, not a list or mapping",
                key_node.start_mark) from None
        if key in result.key_lines:
            raise yaml.constructor.ConstructorError(
                None, None, f"duplicate key {key!r} (first at line {result.key_lines[key]})",
                key_node.start_mark,
            )
        result[key] = loader.construct_object(value_node, deep=True)
        result.key_lines[key] = key_node.start_mark.line + 1
    return result


def _construct_sequence(loader: _LineLoader, node: yaml.SequenceNode) -> LocatedList:
    result = LocatedList(loader.construct_object(child, deep=True) for child in node.value)
    result.line = node.start_mark.line + 1
    result.item_lines = [child.start_mark.line + 1 for child in node.value]
    return result


def _construct_timestamp_as_text(loader: _LineLoader, node: yaml.ScalarNode) -> str:
    # Dates stay strings: the model decides their format, and output stays stable.
    return str(loader.construct_scalar(node))


for _loader in (_LineLoader, _FastLineLoader):
    _loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
    _loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)
    _loader.add_constructor("tag:yaml.org,2002:timestamp", _construct_timestamp_as_text)


def parse_yaml(text: str, path: str, first_line: int = 1) -> Any:
    """Parse YAML text safely; raise ``ContentError`` with the parser's own location."""
    # Padding with newlines makes every mark a line of the whole file (front matter starts
    # below the opening '---').
    padded = "\n" * (first_line - 1) + text
    try:
        return _load_with(_FastLineLoader, padded)
    except yaml.YAMLError:
        pass  # parse again below: the pure-Python parser explains mistakes better
    try:
        return _load_with(_LineLoader, padded)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = (mark.line + 1) if mark else first_line
        problem = exc.problem or exc.context or "invalid YAML"
        raise ContentError(path, line, f"YAML syntax error: {problem}") from None
    except yaml.reader.ReaderError as exc:
        line = padded.count("\n", 0, max(exc.position, 0)) + 1
        raise ContentError(path, line, "a character YAML does not allow (expected printable "
                           f"text, got #x{exc.character:04x})") from None
    except yaml.YAMLError as exc:  # pragma: no cover - any other parser complaint
        raise ContentError(path, first_line, f"YAML syntax error: {exc}") from None


def _load_with(loader_class: type, text: str) -> Any:
    loader = loader_class(text)
    try:
        return loader.get_single_data()
    finally:
        loader.dispose()
