"""Progression-framework Markdown: the format of the widely forked open-source engineering
progression frameworks (Monzo's and its descendants). Each file's YAML front matter holds
``title``, ``levels`` (how many) and ``topics``: each topic a ``name``, a ``title`` and, per
level, ``criteria`` (sentences) and ``exampleCriteria`` (a criterion with its examples).

A file whose ``path`` is ``/generic`` (or the one given as ``--generic``) is the generic
framework the others inherit from: a track's topic with a generic topic's name takes that
topic's title and description, and its criteria at each level follow the track's own.
A topic named ``summary`` describes the levels themselves; it becomes their summaries.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..content.load import read_text
from ..content.located_yaml import LocatedDict, LocatedList, parse_yaml
from ..errors import ContentError
from .model import Criterion, Ladder, Topic, Track


def _front_matter(text: str, rel: str) -> tuple[str, int]:
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].rstrip() != "---":
        raise ContentError(rel, 1, "a progression-framework file starts with YAML front matter "
                           "(expected '---' on the first line)")
    for index in range(1, len(lines)):
        if lines[index].rstrip() in {"---", "..."}:
            return "".join(lines[1:index]), 2
    raise ContentError(rel, 1, "the front matter is never closed (expected a second '---')")


def _line(data: Any, key: Any, fallback: int) -> int:
    if isinstance(data, LocatedDict):
        return data.key_lines.get(key, fallback)
    if isinstance(data, LocatedList) and isinstance(key, int) and key < len(data):
        return data.item_lines[key]
    return fallback


def _text(value: Any) -> str:
    return " ".join(str(value).split()) if isinstance(value, (str, int, float)) else ""


def read_framework(file: Path, rel: str) -> tuple[Any, list[str]]:
    """The front matter of one file (located), or None with the reason."""
    try:
        text, first = _front_matter(read_text(file, rel), rel)
        data = parse_yaml(text, rel, first_line=first)
    except ContentError as error:
        return None, [str(error)]
    if not isinstance(data, dict) or not isinstance(data.get("topics"), list):
        return None, [(f"{rel}:{getattr(data, 'line', 1) or 1}: no topics (expected front matter "
                      "with 'topics', each with a name and content per level)")]
    return data, []


def add_framework(data: Any, rel: str, ladder: Ladder, generic: Any | None) -> None:
    """Add one framework file's topics to ``ladder`` as a track, inheriting from ``generic``."""
    ladder.sources.append(rel)
    levels = data.get("levels")
    top = levels if isinstance(levels, int) and 1 <= levels <= 9 else 0
    if not top:
        ladder.problem(f"{rel}:{_line(data, 'levels', 1)}", f"levels: not a number of levels "
                       f"(expected 1 to 9, got {levels!r}); levels are counted from the criteria")
    title = _text(data.get("sidebarTitle") or data.get("title")) or Path(rel).stem
    track = ladder.track(title)
    inherited = _generic_topics(generic) if generic is not None and generic is not data else {}
    for index, topic in enumerate(data["topics"]):
        where = f"{rel}:{_line(data['topics'], index, 1)}"
        if not isinstance(topic, dict) or not _text(topic.get("name")):
            ladder.problem(where, "a topic without a name (expected 'name: <id>' with "
                           "'title' and 'content')")
            continue
        name = _text(topic["name"])
        base = inherited.get(name.casefold())
        if name.casefold() == "summary":
            _level_summaries(topic, rel, ladder, top)
            continue
        shown = _text((base or {}).get("title") or topic.get("title")) or \
            name.replace("_", " ").replace("-", " ").capitalize()
        target = track.topic(shown, where)
        target.summary = target.summary or _text((base or {}).get("description")
                                                 or topic.get("description"))
        _criteria(topic, rel, ladder, target, top)
        if base is not None:
            _criteria(base, ladder_rel(base), ladder, target, top)
    _drop_empty(track, ladder)


def ladder_rel(topic: Any) -> str:
    return str(getattr(topic, "source", "generic"))


