"""The generator's pipeline: load → validate → render → write, in two phases.

Phase one (load, validate, render) builds everything in memory and stops with
every content mistake listed — in the English files and in every translation; phase two
(write) only runs when phase one succeeded.
"""

from __future__ import annotations

from ..content.load import load_content
from ..content.validate import validate
from ..i18n.apply import LanguageContent, language_contents
from ..project import Project, StageTimes
from .config import load_site_config
from .render import render_site
from .write import WriteReport, write_tree


def load_languages(project: Project, times: StageTimes | None = None,
                   only: tuple[str, ...] | None = None) -> list[LanguageContent]:
    """The validated content of the source language and of each declared translation (or
    of the languages in ``only``; the source is always loaded, translations build on it)."""
    times = times or StageTimes()
    raw = times.run("load", load_content, project.root, project.content_dir)
    english = times.run("validate", validate, raw)
    languages = times.run("translate", language_contents, project.root, project.content_dir,
                          raw, english, None)
    if only:
        unknown = sorted(set(only) - {lang.code for lang in languages})
        if unknown:
            from ..errors import GeneratorError
            raise GeneratorError(
                f"no language {', '.join(unknown)} (expected one of: "
                f"{', '.join(lang.code for lang in languages)}; translations are declared "
                "under 'languages:' in content/framework.yml)")
    return languages


def generate(project: Project, times: StageTimes | None = None) -> WriteReport:
    """Validate all content and translations, render every file, then write the ones that
    changed."""
    times = times or StageTimes()
    config = load_site_config(project)
    languages = load_languages(project, times)
    files = times.run("render", render_site, languages[0].content, config, languages)
    return times.run("write", write_tree, project.generated, files, True)
