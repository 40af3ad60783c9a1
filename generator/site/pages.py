"""Every page of the site, registered in one place (``PAGES``), and what templates share.

A page kind names its template, the items it is made for (one page each, or one page
for the site), its path, and the content file its text comes from (the "edit this
page" link). Adding a page kind is one entry here and one template.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from ..content import levels
from ..content import model as m
from ..content.safety import md, md_cell, md_inline
from ..i18n.apply import LanguageContent
from ..strings import strings_of
from . import anchors
from .paths import P, linker
from .templates import template_environment

SITE = (None,)
"""The items of a page kind that has one page for the whole site."""


@dataclass(frozen=True)
class PageKind:
    template: str
    items: Callable[[m.Content], Iterable[Any]]
    path: Callable[[Any], str]
    edit_source: Callable[[Any], str]
    context: Callable[[m.Content, Any], dict[str, Any]] = lambda c, item: {}


def _site_if(present: Callable[[m.Content], Any]) -> Callable[[m.Content], Iterable[Any]]:
    return lambda c: SITE if present(c) else ()


READING_LIST_LIMIT = 200
"""Resources the reading list shows on one page. Past it the page would keep growing with the
framework (189 KiB gzipped at 820 resources, 1.3 MB at 8,200), so it becomes an index of the
skills' own lists instead; the shipped framework (108) stays one filterable page."""

PAGES: list[PageKind] = [
    PageKind("home.md.j2", lambda c: SITE, lambda _: P.home, lambda _: "content/framework.yml"),
    PageKind("area.md.j2", lambda c: c.framework.areas, lambda a: P.area(a.id),
             lambda _: "content/framework.yml",
             lambda c, a: {"area": a, "skills": c.skills_in(a.id)}),
    PageKind("skill.md.j2", lambda c: c.skills, lambda s: P.skill(s.id),
             lambda s: f"content/skills/{s.id}.yml",
             lambda c, s: {"skill": s, "area": next(a for a in c.framework.areas
                                                    if a.id == s.area)}),
    PageKind("reading-list.md.j2", lambda c: SITE, lambda _: P.reading_list,
             lambda _: "content/resources.yml"),
    PageKind("roles.md.j2", lambda c: SITE, lambda _: P.roles, lambda _: "content/roles.yml"),
    PageKind("compare-roles.md.j2", _site_if(lambda c: len(c.roles) > 1),
             lambda _: P.compare_roles, lambda _: "content/roles.yml"),
    PageKind("role.md.j2", lambda c: c.roles, lambda r: P.role(r.id),
             lambda _: "content/roles.yml", lambda c, r: {"role": r}),
    PageKind("guides.md.j2", _site_if(lambda c: c.guides), lambda _: P.guides,
             lambda _: "content/guides"),
    PageKind("guide.md.j2", lambda c: c.guides, lambda g: P.guide(g.slug),
             lambda g: f"content/guides/{g.slug}.md", lambda c, g: {"guide": g}),
    PageKind("glossary.md.j2", _site_if(lambda c: c.glossary), lambda _: P.glossary,
             lambda _: "content/glossary.yml"),
    PageKind("sources.md.j2", _site_if(lambda c: c.sources), lambda _: P.sources,
             lambda _: "content/sources.yml"),
    PageKind("assessment.md.j2", _site_if(lambda c: c.roles), lambda _: P.assessment,
             lambda _: "content/framework.yml"),
]


