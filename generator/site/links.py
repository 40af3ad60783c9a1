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

from markdown_it import MarkdownIt

from ..content.messages import describe, did_you_mean
from ..errors import ContentError
from .pages import PAGES
from .paths import P

_LINKS = MarkdownIt("commonmark")
_LINKS.validateLink = lambda url: True  # type: ignore[method-assign]
_OUTSIDE = ("https:", "http:", "mailto:", "#", "/")


def _relative_links(markdown: str) -> Iterator[tuple[int, str]]:
    """(line offset, target) of each link to a Markdown page by relative path."""
    if "](" not in markdown and "]:" not in markdown:
        return
    for token in _LINKS.parse(markdown):
        for child in token.children or ():
            target = str(child.attrGet("href") or "") if child.type == "link_open" else ""
            path = target.split("#", 1)[0]
            if path and not target.startswith(_OUTSIDE) and path.endswith(".md"):
                yield (token.map[0] if token.map else 0), target


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
            hint = did_you_mean(page, pages)
            near = hint.split("'")[1] if hint else ""
            suggestion = (f"; did you mean '{posixpath.relpath(near, here)}'?" if near else "")
            errors.append(ContentError(path, guide.body_line + offset, "a link leads to no page "
                          f"of this site (expected a page such as ../skills/<skill-id>.md or "
                          f"<guide>.md, got {describe(target)}){suggestion}"))
    return errors
