"""Stage 2: turn loaded YAML into a ``Content`` model, or a list of every mistake in it.

Two passes, both collecting rather than stopping at the first problem:

1. each file against its pydantic model (shape, types, unknown keys, formats);
2. the whole content against itself (ids unique, references resolve, every
   skill has every level, each check has one best answer, no raw HTML).

Every problem becomes a ``ContentError`` at the line of the offending value.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Iterator
from typing import Any

from markdown_it import MarkdownIt
from pydantic import BaseModel, ValidationError

from . import model as m
from .errors import ContentError, ContentInvalid
from .load import LocatedDict, LocatedList, RawContent, SourceFile

_MARKDOWN = MarkdownIt("commonmark")
# A parser that keeps every link, so the validator can see (and refuse) the unsafe ones that
# markdown-it would silently drop and Python-Markdown would render.
_LINKS = MarkdownIt("commonmark")
_LINKS.validateLink = lambda url: True  # type: ignore[method-assign]
SAFE_LINK = re.compile(r"^(https://|mailto:|#|\.{1,2}/|/(?!/)|[A-Za-z0-9._~-]+(/|\.md|#|$))")
# Python-Markdown (which builds the site) reads some text differently from markdown-it (which
# checks it), so these are refused wherever they appear, link or not.
SCRIPT_SCHEME = re.compile(r"(?i)(java|vb|live)\s*script\s*:|\bdata\s*:\s*[a-z]+/")
ATTR_LIST = re.compile(r"\{\s*(?::|[#.][\w-]|[\w-]+\s*=)[^{}]*\}")

# ---------------------------------------------------------------------------
# Locating values and describing them
# ---------------------------------------------------------------------------


def line_of(data: Any, loc: Iterable[Any], fallback: int = 1) -> int:
    """The line of the value at ``loc`` in a located tree, or of its nearest parent."""
    line = getattr(data, "line", fallback) or fallback
    current = data
    for part in loc:
        if isinstance(current, LocatedDict) and part in current:
            line = current.key_lines[part]
            current = current[part]
        elif isinstance(current, LocatedList) and isinstance(part, int) and part < len(current):
            line = current.item_lines[part]
            current = current[part]
        else:
            break
    return line


def describe(value: Any) -> str:
    """A short, human description of a YAML value for "got …" in messages."""
    if value is None:
        return "nothing (an empty value)"
    if isinstance(value, bool):
        return f"{str(value).lower()} (true/false)"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return f"a list of {len(value)} item{'s' if len(value) != 1 else ''}"
    if isinstance(value, str):
        text = value if len(value) <= 60 else value[:57] + "..."
        return repr(text)
    return repr(value)


def did_you_mean(word: Any, candidates: Iterable[str]) -> str:
    """``; did you mean 'x'?`` for the nearest candidate, or an empty string."""
    if not isinstance(word, str):
        return ""
    match = difflib.get_close_matches(word, sorted(set(candidates)), n=1, cutoff=0.6)
    return f"; did you mean '{match[0]}'?" if match else ""


def dotted(loc: Iterable[Any]) -> str:
    """``('checks', 0, 'options')`` → ``checks[0].options``."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


# ---------------------------------------------------------------------------
# Pass 1: one file against its model
# ---------------------------------------------------------------------------

_KIND_NAMES = {
    "int_type": "a whole number",
    "float_type": "a number",
    "string_type": "text",
    "bool_type": "true or false",
    "list_type": "a list",
    "dict_type": "a mapping",
    "model_type": "a mapping",
    "model_attributes_type": "a mapping",
    "int_from_float": "a whole number",
}


def _model_fields(model: type[BaseModel], loc: tuple[Any, ...]) -> list[str]:
    """The field names allowed at ``loc`` inside ``model`` (for unknown-key hints)."""
    current: Any = model
    for part in loc:
        if isinstance(part, int) or not (isinstance(current, type) and issubclass(current, BaseModel)):
            continue
        field = current.model_fields.get(part)
        if field is None:
            return []
        current = _innermost_model(field.annotation)
    if isinstance(current, type) and issubclass(current, BaseModel):
        return list(current.model_fields)
    return []


