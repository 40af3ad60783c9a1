"""Writing files safely: whole or not at all, and as readable as the umask allows."""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path

from .errors import GeneratorError


def atomic_write(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` in one step: readers see the old file or the new one.
    A place that cannot be written (a file where a folder should be, no permission, a full
    disk) is a ``GeneratorError`` naming it, not a traceback."""
    try:
        _replace(path, data)
    except OSError as exc:
        blocked = next((p for p in (path.parent, *path.parent.parents)
                        if p.exists() and not p.is_dir()), None)
        reason = f"{blocked} is a file, not a folder" if blocked else exc.strerror or str(exc)
        raise GeneratorError(f"{path}: cannot be written ({reason}; expected a file in a "
                             "folder you can write to)") from None


def _replace(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    # mkstemp makes the file private (0600); a written file should be as readable as one
    # that open() creates.
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(temp, 0o666 & ~umask)
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(data)
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)  # our own temporary file, never the target
        raise


def existing_text(path: Path, limit: int = 5_000_000) -> str | None:
    """The text of a file an earlier run may have written, to tell whether it is ours before
    replacing it: None when there is nothing there; "" for what is not a regular file of at
    most ``limit`` bytes (a folder, a FIFO that would block the read, a device, a link to
    /dev/zero), so it never passes for ours."""
    try:
        info = path.stat()
    except (FileNotFoundError, NotADirectoryError):  # nothing there (or a file on the way)
        return None if not path.is_symlink() else ""
    except OSError:
        return ""
    if not stat.S_ISREG(info.st_mode) or info.st_size > limit:
        return ""
    try:
        return path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return ""
