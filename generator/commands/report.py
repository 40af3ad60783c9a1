"""``report``: one result file's career-gap report (``generator.assessment.report``)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from ..assessment.lookup import load_assessment
from ..assessment.report import build_report, report_html, report_markdown
from ..assessment.terminal import markdown
from ._shared import read_results


def run(root: Path, file: Path, role: str | None, fmt: str | None,
        language: str | None = None) -> None:
    # In a terminal the report is laid out for reading there; piped or redirected, it is
    # the Markdown the browser downloads, byte for byte.
    fmt = fmt or ("text" if sys.stdout.isatty() else "md")
    a = load_assessment(root, language)
    [result] = read_results([file], a)
    report = build_report(a, result, a.choose_role(role, [result]))
    if fmt == "json":
        click.echo(json.dumps(report["scored"], ensure_ascii=False, indent=2, sort_keys=True))
    elif fmt == "html":
        click.echo(report_html(a, report), nl=False)
    elif fmt == "text":
        click.echo(markdown(report_markdown(a, report)), nl=False)
    else:
        click.echo(report_markdown(a, report), nl=False)