def _innermost_model(annotation: Any) -> Any:
    """Find a BaseModel inside ``list[X]``, ``dict[K, X]``, ``X | None`` or ``Annotated``."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()) or ():
        found = _innermost_model(arg)
        if found is not None:
            return found
    for arg in getattr(annotation, "__metadata__", ()) or ():
        found = _innermost_model(arg)
        if found is not None:
            return found
    origin = getattr(annotation, "__origin__", None)
    if origin is not None and origin is not annotation:
        return _innermost_model(origin)
    return None


def _pattern_message(loc: tuple[Any, ...], value: Any) -> str:
    pattern_field = next((p for p in reversed(loc) if isinstance(p, str)), "")
    if pattern_field == "url":
        return f"a malformed or non-https URL (expected 'https://…', got {describe(value)})"
    if pattern_field in {"date"}:
        return f"a malformed date (expected 'YYYY-MM-DD' in quotes, got {describe(value)})"
    if pattern_field == "version":
        return f"a malformed version (expected a quoted version like \"1.0\", got {describe(value)})"
    if pattern_field == "language":
        return f"a malformed language code (expected a code like 'en' or 'ru', got {describe(value)})"
    return ("not a valid id (expected lowercase words joined by hyphens, like 'ml-fundamentals', "
            f"got {describe(value)})")


def _message_for(err: dict[str, Any], model: type[BaseModel]) -> str:
    """Turn one pydantic error into "what is wrong (expected …, got …)"."""
    kind, value, ctx = err["type"], err.get("input"), err.get("ctx") or {}
    loc = tuple(part for part in err["loc"] if part != "[key]")  # pydantic's marker for a dict key
    where = dotted(loc)
    if kind == "extra_forbidden":
        allowed = _model_fields(model, loc[:-1])
        hint = did_you_mean(loc[-1], allowed)
        return (f"unknown key '{loc[-1]}' (expected one of: {', '.join(allowed)}){hint}"
                if allowed else f"unknown key '{loc[-1]}'{hint}")
    if kind == "missing":
        return f"missing required key '{loc[-1]}'" + (f" in {dotted(loc[:-1])}" if loc[:-1] else "")
    if kind == "literal_error":
        expected = ctx.get("expected", "")
        options = [o.strip().strip("'") for o in expected.replace(" or ", ", ").split(",")]
        return (f"{where}: not an allowed value (expected one of: {', '.join(options)}, "
                f"got {describe(value)}){did_you_mean(value, options)}")
    if kind == "string_pattern_mismatch":
        return f"{where}: {_pattern_message(loc, value)}"
    if kind in _KIND_NAMES:
        return f"{where}: wrong type (expected {_KIND_NAMES[kind]}, got {describe(value)})"
    if kind in {"greater_than_equal", "greater_than", "less_than_equal", "less_than"}:
        sign = {"greater_than_equal": "≥", "greater_than": ">", "less_than_equal": "≤",
                "less_than": "<"}[kind]
        bound = next(iter(ctx.values()), "")
        return f"{where}: out of range (expected a number {sign} {bound}, got {describe(value)})"
    if kind == "too_short":
        return (f"{where}: too few items (expected at least {ctx.get('min_length')}, "
                f"got {ctx.get('actual_length')})")
    if kind == "too_long":
        return (f"{where}: too many items (expected at most {ctx.get('max_length')}, "
                f"got {ctx.get('actual_length')})")
    if kind == "string_too_short":
        return f"{where}: empty text (expected some text, got {describe(value)})"
    return f"{where}: {err['msg']} (got {describe(value)})"


def check_shape(source: SourceFile, model: type[BaseModel]) -> tuple[Any, list[ContentError]]:
    """Validate one file's data against ``model``; return (instance or None, errors)."""
    if not isinstance(source.data, dict):
        got = "an empty file" if source.data is None else describe(source.data)
        return None, [ContentError(source.path, 1, f"expected a mapping of keys at the top level, got {got}")]
    try:
        return model.model_validate(source.data), []
    except ValidationError as exc:
        errors = []
        for err in exc.errors():
            loc = tuple(p for p in err["loc"] if p != "[key]")
            errors.append(ContentError(source.path, line_of(source.data, loc),
                                       _message_for(err, model)))
        return None, errors


