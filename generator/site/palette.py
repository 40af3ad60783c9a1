"""WCAG AA contrast of the configured palette, checked at build against Material's own colours.

A fork that brands its site with, say, a deep-orange primary colour gets white header text on
orange and orange links on white, both under 3:1: the site builds and fails colour-contrast
everywhere. The colour values are read from the installed Material's stylesheets (the
variables each ``[data-md-color-primary=…]``, ``[data-md-color-accent=…]`` and
``[data-md-color-scheme=…]`` rule sets), so they are the ones the built site uses; a
``custom`` colour is read from the fork's own ``extra_css`` files. Failures are warnings
(errors under ``--strict``), at the palette's line in ``mkdocs.yml``.
"""

from __future__ import annotations

import colorsys
import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources as package_files
from pathlib import Path
from typing import Any

from ..errors import ContentError

RGBA = tuple[float, float, float, float]

_RULE = re.compile(r"([^{}]+)\{([^{}]*)\}")
_CONDITION = re.compile(r":root|:not\(\[data-md-color-(\w+)=([\w-]+)\]\)|\[data-md-color-(\w+)=([\w-]+)\]")
_VAR = re.compile(r"var\((--[\w-]+)\)")


@dataclass(frozen=True)
class Pair:
    """A text (or non-text) colour checked against the colour it stands on."""

    text: str
    background: str
    affects: str
    minimum: float = 4.5  # WCAG AA for normal text; 3.0 for non-text (1.4.11)
    schemes: tuple[str, ...] = ("default", "slate")


PAIRS = [
    Pair("--md-primary-bg-color", "--md-primary-fg-color",
         "the header, the tabs, primary buttons and hovered or focused buttons (text on the "
         "primary colour)"),
    Pair("--md-typeset-a-color", "--md-default-bg-color", "links in the text"),
    Pair("--md-primary-fg-color", "--md-default-bg-color",
         "outlined buttons (the primary colour as text on the page)", schemes=("default",)),
    Pair("--md-accent-fg-color", "--md-default-bg-color",
         "focus outlines, hovered links and the level cards' borders", minimum=3.0),
]


def _rules(css: str) -> Iterable[tuple[str, dict[str, str]]]:
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.DOTALL)
    css = re.sub(r"@media[^{]*\{", "", css)  # the palette is wrapped in `@media screen`
    for selectors, body in _RULE.findall(css):
        decls = {k.strip(): v.strip() for k, _, v in
                     (d.partition(":") for d in body.split(";")) if k.strip().startswith("--")}
        if decls:
            for selector in selectors.split(","):
                yield selector.strip(), decls


def _matches(selector: str, context: dict[str, str]) -> int | None:
    """The specificity of ``selector`` if it applies to the page root in ``context``
    (``{"scheme": …, "primary": …, "accent": …}``), else None."""
    if _CONDITION.sub("", selector).strip() not in {"", ">*", "> *"}:
        return None  # it styles an element inside the page, not the root's variables
    count = 0
    for found in _CONDITION.finditer(selector):
        count += 1
        negated, value = found.group(1), found.group(2)
        if negated and context.get(negated) == value:
            return None
        what, wanted = found.group(3), found.group(4)
        if what and context.get(what) != wanted:
            return None
    return count


@lru_cache(maxsize=1)
def material_rules() -> list[tuple[str, dict[str, str]]]:
    """Every variable-setting rule of Material's main and palette stylesheets, in order."""
    folder = package_files.files("material") / "templates" / "assets" / "stylesheets"
    out: list[tuple[str, dict[str, str]]] = []
    for name in ("main", "palette"):
        for sheet in sorted(folder.iterdir(), key=lambda f: f.name):
            if sheet.name.startswith(name + ".") and sheet.name.endswith(".min.css"):
                out.extend(_rules(sheet.read_text(encoding="utf-8")))
    return out


@functools.lru_cache(maxsize=2)
def colour_names(kind: str) -> frozenset[str]:
    """The names Material has rules for as ``primary`` or ``accent`` (``indigo``,
    ``deep-purple``…), and ``custom`` (colours an extra_css file sets)."""
    found = {"custom"}
    for selector, _ in material_rules():
        found.update(value for name, value in re.findall(
            r"\[data-md-color-(\w+)=([\w-]+)\]", selector) if name == kind)
    return frozenset(found)


def variables(context: dict[str, str], extra: list[tuple[str, dict[str, str]]]) -> dict[str, str]:
    """The custom properties the page root has for ``context``, by CSS precedence."""
    ranked = []
    for order, (selector, decls) in enumerate(material_rules() + extra):
        specificity = _matches(selector, context)
        if specificity is not None:
            ranked.append((specificity, order, decls))
    out: dict[str, str] = {}
    for _, _, decls in sorted(ranked, key=lambda r: (r[0], r[1])):
        out.update(decls)
    return out


