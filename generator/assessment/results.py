"""Assessment result files (``docs/result-format.md``): read, validate, create and write.

A result file is an interface between the browser and the terminal, and between content
versions, so reading it is forgiving entry by entry: a stale, unknown or malformed rating or
answer is dropped with a notice and everything valid is kept. Only a file that is not a
result at all (not JSON, another format, a newer version) is refused, with ``ResultFileError``.
"""

from __future__ import annotations

import json
import re
import stat
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from ..errors import ResultFileError
from ..files import atomic_write
from ..strings import Strings, load_strings
from .entries import describe, read_list, valid_answers, valid_ratings
from .format import clean

MAX_RESULT_BYTES = 5_000_000  # a result with years of history is tens of kilobytes
FORMAT = "mlpm-assessment-result"
FORMAT_VERSION = 1
# "opinion": a second opinion, someone rating another person (self-ratings only).
MODES = ("quick", "full", "opinion")
KEYS = ("format", "format_version", "framework", "framework_version", "content_version",
        "created", "updated", "name", "rater", "mode", "role", "ratings", "answers", "read", "history")


def now() -> str:
    """The current time as an ISO 8601 UTC timestamp, to the second."""
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


@dataclass
class ResultFile:
    """One person's answers, validated against the current content.

    ``ratings`` maps skill id → ``{"level", "hash"}`` and ``answers`` maps check id →
    ``{"choice", "hash"}``; only entries that count with the current content are kept.
    ``notices`` says what was dropped and why, each naming the file.
    """

    source: str
    mode: str
    role: str | None
    name: str | None = None
    rater: str | None = None  # who gave a second opinion (mode "opinion")
    created: str | None = None
    updated: str | None = None
    framework: str | None = None
    framework_version: str | None = None
    content_version: str | None = None
    ratings: dict[str, dict[str, Any]] = field(default_factory=dict)
    answers: dict[str, dict[str, Any]] = field(default_factory=dict)
    read: list[str] = field(default_factory=list)
    history: list[dict[str, Any]] = field(default_factory=list)  # earlier takes, oldest first
    notices: list[str] = field(default_factory=list)

    def scoring_input(self) -> dict[str, Any]:
        """The ``answers`` argument of ``scoring.score``: the mode too, since a quick result
        does not count the skills it did not ask as gaps (rule 8)."""
        return {"mode": self.mode, "ratings": self.ratings, "answers": self.answers,
                "read": self.read}

    def to_json(self) -> dict[str, Any]:
        """The file's JSON object, keys in the order of ``docs/result-format.md``."""
        out: dict[str, Any] = {
            "format": FORMAT, "format_version": FORMAT_VERSION,
            "framework": self.framework, "framework_version": self.framework_version,
            "content_version": self.content_version,
            "created": self.created, "updated": self.updated,
            "name": self.name, "rater": self.rater, "mode": self.mode, "role": self.role,
            "ratings": dict(self.ratings), "answers": dict(self.answers),
        }
        if self.read:
            out["read"] = list(self.read)
        if self.history:
            out["history"] = list(self.history)
        if not self.name:
            del out["name"]
        if not self.rater:
            del out["rater"]
        return out


def new_result(data: Mapping[str, Any], source: str, mode: str, role: str,
               name: str | None = None) -> ResultFile:
    """An empty result for the current content, stamped now."""
    stamp = now()
    return ResultFile(source=source, mode=mode, role=role, name=name or None, created=stamp,
                      updated=stamp, framework=data["framework"]["name"],
                      framework_version=data["framework"]["version"],
                      content_version=data["content_version"])


def _strings(data: Mapping[str, Any], strings: Strings | None) -> Strings:
    return strings or load_strings(data["framework"].get("language", "en"))


