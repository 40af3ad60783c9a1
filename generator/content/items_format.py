"""The item report (``items.ItemReport``) as text for an 80-column terminal, or as JSON.

The text leads with what decides the exit code (the strategies' accuracy against the
bound), then what a reviewer fixes item by item: position balance, option length,
too few options, near-duplicate questions, and the checks the strategies crack most.
"""

from __future__ import annotations

import json
import textwrap
from dataclasses import asdict
from typing import Any

from .cues import CUES
from .items import MIN_CHECKS, MIN_OPTIONS, ItemReport, ModeStats

WIDTH = 80
LABEL = 44  # the strategy label column; the longest label is 38 characters


def percent(value: float) -> str:
    return f"{value * 100:.1f}%"


def _wrap(text: str, indent: str = "  ") -> list[str]:
    return textwrap.wrap(text, WIDTH, initial_indent=indent, subsequent_indent=indent + "  ",
                         break_on_hyphens=False)


def _row(label: str, values: list[str]) -> str:
    return f"  {label:<{LABEL}}" + "".join(f"{v:>9}" for v in values)


def _strategies(report: ItemReport) -> list[str]:
    modes = report.modes
    lines = ["Test-wise strategies: share of keyed answers each one picks from the wording",
             "or position alone (a tie of k options that includes the key counts 1/k)",
             _row("", [m.mode for m in modes])]
    for name, label in report.strategies.items():
        lines.append(_row(label, [percent(m.accuracy[name]) if m.checks else "-"
                                  for m in modes]))
    lines.append(_row("chance (1 / number of options)",
                      [percent(m.chance) if m.checks else "-" for m in modes]))
    return lines


def _best(report: ItemReport, mode: ModeStats) -> str:
    if not mode.checks:
        return f"  {mode.mode:<6} no checks"
    verdict = VERDICTS[mode.verdict(report.max_cue)]
    return (f"  {mode.mode:<6} {percent(mode.best_accuracy):>6}  "
            f"{report.strategies[mode.best]} ({verdict})")


VERDICTS = {"above": "ABOVE the bound", "within": "within the bound",
            "few": "too few to judge*", "even": "as even as can be*"}


def _best_notes(report: ItemReport) -> list[str]:
    """What a starred verdict means, when one is shown."""
    shown = {m.verdict(report.max_cue) for m in report.modes if m.checks}
    notes = []
    if "few" in shown:
        notes += _wrap(f"* fewer than {MIN_CHECKS} checks: one check's key is picked or not "
                       "(100 % or 0 %), which says nothing of the set; not held to the bound.",
                       indent="  ")
    if "even" in shown:
        notes += _wrap("* however the keys are placed, one position holds this share of so few "
                       "checks; not held to the bound.", indent="  ")
    return notes


def _positions(mode: ModeStats) -> str:
    counts = "  ".join(f"{p + 1}: {n:<3}" for p, n in enumerate(mode.positions))
    return f"  {mode.mode:<6} {counts}".rstrip()


def _length(report: ItemReport) -> list[str]:
    length = report.length
    if not length.checks:
        return []
    return ["", f"Option length: keyed option / mean of the others ({length.checks} checks)",
            *_wrap(f"median {length.median:.2f}, max {length.max:.2f} ({length.max_check}); "
                   f"the key is the strictly longest option in {length.key_longest} of "
                   f"{length.checks} checks")]


def _warnings(report: ItemReport) -> list[str]:
    lines: list[str] = []
    if report.few_options:
        lines += ["", (f"Warning: {len(report.few_options)} check(s) with fewer than "
                       f"{MIN_OPTIONS} options (chance is 1/3 or more)"),
                  *_wrap(", ".join(f"{check} ({n})" for check, n in report.few_options.items()))]
    if report.duplicates:
        lines += ["", (f"Warning: {len(report.duplicates)} pair(s) of near-duplicate "
                       "questions (shared content words)")]
        for pair in report.duplicates:
            lines += _wrap(f"{pair.first} ~ {pair.second}")
            lines += _wrap(f'Jaccard {pair.jaccard:.2f}; longest shared run: "{pair.phrase}"',
                           indent="    ")
    return lines


def _worst(report: ItemReport) -> list[str]:
    if not report.worst:
        return []
    lines = ["", (f"The checks most easily guessed: how many of the {len(CUES)} text "
                  "strategies pick the key"), "(a tie of k options counts 1/k)"]
    for hit in report.worst:
        lines.append(f"  {hit.score:4.2f}  {hit.id} ({hit.skill})")
        if hit.strategies:
            lines += _wrap("picked outright by: " + ", ".join(hit.strategies), indent="        ")
    return lines


def item_text(report: ItemReport) -> str:
    """The report for a terminal, at most 80 columns wide, ending in a newline."""
    if not report.length.checks:
        return "No knowledge checks: nothing to measure.\n"
    modes = {m.mode: m for m in report.modes}
    sizes = ", ".join(f"{m.checks} in {m.mode} mode" for m in report.modes)
    lines = [f"Knowledge checks: {sizes}", "", *_strategies(report), "",
             (f"Best strategy per mode (bound {percent(report.max_cue)}, "
              "assessment.item_max_cue or --max-cue)"),
             *[_best(report, m) for m in report.modes], *_best_notes(report),
             "", "Keyed answers per displayed position",
             *[_positions(m) for m in modes.values()],
             *_length(report), *_warnings(report), *_worst(report)]
    return "\n".join(lines) + "\n"


def _rounded(value: Any) -> Any:
    # Four decimals: enough to compare, and stable across platforms' float printing.
    if isinstance(value, float):
        return round(value, 4)
    if isinstance(value, dict):
        return {k: _rounded(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_rounded(v) for v in value]
    return value


def item_json(report: ItemReport) -> str:
    """The report as indented JSON, with ``over_bound`` (the modes that fail) added."""
    data = _rounded(asdict(report))
    data["over_bound"] = [m.mode for m in report.over_bound]
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
