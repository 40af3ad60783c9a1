"""MkDocs with Material: the default engine."""

from __future__ import annotations

import sys
from pathlib import Path

from ...project import Project


class MkDocs:
    name = "mkdocs"

    def new_site_dir(self, project: Project) -> Path:
        return project.root / ".site.new"

    def config(self, project: Project, site_dir: Path) -> Path:
        return project.generated / "mkdocs.yml"

    def build_command(self, config: Path, site_dir: Path, strict: bool) -> list[str]:
        cmd = [sys.executable, "-m", "mkdocs", "build", "--clean", "-q",
               "-f", str(config), "-d", str(site_dir)]
        return cmd + (["--strict"] if strict else [])

    def serve_command(self, config: Path, dev_addr: str) -> list[str]:
        return [sys.executable, "-m", "mkdocs", "serve", "--livereload", "-f", str(config),
                "-a", dev_addr]
