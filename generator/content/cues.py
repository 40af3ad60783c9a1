"""Test-wise strategies: ways to pick an answer from the wording of the options alone.

A reader who knows nothing about the subject can still beat chance when the keyed answer
looks different from the distractors — longer, listing careful steps, free of "always",
while the wrong options end in a justification ("…, since …"). Each strategy here is such
a habit, written as a function of the question and the option texts (never of which one
is keyed), so ``items.py`` can measure how often it lands on the key.

A strategy returns the *set* of options it cannot tell apart (the tied best). Scoring a
tie as 1/k of a hit when the key is among k tied options means a strategy gets no credit
for lucky tie-breaking: a cue that does not separate the options scores like a guess.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

# The reviewer's lists, as whole words or phrases (case-insensitive).
JUSTIFICATION = ("since", "because", "so that", "in order to", "as this", "which means",
                 "to ensure")
ABSOLUTE = ("always", "never", "only", "all", "none", "every", "must", "guaranteed")
HEDGED = ("may", "might", "could", "consider", "usually", "depends", "first")

# Words too common to say anything about a shared topic (question/option overlap and
# near-duplicate questions).
STOPWORDS = frozenset({
    "a", "about", "after", "all", "also", "an", "and", "any", "are", "as", "at", "be", "been",
    "before", "being", "but", "by", "can", "could", "did", "do", "does", "for", "from", "had",
    "has", "have", "how", "i", "if", "in", "into", "is", "it", "its", "may", "might", "more",
    "most", "much", "must", "my", "no", "not", "of", "on", "one", "or", "our", "should", "so",
    "some", "such", "than", "that", "the", "their", "them", "then", "there", "these", "they",
    "this", "those", "to", "too", "two", "up", "us", "was", "we", "were", "what", "when",
    "where", "which", "while", "who", "why", "will", "with", "would", "you", "your",
})

_WORD = re.compile(r"[a-z0-9]+(?:['’.][a-z0-9]+)*")
# A clause boundary a careful, step-listing answer tends to pile up: comma, semicolon,
# em or en dash, a spaced hyphen, or " and ".
_CLAUSE = re.compile(r"[,;—–]| - | and ", re.IGNORECASE)


def _phrases(words: Sequence[str]) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)
    return re.compile(rf"\b(?:{alternatives})\b", re.IGNORECASE)


_JUSTIFICATION = _phrases(JUSTIFICATION)
_ABSOLUTE = _phrases(ABSOLUTE)
_HEDGED = _phrases(HEDGED)


def words(text: str) -> list[str]:
    """Lowercase words of a text (numbers such as ``0.90`` and ``60`` count as words)."""
    return _WORD.findall(text.lower())


def content_words(text: str) -> list[str]:
    """The words of a text without stop words, in order."""
    return [w for w in words(text) if w not in STOPWORDS]


def clauses(text: str) -> int:
    return len(_CLAUSE.findall(text))


def justifications(text: str) -> int:
    return len(_JUSTIFICATION.findall(text))


def absolutes(text: str) -> int:
    return len(_ABSOLUTE.findall(text))


def hedges(text: str) -> int:
    return len(_HEDGED.findall(text))


def overlap(question: str, option: str) -> int:
    """How many distinct content words of the option also occur in the question."""
    return len(set(content_words(option)) & set(content_words(question)))


# --- choosing ------------------------------------------------------------------------

Score = Callable[[str], float]


def most(options: Sequence[str], score: Score, among: Sequence[int] | None = None) -> set[int]:
    """The options (indexes) with the highest score, among ``among`` (default: all)."""
    candidates = list(range(len(options))) if among is None else list(among)
    scores = {i: score(options[i]) for i in candidates}
    top = max(scores.values())
    return {i for i, s in scores.items() if s == top}


def fewest(options: Sequence[str], score: Score) -> list[int]:
    """The options with the lowest score: "skip the ones with the marker", and when every
    option has one, keep those with the fewest (so the strategy still chooses)."""
    scores = [score(o) for o in options]
    low = min(scores)
    return [i for i, s in enumerate(scores) if s == low]


Strategy = Callable[[str, Sequence[str]], set[int]]


@dataclass(frozen=True)
class Cue:
    """A named test-wise strategy: ``pick(question, options)`` is the tied best set."""

    name: str
    label: str
    pick: Strategy


CUES: tuple[Cue, ...] = (
    Cue("longest", "longest option",
        lambda q, o: most(o, len)),
    Cue("clauses", "most clauses (, ; dashes, and)",
        lambda q, o: most(o, clauses)),
    Cue("no-justification", "no justification clause, then longest",
        lambda q, o: most(o, len, fewest(o, justifications))),
    Cue("no-absolutes", "no absolute words, then longest",
        lambda q, o: most(o, len, fewest(o, absolutes))),
    Cue("hedged", "most hedged wording",
        lambda q, o: most(o, hedges)),
    Cue("overlap", "most words shared with the question",
        lambda q, o: most(o, lambda text: overlap(q, text))),
    Cue("review", "no justification, then most clauses",
        lambda q, o: most(o, clauses, fewest(o, justifications))),
)
"""The text cues, in report order; ``review`` is the combination the review found."""


def credit(chosen: set[int], key: int) -> float:
    """A hit is worth 1/k when the key is one of k options the strategy cannot separate."""
    return 1 / len(chosen) if key in chosen else 0.0


def position_credit(order: Sequence[int], position: int, key: int) -> float:
    """"Always pick the option shown at ``position``" (0-based); on a check with fewer
    options the reader has to guess, which is worth 1/n."""
    if position >= len(order):
        return 1 / len(order)
    return 1.0 if order[position] == key else 0.0
