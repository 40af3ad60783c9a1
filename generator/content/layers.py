"""A fork's layer: its own files in ``fork/``, merged over the upstream ``content/``.

A team can keep upstream's content as it is and say only what differs, in files upstream
never edits, so pulling upstream's changes touches none of them (docs/fork.md, "Layer"):

- ``fork/skills/<id>.yml`` and ``fork/guides/<slug>.md``: a new id or slug adds a skill or
  guide; an upstream skill's id updates that skill; an upstream guide's slug replaces it;
- ``fork/framework.yml``, ``roles.yml``, ``resources.yml``, ``glossary.yml``, ``sources.yml``:
  items with a new id are added, items with an upstream id are updated;
- ``fork/remove.yml``: ids of skills, checks, roles, resources, terms, guides and sources
  to leave out (with every reference to a removed skill or source);
- ``fork/mkdocs.yml``: settings merged over ``mkdocs.yml`` (site name, palette, logo);
- ``fork/strings/<code>.yml``: interface strings merged key by key over
  ``content/strings/<code>.yml`` (``interface``).

"Updated" means: each key given replaces upstream's value, except that a mapping (a skill's
``levels``, a role's ``expectations``) is updated key by key and a list of items with ids
(a skill's ``checks``, the framework's ``areas``) item by item. Merged values remember the
file they came from, so a mistake is reported at its line in the layer file.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import ContentError
from .located_yaml import LocatedDict, LocatedList
from .messages import describe, did_you_mean

LAYER_DIR = "fork"
"""The layer's folder at the project's root, found by its name."""

LIST_KEYS = {"roles": "roles", "resources": "resources", "glossary": "terms",
             "sources": "sources"}
REMOVABLE = ("skills", "checks", "roles", "resources", "terms", "guides", "sources")


@dataclass
class Layer:
    """What a layer does beyond merging: ids to remove, and where each page's text came from."""

    removals: dict[str, set[str]] = field(default_factory=dict)
    # Upstream edit path (with "#<id>" for an item of a list file) → the layer file.
    origins: dict[str, str] = field(default_factory=dict)
    # A whole skill of the layer's with an upstream skill's id (a fork's own skill that
    # upstream later added too): merged, but said, since its checks now join upstream's.
    collisions: list[ContentError] = field(default_factory=list)


def merge(base: Any, over: Any, path: str) -> Any:
    """``over`` (read from the layer file ``path``) merged onto ``base``, as a new tree."""
    if isinstance(base, LocatedDict) and isinstance(over, LocatedDict):
        out = LocatedDict(base)
        out.line, out.key_lines = base.line, dict(base.key_lines)
        out.key_origins = dict(getattr(base, "key_origins", {}))  # type: ignore[attr-defined]
        for key, value in over.items():
            both = key in base and _mergeable(base[key], value)
            out[key] = merge(base[key], value, path) if both else value
            if not both:
                out.key_lines[key] = over.key_lines[key]
                out.key_origins[key] = path  # type: ignore[attr-defined]
        return out
    if _mergeable(base, over) and isinstance(base, LocatedList):
        out_list = LocatedList(base)
        out_list.line, out_list.item_lines = base.line, list(base.item_lines)
        origins = list(getattr(base, "item_origins", None) or [None] * len(base))
        index = {_id(item): i for i, item in enumerate(base) if _id(item) is not None}
        for j, item in enumerate(over):
            if _id(item) in index:  # an item with no id is added (and reported as such)
                out_list[index[_id(item)]] = merge(base[index[_id(item)]], item, path)
            else:
                out_list.append(item)
                out_list.item_lines.append(over.item_lines[j])
                origins.append(path)
        out_list.item_origins = origins  # type: ignore[attr-defined]
        return out_list
    return over


def _collision(layer: Layer, upstream: Any, loaded: Any) -> None:
    """Note a layer skill that is a whole skill of its own (name, levels and checks, none of
    them upstream's checks) where upstream has a skill with the same id."""
    mine, theirs = loaded.data, upstream.data
    if not (isinstance(mine, dict) and isinstance(theirs, dict)
            and {"name", "levels", "checks"} <= set(mine)):
        return
    own, upstream_checks = _ids_in(mine.get("checks")), _ids_in(theirs.get("checks"))
    if not own or own & upstream_checks:
        return  # it updates upstream's checks: an update, not a skill of its own
    layer.collisions.append(ContentError(
        loaded.path, 1, f"warning: a whole skill (name, levels and checks) with the id of "
        f"upstream's {upstream.path}: merged into it, so its {len(own)} checks join upstream's "
        f"{len(upstream_checks)} (expected a new id if it is a skill of your own; to replace "
        f"upstream's, leave it out in fork/remove.yml and keep yours under another id)"))


