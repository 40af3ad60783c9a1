"""Zensical, Material's successor: a path for forks before Material's end of life (May 2027)."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import yaml

from ...project import Project


def _executable() -> str:
    return shutil.which("zensical") or str(Path(sys.executable).with_name("zensical"))


class Zensical:
    name = "zensical"

    def new_site_dir(self, project: Project, folder: str = "") -> Path:
        # Zensical only writes inside its config's folder.
        return project.generated / folder / ".site.new"

    def config(self, project: Project, site_dir: Path, folder: str = "") -> Path:
        """The generated config, with the site folder and the classic look Zensical needs."""
        base = project.generated / folder
        config = yaml.safe_load((base / "mkdocs.yml").read_text(encoding="utf-8"))
        config["site_dir"] = os.path.relpath(site_dir, base)
        theme = config.setdefault("theme", {})
        theme.setdefault("variant", "classic")  # the "modern" variant loads Google Fonts
        target = base / "zensical.yml"
        target.write_text(yaml.safe_dump(config, sort_keys=False, allow_unicode=True),
                          encoding="utf-8")
        return target

    def build_command(self, config: Path, site_dir: Path, strict: bool) -> list[str]:
        return [_executable(), "build", "--clean", "-f", str(config)] + \
            (["--strict"] if strict else [])

    dirty_serve = False  # Zensical rebuilds incrementally on its own

    def serve_command(self, config: Path, dev_addr: str) -> list[str]:
        return [_executable(), "serve", "-f", str(config), "-a", dev_addr]
