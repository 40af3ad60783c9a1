"""Warnings that do not stop a build unless ``--strict`` says so: placeholder addresses,
skills or guides whose facts were last reviewed too long ago, palette colours under WCAG AA
contrast; and notes, which it never stops on: interface strings a language used has no text
for."""

from __future__ import annotations

from datetime import date

import click

from ..content.interface_status import missing_strings
from ..content.load import SourceFile, load_content
from ..content.placeholders import placeholder_warnings
from ..content.reviews import stale_reviews
from ..errors import GeneratorError
from ..project import Project
from ..site.config import load_site_config, site_config_source
from ..site.palette import palette_warnings


def check_warnings(project: Project, strict: bool) -> None:
    """Print every warning on stderr; with ``strict``, stop (exit 1) before anything is written."""
    load_site_config(project)  # a mistake in mkdocs.yml's shape stops here, at its line
    raw = load_content(project.root, project.content_dir)
    config = site_config_source(project)
    sources = [f for f in (config, raw.framework, *raw.skills, raw.roles, raw.resources,
                           raw.glossary, raw.sources, *raw.guides) if f is not None]
    found = placeholder_warnings(sources, overridden=project.overrides())
    given = SourceFile("options or environment", dict(project.overrides()))
    found += placeholder_warnings([given])
    found += stale_reviews(raw, date.today())
    if config is not None:
        found += palette_warnings(config.data, project.root, _palette_lines(config.data))
    for note in missing_strings(raw):  # shown, but not something --strict stops on
        click.echo(str(note), err=True)
    for warning in found:
        click.echo(str(warning), err=True)
    if strict and found:
        noun = "warning" if len(found) == 1 else "warnings"
        raise GeneratorError(f"Found {len(found)} {noun}; --strict makes them errors, so "
                             "nothing was written.")


def _palette_lines(data: object) -> dict[int, int]:
    """The line of each entry of ``theme.palette`` in the located mkdocs.yml."""
    from ..content.messages import line_of

    theme = data.get("theme") if isinstance(data, dict) else None
    palette = theme.get("palette") if isinstance(theme, dict) else None
    if isinstance(palette, dict):
        return {0: line_of(data, ("theme", "palette"))}
    return {i: line_of(data, ("theme", "palette", i)) for i in range(len(palette or []))}
