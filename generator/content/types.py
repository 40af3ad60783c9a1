"""The building blocks of the content model: ids, references, text, dates, addresses and
the strict base every model derives from (``model`` re-exports them)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"

Id = Annotated[str, StringConstraints(pattern=ID_PATTERN, max_length=64)]
"""A lowercase, hyphen-separated identifier such as ``ml-fundamentals``."""


@dataclass(frozen=True)
class Ref:
    """Marks a field (or a mapping's keys) as holding the id of a ``kind`` defined elsewhere.

    ``owner_needs_one``: when the referenced items are hidden and none is left, the
    item holding the field is left out too (a resource that builds only hidden skills).
    """

    kind: Literal["skill", "source", "area"]
    owner_needs_one: bool = False


SkillRef = Annotated[Id, Ref("skill")]
SourceRef = Annotated[Id, Ref("source")]
AreaRef = Annotated[Id, Ref("area")]

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
"""User-facing text (Markdown allowed where the field says so)."""

IsoDate = Annotated[str, StringConstraints(pattern=r"^\d{4}-\d{2}-\d{2}$")]
"""A day as ``YYYY-MM-DD`` (YAML dates are read as text, so no time zone creeps in)."""

HttpsUrl = Annotated[str, StringConstraints(
    pattern=r"^https://[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?(?::[0-9]{1,5})?"
            r"(?:[/?#][^\s\"'<>`{}|\\^]*)?$")]
"""An https address with a plain host and no character that could leave a link target."""

LEVEL_VALUE = Annotated[int, Field(ge=1, le=9)]


class Strict(BaseModel):
    """Base for every content model: unknown keys are errors, values are not coerced."""
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)
