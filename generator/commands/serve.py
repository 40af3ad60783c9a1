"""``serve``: the engine's dev server on the generated pages, regenerated on every edit.

This command watches what the engine cannot see (content/, mkdocs.yml and the generator's
own templates) and regenerates, writing only the files that changed. MkDocs (the default)
then rebuilds in this same, warm process (``engines/mkdocs.WarmServer``): a full build when
something every page shows changed, otherwise only the pages that changed. An engine
without an in-process server (Zensical) runs its own dev server, which watches the
generated folder.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import click
from watchfiles import watch

from ..content.load import keep_parses
from ..errors import GeneratorError
from ..project import Project, project_lock
from ..site.engines import ENGINES
from ..site.generate import generate

PACKAGE_DIR = Path(__file__).resolve().parent.parent


def regenerate(project: Project, dirty_serve: bool = False, language: str = "") -> bool:
    """Regenerate; on a content mistake print it and keep serving the last good pages."""
    changed = regenerate_changes(project, language)
    if changed is None:
        return False
    if dirty_serve and shared_changed(changed, language):
        touch_pages(project.generated / _folder(language) / "docs")
    return True


def regenerate_changes(project: Project, language: str = "") -> list[str] | None:
    """Regenerate the served language (``""``: the source); the generated paths written or
    removed, or None (and the mistake printed) when the content is invalid."""
    try:
        with project_lock(project):
            report = generate(project, only=(language,))
    except GeneratorError as error:
        click.echo(error.format_message(), err=True)
        return None
    if report.written or report.removed:
        click.echo(f"Regenerated {len(report.written)} file(s), removed {len(report.removed)}.")
    return report.written + report.removed


def rebuild_kind(project: Project, language: str = "") -> bool | None:
    """For an in-process server: regenerate, then None (content mistake: rebuild nothing),
    True (a full build: every page shows what changed) or False (only the changed pages)."""
    changed = regenerate_changes(project, language)
    return None if changed is None else shared_changed(changed, language)


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
    # Once: `make serve` stopped with SIGTERM forwards a second SIGTERM to us, and a second
    # SystemExit raised inside the `finally` that stops the server would leave its thread
    # serving and the process hanging.
    signal.signal(signum, signal.SIG_IGN)
    raise SystemExit(128 + signum)


def check_port(dev_addr: str) -> None:
    """A clear message, not a traceback and a hang, when the address is taken."""
    host, _, port = dev_addr.rpartition(":")
    if not port.isdigit() or not host:
        raise GeneratorError(f"not an address to serve on (expected HOST:PORT such as "
                             f"127.0.0.1:8000, got {dev_addr!r})")
    with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as probe:
        # As the server binds (SO_REUSEADDR): a port whose last connections are still in
        # TIME_WAIT — for a minute after the previous `serve` stopped — is free to serve on;
        # one with a listener is not.
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host.strip("[]"), int(port)))
        except OSError as exc:
            raise GeneratorError(f"cannot serve on {dev_addr}: {exc.strerror or exc} (expected a "
                                 f"free port; try `make serve PORT={int(port) + 1}` or "
                                 f"--dev-addr {host}:{int(port) + 1})") from None


def changes(project: Project) -> Callable[[threading.Event], Iterator[object]]:
    """The watched paths' changes, a batch at a time (inotify; 50 ms of quiet ends a batch)."""
    def batches(stop: threading.Event) -> Iterator[object]:
        return watch(*watched_paths(project), raise_interrupt=False, stop_event=stop,
                     debounce=50, step=20)
    return batches


def run(project: Project, dev_addr: str, engine: str = "mkdocs", language: str = "") -> None:
    """Serve one language (``language``, default the source) and regenerate it on every
    edit: only its pages are generated, at ``/`` for the source and ``/<code>/`` for a
    translation."""
    check_port(dev_addr)
    keep_parses()  # each regeneration parses only the files that changed
    # Serve at the root of the dev address, whatever path the published site_url has.
    project.site_url = f"http://{dev_addr}/"
    with project_lock(project):
        # The first generation must succeed: nothing to serve otherwise.
        generate(project, only=(language,))
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    server_engine = ENGINES[engine]
    folder = _folder(language)
    config = server_engine.config(project, server_engine.new_site_dir(project, folder), folder)
    signal.signal(signal.SIGTERM, _exit_on_signal)
    serving = f"Serving on http://{dev_addr}/{folder} — edit content/ and the page reloads. " \
              "Ctrl-C stops."
    warm = getattr(server_engine, "serve_warm", None)
    if warm is not None:
        click.echo(serving)
        os.chdir(project.root)  # where MkDocs' plugins resolve their relative paths
        warm(config, dev_addr, changes(project), lambda: rebuild_kind(project, language), folder)
        return
    server = subprocess.Popen(server_engine.serve_command(config, dev_addr), cwd=project.root,
                              env=env)
    # On SIGTERM (handled above) unwind through `finally`: the server is never left orphaned.
    click.echo(serving)
    try:
        for _changes in watch(*watched_paths(project), raise_interrupt=False,
                              stop_event=None, debounce=50):
            if server.poll() is not None:
                raise GeneratorError(f"the {engine} server stopped unexpectedly")
            if regenerate(project, server_engine.dirty_serve, language):
                # An engine with a config of its own (Zensical) gets the new navigation too.
                server_engine.config(project, server_engine.new_site_dir(project, folder),
                                     folder)
    finally:
        server.terminate()
        try:
            server.wait(timeout=5)
        except subprocess.TimeoutExpired:
            server.kill()
