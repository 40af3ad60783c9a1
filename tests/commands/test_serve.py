"""``serve``: an edit reaches the served pages, re-rendering only what depends on it, and a
renamed skill updates the navigation of every page (the dev server rebuilds "dirty": only
pages whose source changed, unless something every page shows has changed). Not timed: the
seconds are in ``make bench``."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from generator.commands.serve import rebuild_kind
from generator.content.load import keep_parses
from generator.errors import ContentInvalid
from generator.project import Project, load_and_validate
from generator.site.engines.mkdocs import WarmServer
from generator.site.generate import generate
from tests.bench import fetch, free_port

# Pages that show the skill's name; guides/ shows it only in its navigation footer, so its
# source does not change when the name does: the case a dirty rebuild would leave stale.
PAGES = ["guides/", "skills/testing/", "guides/start/", "reading-list/", "areas/craft/"]


def wait_for(check, what: str, timeout: float = 60) -> None:
    end = time.monotonic() + timeout
    while not check():
        assert time.monotonic() < end, f"timed out waiting for {what}"
        time.sleep(0.1)


def test_an_edit_writes_only_its_dependents(minimal: Path) -> None:
    project = Project(minimal)
    generate(project)
    skill = minimal / "content" / "skills" / "testing.yml"
    skill.write_text(skill.read_text(encoding="utf-8").replace(
        "how_to_reach: Read a testing book.", "how_to_reach: Read two testing books."),
        encoding="utf-8")
    report = generate(project)
    # The level text shows on the skill's page and in the assessment's data, nowhere else.
    assert sorted(report.written) == ["docs/assets/assessment/data.json",
                                      "docs/skills/testing.md"]


def test_served_pages_follow_edits_and_renames(minimal: Path) -> None:
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1",
           "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    server = subprocess.Popen([sys.executable, "-m", "generator", "serve", "--dev-addr",
                               f"127.0.0.1:{port}"], cwd=minimal, env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    skill = minimal / "content" / "skills" / "testing.yml"
    try:
        wait_for(lambda: "Testing" in fetch(base + "skills/testing/"), "the first build")
        skill.write_text(skill.read_text(encoding="utf-8").replace(
            "summary: Writes tests.", "summary: Writes tests, first edit."), encoding="utf-8")
        wait_for(lambda: "first edit" in fetch(base + "skills/testing/"), "the edited page")

        assert "Testing" in fetch(base + "guides/")
        # A new name is in the navigation of every page, not only on the edited one.
        skill.write_text(skill.read_text(encoding="utf-8").replace(
            "name: Testing", "name: Automated checking"), encoding="utf-8")
        for page in PAGES:
            wait_for(lambda page=page: "Automated checking" in fetch(base + page),
                     f"the new name in the navigation of /{page}")
    finally:
        server.terminate()
        server.wait(timeout=10)


def html_pages(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*.html"))}


def warm_server(project: Project) -> WarmServer:
    """The in-process dev server's builder, without its HTTP server or file watcher."""
    return WarmServer(project.generated / "mkdocs.yml", "127.0.0.1:8000", lambda stop: (),
                      lambda: rebuild_kind(project))


def test_warm_rebuilds_only_dependents_and_match_a_clean_build(minimal: Path) -> None:
    """What `serve` does on each edit, without timing: an edit to a skill re-renders only the
    pages built from what changed, and a rename leaves every page exactly as a clean build
    makes it (no stale navigation anywhere)."""
    project = Project(minimal, site_url="http://127.0.0.1:8000/")
    generate(project)
    server, clean = warm_server(project), warm_server(project)
    try:
        server.build(True)
        site = Path(server.site_dir)
        before = {p: p.stat().st_mtime_ns for p in site.rglob("*.html")}
        skill = minimal / "content" / "skills" / "testing.yml"
        skill.write_text(skill.read_text(encoding="utf-8").replace(
            "how_to_reach: Read a testing book.", "how_to_reach: Read two testing books."),
            encoding="utf-8")
        server.rebuild()
        rebuilt = sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html")
                         if p.stat().st_mtime_ns != before.get(p))
        # 404.html is a theme template MkDocs writes on every build.
        assert rebuilt == ["404.html", "skills/testing/index.html"]
        assert "Read two testing books." in (site / "skills/testing/index.html").read_text()

        old_pages = html_pages(site)
        skill.write_text(skill.read_text(encoding="utf-8").replace(
            "name: Testing", "name: Automated checking"), encoding="utf-8")
        server.rebuild()
        clean.build(True)
        pages = html_pages(site)
        assert pages == html_pages(Path(clean.site_dir))
        for page in PAGES:  # these showed the old name (some only in their navigation)
            path = f"{page}index.html"
            assert b"Automated checking" in pages[path] and pages[path] != old_pages[path]
    finally:
        shutil.rmtree(server.site_dir, ignore_errors=True)
        shutil.rmtree(clean.site_dir, ignore_errors=True)


