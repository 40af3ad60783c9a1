"""Item statistics for the knowledge checks: can they be passed by test-taking habit?

Computed from the validated content and the assessment data's build-time decisions
(which checks each mode asks, the order options are shown in), so the numbers describe
exactly what a reader sees. Pure functions: no files, no terminal; ``items_format``
turns the report into text or JSON and ``commands/items`` prints it.

For each mode's question set: the accuracy of each test-wise strategy (``cues``) and of
always picking one displayed position, chance, and where the keyed answers sit. For
every check: the keyed option's length against the others, the number of options, near
duplicates among the questions, and how many strategies find its key.
"""

from __future__ import annotations

import difflib
import itertools
import math
import statistics
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from . import model as m
from .cues import CUES, content_words, credit, position_credit

MIN_OPTIONS = 4
"""Fewer options raise chance (1/2, 1/3) and with it every strategy's score."""

DUPLICATE_JACCARD = 0.25
DUPLICATE_MIN_SHARED = 3
DUPLICATE_PHRASE = 5


@dataclass(frozen=True)
class Item:
    """One check as the analysis needs it: texts, the key, and the displayed order."""

    id: str
    skill: str
    question: str
    options: tuple[str, ...]
    key: int  # content-order index of the keyed option
    order: tuple[int, ...]  # content-order indexes in display order


MIN_CHECKS = 8
"""Fewer checks than this in a mode say nothing about a strategy (on one check, "longest
option" is right or wrong, 100 % or 0 %): the shares are shown, not held to the bound."""


@dataclass(frozen=True)
class ModeStats:
    """How far each strategy gets on one mode's question set."""

    mode: str
    checks: int
    chance: float
    accuracy: dict[str, float]  # strategy name → share of keys picked (ties 1/k)
    positions: list[int]  # keyed answers shown at display position 1, 2, …
    best: str
    best_accuracy: float
    # The least share one display position can hold however the keys are placed, when the
    # checks are few (5 checks of 4 options: one position holds 2, 40 %): "always position
    # n" at that share says nothing an author could fix, so it is not held to the bound.
    position_floor: float = 0.0

    def verdict(self, bound: float) -> str:
        """"above" when a strategy does better than ``bound`` allows (a position strategy:
        than the floor, if that is higher), else "few" (too few checks to judge), "even" (a
        position strategy is past the bound only by the floor) or "within"."""
        if self.checks < MIN_CHECKS:
            return "few"
        if any(share > (max(bound, self.position_floor) if name.startswith("position-")
                        else bound) for name, share in self.accuracy.items()):
            return "above"
        return "even" if any(name.startswith("position-") and share > bound
                             for name, share in self.accuracy.items()) else "within"


@dataclass(frozen=True)
class LengthStats:
    """Keyed option length / mean length of the other options, over every check."""

    median: float
    max: float
    max_check: str
    key_longest: int  # checks where the key is strictly the longest option
    checks: int


@dataclass(frozen=True)
class DuplicatePair:
    first: str
    second: str
    jaccard: float
    phrase: str  # the longest run of content words both questions share


@dataclass(frozen=True)
class CueHits:
    """How many text strategies land on one check's key (ties counted 1/k)."""

    id: str
    skill: str
    score: float
    strategies: list[str]  # the strategies that pick the key alone


@dataclass(frozen=True)
class ItemReport:
    max_cue: float
    strategies: dict[str, str]  # name → label, in report order
    modes: list[ModeStats]
    length: LengthStats
    few_options: dict[str, int] = field(default_factory=dict)
    duplicates: list[DuplicatePair] = field(default_factory=list)
    worst: list[CueHits] = field(default_factory=list)

    @property
    def over_bound(self) -> list[ModeStats]:
        """The modes whose best strategy beats the bound (the command then exits 1)."""
        return [s for s in self.modes if s.checks and s.verdict(self.max_cue) == "above"]


# --- gathering ---------------------------------------------------------------------------


def items_by_mode(content: m.Content, data: dict[str, Any]) -> dict[str, list[Item]]:
    """The items each mode asks, in asking order, with the data file's option order."""
    checks = {c.id: (s.id, c) for s in content.skills for c in s.checks}
    shipped = {c["id"]: c for s in data["skills"] for c in s["checks"]}
    modes: dict[str, list[Item]] = {}
    for skill in data["skills"]:
        for mode, ids in skill["ask"].items():
            for check_id in ids:
                skill_id, check = checks[check_id]
                modes.setdefault(mode, []).append(Item(
                    id=check_id, skill=skill_id, question=check.question,
                    options=tuple(o.text for o in check.options),
                    key=shipped[check_id]["answer"], order=tuple(shipped[check_id]["order"])))
    return modes


# --- strategies ----------------------------------------------------------------------------


def position_names(items: Sequence[Item]) -> list[str]:
    most_options = max((len(i.options) for i in items), default=0)
    return [f"position-{p + 1}" for p in range(most_options)]


def hits(item: Item) -> dict[str, float]:
    """The credit every text strategy earns on one item."""
    return {cue.name: credit(cue.pick(item.question, item.options), item.key) for cue in CUES}


