"""``schema``: write the JSON Schema of every content file (for editor completion)."""

from __future__ import annotations

from pathlib import Path

import click

from ..content.schema import schema_files
from ..site.write import write_tree


def run(out_dir: Path) -> None:
    report = write_tree(out_dir, schema_files())
    click.echo(f"Wrote {len(report.written)} schema file(s) to {out_dir} "
               f"({report.unchanged} unchanged).")
