"""The content as published: areas switched off with ``show: false`` are left out.

This is a projection of valid content, not validation: the hidden areas' skills go,
and so does every reference to them, found from the model's ``Ref`` declarations
(``references.without``), so no page links to a page that is not built.
"""

from __future__ import annotations

from . import model as m
from .references import GONE, without


def without_hidden_areas(content: m.Content) -> m.Content:
    """``content`` without its hidden areas, their skills and every reference to those."""
    hidden = {a.id for a in content.framework.areas if not a.show}
    if not hidden:
        return content
    gone = {"area": hidden, "skill": {s.id for s in content.skills if s.area in hidden}}
    framework = content.framework.model_copy(
        update={"areas": [a for a in content.framework.areas if a.show]})
    pruned = without(content.model_copy(update={"framework": framework}), gone)
    assert pruned is not GONE  # the content itself never goes
    return pruned
