"""How far each language's translation has got, unit by unit.

Translations live in ``content/i18n/<lang>/``, mirroring ``content/``: a YAML file holds, per
unit key (``units.units``), the translated ``text`` and ``from``, the fingerprint of the
English it was made from; a guide is a Markdown file with the same front matter fields
translated and ``from`` for the whole source guide. A unit is

- **missing** when the language has no entry for it,
- **stale** when the English changed after the translation (``from`` differs),
- **orphaned** when the English no longer has it (an entry, or a whole file),
- **mismatched** when it drops or adds a ``{placeholder}``, a link target or a code span,
  which would break a sentence the interface fills in or a link.

The interface strings (``generator/strings/<lang>.yml``) are checked for missing, orphaned
and mismatched keys the same way.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from importlib import resources as package_files
from pathlib import Path
from typing import Any

import yaml

from ..content.load import split_front_matter
from ..content.located_yaml import parse_yaml
from ..errors import ContentError
from ..site.anchors import heading_levels
from .units import Unit, entry, fingerprint, guide_text, units

KEEP = (re.compile(r"\{[A-Za-z_][A-Za-z0-9_]*\}"), re.compile(r"\]\(([^)\s]+)"),
        re.compile(r"`[^`\n]+`"))
"""What a translation must carry over unchanged: placeholders, link targets, code spans."""


@dataclass
class LanguageStatus:
    """One language's state; ``total`` counts the English units (content and interface)."""

    code: str
    status: str
    total: int = 0
    done: int = 0
    missing: list[str] = field(default_factory=list)
    stale: list[str] = field(default_factory=list)
    orphaned: list[str] = field(default_factory=list)
    mismatched: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    @property
    def coverage(self) -> float:
        return self.done / self.total if self.total else 1.0

    @property
    def failing(self) -> bool:
        """Stale, orphaned, mismatched or unreadable entries always fail; missing ones fail
        only a language declared complete."""
        return bool(self.stale or self.orphaned or self.mismatched or self.errors
                    or (self.status == "complete" and self.missing))


GUIDE_KEYS = frozenset({"title", "summary", "from"})


def kept(text: Unit) -> list[str]:
    joined = text if isinstance(text, str) else "\n".join(text)
    return sorted(m.group(0) for pattern in KEEP for m in pattern.finditer(joined))


def source_units(content: Path) -> dict[str, dict[str, Unit]]:
    """Per content file (relative to ``content/``), its translatable units."""
    out: dict[str, dict[str, Unit]] = {}
    for file in sorted(content.rglob("*.yml")):
        rel = file.relative_to(content).as_posix()
        # content/strings/ holds interface strings, not content (strings_status counts them)
        if rel.startswith(("i18n/", "strings/")) or file.name.startswith("."):
            continue
        out[rel] = units(yaml.safe_load(file.read_text(encoding="utf-8")))
    for file in sorted((content / "guides").glob("*.md")):
        if not file.name.startswith("."):
            meta, _, body, _ = split_front_matter(file.read_text(encoding="utf-8"), file.name)
            out[f"guides/{file.name}"] = {"guide": guide_text(yaml.safe_load(meta), body)}
    return out


def _translated(file: Path, rel: str, st: LanguageStatus) -> dict[str, tuple[Unit, str]]:
    """A translation file's entries, by key; shape mistakes are recorded as errors."""
    try:
        text = file.read_text(encoding="utf-8")
        if file.suffix == ".md":
            meta, line, body, _ = split_front_matter(text, rel)
            data = parse_yaml(meta, rel, first_line=line) or {}
            source = data.get("from") if isinstance(data, dict) else None
            if not isinstance(source, str):
                raise ContentError(rel, 1, "a translated guide records the English it was "
                                   "made from (expected 'from: <fingerprint>' in its front "
                                   "matter)")
            extra = sorted(str(k) for k in data if k not in GUIDE_KEYS)
            if extra:
                raise ContentError(rel, line, f"a translated guide's front matter holds only "
                                   f"title, summary and from (got {', '.join(extra)}: skills, "
                                   "sources, order and dates live in the English guide)")
            return {"guide": (guide_text(data, body), source)}
        data = parse_yaml(text, rel) or {}
    except ContentError as error:
        st.errors.append(str(error))
        return {}
    out = {}
    for key, value in data.items() if isinstance(data, dict) else ():
        found = entry(value)
        if found is None:
            line = getattr(data, "key_lines", {}).get(key, 0)
            st.errors.append(f"{rel}:{line}: {key}: expected 'text' and 'from' (the "
                             "translation and the fingerprint of its English)")
        else:
            out[str(key)] = found
    return out


