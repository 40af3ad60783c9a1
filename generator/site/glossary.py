"""The glossary's tooltips, for languages written without spaces too.

Python-Markdown's ``abbr`` extension marks a word only between word boundaries (``\\b``).
Chinese has no boundary between two characters, so a term inside a sentence (数据漂移 in
的数据漂移会…) never got its tooltip. This extension is ``abbr`` (with ``fast_abbr``'s linear search and a trie of the terms)
with one change: a term
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

from .engines.fast_abbr import FastAbbrTreeprocessor

_UNSPACED = re.compile("[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\u3040-\u30ff]")
"""CJK ideographs, kana and hangul: scripts that do not separate words with spaces."""


_PATTERNS: dict[tuple[str, ...], re.Pattern[str]] = {}


def _spaced(char: str) -> bool:
    """A letter or digit of a script that separates words with spaces."""
    return bool(re.match(r"\w", char)) and not _UNSPACED.match(char)


def _trie(words: list[str]) -> str:
    """The words as a trie expression in which each word ends with the boundary it needs:
    ``\\b`` after a letter or digit of a spaced script, nothing after a CJK character or
    punctuation. A longer word is tried before a shorter one it extends, as ``abbr``'s
    longest-first order does, and the search stays linear (``fast_abbr``)."""
    trie: dict[str, Any] = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = r"\b" if _spaced(word[-1]) else ""

    def build(node: dict[str, Any], depth: int) -> str:
        if depth > _MAX_DEPTH:
            raise _TooDeep
        branches = []
        for char, child in sorted(node.items()):
            if not char:
                continue
            literal = re.escape(char)
            # A run of single letters is one literal: recursion only where words part.
            while len(child) == 1 and "" not in child:
                (char, child), = child.items()
                literal += re.escape(char)
            branches.append(literal + build(child, depth + 1))
        body = "|".join(branches)
        if "" not in node:
            return body if len(branches) == 1 else f"(?:{body})"
        return f"(?:{body}|{node['']})" if branches else node[""]

    return build(trie, 0)


_MAX_DEPTH = 100
"""Nested groups in a trie expression; a glossary nested deeper (many terms, each extending
the last) falls back to one flat alternation, as ``abbr``'s, so no input can exhaust the
interpreter's or the regular-expression compiler's recursion."""


class _TooDeep(Exception):
    pass


def _flat(words: list[str]) -> str:
    return "|".join(re.escape(w) + (r"\b" if _spaced(w[-1]) else "")
                    for w in sorted(words, key=len, reverse=True))


def pattern(terms: list[str]) -> re.Pattern[str]:
    """One expression for every term, each with the boundaries it needs. A term starting
    with a letter of a spaced script needs a boundary before it; the others do not. The two
    kinds never start at the same character, so neither alternative hides the other."""
    key = tuple(sorted(set(terms)))
    if key not in _PATTERNS:
        bounded = [t for t in key if _spaced(t[0])]
        free = [t for t in key if not _spaced(t[0])]
        try:
            tries = (_trie(bounded), _trie(free))
        except _TooDeep:
            tries = (_flat(bounded), _flat(free))
        parts = ([rf"\b(?:{tries[0]})"] if bounded else []) + \
            ([f"(?:{tries[1]})"] if free else [])
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
