"""Text laid out for the terminal it is printed in: wrapped at word boundaries to the
window's width, and Markdown (the report the browser downloads) shown without tables that
run off the right edge.

Content arrives with the line breaks of its YAML source; those are joined here, because a
terminal narrower than the source's lines would otherwise break each line a second time.
"""

from __future__ import annotations

import os
import re
import shutil
import sys
import textwrap

MIN_WIDTH, MAX_WIDTH = 40, 100
"""Narrower than 40 columns nothing reads well anyway; wider than 100, lines get too long
to follow, so the text stops growing with the window."""

_BULLET = re.compile(r"^(\s*)([-*•]|\d+\.)\s+")
_LINK = re.compile(r"\[([^\]]+)\]\(([^)\s]+)\)")
_STRONG = re.compile(r"\*\*(.+?)\*\*")


UNWRAPPED = 10**6
"""The "width" of output that goes to a file or another program: lines are not broken, so
a file holds the text as written and tools can search it."""


def width() -> int:
    """The terminal's width, kept within the readable range; ``COLUMNS`` wins. Output that is
    not a terminal is not wrapped (``UNWRAPPED``) unless ``COLUMNS`` asks for it."""
    if not sys.stdout.isatty() and "COLUMNS" not in os.environ:
        return UNWRAPPED
    columns = shutil.get_terminal_size((80, 24)).columns
    return max(MIN_WIDTH, min(MAX_WIDTH, columns))


def fill(text: str, cols: int | None = None, indent: str = "", hang: str | None = None) -> str:
    """One paragraph wrapped at word boundaries: never inside a word or at a hyphen, so
    terms such as "LLM-as-judge" and URLs stay whole (a word longer than the line gets a
    line of its own)."""
    cols = cols or width()
    # Only ASCII spaces and line breaks separate words: a no-break space binds.
    text = re.sub(r"[ \t\r\n]+", " ", text).strip()
    return textwrap.fill(text, width=cols, initial_indent=indent,
                         subsequent_indent=indent if hang is None else hang,
                         break_long_words=False, break_on_hyphens=False)


def paragraphs(text: str, cols: int | None = None, indent: str = "") -> str:
    """Plain text with blank-line paragraphs and "•"/"-" list items, each wrapped; single
    line breaks inside a paragraph are the source's and are joined."""
    out: list[str] = []
    for block in re.split(r"\n\s*\n", text.strip()):
        items = _items(block.splitlines())
        out.append("\n".join(_wrap_item(item, cols, indent) for item in items))
    return "\n\n".join(out)


def lines(text: str, cols: int | None = None) -> str:
    """Text whose every line is its own paragraph or list item (the output of ``compare``),
    each wrapped with a hanging indent under its bullet, and its tables fitted as
    ``markdown`` fits them. Output that is not a terminal is returned as it is."""
    cols = cols or width()
    if cols >= UNWRAPPED:
        return text
    out: list[str] = []
    for table, rows in _runs(text.splitlines()):
        if table:
            out.extend(_table(rows, cols))
        else:
            out.extend(_wrap_item(row, cols, "") if row.strip() else "" for row in rows)
    return "\n".join(out) + "\n"


def markdown(md: str, cols: int | None = None) -> str:
    """A Markdown report for reading in the terminal: headings underlined, paragraphs and
    lists wrapped, links as "text (url)", and each table either aligned (when it fits) or
    shown as one block per row, "header: value" pairs under the row's first cell."""
    cols = cols or width()
    out: list[str] = []
    for table, rows in _runs(md.splitlines()):
        if table:
            out.extend(_table(rows, cols))
            continue
        for block in re.split(r"\n\s*\n", "\n".join(rows)):
            out.extend(_markdown_block(block, cols))
            out.append("")
    return "\n".join(out).strip() + "\n"


def _runs(rows: list[str]) -> list[tuple[bool, list[str]]]:
    """Consecutive lines grouped into table runs (lines starting with "|") and the rest."""
    runs: list[tuple[bool, list[str]]] = []
    for row in rows:
        table = row.startswith("|")
        if runs and runs[-1][0] == table:
            runs[-1][1].append(row)
        else:
            runs.append((table, [row]))
    return runs


def _markdown_block(block: str, cols: int) -> list[str]:
    """One blank-line-separated block: a heading (underlined), or a paragraph or list."""
    heading = re.match(r"^(#+)\s+(.*)$", block.strip())
    if heading:
        title = _inline(heading[2])
        rule = "=" if len(heading[1]) == 1 else "-"
        return [title, rule * min(len(title), cols, MAX_WIDTH)]
    if not block.strip():
        return []
    return [_wrap_item(_inline(item), cols, "") for item in _items(block.splitlines())]


def _items(lines: list[str]) -> list[str]:
    """Lines grouped into list items (a line starting with a bullet opens one) or a single
    paragraph."""
    items: list[str] = []
    for line in lines:
        if _BULLET.match(line) or not items:
            items.append(line)
        else:
            items[-1] += " " + line.strip()
    return items


def _wrap_item(item: str, cols: int | None, indent: str) -> str:
    bullet = _BULLET.match(item)
    if not bullet:
        return fill(item, cols, indent)
    lead = indent + bullet[1] + bullet[2] + " "
    return fill(item[bullet.end():], cols, lead, " " * len(lead))


def _inline(text: str) -> str:
    return _STRONG.sub(r"\1", _LINK.sub(r"\1 (\2)", text))


def _cells(row: str) -> list[str]:
    return [_inline(c.strip()) for c in row.strip().strip("|").split("|")]


def _table(block: list[str], cols: int) -> list[str]:
    rows = [_cells(r) for r in block if not re.fullmatch(r"\|[\s:|-]+\|?", r.strip())]
    if not rows:
        return []
    header, body = rows[0], rows[1:]
    widths = [max(len(r[c]) if c < len(r) else 0 for r in rows) for c in range(len(header))]
    if sum(widths) + 2 * (len(widths) - 1) <= cols:
        return ["  ".join(cell.ljust(w) for cell, w in zip(r, widths)).rstrip() for r in rows]
    out: list[str] = []
    for row in body:
        out.append(row[0])
        pairs = [f"{h}: {v}" for h, v in zip(header[1:], row[1:]) if v and v not in {"—", "-"}]
        # A no-break space keeps each "·" at the end of a line, never starting the next.
        out.append(fill("\u00a0· ".join(pairs), cols, "    "))
    return out
