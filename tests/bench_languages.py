"""Three languages next to one: the shipped content built with its translations (English,
Russian, Chinese) and with ``languages:`` removed from its framework, as a user runs
``build``. Goal: three languages in at most twice the time of one (they build in parallel)."""

from __future__ import annotations

import shutil
import statistics
from collections.abc import Callable
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent


def _project(dest: Path, languages: bool) -> Path:
    dest.mkdir(parents=True)
    shutil.copy(REPO / "mkdocs.yml", dest / "mkdocs.yml")
    shutil.copytree(REPO / "content", dest / "content")
    if not languages:
        framework = dest / "content" / "framework.yml"
        data = yaml.safe_load(framework.read_text(encoding="utf-8"))
        data.pop("languages", None)
        framework.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True),
                             encoding="utf-8")
        shutil.rmtree(dest / "content" / "i18n", ignore_errors=True)
    return dest


def bench_languages(work: Path, timed: Callable[[list[str], Path], tuple[float, float]],
                    command: list[str], rounds: int = 3) -> dict[str, float]:
    """Median wall seconds and peak MiB of a clean ``build`` with one and three languages."""
    out: dict[str, float] = {}
    for name, languages in (("one", False), ("three", True)):
        project = _project(work / f"languages-{name}", languages)
        runs = []
        for _ in range(rounds):
            shutil.rmtree(project / "generated", ignore_errors=True)
            shutil.rmtree(project / "site", ignore_errors=True)
            runs.append(timed(command, project))
        out[name] = statistics.median(wall for wall, _ in runs)
        out[f"{name}_rss"] = max(rss for _, rss in runs)
        out[f"{name}_pages"] = sum(1 for _ in (project / "site").rglob("index.html"))
    return out
