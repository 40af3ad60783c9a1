"""Shared fixtures: throwaway copies of small projects, and running the CLI as a user would."""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"

# Every `python -m generator` a test starts runs this checkout's generator, whatever the
# subprocess's working folder (an editable install elsewhere, or none, would be found
# otherwise): the fork run (tests/test_fork_suite.py) tests a copy of the repository.
os.environ["PYTHONPATH"] = os.pathsep.join(
    [str(REPO), *filter(None, [os.environ.get("PYTHONPATH")])])


@dataclass
class Run:
    code: int
    out: str
    err: str


def run_cli(*args: str, cwd: Path) -> Run:
    """Run ``python -m generator`` in a subprocess, exactly as a user would."""
    proc = subprocess.run([sys.executable, "-m", "generator", *args], cwd=cwd,
                          capture_output=True, text=True, check=False)
    return Run(proc.returncode, proc.stdout, proc.stderr)


def copy_project(src: Path, dest: Path) -> Path:
    """Copy a project's mkdocs.yml and content/ (nothing generated) into ``dest``."""
    dest.mkdir(parents=True, exist_ok=True)
    shutil.copy(src / "mkdocs.yml", dest / "mkdocs.yml")
    shutil.copytree(src / "content", dest / "content")
    return dest


def built_copy(fixture: str, dest: Path, engine: str = "mkdocs") -> Path:
    """A copy of ``tests/fixtures/<fixture>`` built by ``python -m generator build`` with
    ``engine`` (the build must succeed); returns the copy's root."""
    project = copy_project(FIXTURES / fixture, dest)
    result = run_cli("build", "--root", str(project), "--engine", engine, cwd=REPO)
    assert result.code == 0, result.err
    return project


UPSTREAM_NAME = "ML/AI Product Manager Skills"
"""The shipped framework's name: the README and docs/ show its output, so the tests that
compare them with what the content gives run only while the content is this framework."""


def upstream_only() -> pytest.MarkDecorator:
    """Skip a test of the README's or docs' examples when the repository holds a fork's content
    (read lazily: only marked tests may read the content)."""
    return pytest.mark.skipif("not __import__('tests.conftest').conftest.content_is_upstream()",
                              reason="the docs show the upstream framework's output; this "
                              "repository's content is another framework")


@functools.cache
def repository_content():  # type: ignore[no-untyped-def]
    """The repository's content, validated (for tests marked `content`)."""
    from generator.project import Project, load_and_validate
    return load_and_validate(Project(REPO))


def content_is_upstream() -> bool:
    """Our framework as we ship it: its name, and no fork layer over it (a layer keeps the
    name and changes the counts the docs show)."""
    layer = REPO / "fork"
    layered = layer.is_dir() and any(layer.iterdir())
    return bool(repository_content().framework.name == UPSTREAM_NAME) and not layered


def a_shown_skill() -> str:
    """The id of the first skill the repository's site shows (in an area not switched off)."""
    content = repository_content()
    shown = {a.id for a in content.framework.areas if a.show}
    return str(next(s.id for s in content.skills if s.area in shown))


def copy_checkout(dest: Path) -> Path:
    """Copy the repository's files as they are in the working tree (committed or not, minus
    what git ignores) into ``dest``, without the content the generator reads (content/*.yml,
    skills, guides) and mkdocs.yml: a fork's starting point before it puts its own framework
    there (and a copy no unmarked test reads content from)."""
    listed = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
                            cwd=REPO, capture_output=True, text=True, check=True).stdout
    for rel in sorted(set(filter(None, listed.split("\0")))):
        if is_content_path(str(REPO / rel)):
            continue
        source = REPO / rel
        if source.is_file():
            (dest / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, dest / rel)
    return dest


@pytest.fixture
def minimal(tmp_path: Path) -> Path:
    """A fresh copy of the smallest valid project."""
    return copy_project(FIXTURES / "minimal", tmp_path / "project")


