"""The languages a site is translated into (``content/i18n/<code>/``; docs/translating.md)."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import StringConstraints

from .types import Strict, Text

LanguageCode = Annotated[str, StringConstraints(pattern=r"^[a-z]{2}(-[A-Z]{2})?$")]


class Language(Strict):
    """One translation. ``complete`` fails the tests on any missing text; ``in-progress``
    shows the fallback's text, marked as such, until a translation exists."""

    code: LanguageCode
    name: Text
    status: Literal["complete", "in-progress"] = "in-progress"
    fallback: LanguageCode | None = None
