"""The one place that keeps content inert: what counts as unsafe, and how text is made safe.

Content is untrusted input. Validation uses the *finders* below to refuse raw HTML,
unsafe links, script or data URLs and attribute lists, each reported at its line;
rendering uses the *neutralisers* as a second, independent guard, because the site's
Markdown parser (Python-Markdown) and the checking parser (markdown-it) can read the
same text differently. The assessment's pre-rendered HTML comes from ``inline_html`` and
``block_html``: markdown-it with raw HTML off, so the browser only inserts escaped markup.
"""

from __future__ import annotations

import html as html_lib
import re
from collections.abc import Callable, Iterable, Iterator

from markdown_it import MarkdownIt
from markdown_it.token import Token

# --- finders (used by validation) ----------------------------------------------------

_MARKDOWN = MarkdownIt("commonmark")
# A parser that keeps every link, so the validator can see (and refuse) the unsafe ones that
# markdown-it would silently drop and Python-Markdown would render.
_LINKS = MarkdownIt("commonmark")
_LINKS.validateLink = lambda url: True  # type: ignore[method-assign]
SAFE_LINK = re.compile(r"^(https://|mailto:|#|\.{1,2}/|/(?!/)|[A-Za-z0-9._~-]+(/|\.md|#|$))")
# Python-Markdown (which builds the site) reads some text differently from markdown-it (which
# checks it), so these are refused wherever they appear, link or not.
SCRIPT_SCHEME = re.compile(r"(?i)(java|vb|live)\s*script\s*:|\bdata\s*:\s*[a-z]+/")
# An attribute list however it starts ({: …}, {#id}, {.class}, {key=…}, or a bare word before
# one, as in a fence's "{ x onfocus=… }").
ATTR_LIST = re.compile(r"\{\s*(?::|[#.][\w-]|(?:[^\s{}=]+\s+)*[\w-]+\s*=)[^{}]*\}")
# A fenced code block: the site's Markdown reads one as code only with an extension a project
# may not have (without it, a "~~~" block's lines are live text), so content has none.
FENCE = re.compile(r"(?m)^[ \t]*(`{3,}|~{3,})")


def raw_html_blocks(markdown: str) -> Iterator[tuple[int, str]]:
    """(line offset, first raw HTML) for each block of a Markdown text that contains any, as
    markdown-it reads it, then every other tag start outside code as the site's parser is sure
    to read it (a one-line code span): markdown-it also takes a fence, an indented block or a
    code span over several lines for code, which Python-Markdown may render as live HTML."""
    if "<" not in markdown:
        return
    seen = set()
    for token in _MARKDOWN.parse(markdown):
        found = [token] if token.type == "html_block" else [
            c for c in token.children or () if c.type == "html_inline"]
        if found:
            line = token.map[0] if token.map else 0
            seen.add(line)
            yield line, found[0].content.strip()
    start = 0
    for code in _CODE.finditer(markdown):
        yield from _tag_starts(markdown, start, code.start(), seen)
        start = code.end()
    yield from _tag_starts(markdown, start, len(markdown), seen)


# An autolink (<https://…>): a link to both parsers (the link check reads its address).
_AUTOLINK = re.compile(r"<[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*>")


def _tag_starts(text: str, start: int, end: int, seen: set[int]) -> Iterator[tuple[int, str]]:
    line, counted = 0, 0  # lines counted as the tags are met: linear in the text's length
    for tag in _TAG_START.finditer(text, start, end):
        if _AUTOLINK.match(text, tag.start()):
            continue
        line += text.count("\n", counted, tag.start())
        counted = tag.start()
        if line not in seen:
            seen.add(line)
            yield line, text[tag.start():tag.start() + 60].split("\n")[0]


def link_targets(markdown: str) -> Iterator[tuple[int, str, str]]:
    """(line offset, kind: "link" or "image", target) of every link and image, unsafe ones
    included (markdown-it drops those; Python-Markdown would render them)."""
    if "](" not in markdown and "<" not in markdown and "]:" not in markdown:
        return
    for token in _LINKS.parse(markdown):
        for child in token.children or ():
            target = child.attrGet("href") or child.attrGet("src")
            if target is not None:
                kind = "image" if child.type == "image" else "link"
                yield (token.map[0] if token.map else 0), kind, str(target)


