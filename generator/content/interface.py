"""A project's own interface strings: ``content/strings/<code>.yml`` (and a layer's
``fork/strings/<code>.yml``) over the generator's ``generator/strings/<code>.yml``.

A fork renames a button, words the assessment its own way, or gives the interface a
language the generator does not ship — without editing the package, so pulling upstream
touches none of it. A file holds any subset of the keys of ``generator/strings/en.yml``,
in the same shape. What reaches pages, the browser's data and the terminal is checked here
first, each mistake at its line:

- every key is one the generator has (with a suggestion), a group stays a group, a text a
  text, and a text that counts something gives CLDR plural forms with ``other``;
- a text is one line, and its braces are only placeholders the English text has
  (``{n}``; not ``{n.__class__}`` or ``{{``, which ``str.format`` would read);
- nothing in it is raw HTML, a script link or an attribute list (``rules.check_text``).

The file's language must be the framework's own or a declared translation.
"""

from __future__ import annotations

import re
import string
from typing import Any

from ..errors import ContentError
from ..strings import PLURAL_CATEGORIES, package_table
from .load import SourceFile
from .located_yaml import LocatedDict
from .messages import describe, did_you_mean, place
from .safety import inert_text

STRINGS_DIR = "strings"
"""The folder, under ``content/`` and under a layer's ``fork/``, of interface strings."""
CODE = re.compile(r"^[a-z]{2}(-[A-Z]{2})?$")
_FORMATTER = string.Formatter()


def code_of(file: SourceFile) -> str:
    """The language a strings file is for: its name without ``.yml``."""
    return file.path.rsplit("/", 1)[-1].rsplit(".", 1)[0]


def _key(node: dict[Any, Any], key: Any) -> Any:
    """``key`` as ``node`` spells it (YAML reads ``1:`` as a number, ``"1":`` as text), or
    None when ``node`` has no such key."""
    if key in node:
        return key
    return next((k for k in node if str(k) == str(key)), None)


def is_plural(node: Any) -> bool:
    return isinstance(node, dict) and "other" in node


def _placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in _FORMATTER.parse(text) if name}


def _english_placeholders(english: Any) -> set[str]:
    if is_plural(english):
        return set().union(*(_placeholders(str(form)) for form in english.values()))
    return _placeholders(str(english))


class _Check:
    def __init__(self, source: SourceFile) -> None:
        self.source = source
        self.errors: list[ContentError] = []

    def error(self, loc: tuple[Any, ...], message: str) -> None:
        self.errors.append(ContentError(*place(self.source, loc), message))

    def group(self, given: Any, english: dict[Any, Any], loc: tuple[Any, ...]) -> None:
        name = ".".join(map(str, loc))
        if not isinstance(given, dict):
            self.error(loc, f"{name}: a group of strings (expected a mapping of its keys, "
                       f"such as {_example(english)}; got {describe(given)})")
            return
        for key, value in given.items():
            here = (*loc, key)
            dotted = ".".join(map(str, here))
            match = _key(english, key)
            if match is None:
                hint = _elsewhere(key, english) or did_you_mean(str(key), [str(k) for k in english])
                self.error(here, f"unknown interface string '{dotted}' (expected a key of "
                           f"generator/strings/en.yml){hint}")
            elif is_plural(english[match]):
                self.plural(value, english[match], here)
            elif isinstance(english[match], dict):
                self.group(value, english[match], here)
            else:
                self.text(value, english[match], here)

    def plural(self, given: Any, english: dict[str, Any], loc: tuple[Any, ...]) -> None:
        name = ".".join(map(str, loc))
        if not isinstance(given, dict):
            self.error(loc, f"{name}: this text counts something (expected plural forms such "
                       f"as {{one: \"{english.get('one', english['other'])}\", other: "
                       f"\"{english['other']}\"}}; got {describe(given)})")
            return
        for category, form in given.items():
            if category not in PLURAL_CATEGORIES:
                self.error((*loc, category), f"{name}: unknown plural form {category!r} "
                           f"(expected one of: {', '.join(PLURAL_CATEGORIES)})")
            else:
                self.text(form, english, (*loc, category))
        if "other" not in given:
            self.error(loc, f"{name}: no 'other' form (expected 'other', the form used for "
                       "any number the language's other forms do not cover)")

    def text(self, given: Any, english: Any, loc: tuple[Any, ...]) -> None:
        self._text(given, english, loc)
        if not isinstance(given, str) or not given.strip():
            return
        try:
            have = _placeholders(given)
        except ValueError:
            return  # reported by _text
        # Every value the English shows, in every form but those that name one number
        # ("eine Fähigkeit" needs no {n}); translations status calls a drop "mismatched".
        needed = _english_placeholders(english)
        if loc[-1] in ("zero", "one", "two") and is_plural(english):
            needed -= {"n"}
        dropped = sorted(needed - have)
        if dropped:
            name = ".".join(map(str, loc))
            self.error(loc, f"{name}: leaves out {', '.join(f'{{{d}}}' for d in dropped)} "
                       f"(expected every value the English text shows: "
                       f"{', '.join(f'{{{a}}}' for a in sorted(needed))}; put each where your "
                       "language says it)")

    def _text(self, given: Any, english: Any, loc: tuple[Any, ...]) -> None:
        name = ".".join(map(str, loc))
        if not isinstance(given, str):
            what = "plural forms" if isinstance(given, dict) else describe(given)
            self.error(loc, f"{name}: expected text (quote it if it reads as a number or "
                       f"true/false), got {what}")
            return
        if not given.strip():
            self.error(loc, f"{name}: expected text, got nothing (an empty text would leave a "
                       "blank button or heading; leave the key out to keep the generator's)")
            return
        if "\n" in given.strip():
            self.error(loc, f"{name}: expected one line of text, got a line break")
        allowed = _english_placeholders(english)
        try:
            parts = list(_FORMATTER.parse(given))
        except ValueError:
            self.error(loc, f"{name}: a '{{' or '}}' that is not a placeholder (expected "
                       f"braces only around a placeholder{_listed(allowed)}; got "
                       f"{describe(given)})")
            return
        for literal, field, spec, conversion in parts:
            if "{" in literal or "}" in literal:  # written {{ or }}
                self.error(loc, f"{name}: doubled braces (expected braces only around a "
                           f"placeholder{_listed(allowed)}; got {describe(given)})")
            if field is None:
                continue
            shown = "{" + field + (f"!{conversion}" if conversion else "") + \
                (f":{spec}" if spec else "") + "}"
            if not field.isidentifier() or spec or conversion:
                self.error(loc, f"{name}: expected a plain placeholder{_listed(allowed)}, "
                           f"got {shown}")
            elif field not in allowed:
                self.error(loc, f"{name}: unknown placeholder {shown} "
                           + (f"(expected one of: {', '.join(f'{{{a}}}' for a in sorted(allowed))})"
                              if allowed else "(expected none: this text takes no values)"))


