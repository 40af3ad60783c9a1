"""How the terminal shows numbers, rich text and tables (durations: ``Strings.minutes``)."""

from __future__ import annotations

import re
from typing import Any

from ..content.safety import html_to_text
from ..errors import TERMINAL_CONTROL
from .scoring import round2

# Control characters a terminal obeys (``errors.TERMINAL_CONTROL``): never printed from
# result files. Newlines and tabs stay.
_SURROGATE = re.compile(r"[\ud800-\udfff]")


def terminal_text(text: str) -> str:
    """Text safe to print: no control characters, no lone surrogates (which a terminal or
    UTF-8 cannot show and which would crash the write)."""
    return _SURROGATE.sub("\ufffd", TERMINAL_CONTROL.sub("", text))


def clean(value: Any) -> Any:
    """A decoded JSON value with every string made printable (``terminal_text``)."""
    if isinstance(value, str):
        return terminal_text(value)
    if isinstance(value, list):
        return [clean(v) for v in value]
    if isinstance(value, dict):
        return {terminal_text(str(k)): clean(v) for k, v in value.items()}
    return value

plain = html_to_text
"""Pre-rendered inline HTML (already escaped by the generator) → plain text."""


def number(value: float | None, empty: str = "—", sep: str = ".") -> str:
    """``2.0`` → ``2``, ``1.25`` → ``1.25`` (``1,25`` with ``sep=","``), ``None`` → ``—``;
    as report.js's ``num`` writes scores."""
    if value is None:
        return empty
    return f"{round2(value):.2f}".rstrip("0").rstrip(".").replace(".", sep)


def table(header: list[str], rows: list[list[str]]) -> list[str]:
    """A Markdown table whose columns line up in a terminal too."""
    widths = [max(len(str(cell)) for cell in column) for column in zip(header, *rows)]

    def line(cells: list[str]) -> str:
        return "| " + " | ".join(str(c).ljust(w) for c, w in zip(cells, widths)) + " |"

    return [line(header), "|" + "|".join("-" * (w + 2) for w in widths) + "|",
            *(line(row) for row in rows)]
