"""The glossary's tooltips, for languages written without spaces too.

Python-Markdown's ``abbr`` extension marks a word only between word boundaries (``\\b``).
Chinese has no boundary between two characters, so a term inside a sentence (数据漂移 in
的数据漂移会…) never got its tooltip. This extension is ``abbr`` (with ``fast_abbr``'s
linear search and trie of the terms) with one change: a term needs a boundary only at an end
that is a letter or digit of a script that separates words with spaces; at an end written in Chinese, Japanese or Korean characters, or in punctuation
(a term such as "Полнота (recall)", which ``abbr`` could never match), it needs none.
Terms that begin and end with letters of spaced scripts match exactly as with ``abbr``.
The generated mkdocs.yml names this module instead of ``abbr``.
"""

from __future__ import annotations

import re
from typing import Any

from markdown.extensions.abbr import AbbrExtension  # type: ignore[import-untyped]

from .engines.fast_abbr import FastAbbrTreeprocessor, word_pattern

_UNSPACED = re.compile("[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\u3040-\u30ff]")
"""CJK ideographs, kana and hangul: scripts that do not separate words with spaces."""

_PATTERNS: dict[tuple[str, ...], re.Pattern[str]] = {}


def _spaced(char: str) -> bool:
    """A letter or digit of a script that separates words with spaces."""
    return bool(re.match(r"\w", char)) and not _UNSPACED.match(char)


def _ending(word: str) -> str:
    """The boundary a term needs after it: ``\\b`` after a letter or digit of a spaced
    script, nothing after a CJK character or punctuation."""
    return r"\b" if _spaced(word[-1]) else ""


def pattern(terms: list[str]) -> re.Pattern[str]:
    """One expression for every term, each with the boundaries it needs. A term starting
    with a letter of a spaced script needs a boundary before it; the others do not. The two
    kinds never start at the same character, so neither alternative hides the other."""
    key = tuple(sorted(set(terms)))
    if key not in _PATTERNS:
        bounded = [t for t in key if _spaced(t[0])]
        free = [t for t in key if not _spaced(t[0])]
        parts = ([rf"\b(?:{word_pattern(bounded, _ending)})"] if bounded else []) + \
            ([f"(?:{word_pattern(free, _ending)})"] if free else [])
        _PATTERNS[key] = re.compile("|".join(parts) or r"(?!)")
    return _PATTERNS[key]


class _Treeprocessor(FastAbbrTreeprocessor):
    def run(self, root: Any) -> Any:
        if not self.abbrs:
            return None
        self.RE = pattern(list(self.abbrs))
        self.iter_element(root)
        return None


class GlossaryExtension(AbbrExtension):
    def extendMarkdown(self, md: Any) -> None:
        super().extendMarkdown(md)
        md.treeprocessors.register(_Treeprocessor(md, self.abbrs), "abbr", 7)


def makeExtension(**kwargs: Any) -> GlossaryExtension:
    return GlossaryExtension(**kwargs)