@pytest.fixture
def shipped(tmp_path: Path) -> Path:
    """A fresh copy of the shipped content and mkdocs.yml."""
    return copy_project(REPO, tmp_path / "shipped")


def run_module(script: str, stdin: str = "") -> str:
    """Run an inline ES module in Node from the repository root (so it can import the
    browser's modules as the browser does); its stdout."""
    node = subprocess.run(["node", "--input-type=module", "-e", script], cwd=REPO, input=stdin,
                          capture_output=True, text=True, check=True)
    return node.stdout


# --- which tests read the repository's content -------------------------------------------
# A test that reads content/ or mkdocs.yml is marked `content`; tests/test_fork_suite.py runs
# exactly those on an unrelated framework in a copy of the repository. The guard below fails
# any unmarked test that reads them (in this process, or through a `python -m generator` or
# `make` it starts here), so the unmarked tests are known to pass whatever the content is.

# What the generator reads: content/*.yml, content/skills/, content/guides/, content/i18n/,
# content/strings/, a fork's layer (fork/) and mkdocs.yml
# (content/LICENSE.md, the content's licence, is not read by it).
CONTENT_PATHS = (str(REPO / "content" / "skills"), str(REPO / "content" / "guides"),
                 str(REPO / "content" / "i18n"), str(REPO / "content" / "strings"),
                 str(REPO / "fork"), str(REPO / "mkdocs.yml"))


def is_content_path(full: str) -> bool:
    return any(full == p or full.startswith(p + os.sep) for p in CONTENT_PATHS) or (
        os.path.dirname(full) == str(REPO / "content") and full.endswith((".yml", ".yaml")))
_running: list[pytest.Item] = []
_reads: list[str] = []


def reads_repository_content(event: str, args: tuple, cwd: str) -> str | None:
    """The content path an audit event reads, if it reads the repository's content."""
    if event in {"open", "os.listdir", "os.scandir"}:
        path = args[0] if args else None
        if not isinstance(path, (str, bytes, os.PathLike)):
            return None  # a file descriptor, or "." for listdir()
        full = os.path.normpath(os.path.join(cwd, os.fsdecode(path)))
        return full if is_content_path(full) else None
    if event == "subprocess.Popen":
        argv = [os.fsdecode(a) for a in (args[1] if isinstance(args[1], (list, tuple))
                                          else [args[1]])]
        where = os.path.normpath(os.path.join(cwd, os.fsdecode(args[2] or cwd)))
        if "--root" in argv[:-1]:
            where = os.path.normpath(os.path.join(where, argv[argv.index("--root") + 1]))
        command = next((argv[i + 2] for i in range(len(argv) - 2)
                        if argv[i:i + 2] == ["-m", "generator"]), None)
        runs_on_content = command not in {None, "init", "schema", "--help"} or \
            os.path.basename(argv[0]) == "make"
        if runs_on_content and where == str(REPO):
            return f"{' '.join(argv[:4])} in {where}"
    return None


def _audit(event: str, args: tuple) -> None:
    if _running and event in {"open", "os.listdir", "os.scandir", "subprocess.Popen"}:
        found = reads_repository_content(event, args, os.getcwd())
        if found:
            _reads.append(found)


sys.addaudithook(_audit)


def _guarded(item: pytest.Item):  # type: ignore[no-untyped-def]
    marked = item.get_closest_marker("content") is not None
    if not marked:
        _running.append(item)
    try:
        return (yield)
    finally:
        if not marked:
            _running.pop()
            reads, _reads[:] = list(_reads), []
            if reads:
                pytest.fail(f"{item.nodeid} reads the repository's content ({reads[0]}) but is "
                            "not marked `content`: mark it, so the fork run covers it "
                            "(tests/test_fork_suite.py)", pytrace=False)


pytest_runtest_setup = pytest.hookimpl(wrapper=True)(_guarded)
pytest_runtest_call = pytest.hookimpl(wrapper=True)(_guarded)
