"""``python -m generator.site.engines.run_mkdocs ARGS``: MkDocs' own command line, with the
glossary tooltips found in linear time (``fast_abbr``; the same HTML) and jieba's cache kept
private (``segmenter``)."""

from mkdocs.__main__ import cli

from .fast_abbr import install
from .segmenter import keep_cache_private

install()
keep_cache_private()
cli()
