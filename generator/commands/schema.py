"""``schema``: write the JSON Schema of every content file (for editor completion)."""

from __future__ import annotations

import json
from pathlib import Path

import click

from ..content.schema import schema_files
from ..errors import GeneratorError
from ..files import existing_text
from ..site.write import write_tree


def _ours(text: str, name: str) -> bool:
    """A schema this command wrote earlier: JSON whose ``$id`` is its file name."""
    try:
        return json.loads(text).get("$id") == name
    except (ValueError, AttributeError):
        return False


def run(out_dir: Path) -> None:
    files = schema_files()
    earlier = {name: existing_text(out_dir / name) for name in files}
    foreign = [name for name, text in earlier.items() if text is not None and not _ours(text, name)]
    if foreign:
        raise GeneratorError(f"{out_dir} holds {', '.join(foreign)}, which this command did not "
                             "write (expected a folder of its schemas, or a new one); nothing "
                             "was written")
    report = write_tree(out_dir, files)
    click.echo(f"Wrote {len(report.written)} schema file(s) to {out_dir} "
               f"({report.unchanged} unchanged).")
