"""The generator's pipeline: load → validate → render → write, in two phases.

Phase one (load, validate, render) builds everything in memory and stops with
every content mistake listed; phase two (write) only runs when phase one succeeded.
"""

from __future__ import annotations

from ..project import Project, StageTimes, load_and_validate
from .config import load_site_config
from .render import render_site
from .write import WriteReport, write_tree


def generate(project: Project, times: StageTimes | None = None) -> WriteReport:
    """Validate all content, render every file, then write the ones that changed."""
    times = times or StageTimes()
    config = load_site_config(project)
    content = load_and_validate(project, times)
    files = times.run("render", render_site, content, config)
    return times.run("write", write_tree, project.generated, files, True)
