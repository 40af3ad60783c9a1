"""Stage 2: turn loaded YAML into a ``Content`` model, or a list of every mistake in it.

Two passes, both collecting rather than stopping at the first problem:

1. each file against its pydantic model (``messages.check_shape``) and the safety
   rules for text (``rules.check_text``);
2. the whole content against itself (``rules``): ids unique, declared references
   resolve, every skill has every level, each check has one best answer.

Every problem becomes a ``ContentError`` at the line of the offending value. The valid
content is then projected to what is published (``visibility``).
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ValidationError

from ..errors import ContentError, ContentInvalid
from ..strings import load_strings
from . import interface, levels, rules
from . import model as m
from .layers import without_removed
from .load import RawContent, SourceFile
from .messages import check_shape
from .visibility import without_hidden_areas


def guide_slug(source: SourceFile) -> str:
    """A guide's slug: its file name without ``.md``."""
    return source.path.rsplit("/", 1)[-1].removesuffix(".md")


LIST_FILES: list[tuple[str, type[BaseModel], str, type[BaseModel]]] = [
    ("roles", m.RolesFile, "roles", m.Role),
    ("resources", m.ResourcesFile, "resources", m.Resource),
    ("glossary", m.GlossaryFile, "terms", m.Term),
    ("sources", m.SourcesFile, "sources", m.Source),
]


def _valid_items(source: SourceFile, key: str, model: type[BaseModel]
                 ) -> list[tuple[SourceFile, tuple[Any, ...], Any]]:
    """The items of a list file that are valid on their own, with their place in the file."""
    items = source.data.get(key) if isinstance(source.data, dict) else None
    if not isinstance(items, list):
        return []
    out = []
    for index, item in enumerate(items):
        try:
            out.append((source, (key, index), model.model_validate(item)))
        except ValidationError:
            continue  # its own mistakes are already reported
    return out


_FILE_CHECKS: dict[tuple[str, str], tuple[Any, tuple[str, int], Any, list[ContentError]]] = {}
"""The last check of each file: (its parsed tree, body and its line, model instance, mistakes). Reused
only for the very same parsed tree, which ``load.keep_parses`` (``serve``) gives back for
an unchanged file; otherwise every load makes new trees and this never matches."""


def _checked(checker: rules.Checker, source: SourceFile | None,
             model: type[BaseModel]) -> Any:
    """The file's model instance (None if its shape is wrong), its text checked for safety
    (and a guide's body)."""
    if source is None:
        return None
    key = (source.path, model.__name__)
    last = _FILE_CHECKS.get(key)
    body = (source.body, source.body_line)
    if last is not None and last[0] is source.data and last[1] == body:
        checker.errors.extend(last[3])
        return last[2]
    own = rules.Checker()
    parsed, errors = check_shape(source, model)
    own.errors.extend(errors)
    rules.check_text(own, source)
    if model is m.GuideMeta:
        rules.check_body(own, source)
    _FILE_CHECKS[key] = (source.data, body, parsed, own.errors)
    checker.errors.extend(own.errors)
    return parsed


# What other files are checked against; a mistake here leaves nothing to check them against.
_STRUCTURE = frozenset({"levels", "floor", "areas", "assessment", "languages", "language"})
_PLACEHOLDERS = {"name": "-", "tagline": "-", "description": "-", "version": "0.0"}


def _stand_in(source: SourceFile | None) -> m.Framework | None:
    """framework.yml with its broken descriptive parts (name, tagline, version, an unknown
    key, curation…) set aside, for checking the other files only; None when the scale, the
    areas or the settings themselves are broken: checks against them would be guesses."""
    data = source.data if source is not None else None
    if not isinstance(data, dict):
        return None
    try:
        return m.Framework.model_validate(data)
    except ValidationError as exc:
        broken = {str(e["loc"][0]) for e in exc.errors() if e["loc"]}
    if not broken or broken & _STRUCTURE:
        return None
    kept = {k: v for k, v in data.items() if k not in broken}
    try:
        return m.Framework.model_validate({**_PLACEHOLDERS, **kept})
    except ValidationError:
        return None


