"""Interrupting a build at any point leaves either the old or the new site/, never a mix."""

from __future__ import annotations

import hashlib
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from generator.project import Project
from generator.site.build import recover_interrupted_swap
from tests.conftest import run_cli


def snapshot(site: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(site.rglob("*")):
        if path.is_file():
            digest.update(path.relative_to(site).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def test_killed_builds_leave_a_whole_site(minimal: Path) -> None:
    assert run_cli("build", cwd=minimal).code == 0
    old = snapshot(minimal / "site")
    skill = minimal / "content/skills/testing.yml"
    skill.write_text(skill.read_text().replace("Writes tests.", "Writes better tests."))
    rng = random.Random(4)
    seen = set()
    for _ in range(6):
        proc = subprocess.Popen([sys.executable, "-m", "generator", "build"], cwd=minimal,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.1, 1.6))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        recover_interrupted_swap(Project(minimal))  # what the next build does first
        state = snapshot(minimal / "site")
        seen.add(state)
        assert state == old or "Writes better tests." in \
            (minimal / "site/skills/testing/index.html").read_text()
    assert run_cli("build", cwd=minimal).code == 0
    new = snapshot(minimal / "site")
    assert seen <= {old, new}, "a killed build left a site that is neither the old nor the new"
