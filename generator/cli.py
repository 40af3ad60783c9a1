"""The command line: thin click commands that delegate to ``generator.commands``."""

from __future__ import annotations

import math
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from .project import Project

# The engines' names, without importing them (the CLI imports lazily, so --help stays fast);
# tests/site/test_build.py holds this list equal to generator.site.engines.ENGINES.
ENGINE_NAMES = ["mkdocs", "zensical"]

project_option = click.option(
    "--root", type=click.Path(file_okay=False, path_type=Path), default=Path("."),
    show_default=True, help="The project folder (holding mkdocs.yml and content/).")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="mlpm-skills")
def main() -> None:
    """Generate and serve the ML/AI PM knowledge base and self-assessment from YAML content."""


strict_option = click.option(
    "--strict", is_flag=True,
    help="Treat warnings (e.g. placeholder addresses like example.com) as errors.")


def address_options(command: Callable[..., None]) -> Callable[..., None]:
    """--site-url, --repo-url, --edit-uri: the published addresses, replacing mkdocs.yml's
    (else taken from MLPM_SITE_URL, MLPM_REPO_URL, MLPM_EDIT_URI)."""
    for name, help_text in (
            ("edit-uri", "Path of the edit page under the repository, e.g. edit/main/."),
            ("repo-url", "The repository, for the header link and 'edit this page' links."),
            ("site-url", "The address the site is published at (e.g. a local test server)."),
    ):
        command = click.option(f"--{name}", default=None, metavar="URL", help=help_text)(command)
    return command


lang_option = click.option(
    "--lang", "language", default=None, metavar="CODE",
    help="The language to ask and report in: a translation declared in content/framework.yml "
         "(e.g. ru, zh).  [default: the content's own language]")


@main.command()
@project_option
@strict_option
@address_options
def validate(root: Path, strict: bool, site_url: str | None, repo_url: str | None,
             edit_uri: str | None) -> None:
    """Check every content file and report all mistakes as file:line messages."""
    from .commands.validate import run

    run(Project(root.resolve(), site_url=site_url, repo_url=repo_url,
                edit_uri=edit_uri).with_environment(), strict)


@main.command()
@project_option
@click.option("--engine", type=click.Choice(ENGINE_NAMES), default="mkdocs",
              show_default=True, help="The static-site engine that builds the pages.")
@click.option("--no-site", is_flag=True, help="Only generate the pages; do not build site/.")
@strict_option
@address_options
def build(root: Path, engine: str, no_site: bool, strict: bool, site_url: str | None,
          repo_url: str | None, edit_uri: str | None) -> None:
    """Validate, generate the pages, and build the static site into site/."""
    from .commands.build import run

    project = Project(root.resolve(), site_url=site_url, repo_url=repo_url, edit_uri=edit_uri)
    run(project.with_environment(), engine=engine, site=not no_site, strict=strict)


@main.command()
@project_option
@click.option("--dev-addr", default="127.0.0.1:8000", show_default=True,
              help="Address and port to serve on.")
@click.option("--engine", type=click.Choice(ENGINE_NAMES), default="mkdocs",
              show_default=True, help="The static-site engine whose dev server serves the pages.")
@click.option("--lang", "language", default="", metavar="CODE",
              help="The language to serve (only its pages are regenerated on each edit), at "
                   "/CODE/ for a translation.  [default: the content's own language]")
def serve(root: Path, dev_addr: str, engine: str, language: str) -> None:
    """Serve the site locally; regenerate when content or templates change, and reload."""
    from .commands.serve import run

    run(Project(root.resolve()).with_environment(), dev_addr, engine, language)


@main.command()
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path))
@click.option("--repo-url", default=None, metavar="URL",
              help="Your repository (asked for in a terminal if not given; empty for none).")
@click.option("--site-url", default=None, metavar="URL",
              help="Where the site will be published (asked for in a terminal if not given).")
