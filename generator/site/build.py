"""Build the static site from the generated project, swapping ``site/`` in one step.

Each language's project (``generated/`` and ``generated/<code>/``) is built by its own
engine process, all at once (on two cores three languages take little more than one), each
into a fresh folder; the translations are then moved into the source language's folder
(``site/ru/``) and only a successful build of every language replaces ``site/``, so a failed
build leaves the previous site exactly as it was.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

from ..errors import BuildFailed
from ..project import Project, source_date_epoch
from .engines import ENGINES
from .languages import require_segmenter_for


def recover_interrupted_swap(project: Project) -> None:
    """If a previous run stopped between the two renames, put the old site back."""
    old = project.root / ".site.old"
    if old.exists() and not project.site.exists():
        os.replace(old, project.site)


def translation_folders(project: Project) -> list[str]:
    """The generated translations (``"ru/"``…), in name order."""
    return [f"{p.parent.name}/" for p in sorted(project.generated.glob("*/mkdocs.yml"))]


def build_site(project: Project, engine: str = "mkdocs", strict: bool = True) -> Path:
    """Build every language into temporary folders, then replace ``site/`` with them."""
    if engine not in ENGINES:
        raise BuildFailed(f"unknown engine '{engine}' (expected one of: {', '.join(ENGINES)})")
    builder = ENGINES[engine]
    folders = ["", *translation_folders(project)]
    require_segmenter_for([f.strip("/") for f in folders if f], engine)
    recover_interrupted_swap(project)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    epoch = source_date_epoch(project)
    if epoch:  # the sitemap's dates and the .gz headers follow the content, not the clock
        env["SOURCE_DATE_EPOCH"] = epoch
    outs = [builder.new_site_dir(project, folder) for folder in folders]
    for out in outs:
        shutil.rmtree(out, ignore_errors=True)
    running = [subprocess.Popen(builder.build_command(builder.config(project, out, folder), out,
                                                      strict),
                                cwd=project.root, env=env, stdout=subprocess.PIPE,
                                stderr=subprocess.STDOUT, text=True)
               for folder, out in zip(folders, outs, strict=True)]
    failures = []
    for folder, out, proc in zip(folders, outs, running, strict=True):
        output, _ = proc.communicate()
        if proc.returncode != 0 or not (out / "index.html").exists():
            lines = "\n".join(line for line in output.splitlines() if line.strip())
            failures.append(f"[{folder.strip('/') or 'source language'}]\n{lines}"
                            if len(folders) > 1 else lines)
    if failures:
        for out in outs:
            shutil.rmtree(out, ignore_errors=True)
        raise BuildFailed(f"the {engine} build failed; site/ was left as it was.\n"
                          + "\n".join(failures))
    new = outs[0]
    for folder, out in zip(folders[1:], outs[1:], strict=True):
        os.replace(out, new / folder.strip("/"))
    old = project.root / ".site.old"
    shutil.rmtree(old, ignore_errors=True)
    if project.site.exists():
        os.replace(project.site, old)
    os.replace(new, project.site)
    shutil.rmtree(old, ignore_errors=True)
    return project.site