def unsafe_links(markdown: str) -> Iterator[tuple[int, str]]:
    """(line offset, target) for each link or image that is not https, mailto, an anchor or
    a relative path."""
    for offset, _, target in link_targets(markdown):
        if not SAFE_LINK.match(target.strip()):
            yield offset, target


def images(markdown: str) -> Iterator[tuple[int, str]]:
    """(line offset, target) for each Markdown image. Content holds no images: one on another
    server is a request to a third party from every reader's browser, and files beside the
    content are not published, so either would break the site or its privacy promise."""
    if "![" not in markdown:
        return
    for token in _LINKS.parse(markdown):
        for child in _descendants(token.children or ()):
            if child.type == "image":
                yield (token.map[0] if token.map else 0), str(child.attrGet("src") or "")


def _descendants(tokens: Iterable[Token]) -> Iterator[Token]:
    for token in tokens:
        yield token
        yield from _descendants(token.children or ())


IMAGE_MESSAGE = ("images are not supported (expected text, a table or a list; got an image of "
                 "{target}): the site loads nothing from other servers, and image files are "
                 "not published from content/")


def find_raw_html(markdown: str) -> str | None:
    """The first raw HTML tag in a Markdown text, or None."""
    return next((html for _, html in raw_html_blocks(markdown)), None)


def find_unsafe_link(markdown: str) -> str | None:
    """The first unsafe link or image target in a Markdown text, or None."""
    return next((target for _, target in unsafe_links(markdown)), None)


# Control characters other than tab and line breaks: YAML's escapes ("\e", "\x1b", "\u009b")
# write them, and a terminal obeys them (ESC and C1 start sequences that clear the screen,
# retitle the window or, in some terminals, set the clipboard) when `assess` prints content.
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def find_control(text: str) -> str | None:
    """``U+001B`` for the first control character in a text, or None."""
    found = CONTROL.search(text)
    return f"U+{ord(found.group()):04X}" if found else None


# More emphasis markers in a row than Markdown has a meaning for (*** is bold italic): a few
# thousand nest the site's parser past Python's recursion limit, and the build fails.
_MARKER_RUN = re.compile(r"\*{4,}|_{4,}")


def _marker_run(text: str) -> str | None:
    for run in _MARKER_RUN.finditer(text):
        start = text.rfind("\n", 0, run.start()) + 1
        end = text.find("\n", run.end())
        line = text[start:end if end >= 0 else len(text)]
        if line.strip(" \t" + run.group()[0]):  # not a line of its own (a thematic break)
            return run.group()[:20] + ("…" if len(run.group()) > 20 else "")
    return None


def find_forbidden_syntax(text: str) -> tuple[str, str] | None:
    """(what, the offending text) for a script/data URL, an attribute list
    (`{: onclick=… }`), a fenced code block or a run of emphasis markers anywhere in the
    text, or None."""
    run = _marker_run(text)
    if run:
        return "a run of more than three '*' or '_' (*italic*, **bold**, ***both***)", run
    decoded = html_lib.unescape(text)
    for pattern, what in ((SCRIPT_SCHEME, "a script or data URL"),
                          (ATTR_LIST, "an attribute list"),
                          (FENCE, "a fenced code block (use `inline code` in a sentence)")):
        found = pattern.search(decoded)
        if found:
            return what, found.group()
    return None


# --- neutralisers (used by rendering) ------------------------------------------------

# Code whose text the site's parser is sure to show as written: an inline code span on one
# line. Nothing else counts, because only this reads the same in every configuration and
# wherever a template puts the text: a fence is code only with an extension and at the
# margin (without one, a "~~~" block's lines are live text), an indented block is a
# paragraph inside a list, and a span over several lines ends where a heading line or a
# blank line splits its paragraph. Treating too little as code costs a "&lt;" shown in code;
# too much, live markup. A backtick after a backslash is a literal backtick, not the start of
# a code span (as Python-Markdown's BACKTICK_RE reads it): "\`<svg/onload=…>\`" is text.
# Pairs of backslashes before a backtick are escaped backslashes.
_CODE = re.compile(r"(?<!\\)(?:\\\\)*(?P<ticks>`+)(?!`)[^\n]+?(?<!`)(?P=ticks)(?!`)")
# A "<" that would open a tag, comment or processing instruction in Markdown.
_TAG_START = re.compile(r"<(?=[A-Za-z/!?])")
# A script or data URL scheme, however it is spelled, is broken by a space before the colon.
_BAD_SCHEME = re.compile(r"(?i)\b(java\s*script|vb\s*script|live\s*script|data(?=\s*:\s*[a-z]+/))"
                         r"(\s*):")


