"""Stage 2, second pass: the rules that span files, each reported at the offending line.

Ids are unique per kind; every declared reference (``model.Ref``) resolves; every
skill describes every level that applies to it (``levels``) and no other; no role expects
a level a skill does not have; each check has one best answer; no text
holds raw HTML, an unsafe link or an attribute list (``safety``).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from markdown_it import MarkdownIt

from ..errors import ContentError
from . import levels
from . import model as m
from .load import RESERVED, SourceFile
from .located_yaml import strings
from .messages import describe, did_you_mean, dotted, place
from .references import references
from .safety import (
    IMAGE_MESSAGE,
    find_control,
    find_forbidden_syntax,
    find_raw_html,
    find_unsafe_link,
    images,
    raw_html_blocks,
    unsafe_links,
)

# Where each kind of referenced item is defined, for "expected …" in messages.
DEFINED_IN = {
    "skill": "a skill defined in content/skills",
    "source": "a source defined in content/sources.yml",
    "area": "an area defined in content/framework.yml",
}


class Checker:
    """Collects problems; every method reports at the line of the value it is about."""

    def __init__(self) -> None:
        self.errors: list[ContentError] = []

    def error(self, source: SourceFile, loc: tuple[Any, ...], message: str) -> None:
        self.errors.append(ContentError(*place(source, loc), message))

    def unique(self, items: Iterable[tuple[str, SourceFile, tuple[Any, ...]]], kind: str) -> None:
        first: dict[str, tuple[SourceFile, tuple[Any, ...]]] = {}
        for ident, source, loc in items:
            if ident in first:
                prev_source, prev_loc = first[ident]
                prev = ":".join(map(str, place(prev_source, prev_loc)))
                self.error(source, loc, f"duplicate {kind} id '{ident}' (expected each {kind} id "
                           f"once, got a second one; the first is at {prev})")
            else:
                first[ident] = (source, loc)

    def resolved(self, source: SourceFile, item: Any,
                 known: Mapping[str, Iterable[str] | None], prefix: tuple[Any, ...] = ()) -> None:
        """Report every declared reference in ``item`` that names no known id (kinds whose
        ids are ``None``, because their file could not be read, are not judged)."""
        for loc, ref, ident, is_key in references(item):
            ids = known.get(ref.kind, ())
            if ids is None:
                continue
            valid = set(ids)
            if ident in valid:
                continue
            where = (*prefix, *loc)
            # A list item or a mapping's key is named by the field that holds it.
            field = dotted(where[:-1] if is_key or isinstance(where[-1], int) else where)
            expected = (f"one of: {', '.join(sorted(valid))}" if ref.kind == "area"
                        else f"the id of {DEFINED_IN[ref.kind]}")
            self.error(source, where, f"{field}: unknown {ref.kind} '{ident}' (expected "
                       f"{expected}){did_you_mean(ident, valid)}")


# --- unsafe text ------------------------------------------------------------------------


CONTROL_MESSAGE = ("a control character (expected printable text, got {char}; YAML's \\e, \\x "
                   "and \\u escapes write them, and a terminal obeys them)")


def _forbidden_message(found: tuple[str, str]) -> str:
    what, text = found
    return f"{what} is not allowed (expected plain Markdown, got {describe(text)})"


def check_text(checker: Checker, source: SourceFile) -> None:
    """Raw HTML, unsafe links and forbidden syntax in any text value of a YAML file."""
    for loc, text in strings(source.data):
        control = find_control(text)
        if control:
            checker.error(source, loc, f"{dotted(loc)}: {CONTROL_MESSAGE.format(char=control)}")
        forbidden = find_forbidden_syntax(text)
        if forbidden and not (loc and loc[-1] == "url"):
            checker.error(source, loc, f"{dotted(loc)}: {_forbidden_message(forbidden)}")
            continue
        tag = find_raw_html(text)
        if tag:
            checker.error(source, loc, f"{dotted(loc)}: raw HTML is not allowed (expected Markdown "
                          f"text, got {describe(tag)})")
        link = find_unsafe_link(text)
        if link:
            checker.error(source, loc, f"{dotted(loc)}: unsafe link (expected an https:// URL or a "
                          f"relative link, got {describe(link)})")
        for _, target in images(text):
            checker.error(source, loc, f"{dotted(loc)}: "
                          + IMAGE_MESSAGE.format(target=describe(target)))


_TABLES = MarkdownIt("commonmark").enable("table")


def empty_table_headers(markdown: str) -> Iterator[int]:
    """The line offset of each table whose header row has an empty cell (axe's
    ``empty-table-header``: a column a screen reader cannot name)."""
    if "|" not in markdown:
        return
    tokens = _TABLES.parse(markdown)
    for index, token in enumerate(tokens):
        if token.type == "th_open" and not tokens[index + 1].content.strip():
            row = next(t for t in reversed(tokens[:index]) if t.type == "tr_open")
            yield row.map[0] if row.map else 0


def check_body(checker: Checker, guide: SourceFile) -> None:
    """Raw HTML, unsafe links and forbidden syntax in a guide's body, at their line."""
    for offset, line_text in enumerate(guide.body.splitlines()):
        control = find_control(line_text)
        if control:
            checker.errors.append(ContentError(guide.path, guide.body_line + offset,
                                               CONTROL_MESSAGE.format(char=control)))
        forbidden = find_forbidden_syntax(line_text)
        if forbidden:
            checker.errors.append(ContentError(guide.path, guide.body_line + offset,
                                               _forbidden_message(forbidden)))
    for offset, target in unsafe_links(guide.body):
        checker.errors.append(ContentError(guide.path, guide.body_line + offset, "unsafe link "
                              f"(expected an https:// URL or a relative link, got "
                              f"{describe(target)})"))
    for offset, target in images(guide.body):
        checker.errors.append(ContentError(guide.path, guide.body_line + offset,
                                           IMAGE_MESSAGE.format(target=describe(target))))
    for offset in empty_table_headers(guide.body):
        checker.errors.append(ContentError(guide.path, guide.body_line + offset, "a table "
                              "header cell is empty (expected a label such as 'Aspect'): a "
                              "screen reader announces each column by its header"))
    for offset, html in raw_html_blocks(guide.body):  # one message per block finds the place
        checker.errors.append(ContentError(guide.path, guide.body_line + offset, "raw HTML is not "
                              f"allowed in a guide (expected Markdown, got {describe(html)})"))