@click.option("--name", default=None, help="The framework's (and the site's) name.")
@click.option("--levels", default=None, metavar="A,B,C",
              help="Level names, lowest first, after the 'Not yet' floor (2 to 7).")
@click.option("--area", default=None, help="The name of the first skill area.")
def init(directory: Path, repo_url: str | None, site_url: str | None, name: str | None,
         levels: str | None, area: str | None) -> None:
    """Create a new, small framework in DIRECTORY that validates and builds as it is
    (asking, in a terminal, for what no option gives)."""
    from .commands.init import Shape, run, split_levels

    run(directory, repo_url, site_url,
        Shape(name, split_levels(levels) if levels is not None else None, area))


@main.command("import")
@project_option
@click.argument("sources", nargs=-1, required=True, metavar="SOURCE...",
                type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--name", default=None, help="The framework's name (default: the generic "
              "file's title, or the first source's file name).")
@click.option("--generic", default=None, type=click.Path(exists=True, dir_okay=False,
              path_type=Path), help="The Markdown file the others inherit criteria from "
              "(default: the one whose front matter says path: /generic).")
@click.option("--examples", type=click.Choice(["auto", "field", "comments", "drop"]),
              default="auto", show_default=True, help="Where a criterion's examples go: "
              "the behaviour's examples field, YAML comments under it, or nowhere (auto: the "
              "field if this version's content model has it, else comments).")
@click.option("--overwrite", is_flag=True,
              help="Replace content files that import did not write (never without this).")
def import_(root: Path, sources: tuple[Path, ...], name: str | None, generic: Path | None,
            examples: str, overwrite: bool) -> None:
    """Import a ladder from a spreadsheet export (CSV: area, skill, level, behaviour,
    example) or progression-framework Markdown into content/, listing what it could not
    place."""
    from .commands.import_ladder import run

    run(Project(root.resolve()), list(sources), name, generic, examples, overwrite)  # type: ignore[arg-type]


@main.command()
@click.option("-o", "--out", "out_dir", type=click.Path(file_okay=False, path_type=Path),
              default=Path("schema"), show_default=True, help="Folder to write the schemas to.")
def schema(out_dir: Path) -> None:
    """Export the JSON Schema of every content file, for editor completion and checks."""
    from .commands.schema import run

    run(out_dir)


class Share(click.FloatRange):
    """A share above 0 and at most 1; not NaN (which every comparison, so every bound, lets
    through) nor infinity."""

    def __init__(self) -> None:
        super().__init__(min=0, max=1, min_open=True)

    def convert(self, value: Any, param: click.Parameter | None,
                ctx: click.Context | None) -> float:
        number = super().convert(value, param, ctx)
        if math.isnan(number):
            self.fail(f"{value!r} is not a number (expected a share such as 0.35)", param, ctx)
        return float(number)


@main.command()
@project_option
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              show_default=True, help="A report for the terminal, or JSON.")
@click.option("--top", type=click.IntRange(min=0), default=10, show_default=True,
              help="How many of the most easily guessed checks to list.")
@click.option("--max-cue", type=Share(), default=None,
              metavar="FLOAT",
              help="Fail when a test-wise strategy picks more than this share of keyed "
                   "answers.  [default: assessment.item_max_cue in framework.yml, 0.35 if unset]")
def items(root: Path, fmt: str, top: int, max_cue: float | None) -> None:
    """Check the knowledge checks: can surface cues of the options alone find the answers?"""
    from .commands.items import run

    run(Project(root.resolve()), fmt, top, max_cue)


@main.command()
@project_option
@click.option("--lang", "languages", multiple=True, metavar="CODE",
              help="Only this language (repeatable).  [default: every declared language]")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              show_default=True, help="A report for the terminal, or JSON.")
@click.option("--show", type=click.IntRange(min=0), default=20, show_default=True,
              help="How many entries of each kind of problem to list.")
