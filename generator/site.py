"""Build the static site from the generated project, swapping ``site/`` in one step.

The engine (MkDocs, or Zensical for forks preparing for Material's end of life)
builds into a fresh folder beside ``site/``; only a successful build replaces it,
so a failed build leaves the previous site exactly as it was.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from .errors import BuildFailed
from .pipeline import Project

ENGINES = ("mkdocs", "zensical")


def engine_command(engine: str, config: Path, site_dir: Path, strict: bool) -> list[str]:
    """The command line that builds ``config`` into ``site_dir`` with the chosen engine."""
    if engine == "mkdocs":
        cmd = [sys.executable, "-m", "mkdocs", "build", "--clean", "-q",
               "-f", str(config), "-d", str(site_dir)]
        return cmd + (["--strict"] if strict else [])
    if engine == "zensical":
        exe = shutil.which("zensical") or str(Path(sys.executable).with_name("zensical"))
        return [exe, "build", "--clean", "-f", str(config)] + (["--strict"] if strict else [])
    raise BuildFailed(f"unknown engine '{engine}' (expected one of: {', '.join(ENGINES)})")


def recover_interrupted_swap(project: Project) -> None:
    """If a previous run stopped between the two renames, put the old site back."""
    old = project.root / ".site.old"
    if old.exists() and not project.site.exists():
        os.replace(old, project.site)


def build_site(project: Project, engine: str = "mkdocs", strict: bool = True) -> Path:
    """Build into a temporary folder, then replace ``site/`` with it."""
    recover_interrupted_swap(project)
    # Zensical only writes inside its config's folder; MkDocs can write beside site/.
    new = project.generated / ".site.new" if engine == "zensical" else project.root / ".site.new"
    old = project.root / ".site.old"
    shutil.rmtree(new, ignore_errors=True)
    config = project.generated / "mkdocs.yml"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    if engine == "zensical":
        config = _zensical_config(project, new)
    proc = subprocess.run(engine_command(engine, config, new, strict), cwd=project.root, env=env,
                          capture_output=True, text=True, check=False)
    if proc.returncode != 0 or not (new / "index.html").exists():
        shutil.rmtree(new, ignore_errors=True)
        output = "\n".join(line for line in (proc.stdout + proc.stderr).splitlines()
                           if line.strip())
        raise BuildFailed(f"the {engine} build failed; site/ was left as it was.\n{output}")
    shutil.rmtree(old, ignore_errors=True)
    if project.site.exists():
        os.replace(project.site, old)
    os.replace(new, project.site)
    shutil.rmtree(old, ignore_errors=True)
    return project.site


def _zensical_config(project: Project, site_dir: Path) -> Path:
    import yaml

    config_path = project.generated / "mkdocs.yml"
    config = yaml.safe_load(config_path.read_text(encoding="utf-8"))
    config["site_dir"] = os.path.relpath(site_dir, project.generated)
    theme = config.setdefault("theme", {})
    theme.setdefault("variant", "classic")  # the "modern" variant loads Google Fonts
    target = project.generated / "zensical.yml"
    target.write_text(yaml.safe_dump(config, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return target