# --- one file's own rules ---------------------------------------------------------------


def check_framework(checker: Checker, source: SourceFile, framework: m.Framework) -> None:
    values = [level.value for level in framework.levels]
    if values != list(range(values[0], values[0] + len(values))):
        checker.error(source, ("levels",), "levels: the scale must count up by one (expected "
                      f"consecutive values, got {', '.join(map(str, values))})")
    if isinstance(framework.floor, int) and framework.floor != min(values):
        checker.error(source, ("floor",), "floor: the \"not yet\" floor is the lowest level "
                      f"(expected {min(values)}, or none when every level is an observable "
                      f"step, got {framework.floor})")
    checker.unique(((a.id, source, ("areas", i, "id")) for i, a in enumerate(framework.areas)),
                   "area")
    top = framework.assessment.knowledge_max_level
    if top is not None and not min(values[0] + 1, max(values) - 1) <= top < max(values):
        checker.error(source, ("assessment", "knowledge_max_level"), "assessment.knowledge_max_"
                      "level: checks can show more than the lowest level but not the top one "
                      f"(expected a level from {min(values[0] + 1, max(values) - 1)} to "
                      f"{max(values) - 1}, got {top})")


def _listed(values: Iterable[int]) -> str:
    return ", ".join(map(str, values)) or "none"


def _levels(values: list[int]) -> str:
    """``level 2`` or ``levels 2, 3``, for messages."""
    return f"level {values[0]}" if len(values) == 1 else f"levels {_listed(values)}"


