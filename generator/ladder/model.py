"""What a ladder holds once read, whatever its format: tracks (areas) of topics (skills),
each with criteria (behaviours, with examples) per numbered level."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field


@dataclass
class Criterion:
    text: str
    examples: list[str] = field(default_factory=list)


@dataclass
class Topic:
    name: str
    where: str  # file:line of the topic (or its first row), for messages
    summary: str = ""
    levels: dict[int, list[Criterion]] = field(default_factory=dict)

    def add(self, level: int, criterion: Criterion) -> None:
        self.levels.setdefault(level, []).append(criterion)


@dataclass
class Track:
    name: str
    summary: str = ""
    topics: list[Topic] = field(default_factory=list)

    def topic(self, name: str, where: str) -> Topic:
        """The topic called ``name`` (case and spacing aside), added if new."""
        key = " ".join(name.split()).casefold()
        for topic in self.topics:
            if " ".join(topic.name.split()).casefold() == key:
                return topic
        self.topics.append(Topic(name, where))
        return self.topics[-1]


@dataclass
class Ladder:
    """Everything read from the sources, and what could not be placed."""

    name: str
    top_level: int = 0
    tracks: list[Track] = field(default_factory=list)
    level_summaries: dict[int, str] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)  # "file:line: what (expected …, got …)"
    sources: list[str] = field(default_factory=list)

    def track(self, name: str) -> Track:
        key = " ".join(name.split()).casefold()
        for track in self.tracks:
            if " ".join(track.name.split()).casefold() == key:
                return track
        self.tracks.append(Track(name))
        return self.tracks[-1]

    def problem(self, where: str, message: str) -> None:
        self.problems.append(f"{where}: {message}")


def slug(text: str, fallback: str) -> str:
    """A content id from a name: ``"Code & review"`` → ``code-review``; a name with no
    Latin letters or digits (right-to-left text, say) gets ``fallback``."""
    flat = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", flat.lower())
    return "-".join(words)[:60].strip("-") or fallback


def unique(wanted: str, taken: set[str]) -> str:
    """``wanted``, or ``wanted-2``, ``wanted-3``… if already taken; the result is taken."""
    found, n = wanted, 2
    while found in taken:
        found, n = f"{wanted}-{n}", n + 1
    taken.add(found)
    return found
