"""``validate``: check the content and say so, or list every mistake."""

from __future__ import annotations

import click

from ..project import Project, load_and_validate
from ..site.config import load_site_config
from ._warnings import check_warnings


def run(project: Project, strict: bool = False) -> None:
    load_site_config(project)
    content = load_and_validate(project)
    check_warnings(project, strict)
    checks = sum(len(s.checks) for s in content.skills)
    click.echo(f"Content is valid: {len(content.framework.areas)} areas, {len(content.skills)} "
               f"skills, {checks} knowledge checks, {len(content.roles)} roles, "
               f"{len(content.resources)} resources, {len(content.glossary)} glossary terms, "
               f"{len(content.guides)} guides.")
