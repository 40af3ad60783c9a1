"""Stage 3: turn validated ``Content`` into the files of the generated MkDocs project.

Rendering is pure: it returns ``{relative path: bytes}`` and touches no disk
(apart from reading the package's own templates and assets), so the same
content always gives byte-identical output.
"""

from __future__ import annotations

import hashlib
import html
import json
import posixpath
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources as package_files
from typing import Any

import jinja2
import yaml

from . import model as m
from .assessment_data import data_json
from .strings import Strings, load_strings

PACKAGE = "generator"

# A "<" that would open a tag, comment or processing instruction in Markdown. The
# validator already rejects raw HTML; escaping here is the second, independent guard.
_TAG_START = re.compile(r"<(?=[A-Za-z/!?])")
# `{: … }` / `{ #id .class key=value }`: attr_list would turn content into HTML attributes.
_ATTR_LIST = re.compile(r"\{(?=\s*(?::|[#.][\w-]|[\w-]+\s*=))")
# A script or data URL scheme, however it is spelled, is broken by a space before the colon.
_BAD_SCHEME = re.compile(r"(?i)\b(java\s*script|vb\s*script|live\s*script|data(?=\s*:\s*[a-z]+/))"
                         r"(\s*):")


def md(text: str | None) -> str:
    """Content Markdown made safe to embed in a page: nothing can open an HTML tag, add an
    attribute (attr_list) or form a script URL. The validator refuses all three already;
    this is the second, independent guard against Markdown parsers that disagree."""
    text = _TAG_START.sub("&lt;", text or "")
    text = _ATTR_LIST.sub("&#123;", text)
    return _BAD_SCHEME.sub(lambda m: f"{m.group(1)} :", text).strip()


def plain(text: str | None) -> str:
    """Text for places MkDocs and Material print without escaping (titles, navigation,
    meta description): HTML-escaped, quotes included, on one line."""
    return html.escape(" ".join((text or "").split()), quote=True)


def md_inline(text: str | None) -> str:
    """Like ``md`` but on one line, for table cells and list items."""
    return " ".join(md(text).split())


def md_cell(text: str | None) -> str:
    """Inline Markdown safe inside a table cell (pipes escaped)."""
    return md_inline(text).replace("|", "\\|")


def yaml_scalar(text: str) -> str:
    """A value for generated front matter; JSON strings are valid YAML scalars."""
    return json.dumps(text, ensure_ascii=False)


def format_minutes(minutes: int, strings: Strings) -> str:
    if minutes < 90:
        return strings.t("minutes.minutes", n=minutes)
    hours = round(minutes / 60)
    return strings.t("minutes.hours", n=hours)


@dataclass(frozen=True)
class PagePaths:
    """Where each kind of page lives in the generated docs folder."""

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