def test_kept_parses_give_the_content_a_fresh_load_gives(minimal: Path) -> None:
    """`serve` parses and checks only the files that changed since the last regeneration."""
    project = Project(minimal)
    skill = minimal / "content" / "skills" / "testing.yml"
    keep_parses()
    try:
        first = load_and_validate(project)
        skill.write_text(skill.read_text(encoding="utf-8").replace(
            "summary: Writes tests.", "summary: Writes careful tests."), encoding="utf-8")
        second = load_and_validate(project)
        skill.write_text(skill.read_text(encoding="utf-8").replace(
            "name: Testing", "name: Testing\nnmae: typo"), encoding="utf-8")
        with pytest.raises(ContentInvalid, match="unknown key 'nmae'"):
            load_and_validate(project)
        with pytest.raises(ContentInvalid, match="unknown key 'nmae'"):  # reported again
            load_and_validate(project)
    finally:
        keep_parses(False)
    assert second != first
    skill.write_text(skill.read_text(encoding="utf-8").replace("\nnmae: typo", ""),
                     encoding="utf-8")
    assert load_and_validate(project) == second


def test_a_translation_is_served_at_its_folder_and_follows_its_edits(tmp_path: Path) -> None:
    from tests.conftest import FIXTURES, copy_project

    root = copy_project(FIXTURES / "trilingual", tmp_path / "site")
    port = free_port()
    base = f"http://127.0.0.1:{port}/ru/"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1",
           "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    server = subprocess.Popen([sys.executable, "-m", "generator", "serve", "--dev-addr",
                               f"127.0.0.1:{port}", "--lang", "ru"], cwd=root, env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    translation = root / "content" / "i18n" / "ru" / "skills" / "testing.yml"
    try:
        wait_for(lambda: "Тестирование" in fetch(base + "skills/testing/"), "the first build")
        assert not (root / "generated" / "zh").exists()  # only the served language
        translation.write_text(translation.read_text(encoding="utf-8").replace(
            "Пишет тесты.", "Пишет хорошие тесты."), encoding="utf-8")
        wait_for(lambda: "Пишет хорошие тесты." in fetch(base + "skills/testing/"),
                 "the edited translation")
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_a_port_is_free_again_right_after_the_last_serve_stopped() -> None:
    """Stopping `serve` and starting it again at once works: the old connections' TIME_WAIT
    (a minute on Linux) does not make the port look taken; a listener still does."""
    import socket

    from generator.commands.serve import check_port
    from generator.errors import GeneratorError

    port = free_port()
    server = socket.socket()
    server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    server.bind(("127.0.0.1", port))
    server.listen()
    with pytest.raises(GeneratorError, match=f"cannot serve on 127.0.0.1:{port}"):
        check_port(f"127.0.0.1:{port}")
    client = socket.create_connection(("127.0.0.1", port))
    accepted, _ = server.accept()
    accepted.close()  # the server side closes first, as an HTTP server does: its end waits
    client.close()
    server.close()
    check_port(f"127.0.0.1:{port}")  # no error


def test_serve_stops_promptly_when_signalled_repeatedly(minimal: Path) -> None:
    """`make serve` stopped with SIGTERM forwards a second SIGTERM to the server; however the
    signals interleave with its shutdown, the process ends (it once hung, serving, forever)."""
    import signal

    port = free_port()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1",
           "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    for gap in (0.0, 0.002, 0.02):
        server = subprocess.Popen([sys.executable, "-m", "generator", "serve", "--dev-addr",
                                   f"127.0.0.1:{port}"], cwd=minimal, env=env,
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            wait_for(lambda: "Testing" in fetch(f"http://127.0.0.1:{port}/skills/testing/"),
                     "the first build")
            for _ in range(4):
                server.send_signal(signal.SIGTERM)
                time.sleep(gap)
            assert server.wait(timeout=20) == 128 + signal.SIGTERM
        finally:
            if server.poll() is None:
                server.kill()
                server.wait()
