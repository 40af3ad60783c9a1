"""docs/fork.md is tested against the code: every command on the page runs, in order,
in a copy of the repository (except the ones marked "not run by the test")."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import time
import urllib.request
from pathlib import Path

from tests.conftest import REPO, copy_checkout

DOC = REPO / "docs" / "fork.md"


def commands() -> list[str]:
    # The layer section's commands run in tests/test_layers.py, over the shipped content.
    page = re.sub(r"<!-- layer -->.*?<!-- /layer -->", "", DOC.read_text(encoding="utf-8"),
                  flags=re.DOTALL)
    blocks = re.findall(r"```sh\n(.*?)```", page, re.DOTALL)
    lines = [line.strip() for block in blocks for line in block.splitlines() if line.strip()]
    return [line for line in lines if "not run by the test" not in line and
            not line.startswith("cd ")]


def run_serve_briefly(cwd: Path, env: dict[str, str]) -> None:
    proc = subprocess.Popen(["make", "serve"], cwd=cwd, env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen("http://127.0.0.1:8000/", timeout=1) as response:
                    assert b"Our Team Skills" in response.read()
                    return
            except OSError:
                time.sleep(0.3)
        raise AssertionError("make serve never served the site on 127.0.0.1:8000")
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=20)


def test_every_command_on_the_fork_page_works(tmp_path: Path) -> None:
    # The page's first step replaces content/ and mkdocs.yml, so the copy leaves them out.
    project = copy_checkout(tmp_path / "fork")
    # What a clone has and the copy leaves out: our translations, which the page's commands
    # must remove with our content (left behind, --strict stops on them).
    (project / "content/i18n/ru").mkdir(parents=True)
    (project / "content/i18n/ru/framework.yml").write_text("name: {text: x, from: x}\n",
                                                           encoding="utf-8")
    env = {k: v for k, v in os.environ.items()
           if not k.startswith("VIRTUAL_ENV") and k != "PYTHONPATH"}
    env["NO_MKDOCS_2_WARNING"] = "1"
    for command in commands():
        command = command.split("  #", 1)[0].strip()
        if command.startswith("make serve"):
            run_serve_briefly(project, env)
            continue
        proc = subprocess.run(command, shell=True, cwd=project, env=env, capture_output=True,
                              text=True, check=False, timeout=900)
        assert proc.returncode == 0, f"`{command}` failed:\n{proc.stdout}\n{proc.stderr}"
    assert (project / "site/skills/code-review/index.html").exists()
    assert not (project / "content/skills/mlops.yml").exists()
    assert not (project / "content/i18n").exists()
