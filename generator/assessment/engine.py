"""The browser's assessment modules, run in the terminal by an embedded JavaScript engine.

Scoring (``scoring.js``) and what a result says (``report.js``) are written once, in
JavaScript, because the browser must run them; the terminal commands run the very same
files here in QuickJS (the ``quickjs-ng`` package) instead of keeping a Python twin that
could drift. The modules are pure (no DOM; they import only each other), so loading
them is evaluating their texts in one scope with ``import`` lines and ``export``
keywords removed; ``tests/assessment/test_parity.py`` holds this path to Node running
them as real ES modules.

Values cross as JSON text, so numbers and nulls mean the same on both sides; the data
file is parsed once per distinct text and kept in the engine.
"""

from __future__ import annotations

import json
import re
import threading
from importlib import resources as package_files
from typing import Any

import quickjs

from ..errors import GeneratorError

MODULES = ("scoring.js", "report.js")
_EXPORT = re.compile(r"^export\s+", re.MULTILINE)
_IMPORT = re.compile(r"^import\s[^;]*\sfrom\s+\"\./([a-z]+\.js)\";\s*$", re.MULTILINE)

_BRIDGE = """
globalThis.__data = new Map();
globalThis.__api = { score, questionsFor, checksFor, skillsFor, knowledgeMax, knowledgeLevel, evidenceWeight, skillScore,
  skillStatus, confidenceFlag, goalLevel, resourcesFor, learningPlan, calibration, round2,
  reportModel, markdownReport, radarModel, text, duration };
globalThis.__load = (key, json) => { __data.set(key, JSON.parse(json)); return true; };
globalThis.__call = (name, key, args) => {
  const fn = __api[name];
  if (!fn) throw new Error(`no function ${name}`);
  const parsed = JSON.parse(args);
  const out = key === "" ? fn(...parsed) : fn(__data.get(key), ...parsed);
  return JSON.stringify(out === undefined ? null : out);
};
"""


class EngineError(GeneratorError):
    """The assessment code failed (e.g. an unknown role): the message says why."""


def module_source(name: str) -> str:
    """A module's text, runnable as part of one script: ``export`` keywords and imports of
    the other modules (loaded before it, in ``MODULES`` order) removed."""
    text = (package_files.files("generator") / "assets" / "assessment" / name).read_text(
        encoding="utf-8")
    for imported in _IMPORT.findall(text):
        assert imported in MODULES[:MODULES.index(name)], f"{name} imports {imported}, which " \
            "the engine does not load before it"
    text = _IMPORT.sub("", text)
    assert "import " not in text.split("\n", 1)[0], f"{name}: an import the engine cannot load"
    return _EXPORT.sub("", text)


class Engine:
    """One QuickJS context holding the modules and the data files it has been given."""

    def __init__(self) -> None:
        self._context = quickjs.Context()
        # Wrapped in one function scope: the modules' top-level names stay private.
        body = "\n".join(module_source(name) for name in MODULES)
        self._context.eval(f"(() => {{\n{body}\n{_BRIDGE}\n}})();")
        self._call = self._context.get("__call")
        self._load = self._context.get("__load")
        self._loaded: dict[str, str] = {}

    def _key(self, data: Any) -> str:
        text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
        key = str(hash(text))
        if self._loaded.get(key) != text:
            if len(self._loaded) > 16:
                self._loaded.clear()
            self._load(key, text)
            self._loaded[key] = text
        return key

    def call(self, name: str, *args: Any, data: Any = None) -> Any:
        """``name(data, *args)`` (or ``name(*args)`` without data), as JSON values."""
        key = "" if data is None else self._key(data)
        try:
            out = self._call(name, key, json.dumps(list(args), ensure_ascii=False))
        except quickjs.JSException as exc:
            message = str(exc).split("\n", 1)[0].removeprefix("Error: ")
            raise EngineError(message) from None
        return json.loads(out)


_local = threading.local()


def engine() -> Engine:
    """This thread's engine (QuickJS contexts must stay on the thread that made them)."""
    if not hasattr(_local, "engine"):
        _local.engine = Engine()
    return _local.engine