def colour(value: str, names: dict[str, str], depth: int = 0) -> RGBA | None:
    """A CSS colour (hex, rgb(a), hsl(a), with var() resolved) as 0-1 RGBA, or None."""
    value = _VAR.sub(lambda m: names.get(m.group(1), m.group(0)) if depth < 8 else "", value)
    if "var(" in value and depth < 8:
        return colour(value, names, depth + 1)
    value = value.strip().lower()
    if value in {"#fff", "white"}:
        return (1.0, 1.0, 1.0, 1.0)
    hexa = re.fullmatch(r"#([0-9a-f]{3,8})", value)
    if hexa:
        digits = hexa.group(1)
        if len(digits) in (3, 4):
            digits = "".join(c * 2 for c in digits)
        parts = [int(digits[i:i + 2], 16) / 255 for i in range(0, len(digits), 2)]
        return (parts[0], parts[1], parts[2], parts[3] if len(parts) == 4 else 1.0)
    func = re.fullmatch(r"(rgba?|hsla?)\(([^)]*)\)", value)
    if not func:
        return None
    args = [a.strip() for a in re.split(r"[,\s/]+", func.group(2)) if a.strip()]
    alpha = float(args[3].rstrip("%")) / (100 if args[3].endswith("%") else 1) if len(args) > 3 \
        else 1.0
    if func.group(1).startswith("rgb"):
        return (*(float(a.rstrip("%")) / (100 if a.endswith("%") else 255) for a in args[:3]),
                alpha)  # type: ignore[return-value]
    hue = float(re.sub(r"deg$", "", args[0])) / 360
    red, green, blue = colorsys.hls_to_rgb(hue, float(args[2].rstrip("%")) / 100,
                                           float(args[1].rstrip("%")) / 100)
    return (red, green, blue, alpha)


def _over(top: RGBA, below: RGBA) -> RGBA:
    a = top[3]
    return (top[0] * a + below[0] * (1 - a), top[1] * a + below[1] * (1 - a),
            top[2] * a + below[2] * (1 - a), 1.0)


def _luminance(c: RGBA) -> float:
    def linear(v: float) -> float:
        return v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4
    return 0.2126 * linear(c[0]) + 0.7152 * linear(c[1]) + 0.0722 * linear(c[2])


def contrast(text: RGBA, background: RGBA) -> float:
    """WCAG contrast ratio of ``text`` drawn on ``background`` (which stands on white)."""
    bg = _over(background, (1.0, 1.0, 1.0, 1.0))
    fg = _over(text, bg)
    light, dark = sorted((_luminance(fg), _luminance(bg)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def _hex(c: RGBA) -> str:
    return "#" + "".join(f"{round(v * 255):02x}" for v in c[:3])


def palette_warnings(config: Any, root: Path, lines: dict[int, int] | None = None,
                     path: str = "mkdocs.yml") -> list[ContentError]:
    """A warning for every palette colour pair under WCAG AA, at the palette entry's line
    (``lines``: entry index → line). ``config`` is the fork's mkdocs.yml as plain data."""
    theme = config.get("theme") if isinstance(config, dict) else None
    palette = theme.get("palette") if isinstance(theme, dict) else None
    entries = [palette] if isinstance(palette, dict) else list(palette or [])
    extra = _extra_css(config, root)
    out = []
    for index, entry in enumerate(e for e in entries if isinstance(e, dict)):
        context = {"scheme": str(entry.get("scheme", "default")),
                   "primary": str(entry.get("primary", "indigo")).replace(" ", "-").lower(),
                   "accent": str(entry.get("accent", "indigo")).replace(" ", "-").lower()}
        names = variables(context, extra)
        where = (f"theme.palette[{index}] (scheme {context['scheme']}, primary "
                 f"{context['primary']}, accent {context['accent']})")
        for pair in PAIRS:
            if context["scheme"] not in pair.schemes:
                continue
            text, bg = (colour(names.get(pair.text, ""), names),
                        colour(names.get(pair.background, ""), names))
            if text is None or bg is None:
                out.append(ContentError(path, (lines or {}).get(index, 0), (
                    f"warning: {where}: cannot check the contrast of {pair.text} on "
                    f"{pair.background} (expected colours Material or an extra_css file "
                    f"defines, got {names.get(pair.text)!r} on {names.get(pair.background)!r})"
                    )))
                continue
            ratio = contrast(text, bg)
            if ratio < pair.minimum:
                shown = _hex(_over(text, _over(bg, (1.0, 1.0, 1.0, 1.0))))
                out.append(ContentError(path, (lines or {}).get(index, 0), (
                    f"warning: {where}: {pair.text} {shown} on {pair.background} "
                    f"{_hex(_over(bg, (1.0, 1.0, 1.0, 1.0)))} has a contrast of "
                    f"{ratio:.2f}:1 (expected at least {pair.minimum:g}:1, WCAG AA); it "
                    f"affects {pair.affects}")))
    return out


def _extra_css(config: dict[str, Any], root: Path) -> list[tuple[str, dict[str, str]]]:
    """Variable rules from the fork's own stylesheets (for ``primary: custom``)."""
    out: list[tuple[str, dict[str, str]]] = []
    for entry in config.get("extra_css") or []:
        file = root / str(entry)
        if file.is_file() and file.resolve().is_relative_to(root.resolve()):
            out.extend(_rules(file.read_text(encoding="utf-8", errors="replace")))
    return out
