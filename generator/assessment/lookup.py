"""The current content's assessment data, with the lookups the terminal commands need."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import GeneratorError
from ..project import Project, load_and_validate
from ..strings import Strings, strings_of
from .data import assessment_data, content_version
from .format import number, plain
from .results import ResultFile


@dataclass
class Assessment:
    """The current content's assessment data, with lookups the commands need."""

    data: dict[str, Any]
    strings: Strings

    @property
    def t(self) -> Callable[..., str]:
        """Look up an interface string: ``t("cli.report.title", name=...)``."""
        return self.strings.t

    def number(self, value: float | None, empty: str = "—") -> str:
        """A score as this language writes it (``assessment.decimal_separator``)."""
        return number(value, empty, self.strings.t("assessment.decimal_separator"))

    def skill(self, skill_id: str) -> dict[str, Any]:
        return next(s for s in self.data["skills"] if s["id"] == skill_id)

    def area_name(self, area_id: str) -> str:
        return next(a["name"] for a in self.data["areas"] if a["id"] == area_id)

    def role(self, role_id: str) -> dict[str, Any]:
        return next(r for r in self.data["roles"] if r["id"] == role_id)

    def resource(self, resource_id: str) -> dict[str, Any]:
        return next(r for r in self.data["resources"] if r["id"] == resource_id)

    def level_name(self, value: int) -> str:
        return next(lv["name"] for lv in self.data["levels"] if lv["value"] == value)

    def level_label(self, value: int) -> str:
        """A level as the browser names it ("Level 2: Practising", or "Level 2" alone)."""
        return next(lv["label"] for lv in self.data["levels"] if lv["value"] == value)

    def behaviours(self, skill_id: str, level: int) -> list[str]:
        """A level's behaviours as plain text, each example after its behaviour as
        "e.g. …" (a floor the skill does not describe: the framework's summary of it)."""
        levels = self.skill(skill_id)["levels"]
        if str(level) in levels:
            described = levels[str(level)]
            return [plain(b) + "".join(f" (e.g. {plain(e)})" for e in examples)
                    for b, examples in zip(described["behaviours_html"],
                                           described["examples_html"])]
        return [next(lv["summary"] for lv in self.data["levels"] if lv["value"] == level)]

    def choose_role(self, asked: str | None, results: Iterable[ResultFile] = ()) -> str:
        """``--role`` if given, else the role most of the results chose (first in content order
        on a tie); a clear error if none is known."""
        role_ids = [r["id"] for r in self.data["roles"]]
        if asked is not None:
            if asked not in role_ids:
                raise GeneratorError(self.t("cli.common.unknown_role", role=asked,
                                            roles=", ".join(role_ids)))
            return asked
        chosen = [r.role for r in results if r.role]
        if not chosen:
            raise GeneratorError(self.t("cli.common.no_role", roles=", ".join(role_ids)))
        return max(role_ids, key=lambda rid: (chosen.count(rid), -role_ids.index(rid)))


def load_assessment(root: Path, language: str | None = None) -> Assessment:
    """Validate the project's content and build the same data the browser scores, in
    ``language`` (a declared translation's code; default the source language). Hashes and
    questions are the source's in every language, so results move between languages."""
    project = Project(root.resolve())
    if language is None:
        content = load_and_validate(project)
        data = assessment_data(content, content_version(content))
        return Assessment(data, strings_of(content))
    from ..site.generate import load_languages  # here: it loads every translation

    source, languages = load_languages(project, only=(language,))
    chosen = languages[0].content
    data = assessment_data(chosen, content_version(source), source, languages[0].fallback)
    return Assessment(data, strings_of(chosen))
