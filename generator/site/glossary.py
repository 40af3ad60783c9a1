"""The glossary's tooltips, for languages written without spaces too.

Python-Markdown's ``abbr`` extension marks a word only between word boundaries (``\\b``).
Chinese has no boundary between two characters, so a term inside a sentence (数据漂移 in
的数据漂移会…) never got its tooltip. This extension is ``abbr`` (with ``fast_abbr``'s linear search) with one change: a term
needs a boundary only at an end that is a letter or digit of a script that separates words
with spaces; at an end written in Chinese, Japanese or Korean characters, or in punctuation
(a term such as "Полнота (recall)", which ``abbr`` could never match), it needs none.
Terms that begin and end with letters of spaced scripts match exactly as with ``abbr``.
The generated mkdocs.yml names this module instead of ``abbr``.
"""

from __future__ import annotations

import re
from typing import Any

from markdown.extensions.abbr import AbbrExtension  # type: ignore[import-untyped]

from .engines.fast_abbr import FastAbbrTreeprocessor, trie_pattern

_UNSPACED = re.compile("[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\u3040-\u30ff]")
"""CJK ideographs, kana and hangul: scripts that do not separate words with spaces."""


_PATTERNS: dict[tuple[str, ...], re.Pattern[str]] = {}


def _bounded(term: str) -> bool:
    """Whether a term starts and ends with a letter or digit of a spaced script."""
    return all(re.match(r"\w", c) and not _UNSPACED.match(c) for c in (term[0], term[-1]))


def pattern(terms: list[str]) -> re.Pattern[str]:
    """One expression for every term, each with the boundaries it needs: when every term
    needs both (as in English), ``fast_abbr``'s trie between two ``\\b``, exactly
    ``abbr``'s matches; otherwise the terms longest first, as ``abbr`` orders them."""
    key = tuple(sorted(terms))
    if key in _PATTERNS:
        return _PATTERNS[key]
    if all(_bounded(term) for term in key):
        _PATTERNS[key] = re.compile(rf"\b(?:{trie_pattern(list(key))})\b")
        return _PATTERNS[key]
    parts = []
    for term in sorted(terms, key=len, reverse=True):
        left = "" if _UNSPACED.match(term[0]) or not re.match(r"\w", term[0]) else r"\b"
        right = "" if _UNSPACED.match(term[-1]) or not re.match(r"\w", term[-1]) else r"\b"
        parts.append(f"{left}{re.escape(term)}{right}")
    _PATTERNS[key] = re.compile("|".join(parts))
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
