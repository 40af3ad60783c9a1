"""Build the static site from the generated project, swapping ``site/`` in one step.

Each language's project (``generated/`` and ``generated/<code>/``) is built by its own
engine process, each into a fresh folder. ``build`` starts a language's process as soon as
the generator has written it (``Builds.start`` as ``generate``'s ``ready``), so the engines
run while the next language renders; on two cores three languages take about twice the time
of one. The translations are then moved into the source language's folder (``site/ru/``) and
only a successful build of every language replaces ``site/``, so a failed build leaves the
previous site exactly as it was.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path
from types import TracebackType
from typing import Self

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


class Builds:
    """The engine processes of one build, a language each; ``finish`` waits for them all
    and swaps ``site/``. Used as a context manager, so a build that stops early (a mistake,
    Ctrl-C) leaves no engine running and no half-built folder behind."""

    def __init__(self, project: Project, engine: str = "mkdocs", strict: bool = True) -> None:
        if engine not in ENGINES:
            raise BuildFailed(f"unknown engine '{engine}' (expected one of: "
                              f"{', '.join(ENGINES)})")
        self.project, self.engine, self.strict = project, engine, strict
        site = project.site
        # site/ is replaced as a whole: through a link, the link would be moved aside and a
        # folder put in its place, and the next build would trip over the moved link.
        if site.is_symlink():
            raise BuildFailed(f"{site.name}/ is a link to {os.readlink(site)} (expected a folder "
                              "the build replaces as a whole; delete the link, and publish by "
                              "copying site/ where it should go)")
        if site.exists() and not site.is_dir():
            raise BuildFailed(f"{site.name} is a file (expected the folder the build writes the "
                              "site to; move the file away)")
        self.builder = ENGINES[engine]
        self.running: list[tuple[str, Path, subprocess.Popen[str]]] = []
        self.env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
        epoch = source_date_epoch(project)
        if epoch:  # the sitemap's dates and the .gz headers follow the content, not the clock
            self.env["SOURCE_DATE_EPOCH"] = epoch
        recover_interrupted_swap(project)

    def start(self, folder: str) -> None:
        """Start building the language generated in ``generated/<folder>``."""
        require_segmenter_for([folder.strip("/")] if folder else [], self.engine)
        out = self.builder.new_site_dir(self.project, folder)
        shutil.rmtree(out, ignore_errors=True)
        config = self.builder.config(self.project, out, folder)
        proc = subprocess.Popen(self.builder.build_command(config, out, self.strict),
                                cwd=self.project.root, env=self.env, stdout=subprocess.PIPE,
                                stderr=subprocess.STDOUT, text=True)
        self.running.append((folder, out, proc))

    def finish(self) -> Path:
        """Wait for every language; on success replace ``site/`` with the new build."""
        failures = []
        for folder, out, proc in self.running:
            output, _ = proc.communicate()
            if proc.returncode != 0 or not (out / "index.html").exists():
                lines = "\n".join(line for line in output.splitlines() if line.strip())
                failures.append(f"[{folder.strip('/') or 'source language'}]\n{lines}"
                                if len(self.running) > 1 else lines)
        if failures:
            self._discard()
            raise BuildFailed(f"the {self.engine} build failed; site/ was left as it was.\n"
                              + "\n".join(failures))
        (_, new, _), *translations = self.running
        for folder, out, _ in translations:
            os.replace(out, new / folder.strip("/"))
        self.running = []
        old = self.project.root / ".site.old"
        if old.is_symlink():  # a linked site/ an earlier version moved aside: the link only
            old.unlink()
        shutil.rmtree(old, ignore_errors=True)
        if self.project.site.exists():
            os.replace(self.project.site, old)
        os.replace(new, self.project.site)
        shutil.rmtree(old, ignore_errors=True)
        return self.project.site

    def _discard(self) -> None:
        for _, out, proc in self.running:
            if proc.poll() is None:
                proc.kill()
                proc.communicate()  # reaps it and closes its pipe
            shutil.rmtree(out, ignore_errors=True)
        self.running = []

    def __enter__(self) -> Self:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self._discard()  # nothing left once finish() has run


def build_site(project: Project, engine: str = "mkdocs", strict: bool = True) -> Path:
    """Build every generated language into temporary folders, then replace ``site/``."""
    with Builds(project, engine, strict) as builds:
        folders = ["", *translation_folders(project)]
        require_segmenter_for([f.strip("/") for f in folders if f], engine)
        for folder in folders:
            builds.start(folder)
        return builds.finish()