def content_status(root: Path, code: str, status: str) -> LanguageStatus:
    """The translation state of ``content/`` for one language."""
    content = root / "content"
    st = LanguageStatus(code, status)
    base = content / "i18n" / code
    sources = source_units(content)
    for rel, wanted in sources.items():
        rel_path = f"content/i18n/{code}/{rel}"
        have = _translated(base / rel, rel_path, st) if (base / rel).is_file() else {}
        for key, text in wanted.items():
            st.total += 1
            name = f"{rel_path}: {key}"
            if key not in have:
                st.missing.append(name)
            elif have[key][1] != fingerprint(text):
                st.stale.append(name)
            elif kept(have[key][0]) != kept(text):
                st.mismatched.append(f"{name} (expected {kept(text)}, got {kept(have[key][0])})")
            elif key == "guide" and heading_levels(str(have[key][0])) != heading_levels(str(text)):
                st.mismatched.append(f"{name} (expected headings at levels "
                                     f"{heading_levels(str(text))}, got "
                                     f"{heading_levels(str(have[key][0]))}: the English anchors "
                                     "are pinned onto the headings by position)")
            else:
                st.done += 1
        st.orphaned += [f"{rel_path}: {key}" for key in have if key not in wanted]
    if base.is_dir():
        for file in sorted(base.rglob("*")):
            rel = file.relative_to(base).as_posix()
            if file.is_file() and rel not in sources:
                st.orphaned.append(f"content/i18n/{code}/{rel}: no such English file")
    return st


PLURAL = frozenset({"zero", "one", "two", "few", "many", "other"})
"""CLDR plural categories: a string with these keys is one unit whose forms differ by
language (English one/other, Russian one/few/many/other, Chinese other only)."""


def _flat(table: Any, prefix: str = "") -> dict[str, str]:
    if isinstance(table, dict) and table and set(map(str, table)) <= PLURAL:
        # All forms as one text: placeholders are compared across the forms together.
        return {prefix.rstrip("."): "\n".join(str(v) for v in table.values())}
    if not isinstance(table, dict):
        return {prefix.rstrip("."): str(table)}
    out: dict[str, str] = {}
    for key, value in table.items():
        out.update(_flat(value, f"{prefix}{key}."))
    return out


def _kept_set(text: str) -> list[str]:
    return sorted(set(kept(text)))


def strings_status(st: LanguageStatus, root: Path | None = None) -> None:
    """Add the interface strings (``generator/strings/<code>.yml``, then the project's own
    ``content/strings/<code>.yml``) to ``st``. A language the generator does not ship is
    the project's to complete, so its missing keys are named in the project's file."""
    folder = package_files.files("generator") / "strings"
    english = _flat(yaml.safe_load((folder / "en.yml").read_text(encoding="utf-8")))
    file = folder / f"{st.code}.yml"
    have = _flat(yaml.safe_load(file.read_text(encoding="utf-8")) or {}) if file.is_file() \
        else {}
    own = root / "content" / "strings" / f"{st.code}.yml" if root is not None else None
    if own is not None and own.is_file():
        have.update(_flat(yaml.safe_load(own.read_text(encoding="utf-8")) or {}))
    rel = f"generator/strings/{st.code}.yml" if file.is_file() else \
        f"content/strings/{st.code}.yml"
    for key, text in english.items():
        st.total += 1
        if key not in have:
            st.missing.append(f"{rel}: {key}")
        elif _kept_set(have[key]) != _kept_set(text):  # forms may repeat a placeholder
            st.mismatched.append(f"{rel}: {key} (expected {_kept_set(text)}, got "
                                 f"{_kept_set(have[key])})")
        else:
            st.done += 1
    st.orphaned += [f"{rel}: {key}" for key in have if key not in english]