# ---------------------------------------------------------------------------
# Pass 2: the whole content against itself
# ---------------------------------------------------------------------------


class _Checker:
    """Collects cross-file problems; each check method reports at the referencing line."""

    def __init__(self) -> None:
        self.errors: list[ContentError] = []

    def error(self, source: SourceFile, loc: tuple[Any, ...], message: str) -> None:
        self.errors.append(ContentError(source.path, line_of(source.data, loc), message))

    def unique(self, items: Iterable[tuple[str, SourceFile, tuple[Any, ...]]], kind: str) -> None:
        first: dict[str, tuple[SourceFile, tuple[Any, ...]]] = {}
        for ident, source, loc in items:
            if ident in first:
                prev_source, prev_loc = first[ident]
                prev = f"{prev_source.path}:{line_of(prev_source.data, prev_loc)}"
                self.error(source, loc, f"duplicate {kind} id '{ident}' (expected each {kind} id "
                           f"once, got a second one; the first is at {prev})")
            else:
                first[ident] = (source, loc)

    def refs(self, source: SourceFile, loc: tuple[Any, ...], ids: Iterable[str],
             known: Iterable[str], kind: str) -> None:
        known_set = set(known)
        for index, ident in enumerate(ids):
            if ident not in known_set:
                self.error(source, (*loc, index) if loc else loc,
                           f"{dotted(loc)}: unknown {kind} '{ident}' (expected the id of a {kind} "
                           f"defined in the content){did_you_mean(ident, known_set)}")


