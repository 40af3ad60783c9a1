"""The code base stays clean: the suite fails on a lint or type error, as CI would."""

from __future__ import annotations

import ast
import subprocess
import sys

from tests.conftest import REPO

MAX_MODULE_LINES = 300
"""A module longer than this does more than one job: split it by concern."""


def test_ruff_finds_nothing() -> None:
    proc = subprocess.run([sys.executable, "-m", "ruff", "check", "generator", "tests"],
                          cwd=REPO, capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_mypy_finds_nothing() -> None:
    # Settings in pyproject.toml ([tool.mypy]): the whole generator package.
    proc = subprocess.run([sys.executable, "-m", "mypy"], cwd=REPO, capture_output=True,
                          text=True, check=False)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_no_module_is_over_300_lines() -> None:
    long = {str(p.relative_to(REPO)): n for p in sorted((REPO / "generator").rglob("*.py"))
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_MODULE_LINES}
    assert not long, f"split these by concern: {long}"


def test_every_module_says_what_it_is_for() -> None:
    missing = [str(p.relative_to(REPO)) for p in sorted((REPO / "generator").rglob("*.py"))
               if not ast.get_docstring(ast.parse(p.read_text(encoding="utf-8")))]
    assert not missing, f"add a module docstring (one job, and why) to: {missing}"
