"""Where each kind of page lives in the generated docs folder, and links between them."""

from __future__ import annotations

import posixpath
from collections.abc import Callable


class PagePaths:
    """Docs paths of every page; templates reach these as ``P``."""

    @staticmethod
    def area(area_id: str) -> str:
        return f"areas/{area_id}.md"

    @staticmethod
    def skill(skill_id: str) -> str:
        return f"skills/{skill_id}.md"

    @staticmethod
    def role(role_id: str) -> str:
        return f"roles/{role_id}.md"

    @staticmethod
    def guide(slug: str) -> str:
        return f"guides/{slug}.md"

    home = "index.md"
    reading_list = "reading-list.md"
    roles = "roles/index.md"
    # Beside roles/, not in it: a role's id could be "compare".
    compare_roles = "compare-roles.md"
    guides = "guides/index.md"
    glossary = "glossary.md"
    sources = "sources.md"
    assessment = "assessment/index.md"


P = PagePaths


def linker(here: str) -> Callable[[str], str]:
    """A function giving the link from page ``here`` to another docs path."""
    base = posixpath.dirname(here)

    def link(target: str) -> str:
        path, _, anchor = target.partition("#")
        rel = posixpath.relpath(path, base or ".") if path else ""
        return f"{rel}#{anchor}" if anchor else rel

    return link
