"""A spreadsheet export (CSV, or tab- or semicolon-separated) with one row per skill and
level: area, skill, level, behaviour and an optional example.

Column names are matched loosely (``Competency`` for skill, ``Criteria`` for behaviour…).
Rows that repeat a behaviour add its examples; a row with only an example adds it to the
behaviour above it (spreadsheets often put one example per row). A row that cannot be
placed is reported at its line and skipped; the rest is imported.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

from ..content.load import read_text
from .model import Criterion, Ladder

COLUMNS = {
    "area": ("area", "group", "track", "category", "pillar", "theme"),
    "skill": ("skill", "competency", "topic", "capability", "dimension"),
    "level": ("level", "grade", "step"),
    "behaviour": ("behaviour", "behavior", "behaviours", "behaviors", "criterion", "criteria",
                  "expectation", "description"),
    "example": ("example", "examples", "evidence"),
}
REQUIRED = ("skill", "level", "behaviour")
LEVEL = re.compile(r"^\s*(?:level|lvl|l)?\s*(\d{1,2})\s*$", re.IGNORECASE)


def _columns(header: list[str]) -> dict[str, int]:
    found: dict[str, int] = {}
    for index, name in enumerate(header):
        key = re.sub(r"[^a-z]", "", name.lower())
        for column, names in COLUMNS.items():
            if column not in found and key in names:
                found[column] = index
    return found


def read_spreadsheet(file: Path, rel: str, ladder: Ladder) -> None:
    """Add the rows of one CSV export to ``ladder``; report each row it cannot place."""
    text = read_text(file, rel)  # refuses a huge file, a device, text that is not UTF-8
    try:
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(text[:4096], ",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(io.StringIO(text), dialect)
    header = next(reader, None)
    columns = _columns(header or [])
    missing = [c for c in REQUIRED if c not in columns]
    if missing:
        ladder.problem(f"{rel}:1", f"no {', '.join(missing)} column (expected a header row "
                       f"naming area, skill, level, behaviour and optionally example, got "
                       f"{', '.join(header or []) or 'an empty file'})")
        return
    ladder.sources.append(rel)
    default_area = file.stem.replace("-", " ").replace("_", " ").strip().capitalize()
    last: tuple[str, str, int, Criterion] | None = None
    for row in reader:
        line = reader.line_num
        cell = {c: (row[i].strip() if i < len(row) else "") for c, i in columns.items()}
        if not any(cell.values()):
            continue
        area = cell.get("area") or default_area
        if not cell["skill"] and not cell["behaviour"] and cell.get("example") and last:
            last[3].examples.extend(_examples(cell["example"]))
            continue
        empty = [c for c in REQUIRED if not cell[c]]
        if empty:
            ladder.problem(f"{rel}:{line}", f"no {' or '.join(empty)} (expected a skill, a "
                           f"level and a behaviour on every row, got {_shown(row)})")
            continue
        level = LEVEL.match(cell["level"])
        if not level or not 1 <= int(level.group(1)) <= 9:
            ladder.problem(f"{rel}:{line}", f"level: not a level number (expected 1 to 9, "
                           f"such as '3' or 'Level 3', got {cell['level']!r})")
            continue
        value = int(level.group(1))
        topic = ladder.track(area).topic(cell["skill"], f"{rel}:{line}")
        same = [c for c in topic.levels.get(value, []) if c.text == cell["behaviour"]]
        criterion = same[0] if same else Criterion(cell["behaviour"])
        if not same:
            topic.add(value, criterion)
        criterion.examples.extend(_examples(cell.get("example", "")))
        ladder.top_level = max(ladder.top_level, value)
        last = (area, cell["skill"], value, criterion)


def _examples(cell: str) -> list[str]:
    """A cell's examples: one per line (a spreadsheet cell may hold several)."""
    return [" ".join(part.split()) for part in cell.splitlines() if part.strip()]


def _shown(row: list[str]) -> str:
    text = ", ".join(repr(c) for c in row if c.strip())
    return text[:80] + ("…" if len(text) > 80 else "") if text else "an empty row"
