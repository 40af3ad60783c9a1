"""``compare``: a second opinion beside the self-rating (``generator.assessment.compare``)."""

from __future__ import annotations

from pathlib import Path

import click

from ..assessment.compare import arrange, compare_ratings, compare_text
from ..assessment.lookup import load_assessment
from ..assessment.terminal import lines
from ._shared import read_results


def run(root: Path, self_file: Path, other_file: Path, language: str | None = None) -> None:
    a = load_assessment(root, language)
    mine, theirs = arrange(*read_results([self_file, other_file], a))
    click.echo(lines(compare_text(a, mine, theirs, compare_ratings(a, mine, theirs))), nl=False)
