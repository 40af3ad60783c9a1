"""MkDocs with Material: the default engine."""

from __future__ import annotations

import logging
import os
import shutil
import sys
import tempfile
import threading
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from ...errors import GeneratorError
from ...project import Project


class MkDocs:
    name = "mkdocs"
    # A dirty build re-renders only pages whose source is newer than their output (about a
    # tenth of a full build on the shipped site). `serve` runs MkDocs in its own process
    # (`serve_warm`) and builds in full when something all pages show changes; with
    # `serve_command` instead, it would touch every page then (see commands/serve.py).
    dirty_serve = True

    def new_site_dir(self, project: Project, folder: str = "") -> Path:
        return project.root / (f".site.new-{folder.strip('/')}" if folder else ".site.new")

    def config(self, project: Project, site_dir: Path, folder: str = "") -> Path:
        return project.generated / folder / "mkdocs.yml"

    def build_command(self, config: Path, site_dir: Path, strict: bool) -> list[str]:
        # MkDocs' command line with the glossary tooltips found in linear time (fast_abbr).
        cmd = [sys.executable, "-m", "generator.site.engines.run_mkdocs", "build", "--clean",
               "-f", str(config), "-d", str(site_dir)]
        return cmd + (["--strict"] if strict else [])

    def serve_command(self, config: Path, dev_addr: str) -> list[str]:
        return [sys.executable, "-m", "mkdocs", "serve", "--livereload", "--dirty", "-f",
                str(config), "-a", dev_addr]

    def serve_warm(self, config: Path, dev_addr: str,
                   changes: Callable[[threading.Event], Iterable[Any]],
                   regenerate: Callable[[], bool | None], folder: str = "") -> None:
        """Serve in this process (see ``WarmServer``), at ``/<folder>`` (a translation)."""
        WarmServer(config, dev_addr, changes, regenerate, folder).run()


def _not_dirty_warning(record: logging.LogRecord) -> bool:
    return "'dirty' build" not in record.getMessage()


class WarmServer:
    """MkDocs' own live-reload server and build, run in the generator's process.

    ``mkdocs serve`` in a subprocess found our regenerated files by polling every 0.5 s, waited
    0.1 s more for quiet, then loaded its config and compiled Material's templates again on
    every rebuild. Here an edit (reported by ``changes``, inotify-based) runs ``regenerate``
    and then MkDocs' build at once, in one warm process: the theme's compiled templates are
    kept between builds (reloaded when a template file changes). ``regenerate`` returns None
    when the content has a mistake (nothing is rebuilt; the last good pages stay served),
    True when something every page shows changed (the navigation, the glossary, the theme:
    a full build), False when only some pages or assets changed (a dirty build re-renders
    just the pages whose source is newer than their output).
    """

    def __init__(self, config_file: Path, dev_addr: str,
                 changes: Callable[[threading.Event], Iterable[Any]],
                 regenerate: Callable[[], bool | None], folder: str = "") -> None:
        self.config_file = config_file
        self.host, _, port = dev_addr.rpartition(":")
        self.port = int(port)
        self.changes = changes
        self.regenerate = regenerate
        self.site_dir = tempfile.mkdtemp(prefix="mlpm-serve-")
        self.serve_url = f"http://{dev_addr}/{folder}"
        self.mount_path = f"/{folder}"
        self._envs: dict[tuple[Any, ...], Any] = {}
        self.stop = threading.Event()

    def load_config(self) -> Any:
        from mkdocs.config import load_config

        from .fast_abbr import install

        install()
        config = load_config(config_file=str(self.config_file), site_dir=self.site_dir)
        config.site_url = self.serve_url
        theme = config.theme
        original = theme.get_env

        def warm_env() -> Any:
            # A new override file shadows a template already compiled from Material's folder:
            # then the environment starts afresh.
            custom = theme.custom_dir
            overrides = tuple(sorted(os.path.join(d, f) for d, _, fs in os.walk(custom)
                                     for f in fs)) if custom else ()
            key = (tuple(theme.dirs), str(theme.locale), overrides)
            if key not in self._envs:
                env = original()
                env.auto_reload = True  # a changed override is recompiled, nothing else
                self._envs[key] = env
            return self._envs[key]

        theme.get_env = warm_env  # type: ignore[method-assign]
        return config

    def build(self, full: bool, config: Any = None) -> None:
        from mkdocs.commands.build import build

        build(config or self.load_config(), serve_url=self.serve_url, dirty=not full)

    def rebuild(self) -> None:
        """The live-reload server's builder: regenerate, then build what changed."""
        full = self.regenerate()
        if full is not None:
            self.build(full)

    def run(self) -> None:
        from mkdocs.exceptions import Abort
        from mkdocs.livereload import LiveReloadServer

        from .segmenter import keep_cache_private

        keep_cache_private()  # a Chinese site's search index is segmented in this process

        # MkDocs' warnings (a broken link, say) are shown; its progress lines and the warning
        # that every dirty build prints are not: serve prints a line per regeneration.
        mkdocs_log = logging.getLogger("mkdocs")
        mkdocs_log.setLevel(logging.WARNING)
        mkdocs_log.addFilter(_not_dirty_warning)
        logging.getLogger("mkdocs.commands.build").addFilter(_not_dirty_warning)
        config = self.load_config()
        config.plugins.on_startup(command="serve", dirty=True)
        server = LiveReloadServer(builder=self.rebuild, host=self.host, port=self.port,
                                  root=self.site_dir, mount_path=self.mount_path)
        server.build_delay = 0.01  # the edit has settled: `changes` debounces already
        # Not yet started: a daemon, so an interrupted shutdown cannot keep the process alive.
        server.serve_thread.daemon = True
        server.error_handler = self._error_page
        watcher = threading.Thread(target=self._watch, args=(server,), daemon=True)
        try:
            try:
                self.build(True, config)
            except Abort as exc:
                raise GeneratorError(f"the mkdocs build failed: {exc}") from None
            config.plugins.on_serve(server, config=config, builder=self.rebuild)
            watcher.start()
            server.serve()
        except KeyboardInterrupt:
            pass
        finally:
            self.stop.set()
            server.shutdown()
            config.plugins.on_shutdown()
            shutil.rmtree(self.site_dir, ignore_errors=True)

    def _watch(self, server: Any) -> None:
        """Wake the server's build loop on every change, as its own file watcher would
        (MkDocs 1.6's LiveReloadServer: ``_want_rebuild`` under ``_rebuild_cond``)."""
        for _ in self.changes(self.stop):
            with server._rebuild_cond:
                server._want_rebuild = True
                server._rebuild_cond.notify_all()

    def _error_page(self, code: int) -> bytes | None:
        page = os.path.join(self.site_dir, f"{code}.html")
        if code in (404, 500) and os.path.isfile(page):
            with open(page, "rb") as handle:
                return handle.read()
        return None
