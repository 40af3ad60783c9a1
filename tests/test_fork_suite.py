"""A fork that replaces content/ and mkdocs.yml keeps the test suite green with no edits to
tests/: every test marked `content` (the only ones that read the repository's content or
mkdocs.yml; the guard in tests/conftest.py fails any other that does) runs here on an
unrelated framework, in a copy of the working tree."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import FIXTURES, REPO, copy_checkout, reads_repository_content

FORK_RUN = "MLPM_FORK_RUN"


@pytest.mark.skipif(os.environ.get(FORK_RUN) == "1", reason="this is the fork run itself")
def test_the_content_tests_pass_on_an_unrelated_framework(tmp_path: Path) -> None:
    fork = copy_checkout(tmp_path / "fork")
    shutil.copytree(FIXTURES / "data-engineering" / "content", fork / "content",
                    dirs_exist_ok=True)
    shutil.copy(FIXTURES / "data-engineering" / "mkdocs.yml", fork / "mkdocs.yml")
    env = {**os.environ, FORK_RUN: "1", "PYTHONPATH": str(fork)}
    proc = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
                           "-m", "content", "-o", "addopts=-ra"], cwd=fork, env=env,
                          capture_output=True, text=True, check=False, timeout=1200)
    summary = proc.stdout[-4000:]
    assert proc.returncode == 0, summary + proc.stderr[-2000:]
    assert " passed" in summary and "deselected" in summary


def test_the_guard_knows_what_reads_the_content() -> None:
    here = str(REPO)
    assert reads_repository_content("open", ("content/roles.yml", "r", 0), here)
    assert reads_repository_content("open", (str(REPO / "mkdocs.yml"), "r", 0), "/")
    assert reads_repository_content("os.scandir", (str(REPO / "content/skills"),), "/")
    assert not reads_repository_content("open", ("tests/fixtures/minimal/mkdocs.yml", "r", 0),
                                        here)
    assert not reads_repository_content("open", (3, "r", 0), here)  # a file descriptor
    assert not reads_repository_content("open", ("content/LICENSE.md", "r", 0), here)
    generator = [sys.executable, "-m", "generator", "build"]
    assert reads_repository_content("subprocess.Popen", (None, generator, here, None), "/")
    assert reads_repository_content("subprocess.Popen",
                                    (None, [*generator, "--root", here], "/tmp", None), "/")
    assert not reads_repository_content("subprocess.Popen",
                                        (None, [*generator, "--root", "/tmp/p"], here, None), "/")
    assert not reads_repository_content("subprocess.Popen", (None, ["node", "-e", "1"], here,
                                                             None), "/")
    ruff = [sys.executable, "-m", "ruff", "check", "generator", "tests"]
    assert not reads_repository_content("subprocess.Popen", (None, ruff, here, None), "/")