@click.option("--todo", metavar="CODE", default=None,
              help="Print what CODE still needs (missing and stale texts, with their English "
                   "and fingerprint), grouped by translation file, as YAML.")
def translations(root: Path, languages: tuple[str, ...], fmt: str, show: int,
                 todo: str | None) -> None:
    """Translation status per language: coverage, and what is missing, stale or broken."""
    from .commands.translations import run

    run(Project(root.resolve()), languages, fmt, show, todo)


# --- the self-assessment in the terminal (docs/cli.md) --------------------------

result_file = click.Path(dir_okay=False, path_type=Path)


@main.command()
@project_option
@click.option("--role", default=None, metavar="ROLE",
              help="Target role id (asked if not given and the file has none).")
@click.option("--mode", type=click.Choice(["quick", "full"]), default=None,
              help="quick: a few checks per skill; full: every check.  [default: quick, or the "
                   "mode of the file being continued]")
@click.option("-o", "--output", type=result_file, default=Path("result.json"), show_default=True,
              help="The result file; if it exists, the assessment continues where it stopped.")
@click.option("--name", default=None,
              help="Who is taking it (stored in the result file); with --about, who gives the "
                   "second opinion.")
@click.option("--about", default=None, metavar="NAME",
              help="Give a second opinion on NAME instead: self-ratings only, about them; "
                   "`compare` and the browser's import put it beside their own result.")
@lang_option
def assess(root: Path, role: str | None, mode: str | None, output: Path, name: str | None,
           about: str | None, language: str | None) -> None:
    """Take the self-assessment in the terminal; every answer is saved as you go."""
    from .commands.assess import run

    run(root, output, role, mode, name, about, language)


@main.command()
@project_option
@click.argument("result", metavar="RESULT.json", type=result_file)
@click.option("--role", default=None, metavar="ROLE",
              help="Compare with this role instead of the one in the file.")
@click.option("--format", "fmt", type=click.Choice(["text", "md", "html", "json"]),
              default=None,
              help="text: wrapped to the terminal; md: the browser's Markdown download; html: "
                   "a self-contained page; json: the scoring.  [default: text in a terminal, "
                   "md when piped or redirected]")
@lang_option
def report(root: Path, result: Path, role: str | None, fmt: str | None,
           language: str | None) -> None:
    """Print the career-gap report for one result file."""
    from .commands.report import run

    run(root, result, role, fmt, language)


@main.command()
@project_option
@click.argument("results", metavar="RESULT.json...", type=result_file, nargs=-1, required=True)
@click.option("-o", "--output", type=click.Path(file_okay=False, path_type=Path),
              default=Path("team-report"), show_default=True,
              help="Folder to write index.html into.")
@click.option("--role", default=None, metavar="ROLE",
              help="Compare with this role.  [default: the role most files chose]")
@click.option("--names", type=click.Choice(["full", "initials", "hidden"]), default="full",
              show_default=True,
              help="Show names, initials, or nobody (then only groups of --min-group or more).")
@click.option("--min-group", type=click.IntRange(2, 100), default=3, show_default=True,
              help="With hidden names, the smallest group any shown figure may describe.")
@lang_option
def team(root: Path, results: tuple[Path, ...], output: Path, role: str | None,
         names: str, min_group: int, language: str | None) -> None:
    """Write a team page: heatmap, single points of failure, gaps and mentoring pairs."""
    from .commands.team import run

    run(root, list(results), output, role, names, min_group, language)


@main.command()
@project_option
@click.argument("self_result", metavar="SELF.json", type=result_file)
@click.argument("other_result", metavar="OTHER.json", type=result_file)
@lang_option
def compare(root: Path, self_result: Path, other_result: Path, language: str | None) -> None:
    """Show where a manager's or peer's rating differs from the self-rating."""
    from .commands.compare import run

    run(root, self_result, other_result, language)


if __name__ == "__main__":  # pragma: no cover
    main()
