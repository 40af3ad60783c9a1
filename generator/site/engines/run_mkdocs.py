"""``python -m generator.site.engines.run_mkdocs ARGS``: MkDocs' own command line, with the
glossary tooltips found in linear time (``fast_abbr``; the same HTML), jieba's cache kept
private (``segmenter``), and only warnings and errors printed.

MkDocs' ``-q`` would quiet its progress lines by raising its logger to ERROR, which also
hides every warning from ``--strict``'s counter: a strict build then publishes broken links.
Instead its stream handler shows warnings and errors, and the logger keeps every level."""

import logging

from mkdocs import __main__ as mkdocs_main

from .fast_abbr import install
from .segmenter import keep_cache_private

_state_init = mkdocs_main.State.__init__


def _warnings_only(self: mkdocs_main.State, *args: object, **kwargs: object) -> None:
    _state_init(self, *args, **kwargs)
    self.stream.setLevel(logging.WARNING)


mkdocs_main.State.__init__ = _warnings_only  # type: ignore[method-assign]
install()
keep_cache_private()
mkdocs_main.cli()
