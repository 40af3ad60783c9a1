"""Stage 4: put rendered files on disk, touching only what changed.

Unchanged files keep their modification time, so ``mkdocs serve`` only rebuilds
what the edit affected; files that are no longer generated are removed.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class WriteReport:
    """What a write did: paths written, removed and left alone."""

    written: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    unchanged: int = 0


def _atomic_write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)


def write_tree(out_dir: Path, files: dict[str, bytes]) -> WriteReport:
    """Make ``out_dir`` hold exactly ``files``; write only files whose bytes differ."""
    report = WriteReport()
    for rel, data in files.items():
        target = out_dir / rel
        try:
            if target.read_bytes() == data:
                report.unchanged += 1
                continue
        except (FileNotFoundError, IsADirectoryError, NotADirectoryError):
            pass
        _atomic_write(target, data)
        report.written.append(rel)
    if out_dir.is_dir():
        for existing in sorted(out_dir.rglob("*")):
            rel = existing.relative_to(out_dir).as_posix()
            if existing.is_file() and rel not in files:
                existing.unlink()
                report.removed.append(rel)
        for folder in sorted((p for p in out_dir.rglob("*") if p.is_dir()), reverse=True):
            if not any(folder.iterdir()):
                folder.rmdir()
    return report
