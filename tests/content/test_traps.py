"""Content that is a trap rather than a mistake: every one gets a clear path:line message,
no traceback, in bounded time, and nothing outside the project is read or quoted."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from tests.conftest import run_cli

SKILLS = "content/skills"
GUIDES = "content/guides"


def validate(project: Path) -> tuple[int, list[str]]:
    result = run_cli("validate", cwd=project)
    assert "Traceback" not in result.err, result.err
    return result.code, result.err.splitlines()


BOMB = "".join(f"{chr(98 + i)}: &{chr(98 + i)} [" + ",".join([f"*{chr(97 + i)}"] * 9) + "]\n"
               for i in range(8))


def test_an_alias_bomb_is_refused_quickly(minimal: Path) -> None:
    (minimal / SKILLS / "bomb.yml").write_text('a: &a ["lol","lol","lol","lol","lol"]\n' + BOMB,
                                               encoding="utf-8")
    start = time.monotonic()
    code, lines = validate(minimal)
    assert time.monotonic() - start < 20  # was ~30 minutes
    assert code == 1
    assert any(line.startswith(f"{SKILLS}/bomb.yml:") and "too many values once its aliases"
               in line for line in lines), lines


def test_deep_nesting_is_refused(minimal: Path) -> None:
    (minimal / SKILLS / "deep.yml").write_text("id: " + "[" * 600 + "\n", encoding="utf-8")
    code, lines = validate(minimal)
    assert code == 1
    assert any(line.startswith(f"{SKILLS}/deep.yml:") for line in lines), lines


@pytest.mark.parametrize(("make", "message"), [
    (lambda p: p.symlink_to("/dev/zero"), "a link to a file outside the project"),
    (lambda p: p.symlink_to("/etc/passwd"), "a link to a file outside the project"),
    (lambda p: p.mkdir(), "a folder where a file was expected"),
    (lambda p: os.mkfifo(p), "not a regular file"),
    (lambda p: p.symlink_to(p.with_name("missing.yml")), "a link that leads nowhere or in a loop"),
    (lambda p: p.symlink_to(p), "a link that leads nowhere or in a loop"),
])
def test_files_that_are_not_content_files(minimal: Path, make, message: str) -> None:
    make(minimal / SKILLS / "trap.yml")
    code, lines = validate(minimal)
    assert code == 1
    assert f"{SKILLS}/trap.yml: {message}" in "\n".join(lines), lines
    assert "root:" not in "\n".join(lines)  # nothing of /etc/passwd is quoted
    assert "Found 1 problem" in lines[-1]  # and nothing else cascades from it


def test_a_huge_file_is_refused_unread(minimal: Path) -> None:
    with open(minimal / SKILLS / "huge.yml", "wb") as handle:
        handle.truncate(50_000_000)
    code, lines = validate(minimal)
    assert code == 1
    assert any("too large to be content" in line for line in lines)


def test_editor_files_and_drafts_are_not_content(minimal: Path) -> None:
    os.symlink("user@host.1234:1700000000", minimal / GUIDES / ".#start.md")  # an Emacs lock
    (minimal / GUIDES / ".draft.md").write_text("not even front matter", encoding="utf-8")
    (minimal / GUIDES / "#start.md#").write_text("autosave", encoding="utf-8")
    (minimal / SKILLS / "testing.yml~").write_text("backup: [", encoding="utf-8")
    assert validate(minimal)[0] == 0


@pytest.mark.parametrize("name", ["index.md", "a#b.md", "why?.md", "two%20words.md",
                                  'g" autofocus onfocus="x.md', "Upper.md"])
def test_a_guide_name_must_be_an_address(minimal: Path, name: str) -> None:
    guide = (minimal / GUIDES / "start.md").read_text(encoding="utf-8")
    (minimal / GUIDES / name).write_text(guide, encoding="utf-8")
    code, lines = validate(minimal)
    assert code == 1
    assert any(line.startswith(f"{GUIDES}/{name}: a guide's file name becomes its address")
               for line in lines), lines


def test_a_byte_order_mark_is_accepted_in_guides_and_yaml(minimal: Path) -> None:
    for rel in (f"{GUIDES}/start.md", "content/roles.yml"):
        path = minimal / rel
        path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    assert validate(minimal)[0] == 0


def test_a_merge_key_can_be_overridden(minimal: Path) -> None:
    (minimal / "content/glossary.yml").write_text(
        "terms:\n"
        "  - &flaky {id: flaky, term: Flaky test, definition: Passes and fails by chance.}\n"
        "  - {<<: *flaky, id: flake, term: Flake, definition: Written out so it wins.}\n",
        encoding="utf-8")
    code, lines = validate(minimal)
    assert code == 0 and not [line for line in lines if "warning" not in line], lines
