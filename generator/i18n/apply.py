"""One language's content: the English files with every translated unit put in place.

Translation happens on the loaded files, before validation, so a translated site is
validated by the same rules (a translation cannot smuggle raw HTML or a script link past
them) and built by the same code. A unit whose translation is missing or stale keeps its
English text; those texts are returned as the *fallback* set, so pages can mark them
(a notice and ``lang="en"``) instead of passing them off as translated.

Mistakes found in translated text are reported at the translation file's line, not at the
English file's, by ``Located.relocate``.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..content.load import RawContent, SourceFile, split_front_matter
from ..content.located_yaml import parse_yaml
from ..errors import ContentError, ContentInvalid
from .units import entry, fingerprint, guide_text, visit_units


@dataclass
class Located:
    """Where translated texts came from: (English file, line) → (translation file, line)."""

    lines: dict[str, list[tuple[int, str, int]]] = field(default_factory=dict)

    def add(self, english: str, line: int, translation: str, tr_line: int) -> None:
        self.lines.setdefault(english, []).append((line, translation, tr_line))

    def relocate(self, error: ContentError) -> ContentError:
        """The error at the translation's line when it falls on a translated text (the
        closest translated unit at or before the English line)."""
        best = None
        for line, path, tr_line in self.lines.get(error.path, ()):
            if line <= error.line and (best is None or line > best[0]):
                best = (line, path, tr_line)
        if best is None:
            return error
        line, path, tr_line = best
        return ContentError(path, tr_line + (error.line - line), error.message)


@dataclass
class Translated:
    """A language's content files, the English texts it still shows, and where its
    translated texts came from."""

    raw: RawContent
    fallback: set[str] = field(default_factory=set)
    located: Located = field(default_factory=Located)
    translated_files: set[str] = field(default_factory=set)
    """Content files (``content/…``) with a translation file, for "edit this page"."""


def _read(path: Path, rel: str) -> Any:
    try:
        return parse_yaml(path.read_text(encoding="utf-8-sig"), rel)
    except ContentError as error:
        raise ContentInvalid([error]) from None


def _entries(data: Any) -> dict[str, tuple[Any, str, int]]:
    """A translation file's usable entries: key → (text, from, line). Anything but exactly
    text and from (a comma that split a flow mapping) is not a translation: the English
    shows, marked, and ``translations`` reports the entry."""
    out: dict[str, tuple[Any, str, int]] = {}
    if not isinstance(data, dict):
        return out
    lines = getattr(data, "key_lines", {})
    for key, value in data.items():
        found = entry(value)
        if found is not None:
            line = getattr(value, "key_lines", {}).get("text", lines.get(key, 0))
            out[str(key)] = (*found, line)
    return out


def _apply(data: Any, entries: dict[str, tuple[Any, str, int]], rel: str, tr_rel: str,
           out: Translated) -> None:
    """Replace, in place, each text unit of ``data`` that has a current translation."""

    def replace(container: Any, key: Any, unit: str, english: Any) -> None:
        found = entries.get(unit)
        if found is None or found[1] != fingerprint(english) or not _same_shape(found[0],
                                                                                english):
            out.fallback.update([english] if isinstance(english, str) else english)
            return
        container[key] = found[0]
        out.located.add(rel, _line(container, key), tr_rel, found[2])

    visit_units(data, replace)


def _line(container: Any, key: Any) -> int:
    """The English line of a unit: its key's in a mapping, its item's in a list."""
    if isinstance(container, dict):
        return int(getattr(container, "key_lines", {}).get(key, 0))
    lines = getattr(container, "item_lines", [])
    return int(lines[key]) if key < len(lines) else 0


def _same_shape(text: Any, english: Any) -> bool:
    if isinstance(english, str):
        return isinstance(text, str) and bool(text.strip())
    return isinstance(text, list) and all(isinstance(t, str) and t.strip() for t in text)


def _guide(file: SourceFile, root: Path, base: str, out: Translated) -> SourceFile:
    """A guide with its translated file's title, summary and body, when it is current."""
    name = file.path.rsplit("/", 1)[-1]
    tr_rel = f"{base}/guides/{name}"
    path = root / tr_rel
    english = guide_text(file.data, file.body)
    if not path.is_file() or not isinstance(file.data, dict):
        out.fallback.add(file.body)
        return file
    text = path.read_text(encoding="utf-8-sig")
    try:
        meta, meta_line, body, body_line = split_front_matter(text, tr_rel)
        data = parse_yaml(meta, tr_rel, first_line=meta_line) or {}
    except ContentError as error:
        raise ContentInvalid([error]) from None
    if not isinstance(data, dict) or data.get("from") != fingerprint(english):
        out.fallback.add(file.body)
        return file
    translated = copy.deepcopy(file.data)
    for key in ("title", "summary"):
        if isinstance(data.get(key), str) and data[key].strip():
            translated[key] = data[key]
    out.translated_files.add(file.path)
    return SourceFile(tr_rel, translated, body=body, body_line=body_line)


