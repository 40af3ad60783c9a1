"""Where a project's files are, and the stages every command runs on them, timed."""

from __future__ import annotations

import fcntl
import os
import subprocess
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

GENERATED_DIR = "generated"
T = TypeVar("T")


@dataclass
class Project:
    """Where a project's files are: its root, content folder and generated folder."""

    root: Path
    content_dir: str = "content"
    config_file: str = "mkdocs.yml"
    generated_dir: str = GENERATED_DIR
    # Published addresses, when an option or the environment gives them (see ``from_env``):
    # they replace mkdocs.yml's, so a fork's CI publishes correct links with no edits.
    site_url: str | None = None
    repo_url: str | None = None
    edit_uri: str | None = None

    def with_environment(self) -> Project:
        """Fill the addresses no option gave from ``MLPM_SITE_URL``, ``MLPM_REPO_URL`` and
        ``MLPM_EDIT_URI`` (the GitHub Pages workflow sets them from the repository)."""
        for name in ("site_url", "repo_url", "edit_uri"):
            if getattr(self, name) is None:
                setattr(self, name, os.environ.get(f"MLPM_{name.upper()}") or None)
        return self

    def overrides(self) -> dict[str, str]:
        """The mkdocs.yml settings this project's options or environment replace."""
        return {name: value for name in ("site_url", "repo_url", "edit_uri")
                if (value := getattr(self, name))}

    @property
    def generated(self) -> Path:
        return self.root / self.generated_dir

    @property
    def site(self) -> Path:
        return self.root / "site"


@dataclass
class StageTimes:
    """Seconds spent in each stage, for the benchmark."""

    seconds: dict[str, float] = field(default_factory=dict)

    def run(self, name: str, func: Callable[..., T], *args: Any) -> T:
        start = time.perf_counter()
        result = func(*args)
        self.seconds[name] = time.perf_counter() - start
        return result


def load_and_validate(project: Project, times: StageTimes | None = None) -> Any:
    """Phase one up to a validated ``content.model.Content``; ``ContentInvalid`` lists every
    mistake."""
    from .content.load import load_content
    from .content.validate import validate

    times = times or StageTimes()
    raw = times.run("load", load_content, project.root, project.content_dir)
    return times.run("validate", validate, raw)


LOCK_FILE = ".mlpm.lock"


@contextmanager
def project_lock(project: Project, waiting: Callable[[], None] | None = None) -> Iterator[None]:
    """One build (or regeneration) of a project at a time: a second one waits for the first,
    so two builds never share generated/, .site.new or .site.old. ``waiting`` is called once
    if the lock is held elsewhere."""
    path = project.root / LOCK_FILE
    with open(path, "a+b") as handle:  # created if missing; never truncated
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            if waiting:
                waiting()
            fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def source_date_epoch(project: Project) -> str | None:
    """``SOURCE_DATE_EPOCH`` for a reproducible build: the environment's, else the time of
    the project's last commit, else None (then the engine uses the clock)."""
    if os.environ.get("SOURCE_DATE_EPOCH"):
        return os.environ["SOURCE_DATE_EPOCH"]
    try:
        proc = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=project.root,
                              capture_output=True, text=True, check=False, timeout=10)
    except (OSError, subprocess.TimeoutExpired):
        return None
    stamp = proc.stdout.strip()
    return stamp if proc.returncode == 0 and stamp.isdigit() else None
