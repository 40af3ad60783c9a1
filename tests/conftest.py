"""Shared fixtures: throwaway copies of small projects, and running the CLI as a user would."""

from __future__ import annotations

import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@dataclass
class Run:
    code: int
    out: str
    err: str


def run_cli(*args: str, cwd: Path) -> Run:
    """Run ``python -m generator`` in a subprocess, exactly as a user would."""
    proc = subprocess.run([sys.executable, "-m", "generator", *args], cwd=cwd,
                          capture_output=True, text=True, check=False)
    return Run(proc.returncode, proc.stdout, proc.stderr)


def copy_project(src: Path, dest: Path) -> Path:
    """Copy a project's mkdocs.yml and content/ (nothing generated) into ``dest``."""
    dest.mkdir(parents=True, exist_ok=True)
    shutil.copy(src / "mkdocs.yml", dest / "mkdocs.yml")
    shutil.copytree(src / "content", dest / "content")
    return dest


@pytest.fixture
def minimal(tmp_path: Path) -> Path:
    """A fresh copy of the smallest valid project."""
    return copy_project(FIXTURES / "minimal", tmp_path / "project")


@pytest.fixture
def shipped(tmp_path: Path) -> Path:
    """A fresh copy of the shipped content and mkdocs.yml."""
    return copy_project(REPO, tmp_path / "shipped")


def run_module(script: str, stdin: str = "") -> str:
    """Run an inline ES module in Node from the repository root (so it can import the
    browser's modules as the browser does); its stdout."""
    node = subprocess.run(["node", "--input-type=module", "-e", script], cwd=REPO, input=stdin,
                          capture_output=True, text=True, check=True)
    return node.stdout
