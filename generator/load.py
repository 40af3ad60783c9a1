"""Stage 1: read ``content/`` into plain Python data that remembers YAML line numbers.

Only PyYAML's *safe* constructors are used (no arbitrary tags). Every mapping and
sequence comes back as a ``Located`` container that knows the line of each key
or item, so later stages can report ``path:line`` for any value.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .errors import ContentError


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


@dataclass
class SourceFile:
    """One content file as loaded: its path (relative to the project) and its data."""

    path: str
    data: Any
    body: str = ""
    body_line: int = 0


@dataclass
class RawContent:
    """Everything read from ``content/`` before validation, plus the read errors."""

    framework: SourceFile | None = None
    skills: list[SourceFile] = field(default_factory=list)
    roles: SourceFile | None = None
    resources: SourceFile | None = None
    glossary: SourceFile | None = None
    sources: SourceFile | None = None
    guides: list[SourceFile] = field(default_factory=list)
    errors: list[ContentError] = field(default_factory=list)


REQUIRED_FILES = ("framework", "roles", "resources")
OPTIONAL_FILES = ("glossary", "sources")  # a fork may have no glossary and no source articles


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


def _read_text(file: Path, rel: str) -> str:
    try:
        return file.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise ContentError(rel, 1, f"the file is not UTF-8 text ({exc.reason})") from None


def read_yaml_file(file: Path, root: Path) -> SourceFile:
    rel = file.relative_to(root).as_posix()
    return SourceFile(rel, parse_yaml(_read_text(file, rel), rel))


def split_front_matter(text: str, rel: str) -> tuple[str, int, str, int]:
    """Split ``---`` front matter from a Markdown body.

    Returns (front-matter text, its first line, body, the body's first line).
    """
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].rstrip() != "---":
        raise ContentError(rel, 1, "a guide must start with YAML front matter (expected '---', "
                           f"got {lines[0].rstrip()[:40]!r})" if lines else
                           "a guide must start with YAML front matter (expected '---', got an empty file)")
    for index in range(1, len(lines)):
        if lines[index].rstrip() == "---":
            return "".join(lines[1:index]), 2, "".join(lines[index + 1 :]), index + 2
    raise ContentError(rel, 1, "the front matter is never closed (expected a second '---' line)")


def read_guide(file: Path, root: Path) -> SourceFile:
    rel = file.relative_to(root).as_posix()
    meta_text, meta_line, body, body_line = split_front_matter(_read_text(file, rel), rel)
    data = parse_yaml(meta_text, rel, first_line=meta_line)
    return SourceFile(rel, data, body=body, body_line=body_line)


def load_content(root: Path, content_dir: str = "content") -> RawContent:
    """Read every content file under ``root/content_dir``; collect read errors instead of raising."""
    base = root / content_dir
    raw = RawContent()
    if not base.is_dir():
        raw.errors.append(ContentError(content_dir, 0, "the content folder does not exist "
                                       f"(expected a folder at {base})"))
        return raw

    def attempt(reader, file: Path) -> SourceFile | None:
        try:
            return reader(file, root)
        except ContentError as error:
            raw.errors.append(error)
            return None

    for name in REQUIRED_FILES + OPTIONAL_FILES:
        file = base / f"{name}.yml"
        if not file.exists() and name in OPTIONAL_FILES:
            continue
        if not file.exists():
            raw.errors.append(ContentError(f"{content_dir}/{name}.yml", 0,
                                           "required file is missing"))
            continue
        setattr(raw, name, attempt(read_yaml_file, file))
    for file in sorted((base / "skills").glob("*.y*ml")):
        loaded = attempt(read_yaml_file, file)
        if loaded:
            raw.skills.append(loaded)
    for file in sorted((base / "guides").glob("*.md")):
        loaded = attempt(read_guide, file)
        if loaded:
            raw.guides.append(loaded)
    return raw
