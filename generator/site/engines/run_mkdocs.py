"""``python -m generator.site.engines.run_mkdocs ARGS``: MkDocs' own command line, with the
glossary tooltips found in linear time (``fast_abbr``; the same HTML)."""

from mkdocs.__main__ import cli

from .fast_abbr import install

install()
cli()
