"""YAML that remembers where every value came from.

Only PyYAML's *safe* constructors are used (no arbitrary tags). Every mapping and
sequence comes back as a ``Located`` container that knows the line of each key
or item, so later stages can report ``path:line`` for any value.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from typing import Any

import yaml

from ..errors import ContentError


def strings(data: Any, loc: tuple[Any, ...] = ()) -> Iterator[tuple[tuple[Any, ...], str]]:
    """(path, text) for every string in a loaded YAML tree, in document order."""
    if isinstance(data, dict):
        for key, value in data.items():
            yield from strings(value, (*loc, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from strings(value, (*loc, index))
    elif isinstance(data, str):
        yield loc, data


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
    explicit = sum(1 for key, _ in node.value if key.tag != "tag:yaml.org,2002:merge")
    loader.flatten_mapping(node)
    merged = len(node.value) - explicit  # flatten_mapping puts the merged pairs first
    result = LocatedDict()
    result.line = node.start_mark.line + 1
    result.key_lines = {}
    from_merge: set[Any] = set()
    for index, (key_node, value_node) in enumerate(node.value):
        key = loader.construct_object(key_node, deep=True)
        try:
            hash(key)
        except TypeError:
            raise yaml.constructor.ConstructorError(
                None, None, "a mapping key must be a plain value, not a list or mapping",
                key_node.start_mark) from None
        # A key written out replaces one that came from a merge (<<: *base), as YAML says.
        if key in result.key_lines and key not in from_merge:
            raise yaml.constructor.ConstructorError(
                None, None, f"duplicate key {key!r} (first at line {result.key_lines[key]})",
                key_node.start_mark,
            )
        from_merge.discard(key)
        if index < merged:
            from_merge.add(key)
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


class _ConfigLoader(_LineLoader):
    """For mkdocs.yml: also MkDocs' ``!ENV`` tag (a variable, or a list of them and a default)."""


class _FastConfigLoader(_FastLineLoader):
    """The same for LibYAML's parser."""


def _construct_env(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
    items = [node] if isinstance(node, yaml.ScalarNode) else node.value \
        if isinstance(node, yaml.SequenceNode) else None
    if items is None or not all(isinstance(n, yaml.ScalarNode) for n in items):
        raise yaml.constructor.ConstructorError(
            None, None, "!ENV takes a variable's name, or a list of names and a default "
            "(e.g. !ENV [SITE_URL, 'https://example.org/'])", node.start_mark)
    names = [loader.construct_object(n) for n in items]
    *variables, default = names if len(names) > 1 else (*names, None)
    for name in variables:
        if isinstance(name, str) and name in os.environ:
            return os.environ[name]
    return default


for _loader in (_LineLoader, _FastLineLoader, _ConfigLoader, _FastConfigLoader):
    _loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
    _loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)
    _loader.add_constructor("tag:yaml.org,2002:timestamp", _construct_timestamp_as_text)
for _loader in (_ConfigLoader, _FastConfigLoader):
    _loader.add_constructor("!ENV", _construct_env)


