"""``team``: a team's results on one page (``generator.assessment.team``)."""

from __future__ import annotations

from pathlib import Path

import click

from ..assessment.html import render_html
from ..assessment.lookup import load_assessment
from ..assessment.team import MIN_GROUP, build_team
from ..errors import GeneratorError
from ..files import atomic_write, existing_text
from ._shared import read_results

TEAM_MARK = '<meta name="generator" content="mlpm team">'
"""In every team page, so ``team`` replaces its own earlier page and nothing else."""


def run(root: Path, files: list[Path], out_dir: Path, role: str | None, names: str,
        min_group: int = MIN_GROUP, language: str | None = None) -> None:
    a = load_assessment(root, language)
    results = read_results(files, a)
    role_id = a.choose_role(role, results)
    mixed = sorted({r.role for r in results if r.role and r.role != role_id})
    if mixed and role is None:
        click.echo(a.t("cli.team.mixed_roles", role=role_id, others=", ".join(mixed)), err=True)
    team = build_team(a, results, role_id, names, min_group)
    page = out_dir / "index.html"
    earlier = existing_text(page)
    if earlier is not None and TEAM_MARK not in earlier:
        raise GeneratorError(a.t("cli.team.not_ours", file=str(page)))
    html = render_html("team.html.j2", a, team=team)
    atomic_write(page, html.encode("utf-8", errors="replace"))
    click.echo(a.t("cli.team.written", file=str(page), count=team["count"], role=team["role"]))
    if names == "hidden" and not team["show_group"]:
        click.echo(a.t("cli.team.too_few", min=min_group), err=True)
