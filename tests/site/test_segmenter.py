"""jieba's dictionary cache is kept in this user's cache folder, never in the shared
temporary folder, where any user could plant the file jieba loads with ``marshal``."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

from tests.conftest import FIXTURES, REPO, copy_project


def test_a_chinese_build_keeps_jiebas_cache_private(tmp_path: Path) -> None:
    project = copy_project(FIXTURES / "trilingual", tmp_path / "project")
    shared_tmp, cache = tmp_path / "tmp", tmp_path / "cache"
    shared_tmp.mkdir()
    env = {**os.environ, "TMPDIR": str(shared_tmp), "XDG_CACHE_HOME": str(cache),
           "PYTHONPATH": str(REPO)}
    proc = subprocess.run([sys.executable, "-m", "generator", "build", "--root", str(project)],
                          env=env, capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stderr
    index = json.loads((project / "site/zh/search/search_index.json").read_text("utf-8"))
    titles = [doc["title"] for doc in index["docs"]]
    assert any("\u200b" in title for title in titles)  # jieba segmented the Chinese
    assert not any(p.name.startswith("jieba") for p in shared_tmp.rglob("*"))
    folder = cache / "mlpm-skills"
    assert (folder / "jieba.cache").is_file()
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
