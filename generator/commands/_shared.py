"""What the assessment commands share that talks to the person: reading result files."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import click

from ..assessment.lookup import Assessment
from ..assessment.results import ResultFile, read_result


def read_results(paths: Iterable[Path], assessment: Assessment) -> list[ResultFile]:
    """Read every result file; print each file's notices once, on stderr."""
    results = [read_result(path, assessment.data) for path in paths]
    for result in results:
        for notice in result.notices:
            click.echo(notice, err=True)
    return results
