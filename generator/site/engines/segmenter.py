"""jieba, which segments Chinese for the search index, keeps its dictionary cache where only
this user can write it.

By default jieba reads ``jieba.cache`` from the shared temporary folder with ``marshal`` —
which Python documents as unsafe for data someone else may have written — and rewrites it
there; on a shared machine any user could plant one. The cache goes to this user's cache
folder instead (``$XDG_CACHE_HOME/mlpm-skills``, else ``~/.cache/mlpm-skills``, mode 0700).
"""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from pathlib import Path


def cache_folder() -> Path:
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "mlpm-skills"


def keep_cache_private() -> None:
    """Point jieba's cache at ``cache_folder()`` (a private temporary folder, removed at
    exit, if that cannot be made). Nothing happens without jieba."""
    try:
        import jieba
    except ImportError:
        return
    folder = cache_folder()
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError:
        folder = Path(tempfile.mkdtemp(prefix="mlpm-jieba-"))  # 0700, and ours to remove
        atexit.register(shutil.rmtree, folder, ignore_errors=True)
    jieba.dt.tmp_dir = str(folder)