def validate(raw: RawContent) -> m.Content:
    """Check everything; return the ``Content`` or raise ``ContentInvalid`` listing every problem."""
    checker = rules.Checker()
    checker.errors.extend(raw.errors)

    framework: m.Framework | None = _checked(checker, raw.framework, m.Framework)
    if framework and raw.framework:
        rules.check_framework(checker, raw.framework, framework)
    # What the other files are checked against: a typo in framework.yml's name or tagline
    # must not hide their mistakes until it is fixed.
    scale = framework or _stand_in(raw.framework)

    skills: list[tuple[SourceFile, m.Skill]] = []
    for file in raw.skills:
        skill = _checked(checker, file, m.Skill)
        if skill:
            skills.append((file, skill))
            if scale:
                rules.check_skill(checker, file, skill, scale)

    files: dict[str, tuple[SourceFile, Any]] = {}
    # Items of a list file whose file as a whole has a mistake: still cross-checked, so one
    # mistake does not hide another in the same file ("every mistake at once").
    partial: list[tuple[SourceFile, tuple[Any, ...], Any]] = []
    for name, model, key, item_model in LIST_FILES:
        source = getattr(raw, name)
        parsed = _checked(checker, source, model)
        if parsed is not None:
            files[name] = (source, parsed)
        elif source is not None:
            partial += _valid_items(source, key, item_model)

    guides: list[tuple[SourceFile, m.GuideMeta]] = []
    for file in raw.guides:
        meta = _checked(checker, file, m.GuideMeta)  # the body too
        if meta:
            guides.append((file, meta))

    if not raw.skills and not raw.errors:
        checker.errors.append(ContentError("content/skills", 0, "no skills found (expected at "
                                           "least one content/skills/<id>.yml)"))
    if scale:
        _cross_check(checker, raw, scale, skills, files, guides, partial)
        used = {scale.language, *(lang.code for lang in scale.languages)}
        checker.errors += interface.check_strings(raw.strings, used | {
            raw.source_language or scale.language})
    if checker.errors:
        raise ContentInvalid(checker.errors)
    assert framework is not None  # no errors means the framework validated

    def items(name: str, attr: str) -> list[Any]:
        return list(getattr(files[name][1], attr)) if name in files else []

    own_strings = interface.tables(raw.strings)
    framework, found = with_areas(framework, [s for _, s in skills], own_strings)
    area_order = {a.id: i for i, a in enumerate(framework.areas)}
    return without_hidden_areas(without_removed(m.Content(
        framework=framework,
        skills=sorted(found, key=lambda s: (area_order[s.area or ""], s.order, s.id)),
        roles=items("roles", "roles"),
        resources=items("resources", "resources"),
        glossary=items("glossary", "terms"),
        sources=items("sources", "sources"),
        guides=sorted(
            (m.Guide(slug=guide_slug(f), meta=meta, body=f.body, body_line=f.body_line)
             for f, meta in guides),
            key=lambda g: (g.meta.order, g.slug),
        ),
        interface=own_strings,
    ), raw.layer))


def with_areas(framework: m.Framework, skills: list[m.Skill],
               own_strings: dict[str, Any] | None = None) -> tuple[m.Framework, list[m.Skill]]:
    """A framework that declares no areas gets one implicit group holding every skill, so
    the site and the assessment handle one shape (they read naturally with one area)."""
    if framework.areas:
        return framework, skills
    area = levels.implicit_area(framework, load_strings(framework.language, own_strings))
    return (framework.model_copy(update={"areas": [area]}),
            [s.model_copy(update={"area": area.id}) for s in skills])


def _cross_check(checker: rules.Checker, raw: RawContent, framework: m.Framework,
                 skills: list[tuple[SourceFile, m.Skill]],
                 files: dict[str, tuple[SourceFile, Any]],
                 guides: list[tuple[SourceFile, m.GuideMeta]],
                 partial: list[tuple[SourceFile, tuple[Any, ...], Any]]) -> None:
    # Known ids come from the raw files, so a skill or source with a mistake of its own
    # does not also make every reference to it look dangling.
    sources_data = raw.sources.data if raw.sources else None
    known: dict[str, list[str] | None] = {
        "skill": rules.raw_ids([f.data for f in raw.skills]) + raw.unreadable_skills,
        # None: the defining file could not be read, so its references cannot be judged.
        "source": None if "sources" in raw.unreadable else rules.raw_ids(
            sources_data.get("sources") if isinstance(sources_data, dict) else None),
        "area": [a.id for a in framework.areas],
    }
    top = max(level.value for level in framework.levels)
    low = min(level.value for level in framework.levels)

    checker.unique(((s.id, f, ("id",)) for f, s in skills), "skill")
    # An id becomes a page address; "index" would replace a list page.
    for file, skill in skills:
        rules.not_reserved(checker, file, ("id",), skill.id, "skill")
    for i, area in enumerate(framework.areas):
        if raw.framework:
            rules.not_reserved(checker, raw.framework, ("areas", i, "id"), area.id, "area")
    checker.unique(((c.id, f, ("checks", i, "id")) for f, s in skills
                    for i, c in enumerate(s.checks)), "check")
    if raw.framework:  # its curation targets name skills, areas and sources
        checker.resolved(raw.framework, framework, known)
    for file, skill in skills:
        checker.resolved(file, skill, known)
    for source, parsed in files.values():
        checker.resolved(source, parsed, known)
    for source, prefix, item in partial:
        checker.resolved(source, item, known, prefix)
    if "roles" in files:
        source, parsed = files["roles"]
        checker.unique(((r.id, source, ("roles", i, "id")) for i, r in enumerate(parsed.roles)),
                       "role")
        for i, role in enumerate(parsed.roles):
            rules.check_role(checker, source, i, role, {s.id: s for _, s in skills}, framework)
            rules.not_reserved(checker, source, ("roles", i, "id"), role.id, "role")
    if "resources" in files:
        source, parsed = files["resources"]
        checker.unique(((r.id, source, ("resources", i, "id"))
                        for i, r in enumerate(parsed.resources)), "resource")
        for i, res in enumerate(parsed.resources):
            if not low <= res.level <= top:
                checker.error(source, ("resources", i, "level"), f"resources[{i}].level: "
                              f"off the scale (expected {low} to {top}, got {res.level})")
    if "glossary" in files:
        source, parsed = files["glossary"]
        checker.unique(((t.id, source, ("terms", i, "id")) for i, t in enumerate(parsed.terms)),
                       "term")
        rules.check_glossary_words(checker, source, list(parsed.terms))
    if "sources" in files:
        source, parsed = files["sources"]
        checker.unique(((s.id, source, ("sources", i, "id"))
                        for i, s in enumerate(parsed.sources)), "source")
    checker.unique(((guide_slug(f), f, ()) for f, _ in guides), "guide")
    for file, meta in guides:
        checker.resolved(file, meta, known)
