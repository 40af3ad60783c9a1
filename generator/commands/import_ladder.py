"""``import SOURCE…``: turn a spreadsheet export or progression-framework Markdown into
``content/`` files, checked before anything is written.

Every row or criterion that could not be placed is listed at its ``file:line``. A file
import did not write (one that does not start with its mark) is never replaced without
``--overwrite``, nor is one it wrote that was edited since (its first line carries a
digest of the rest); the imported content is validated together with the project's other
content in a scratch copy first, so a result that would not validate writes nothing.
"""

from __future__ import annotations

import hashlib
import re
import shutil
import tempfile
from pathlib import Path

import click

from ..content.load import load_content
from ..content.validate import validate
from ..errors import ContentError, ContentInvalid, GeneratorError
from ..files import atomic_write
from ..ladder.emit import MARK, Emitter, ExamplesMode
from ..ladder.model import Ladder
from ..ladder.progression import read_progression
from ..ladder.spreadsheet import read_spreadsheet
from ..project import Project
from ..site.render import package_tree

SPREADSHEET = (".csv", ".tsv", ".txt")
MARKDOWN = (".md", ".markdown")


def read_sources(sources: list[Path], root: Path, generic: Path | None) -> Ladder:
    ladder = Ladder(name="")
    markdown = []
    for source in sources:
        rel = _shown(source, root)
        if source.suffix.lower() in SPREADSHEET:
            try:
                read_spreadsheet(source, rel, ladder)
            except ContentError as error:
                raise GeneratorError(str(error)) from None
        elif source.suffix.lower() in MARKDOWN:
            markdown.append((source, rel))
        else:
            raise GeneratorError(f"{rel}: not a format import reads (expected a spreadsheet "
                                 f"export ({', '.join(SPREADSHEET)}) or progression-framework "
                                 f"Markdown ({', '.join(MARKDOWN)}), got {source.suffix or 'no suffix'!r})")
    if generic is not None and generic not in sources:
        markdown.insert(0, (generic, _shown(generic, root)))
    if markdown:
        read_progression(markdown, _shown(generic, root) if generic else None, ladder)
    return ladder


def _shown(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def run(project: Project, sources: list[Path], name: str | None, generic: Path | None,
        examples: ExamplesMode, overwrite: bool) -> None:
    ladder = read_sources(sources, project.root, generic)
    ladder.name = name or ladder.name or sources[0].stem.replace("-", " ").replace("_", " ") \
        .strip().capitalize()
    for problem in ladder.problems:
        click.echo(f"{problem}", err=True)
    if not ladder.tracks:
        raise GeneratorError("Nothing to import: no skill had a behaviour at any level "
                             "(see the problems above); nothing was written.")
    emitter = Emitter(ladder, examples)
    files = {f"{project.content_dir}/{path.removeprefix('content/')}": text
             for path, text in emitter.files().items()}
    if not (project.root / project.config_file).exists():
        files[project.config_file] = MARK + ".\n" + package_tree("scaffold")["mkdocs.yml"] \
            .decode("utf-8").replace("Our Team Skills", ladder.name.replace("\n", " "), 1)
    files = {path: _stamped(text) for path, text in files.items()}
    _refuse_others(project.root, files, overwrite)
    _check(project, files)
    for path, text in files.items():
        atomic_write(project.root / path, text.encode("utf-8"))
    for note in emitter.notes:
        click.echo(f"{note}", err=True)
    _summary(ladder, emitter, len(files))


def _digest(body: str) -> str:
    return hashlib.sha256(body.encode("utf-8")).hexdigest()[:12]


def _stamped(text: str) -> str:
    """The file with its first line (the mark) ending in a digest of the rest, so a later
    import can tell a file it wrote and nobody edited from one that was edited since."""
    first, _, rest = text.partition("\n")
    return f"{first} [{_digest(rest)}]\n{rest}"


STAMP = re.compile(r" \[([0-9a-f]{12})\]$")


def _untouched_import(target: Path) -> bool:
    try:
        first, _, rest = target.read_text(encoding="utf-8").partition("\n")
    except (OSError, UnicodeDecodeError):
        return False
    found = STAMP.search(first)
    return first.startswith(MARK) and found is not None and found.group(1) == _digest(rest)


def _refuse_others(root: Path, files: dict[str, str], overwrite: bool) -> None:
    """Stop before writing if a target exists that import did not write, or that was edited
    since (no --overwrite)."""
    theirs = [path for path in files
              if (root / path).exists() and not overwrite and not _untouched_import(root / path)]
    if theirs:
        raise GeneratorError(
            f"{len(theirs)} file(s) exist that import did not write or that were edited "
            f"since: {', '.join(theirs)} (expected new files, or ones an earlier import wrote "
            "and nobody changed); nothing was written. Import into a new folder with --root, "
            "or pass --overwrite to replace them.")


def _not_plain(folder: str, names: list[str]) -> list[str]:
    """What the scratch copy leaves out: links and anything but folders and regular files (a
    FIFO would block the copy, a link to /dev/zero fill the disk, an editor's lock file is a
    dangling link); validate reports them in the project itself."""
    return [name for name in names if (Path(folder) / name).is_symlink()
            or not ((Path(folder) / name).is_dir() or (Path(folder) / name).is_file())]


def _check(project: Project, files: dict[str, str]) -> None:
    """Validate the project's content as it will be once written, in a scratch copy."""
    with tempfile.TemporaryDirectory(prefix="mlpm-import-") as scratch:
        copy = Path(scratch)
        content = project.root / project.content_dir
        if content.is_dir():
            shutil.copytree(content, copy / project.content_dir, ignore=_not_plain)
        for path, text in files.items():
            (copy / path).parent.mkdir(parents=True, exist_ok=True)
            (copy / path).write_text(text, encoding="utf-8")
        raw = load_content(copy, project.content_dir)
        try:
            validate(raw)
        except ContentInvalid as invalid:
            for error in invalid.errors:
                click.echo(str(error), err=True)
            raise GeneratorError(
                f"The imported content would not validate with the project's other content "
                f"({len(invalid.errors)} problems above); nothing was written.") from None


def _summary(ladder: Ladder, emitter: Emitter, written: int) -> None:
    topics = sum(len(t.topics) for t in ladder.tracks)
    criteria = sum(len(c) for t in ladder.tracks for s in t.topics for c in s.levels.values())
    examples = sum(len(c.examples) for t in ladder.tracks for s in t.topics
                   for cs in s.levels.values() for c in cs)
    kept = {"field": "as examples", "comments": "as YAML comments under their behaviour "
            "(this version's model has no examples field)", "drop": "left out (--examples drop)",
            "auto": ""}[emitter.examples]
    click.echo(f"Imported {len(ladder.tracks)} area(s), {topics} skill(s), {criteria} "
               f"behaviour(s) and {examples} example(s) {kept} into {written} file(s); "
               f"{len(ladder.problems)} row(s) or criteria could not be placed.")
    click.echo("Next: replace the sentences that start with 'Imported without' (why each "
               "skill matters, how to reach each level), then run validate and build.")
