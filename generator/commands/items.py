"""``items``: how far test-taking habit alone gets a reader on the knowledge checks.

Prints ``content.items``' report and fails (exit 1) when a test-wise strategy picks more
keyed answers than the bound allows in either mode; fewer than four options and
near-duplicate questions are warnings, because they are sometimes intended.
"""

from __future__ import annotations

import click

from ..assessment.data import assessment_data
from ..content.items import item_report
from ..content.items_format import item_json, item_text, percent
from ..errors import GeneratorError
from ..project import Project, load_and_validate


def run(project: Project, fmt: str, top: int, max_cue: float | None) -> None:
    content = load_and_validate(project)
    # The data file's decisions (questions per mode, option order) are what readers see.
    report = item_report(content, assessment_data(content, "items"), top=top, max_cue=max_cue)
    click.echo(item_json(report) if fmt == "json" else item_text(report), nl=False)
    if report.over_bound:
        worst = max(report.over_bound, key=lambda mode: mode.best_accuracy)
        raise GeneratorError(
            f"The best test-wise strategy ({report.strategies[worst.best]}) picks "
            f"{percent(worst.best_accuracy)} of the keyed answers in {worst.mode} mode, above "
            f"the bound of {percent(report.max_cue)}: rewrite the checks it lists above.")
