"""What the assessment commands share that talks to the person: reading result files and
naming the next command to run."""

from __future__ import annotations

import shlex
import shutil
import sys
from collections.abc import Iterable
from pathlib import Path

import click

from ..assessment.lookup import Assessment
from ..assessment.results import ResultFile, read_result


def read_results(paths: Iterable[Path], assessment: Assessment) -> list[ResultFile]:
    """Read every result file; print each file's notices once, on stderr."""
    results = [read_result(path, assessment.data, assessment.strings) for path in paths]
    for result in results:
        for notice in result.notices:
            click.echo(notice, err=True)
    return results


def invocation(*args: str) -> str:
    """The command line a person can type to run this tool again with ``args``.

    ``mlpm`` only works inside an activated virtual environment, so it is named only when
    this run was started through it and the shell finds that same script; otherwise the
    interpreter that is running now (relative to the current folder when inside it, as
    ``.venv/bin/python`` is) with ``-m generator``.
    """
    script = Path(sys.argv[0])
    found = shutil.which("mlpm")
    if script.name == "mlpm" and found and Path(found).resolve() == script.resolve():
        words = ["mlpm"]
    else:
        python = Path(sys.executable)
        try:
            shown = str(python.relative_to(Path.cwd()))
        except ValueError:
            shown = str(python)
        words = [shown, "-m", "generator"]
    return shlex.join([*words, *args])
