"""The generator's pipeline: load → validate → render → write, in two phases.

Phase one (load, validate, render) builds everything in memory and stops with
every content mistake listed — in the English files and in every translation; phase two
(write) only runs when phase one succeeded.
"""

from __future__ import annotations

from typing import Any

from ..content.load import load_content
from ..content.validate import validate
from ..errors import GeneratorError
from ..i18n.apply import LanguageContent, language_contents
from ..project import Project, StageTimes
from .config import load_site_config
from .render import render_site
from .write import WriteReport, write_tree


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
    return english, times.run("translate", language_contents, project.root,
                              project.content_dir, raw, english, only)


def generate(project: Project, times: StageTimes | None = None,
             only: tuple[str, ...] | None = None) -> WriteReport:
    """Validate all content and translations (or the languages in ``only``), render every
    file, then write the ones that changed (``generated/`` then holds only those)."""
    times = times or StageTimes()
    config = load_site_config(project)
    english, languages = load_languages(project, times, only)
    files = times.run("render", render_site, english, config, languages)
    return times.run("write", write_tree, project.generated, files, True)