class Renderer:
    """Renders every registered page from one ``Content``; templates reach it as ``r``."""

    def __init__(self, content: m.Content, language: LanguageContent | None = None,
                 source: m.Content | None = None) -> None:
        """``language`` and ``source`` (the English content) for a translation: its pages
        mark untranslated text and pin the English guides' heading anchors."""
        self.content = content
        self.language = language
        self.source = source or content
        self.fallback = language.fallback if language else frozenset()
        self._marked_on_page = False
        self.strings = strings_of(content)
        self.env = template_environment(self.strings)
        self.skills = {s.id: s for s in content.skills}
        self.sources = {s.id: s for s in content.sources}
        self.levels = {lvl.value: lvl for lvl in content.framework.levels}
        self.citations = self._citations()
        self._resources_by_skill, self._guides_by_skill = self._by_skill()

    # -- what templates share ----------------------------------------------------------

    def abbreviations(self) -> dict[str, str]:
        """Every glossary word → its definition: the ``abbr`` glossary, a tooltip on every page.

        Given to Python-Markdown as the extension's ``glossary`` setting rather than appended
        to each page as ``*[word]: …`` lines: parsing those lines on every page made the
        build 1.5x slower (3.3 s of 10 s at 10x content).
        """
        words: dict[str, str] = {}
        for term in sorted(self.content.glossary, key=lambda t: t.term.casefold()):
            definition = " ".join(term.definition.split())
            for word in (term.term, *term.aliases):
                words[word] = definition
        return words

    def _citations(self) -> dict[str, list[tuple[str, str]]]:
        """For each source id, the pages (path, title) that cite it, in site order."""
        cited: dict[str, list[tuple[str, str]]] = {s.id: [] for s in self.content.sources}
        for skill in self.content.skills:
            ids = set(skill.sources) | {sid for c in skill.checks for sid in c.sources}
            for sid in sorted(ids):
                cited[sid].append((P.skill(skill.id), skill.name))
        for guide in self.content.guides:
            for sid in guide.meta.sources:
                cited[sid].append((P.guide(guide.slug), guide.meta.title))
        return cited

    def _by_skill(self) -> tuple[dict[str, list[m.Resource]], dict[str, list[m.Guide]]]:
        """Resources and guides per skill, indexed once: scanning them for every skill page
        made rendering quadratic (18 s at 100x content)."""
        resources: dict[str, list[m.Resource]] = {s.id: [] for s in self.content.skills}
        for resource in self.content.resources:
            for skill_id in resource.skills:
                resources[skill_id].append(resource)
        for found in resources.values():
            found.sort(key=lambda r: (r.level, r.title.casefold()))
        guides: dict[str, list[m.Guide]] = {s.id: [] for s in self.content.skills}
        for guide in self.content.guides:
            for skill_id in guide.meta.skills:
                guides[skill_id].append(guide)
        return resources, guides

    @property
    def reading_list_is_index(self) -> bool:
        """Whether the reading list is too long for one page (``READING_LIST_LIMIT``): it then
        counts each skill's resources and links to the skill's page, which lists them."""
        return len(self.content.resources) > READING_LIST_LIMIT

    def resources_for(self, skill_id: str) -> list[m.Resource]:
        """Resources that build a skill, easiest first, then by title."""
        return self._resources_by_skill[skill_id]

    def guides_for(self, skill_id: str) -> list[m.Guide]:
        return self._guides_by_skill[skill_id]

    def resource_area(self, resource: m.Resource) -> str:
        """The area a resource is listed under: that of the first skill it builds."""
        return self.skills[resource.skills[0]].area or ""  # always set once validated

    def level_label(self, value: int) -> str:
        """A level as pages name it: "2 · Practising", or "Level 2" alone (``levels.label``)."""
        return levels.label(self.strings, value, self.levels[value].name)

    def level_md(self, value: int, cell: bool = False) -> str:
        """``level_label`` as Markdown for a page (``cell``: inside a table), its level name
        marked when it is shown untranslated — the label around it is interface text."""
        name = self.levels[value].name
        shown = self.marked(name, md_cell(name) if cell else md_inline(name), False)
        return levels.label(self.strings, value, name, shown=shown)

    def level_notes(self, skill: m.Skill) -> str:
        """What a skill says about the levels that do not apply to it, or ""."""
        left_out = [v for v in self.levels if v not in levels.applicable(self.content.framework,
                                                                           skill)]
        if not left_out:
            return ""
        if skill.starts_at is not None and not skill.not_applicable:
            return self.strings.t("skill.starts_at", level=self.level_label(skill.starts_at))
        return self.strings.t("skill.not_applicable",
                              levels=", ".join(self.level_label(v) for v in left_out))

    # -- languages -----------------------------------------------------------------------

    def marked(self, text: str, rendered: str, block: bool) -> str:
        """``rendered`` as is, or, when ``text`` is shown untranslated in this language,
        inside an element that says its language and a style that marks it (the page then
        opens with a notice saying what the mark means)."""
        if text not in self.fallback:
            return rendered
        self._marked_on_page = True
        source = self.source.framework.language
        if block:
            return (f'<div lang="{source}" class="mlpm-fallback" markdown="1">\n\n{rendered}'
                    "\n\n</div>")
        return f'<span lang="{source}" class="mlpm-fallback">{rendered}</span>'

    def pin(self, kind: str, item_id: str) -> str:
        """``{ #id }`` for a heading naming an area, skill, role or guide (``anchor``)."""
        return f"{{ #{self.anchor(kind, item_id)} }}"

    @cached_property
    def _english_names(self) -> dict[str, dict[str, str]]:
        """The source language's names of what headings name, by kind and id."""
        src = self.source
        return {"area": {a.id: a.name for a in src.framework.areas},
                "skill": {s.id: s.name for s in src.skills},
                "role": {r.id: r.name for r in src.roles},
                "guide": {g.slug: g.meta.title for g in src.guides}}

    def anchor(self, kind: str, item_id: str) -> str:
        """The id of a heading naming an area, skill, role or guide: the slug of its English
        name, which is the anchor these headings always had, now the same in every
        language."""
        name = self._english_names[kind].get(item_id, item_id)
        return anchors.slug(anchors.html_to_plain(md(name))) or item_id

    def guide_body(self, guide: m.Guide) -> str:
        """A guide's body with its headings pinned to the English guide's anchors."""
        english = next((g for g in self.source.guides if g.slug == guide.slug), guide)
        body = anchors.pin(md(guide.body), anchors.guide_ids(english.body))
        return self.marked(guide.body, body, True)

    def _edit_source(self, kind: PageKind, item: Any) -> str:
        edit = kind.edit_source(item)  # a fork's layer file, when the page's text is from one
        edit = self.content.origins.get(f"{edit}#{getattr(item, 'id', '')}",
                                        self.content.origins.get(edit, edit))
        if self.language and not self.language.source and edit in self.language.translated_files:
            prefix = edit.split("/", 1)[0]
            return f"{prefix}/i18n/{self.language.code}/{edit.split('/', 1)[1]}"
        return edit

    def _with_notice(self, text: str) -> str:
        """The page with the untranslated-text notice under its title."""
        notice = self.strings.t("i18n.fallback_notice", language=self.language.name
                                if self.language else "")
        head, sep, rest = text.partition("\n# ")
        title, nl, body = rest.partition("\n")
        block = f'\n!!! note "{self.strings.t("i18n.fallback_title")}"\n    {notice}\n'
        return f"{head}{sep}{title}{nl}{block}{body}" if sep else text

    # -- the pages -----------------------------------------------------------------------

    def page(self, kind: PageKind, item: Any) -> bytes:
        here = kind.path(item)
        self._marked_on_page = False
        text = self.env.get_template(kind.template).render(
            here=here, link=linker(here), edit_source=self._edit_source(kind, item), r=self,
            c=self.content, fw=self.content.framework, **kind.context(self.content, item))
        if self._marked_on_page:
            text = self._with_notice(text)
        return (text.rstrip() + "\n").encode("utf-8")

    def pages(self) -> dict[str, bytes]:
        """Every page, by docs path."""
        return {kind.path(item): self.page(kind, item)
                for kind in PAGES for item in kind.items(self.content)}
