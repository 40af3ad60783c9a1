"""Where a project's files are, and the stages every command runs on them, timed."""

from __future__ import annotations

import time
from collections.abc import Callable
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
    site_url: str | None = None

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
