"""One MkDocs project per language, the Material way (docs/translating.md).

The source language keeps today's layout and URLs (``generated/docs`` + ``generated/
mkdocs.yml`` → ``site/``); each translation gets ``generated/<code>/`` → ``site/<code>/``
with the same page paths, so the language selector (``extra.alternate``, which reads the
other language's sitemap) keeps the reader on the same page. What differs per language is
decided here: the interface language, the selector's links (with any deploy subpath of
``site_url``), and search (lunr's stemmer for the language; Chinese is segmented at build
time by jieba, which must be installed).
"""

from __future__ import annotations

import copy
import importlib.util
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from ..content.safety import plain
from ..errors import BuildFailed
from ..i18n.apply import ENDONYMS, LanguageContent
from ..strings import Strings, strings_of

SEARCH_LANGS = {"zh": ["en"], "ja": ["en"]}
"""lunr languages per site language, besides the language itself: pages in any language
carry English terms (``precision``, ``MLOps``), so English stemming is added to every
non-English index. Chinese and Japanese are searched by segments (``SEPARATORS``)."""

SEPARATORS = {"zh": r"[\s\u200b\u3000\-、。，．？！；：（）「」《》“”]+"}
"""Material's Chinese separator (it must keep ``\\u200b``, the mark jieba's segments are
joined with) plus the full-width colon, brackets and quotes our texts use."""


def prefix(language: LanguageContent) -> str:
    """The folder of a language under ``generated/`` and ``site/``: "" for the source."""
    return "" if language.source else f"{language.code}/"


def _with_subpath(site_url: str | None, folder: str) -> str | None:
    if not site_url:
        return None
    parts = urlsplit(site_url)
    path = parts.path if parts.path.endswith("/") else parts.path + "/"
    return urlunsplit((parts.scheme, parts.netloc, path + folder, "", ""))


def _base_path(site_url: str | None) -> str:
    path = urlsplit(site_url).path if site_url else "/"
    return path if path.endswith("/") else path + "/"


def alternates(source: Any) -> list[tuple[str, str, str]]:
    """Every language of the site as (code, name, folder), from the source framework: the
    selector lists them all even when only one is generated (``serve --lang``)."""
    fw = source.framework
    return [(fw.language, ENDONYMS.get(fw.language, fw.language), ""),
            *((lang.code, lang.name, f"{lang.code}/") for lang in fw.languages)]


def language_config(config: dict[str, Any], language: LanguageContent,
                    languages: list[tuple[str, str, str]]) -> dict[str, Any]:
    """The generated config of one language's project, from the source language's."""
    config = copy.deepcopy(config)
    folder = prefix(language)
    root_url = config.get("site_url") or None
    theme = config["theme"]
    theme["language"] = material_language(language.code)
    if folder:
        theme["custom_dir"] = "../overrides"  # the theme overrides are shared
        if root_url:
            config["site_url"] = _with_subpath(root_url, folder)
    if len(languages) > 1:
        base = _base_path(root_url)
        extra = dict(config.get("extra") or {})
        extra["alternate"] = [{"name": name, "link": base + folder, "lang": code}
                              for code, name, folder in languages]
        config["extra"] = extra
    config["plugins"] = [_search(p, language.code) for p in config.get("plugins") or []]
    strings = strings_of(language.content)
    config["markdown_extensions"] = [_permalink(e, strings)
                                     for e in config.get("markdown_extensions") or []]
    # A translation names the toggles in its language; so does the source language when the
    # project words them itself (content/strings/), else mkdocs.yml's names stand.
    own = (language.content.interface.get(language.code) or {}).get("palette")
    if folder or own:
        _translate_palette(theme, strings)
    return config


def _scheme(entry: dict[str, Any]) -> str:
    """What a palette entry shows: the system's scheme, light or dark."""
    if entry.get("media") == "(prefers-color-scheme)":
        return "system"
    return "dark" if entry.get("scheme") == "slate" else "light"


def _translate_palette(theme: dict[str, Any], strings: Strings) -> None:
    """The palette toggles' names (what a click switches to) in the language: mkdocs.yml
    names them once, in the source language."""
    palette = theme.get("palette")
    if not isinstance(palette, list) or not all(isinstance(p, dict) for p in palette):
        return
    for index, entry in enumerate(palette):
        toggle = entry.get("toggle")
        if isinstance(toggle, dict) and "name" in toggle:
            upcoming = palette[(index + 1) % len(palette)]
            # Material prints it inside an attribute, unescaped; a project can set it.
            toggle["name"] = plain(strings.t(f"palette.to_{_scheme(upcoming)}"))


def _permalink(extension: Any, strings: Strings) -> Any:
    """The `toc` extension with its heading links titled in the language (Python-Markdown's
    default is English), unless the project's mkdocs.yml titles them itself."""
    if not (isinstance(extension, dict) and isinstance(extension.get("toc"), dict)):
        return extension
    options = extension["toc"]
    if not options.get("permalink") or "permalink_title" in options:
        return extension
    return {"toc": {**options, "permalink_title": plain(strings.t("headings.permalink"))}}


def _search(plugin: Any, code: str) -> Any:
    """The search plugin set for ``code``; other plugins unchanged."""
    name = plugin if isinstance(plugin, str) else next(iter(plugin)) if isinstance(plugin, dict) \
        else None
    if name != "search":
        return plugin
    options = dict(plugin["search"] or {}) if isinstance(plugin, dict) else {}
    if code != "en" and "lang" not in options:
        if code in SEARCH_LANGS:
            options["lang"] = SEARCH_LANGS[code]
        elif code in _lunr_languages():
            options["lang"] = [code, "en"]
    if code in SEPARATORS and "separator" not in options:
        options["separator"] = SEPARATORS[code]
    return {"search": options} if options else "search"


def material_language(code: str) -> str:
    """The language Material's own words (search, navigation, <html lang>) are shown in:
    ``code``, or its base language (``pt`` for ``pt-PT``), else English. Material fails
    the build on a language it has no file for."""
    from importlib import resources

    folder = resources.files("material") / "templates/partials/languages"
    for candidate in (code, code.split("-")[0]):
        if (folder / f"{candidate}.html").is_file():
            return candidate
    return "en"


def _lunr_languages() -> set[str]:
    """The languages Material's lunr bundle can stem (an unknown one fails the build)."""
    from importlib import resources

    folder = resources.files("material") / "templates/assets/javascripts/lunr/min"
    return {p.name.split(".")[1] for p in folder.iterdir() if p.name.count(".") == 3}


def require_segmenter_for(codes: list[str], engine: str) -> None:
    """Material skips Chinese segmentation without a word when jieba is missing, and then
    Chinese search finds almost nothing: refuse to build instead."""
    if engine == "mkdocs" and any(code.startswith("zh") for code in codes) \
            and importlib.util.find_spec("jieba") is None:
        raise BuildFailed("a Chinese site needs jieba for its search index (expected the "
                          "package 'jieba' to be installed: `pip install -e .` installs it); "
                          "site/ was left as it was")
