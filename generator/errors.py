"""The one exceptions module: every mistake a user can make is one of these.

The CLI catches ``GeneratorError`` once, prints its message and exits 1, so a
content mistake never shows a traceback.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import click

# What a terminal obeys (ESC and C1 start sequences that retitle the window or clear the
# screen; a carriage return overwrites the line): everything below a space but tab and
# newline, DEL and C1. Content may hold none of them (content.safety.CONTROL, which allows
# a carriage return before a newline).
TERMINAL_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def printable(text: str) -> str:
    """``text`` with each control character shown as ``\\xNN``: a file's name, or text
    quoted from a file, must not act on the terminal when a message names it."""
    return TERMINAL_CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


@dataclass(frozen=True, order=True)
class ContentError(Exception):
    """One problem in one content file, reported as ``path:line: message``.

    ``line`` is 1-based; 0 means the problem concerns the file as a whole.
    """

    path: str
    line: int
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return printable(f"{where}: {self.message}")


class GeneratorError(click.ClickException):
    """A user-facing failure: printed without a traceback, exit code 1."""

    exit_code = 1

    def show(self, file=None) -> None:
        click.echo(printable(self.format_message()), err=True, file=file)


class ContentInvalid(GeneratorError):
    """The content has one or more mistakes; all of them are listed."""

    def __init__(self, errors: list[ContentError]) -> None:
        self.errors = sorted(set(errors))
        noun = "problem" if len(self.errors) == 1 else "problems"
        lines = [str(error) for error in self.errors]
        lines.append(f"Found {len(self.errors)} {noun} in the content; nothing was written.")
        super().__init__("\n".join(lines))


class BuildFailed(GeneratorError):
    """The site builder (MkDocs or Zensical) failed; the previous site is left as it was."""


class ResultFileError(GeneratorError):
    """An assessment result file could not be read or does not match the format."""