def _outside_code(text: str, change: Callable[[str], str]) -> str:
    """Apply ``change`` to the parts of Markdown ``text`` that are not code."""
    out, last = [], 0
    for found in _CODE.finditer(text):
        out.append(change(text[last:found.start()]))
        out.append(found.group())
        last = found.end()
    out.append(change(text[last:]))
    return "".join(out)


def _inert(part: str) -> str:
    # Every "{" is escaped, so no attribute list ({: #id }, { onfocus=… }, {srcset=…}) can
    # form from content, whatever its spelling; Python-Markdown shows "\{" as "{".
    part = part.replace("{", "\\{")
    part = _TAG_START.sub("&lt;", part)
    return _BAD_SCHEME.sub(lambda m: f"{m.group(1)} :", part)


def inert_text(text: str) -> str:
    """An interface string from content made inert like ``md`` but with its braces kept:
    they are ``str.format`` placeholders, which validation allows only as ``{name}``."""
    return _BAD_SCHEME.sub(lambda m: f"{m.group(1)} :", _TAG_START.sub("&lt;", text))


def md(text: str | None) -> str:
    """Content Markdown made safe to embed in a page: outside code, nothing can open an HTML
    tag, add an attribute (attr_list) or form a script URL; code is left exactly as written
    (a "<" in code shows as "<"). Validation refuses tags and script URLs already; this is
    the second, independent guard against Markdown parsers that disagree."""
    return _outside_code(text or "", _inert).strip()


_URL_UNSAFE = {c: f"%{ord(c):02X}" for c in " \"'<>`{}|\\^()"}


def url(address: str | None) -> str:
    """A validated https URL for a Markdown link target: characters that could end the
    target or start an attribute list are percent-encoded (``(`` → ``%28``)."""
    return "".join(_URL_UNSAFE.get(c, c) for c in (address or ""))


def md_inline(text: str | None) -> str:
    """Like ``md`` but on one line, for list items."""
    return " ".join(md(text).split())


def md_cell(text: str | None) -> str:
    """Inline Markdown safe inside a table cell (pipes escaped)."""
    return md_inline(text).replace("|", "\\|")


def plain(text: str | None) -> str:
    """Text for places MkDocs and Material print without escaping (titles, navigation,
    meta description): HTML-escaped, quotes included, on one line. Angle brackets become
    ‹ and ›: Material re-inserts a truncated title's text as HTML in its tooltips, so a
    title whose text holds "<" (from a code span, say) would form markup there."""
    flat = " ".join((text or "").split()).replace("<", "\u2039").replace(">", "\u203a")
    return html_lib.escape(flat, quote=True)


# --- pre-rendered HTML for the assessment ----------------------------------------------

_HTML = MarkdownIt("commonmark", {"html": False})
# No images in the assessment's data: an image would be fetched when the assessment starts,
# from wherever content points, and data.json is not a page the privacy guard checks.
_HTML.disable("image")


# A text with none of these is plain in CommonMark's inline grammar (no emphasis, code, link,
# image, autolink, entity or escape can start without one; `" ".join(split())` has removed
# line breaks): its HTML is the text with `"` escaped, which is all markdown-it would do
# (no typographer, no linkify). Most of the assessment's ~1,300 texts are plain, and
# markdown-it costs ~0.1 ms a call (tests/content/test_safety.py holds the two equal).
_INLINE_SYNTAX = re.compile("[\\\\`*_\\[\\]!<>&\0]")  # and NUL, which becomes U+FFFD


def inline_html(text: str) -> str:
    """Inline Markdown → HTML with every raw tag escaped and unsafe links dropped."""
    flat = " ".join(text.split())
    if _INLINE_SYNTAX.search(flat) is None:
        return flat.replace('"', "&quot;")
    return _HTML.renderInline(flat)


def block_html(text: str) -> str:
    """Block Markdown (paragraphs, lists) → HTML, raw tags escaped, unsafe links dropped."""
    return _HTML.render(text).strip()


_TAG = re.compile(r"<[^>]+>")


def html_to_text(fragment: str) -> str:
    """Pre-rendered HTML (escaped by ``inline_html``) → plain text, for the terminal."""
    return html_lib.unescape(_TAG.sub("", fragment)).strip()
