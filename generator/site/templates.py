"""The Jinja environment that renders pages: content goes through the ``safety`` filters."""

from __future__ import annotations

import json
from collections.abc import Callable
from functools import lru_cache

import jinja2

from ..content.safety import md, md_cell, md_inline, plain, url
from ..strings import Strings, load_strings
from .anchors import slug
from .paths import P


def yaml_scalar(text: str) -> str:
    """A value for generated front matter; JSON strings are valid YAML scalars."""
    return json.dumps(text, ensure_ascii=False)


@lru_cache(maxsize=8)
def template_environment(strings: Strings) -> jinja2.Environment:
    """One Jinja environment per language's strings and process: `serve` regenerates without
    compiling the templates again (about 0.1 s of every regeneration). Across processes,
    Jinja's own bytecode cache (a private folder in the system's temporary directory, keyed
    by each template's source) spares a build compiling them again."""
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("generator", "templates"),
        undefined=jinja2.StrictUndefined,
        autoescape=False,  # templates emit Markdown; content goes through the `md` filters
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        bytecode_cache=jinja2.FileSystemBytecodeCache(),
    )
    env.filters.update(md=_marking(md, True), md_inline=_marking(md_inline, False),
                       md_cell=_marking(md_cell, False), yaml=yaml_scalar,
                       plain=plain, url=url, minutes=strings.minutes)
    env.globals.update(t=strings.t, P=P, anchor=anchor, anchor_id=anchor_id)
    return env


def anchor_id(key: str) -> str:
    """The id of a heading whose text is the interface string ``key``: the slug of its
    English text, so the anchor is the same in every language (``anchors``)."""
    return slug(load_strings("en").t(key))


def anchor(key: str) -> str:
    """``{ #id }`` for such a heading (``anchor_id``)."""
    return f"{{ #{anchor_id(key)} }}"


def _marking(render: Callable[[str | None], str], block: bool) -> Callable[..., str]:
    """A content filter that also marks text shown untranslated (``Renderer.marked``)."""

    @jinja2.pass_context
    def content_filter(context: jinja2.runtime.Context, text: str | None) -> str:
        out = render(text)
        renderer = context.get("r")
        return renderer.marked(text, out, block) if renderer is not None and text else out

    return content_filter
