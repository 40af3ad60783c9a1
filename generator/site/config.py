"""The MkDocs configuration: the fork's ``mkdocs.yml`` read safely, and the one actually built."""

from __future__ import annotations

import re
from typing import Any

from ..content.layers import LAYER_DIR, merge
from ..content.load import SourceFile, read_text
from ..content.located_yaml import parse_yaml
from ..content.safety import plain
from ..errors import ContentError, ContentInvalid
from ..project import Project
from .config_shape import check_shapes


def load_site_config(project: Project) -> dict[str, Any]:
    """Read the fork's ``mkdocs.yml`` safely (no Python tags), reporting mistakes with lines."""
    path = project.root / project.config_file
    if not path.exists() and not path.is_symlink():
        raise ContentInvalid([ContentError(project.config_file, 0, "required file is missing")])
    data = _read(project, project.config_file)
    if not isinstance(data, dict):
        raise ContentInvalid([ContentError(project.config_file, 1,
                                           "expected a mapping of MkDocs settings")])
    merged = _with_layer(project, data)
    shape_errors = check_shapes(SourceFile(project.config_file, merged))
    if shape_errors:
        raise ContentInvalid(shape_errors)
    config = _plain(merged)
    config.update(project.overrides())
    _check_addresses(config, data)
    if config.get("repo_url"):
        config.setdefault("repo_name", str(config["repo_url"]).rstrip("/").rsplit("/", 1)[-1])
        # MkDocs' own default (edit/master/docs/) points at a branch and folder we do not have.
        config.setdefault("edit_uri", "edit/main/")
    return config


def _with_layer(project: Project, data: Any) -> Any:
    """``mkdocs.yml`` with the fork layer's ``fork/mkdocs.yml`` (branding: site name, palette,
    logo) merged over it, so a fork brands its site without editing upstream's file."""
    rel = f"{LAYER_DIR}/{project.config_file}"
    path = project.root / rel
    if not path.exists() and not path.is_symlink():
        return data
    layer = _read(project, rel)
    if not isinstance(layer, dict):
        raise ContentInvalid([ContentError(rel, 1, "expected a mapping of MkDocs settings")])
    return merge(data, layer, rel)


def _read(project: Project, rel: str) -> Any:
    """A settings file parsed, read as content files are: a plain file in the project under
    the size limit (not a folder, a device or a link out), UTF-8."""
    try:
        return parse_yaml(read_text(project.root / rel, rel, project.root), rel, config=True)
    except ContentError as error:
        raise ContentInvalid([error]) from None


# Material prints these settings into every page without escaping them.
TEXT_SETTINGS = ("site_name", "site_description", "site_author", "copyright", "repo_name")
ADDRESS = re.compile(r"^https?://[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?(?::[0-9]{1,5})?"
                     r"(?:/[^\s\"'<>`{}|\\^]*)?$")
EDIT_PATH = re.compile(r"^[A-Za-z0-9._~/-]*$")


def _check_addresses(config: dict[str, Any], located: Any) -> None:
    """The addresses MkDocs puts into attributes (the repository button, edit links, the
    canonical URL) must be plain http(s) addresses: a quote would end the attribute."""
    errors = []
    for key, pattern, expected in (("site_url", ADDRESS, "an http(s) address"),
                                   ("repo_url", ADDRESS, "an http(s) address"),
                                   ("edit_uri", EDIT_PATH, "a path such as edit/main/")):
        value = config.get(key)
        if value is not None and not (isinstance(value, str) and pattern.fullmatch(value)):
            line = located.key_lines.get(key, 0) if hasattr(located, "key_lines") else 0
            errors.append(ContentError("mkdocs.yml" if line else "options or environment",
                                       line, f"{key}: not a plain address (expected {expected} "
                                       f"with no quotes, spaces or brackets, got {value!r:.80})"))
    if errors:
        raise ContentInvalid(errors)


