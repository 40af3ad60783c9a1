"""Stage 4: put rendered files on disk, touching only what changed.

Unchanged files keep their modification time, so ``mkdocs serve`` only rebuilds
what the edit affected. Only a folder the generator owns (``generated/``) is pruned of
files it no longer generates; anywhere else (``schema -o``, ``init``) files are only
written, never removed. Every file is written atomically under a unique temporary name,
so a crash or a second process never leaves half a file.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ..files import atomic_write


@dataclass
class WriteReport:
    """What a write did: paths written, removed and left alone."""

    written: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    unchanged: int = 0


def write_tree(out_dir: Path, files: dict[str, bytes], prune: bool = False,
               scope: Callable[[str], bool] | None = None) -> WriteReport:
    """Write ``files`` into ``out_dir``, only those whose bytes differ. With ``prune`` (only
    for a folder the generator owns) also remove the files it no longer generates — those
    ``scope`` accepts, when given (one language's part of ``generated/``) — leaving hidden
    entries such as an engine's ``.site.new`` alone."""
    report = WriteReport()
    for rel, data in files.items():
        target = out_dir / rel
        try:
            if target.read_bytes() == data:
                report.unchanged += 1
                continue
        except (FileNotFoundError, IsADirectoryError, NotADirectoryError):
            pass
        atomic_write(target, data)
        report.written.append(rel)
    if prune:
        report.removed += prune_tree(out_dir, set(files), scope)
    return report


def prune_tree(out_dir: Path, keep: set[str],
               scope: Callable[[str], bool] | None = None) -> list[str]:
    """Remove from a generator-owned folder the files not in ``keep`` (within ``scope``),
    hidden entries excepted, then the folders left empty; the removed paths."""
    removed: list[str] = []
    if not out_dir.is_dir():
        return removed
    for existing in sorted(out_dir.rglob("*")):
        rel = existing.relative_to(out_dir).as_posix()
        if existing.is_file() and rel not in keep and not rel.startswith(".") \
                and (scope is None or scope(rel)):
            existing.unlink()
            removed.append(rel)
    for folder in sorted((p for p in out_dir.rglob("*") if p.is_dir()), reverse=True):
        if not any(folder.iterdir()):
            folder.rmdir()
    return removed
