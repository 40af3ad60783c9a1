"""Warnings that do not stop a build unless ``--strict`` says so: placeholder addresses,
skills or guides whose facts were last reviewed too long ago, palette colours under WCAG AA
contrast; and notes, which it never stops on: interface strings a language used has no text
for."""

from __future__ import annotations

from datetime import date

import click
from pydantic import ValidationError

from ..content.interface_status import missing_strings
from ..content.load import RawContent, SourceFile, load_content
from ..content.placeholders import placeholder_warnings
from ..content.reviews import stale_reviews
from ..errors import ContentError, GeneratorError
from ..i18n.report import PROBLEMS
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
    found += translation_warnings(project, raw)
    found += curation_warnings(raw)
    found += raw.layer.collisions if raw.layer is not None else []
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


def curation_warnings(raw: RawContent) -> list[ContentError]:
    """The content's own curation targets it misses (``curation:`` in framework.yml), which
    the content tests hold it to: said here first, where to change them."""
    from ..content.curation import shortfalls
    from ..content.messages import line_of
    from ..content.validate import validate
    from ..errors import ContentInvalid

    try:
        content = validate(raw)
    except ContentInvalid:
        return []  # the mistakes come first; generate reports them
    source = raw.framework
    line = line_of(source.data, ("curation",)) if source is not None else 0
    path = source.path if source is not None else "content/framework.yml"
    return [ContentError(path, line, f"warning: curation: {gap} (the least framework.yml's "
                         "curation: promises, held by the content tests; a fork's layer sets "
                         "its own in fork/framework.yml)") for gap in shortfalls(content)]


def translation_warnings(project: Project, raw: RawContent) -> list[ContentError]:
    """What makes ``translations`` fail, as warnings: a stale, orphaned, mismatched or
    unreadable entry, a language declared complete that is not, a folder for a language the
    framework does not declare. Without them a build published whatever the translations
    held, and only a separate command said so."""
    from ..content import model as m
    from ..i18n.report import project_status

    data = raw.framework.data if raw.framework is not None else None
    try:
        framework = m.Framework.model_validate(data)
    except ValidationError:
        return []  # validation reports framework.yml itself
    out = []
    for st in project_status(project.root, framework):
        if not st.failing:
            continue
        counts = ", ".join(f"{len(getattr(st, kind))} {kind}" for kind in PROBLEMS
                           if getattr(st, kind) and (kind != "missing" or st.status == "complete"))
        why = ("a translation folder for a language content/framework.yml does not declare "
               "(expected it under 'languages:', or the folder removed)"
               if st.status == "undeclared" else
               f"the '{st.code}' translation has {counts}"
               + (" though declared complete" if st.status == "complete" and st.missing else "")
               + f" (run `python -m generator translations --lang {st.code}` for the list)")
        out.append(ContentError(f"{project.content_dir}/i18n/{st.code}", 0, f"warning: {why}"))
    return out


def _palette_lines(data: object) -> dict[int, int]:
    """The line of each entry of ``theme.palette`` in the located mkdocs.yml."""
    from ..content.messages import line_of

    theme = data.get("theme") if isinstance(data, dict) else None
    palette = theme.get("palette") if isinstance(theme, dict) else None
    if isinstance(palette, dict):
        return {0: line_of(data, ("theme", "palette"))}
    return {i: line_of(data, ("theme", "palette", i)) for i in range(len(palette or []))}
