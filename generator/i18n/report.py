"""The translation status of a project: every declared language, and any translation folder
that no language declares, as a table with the problems listed under it."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import yaml

from ..content import model as m
from ..content.interface_status import missing_table
from .status import LanguageStatus, content_status, source_units, strings_status
from .units import fingerprint

PROBLEMS = ("stale", "orphaned", "mismatched", "errors", "missing")


def project_status(root: Path, framework: m.Framework,
                   only: tuple[str, ...] = ()) -> list[LanguageStatus]:
    """Each declared language's status (content and interface strings); a folder under
    ``content/i18n/`` for an undeclared language is reported as an error of its own."""
    out = []
    for language in framework.languages:
        if only and language.code not in only:
            continue
        st = content_status(root, language.code, language.status)
        strings_status(st, root)
        out.append(st)
    declared = {language.code for language in framework.languages} | {framework.language}
    folder = root / "content" / "i18n"
    for child in sorted(folder.iterdir()) if folder.is_dir() else ():
        if child.is_dir() and child.name not in declared and (not only or child.name in only):
            st = LanguageStatus(child.name, "undeclared")
            st.errors.append(f"content/i18n/{child.name}: a translation folder for a language "
                             "content/framework.yml does not declare (expected an entry under "
                             f"'languages:' with code: {child.name})")
            out.append(st)
    return out


def status_text(statuses: list[LanguageStatus], show: int) -> str:
    if not statuses:
        return "No translations: content/framework.yml declares no 'languages'.\n"
    lines = ["lang  status       coverage        missing  stale  orphaned  mismatched  errors"]
    for st in statuses:
        lines.append(f"{st.code:<5} {st.status:<12} {100 * st.coverage:5.1f}% "
                     f"{st.done:>5}/{st.total:<5} {len(st.missing):>5} {len(st.stale):>6} "
                     f"{len(st.orphaned):>9} {len(st.mismatched):>11} {len(st.errors):>7}")
    for st in statuses:
        for kind in PROBLEMS:
            items = getattr(st, kind)
            if not items:
                continue
            lines.append(f"\n{st.code} — {kind} ({len(items)}):")
            lines += [f"  {item}" for item in items[:show]]
            if len(items) > show:
                lines.append(f"  … and {len(items) - show} more (--show {len(items)})")
    return "\n".join(lines) + "\n"


def status_json(statuses: list[LanguageStatus]) -> str:
    return json.dumps([{"code": st.code, "status": st.status, "total": st.total,
                        "done": st.done, "coverage": round(st.coverage, 4),
                        **{kind: getattr(st, kind) for kind in PROBLEMS}}
                       for st in statuses], ensure_ascii=False, indent=2) + "\n"


def todo(root: Path, code: str, source: str | None = None) -> str:
    """Every missing or stale unit of ``code`` as YAML, grouped by the translation file it
    belongs in: the English (``en``) and the fingerprint to record (``from``). A translator
    (or a tool) writes ``text`` in place of ``en`` and keeps ``from``. Then the interface
    strings neither the generator nor the project has in ``code``, with their English, to
    paste into ``content/strings/<code>.yml`` (also for ``source``, the content's language)."""
    out: dict[str, Any] = {}
    if code != source:
        st = content_status(root, code, "in-progress")
        wanted = {*st.missing, *st.stale}
        for rel, units in source_units(root / "content").items():
            path = f"content/i18n/{code}/{rel}"
            for key, text in units.items():
                if f"{path}: {key}" in wanted:
                    out.setdefault(path, {})[key] = {"en": text, "from": fingerprint(text)}
    own = root / "content" / "strings" / f"{code}.yml"
    try:
        own_data = yaml.safe_load(own.read_text(encoding="utf-8")) if own.is_file() else None
    except yaml.YAMLError:
        own_data = None  # validate reports it; the todo lists every key then
    strings = missing_table(code, own_data)
    if strings:
        out[f"content/strings/{code}.yml"] = strings
    return yaml.dump(out, Dumper=_BlockDumper, allow_unicode=True, sort_keys=False, width=100)


class _BlockDumper(yaml.SafeDumper):
    """Multi-line texts as ``|`` blocks, as a person would write them in the file."""


def _text(dumper: yaml.SafeDumper, text: str) -> yaml.ScalarNode:
    style = "|" if "\n" in text.strip() else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", text, style=style)


_BlockDumper.add_representer(str, _text)
