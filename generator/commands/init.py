"""``init DIR``: scaffold a new, minimal framework that validates and builds as it is."""

from __future__ import annotations

from pathlib import Path

import click

from ..content.schema import schema_files
from ..errors import GeneratorError
from ..site.render import package_tree
from ..site.write import write_tree


def run(target: Path) -> None:
    if target.exists() and any(target.iterdir()):
        raise GeneratorError(f"{target} is not empty (expected a new or empty folder, so nothing "
                             "of yours is overwritten)")
    files = package_tree("scaffold")
    files.update({f"schema/{name}": data for name, data in schema_files().items()})
    write_tree(target, files)
    click.echo(f"Created a new framework in {target}/ ({len(files)} files). Next:\n"
               f"  python -m generator validate --root {target}\n"
               f"  python -m generator serve --root {target}")