def site_config_source(project: Project) -> SourceFile | None:
    """``mkdocs.yml`` as located YAML (for warnings at their line), or None if unreadable."""
    try:
        return SourceFile(project.config_file, _read(project, project.config_file))
    except ContentInvalid:
        return None


def _plain(data: Any) -> Any:
    """Located containers → plain dicts and lists, so yaml.safe_dump can write them."""
    if isinstance(data, dict):
        return {k: _plain(v) for k, v in data.items()}
    if isinstance(data, list):
        return [_plain(v) for v in data]
    return data


# Settings the generated site needs whatever the fork's mkdocs.yml says.
REQUIRED_EXTENSIONS: list[Any] = [
    "abbr", "attr_list", "md_in_html", "def_list", "tables", "admonition",
    {"toc": {"permalink": True}},
    "pymdownx.details",
]
GLOSSARY_EXTENSION = "generator.site.glossary"
STYLESHEETS = ("site.css", "languages.css", "assessment/assessment.css")
"""Our style sheets (under generator/assets/), shipped as one file: on a phone every extra
render-blocking request delays the first paint."""
OUR_CSS = ["assets/mlpm.css"]
OUR_JS: list[Any] = ["assets/assessment/app.js", "assets/languages.js", "assets/palette.js"]
"""Classic scripts, deferred by the theme's main.html; the assessment's modules are loaded by
app.js with `import()`. Not `type="module"`: modules in the page are fetched at high priority,
beside the style sheets the first paint waits for, and Lighthouse's simulation cannot see when
a module runs, so it counts them as needed for the first view (mobile first paint on the
assessment 1.21 → 1.06 s, docs/benchmarks.md)."""


def _escaped_toggle(entry: Any) -> Any:
    """A palette entry whose toggle name is escaped once: Material (and our palette partial)
    print it unescaped inside aria-label and title attributes."""
    toggle = entry.get("toggle") if isinstance(entry, dict) else None
    if not isinstance(toggle, dict) or not isinstance(toggle.get("name"), str):
        return entry
    return {**entry, "toggle": {**toggle, "name": plain(toggle["name"])}}


def generated_config(user_config: dict[str, Any], nav: list[Any],
                     glossary: dict[str, str] | None = None) -> dict[str, Any]:
    """The MkDocs config actually built: the fork's settings plus what the generator owns."""
    config = {k: v for k, v in user_config.items() if k not in {"docs_dir", "site_dir", "nav"}}
    for key in TEXT_SETTINGS:  # escaped once here, as page titles and navigation are
        if isinstance(config.get(key), str):
            config[key] = plain(config[key])
    config["docs_dir"] = "docs"
    config["nav"] = nav
    theme = config.get("theme") or {"name": "material"}
    theme = dict(theme) if isinstance(theme, dict) else {"name": str(theme)}  # `theme: material`
    theme["custom_dir"] = "overrides"
    if isinstance(theme.get("palette"), list):  # the toggles' names: printed in attributes
        theme["palette"] = [_escaped_toggle(p) for p in theme["palette"]]
    config["theme"] = theme
    existing = config.get("markdown_extensions") or []
    names = {next(iter(e)) if isinstance(e, dict) else e for e in existing}
    extensions = list(existing) + [
        e for e in REQUIRED_EXTENSIONS if (next(iter(e)) if isinstance(e, dict) else e) not in names]
    if glossary:
        # abbr, made to find terms inside Chinese text too (site/glossary.py)
        extensions = [{GLOSSARY_EXTENSION: {"glossary": glossary}} if e == "abbr" else e
                      for e in extensions]
    config["markdown_extensions"] = extensions
    config["extra_css"] = OUR_CSS + [c for c in config.get("extra_css") or [] if c not in OUR_CSS]
    # A fork's list naming one of our scripts, in any form (a path, or a mapping with a
    # `path`, e.g. the `type: module` entries of older versions), would load it twice.
    config["extra_javascript"] = OUR_JS + [
        j for j in config.get("extra_javascript") or []
        if (j.get("path") if isinstance(j, dict) else j) not in OUR_JS]
    return config
