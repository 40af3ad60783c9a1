"""How the terminal shows numbers, rich text and tables (durations: ``Strings.minutes``)."""

from __future__ import annotations

from ..content.safety import html_to_text
from .scoring import round2

plain = html_to_text
"""Pre-rendered inline HTML (already escaped by the generator) → plain text."""


def number(value: float | None, empty: str = "—") -> str:
    """``2.0`` → ``2``, ``1.25`` → ``1.25``, ``None`` → ``—``."""
    if value is None:
        return empty
    return f"{round2(value):.2f}".rstrip("0").rstrip(".")


def table(header: list[str], rows: list[list[str]]) -> list[str]:
    """A Markdown table whose columns line up in a terminal too."""
    widths = [max(len(str(cell)) for cell in column) for column in zip(header, *rows)]

    def line(cells: list[str]) -> str:
        return "| " + " | ".join(str(c).ljust(w) for c, w in zip(cells, widths)) + " |"

    return [line(header), "|" + "|".join("-" * (w + 2) for w in widths) + "|",
            *(line(row) for row in rows)]