def _generic_topics(generic: Any) -> dict[str, Any]:
    out = {}
    for topic in generic.get("topics") or []:
        if isinstance(topic, dict) and _text(topic.get("name")):
            topic.source = generic.source  # type: ignore[attr-defined]
            out[_text(topic["name"]).casefold()] = topic
    return out


def _criteria(topic: Any, rel: str, ladder: Ladder, target: Topic, top: int) -> None:
    content = topic.get("content")
    if not isinstance(content, list):
        ladder.problem(f"{rel}:{_line(topic, 'content', getattr(topic, 'line', 1))}",
                       f"topic '{_text(topic.get('name'))}': no content (expected a list of "
                       "levels with criteria)")
        return
    for index, entry in enumerate(content):
        where = f"{rel}:{_line(content, index, 1)}"
        level = entry.get("level") if isinstance(entry, dict) else None
        if not isinstance(level, int) or isinstance(level, bool) or not 1 <= level <= 9 or \
                (top and level > top):
            ladder.problem(where, f"level: not a level of this framework (expected 1 to "
                           f"{top or 9}, got {level!r}); its criteria were not imported")
            continue
        ladder.top_level = max(ladder.top_level, level)
        for key in ("criteria", "exampleCriteria"):
            items = entry.get(key) or []
            for i, item in enumerate(items if isinstance(items, list) else [items]):
                spot = f"{rel}:{_line(items, i, _line(entry, key, 1))}"
                if key == "criteria" and _text(item):
                    target.add(level, Criterion(_text(item)))
                elif key == "exampleCriteria" and isinstance(item, dict) and \
                        _text(item.get("criteria")):
                    examples = item.get("examples") or []
                    examples = examples if isinstance(examples, list) else [examples]
                    target.add(level, Criterion(_text(item["criteria"]),
                                                [_text(e) for e in examples if _text(e)]))
                else:
                    ladder.problem(spot, f"{key}[{i}]: not a criterion (expected "
                                   + ("a sentence" if key == "criteria" else
                                      "'criteria: <sentence>' with 'examples'")
                                   + f", got {str(item)[:60]!r}); it was not imported")


def _level_summaries(topic: Any, rel: str, ladder: Ladder, top: int) -> None:
    for entry in topic.get("content") or []:
        if isinstance(entry, dict) and isinstance(entry.get("level"), int):
            texts = [_text(c) for c in entry.get("criteria") or [] if _text(c)]
            if texts:
                ladder.level_summaries.setdefault(entry["level"], " ".join(texts))


def _drop_empty(track: Track, ladder: Ladder) -> None:
    for topic in list(track.topics):
        if not topic.levels:
            ladder.problem(topic.where, f"topic '{topic.name}': no criteria at any level "
                           "(expected criteria for at least one level); it was not imported")
            track.topics.remove(topic)
    if not track.topics:
        ladder.tracks.remove(track)


def read_progression(files: list[tuple[Path, str]], generic_rel: str | None,
                     ladder: Ladder) -> None:
    """Read every file; the generic one (``path: /generic`` or ``generic_rel``) is inherited
    by the others, and is a track itself only when it is the only file."""
    loaded: list[Any] = []
    for file, rel in files:
        data, problems = read_framework(file, rel)
        ladder.problems.extend(problems)
        if data is not None:
            data.source = rel
            loaded.append(data)
    generic: Any = next((d for d in loaded if d.source == generic_rel
                    or _text(d.get("path")) == "/generic"), None)
    for framework in loaded:
        if framework is not generic or len(loaded) == 1:
            add_framework(framework, framework.source, ladder, generic)
        else:  # the generic file's own level summaries apply to every track
            for topic in framework.get("topics") or []:
                if isinstance(topic, dict) and _text(topic.get("name")).casefold() == "summary":
                    _level_summaries(topic, framework.source, ladder, 0)
    if generic is not None and not ladder.name:
        ladder.name = _text(generic.get("title"))
