"""A person's earlier takes in a result file (``history``): progress over time.

The browser's "Retake" keeps the finished take in the document, and so in every exported
file; the result page then shows then against now. Old takes are context, not answers to
act on, so their dropped entries are not reported.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .entries import valid_answers, valid_ratings
from .results import MODES

HISTORY_MAX = 5  # enough to see a trend, small enough to share (state.js has the same)


def _quiet(*_: Any, **__: Any) -> None:
    """A notice sink: an old take's dropped entries are not worth a message."""


def earlier_takes(value: Any, data: Mapping[str, Any]) -> list[dict[str, Any]]:
    """The person's earlier takes (``history``), oldest first: each ``updated`` stamp and
    mode with its entries that still count; no notices, an old take is context only."""
    return [{"updated": e["updated"], "mode": e.get("mode") if e.get("mode") in MODES else "full",
             "ratings": valid_ratings(e.get("ratings"), data, _quiet),
             "answers": valid_answers(e.get("answers"), data, _quiet)}
            for e in (value if isinstance(value, list) else [])[-HISTORY_MAX:]
            if isinstance(e, dict) and isinstance(e.get("updated"), str)]

