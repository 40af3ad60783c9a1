"""Build the static site from the generated project, swapping ``site/`` in one step.

The engine builds into a fresh folder beside ``site/``; only a successful build
replaces it, so a failed build leaves the previous site exactly as it was.
"""

from __future__ import annotations

import os
import shutil
import subprocess

from ..errors import BuildFailed
from ..project import Project, source_date_epoch
from .engines import ENGINES


def recover_interrupted_swap(project: Project) -> None:
    """If a previous run stopped between the two renames, put the old site back."""
    old = project.root / ".site.old"
    if old.exists() and not project.site.exists():
        os.replace(old, project.site)


def build_site(project: Project, engine: str = "mkdocs", strict: bool = True):
    """Build into a temporary folder, then replace ``site/`` with it."""
    if engine not in ENGINES:
        raise BuildFailed(f"unknown engine '{engine}' (expected one of: {', '.join(ENGINES)})")
    builder = ENGINES[engine]
    recover_interrupted_swap(project)
    new = builder.new_site_dir(project)
    old = project.root / ".site.old"
    shutil.rmtree(new, ignore_errors=True)
    config = builder.config(project, new)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    epoch = source_date_epoch(project)
    if epoch:  # the sitemap's dates and the .gz headers follow the content, not the clock
        env["SOURCE_DATE_EPOCH"] = epoch
    proc = subprocess.run(builder.build_command(config, new, strict), cwd=project.root, env=env,
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
