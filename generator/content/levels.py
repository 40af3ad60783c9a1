"""What the level scale means for one framework and one skill, decided in one place.

A framework's scale is its own: every level can carry behaviours, and at most one level,
the lowest, is a "not yet" floor that skills need not describe (``framework.floor``; left
out, it is the lowest level, which is how the scale worked before the floor could be named,
so older frameworks keep working). A skill applies from its ``starts_at`` level up, less its
``not_applicable`` levels; the floor always applies, since anyone can be "not yet" at
anything. Pages, the validator and the assessment's data all ask this module, so they
cannot disagree about which levels a skill has.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..strings import Strings
    from .model import Area, Behaviour, Framework, Skill

IMPLICIT_AREA = "skills"
"""The id of the one group a framework without areas puts its skills in."""


def floor(framework: Framework) -> int | None:
    """The value of the floor level, or None when every level is an observable step."""
    if framework.floor == "none":
        return None
    return min(lv.value for lv in framework.levels) if framework.floor is None \
        else framework.floor


def applicable(framework: Framework, skill: Skill) -> list[int]:
    """The level values that apply to ``skill``, in scale order."""
    low = floor(framework)
    start = skill.starts_at if skill.starts_at is not None else -1
    return [lv.value for lv in framework.levels if lv.value == low
            or (lv.value >= start and lv.value not in skill.not_applicable)]


def described(framework: Framework, skill: Skill) -> list[int]:
    """The applicable levels a skill must describe: all but the floor."""
    low = floor(framework)
    return [v for v in applicable(framework, skill) if v != low]


def text(behaviour: str | Behaviour) -> str:
    """A behaviour's sentence, without its examples."""
    return behaviour if isinstance(behaviour, str) else behaviour.text


def examples(behaviour: str | Behaviour) -> list[str]:
    return [] if isinstance(behaviour, str) else list(behaviour.examples)


def numbered(value: int, name: str) -> bool:
    """Whether a level's name already says its number ("Level 3", "3", "L3"), so showing the
    number in front of it would repeat it ("3 · Level 3")."""
    return re.search(rf"(?<!\d){value}(?!\d)", name) is not None


def label(strings: Strings, value: int, name: str, key: str = "levels.label",
          shown: str | None = None) -> str:
    """How a level is named wherever it is shown: "2 · Practising", or just the name when it
    holds the number already; ``shown``, the name as it is to appear (escaped, marked)."""
    shown = name if shown is None else shown
    return shown if numbered(value, name) else strings.t(key, n=value, name=shown)


def implicit_area(framework: Framework, strings: Strings) -> Area:
    """The one group of a framework that declares no areas."""
    from .model import Area  # the model imports nothing from here; only this needs it

    return Area(id=IMPLICIT_AREA, name=strings.t("nav.skills"), summary=framework.tagline)
