"""Links from a guide to another page, checked before MkDocs sees them.

A guide links to other pages by relative path (``../skills/mlops.md``). One that leads to no
page of the site (a typo, a skill a fork's ``remove.yml`` took out, a renamed guide) would
be a dead link on the published site; MkDocs would name only the generated file. Here it
is a mistake at the guide's own line, with the page it probably meant.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterable, Iterator
from typing import Any

from ..content.messages import closest, describe
from ..content.safety import link_targets
from ..errors import ContentError
from .pages import PAGES
from .paths import P

_OUTSIDE = ("https:", "http:", "mailto:", "#", "/")


def _relative_links(markdown: str) -> Iterator[tuple[int, str]]:
    """(line offset, target) of each link to a Markdown page by relative path."""
    for offset, kind, target in link_targets(markdown):
        path = target.split("#", 1)[0]
        if kind == "link" and path and not target.startswith(_OUTSIDE) and path.endswith(".md"):
            yield offset, target


def page_paths(content: Any) -> set[str]:
    """Every page the site will have, as docs paths (``skills/mlops.md``)."""
    return {kind.path(item) for kind in PAGES for item in kind.items(content)}


def broken_links(content: Any, files: Iterable[tuple[str, Any]]) -> list[ContentError]:
    """A mistake for each link of a guide that leads to no page. ``files``: (the file the
    guide's text was read from, the guide) pairs."""
    pages = page_paths(content)
    errors = []
    for path, guide in files:
        here = posixpath.dirname(P.guide(guide.slug))
        for offset, target in _relative_links(guide.body):
            page = posixpath.normpath(posixpath.join(here, target.split("#", 1)[0]))
            if page in pages:
                continue
            near = closest(page, pages)
            suggestion = f"; did you mean '{posixpath.relpath(near, here)}'?" if near else ""
            errors.append(ContentError(path, guide.body_line + offset, "a link leads to no page "
                          f"of this site (expected a page such as ../skills/<skill-id>.md or "
                          f"<guide>.md, got {describe(target)}){suggestion}"))
    return errors
