"""What an engine must do for the generator: prepare its config, build, serve."""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from ...project import Project


class Engine(Protocol):
    """A static-site engine that reads the generated ``mkdocs.yml``."""

    name: str
    dirty_serve: bool
    """Its dev server re-renders only pages whose source file is newer than their output, so
    ``serve`` must touch every page when something they all show (the navigation, the
    glossary, the theme) changes."""

    def new_site_dir(self, project: Project, folder: str = "") -> Path:
        """Where a build writes before it replaces ``site/`` (some engines only write
        inside their config's folder). ``folder`` is a translation's (``"ru/"``)."""

    def config(self, project: Project, site_dir: Path, folder: str = "") -> Path:
        """The config file this engine builds from (written if it needs its own), for the
        source language or the translation in ``generated/<folder>``."""

    def build_command(self, config: Path, site_dir: Path, strict: bool) -> list[str]:
        """The command line that builds ``config`` into ``site_dir``."""

    def serve_command(self, config: Path, dev_addr: str) -> list[str]:
        """The command line of the engine's live-reloading development server.

        An engine may instead offer ``serve_warm(config, dev_addr, changes, regenerate)``,
        a server in the generator's own process that rebuilds when ``regenerate`` (called on
        each batch of ``changes``) says what changed; ``serve`` prefers it (MkDocs has one)."""
