"""What the assessment commands (``assess``, ``report``, ``team``, ``compare``) share:
loading the assessment data, reading result files, choosing the role, and formatting.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import click
import jinja2

from ..assessment_data import assessment_data
from ..errors import GeneratorError
from ..pipeline import Project, load_and_validate
from ..render import content_version
from ..results import ResultFile, read_result
from ..scoring import round2
from ..strings import Strings, load_strings

_TAG = re.compile(r"<[^>]+>")


@dataclass
class Assessment:
    """The current content's assessment data, with lookups the commands need."""

    data: dict[str, Any]
    strings: Strings

    @property
    def t(self) -> Callable[..., str]:
        """Look up an interface string: ``t("cli.report.title", name=...)``."""
        return self.strings.t

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

    def behaviours(self, skill_id: str, level: int) -> list[str]:
        """A level's behaviours as plain text (the lowest level has none: its summary)."""
        levels = self.skill(skill_id)["levels"]
        if str(level) in levels:
            return [plain(b) for b in levels[str(level)]["behaviours_html"]]
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


def load_assessment(root: Path) -> Assessment:
    """Validate the project's content and build the same data the browser scores."""
    content = load_and_validate(Project(root.resolve()))
    data = assessment_data(content, content_version(content))
    return Assessment(data, load_strings(content.framework.language))


def read_results(paths: Iterable[Path], assessment: Assessment) -> list[ResultFile]:
    """Read every result file; print each file's notices once, on stderr."""
    results = [read_result(path, assessment.data) for path in paths]
    for result in results:
        for notice in result.notices:
            click.echo(notice, err=True)
    return results


def plain(fragment: str) -> str:
    """Pre-rendered inline HTML (already escaped by the generator) → plain text."""
    return html.unescape(_TAG.sub("", fragment)).strip()


def number(value: float | None, empty: str = "—") -> str:
    """``2.0`` → ``2``, ``1.25`` → ``1.25``, ``None`` → ``—``."""
    if value is None:
        return empty
    return f"{round2(value):.2f}".rstrip("0").rstrip(".")


def minutes(strings: Strings, value: int) -> str:
    """Minutes as the site shows them: ``45 min`` or ``2.5 h``."""
    if value < 60:
        return strings.t("minutes.minutes", n=value)
    return strings.t("minutes.hours", n=number(value / 60))


def table(header: list[str], rows: list[list[str]]) -> list[str]:
    """A Markdown table whose columns line up in a terminal too."""
    widths = [max(len(str(cell)) for cell in column) for column in zip(header, *rows)]

    def line(cells: list[str]) -> str:
        return "| " + " | ".join(str(c).ljust(w) for c, w in zip(cells, widths)) + " |"

    return [line(header), "|" + "|".join("-" * (w + 2) for w in widths) + "|",
            *(line(row) for row in rows)]


@lru_cache(maxsize=1)
def _html_templates() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.PackageLoader("generator", "templates/cli"),
        undefined=jinja2.StrictUndefined, autoescape=True,  # every value is escaped
        trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)


def render_html(template: str, assessment: Assessment, **context: Any) -> str:
    """A self-contained HTML page from ``generator/templates/cli/``, every value escaped."""
    page = _html_templates().get_template(template)
    return page.render(t=assessment.t, language=assessment.strings.language, **context)
