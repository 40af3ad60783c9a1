"""MkDocs with Material: the default engine."""

from __future__ import annotations

import sys
from pathlib import Path

from ...project import Project


class MkDocs:
    name = "mkdocs"
    # `serve --dirty` re-renders only pages whose source is newer than their output (about a
    # tenth of a full rebuild on the shipped site); `serve` keeps that correct by touching
    # every page when something all pages depend on changes (see commands/serve.py).
    dirty_serve = True

    def new_site_dir(self, project: Project, folder: str = "") -> Path:
        return project.root / (f".site.new-{folder.strip('/')}" if folder else ".site.new")

    def config(self, project: Project, site_dir: Path, folder: str = "") -> Path:
        return project.generated / folder / "mkdocs.yml"

    def build_command(self, config: Path, site_dir: Path, strict: bool) -> list[str]:
        cmd = [sys.executable, "-m", "mkdocs", "build", "--clean", "-q",
               "-f", str(config), "-d", str(site_dir)]
        return cmd + (["--strict"] if strict else [])

    def serve_command(self, config: Path, dev_addr: str) -> list[str]:
        return [sys.executable, "-m", "mkdocs", "serve", "--livereload", "--dirty", "-f",
                str(config), "-a", dev_addr]
