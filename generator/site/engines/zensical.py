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
        # A hidden name: regenerating prunes generated/ of every file it did not write, except
        # hidden ones; a pruned config stopped `serve --engine zensical` at the first edit.
        target = base / ".zensical.yml"
        text = yaml.safe_dump(config, sort_keys=False, allow_unicode=True)
        if not target.is_file() or target.read_text(encoding="utf-8") != text:
            target.write_text(text, encoding="utf-8")  # unchanged: its server rebuilds nothing
        return target

    def build_command(self, config: Path, site_dir: Path, strict: bool) -> list[str]:
        return [_executable(), "build", "--clean", "-f", str(config)] + \
            (["--strict"] if strict else [])

    # Zensical rebuilds incrementally on its own. Touching every page does not make 0.0.73
    # re-render them: after a rename, pages whose source did not change keep the old
    # navigation until its server restarts (docs/benchmarks.md).
    dirty_serve = False

    def serve_command(self, config: Path, dev_addr: str) -> list[str]:
        return [_executable(), "serve", "-f", str(config), "-a", dev_addr]