def _strings(data: Any, loc: tuple[Any, ...] = ()) -> Iterator[tuple[tuple[Any, ...], str]]:
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _strings(value, (*loc, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _strings(value, (*loc, index))
    elif isinstance(data, str):
        yield loc, data


def raw_html_blocks(markdown: str) -> Iterator[tuple[int, str]]:
    """(line offset, first raw HTML) for each block of a Markdown text that contains any."""
    if "<" not in markdown:
        return
    for token in _MARKDOWN.parse(markdown):
        found = [token] if token.type == "html_block" else [
            c for c in token.children or () if c.type == "html_inline"]
        if found:
            yield (token.map[0] if token.map else 0), found[0].content.strip()


def unsafe_links(markdown: str) -> Iterator[tuple[int, str]]:
    """(line offset, target) for each link or image that is not https, mailto, an anchor or
    a relative path."""
    if "](" not in markdown and "<" not in markdown and "]:" not in markdown:
        return
    for token in _LINKS.parse(markdown):
        for child in token.children or ():
            target = child.attrGet("href") or child.attrGet("src")
            if target is not None and not SAFE_LINK.match(str(target).strip()):
                yield (token.map[0] if token.map else 0), str(target)


def find_raw_html(markdown: str) -> str | None:
    """The first raw HTML tag in a Markdown text, or None."""
    return next((html for _, html in raw_html_blocks(markdown)), None)


def find_unsafe_link(markdown: str) -> str | None:
    """The first unsafe link or image target in a Markdown text, or None."""
    return next((target for _, target in unsafe_links(markdown)), None)


def find_forbidden_syntax(text: str) -> str | None:
    """A script/data URL or an attribute list (`{: onclick=… }`) anywhere in the text."""
    import html as html_lib

    decoded = html_lib.unescape(text)
    for pattern, what in ((SCRIPT_SCHEME, "a script or data URL"),
                          (ATTR_LIST, "an attribute list")):
        found = pattern.search(decoded)
        if found:
            return f"{what} is not allowed (expected plain Markdown, got {describe(found.group())})"
    return None


def check_no_html(checker: _Checker, source: SourceFile) -> None:
    for loc, text in _strings(source.data):
        forbidden = find_forbidden_syntax(text)
        if forbidden and not (loc and loc[-1] == "url"):
            checker.error(source, loc, f"{dotted(loc)}: {forbidden}")
            continue
        tag = find_raw_html(text)
        if tag:
            checker.error(source, loc, f"{dotted(loc)}: raw HTML is not allowed (expected Markdown "
                          f"text, got {describe(tag)})")
        link = find_unsafe_link(text)
        if link:
            checker.error(source, loc, f"{dotted(loc)}: unsafe link (expected an https:// URL or a "
                          f"relative link, got {describe(link)})")


def check_body_html(checker: _Checker, guide: SourceFile) -> None:
    """Report raw HTML, unsafe links and forbidden syntax in a guide's body at their line."""
    for offset, line_text in enumerate(guide.body.splitlines()):
        forbidden = find_forbidden_syntax(line_text)
        if forbidden:
            checker.errors.append(ContentError(guide.path, guide.body_line + offset, forbidden))
    for offset, target in unsafe_links(guide.body):
        checker.errors.append(ContentError(guide.path, guide.body_line + offset, "unsafe link "
                              f"(expected an https:// URL or a relative link, got "
                              f"{describe(target)})"))
    for offset, html in raw_html_blocks(guide.body):  # one message per block finds the place
        checker.errors.append(ContentError(guide.path, guide.body_line + offset, "raw HTML is not "
                              f"allowed in a guide (expected Markdown, got {describe(html)})"))


def _check_skill(checker: _Checker, source: SourceFile, skill: m.Skill,
                 framework: m.Framework) -> None:
    expected = sorted(level.value for level in framework.levels if level.value > _lowest(framework))
    got = sorted(skill.levels)
    for missing in sorted(set(expected) - set(got)):
        checker.error(source, ("levels",), f"levels: missing level {missing} (expected levels "
                      f"{', '.join(map(str, expected))}, got {', '.join(map(str, got)) or 'none'})")
    for extra in sorted(set(got) - set(expected)):
        checker.error(source, ("levels", extra), f"levels: unknown level {extra} (expected one of "
                      f"{', '.join(map(str, expected))} from the framework's scale)")
    for index, check in enumerate(skill.checks):
        correct = sum(option.correct for option in check.options)
        if correct != 1:
            checker.error(source, ("checks", index, "options"),
                          f"checks[{index}].options: a check needs exactly one best answer "
                          f"(expected one option with 'correct: true', got {correct})")
    stem = source.path.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    if stem != skill.id:
        checker.error(source, ("id",), f"id: the skill id must match its file name (expected "
                      f"'{stem}', got '{skill.id}')")


def _lowest(framework: m.Framework) -> int:
    return min(level.value for level in framework.levels)


def _check_framework(checker: _Checker, source: SourceFile, framework: m.Framework) -> None:
    values = [level.value for level in framework.levels]
    if values != list(range(values[0], values[0] + len(values))):
        checker.error(source, ("levels",), "levels: the scale must count up by one (expected "
                      f"consecutive values, got {', '.join(map(str, values))})")
    checker.unique(((a.id, source, ("areas", i, "id")) for i, a in enumerate(framework.areas)),
                   "area")


def _check_cross_references(checker: _Checker, raw: RawContent, framework: m.Framework,
                            skills: list[tuple[SourceFile, m.Skill]],
                            roles: list[m.Role], resources: list[m.Resource],
                            terms: list[m.Term], sources: list[m.Source],
                            guides: list[tuple[SourceFile, m.GuideMeta]]) -> None:
    area_ids = [a.id for a in framework.areas]
    # Ids come from the raw files, so a skill or source with a mistake of its own does not
    # also make every reference to it look dangling.
    skill_ids = _raw_ids(f.data for f in raw.skills)
    source_ids = _raw_ids(raw.sources.data.get("sources") if raw.sources and
                          isinstance(raw.sources.data, dict) else None)
    top = max(level.value for level in framework.levels)

    checker.unique(((s.id, f, ("id",)) for f, s in skills), "skill")
    checker.unique(((c.id, f, ("checks", i, "id")) for f, s in skills
                    for i, c in enumerate(s.checks)), "check")
    for file, skill in skills:
        if skill.area not in area_ids:
            checker.error(file, ("area",), f"area: unknown area '{skill.area}' (expected one of: "
                          f"{', '.join(area_ids)}){did_you_mean(skill.area, area_ids)}")
        checker.refs(file, ("sources",), skill.sources, source_ids, "source")
        for i, check in enumerate(skill.checks):
            checker.refs(file, ("checks", i, "sources"), check.sources, source_ids, "source")

    if raw.roles and roles:
        checker.unique(((r.id, raw.roles, ("roles", i, "id")) for i, r in enumerate(roles)), "role")
        for i, role in enumerate(roles):
            loc = ("roles", i, "expectations")
            for skill_id, expectation in role.expectations.items():
                if skill_id not in skill_ids:
                    checker.error(raw.roles, (*loc, skill_id), f"{dotted(loc)}: unknown skill "
                                  f"'{skill_id}' (expected the id of a skill defined in content/"
                                  f"skills){did_you_mean(skill_id, skill_ids)}")
                if expectation.level > top:
                    checker.error(raw.roles, (*loc, skill_id, "level"), f"{dotted(loc)}.{skill_id}"
                                  f".level: above the scale (expected at most {top}, got "
                                  f"{expectation.level})")
            for skill_id in skill_ids:
                if skill_id not in role.expectations:
                    checker.error(raw.roles, loc, f"{dotted(loc)}: role '{role.id}' sets no level "
                                  f"for skill '{skill_id}' (expected every skill to have a level "
                                  "and importance)")

    if raw.resources and resources:
        checker.unique(((r.id, raw.resources, ("resources", i, "id"))
                        for i, r in enumerate(resources)), "resource")
        for i, res in enumerate(resources):
            checker.refs(raw.resources, ("resources", i, "skills"), res.skills, skill_ids, "skill")
            checker.refs(raw.resources, ("resources", i, "sources"), res.sources, source_ids,
                         "source")
            if res.level > top:
                checker.error(raw.resources, ("resources", i, "level"), f"resources[{i}].level: "
                              f"above the scale (expected at most {top}, got {res.level})")

    if raw.glossary and terms:
        checker.unique(((t.id, raw.glossary, ("terms", i, "id")) for i, t in enumerate(terms)),
                       "term")
        seen: dict[str, int] = {}
        for i, term in enumerate(terms):
            checker.refs(raw.glossary, ("terms", i, "skills"), term.skills, skill_ids, "skill")
            for word in (term.term, *term.aliases):
                key = word.casefold()
                if key in seen and seen[key] != i:
                    checker.error(raw.glossary, ("terms", i), f"terms[{i}]: the word '{word}' is "
                                  f"already used by terms[{seen[key]}] (expected each term and "
                                  "alias once, so its tooltip is unambiguous)")
                seen.setdefault(key, i)

    if raw.sources and sources:
        checker.unique(((s.id, raw.sources, ("sources", i, "id")) for i, s in enumerate(sources)),
                       "source")

    checker.unique(((meta_slug(f), f, ()) for f, _ in guides), "guide")
    for file, meta in guides:
        checker.refs(file, ("skills",), meta.skills, skill_ids, "skill")
        checker.refs(file, ("sources",), meta.sources, source_ids, "source")


def _raw_ids(items: Iterable[Any] | None) -> list[str]:
    """The ``id`` of every mapping among ``items`` that has a string id."""
    if not isinstance(items, Iterable) or isinstance(items, (str, dict)):
        return []
    return [item["id"] for item in items
            if isinstance(item, dict) and isinstance(item.get("id"), str)]


def meta_slug(source: SourceFile) -> str:
    """A guide's slug: its file name without ``.md``."""
    return source.path.rsplit("/", 1)[-1].removesuffix(".md")


def _validated_list(checker: _Checker, source: SourceFile | None, model: type[BaseModel],
                    attr: str) -> list[Any]:
    if source is None:
        return []
    parsed, errors = check_shape(source, model)
    checker.errors.extend(errors)
    check_no_html(checker, source)
    return list(getattr(parsed, attr)) if parsed else []


def validate(raw: RawContent) -> m.Content:
    """Check everything; return the ``Content`` or raise ``ContentInvalid`` listing every problem."""
    checker = _Checker()
    checker.errors.extend(raw.errors)

    framework = None
    if raw.framework:
        framework, errors = check_shape(raw.framework, m.Framework)
        checker.errors.extend(errors)
        check_no_html(checker, raw.framework)
        if framework:
            _check_framework(checker, raw.framework, framework)

    skills: list[tuple[SourceFile, m.Skill]] = []
    for file in raw.skills:
        skill, errors = check_shape(file, m.Skill)
        checker.errors.extend(errors)
        check_no_html(checker, file)
        if skill:
            skills.append((file, skill))
            if framework:
                _check_skill(checker, file, skill, framework)

    roles = _validated_list(checker, raw.roles, m.RolesFile, "roles")
    resources = _validated_list(checker, raw.resources, m.ResourcesFile, "resources")
    terms = _validated_list(checker, raw.glossary, m.GlossaryFile, "terms")
    sources = _validated_list(checker, raw.sources, m.SourcesFile, "sources")

    guides: list[tuple[SourceFile, m.GuideMeta]] = []
    for file in raw.guides:
        meta, errors = check_shape(file, m.GuideMeta)
        checker.errors.extend(errors)
        check_no_html(checker, file)
        check_body_html(checker, file)
        if meta:
            guides.append((file, meta))

    if not raw.skills and not raw.errors:
        checker.errors.append(ContentError("content/skills", 0, "no skills found (expected at "
                                           "least one content/skills/<id>.yml)"))

    if framework:
        _check_cross_references(checker, raw, framework, skills, roles, resources, terms, sources,
                                guides)

    if checker.errors:
        raise ContentInvalid(checker.errors)
    assert framework is not None  # no errors means the framework validated
    area_order = {a.id: i for i, a in enumerate(framework.areas)}
    ordered = sorted((s for _, s in skills), key=lambda s: (area_order[s.area], s.order, s.id))
    return without_hidden_areas(m.Content(
        framework=framework,
        skills=ordered,
        roles=roles,
        resources=resources,
        glossary=terms,
        sources=sources,
        guides=sorted(
            (m.Guide(slug=meta_slug(f), meta=meta, body=f.body, body_line=f.body_line)
             for f, meta in guides),
            key=lambda g: (g.meta.order, g.slug),
        ),
    ))


def without_hidden_areas(content: m.Content) -> m.Content:
    """The content as published: areas with ``show: false`` and their skills left out.

    References to the hidden skills are dropped too, so no page links to a page that
    is not built; a resource that builds only hidden skills leaves the reading list.
    """
    hidden = {a.id for a in content.framework.areas if not a.show}
    if not hidden:
        return content
    gone = {s.id for s in content.skills if s.area in hidden}

    def keep(ids: Iterable[str]) -> list[str]:
        return [i for i in ids if i not in gone]

    framework = content.framework.model_copy(
        update={"areas": [a for a in content.framework.areas if a.show]})
    roles = [r.model_copy(update={"expectations": {k: v for k, v in r.expectations.items()
                                                   if k not in gone}}) for r in content.roles]
    resources = [r.model_copy(update={"skills": keep(r.skills)}) for r in content.resources
                 if keep(r.skills)]
    terms = [t.model_copy(update={"skills": keep(t.skills)}) for t in content.glossary]
    guides = [g.model_copy(update={"meta": g.meta.model_copy(update={"skills": keep(g.meta.skills)})})
              for g in content.guides]
    return content.model_copy(update={
        "framework": framework, "skills": [s for s in content.skills if s.id not in gone],
        "roles": roles, "resources": resources, "glossary": terms, "guides": guides})