def _construct_int(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
    """An integer, refused at its line when Python could not convert it (4,300 digits)."""
    if not isinstance(node, yaml.ScalarNode):
        raise yaml.constructor.ConstructorError(None, None, "!!int on a list or mapping "
                                                "(expected a number)", node.start_mark)
    if len(node.value) > MAX_DIGITS:
        raise yaml.constructor.ConstructorError(
            None, None, f"a number too long to read (expected at most {MAX_DIGITS:,} digits; "
            "quote it if it is text)", node.start_mark)
    return yaml.constructor.SafeConstructor.construct_yaml_int(loader, node)


for _loader in (_LineLoader, _FastLineLoader, _ConfigLoader, _FastConfigLoader):
    _loader.add_constructor("tag:yaml.org,2002:int", _construct_int)


MAX_DIGITS = 4_000
"""Digits in one number: Python converts at most 4,300 (``sys.get_int_max_str_digits``)."""

MAX_VALUES = 200_000
"""Values in one file once aliases are expanded: a few lines of YAML can otherwise stand
for billions of values (a "billion laughs" document) and stall every command."""
MAX_DEPTH = 50
"""How deeply lists and mappings may nest; content needs far less."""

# Parser complaints rephrased for people who write YAML by hand: what it means, what to do.
_HINTS = (
    ("found character '\\t'", ("a tab character; YAML indents with spaces (replace the tab "
     "with spaces)")),
    ("mapping values are not allowed here", ("a ': ' inside an unquoted value (put the whole "
     "value in quotes, e.g. summary: \"Cost: high\")")),
    ("expected <block end>", ("the indentation does not line up (check this line and the one "
     "above: the items of one list or mapping start in the same column)")),
    ("could not find expected ':'", ("a line that is not 'key: value' (check the indentation, "
     "and quote text that contains ': ' or starts with [, {, &, * or !)")),
    ("did not find expected key", ("a line that is not 'key: value' (check the indentation "
     "of this line and the one above)")),
    ("expected ',' or ']'", ("an unclosed '[' (close the list with ']', or quote the text if "
     "the '[' belongs to it)")),
    ("expected ',' or '}'", ("an unclosed '{' (close it with '}', or quote the text if the "
     "'{' belongs to it)")),
    ("found undefined alias", "an alias (*name) with no anchor (&name) before it"),
    ("could not determine a constructor for the tag", ("a tag such as !!python/object, which "
     "content may not use (remove it)")),
)


def _explain(problem: str) -> str:
    for needle, hint in _HINTS:
        if needle in problem:
            return f"{hint} (the parser says: {problem})"
    return problem


def parse_yaml(text: str, path: str, first_line: int = 1, config: bool = False) -> Any:
    """Parse YAML text safely; raise ``ContentError`` with the parser's own location.
    ``config``: the site's mkdocs.yml, where MkDocs' ``!ENV`` tag is allowed."""
    fast, pure = (_FastConfigLoader, _ConfigLoader) if config else (_FastLineLoader, _LineLoader)
    # Padding with newlines makes every mark a line of the whole file (front matter starts
    # below the opening '---').
    padded = "\n" * (first_line - 1) + text
    try:
        return _load_with(fast, padded, path)
    except (yaml.YAMLError, RecursionError):
        pass  # parse again below: the pure-Python parser explains mistakes better
    try:
        return _load_with(pure, padded, path)
    except yaml.MarkedYAMLError as exc:
        problem = exc.problem or exc.context or "invalid YAML"
        # An unclosed [ or { is found only where the parser gives up, often a line later:
        # point at the bracket that was never closed instead.
        unclosed = problem.startswith("expected ',' or") and exc.context_mark is not None
        mark = exc.context_mark if unclosed else (exc.problem_mark or exc.context_mark)
        line = (mark.line + 1) if mark else first_line
        lines = padded.splitlines()
        text_line = lines[line - 1] if 0 < line <= len(lines) else ""
        curly = any(q in text_line for q in "“”„«»「」")
        hint = (" (this line has typographic quotes, which YAML reads as ordinary text: "
                "quote the value with straight quotes \"…\")") if curly else ""
        raise ContentError(path, line, f"YAML syntax error: {_explain(problem)}{hint}") from None
    except yaml.reader.ReaderError as exc:
        line = padded.count("\n", 0, max(exc.position, 0)) + 1
        raise ContentError(path, line, "a character YAML does not allow (expected printable "
                           f"text, got #x{exc.character:04x})") from None
    except RecursionError:
        raise ContentError(path, first_line, f"lists or mappings nested too deeply (expected at "
                           f"most {MAX_DEPTH} levels)") from None

    except yaml.YAMLError as exc:  # pragma: no cover - any other parser complaint
        raise ContentError(path, first_line, f"YAML syntax error: {exc}") from None


# Where an anchor (&name) could start: at a line's start or after a space or a flow
# indicator. Text with none of these has no anchors, hence no aliases: its nodes form a tree.
_ANCHOR = re.compile(r"(?:^|[\s\[{,])&", re.MULTILINE)


def _load_with(loader_class: type, text: str, path: str) -> Any:
    loader = loader_class(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        if _ANCHOR.search(text) or not _tree_within_limits(node):
            _check_size(node, path)
        return loader.construct_document(node)
    finally:
        loader.dispose()


def _tree_within_limits(root: yaml.Node) -> bool:
    """Whether a document without aliases (a tree) has at most ``MAX_VALUES`` values and
    ``MAX_DEPTH`` levels: one cheap pass, the common case (``_check_size`` says where not)."""
    count, deepest = 0, 0
    stack: list[tuple[yaml.Node, int]] = [(root, 1)]
    while stack:
        node, depth = stack.pop()
        count += 1
        deepest = max(deepest, depth)
        if isinstance(node, yaml.MappingNode):
            stack.extend((n, depth + 1) for pair in node.value for n in pair)
        elif isinstance(node, yaml.SequenceNode):
            stack.extend((n, depth + 1) for n in node.value)
    return count <= MAX_VALUES and deepest <= MAX_DEPTH


def _check_size(root: yaml.Node, path: str) -> None:
    """Refuse a document whose aliases expand to too many values or that nests too deeply,
    measured on the composed node graph (shared by aliases) without expanding it."""
    size: dict[int, int] = {}
    depth: dict[int, int] = {}
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    while stack:
        node, done = stack.pop()
        key = id(node)
        if key in size:
            continue
        children = ([n for pair in node.value for n in pair] if isinstance(node, yaml.MappingNode)
                    else list(node.value) if isinstance(node, yaml.SequenceNode) else [])
        if not done:
            stack.append((node, True))
            stack.extend((child, False) for child in children if id(child) not in size)
            continue
        size[key] = 1 + sum(size.get(id(c), 1) for c in children)
        depth[key] = 1 + max((depth.get(id(c), 1) for c in children), default=0)
        if size[key] > MAX_VALUES:
            raise ContentError(path, node.start_mark.line + 1, "too many values once its aliases "
                               f"(*name) are expanded (expected at most {MAX_VALUES:,})")
        if depth[key] > MAX_DEPTH:
            raise ContentError(path, node.start_mark.line + 1, "lists or mappings nested too "
                               f"deeply (expected at most {MAX_DEPTH} levels)")
