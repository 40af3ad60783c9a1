"""``validate``: check the content and say so, or list every mistake."""

from __future__ import annotations

import click

from ..content.levels import IMPLICIT_AREA
from ..project import Project
from ..site.config import load_site_config
from ..site.generate import load_languages
from ..strings import strings_of
from ._warnings import check_warnings


def run(project: Project, strict: bool = False) -> None:
    load_site_config(project)
    # Every translation too, as `build` checks them: a mistake in one is reported here, at
    # its translation file's line, not first by the build.
    content, _ = load_languages(project)
    check_warnings(project, strict)
    t = strings_of(content).t
    counts = [("areas", len(content.framework.areas)), ("skills", len(content.skills)),
              ("checks", sum(len(s.checks) for s in content.skills)),
              ("roles", len(content.roles)), ("resources", len(content.resources)),
              ("terms", len(content.glossary)), ("guides", len(content.guides))]
    if [a.id for a in content.framework.areas] == [IMPLICIT_AREA]:
        counts = counts[1:]  # no areas declared: "1 areas" would count an invented group
    click.echo(t("cli.validate.valid", counts=", ".join(t(f"cli.validate.{key}", n=n)
                                                        for key, n in counts)))
