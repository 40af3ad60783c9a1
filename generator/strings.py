"""The interface strings, one YAML file per language in ``generator/strings/``.

Templates and the assessment's JavaScript both read their text from here, so a
translation is one new file. A key missing from a translation falls back to English.
A project can override any of them, or add a language, in ``content/strings/<code>.yml``
(checked by ``content.interface``); for language L the table is English, then the
project's English, then L, then the project's L, each over the one before.

A string that counts something is a mapping of plural forms by CLDR category (``one``,
``few``, ``many``, ``other``): English needs ``one`` and ``other``, Russian ``one``, ``few``
and ``many``, Chinese only ``other``. ``t(key, n=…)`` picks the form for ``n`` with the
language's rule (``plural_category``; report.js has its twin, held equal by a test).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from functools import lru_cache
from importlib import resources as package_files
from typing import Any

import yaml

DEFAULT_LANGUAGE = "en"
PLURAL_CATEGORIES = ("zero", "one", "two", "few", "many", "other")


_FOLDER = package_files.files("generator") / "strings"


def _file(language: str) -> Any:
    return _FOLDER / f"{language}.yml"


def _stamp(language: str) -> int:
    """When the generator's file for ``language`` last changed (0: no such file). `serve`
    watches generator/strings/, so the caches below are keyed by it, never served stale."""
    try:
        return os.stat(str(_file(language))).st_mtime_ns
    except OSError:  # absent, or inside an archive (which does not change)
        return 0


def _read(language: str) -> dict[str, Any]:
    file = _file(language)
    if not file.is_file():
        return {}
    # LibYAML's safe loader when installed (the same result, a quarter of the time: this file
    # is read on every build and regeneration); never a loader that builds Python objects.
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)(file.read_text(encoding="utf-8"))
    try:
        return loader.get_single_data() or {}
    finally:
        loader.dispose()


def _merge(base: dict[str, Any], over: dict[str, Any]) -> dict[str, Any]:
    merged = dict(base)
    for key, value in over.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = _merge(merged[key], value)
        else:
            merged[key] = value
    return merged


# Languages by their CLDR cardinal rule for whole numbers (what the interface counts);
# report.js's pluralCategory has the same table. Any other language counts as English does.
PLURAL_RULES = {
    "none": ("zh", "ja", "ko", "vi", "th", "id", "ms"),
    "east-slavic": ("ru", "uk", "be"),
    "polish": ("pl",),
    "czech": ("cs", "sk"),
    "zero-one": ("fr", "pt"),  # 0 and 1 are "one" (Brazilian Portuguese, CLDR's "pt")
}


def plural_category(language: str, n: float) -> str:
    """The CLDR plural category of ``n`` in ``language`` (cardinal numbers)."""
    base = language.split("-")[0]
    rule = next((name for name, codes in PLURAL_RULES.items() if base in codes), "english")
    rule = "english" if language == "pt-PT" else rule  # European Portuguese counts as English
    whole = float(n).is_integer()
    i = int(n) if whole else -1
    if rule == "none":
        return "other"
    if rule == "zero-one":
        return "one" if 0 <= n < 2 else "other"
    if not whole:
        return "many" if rule == "czech" else "other"
    if rule == "east-slavic":
        if i % 10 == 1 and i % 100 != 11:
            return "one"
        return "few" if 2 <= i % 10 <= 4 and not 12 <= i % 100 <= 14 else "many"
    if rule == "polish":
        if i == 1:
            return "one"
        return "few" if 2 <= i % 10 <= 4 and not 12 <= i % 100 <= 14 else "many"
    if rule == "czech":
        return "one" if i == 1 else "few" if 2 <= i <= 4 else "other"
    return "one" if i == 1 else "other"


def pick_form(forms: dict[str, Any], language: str, n: float) -> str:
    """The plural form of ``forms`` for ``n``; ``other`` when the language's own is missing."""
    return str(forms.get(plural_category(language, n), forms["other"]))


class Strings:
    """Look up ``section.key`` strings and fill in ``{placeholders}``."""

    def __init__(self, table: dict[str, Any], language: str) -> None:
        self.table = table
        self.language = language

    def t(self, key: str, **values: Any) -> str:
        node: Any = self.table
        for part in key.split("."):
            if isinstance(node, dict) and part in node:
                node = node[part]
            elif isinstance(node, dict) and part.isdigit() and int(part) in node:
                node = node[int(part)]
            else:
                raise KeyError(f"no interface string '{key}' in generator/strings/")
        if isinstance(node, dict) and "other" in node:
            if "n" not in values:
                raise KeyError(f"the interface string '{key}' has plural forms (expected n=…)")
            node = pick_form(node, self.language, values["n"])
        return str(node).format(**values) if values else str(node)

    def minutes(self, minutes: int) -> str:
        """A duration as every page, the assessment and the terminal show it: ``45 min``
        under 90 minutes, else hours to the nearest half hour (``2.5 h``, ``7 h``), with the
        language's decimal separator.

        The one definition of durations: the browser gets these texts in its data.
        """
        if minutes < 90:
            return self.t("minutes.minutes", n=minutes)
        halves = (minutes * 2 + 30) // 60  # half hours, rounded half up
        point = self.t("assessment.decimal_separator")  # 1,5 ч in Russian
        hours = f"{halves // 2}" if halves % 2 == 0 else f"{halves // 2}{point}5"
        return self.t("minutes.hours", n=hours)

    def section(self, name: str) -> dict[str, Any]:
        return dict(self.table.get(name, {}))


def package_table(language: str) -> dict[str, Any]:
    """The generator's own strings file for ``language`` as read (empty when it has none).
    Callers must not change it."""
    return _read_at(language, _stamp(language))


@lru_cache(maxsize=16)
def _read_at(language: str, _stamp: int) -> dict[str, Any]:
    return _read(language)


@lru_cache(maxsize=8)
def _package_strings(language: str, _stamps: tuple[int, int]) -> Strings:
    table = package_table(DEFAULT_LANGUAGE)
    if language != DEFAULT_LANGUAGE:
        table = _merge(table, package_table(language))
    return Strings(table, language)


_WITH_PROJECT: dict[tuple[str, tuple[int, int], str], Strings] = {}


def load_strings(language: str = DEFAULT_LANGUAGE,
                 interface: Mapping[str, Any] | None = None) -> Strings:
    """The strings for ``language``; ``interface``: a project's own, by language code
    (``Content.interface``, already checked), merged as the module says."""
    own = [interface.get(code) or {} for code in dict.fromkeys((DEFAULT_LANGUAGE, language))] \
        if interface else []
    stamps = (_stamp(DEFAULT_LANGUAGE), _stamp(language))
    if not any(own):
        return _package_strings(language, stamps)
    key = (language, stamps, repr(own))  # the same files give the same text
    if key not in _WITH_PROJECT:
        table = _merge(package_table(DEFAULT_LANGUAGE), own[0])
        if language != DEFAULT_LANGUAGE:
            table = _merge(_merge(table, package_table(language)), own[-1])
        if len(_WITH_PROJECT) > 32:  # serve keeps one process while the files change
            _WITH_PROJECT.clear()
        _WITH_PROJECT[key] = Strings(table, language)
    return _WITH_PROJECT[key]


def strings_of(content: Any) -> Strings:
    """The strings of a validated ``content.model.Content``: its language, its project's own."""
    return load_strings(content.framework.language, getattr(content, "interface", None))