def _ids_in(items: Any) -> set[str]:
    return {i for i in map(_id, items) if i is not None} if isinstance(items, list) else set()


def _id(item: Any) -> str | None:
    return item["id"] if isinstance(item, dict) and isinstance(item.get("id"), str) else None


def _mergeable(base: Any, over: Any) -> bool:
    """Two mappings, or two lists of items with ids (checks, areas, roles…); other lists
    (behaviours, options, aliases) are replaced whole."""
    if isinstance(base, LocatedDict) and isinstance(over, LocatedDict):
        return True
    return (isinstance(base, LocatedList) and isinstance(over, LocatedList) and
            any(_id(item) is not None for item in [*base, *over]))


def apply_layer(raw: Any, root: Path, read_yaml: Callable[[Path, Path], Any],
                read_guide: Callable[[Path, Path], Any],
                listed: Callable[[Path, tuple[str, ...]], list[Path]],
                content_dir: str = "content") -> None:
    """Merge ``root/fork/`` into ``raw`` (a ``load.RawContent``), recording ``raw.layer``."""
    base = root / LAYER_DIR
    if not base.is_dir():
        return
    layer = raw.layer = Layer()

    def attempt(reader: Callable[[Path, Path], Any], file: Path) -> Any:
        try:
            return reader(file, root)
        except ContentError as error:
            raw.errors.append(error)
            return None

    for name in ("framework", *LIST_KEYS):
        file = base / f"{name}.yml"
        upstream = getattr(raw, name)
        if not file.exists() or name in raw.unreadable:
            continue
        loaded = attempt(read_yaml, file)
        ours = _ids_in(upstream.data.get(LIST_KEYS[name])) \
            if upstream is not None and name in LIST_KEYS and isinstance(upstream.data, dict) \
            else set()
        if loaded is None:
            raw.unreadable.add(name)
        elif upstream is None:
            setattr(raw, name, loaded)  # an optional file upstream does not have
        else:
            upstream.data = merge(upstream.data, loaded.data, loaded.path)
        if loaded is not None:
            key = LIST_KEYS.get(name)
            items = loaded.data.get(key) if key and isinstance(loaded.data, dict) else None
            seen: dict[str, int] = {}
            for index, item in enumerate(items if isinstance(items, list) else []):
                if isinstance(item, dict) and isinstance(item.get("id"), str):
                    layer.origins[f"{content_dir}/{name}.yml#{item['id']}"] = loaded.path
                    line = items.item_lines[index] if isinstance(items, LocatedList) else 1
                    # Two updates of one upstream item: the second would silently win (two
                    # new items with one id are the validator's "duplicate id").
                    if item["id"] in seen and item["id"] in ours:
                        raw.errors.append(ContentError(
                            loaded.path, line, f"{key}: a second entry for '{item['id']}' "
                            f"(expected each id once in a layer file; the first is at line "
                            f"{seen[item['id']]})"))
                    seen.setdefault(item["id"], line)
    skills = {Path(s.path).stem: s for s in raw.skills}
    for file in listed(base / "skills", (".yml", ".yaml")):
        loaded = attempt(read_yaml, file)
        upstream = skills.get(file.stem)
        if loaded is None:
            raw.unreadable_skills.append(file.stem)
        elif upstream is None and isinstance(loaded.data, dict) \
                and not {"name", "levels"} <= set(loaded.data):
            # Written to update upstream's skill, which upstream has since removed or renamed:
            # say so, not "missing required key 'id'" for each key an update leaves out.
            raw.unreadable_skills.append(file.stem)
            raw.errors.append(ContentError(
                loaded.path, 1, f"updates the skill '{file.stem}', which {content_dir}/skills/ "
                f"does not have (expected a whole skill to add one, with id, name, levels…; or "
                f"this file deleted if upstream removed or renamed the skill"
                f"{did_you_mean(file.stem, skills)})"))
        elif upstream is None:
            raw.skills.append(loaded)
            layer.origins[f"{content_dir}/skills/{file.stem}.yml"] = loaded.path
        else:
            _collision(layer, upstream, loaded)
            upstream.data = merge(upstream.data, loaded.data, loaded.path)
            layer.origins[upstream.path] = loaded.path
    guides = {Path(g.path).name: i for i, g in enumerate(raw.guides)}
    for file in listed(base / "guides", (".md",)):
        loaded = attempt(read_guide, file)
        if loaded is not None and file.name in guides:
            layer.origins[raw.guides[guides[file.name]].path] = loaded.path
            raw.guides[guides[file.name]] = loaded
        elif loaded is not None:
            raw.guides.append(loaded)
            layer.origins[f"{content_dir}/guides/{file.name}"] = loaded.path
    strings = {Path(s.path).stem: s for s in raw.strings}
    for file in listed(base / "strings", (".yml", ".yaml")):
        loaded = attempt(read_yaml, file)
        upstream = strings.get(file.stem)
        if loaded is None:
            continue
        if upstream is None or not (isinstance(upstream.data, LocatedDict)
                                    and isinstance(loaded.data, LocatedDict)):
            raw.strings.append(loaded)
        else:
            upstream.data = merge(upstream.data, loaded.data, loaded.path)
    removals = base / "remove.yml"
    if removals.exists():
        loaded = attempt(read_yaml, removals)
        if loaded is not None:
            layer.removals = _removals(raw, loaded)