def read_result(path: Path, data: Mapping[str, Any], strings: Strings | None = None) -> ResultFile:
    """Read and validate one result file (``ResultFileError`` if it is not one), with the
    project's ``strings`` (``Assessment.strings``) or else the generator's own."""
    t = _strings(data, strings).t
    source = clean(str(path))  # a file name can hold escape sequences too
    try:
        if not stat.S_ISREG(path.stat().st_mode):  # /dev/zero would never end
            raise ResultFileError(t("cli.results.not_a_file", file=source))
        with open(path, "rb") as handle:
            raw_bytes = handle.read(MAX_RESULT_BYTES + 1)
    except FileNotFoundError:
        raise ResultFileError(t("cli.results.missing", file=source)) from None
    except OSError as exc:
        raise ResultFileError(t("cli.results.unreadable", file=source,
                                reason=exc.strerror or exc)) from None
    if len(raw_bytes) > MAX_RESULT_BYTES:
        raise ResultFileError(t("cli.results.too_large", file=source,
                                limit=MAX_RESULT_BYTES // 1_000_000))
    try:
        text = raw_bytes.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ResultFileError(t("cli.results.not_utf8", file=source)) from None
    try:
        raw = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ResultFileError(t("cli.results.not_json", file=source, line=exc.lineno,
                                column=exc.colno, reason=exc.msg)) from None
    except (ValueError, RecursionError) as exc:  # a 5,000-digit number, arrays 100,000 deep
        reason = "nested too deeply" if isinstance(exc, RecursionError) else "a number too long"
        raise ResultFileError(t("cli.results.not_json", file=source, line=1, column=1,
                                reason=reason)) from None
    # Strings come back printable: escape sequences and lone surrogates go (format.clean).
    return parse_result(clean(raw), source, data, strings)


CONTROL_RUN = re.compile(r"[\x00-\x1f\x7f-\x9f]+")
"""What report.js's ``reportModel`` turns into one space in a name."""


def parse_result(raw: Any, source: str, data: Mapping[str, Any], strings: Strings | None = None
                 ) -> ResultFile:
    """Validate a decoded result object against the current content (see the module doc)."""
    t = _strings(data, strings).t
    if not isinstance(raw, dict):
        raise ResultFileError(t("cli.results.not_object", file=source, got=describe(raw)))
    if raw.get("format") != FORMAT:
        raise ResultFileError(t("cli.results.wrong_format", file=source, expected=FORMAT,
                                got=describe(raw.get("format"))))
    version = raw.get("format_version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise ResultFileError(t("cli.results.bad_version", file=source, got=describe(version),
                                supported=FORMAT_VERSION))
    if version > FORMAT_VERSION:
        raise ResultFileError(t("cli.results.newer_version", file=source, got=version,
                                supported=FORMAT_VERSION))

    notices: list[str] = []

    def notice(message: str, **values: Any) -> None:
        notices.append(t(f"cli.results.{message}", file=source, **values))

    unknown_keys = sorted(k for k in raw if k not in KEYS)
    if unknown_keys:
        notice("unknown_keys", keys=", ".join(unknown_keys))

    def text_field(key: str) -> str | None:
        value = raw.get(key)
        if value is None or isinstance(value, str):
            # One line, as report.js shows a name: line breaks and other control characters
            # become a space (they would print lines of their own in the terminal).
            return CONTROL_RUN.sub(" ", value or "").strip() or None
        notice("bad_field", field=key, expected=t("cli.results.expected_text"),
               got=describe(value))
        return None

    mode = raw.get("mode")
    if mode not in MODES:
        notice("bad_field", field="mode", expected=" or ".join(f'"{m}"' for m in MODES),
               got=describe(mode))
        mode = "full"
    role = text_field("role")
    role_ids = [r["id"] for r in data["roles"]]
    if role is not None and role not in role_ids:
        notice("unknown_role", role=role, roles=", ".join(role_ids))
        role = None

    result = ResultFile(
        source=source, mode=mode, role=role, name=text_field("name"), rater=text_field("rater"),
        created=text_field("created"), updated=text_field("updated"),
        framework=text_field("framework"), framework_version=text_field("framework_version"),
        content_version=text_field("content_version"), notices=notices)
    result.ratings = valid_ratings(raw.get("ratings"), data, notice)
    result.answers = valid_answers(raw.get("answers"), data, notice)
    if mode == "opinion" and result.answers:
        # Scenario answers measure whoever answered them, not the person a second opinion rates.
        notice("opinion_answers", n=len(result.answers))
        result.answers = {}
    result.read = read_list(raw.get("read"), data)
    from .history import earlier_takes  # it validates entries with this module's checks

    result.history = earlier_takes(raw.get("history"), data)
    return result


def write_result(path: Path, result: ResultFile) -> None:
    """Write the result atomically: a reader (or a Ctrl-C) never sees half a file."""
    text = json.dumps(result.to_json(), ensure_ascii=False, indent=2) + "\n"
    atomic_write(path, text.encode("utf-8", errors="replace"))
