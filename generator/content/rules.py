"""Stage 2, second pass: the rules that span files, each reported at the offending line.

Ids are unique per kind; every declared reference (``model.Ref``) resolves; every
skill describes every level of the scale; each check has one best answer; no text
holds raw HTML, an unsafe link or an attribute list (``safety``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from ..errors import ContentError
from . import model as m
from .load import RESERVED, SourceFile
from .located_yaml import strings
from .messages import describe, did_you_mean, dotted, place
from .references import references
from .safety import (
    find_forbidden_syntax,
    find_raw_html,
    find_unsafe_link,
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


def _forbidden_message(found: tuple[str, str]) -> str:
    what, text = found
    return f"{what} is not allowed (expected plain Markdown, got {describe(text)})"


def check_text(checker: Checker, source: SourceFile) -> None:
    """Raw HTML, unsafe links and forbidden syntax in any text value of a YAML file."""
    for loc, text in strings(source.data):
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


def check_body(checker: Checker, guide: SourceFile) -> None:
    """Raw HTML, unsafe links and forbidden syntax in a guide's body, at their line."""
    for offset, line_text in enumerate(guide.body.splitlines()):
        forbidden = find_forbidden_syntax(line_text)
        if forbidden:
            checker.errors.append(ContentError(guide.path, guide.body_line + offset,
                                               _forbidden_message(forbidden)))
    for offset, target in unsafe_links(guide.body):
        checker.errors.append(ContentError(guide.path, guide.body_line + offset, "unsafe link "
                              f"(expected an https:// URL or a relative link, got "
                              f"{describe(target)})"))
    for offset, html in raw_html_blocks(guide.body):  # one message per block finds the place
        checker.errors.append(ContentError(guide.path, guide.body_line + offset, "raw HTML is not "
                              f"allowed in a guide (expected Markdown, got {describe(html)})"))


# --- one file's own rules ---------------------------------------------------------------


def lowest(framework: m.Framework) -> int:
    return min(level.value for level in framework.levels)


def check_framework(checker: Checker, source: SourceFile, framework: m.Framework) -> None:
    values = [level.value for level in framework.levels]
    if values != list(range(values[0], values[0] + len(values))):
        checker.error(source, ("levels",), "levels: the scale must count up by one (expected "
                      f"consecutive values, got {', '.join(map(str, values))})")
    checker.unique(((a.id, source, ("areas", i, "id")) for i, a in enumerate(framework.areas)),
                   "area")
    top = framework.assessment.knowledge_max_level
    if top is not None and not min(values[0] + 1, max(values) - 1) <= top < max(values):
        checker.error(source, ("assessment", "knowledge_max_level"), "assessment.knowledge_max_"
                      "level: checks can show more than the lowest level but not the top one "
                      f"(expected a level from {min(values[0] + 1, max(values) - 1)} to "
                      f"{max(values) - 1}, got {top})")


def check_skill(checker: Checker, source: SourceFile, skill: m.Skill,
                framework: m.Framework) -> None:
    expected = sorted(level.value for level in framework.levels if level.value > lowest(framework))
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


def not_reserved(checker: Checker, source: SourceFile, loc: tuple[Any, ...], ident: str,
                 kind: str) -> None:
    if ident in RESERVED:
        checker.error(source, loc, f"{dotted(loc)}: '{ident}' is reserved (expected another "
                      f"{kind} id: '{ident}' would replace a generated list page)")


def check_role(checker: Checker, source: SourceFile, index: int, role: m.Role,
               skill_ids: list[str], top: int, low: int) -> None:
    loc = ("roles", index, "expectations")
    for skill_id, expectation in role.expectations.items():
        if not low <= expectation.level <= top:
            checker.error(source, (*loc, skill_id, "level"), f"{dotted(loc)}.{skill_id}.level: "
                          f"off the scale (expected {low} to {top}, got {expectation.level})")
    for skill_id in skill_ids:
        if skill_id not in role.expectations:
            checker.error(source, loc, f"{dotted(loc)}: role '{role.id}' sets no level for skill "
                          f"'{skill_id}' (expected every skill to have a level and importance)")


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
