"""The generator's pipeline: load → validate → render → write, in two phases.

Phase one (load, validate, render) builds everything in memory and stops with
every content mistake listed — in the English files and in every translation; phase two
(write) only runs when phase one succeeded.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from typing import Any

from ..content.load import load_content
from ..content.validate import guide_slug, validate
from ..errors import ContentInvalid, GeneratorError
from ..i18n.apply import LanguageContent, language_contents
from ..project import Project, StageTimes
from .config import load_site_config
from .languages import prefix
from .links import broken_links
from .render import render_parts
from .write import WriteReport, prune_tree, write_tree


def load_languages(project: Project, times: StageTimes | None = None,
                   only: tuple[str, ...] | None = None) -> tuple[Any, list[LanguageContent]]:
    """The validated source content, and the languages to build: the source and each
    declared translation, or those in ``only`` ("" for the source language; translations
    always build on the source)."""
    times = times or StageTimes()
    raw = times.run("load", load_content, project.root, project.content_dir)
    english = times.run("validate", validate, raw)
    known = [english.framework.language, *(lang.code for lang in english.framework.languages)]
    if only is not None:  # "" names the source language, whatever its code
        only = tuple(code or english.framework.language for code in only)
    unknown = sorted(set(only or ()) - set(known))
    if unknown:
        raise GeneratorError(f"no language {', '.join(unknown)} (expected one of: "
                             f"{', '.join(known)}; translations are declared under "
                             "'languages:' in content/framework.yml)")
    languages = times.run("translate", language_contents, project.root, project.content_dir,
                          raw, english, only)
    _check_links(project, raw, english, languages)
    return english, languages


def _check_links(project: Project, raw: Any, english: Any,
                 languages: list[LanguageContent]) -> None:
    """Every guide's links, in every language, at the line of the file its text came from."""
    source = {guide_slug(f): f.path for f in raw.guides}
    errors = broken_links(english, ((source[g.slug], g) for g in english.guides))
    for language in languages:
        if language.source:
            continue
        translated = f"{project.content_dir}/i18n/{language.code}/guides/"
        errors += broken_links(language.content, (
            (translated + source[g.slug].rsplit("/", 1)[-1]
             if source[g.slug] in language.translated_files else source[g.slug], g)
            for g in language.content.guides))
    if errors:
        raise ContentInvalid(errors)


def generate(project: Project, times: StageTimes | None = None,
             only: tuple[str, ...] | None = None,
             ready: Callable[[str], None] | None = None) -> WriteReport:
    """Validate all content and translations (or the languages in ``only``), then render and
    write the languages one after another, only the files that changed (``generated/`` then
    holds only those languages). ``ready(folder)`` is called as each language is on disk, so
    its build can start while the next renders. Nothing is written before every language
    validated."""
    times = times or StageTimes()
    config = load_site_config(project)
    english, languages = load_languages(project, times, only)
    report = WriteReport()
    everything: set[str] = set()
    folders = [prefix(language) for language in languages]
    parts = render_parts(english, config, languages)
    _check_owned(project)
    times.seconds["render"] = times.seconds["write"] = 0.0
    while True:
        start = time.perf_counter()
        part = next(parts, None)
        times.seconds["render"] += time.perf_counter() - start
        if part is None:
            break
        folder, files = part
        start = time.perf_counter()
        everything.update(files)
        written = write_tree(project.generated, files, True, _scope(folder, folders))
        report.written += written.written
        report.removed += written.removed
        report.unchanged += written.unchanged
        times.seconds["write"] += time.perf_counter() - start
        if ready is not None:
            ready(folder)
    # What no language wrote: a language no longer declared, a file of an older version.
    report.removed += prune_tree(project.generated, everything)
    return report


def _check_owned(project: Project) -> None:
    """generated/ must be a folder of the project's own: the generator prunes it, and
    through a link it would write into, and delete from, a folder somewhere else."""
    path, name = project.generated, project.generated_dir
    if path.is_symlink():
        raise GeneratorError(f"{name}/ is a link to {os.readlink(path)} (expected a folder the "
                             "generator owns: it removes files from it; delete the link)")
    if path.exists() and not path.is_dir():
        raise GeneratorError(f"{name} is a file (expected the folder the generator writes "
                             "the site's sources to; move the file away)")


def _scope(folder: str, folders: list[str]) -> Callable[[str], bool]:
    """The part of ``generated/`` a language owns: its folder, or for the source language
    everything outside the translations' folders."""
    if folder:
        return lambda rel: rel.startswith(folder)
    others = tuple(f for f in folders if f)
    return lambda rel: not rel.startswith(others) if others else True
