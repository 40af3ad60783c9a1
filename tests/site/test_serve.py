"""`serve` regenerates when content changes, and the dev server shows the new page."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.read().decode("utf-8")
    except OSError:
        return None


def wait_for(predicate, timeout: float = 30.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.1)
    return False


def test_serve_regenerates_on_content_change_and_survives_a_mistake(minimal: Path) -> None:
    port = free_port()
    url = f"http://127.0.0.1:{port}/skills/testing/"
    server = subprocess.Popen([sys.executable, "-m", "generator", "serve", "--dev-addr",
                               f"127.0.0.1:{port}"], cwd=minimal, stdout=subprocess.PIPE,
                              stderr=subprocess.STDOUT, text=True)
    try:
        assert wait_for(lambda: "Writes tests." in (fetch(url) or "")), "server never came up"
        skill = minimal / "content/skills/testing.yml"
        original = skill.read_text()
        skill.write_text(original.replace("name: Testing", "name: Testing\nnmae: typo"))
        time.sleep(1.0)
        assert "Writes tests." in (fetch(url) or ""), "a content mistake must not take the site down"
        skill.write_text(original.replace("Writes tests.", "Writes careful tests."))
        assert wait_for(lambda: "Writes careful tests." in (fetch(url) or "")), \
            "the edited page was not regenerated"
    finally:
        server.terminate()
        output, _ = server.communicate(timeout=10)
    assert "unknown key 'nmae'" in output
    assert "Traceback" not in output
