"""The same glossary tooltips as Python-Markdown's ``abbr`` extension, found in linear time.

The site gives every glossary word to ``abbr`` (its ``glossary`` setting), so every element of
every page is searched for ~150 words. Python-Markdown 3.x does that with a regular expression
of the words as one flat alternation, rebuilt for every page, and looks up each element's
place in its parent with ``list(parent).index(el)`` (quadratic in a long list or table). At
10x the shipped content that made Markdown conversion 2.2x slower (7.8 s → 3.1 s with this).

``install()`` swaps in a subclass that builds the expression once per glossary as a trie of
the words (``AI|AIM`` → ``A(?:I(?:M)?)?``: the same matches — at each place the longest word
that ends at a word boundary — with far less backtracking) and finds an element's place only
when its tail holds a word. The output is byte-identical (``tests/site/test_fast_abbr.py``).
It is applied where MkDocs runs under the generator (``build`` and ``serve``); Zensical uses
its own Markdown set-up and the unchanged extension.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from markdown.extensions import abbr  # type: ignore[import-untyped]
from markdown.util import AtomicString  # type: ignore[import-untyped]

_PATTERNS: dict[tuple[str, ...], re.Pattern[str]] = {}


MAX_DEPTH = 100
"""Nested groups in a trie expression; a word list nested deeper (many words, each extending
the last) gets one flat alternation instead, so no input can exhaust the interpreter's or the
regular-expression compiler's recursion."""


class TooDeep(Exception):
    """The trie of a word list would nest deeper than ``MAX_DEPTH``."""


def _none(_word: str) -> str:
    return ""


def trie_pattern(words: list[str], ending: Callable[[str], str] = _none) -> str:
    """A regular expression matching exactly ``words``, as a trie: longer words first, each
    word followed by ``ending(word)`` (a boundary it needs; none by default). A run of letters
    without a branch is one literal, so recursion is only where words part."""
    trie: dict[str, Any] = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = ending(word)

    def build(node: dict[str, Any], depth: int) -> str:
        if depth > MAX_DEPTH:
            raise TooDeep
        branches = []
        for char, child in sorted(node.items()):
            if not char:
                continue
            literal = re.escape(char)
            while len(child) == 1 and "" not in child:
                (char, child), = child.items()
                literal += re.escape(char)
            branches.append(literal + build(child, depth + 1))
        body = "|".join(branches)
        if "" not in node:
            return body if len(branches) == 1 else f"(?:{body})"
        return f"(?:{body}|{node['']})" if branches else node[""]

    return build(trie, 0)


def flat_pattern(words: list[str], ending: Callable[[str], str] = _none) -> str:
    """The same words as one alternation, longest first (``abbr``'s own form)."""
    return "|".join(re.escape(w) + ending(w) for w in sorted(words, key=len, reverse=True))


def word_pattern(words: list[str], ending: Callable[[str], str] = _none) -> str:
    """``trie_pattern``, or ``flat_pattern`` for a list that nests too deep."""
    try:
        return trie_pattern(words, ending)
    except TooDeep:
        return flat_pattern(words, ending)


class FastAbbrTreeprocessor(abbr.AbbrTreeprocessor):
    """``AbbrTreeprocessor`` with a cached trie expression and no quadratic index lookups."""

    def _wrap(self, text: str) -> tuple[str, list[Any]]:
        """(the text before the first word, the ``abbr`` elements that follow, in order)."""
        made: list[Any] = []
        for found in reversed(list(self.RE.finditer(text))):
            word = found.group(0)
            if self.abbrs[word]:
                made.append(self.create_element(self.abbrs[word], word, text[found.end():]))
                text = text[:found.start()]
        return text, made

    def iter_element(self, el: Any, parent: Any = None) -> None:
        children = list(el)
        for position in range(len(children) - 1, -1, -1):
            child = children[position]
            self.iter_element(child, None)
            tail = child.tail
            if tail and not isinstance(tail, AtomicString):
                rest, made = self._wrap(tail)
                if made:
                    # The child's place now: later siblings may have gained abbr elements,
                    # earlier ones not yet (they are visited after it).
                    for element in made:
                        el.insert(position + 1, element)
                    child.tail = rest
        text = el.text
        if text and not isinstance(text, AtomicString):
            rest, made = self._wrap(text)
            for element in made:
                el.insert(0, element)
            el.text = rest

    def run(self, root: Any) -> None:
        if not self.abbrs:
            return
        key = tuple(sorted(self.abbrs))
        if key not in _PATTERNS:
            _PATTERNS[key] = re.compile(rf"\b(?:{word_pattern(list(key))})\b")
        self.RE = _PATTERNS[key]
        self.iter_element(root)


def install() -> None:
    """Make Python-Markdown's ``abbr`` extension use ``FastAbbrTreeprocessor``."""
    abbr.AbbrTreeprocessor = FastAbbrTreeprocessor
