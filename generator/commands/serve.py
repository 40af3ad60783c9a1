"""``serve``: the engine's dev server on the generated pages, regenerated on every edit.

The engine (MkDocs by default) watches the generated folder and reloads the browser;
this command watches what it cannot see (content/, mkdocs.yml and the generator's own
templates) and regenerates, writing only the files that changed.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
from pathlib import Path

import click
from watchfiles import watch

from ..errors import GeneratorError
from ..project import Project, project_lock
from ..site.engines import ENGINES
from ..site.generate import generate

PACKAGE_DIR = Path(__file__).resolve().parent.parent


def regenerate(project: Project, dirty_serve: bool = False, language: str = "") -> bool:
    """Regenerate; on a content mistake print it and keep serving the last good pages."""
    try:
        with project_lock(project):
            report = generate(project, only=(language,))
    except GeneratorError as error:
        click.echo(error.format_message(), err=True)
        return False
    if report.written or report.removed:
        click.echo(f"Regenerated {len(report.written)} file(s), removed {len(report.removed)}.")
    if dirty_serve and shared_changed(report.written + report.removed, language):
        touch_pages(project.generated / _folder(language) / "docs")
    return True


def _folder(language: str) -> str:
    """Where a served language's project is in ``generated/``: the source's at the top."""
    return f"{language}/" if language else ""


def shared_changed(paths: list[str], language: str = "") -> bool:
    """Whether a change reaches every page: anything outside ``docs/`` (the config with the
    navigation and the glossary, the theme overrides; adding, removing or renaming a page
    changes the navigation, so it counts too). A changed page or asset re-renders itself."""
    docs = f"{_folder(language)}docs/"
    return any(not path.startswith(docs) for path in paths)


def touch_pages(docs: Path) -> None:
    """Mark every page as changed, so a dirty-rebuilding server re-renders them all."""
    for page in docs.rglob("*.md"):
        os.utime(page)


def watched_paths(project: Project) -> list[Path]:
    paths = [project.root / project.content_dir, project.root / project.config_file,
             project.root / "fork"]  # a fork's layer (content/layers.py)
    paths += [PACKAGE_DIR / name for name in ("templates", "assets", "theme", "strings")]
    return [p for p in paths if p.exists()]


def _exit_on_signal(signum: int, _frame: object) -> None:
    raise SystemExit(128 + signum)


def check_port(dev_addr: str) -> None:
    """A clear message, not a traceback and a hang, when the address is taken."""
    host, _, port = dev_addr.rpartition(":")
    if not port.isdigit() or not host:
        raise GeneratorError(f"not an address to serve on (expected HOST:PORT such as "
                             f"127.0.0.1:8000, got {dev_addr!r})")
    with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as probe:
        try:
            probe.bind((host.strip("[]"), int(port)))
        except OSError as exc:
            raise GeneratorError(f"cannot serve on {dev_addr}: {exc.strerror or exc} (expected a "
                                 f"free port; try `make serve PORT={int(port) + 1}` or "
                                 f"--dev-addr {host}:{int(port) + 1})") from None


def run(project: Project, dev_addr: str, engine: str = "mkdocs", language: str = "") -> None:
    """Serve one language (``language``, default the source): only its pages are
    regenerated on each edit, at ``/`` for the source and ``/<code>/`` for a translation."""
    check_port(dev_addr)
    # Serve at the root of the dev address, whatever path the published site_url has.
    project.site_url = f"http://{dev_addr}/"
    with project_lock(project):
        # The first generation must succeed: nothing to serve otherwise.
        generate(project, only=(language,))
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    server_engine = ENGINES[engine]
    folder = _folder(language)
    config = server_engine.config(project, server_engine.new_site_dir(project, folder), folder)
    server = subprocess.Popen(server_engine.serve_command(config, dev_addr), cwd=project.root,
                              env=env)
    # On SIGTERM, unwind through `finally` so the MkDocs server is never left orphaned.
    signal.signal(signal.SIGTERM, _exit_on_signal)
    click.echo(f"Serving on http://{dev_addr}/{folder} — edit content/ and the page reloads. "
               "Ctrl-C stops.")
    try:
        for _changes in watch(*watched_paths(project), raise_interrupt=False,
                              stop_event=None, debounce=50):
            if server.poll() is not None:
                raise GeneratorError(f"the {engine} server stopped unexpectedly")
            regenerate(project, server_engine.dirty_serve, language)
    finally:
        server.terminate()
        try:
            server.wait(timeout=5)
        except subprocess.TimeoutExpired:
            server.kill()
