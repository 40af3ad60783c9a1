"""``init DIR``: scaffold a new, minimal framework that validates and builds as it is."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import click

from ..content.schema import schema_files
from ..errors import GeneratorError
from ..site.render import package_tree
from ..site.write import write_tree

ADDRESSES = (
    ("repo_url", "The repository's address, for 'edit this page' links (empty: none)"),
    ("site_url", "The address the site will be published at (empty: set by the workflow)"),
)


def ask_addresses(given: dict[str, str | None]) -> dict[str, str]:
    """The addresses given as options, and (in a terminal) asked for the others; empty
    answers leave them out, so the site shows no links rather than invented ones."""
    out = {key: value for key, value in given.items() if value}
    if sys.stdin.isatty():
        for key, question in ADDRESSES:
            if key not in given or given[key] is None:
                answer = click.prompt(question, default="", show_default=False).strip()
                if answer:
                    out[key] = answer
    return out


def with_addresses(config: bytes, addresses: dict[str, str]) -> bytes:
    """The scaffold's mkdocs.yml with its commented address lines filled in."""
    text = config.decode("utf-8")
    for key, value in addresses.items():
        text = re.sub(rf"^# {key}: .*$", f"{key}: {json.dumps(value)}", text, count=1,
                      flags=re.MULTILINE)
    return text.encode("utf-8")


def run(target: Path, repo_url: str | None = None, site_url: str | None = None) -> None:
    if target.exists() and any(target.iterdir()):
        raise GeneratorError(f"{target} is not empty (expected a new or empty folder, so nothing "
                             "of yours is overwritten)")
    files = package_tree("scaffold")
    files["mkdocs.yml"] = with_addresses(files["mkdocs.yml"], ask_addresses(
        {"repo_url": repo_url, "site_url": site_url}))
    files.update({f"schema/{name}": data for name, data in schema_files().items()})
    write_tree(target, files)
    click.echo(f"Created a new framework in {target}/ ({len(files)} files). Next:\n"
               f"  python -m generator validate --root {target}\n"
               f"  python -m generator serve --root {target}")
