"""The shape of ``mkdocs.yml`` (and a layer's ``fork/mkdocs.yml``), checked before anything
reads it: the generator extends the lists of plugins, extensions, style sheets and scripts
and reads the palette, and MkDocs (strict) stops on a setting it does not know without
saying where. Each mistake is reported at its line, in the file it came from."""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources as package_files
from typing import Any

from ..content.messages import describe, did_you_mean, dotted, place
from ..errors import ContentError
from .palette import colour_names

ICON = re.compile(r"^[a-z0-9-]+(/[a-z0-9_-]+)+$")


@lru_cache(maxsize=1)
def _settings() -> tuple[str, ...]:
    from mkdocs.config.defaults import MkDocsConfig

    return tuple(sorted(name for name, _ in MkDocsConfig._schema))


def _icon_exists(name: str) -> bool:
    """Whether the theme has the icon (``material/weather-night``): a missing one stops
    the build with a template traceback."""
    folder = package_files.files("material") / "templates" / ".icons"
    return (folder / f"{name}.svg").is_file()


class _Shapes:
    def __init__(self, source: Any) -> None:
        self.source = source
        self.errors: list[ContentError] = []

    def error(self, loc: tuple[Any, ...], expected: str, got: Any) -> None:
        name = dotted(loc)
        self.errors.append(ContentError(*place(self.source, loc),
                                        f"{name}: expected {expected}, got {describe(got)}"))

    def listed(self, loc: tuple[Any, ...], value: Any, what: str) -> None:
        """A list of names, each alone or as a one-key mapping of its options."""
        if not isinstance(value, list):
            self.error(loc, f"a list of {what} (names, or 'name: {{options}}')", value)
            return
        for index, item in enumerate(value):
            if isinstance(item, str):
                continue
            if not (isinstance(item, dict) and len(item) == 1 and isinstance(next(iter(item)), str)
                    and isinstance(next(iter(item.values())), (dict, type(None)))):
                self.error((*loc, index), "a name, or one name with a mapping of its options",
                           item)

    def assets(self, loc: tuple[Any, ...], value: Any, mapping_ok: bool) -> None:
        if not isinstance(value, list):
            self.error(loc, "a list of paths", value)
            return
        for index, item in enumerate(value):
            ok = isinstance(item, str) or (mapping_ok and isinstance(item, dict)
                                           and isinstance(item.get("path"), str))
            if not ok:
                self.error((*loc, index), "a path" + (" (or a mapping with a path)"
                                                      if mapping_ok else ""), item)

    def theme(self, theme: Any) -> None:
        if isinstance(theme, str) or theme is None:
            return
        if not isinstance(theme, dict):
            self.error(("theme",), "a theme name or a mapping of theme settings", theme)
            return
        palette = theme.get("palette")
        entries = palette if isinstance(palette, list) else [palette] if palette is not None \
            else []
        if palette is not None and not isinstance(palette, (list, dict)):
            self.error(("theme", "palette"), "a colour setting or a list of them", palette)
            entries = []
        for index, entry in enumerate(entries):
            loc = ("theme", "palette", index) if isinstance(palette, list) else \
                ("theme", "palette")
            if not isinstance(entry, dict):
                self.error(loc, "a mapping such as {scheme: default, primary: indigo}", entry)
                continue
            for kind in ("primary", "accent"):
                name = entry.get(kind)
                # Material reads "deep purple" as deep-purple; an unknown name is silently the
                # default indigo, so a typo would change the site's colours unnoticed.
                known = colour_names(kind)
                if name is not None and str(name).replace(" ", "-").lower() not in known:
                    self.errors.append(ContentError(
                        *place(self.source, (*loc, kind)), f"{dotted((*loc, kind))}: expected a "
                        f"colour Material has (one of {', '.join(sorted(known))}), got "
                        f"{describe(name)}{did_you_mean(str(name).lower(), known)}"))
            toggle = entry.get("toggle")
            if toggle is not None and not (isinstance(toggle, dict)
                                           and isinstance(toggle.get("icon"), str)
                                           and isinstance(toggle.get("name"), str)):
                self.error((*loc, "toggle"), "a mapping with an icon and a name", toggle)
            elif toggle is not None:
                self.icon((*loc, "toggle", "icon"), toggle["icon"])
        features = theme.get("features")
        if features is not None and not (isinstance(features, list)
                                         and all(isinstance(f, str) for f in features)):
            self.error(("theme", "features"), "a list of feature names", features)
        for key in ("logo", "favicon"):
            image = theme.get(key)
            # Only the theme's own images are published: nothing from the project is copied
            # into the site, so any other path would be a broken image on every page.
            if image is not None and not (isinstance(image, str) and _theme_file(image)):
                self.error(("theme", key), "a file Material ships, such as "
                           "assets/images/favicon.png (the project's own images are not "
                           "published; for a logo, use an icon: theme.icon.logo: "
                           "material/school)", image)
        icons = theme.get("icon")
        if icons is not None and not isinstance(icons, dict):
            self.error(("theme", "icon"), "a mapping such as {logo: material/school}", icons)
        elif isinstance(icons, dict) and "logo" in icons and not theme.get("logo"):
            self.icon(("theme", "icon", "logo"), icons["logo"])

    def icon(self, loc: tuple[Any, ...], name: Any) -> None:
        if not (isinstance(name, str) and ICON.match(name) and _icon_exists(name)):
            self.error(loc, "an icon the theme has, such as material/school (see "
                       "https://squidfunk.github.io/mkdocs-material/reference/icons-emojis/)",
                       name)


def check_shapes(source: Any) -> list[ContentError]:
    """Every shape mistake in the (merged, located) settings of ``source``."""
    data, shapes = source.data, _Shapes(source)
    known = _settings()
    for key in data:
        if key == "INHERIT":
            # MkDocs' own way to layer one file over another; the layer here is fork/.
            shapes.errors.append(ContentError(
                *place(source, (key,)), "INHERIT is not read here (expected the settings "
                "themselves: a fork's own go in fork/mkdocs.yml, which is merged over "
                "mkdocs.yml; see docs/fork.md)"))
        elif key == "hooks":
            # Python files from the project that MkDocs would import and run at every build.
            shapes.errors.append(ContentError(
                *place(source, (key,)), "hooks are not run here (expected content and "
                "settings only: a site is built from them without running the project's own "
                "Python; see docs/security.md)"))
        elif key not in known:
            shapes.errors.append(ContentError(
                *place(source, (key,)), f"unknown setting {key!r} (expected one of MkDocs' "
                f"settings){did_you_mean(str(key), known)}"))
    shapes.theme(data.get("theme"))
    for key, what in (("plugins", "plugins"), ("markdown_extensions", "Markdown extensions")):
        if data.get(key) is not None:
            shapes.listed((key,), data[key], what)
    for key, mapping_ok in (("extra_css", False), ("extra_javascript", True)):
        if data.get(key) is not None:
            shapes.assets((key,), data[key], mapping_ok)
    if data.get("extra") is not None and not isinstance(data["extra"], dict):
        shapes.error(("extra",), "a mapping of extra settings", data["extra"])
    return shapes.errors


def _theme_file(path: str) -> bool:
    """Whether Material's theme has ``path`` (``assets/images/favicon.png``)."""
    if ".." in path.split("/") or path.startswith("/"):
        return False
    return (package_files.files("material") / "templates" / path).is_file()
