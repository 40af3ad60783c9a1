"""``translations``: how far each language has got, and what is stale or broken."""

from __future__ import annotations

import click

from ..errors import GeneratorError, printable
from ..i18n.report import project_status, status_json, status_text, todo
from ..project import Project, load_and_validate


def run(project: Project, languages: tuple[str, ...], fmt: str, show: int,
        todo_for: str | None = None) -> None:
    content = load_and_validate(project)
    if todo_for is not None:
        click.echo(todo(project.root, todo_for, content.framework.language), nl=False)
        return
    statuses = project_status(project.root, content.framework, languages)
    # File names are listed as found: one could hold an escape sequence.
    click.echo(printable(status_json(statuses) if fmt == "json" else status_text(statuses, show)),
               nl=False)
    failing = [st.code for st in statuses if st.failing]
    if failing:
        raise GeneratorError(
            f"translations need work: {', '.join(failing)} (stale, orphaned or mismatched "
            "entries, or missing ones in a language marked complete; listed above)")