def check_levels(checker: Checker, source: SourceFile, skill: m.Skill,
                 framework: m.Framework) -> None:
    """The skill describes exactly its applicable levels (the floor optionally)."""
    values = [level.value for level in framework.levels]
    low = levels.floor(framework)
    if skill.starts_at is not None and skill.starts_at not in values:
        checker.error(source, ("starts_at",), f"starts_at: off the scale (expected one of "
                      f"{_listed(values)}, got {skill.starts_at})")
    for i, value in enumerate(skill.not_applicable):
        if value not in values or value == low:
            checker.error(source, ("not_applicable", i), f"not_applicable[{i}]: level {value} "
                          f"cannot be left out (expected one of {_listed(v for v in values if v != low)}"
                          f"{'; the floor applies to every skill' if value == low else ''})")
    expected = levels.described(framework, skill)
    if not expected:
        checker.error(source, ("levels",), "levels: no level applies to this skill (expected "
                      "starts_at and not_applicable to leave at least one level above the floor)")
    got = sorted(skill.levels)
    for missing in sorted(set(expected) - set(got)):
        checker.error(source, ("levels",), f"levels: missing level {missing} (expected levels "
                      f"{_listed(expected)}, got {_listed(got)}; a level that does not apply to "
                      "this skill goes in not_applicable, or starts_at for a skill that starts "
                      "higher)")
    for extra in sorted(set(got) - set(expected) - {low}):
        if extra in values:
            checker.error(source, ("levels", extra), f"levels: level {extra} does not apply to "
                          f"this skill (expected only {_levels(expected)}, as starts_at and "
                          "not_applicable say; remove it, or change those)")
        else:
            checker.error(source, ("levels", extra), f"levels: unknown level {extra} (expected "
                          f"one of {_listed(expected)} from the framework's scale)")


def check_skill(checker: Checker, source: SourceFile, skill: m.Skill,
                framework: m.Framework) -> None:
    check_levels(checker, source, skill, framework)
    if framework.areas and skill.area is None:
        checker.error(source, (), "missing required key 'area' (expected the id of an area "
                      "defined in content/framework.yml)")
    elif not framework.areas and skill.area is not None:
        checker.error(source, ("area",), f"area: the framework declares no areas (expected no "
                      f"'area', or an 'areas:' list in content/framework.yml, got '{skill.area}')")
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


def not_reserved(checker: Checker, source: SourceFile, loc: tuple[Any, ...], ident: str,
                 kind: str) -> None:
    if ident in RESERVED:
        checker.error(source, loc, f"{dotted(loc)}: '{ident}' is reserved (expected another "
                      f"{kind} id: '{ident}' would replace a generated list page)")


def check_role(checker: Checker, source: SourceFile, index: int, role: m.Role,
               skills: Mapping[str, m.Skill], framework: m.Framework) -> None:
    """Each expectation is on the scale and at a level its skill has (a skill the role does
    not list is simply not expected)."""
    values = [level.value for level in framework.levels]
    loc = ("roles", index, "expectations")
    for skill_id, expectation in role.expectations.items():
        where = (*loc, skill_id, "level")
        if expectation.level not in values:
            checker.error(source, where, f"{dotted(loc)}.{skill_id}.level: off the scale "
                          f"(expected {min(values)} to {max(values)}, got {expectation.level})")
        elif skill_id in skills and expectation.level not in (
                applies := levels.applicable(framework, skills[skill_id])):
            checker.error(source, where, f"{dotted(loc)}.{skill_id}.level: role '{role.id}' "
                          f"expects level {expectation.level} of '{skill_id}', which does not "
                          f"apply to that skill (expected one of {_listed(applies)}; to say the "
                          "role does not need the skill, leave it out of the expectations)")


def check_glossary_words(checker: Checker, source: SourceFile, terms: list[m.Term]) -> None:
    seen: dict[str, int] = {}
    for i, term in enumerate(terms):
        for word in (term.term, *term.aliases):
            key = word.casefold()
            if key in seen and seen[key] != i:
                checker.error(source, ("terms", i), f"terms[{i}]: the word '{word}' is already "
                              f"used by terms[{seen[key]}] (expected each term and alias once, "
                              "so its tooltip is unambiguous)")
            seen.setdefault(key, i)


def raw_ids(items: Any) -> list[str]:
    """The ``id`` of every mapping among ``items`` that has a string id."""
    if not isinstance(items, Iterable) or isinstance(items, (str, dict)):
        return []
    return [item["id"] for item in items
            if isinstance(item, dict) and isinstance(item.get("id"), str)]