def translate(raw: RawContent, root: Path, code: str, content_dir: str = "content"
              ) -> Translated:
    """``raw`` (the English, already loaded) in language ``code``: a deep copy with every
    current translation of ``content/i18n/<code>/`` in place and the language set."""
    out = Translated(copy.deepcopy(raw))
    base = f"{content_dir}/i18n/{code}"
    files = [f for f in (out.raw.framework, out.raw.roles, out.raw.resources,
                         out.raw.glossary, out.raw.sources, *out.raw.skills) if f is not None]
    prefix = f"{content_dir}/"
    for file in files:
        if not file.path.startswith(prefix):
            continue  # a fork layer's file: translated with the layer, not here
        rel = file.path[len(prefix):]
        tr_rel = f"{base}/{rel}"
        path = root / tr_rel
        entries = _entries(_read(path, tr_rel)) if path.is_file() else {}
        if entries:
            out.translated_files.add(file.path)
        _apply(file.data, entries, file.path, tr_rel, out)
    out.raw.guides = [_guide(g, root, base, out) if g.path.startswith(prefix) else g
                      for g in out.raw.guides]
    if out.raw.framework is not None and isinstance(out.raw.framework.data, dict):
        out.raw.source_language = out.raw.framework.data.get("language", "en")
        out.raw.framework.data["language"] = code
    return out


@dataclass(frozen=True)
class LanguageContent:
    """One language of the site: its validated content and what its pages must mark."""

    code: str
    name: str
    content: Any  # content.model.Content
    source: bool = True
    fallback: frozenset[str] = frozenset()
    translated_files: frozenset[str] = frozenset()


ENDONYMS = {"en": "English", "ru": "Русский", "zh": "中文", "de": "Deutsch", "fr": "Français",
            "es": "Español", "pt": "Português", "it": "Italiano", "ja": "日本語", "ko": "한국어",
            "uk": "Українська", "pl": "Polski", "tr": "Türkçe", "nl": "Nederlands"}
"""The source language's name in the language selector (a translation names itself in
``framework.yml``)."""


def language_contents(root: Path, content_dir: str, raw: RawContent, english: Any,
                      only: tuple[str, ...] | None = None) -> list[LanguageContent]:
    """The source language and every declared translation (or those in ``only``), each
    validated; a mistake in a translated text is reported at its translation file's line."""
    from ..content.validate import validate  # here: validate imports the whole model

    fw = english.framework
    out = []
    if only is None or fw.language in only:
        out.append(LanguageContent(fw.language, ENDONYMS.get(fw.language, fw.language), english))
    errors: list[ContentError] = []
    for language in fw.languages:
        if only is not None and language.code not in only:
            continue
        translated = translate(raw, root, language.code, content_dir)
        try:
            content = validate(translated.raw)
        except ContentInvalid as invalid:
            errors += [translated.located.relocate(e) for e in invalid.errors]
            continue
        out.append(LanguageContent(language.code, language.name, content, False,
                                   frozenset(translated.fallback),
                                   frozenset(translated.translated_files)))
    if errors:
        raise ContentInvalid(errors)
    return out