def mode_stats(mode: str, items: Sequence[Item], positions: int) -> ModeStats:
    n = len(items)
    totals = dict.fromkeys([c.name for c in CUES], 0.0)
    for item in items:
        for name, value in hits(item).items():
            totals[name] += value
    for p in range(positions):
        totals[f"position-{p + 1}"] = sum(position_credit(i.order, p, i.key) for i in items)
    # Rounded so that equal shares built from different fractions compare equal.
    accuracy = {name: round(total / n, 9) if n else 0.0 for name, total in totals.items()}
    keyed = [0] * positions
    for item in items:
        keyed[item.order.index(item.key)] += 1
    # Ties for the best go to the earlier strategy in report order, for a stable name.
    best = max(accuracy, key=lambda name: accuracy[name]) if n else ""
    return ModeStats(mode=mode, checks=n,
                     chance=statistics.fmean(1 / len(i.options) for i in items) if n else 0.0,
                     accuracy=accuracy, positions=keyed, best=best,
                     best_accuracy=accuracy.get(best, 0.0),
                     position_floor=round(math.ceil(n / positions) / n, 9) if n and positions
                     else 0.0)


# --- per check -----------------------------------------------------------------------------


def length_ratio(item: Item) -> float:
    others = [len(o) for i, o in enumerate(item.options) if i != item.key]
    return len(item.options[item.key]) / statistics.fmean(others)


def key_is_longest(item: Item) -> bool:
    return all(len(item.options[item.key]) > len(o)
               for i, o in enumerate(item.options) if i != item.key)


def length_stats(items: Sequence[Item]) -> LengthStats:
    if not items:
        return LengthStats(median=0.0, max=0.0, max_check="", key_longest=0, checks=0)
    ratios = {i.id: length_ratio(i) for i in items}
    top = max(ratios, key=lambda check_id: ratios[check_id])
    return LengthStats(median=statistics.median(ratios.values()), max=ratios[top], max_check=top,
                       key_longest=sum(key_is_longest(i) for i in items), checks=len(items))


def cue_hits(items: Sequence[Item]) -> list[CueHits]:
    """Every item with how many text strategies find its key, most found first."""
    found = []
    for item in items:
        credits = hits(item)
        # Rounded so that sums of thirds compare equal (4.999… and 5.0 are the same score).
        score = round(sum(credits.values()), 9)
        found.append(CueHits(id=item.id, skill=item.skill, score=score,
                             strategies=[name for name, c in credits.items() if c == 1.0]))
    return sorted(found, key=lambda h: (-h.score, h.id))


# --- near duplicates --------------------------------------------------------------------


def similarity(first: str, second: str) -> tuple[float, str]:
    """Word-set Jaccard of two questions' content words, and the longest run of content
    words they share (as a phrase).

    Two checks on the same scenario are rarely worded alike sentence by sentence — one
    vendor "retires the model version you use in 60 days", another's "provider announces
    the version … will be retired in 60 days" — so character-level ratios (difflib) miss
    them, and a plain word Jaccard is dominated by "the", "you", "what". Dropping stop
    words leaves the words that carry the scenario; a shared run of several of them in
    the same order ("version use retired 60 days") is a reused sentence.
    """
    a, b = content_words(first), content_words(second)
    set_a, set_b = set(a), set(b)
    union = set_a | set_b
    jaccard = len(set_a & set_b) / len(union) if union else 0.0
    match = difflib.SequenceMatcher(None, a, b, autojunk=False).find_longest_match(
        0, len(a), 0, len(b))
    return jaccard, " ".join(a[match.a:match.a + match.size])


def is_near_duplicate(first: str, second: str) -> tuple[bool, float, str]:
    """Near duplicates share at least a quarter of their content words (and at least
    three of them, so two one-line questions do not match on a single word), or a run of
    five or more content words in the same order (four would flag a shared product name
    such as "ML weather-forecast API" in two unrelated questions)."""
    jaccard, phrase = similarity(first, second)
    shared = len(set(content_words(first)) & set(content_words(second)))
    close = jaccard >= DUPLICATE_JACCARD and shared >= DUPLICATE_MIN_SHARED
    return close or len(phrase.split()) >= DUPLICATE_PHRASE, jaccard, phrase


def near_duplicates(items: Sequence[Item]) -> list[DuplicatePair]:
    pairs = []
    for one, other in itertools.combinations(items, 2):
        duplicate, jaccard, phrase = is_near_duplicate(one.question, other.question)
        if duplicate:
            pairs.append(DuplicatePair(one.id, other.id, jaccard, phrase))
    return sorted(pairs, key=lambda p: (-p.jaccard, p.first, p.second))


# --- the report -----------------------------------------------------------------------


def item_report(content: m.Content, data: dict[str, Any], *, top: int = 10,
                max_cue: float | None = None) -> ItemReport:
    """Every statistic for one framework; ``data`` is ``assessment_data(content, …)``."""
    by_mode = items_by_mode(content, data)
    every = by_mode.get("full", [])
    positions = position_names(every)
    return ItemReport(
        max_cue=content.framework.assessment.item_max_cue if max_cue is None else max_cue,
        strategies={**{c.name: c.label for c in CUES},
                    **{name: f"always position {name.split('-')[1]}" for name in positions}},
        modes=[mode_stats(mode, by_mode.get(mode, []), len(positions))
               for mode in ("quick", "full")],
        length=length_stats(every),
        few_options={i.id: len(i.options) for i in every if len(i.options) < MIN_OPTIONS},
        duplicates=near_duplicates(every),
        worst=cue_hits(every)[:top],
    )
