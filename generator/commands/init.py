"""``init DIR``: scaffold a new, small framework that validates and builds as it is.

The scaffold (``generator/scaffold/``) has one area, skill, role, resource, glossary term,
guide and source. The framework's name, level names and first area come from options or,
in a terminal, from questions; the scaffold's text is rewritten to use them.
"""

from __future__ import annotations

import json
import re
import sys
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import click

from ..content.schema import schema_files
from ..errors import GeneratorError
from ..site.config import ADDRESS
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
        if not ADDRESS.fullmatch(value):  # as validate would refuse it, before anything is written
            raise GeneratorError(f"--{key.replace('_', '-')}: not a plain address (expected an "
                                 f"http(s) address with no quotes, spaces or brackets, got "
                                 f"{value!r:.80})")
        # Spliced in, not substituted: the value is never read as a replacement template.
        found = re.search(rf"^# {key}: .*$", text, flags=re.MULTILINE)
        if found:
            text = f"{text[:found.start()]}{key}: {_q(value)}{text[found.end():]}"
    return text.encode("utf-8")


@dataclass
class Shape:
    """What ``init`` asks for: the framework's name, its level names (lowest first, after the
    "Not yet" floor) and its first area's name. None keeps the scaffold's own."""

    name: str | None = None
    levels: list[str] | None = None
    area: str | None = None


QUESTIONS = (("name", "The framework's name (it is also the site's name)", "Our Team Skills"),
             ("levels", "Level names, lowest first, separated by commas",
              "Learning, Independent, Expert"),
             ("area", "The name of a first skill area", "Craft"))


def ask_shape(shape: Shape) -> Shape:
    """In a terminal, ask for what no option gave; elsewhere keep the scaffold's."""
    if not sys.stdin.isatty():
        return shape
    for key, question, default in QUESTIONS:
        if getattr(shape, key) is None:
            answer = click.prompt(question, default=default).strip()
            setattr(shape, key, split_levels(answer) if key == "levels" else answer)
    return shape


def split_levels(text: str) -> list[str]:
    names = [n.strip() for n in text.split(",") if n.strip()]
    if not 2 <= len(names) <= 6:  # with the "Not yet" floor, a scale of 3 to 7 levels
        raise GeneratorError(f"--levels: expected 2 to 6 level names separated by commas (the "
                             f"scale adds a \"Not yet\" floor, and has 3 to 7 levels), got "
                             f"{len(names)}")
    return names


def slug(text: str) -> str:
    """An id for a name: 'Betrieb & Störungen' → 'betrieb-storungen'."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:64].strip("-") or "area"


def _q(text: str) -> str:
    """A YAML string (JSON's quoting is valid YAML) that keeps non-ASCII letters as they are."""
    return json.dumps(text, ensure_ascii=False)


def shaped(files: dict[str, bytes], shape: Shape) -> dict[str, bytes]:
    """The scaffold's files with the framework's name, levels and first area put in."""
    text = {k: v.decode("utf-8") for k, v in files.items() if k.endswith((".yml", ".md"))}
    fw, skill = "content/framework.yml", "content/skills/code-review.yml"
    if shape.name:
        name = f"name: {_q(shape.name)}"
        text[fw] = re.sub(r"^name: .*$", lambda _: name, text[fw], count=1, flags=re.MULTILINE)
    if shape.area:
        area = slug(shape.area)
        text[fw] = text[fw].replace("  - id: craft\n    name: Craft\n",
                                    f"  - id: {area}\n    name: {_q(shape.area)}\n")
        text[skill] = text[skill].replace("\narea: craft\n", f"\narea: {area}\n")
    if shape.levels:
        scale = [("Not yet", "No experience of this yet.")] + [
            (name, f"Replace with what {name} means in this framework.") for name in shape.levels]
        levels = "levels:\n" + "".join(f"  - {{value: {v}, name: {_q(n)}, summary: {_q(s)}}}\n"
                                        for v, (n, s) in enumerate(scale))
        text[fw] = re.sub(r"^levels:\n(?:  - .*\n)+", lambda _: levels, text[fw], count=1,
                          flags=re.MULTILINE)
        described = "levels:\n" + "".join(
            f"  {v}:\n    behaviours:\n      - {_q(f'Replace with what a reviewer at {n} does.')}"
            f"\n    how_to_reach: {_q(f'Replace with how to become {n}.')}\n"
            for v, n in enumerate(shape.levels, start=1))
        text[skill] = re.sub(r"^levels:\n(?:  .*\n)+", lambda _: described, text[skill],
                             count=1, flags=re.MULTILINE)
        target = min(2, len(shape.levels))  # the role and the resource stay on the scale
        text["content/roles.yml"] = re.sub(r"level: \d+", lambda _: f"level: {target}",
                                           text["content/roles.yml"])
    return {**files, **{k: v.encode("utf-8") for k, v in text.items()}}


def _check_text(shape: Shape) -> None:
    """What goes into the scaffold's files must be text content may hold: a control
    character (or a byte the terminal's encoding could not decode) would give a framework
    that does not validate, or could not be written at all."""
    for option, values in (("--name", [shape.name]), ("--area", [shape.area]),
                           ("--levels", shape.levels or [])):
        for value in values:
            # str.isprintable: no control characters, no lone surrogates (undecodable bytes)
            if value is not None and not value.isprintable():
                raise GeneratorError(f"{option}: expected printable text, got {value!r}")


def run(target: Path, repo_url: str | None = None, site_url: str | None = None,
        shape: Shape | None = None) -> None:
    if target.exists() and any(target.iterdir()):
        raise GeneratorError(f"{target} is not empty (expected a new or empty folder, so nothing "
                             "of yours is overwritten)")
    shape = ask_shape(shape or Shape())
    _check_text(shape)
    files = shaped(package_tree("scaffold"), shape)
    files["mkdocs.yml"] = with_addresses(files["mkdocs.yml"], ask_addresses(
        {"repo_url": repo_url, "site_url": site_url}))
    files.update({f"schema/{name}": data for name, data in schema_files().items()})
    write_tree(target, files)
    click.echo(f"Created a new framework in {target}/ ({len(files)} files). Next:\n"
               f"  python -m generator validate --root {target}\n"
               f"  python -m generator serve --root {target}")