def _elsewhere(key: Any, here: dict[Any, Any]) -> str:
    """``; did you mean 'home.start_assessment'?`` for a key that is not in this group
    (``here``) but is, by that very name, in another."""
    if _key(here, key) is not None:
        return ""
    paths = sorted(p for p in leaves(package_table("en")) if p.rsplit(".", 1)[-1] == str(key))
    return f"; did you mean {' or '.join(repr(p) for p in paths[:3])}?" if paths else ""


def _listed(allowed: set[str]) -> str:
    return (" such as " + ", ".join(f"{{{a}}}" for a in sorted(allowed))) if allowed else ""


def _example(english: dict[Any, Any]) -> str:
    key = next(iter(english))
    value = english[key]
    return f"{key}: \"{value}\"" if isinstance(value, str) else f"{key}: …"


def check_strings(files: list[SourceFile], languages: set[str]) -> list[ContentError]:
    """Every mistake in the strings files, whose languages must be among ``languages``."""
    from .rules import Checker, check_text  # here: rules imports the whole model

    english = package_table("en")
    errors: list[ContentError] = []
    for file in files:
        code = code_of(file)
        if not CODE.match(code):
            errors.append(ContentError(file.path, 0, "a strings file is named by its language "
                                       "code (expected e.g. 'de.yml' or 'pt-BR.yml', got "
                                       f"{file.path.rsplit('/', 1)[-1]!r})"))
            continue
        if code not in languages:
            errors.append(ContentError(file.path, 1, f"strings for '{code}', which this "
                                       "framework does not use (expected one of: "
                                       f"{', '.join(sorted(languages))}; translations are "
                                       "declared under 'languages:' in content/framework.yml)"))
            continue
        if file.data is None:
            continue  # an empty file changes nothing
        check = _Check(file)
        if not isinstance(file.data, LocatedDict):
            check.error((), "expected a mapping of interface strings such as 'home: "
                        f"{{start_assessment: …}}', got {describe(file.data)}")
        else:
            check.group(file.data, english, ())
        errors += check.errors
        checker = Checker()
        check_text(checker, file)
        errors += checker.errors
    return errors


def tables(files: list[SourceFile]) -> dict[str, dict[Any, Any]]:
    """The checked files as plain nested dicts, by language (what ``strings`` merges). Each
    text also goes through ``safety.inert_text``: the second, independent guard."""
    def plain(node: Any, english: Any) -> Any:
        if isinstance(node, dict):  # keys spelled as English spells them (1, not "1")
            english = english if isinstance(english, dict) else {}
            return {(_key(english, k) if _key(english, k) is not None else k):
                    plain(v, english.get(_key(english, k))) for k, v in node.items()}
        return inert_text(node) if isinstance(node, str) else node

    return {code_of(f): plain(f.data, package_table("en")) for f in files
            if isinstance(f.data, dict)}


def leaves(node: Any, loc: tuple[str, ...] = ()) -> set[str]:
    """The keys of a strings table, a text or a set of plural forms counting as one."""
    if not isinstance(node, dict) or is_plural(node):
        return {".".join(loc)} if loc else set()
    return set().union(set(), *(leaves(v, (*loc, str(k))) for k, v in node.items()))
