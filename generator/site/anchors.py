"""Heading anchors that are the same in every language.

MkDocs' default slugs drop Cyrillic and CJK letters, so a translated heading would get an
empty or numbered anchor and a deep link (``guides/x/#grade-the-world``) would not survive a
change of language. Every generated heading is therefore pinned to an ASCII id: template
headings to the slug of their English text or to an id, and a guide's own headings to the
slugs of the English guide's headings, matched by position (``translations`` reports a
translated guide whose headings differ in number or level).
"""

from __future__ import annotations

import html
import re
from functools import lru_cache

from markdown.extensions.toc import slugify, unique  # type: ignore[import-untyped]
from markdown_it import MarkdownIt

_PARSER = MarkdownIt("commonmark")
# Headings are found by the block parser alone: inline parsing of every paragraph cost more
# than the rest of a guide's page (the heading's own text is parsed when a slug needs it).
_BLOCKS = MarkdownIt("commonmark").disable("inline")
_TAG = re.compile(r"<[^>]+>")


def slug(text: str) -> str:
    """The id MkDocs' table of contents gives a heading with this (plain) text."""
    return slugify(text, "-")


def html_to_plain(markdown_inline: str) -> str:
    """The text a reader sees of an inline Markdown fragment (what MkDocs slugifies)."""
    return html.unescape(_TAG.sub("", _PARSER.renderInline(markdown_inline)))


def headings(markdown: str) -> list[tuple[int, int, str]]:
    """Each heading of a Markdown text: (its text's line, 0-based; level; plain text)."""
    tokens = _BLOCKS.parse(markdown)
    out = []
    for index, token in enumerate(tokens):
        if token.type == "heading_open" and token.map:
            inline = tokens[index + 1]
            text = html_to_plain(inline.content)
            # An underlined heading's attribute list goes on its (last) text line.
            out.append((token.map[1] - 2 if token.markup in ("=", "-") else token.map[0],
                        int(token.tag[1]), text))
    return out


def heading_levels(markdown: str) -> list[int]:
    return [level for _, level, _ in headings(markdown)]


@lru_cache(maxsize=256)
def guide_ids(english_body: str, taken: tuple[str, ...] = ()) -> list[str]:
    """The ids of an English guide's headings, made unique as MkDocs makes them."""
    seen = set(taken)
    return [unique(slug(text) or "section", seen) for _, _, text in headings(english_body)]


def pin(markdown: str, ids: list[str]) -> str:
    """``markdown`` with ``{ #id }`` after its headings, the n-th heading getting ids[n].
    The text is generator-escaped already, so the only attribute list is the one added."""
    lines = markdown.split("\n")
    for (line, _, _), anchor in zip(headings(markdown), ids, strict=False):
        if line < len(lines):
            lines[line] = f"{lines[line].rstrip().rstrip('#').rstrip()} {{ #{anchor} }}"
    return "\n".join(lines)
