"""``serve``: MkDocs' dev server on the generated pages, regenerated on every content edit.

MkDocs watches the generated folder and reloads the browser; this command watches
what MkDocs cannot see (content/, mkdocs.yml and the generator's own templates)
and regenerates, writing only the files that changed.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import click
from watchfiles import watch

from ..errors import GeneratorError
from ..pipeline import Project, generate

PACKAGE_DIR = Path(__file__).resolve().parent.parent


def regenerate(project: Project) -> bool:
    """Regenerate; on a content mistake print it and keep serving the last good pages."""
    try:
        report = generate(project)
    except GeneratorError as error:
        click.echo(error.format_message(), err=True)
        return False
    if report.written or report.removed:
        click.echo(f"Regenerated {len(report.written)} file(s), removed {len(report.removed)}.")
    return True


def watched_paths(project: Project) -> list[Path]:
    paths = [project.root / project.content_dir, project.root / project.config_file]
    paths += [PACKAGE_DIR / name for name in ("templates", "assets", "theme", "strings")]
    return [p for p in paths if p.exists()]


def run(project: Project, dev_addr: str) -> None:
    generate(project)  # the first generation must succeed: there is nothing to serve otherwise
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--livereload", "-f",
         str(project.generated / "mkdocs.yml"), "-a", dev_addr],
        cwd=project.root, env=env)
    click.echo(f"Serving on http://{dev_addr}/ — edit content/ and the page reloads. Ctrl-C stops.")
    try:
        for _changes in watch(*watched_paths(project), raise_interrupt=False,
                              stop_event=None, debounce=150):
            if server.poll() is not None:
                raise GeneratorError("the MkDocs server stopped unexpectedly")
            regenerate(project)
    finally:
        server.terminate()
        try:
            server.wait(timeout=5)
        except subprocess.TimeoutExpired:
            server.kill()
