"""Content: located YAML → a validated, cross-checked model of the framework.

``load`` reads ``content/``, ``validate`` checks it (``messages``, ``rules``, ``safety``)
and returns ``model.Content``; ``visibility`` leaves hidden areas out.
"""

from __future__ import annotations

from pathlib import Path

from .model import Content


def load_and_validate(root: Path, content_dir: str = "content") -> Content:
    """Read and check every content file; ``ContentInvalid`` lists every mistake."""
    from .load import load_content
    from .validate import validate

    return validate(load_content(root, content_dir))
