"""A ``Ladder`` → the files of ``content/``: framework.yml (the level scale and one area
per track), one skill file per topic and roles.yml (one role per track and level).

What a ladder does not say (why a skill matters, how to reach a level) is written as a
sentence that says so, for the author to replace; the command's report counts them.
Two features may be missing from this version's content model, and are used only when it
has them: ``examples`` under a behaviour (else kept as YAML comments, or dropped, as the
``examples`` option says) and ``starts_at``/``not_applicable`` for a skill whose criteria
start above level 1 (else the missing levels carry a sentence that says so, and are listed).
"""

from __future__ import annotations

import json
from typing import Literal

from ..content import model as m
from .model import Criterion, Ladder, Topic, slug, unique

MARK = "# Imported by `python -m generator import`"
"""The first line of every file import writes (with a digest of the rest appended): import
replaces only files that start so and whose digest still matches."""

ExamplesMode = Literal["auto", "field", "comments", "drop"]


def model_has_examples() -> bool:
    """Whether this version's model takes ``{text, examples}`` as a behaviour."""
    try:
        m.SkillLevel.model_validate({"behaviours": [{"text": "a", "examples": ["b"]}],
                                     "how_to_reach": "c"})
    except ValueError:
        return False
    return True


def model_has_starts_at() -> bool:
    return "starts_at" in m.Skill.model_fields and "not_applicable" in m.Skill.model_fields


def _q(text: str) -> str:
    """A YAML scalar: a JSON string is valid YAML, whatever the text holds."""
    return json.dumps(text, ensure_ascii=False)


