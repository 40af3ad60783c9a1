"""The command line: thin click commands that delegate to ``generator.commands``."""

from __future__ import annotations

from pathlib import Path

import click

from .pipeline import Project

project_option = click.option(
    "--root", type=click.Path(file_okay=False, path_type=Path), default=Path("."),
    show_default=True, help="The project folder (holding mkdocs.yml and content/).")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="mlpm-skills")
def main() -> None:
    """Generate and serve the ML/AI PM knowledge base and self-assessment from YAML content."""


@main.command()
@project_option
def validate(root: Path) -> None:
    """Check every content file and report all mistakes as file:line messages."""
    from .commands.validate import run

    run(Project(root.resolve()))


@main.command()
@project_option
@click.option("--engine", type=click.Choice(["mkdocs", "zensical"]), default="mkdocs",
              show_default=True, help="The static-site engine that builds the pages.")
@click.option("--no-site", is_flag=True, help="Only generate the pages; do not build site/.")
@click.option("--site-url", default=None, metavar="URL",
              help="Override site_url from mkdocs.yml (e.g. for a local test server).")
def build(root: Path, engine: str, no_site: bool, site_url: str | None) -> None:
    """Validate, generate the pages, and build the static site into site/."""
    from .commands.build import run

    run(Project(root.resolve(), site_url=site_url), engine=engine, site=not no_site)


@main.command()
@project_option
@click.option("--dev-addr", default="127.0.0.1:8000", show_default=True,
              help="Address and port to serve on.")
def serve(root: Path, dev_addr: str) -> None:
    """Serve the site locally; regenerate when content or templates change, and reload."""
    from .commands.serve import run

    run(Project(root.resolve()), dev_addr)


if __name__ == "__main__":  # pragma: no cover
    main()
