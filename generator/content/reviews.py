"""Time-sensitive content that was last reviewed too long ago (a warning, not an error).

A skill or guide may say when its facts were last checked (``reviewed: YYYY-MM-DD``); laws,
vendors' terms and prices move, so once that is older than the framework's
``review_after_days`` (default 365) ``validate`` says so at the line of the date.
"""

from __future__ import annotations

from datetime import date

from ..errors import ContentError
from .load import RawContent, SourceFile
from .messages import place


def stale_reviews(raw: RawContent, today: date) -> list[ContentError]:
    """A warning for each ``reviewed`` date more than ``review_after_days`` before ``today``."""
    framework = raw.framework.data if raw.framework else None
    days = framework.get("review_after_days", 365) if isinstance(framework, dict) else 365
    if not isinstance(days, int) or isinstance(days, bool) or days < 1:
        return []  # the validator reports a bad setting
    out = []
    for source in (*raw.skills, *raw.guides):
        stamp = _reviewed(source)
        if stamp is None:
            continue
        age = (today - stamp).days
        if age > days:
            out.append(ContentError(*place(source, ("reviewed",)),
                                    f"warning: last reviewed on {stamp.isoformat()}, {age} days "
                                    f"ago (expected a review at least every {days} days: check "
                                    "its facts, then update 'reviewed')"))
    return out


def _reviewed(source: SourceFile) -> date | None:
    value = source.data.get("reviewed") if isinstance(source.data, dict) else None
    try:
        return date.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None  # the validator reports a malformed date
