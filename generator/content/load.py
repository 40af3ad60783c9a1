"""Stage 1: read ``content/`` into located YAML (``located_yaml``), one ``SourceFile`` each.

Reading never stops at the first mistake: every file that cannot be read becomes a
``ContentError`` in ``RawContent.errors`` and the rest is still read.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import ContentError
from .located_yaml import parse_yaml


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
