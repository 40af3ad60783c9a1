"""The site navigation, in content order, with every title escaped for MkDocs."""

from __future__ import annotations

from typing import Any

from ..content import model as m
from ..content.safety import plain
from ..strings import Strings
from .paths import P


def site_nav(content: m.Content, strings: Strings) -> list[Any]:
    """MkDocs' nav. Material prints its labels as they are, inside HTML too, so each goes
    through ``plain`` — the interface's words as well, which a project can set
    (``content/strings/``)."""
    c = content

    def t(key: str) -> str:
        return plain(strings.t(key))

    skills_nav: list[Any] = []
    for area in c.framework.areas:
        skills_nav.append({plain(area.name): [P.area(area.id)] + [
            {plain(s.name): P.skill(s.id)} for s in c.skills_in(area.id)]})
    if len(skills_nav) == 1:  # one area: its page and skills directly under "Skills"
        skills_nav = next(iter(skills_nav[0].values()))
    nav: list[Any] = [{t("nav.home"): P.home}]
    nav.append({t("nav.skills"): skills_nav})
    if c.guides:
        nav.append({t("nav.guides"): [P.guides] + [{plain(g.meta.title): P.guide(g.slug)}
                                                    for g in c.guides]})
    nav.append({t("nav.assessment"): P.assessment})
    nav.append({t("nav.reading_list"): P.reading_list})
    compare = [{t("roles.compare_title"): P.compare_roles}] if len(c.roles) > 1 else []
    nav.append({t("nav.roles"): [P.roles, *compare]
                + [{plain(r.name): P.role(r.id)} for r in c.roles]})
    if c.glossary:
        nav.append({t("nav.glossary"): P.glossary})
    if c.sources:
        nav.append({t("nav.sources"): P.sources})
    return nav
