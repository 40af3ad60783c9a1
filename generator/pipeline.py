"""The generator's pipeline: load → validate → render → write, in two phases.

Phase one (load, validate, render) builds everything in memory and stops with
every content mistake listed; phase two (write) only runs when phase one succeeded.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import model as m
from .errors import ContentError, ContentInvalid
from .load import load_content, parse_yaml
from .render import render_site
from .validate import validate
from .write import WriteReport, write_tree

GENERATED_DIR = "generated"


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

    def run(self, name: str, func, *args: Any):
        start = time.perf_counter()
        result = func(*args)
        self.seconds[name] = time.perf_counter() - start
        return result


def load_site_config(project: Project) -> dict[str, Any]:
    """Read the fork's ``mkdocs.yml`` safely (no Python tags), reporting mistakes with lines."""
    path = project.root / project.config_file
    if not path.exists():
        raise ContentInvalid([ContentError(project.config_file, 0, "required file is missing")])
    data = parse_yaml(path.read_text(encoding="utf-8"), project.config_file)
    if not isinstance(data, dict):
        raise ContentInvalid([ContentError(project.config_file, 1,
                                           "expected a mapping of MkDocs settings")])
    config = _plain(data)
    if project.site_url:
        config["site_url"] = project.site_url
    return config


def _plain(data: Any) -> Any:
    """Located containers → plain dicts and lists, so yaml.safe_dump can write them."""
    if isinstance(data, dict):
        return {k: _plain(v) for k, v in data.items()}
    if isinstance(data, list):
        return [_plain(v) for v in data]
    return data


def load_and_validate(project: Project, times: StageTimes | None = None) -> m.Content:
    """Phase one up to a validated model; raises ``ContentInvalid`` listing every mistake."""
    times = times or StageTimes()
    raw = times.run("load", load_content, project.root, project.content_dir)
    return times.run("validate", validate, raw)


def generate(project: Project, times: StageTimes | None = None) -> WriteReport:
    """Validate all content, render every file, then write the ones that changed."""
    times = times or StageTimes()
    config = load_site_config(project)
    content = load_and_validate(project, times)
    files = times.run("render", render_site, content, config)
    return times.run("write", write_tree, project.generated, files)