@lru_cache(maxsize=4)
def template_environment(language: str) -> jinja2.Environment:
    """One Jinja environment per language and process: `serve` regenerates without
    compiling the templates again (about 0.1 s of every regeneration)."""
    strings = load_strings(language)
    env = jinja2.Environment(
        loader=jinja2.PackageLoader(PACKAGE, "templates"),
        undefined=jinja2.StrictUndefined,
        autoescape=False,  # templates emit Markdown; content goes through the `md` filters
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(md=md, md_inline=md_inline, md_cell=md_cell, yaml=yaml_scalar,
                       plain=plain, minutes=lambda n: format_minutes(n, strings))
    env.globals.update(t=strings.t, P=P)
    return env


class Renderer:
    """Renders every page of the site from one ``Content``."""

    def __init__(self, content: m.Content) -> None:
        self.content = content
        self.strings = load_strings(content.framework.language)
        self.env = template_environment(content.framework.language)
        self.skills = {s.id: s for s in content.skills}
        self.areas = {a.id: a for a in content.framework.areas}
        self.sources = {s.id: s for s in content.sources}
        self.levels = {lvl.value: lvl for lvl in content.framework.levels}
        self.citations = self._citations()
        self._resources_by_skill, self._guides_by_skill = self._by_skill()

    # -- helpers shared by templates ------------------------------------------

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

    def resources_for(self, skill_id: str) -> list[m.Resource]:
        """Resources that build a skill, easiest first, then by title."""
        return self._resources_by_skill[skill_id]

    def guides_for(self, skill_id: str) -> list[m.Guide]:
        return self._guides_by_skill[skill_id]

    def resource_area(self, resource: m.Resource) -> str:
        """The area a resource is listed under: that of the first skill it builds."""
        return self.skills[resource.skills[0]].area

    def _page(self, template: str, here: str, edit_source: str, **context: Any) -> bytes:
        text = self.env.get_template(template).render(
            here=here, link=linker(here), edit_source=edit_source, r=self, c=self.content,
            fw=self.content.framework, **context)
        return (text.rstrip() + "\n").encode("utf-8")

    # -- the pages ---------------------------------------------------------------

    def pages(self) -> dict[str, bytes]:
        c = self.content
        out: dict[str, bytes] = {}
        out[P.home] = self._page("home.md.j2", P.home, "content/framework.yml")
        for area in c.framework.areas:
            out[P.area(area.id)] = self._page("area.md.j2", P.area(area.id),
                                              "content/framework.yml", area=area,
                                              skills=c.skills_in(area.id))
        for skill in c.skills:
            out[P.skill(skill.id)] = self._page("skill.md.j2", P.skill(skill.id),
                                                f"content/skills/{skill.id}.yml", skill=skill,
                                                area=self.areas[skill.area])
        out[P.reading_list] = self._page("reading-list.md.j2", P.reading_list,
                                         "content/resources.yml")
        out[P.roles] = self._page("roles.md.j2", P.roles, "content/roles.yml")
        for role in c.roles:
            out[P.role(role.id)] = self._page("role.md.j2", P.role(role.id), "content/roles.yml",
                                              role=role)
        if c.guides:
            out[P.guides] = self._page("guides.md.j2", P.guides, "content/guides")
        for guide in c.guides:
            out[P.guide(guide.slug)] = self._page("guide.md.j2", P.guide(guide.slug),
                                                  f"content/guides/{guide.slug}.md", guide=guide)
        if c.glossary:
            out[P.glossary] = self._page("glossary.md.j2", P.glossary, "content/glossary.yml")
        if c.sources:
            out[P.sources] = self._page("sources.md.j2", P.sources, "content/sources.yml")
        if c.roles:
            out[P.assessment] = self._page("assessment.md.j2", P.assessment,
                                           "content/framework.yml")
        return out

    def nav(self) -> list[Any]:
        """The site navigation, in content order."""
        t, c = self.strings.t, self.content
        skills_nav: list[Any] = []
        for area in c.framework.areas:
            skills_nav.append({plain(area.name): [P.area(area.id)] + [
                {plain(s.name): P.skill(s.id)} for s in c.skills_in(area.id)]})
        nav: list[Any] = [{t("nav.home"): P.home}]
        nav.append({t("nav.skills"): skills_nav})
        if c.guides:
            nav.append({t("nav.guides"): [P.guides] + [{plain(g.meta.title): P.guide(g.slug)}
                                                        for g in c.guides]})
        nav.append({t("nav.assessment"): P.assessment})
        nav.append({t("nav.reading_list"): P.reading_list})
        nav.append({t("nav.roles"): [P.roles] + [{plain(r.name): P.role(r.id)} for r in c.roles]})
        if c.glossary:
            nav.append({t("nav.glossary"): P.glossary})
        if c.sources:
            nav.append({t("nav.sources"): P.sources})
        return nav


def content_version(content: m.Content) -> str:
    """A short hash that changes whenever any content changes."""
    dumped = content.model_dump_json().encode("utf-8")
    return hashlib.sha256(dumped).hexdigest()[:12]


def package_tree(folder: str) -> dict[str, bytes]:
    """Every file under a folder of this package, by relative path, in sorted order."""
    out: dict[str, bytes] = {}

    def walk(node: Any, prefix: str) -> None:
        for child in sorted(node.iterdir(), key=lambda n: n.name):
            if child.name.startswith((".", "__")):
                continue
            path = f"{prefix}{child.name}"
            if child.is_dir():
                walk(child, path + "/")
            else:
                out[path] = child.read_bytes()

    root = package_files.files(PACKAGE) / folder
    if root.is_dir():
        walk(root, "")
    return out


# Settings the generated site needs whatever the fork's mkdocs.yml says.
REQUIRED_EXTENSIONS: list[Any] = [
    "abbr", "attr_list", "md_in_html", "def_list", "tables", "admonition",
    {"toc": {"permalink": True}},
    "pymdownx.details",
]
OUR_CSS = ["assets/site.css", "assets/assessment/assessment.css"]
OUR_JS: list[Any] = [{"path": "assets/assessment/app.js", "type": "module"}]


def generated_config(user_config: dict[str, Any], nav: list[Any],
                     glossary: dict[str, str] | None = None) -> dict[str, Any]:
    """The MkDocs config actually built: the fork's settings plus what the generator owns."""
    config = {k: v for k, v in user_config.items() if k not in {"docs_dir", "site_dir", "nav"}}
    config["docs_dir"] = "docs"
    config["nav"] = nav
    theme = dict(config.get("theme") or {"name": "material"})
    theme["custom_dir"] = "overrides"
    config["theme"] = theme
    existing = config.get("markdown_extensions") or []
    names = {next(iter(e)) if isinstance(e, dict) else e for e in existing}
    extensions = list(existing) + [
        e for e in REQUIRED_EXTENSIONS if (next(iter(e)) if isinstance(e, dict) else e) not in names]
    if glossary:
        extensions = [{"abbr": {"glossary": glossary}} if e == "abbr" else e for e in extensions]
    config["markdown_extensions"] = extensions
    config["extra_css"] = OUR_CSS + [c for c in config.get("extra_css") or [] if c not in OUR_CSS]
    config["extra_javascript"] = OUR_JS + [j for j in config.get("extra_javascript") or []
                                           if j not in OUR_JS]
    return config


def render_site(content: m.Content, user_config: dict[str, Any]) -> dict[str, bytes]:
    """Every file of the generated project, keyed by path relative to the generated folder."""
    renderer = Renderer(content)
    files: dict[str, bytes] = {}
    for path, data in renderer.pages().items():
        files[f"docs/{path}"] = data
    for path, data in package_tree("assets").items():
        files[f"docs/assets/{path}"] = data
    files["docs/assets/assessment/data.json"] = data_json(content, content_version(content))
    for path, data in package_tree("theme").items():
        files[f"overrides/{path}"] = data
    config = generated_config(user_config, renderer.nav(), renderer.abbreviations())
    header = "# Generated by `python -m generator build` from mkdocs.yml and content/. Do not edit.\n"
    files["mkdocs.yml"] = (header + yaml.safe_dump(config, sort_keys=False, allow_unicode=True,
                                                   width=100)).encode("utf-8")
    return dict(sorted(files.items()))
