"""``build``: generate the pages, then build ``site/`` (replaced only on success)."""

from __future__ import annotations

import click

from ..content.load import keep_parses
from ..project import Project, project_lock
from ..site.build import Builds
from ..site.generate import generate
from ..site.write import WriteReport
from ._warnings import check_warnings


def run(project: Project, engine: str = "mkdocs", site: bool = True,
        strict: bool = False) -> None:
    # The warnings and the generator read the same files: each is parsed once (0.8 s at 10x).
    keep_parses()
    try:
        check_warnings(project, strict)
        with project_lock(project, lambda: click.echo("Waiting for another build of this "
                                                      "project to finish…", err=True)):
            _build(project, engine, site)
    finally:
        keep_parses(False)


def _build(project: Project, engine: str, site: bool) -> None:
    if not site:
        _report(project, generate(project))
        return
    # Each language's engine starts as soon as the generator has written it.
    with Builds(project, engine) as builds:
        _report(project, generate(project, ready=builds.start))
        out = builds.finish()
    click.echo(f"Built the site with {engine} into {out.relative_to(project.root)}/.")


def _report(project: Project, report: WriteReport) -> None:
    click.echo(f"Generated {project.generated_dir}/: {len(report.written)} written, "
               f"{report.unchanged} unchanged, {len(report.removed)} removed.")
