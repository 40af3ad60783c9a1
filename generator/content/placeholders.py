"""Placeholder addresses (``example.com``, ``github.com/example/…``) left in a project.

A fork that publishes with an invented address ships dead links (a "repository" button
and "edit this page" links that 404). These are warnings, each at its ``path:line``:
``validate`` and ``build`` print them, and ``--strict`` makes them errors.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..errors import ContentError
from .load import SourceFile
from .located_yaml import strings

# Hosts reserved for examples (RFC 2606) and the made-up organisations of templates.
PLACEHOLDER = re.compile(
    r"(?i)\b(?:https?://|//)?(?:[a-z0-9-]+\.)*(?:example\.(?:com|org|net|edu)"
    r"|example\.github\.io|[a-z0-9-]+\.(?:test|invalid|example)\b"
    r"|(?:github|gitlab)\.com/(?:example|your-org|your-name)\b)[^\s)\"'>]*")


def placeholder_warnings(sources: Iterable[SourceFile],
                         overridden: Iterable[str] = ()) -> list[ContentError]:
    """A warning for every placeholder address in ``sources`` (located YAML, and guide
    bodies), except under the top-level keys in ``overridden`` (set by an option or the
    environment, so the file's value is not what is published)."""
    from .messages import place

    skip = set(overridden)
    out = []
    for source in sources:
        for loc, text in strings(source.data):
            if loc and loc[0] in skip:
                continue
            for found in PLACEHOLDER.finditer(text):
                out.append(ContentError(*place(source, loc, 0), _message(found.group())))
        for offset, line in enumerate(source.body.splitlines()):
            for found in PLACEHOLDER.finditer(line):
                out.append(ContentError(source.path, source.body_line + offset,
                                        _message(found.group())))
    return sorted(set(out))


def _message(address: str) -> str:
    return (f"warning: a placeholder address (expected a real one, or none, got '{address}'); "
            "a published site would link to a page that does not exist")