def _removals(raw: Any, source: Any) -> dict[str, set[str]]:
    """The ids ``fork/remove.yml`` names, each checked against what the content defines."""
    data, out = source.data, {}
    if data is None:
        return {}
    if not isinstance(data, LocatedDict):
        raw.errors.append(ContentError(source.path, 1, "expected a mapping such as 'skills: "
                                       f"[an-id]', got {describe(data)}"))
        return {}
    known = _known_ids(raw)
    for kind, ids in data.items():
        line = data.key_lines[kind]
        if kind not in REMOVABLE:
            raw.errors.append(ContentError(source.path, line, f"unknown key {kind!r} (expected "
                                           f"one of: {', '.join(REMOVABLE)})"
                                           f"{did_you_mean(kind, REMOVABLE)}"))
            continue
        if not isinstance(ids, LocatedList) or not all(isinstance(i, str) for i in ids):
            raw.errors.append(ContentError(source.path, line, f"{kind}: expected a list of ids, "
                                           f"got {describe(ids)}"))
            continue
        defined = known.get(kind)  # None: its file could not be read, so it is not judged
        for ident, item_line in zip(ids, ids.item_lines, strict=True):
            if defined is not None and ident not in defined:
                raw.errors.append(ContentError(
                    source.path, item_line, f"{kind}: nothing to remove (expected the id of "
                    f"one of the content's {kind}, got {ident!r})"
                    f"{did_you_mean(ident, sorted(defined))}"))
        out[kind] = set(ids)
    return out


def _known_ids(raw: Any) -> dict[str, set[str] | None]:
    def ids(items: Any) -> set[str]:
        return {i["id"] for i in items if isinstance(i, dict) and isinstance(i.get("id"), str)} \
            if isinstance(items, list) else set()

    def listed(name: str) -> set[str] | None:
        source = getattr(raw, name)
        if name in raw.unreadable:
            return None  # cannot be judged
        data = source.data if source else None
        return ids(data.get(LIST_KEYS[name]) if isinstance(data, dict) else None)

    skills = [s.data for s in raw.skills if isinstance(s.data, dict)]
    return {"skills": ids(skills) | set(raw.unreadable_skills),
            "checks": {c for s in skills for c in ids(s.get("checks"))},
            "roles": listed("roles"), "resources": listed("resources"),
            "terms": listed("glossary"), "sources": listed("sources"),
            "guides": {Path(g.path).stem for g in raw.guides}}


def without_removed(content: Any, layer: Layer | None) -> Any:
    """``content`` (a validated ``model.Content``) without what the layer removes, and with
    the layer files its pages' text came from (for "edit this page")."""
    from .references import without

    if layer is None:
        return content
    gone = layer.removals
    drop = gone.get("checks", set())
    skills = [s if not drop & {c.id for c in s.checks} else
              s.model_copy(update={"checks": [c for c in s.checks if c.id not in drop]})
              for s in content.skills if s.id not in gone.get("skills", set())]

    def kept(items: list[Any], kind: str, key: str = "id") -> list[Any]:
        return [i for i in items if getattr(i, key) not in gone.get(kind, set())]

    content = content.model_copy(update={
        "skills": skills, "roles": kept(content.roles, "roles"),
        "resources": kept(content.resources, "resources"),
        "glossary": kept(content.glossary, "terms"), "sources": kept(content.sources, "sources"),
        "guides": kept(content.guides, "guides", "slug"), "origins": dict(layer.origins)})
    return without(content, {"skill": gone.get("skills", set()),
                             "source": gone.get("sources", set())})
