"""The static-site engines, behind one small interface: config, build, serve.

``ENGINES`` is the one registry: the CLI's ``--engine`` choices, ``build`` and ``serve``
all read it, so adding an engine is one module and one line here.
"""

from __future__ import annotations

from .base import Engine
from .mkdocs import MkDocs
from .zensical import Zensical

ENGINES: dict[str, Engine] = {engine.name: engine for engine in (MkDocs(), Zensical())}

__all__ = ["ENGINES", "Engine"]
