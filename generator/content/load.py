"""Stage 1: read ``content/`` into located YAML (``located_yaml``), one ``SourceFile`` each.

Reading never stops at the first mistake: every file that cannot be read becomes a
``ContentError`` in ``RawContent.errors`` and the rest is still read.
"""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import ContentError
from .located_yaml import parse_yaml

MAX_FILE_BYTES = 2_000_000
"""A content file larger than this is refused, not read (a link to /dev/zero, a dump)."""
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
RESERVED = {"index"}
"""Names that would replace a generated page (``roles/index.md``, ``guides/index.md``)."""

_PARSED: dict[tuple[str, int, str], Any] | None = None
"""Parsed files by (path, first line, text) while ``keep_parses`` is on, else None."""


def keep_parses(on: bool = True) -> None:
    """For a long-running process that reloads the content after every edit (``serve``):
    parse only files whose text changed; the others give the same parsed tree as before.
    Safe because nothing modifies a parsed tree (a fork's layer is merged into a new one)."""
    global _PARSED
    _PARSED = {} if on else None


def _parse(text: str, rel: str, first_line: int = 1) -> Any:
    if _PARSED is None:
        return parse_yaml(text, rel, first_line=first_line)
    key = (rel, first_line, text)
    if key not in _PARSED:  # a mistake raises and is not kept: it is reported every time
        for old in [k for k in _PARSED if k[0] == rel]:
            del _PARSED[old]
        _PARSED[key] = parse_yaml(text, rel, first_line=first_line)
    return _PARSED[key]


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
    # Skill files that could not be read: their ids (the file names) still count as known,
    # so one broken file does not also make every reference to it look dangling.
    unreadable_skills: list[str] = field(default_factory=list)
    unreadable: set[str] = field(default_factory=set)  # e.g. "sources" when sources.yml broke
    layer: Any = None  # a fork's layer (layers.Layer) when the project has a fork/ folder
    strings: list[SourceFile] = field(default_factory=list)  # content/strings/<code>.yml
    # For a translation's copy (i18n.apply.translate): the framework's own language, whose
    # strings file is still one the project uses.
    source_language: str | None = None


REQUIRED_FILES = ("framework", "roles")
OPTIONAL_FILES = ("resources", "glossary", "sources")  # a fork (or an imported ladder) may
# have no reading list, glossary or source articles yet


def read_text(file: Path, rel: str, root: Path | None = None) -> str:
    """A content file's text, refusing what is not a plain, reasonably sized file inside the
    project: a folder, a device, a link that leads outside or nowhere, a huge file."""
    try:
        # The whole path, not only its last part: a linked folder (content/skills -> /etc)
        # leads out as surely as a linked file.
        if root is not None and not file.resolve(strict=True).is_relative_to(root.resolve()):
            raise ContentError(rel, 0, "a link to a file outside the project (expected a "
                               "file in the project; links out of it are not followed)")
        info = file.stat()
    except (RuntimeError, OSError):  # dangling, a loop (RuntimeError), or unreadable
        raise ContentError(rel, 0, "a link that leads nowhere or in a loop (expected a file)"
                           ) from None
    if stat.S_ISDIR(info.st_mode):
        raise ContentError(rel, 0, "a folder where a file was expected (expected a .yml or .md "
                           "file)")
    if not stat.S_ISREG(info.st_mode):
        raise ContentError(rel, 0, "not a regular file (expected a .yml or .md file)")
    if info.st_size > MAX_FILE_BYTES:
        raise ContentError(rel, 0, f"too large to be content (expected at most "
                           f"{MAX_FILE_BYTES // 1_000_000} MB, got {info.st_size:,} bytes)")
    try:
        with open(file, "rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise ContentError(rel, 0, f"cannot be read ({exc.strerror})") from None
    try:
        # utf-8-sig: a byte-order mark (some Windows editors add one) is not content.
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise ContentError(rel, line, f"the file is not UTF-8 text ({exc.reason}); save it as "
                           "UTF-8") from None


def read_yaml_file(file: Path, root: Path) -> SourceFile:
    rel = file.relative_to(root).as_posix()
    return SourceFile(rel, _parse(read_text(file, rel, root), rel))


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
    slug = file.name.removesuffix(".md")
    if not SLUG.match(slug) or slug in RESERVED:
        raise ContentError(rel, 0, "a guide's file name becomes its address (expected lowercase "
                           "words joined by hyphens, like 'getting-started.md', and not "
                           f"'index.md'; got {file.name!r})")
    meta_text, meta_line, body, body_line = split_front_matter(read_text(file, rel, root), rel)
    data = _parse(meta_text, rel, first_line=meta_line)
    return SourceFile(rel, data, body=body, body_line=body_line)


def load_content(root: Path, content_dir: str = "content") -> RawContent:
    """Read every content file under ``root/content_dir``; collect read errors instead of raising."""
    base = root / content_dir
    raw = RawContent()
    if not base.is_dir():
        raw.errors.append(ContentError(content_dir, 0, "the content folder does not exist "
                                       f"(expected a folder at {base})"))
        return raw

    def attempt(reader: Callable[[Path, Path], SourceFile], file: Path) -> SourceFile | None:
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
        if getattr(raw, name) is None:
            raw.unreadable.add(name)
    for file in _listed(base / "skills", (".yml", ".yaml")):
        loaded = attempt(read_yaml_file, file)
        if loaded:
            raw.skills.append(loaded)
        else:
            raw.unreadable_skills.append(file.name.rsplit(".", 1)[0])
    for file in _listed(base / "guides", (".md",)):
        loaded = attempt(read_guide, file)
        if loaded:
            raw.guides.append(loaded)
    for file in _listed(base / "strings", (".yml", ".yaml")):
        loaded = attempt(read_yaml_file, file)
        if loaded:
            raw.strings.append(loaded)
    from .layers import apply_layer  # here: layers reads files with this module's readers
    apply_layer(raw, root, read_yaml_file, read_guide, _listed, content_dir)
    return raw


def _listed(folder: Path, suffixes: tuple[str, ...]) -> list[Path]:
    """The content files in a folder, in name order. Hidden names (``.draft.md``, an
    editor's ``.#lock`` file) and editors' backups (``#x.md#``, ``x.md~``) are not content."""
    try:
        names = sorted(os.listdir(folder))
    except (FileNotFoundError, NotADirectoryError):
        return []
    return [folder / name for name in names if name.endswith(suffixes)
            and not name.startswith((".", "#")) and not name.endswith("~")]