class Emitter:
    def __init__(self, ladder: Ladder, examples: ExamplesMode = "auto") -> None:
        self.ladder = ladder
        self.examples = ("field" if model_has_examples() else "comments") \
            if examples == "auto" else examples
        self.starts_at = model_has_starts_at()
        self.notes: list[str] = []  # what the author should know: filled levels, kept examples
        self.ids: dict[int, str] = {}  # id(topic) → skill id
        self.areas: list[tuple[str, str, list[Topic]]] = []
        taken_areas: set[str] = set()
        taken: set[str] = set()
        for n, track in enumerate(ladder.tracks, 1):
            area = unique(slug(track.name, f"area-{n}"), taken_areas)
            self.areas.append((area, track.name, track.topics))
            for topic in track.topics:
                self.ids[id(topic)] = unique(slug(topic.name, f"skill-{len(taken) + 1}"), taken)

    def source(self) -> str:
        return ", ".join(self.ladder.sources)

    def files(self) -> dict[str, str]:
        out = {"content/framework.yml": self.framework(), "content/roles.yml": self.roles()}
        for area, _, topics in self.areas:
            for order, topic in enumerate(topics, 1):
                out[f"content/skills/{self.ids[id(topic)]}.yml"] = self.skill(area, topic,
                                                                              order)
        return out

    def framework(self) -> str:
        top = self.ladder.top_level
        lines = [MARK + f" from {self.source()}.", f"name: {_q(self.ladder.name)}",
                 f"tagline: {_q('Our career ladder: the skills at each level, and where you stand.')}",
                 f"description: {_q(f'Imported from {self.source()}. Each skill lists what people do at each level.')}",
                 'version: "0.1"', "levels:",
                 f"  - {{value: 0, name: {_q('Not yet')}, summary: {_q('Not yet at level 1.')}}}"]
        for value in range(1, top + 1):
            summary = self.ladder.level_summaries.get(value) or f"Level {value} of the ladder."
            lines.append(f"  - {{value: {value}, name: {_q(f'Level {value}')}, "
                         f"summary: {_q(summary)}}}")
        lines.append("areas:")
        for (area, name, _), track in zip(self.areas, self.ladder.tracks, strict=True):
            lines += [f"  - id: {area}", f"    name: {_q(name)}",
                      f"    summary: {_q(track.summary or f'The {name} skills of the ladder.')}"]
        return "\n".join(lines) + "\n"

    def _described(self, topic: Topic) -> list[int]:
        """The levels the skill file describes: with ``starts_at`` support, those the ladder
        has criteria for; without, every level from 1."""
        if self.starts_at:
            return sorted(topic.levels)
        return list(range(1, self.ladder.top_level + 1))

    def _applies(self, topic: Topic) -> list[int]:
        """The levels at which the skill applies: from the first the ladder describes."""
        return [v for v in self._described(topic) if v >= min(topic.levels)]

    def skill(self, area: str, topic: Topic, order: int) -> str:
        skill_id = self.ids[id(topic)]
        given = sorted(topic.levels)
        lines = [MARK + f" from {topic.where.rsplit(':', 1)[0]}.", f"id: {skill_id}",
                 f"area: {area}", f"name: {_q(topic.name)}", f"order: {order}",
                 f"summary: {_q(topic.summary or f'{topic.name}, as the ladder describes it.')}",
                 f"why_it_matters: {_q('Imported without a reason; say why this skill matters.')}"]
        if self.starts_at:
            if given[0] > 1:
                lines.append(f"starts_at: {given[0]}")
            gaps = [v for v in range(given[0], self.ladder.top_level + 1) if v not in given]
            if gaps:
                lines.append(f"not_applicable: [{', '.join(map(str, gaps))}]")
        lines.append("levels:")
        for value in self._described(topic):
            lines.append(f"  {value}:")
            lines.append("    behaviours:")
            for criterion in topic.levels.get(value) or [self._filler(topic, value)]:
                lines += self._behaviour(criterion)
            lines.append(f"    how_to_reach: {_q(self._how(value))}")
        return "\n".join(lines) + "\n"

    def _filler(self, topic: Topic, value: int) -> Criterion:
        """A level the ladder leaves empty, when the model cannot mark it not applicable."""
        self.notes.append(f"{topic.where}: skill '{topic.name}' has no criteria at level "
                          f"{value}; the level says so (this version's model has no starts_at)")
        below = [v for v in sorted(topic.levels) if v < value]
        if below:
            return Criterion(f"The level {below[-1]} behaviours; the ladder adds nothing new "
                             f"at level {value}.")
        return Criterion(f"Not described at level {value}: the ladder starts this skill at "
                         f"level {min(topic.levels)}.")

    def _behaviour(self, criterion: Criterion) -> list[str]:
        if not criterion.examples or self.examples == "drop":
            return [f"      - {_q(criterion.text)}"]
        if self.examples == "field":
            return [f"      - text: {_q(criterion.text)}", "        examples:",
                    *(f"          - {_q(e)}" for e in criterion.examples)]
        return [f"      - {_q(criterion.text)}",
                *(f"        # example: {' '.join(e.split())}" for e in criterion.examples)]

    @staticmethod
    def _how(value: int) -> str:
        if value == 1:
            return "Imported without guidance; say how someone starts on this skill."
        return f"Imported without guidance; say how someone grows from level {value - 1}."

    def roles(self) -> str:
        """One role per track and level: that level in the track's skills, none elsewhere."""
        lines = [MARK + f" from {self.source()}.", "roles:"]
        taken: set[str] = set()
        for area, name, topics in self.areas:
            for value in range(1, self.ladder.top_level + 1):
                lines += [f"  - id: {unique(f'{area}-level-{value}', taken)}",
                          f"    name: {_q(f'{name}, level {value}')}",
                          f"    summary: {_q(f'Level {value} of the {name} ladder.')}",
                          "    expectations:"]
                for other, _, others in self.areas:
                    for topic in others:
                        level = self._expected(topic, value) if other == area else 0
                        importance = 3 if other == area else 1
                        if self.starts_at and other == area and value < min(topic.levels):
                            continue  # a model with starts_at lets a role leave it out
                        lines.append(f"      {self.ids[id(topic)]}: "
                                     f"{{level: {level}, importance: {importance}}}")
        return "\n".join(lines) + "\n"

    def _expected(self, topic: Topic, value: int) -> int:
        """The level a role at ``value`` expects: the highest the skill describes up to it."""
        described = [v for v in self._applies(topic) if v <= value]
        return described[-1] if described else 0
