"""Browser tests of the self-assessment: real headless Chromium against built sites.

One Chromium for the package; each fixture site is built once (``python -m generator build``)
and served by ``python -m http.server`` on a free loopback port. Each test gets a fresh
browser context (so its own localStorage), and fails if the page raised an error or
asked for anything outside 127.0.0.1.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import pytest

from . import reference

REPO = Path(__file__).resolve().parents[2]
FIXTURES = REPO / "tests" / "fixtures"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
SHOTS = Path("/tmp/shots")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def build(project: Path, port: int) -> None:
    """Generate and build ``project`` for a server at ``port``; show the output if it fails."""
    proc = subprocess.run(
        [sys.executable, "-m", "generator", "build", "--root", str(project),
         "--site-url", f"http://127.0.0.1:{port}/"],
        cwd=REPO, capture_output=True, text=True, check=False,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    if proc.returncode != 0:
        pytest.fail(f"building {project} failed:\n{proc.stdout}\n{proc.stderr}")


def copy_fixture(name: str, dest: Path) -> Path:
    dest.mkdir(parents=True, exist_ok=True)
    shutil.copy(FIXTURES / name / "mkdocs.yml", dest / "mkdocs.yml")
    shutil.copytree(FIXTURES / name / "content", dest / "content")
    return dest


@dataclass
class Site:
    """A built fixture site served on a loopback port."""

    project: Path
    port: int
    proc: subprocess.Popen[bytes] | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/"

    @property
    def assessment(self) -> str:
        return f"{self.url}assessment/"

    @property
    def data(self) -> dict[str, Any]:
        path = self.project / "site" / "assets" / "assessment" / "data.json"
        return json.loads(path.read_text(encoding="utf-8"))

    @property
    def content(self) -> reference.Content:
        return reference.load(self.project / "content")

    def build(self) -> None:
        build(self.project, self.port)

    def serve(self) -> None:
        # --directory takes the path, not an open folder, so a rebuilt site/ is served at once.
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "http.server", str(self.port), "--bind", "127.0.0.1",
             "--directory", str(self.project / "site")],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 15
        while True:
            try:
                with urllib.request.urlopen(self.url, timeout=1):
                    return
            except OSError:
                if time.monotonic() > deadline or self.proc.poll() is not None:
                    raise RuntimeError(f"the test server on port {self.port} did not start")
                time.sleep(0.1)

    def stop(self) -> None:
        if self.proc is not None:
            self.proc.terminate()
            self.proc.wait(timeout=10)
            self.proc = None


def start_site(name: str, tmp: Path) -> Site:
    site = Site(copy_fixture(name, tmp / name), free_port())
    site.build()
    site.serve()
    return site


# Package scope: one Chromium for all of tests/browser, closed before other suites start
# their own (two sync Playwright instances cannot run in one thread).
@pytest.fixture(scope="package")
def browser() -> Iterator[Any]:
    if not Path(CHROMIUM).exists():
        # A skipped browser test proves nothing: `make test` installs Chromium first.
        pytest.fail(f"Chromium is not installed at {CHROMIUM} (run `make test`, or "
                    "apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="package")
def assess_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    """The richer fixture (2 areas, 4 skills, 2 roles), built once; tests must not change it."""
    site = start_site("assess", tmp_path_factory.mktemp("sites"))
    yield site
    site.stop()


@pytest.fixture(scope="package")
def minimal_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    site = start_site("minimal", tmp_path_factory.mktemp("sites"))
    yield site
    site.stop()


class Watch:
    """What a page did that a test must not let pass: errors and off-machine requests."""

    def __init__(self) -> None:
        self.requests: list[str] = []
        self.errors: list[str] = []

    def external(self) -> list[str]:
        out = []
        for url in self.requests:
            parsed = urlparse(url)
            if parsed.scheme in {"data", "blob", "about"}:
                continue
            if parsed.hostname != "127.0.0.1":
                out.append(url)
        return out


@pytest.fixture
def watch() -> Watch:
    return Watch()


@pytest.fixture
def new_context(browser: Any, watch: Watch) -> Iterator[Any]:
    """Make browser contexts (each with its own storage) that the watch covers."""
    made: list[Any] = []

    def make(**options: Any) -> Any:
        ctx = browser.new_context(**{"viewport": {"width": 1200, "height": 900},
                                     "accept_downloads": True, **options})
        ctx.on("request", lambda request: watch.requests.append(request.url))
        ctx.on("page", lambda page: _watch_page(page, watch))
        made.append(ctx)
        return ctx

    yield make
    for ctx in made:
        ctx.close()
    assert watch.external() == [], f"requests left 127.0.0.1: {watch.external()}"
    assert watch.errors == [], f"the page reported errors: {watch.errors}"


@pytest.fixture
def context(new_context: Any) -> Any:
    return new_context()


def _watch_page(page: Any, watch: Watch) -> None:
    page.on("pageerror", lambda error: watch.errors.append(f"pageerror: {error}"))
    page.on("console", lambda msg: watch.errors.append(f"console: {msg.text}")
            if msg.type == "error" else None)


@pytest.fixture
def page(context: Any) -> Any:
    page = context.new_page()
    page.set_default_timeout(10_000)
    return page


@pytest.fixture
def private_site(tmp_path: Path) -> Iterator[Site]:
    """An assess fixture site of the test's own, which the test may change and rebuild."""
    site = start_site("assess", tmp_path)
    yield site
    site.stop()
