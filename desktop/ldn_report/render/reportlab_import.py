"""ReportLab imported without the start-up cost of what a report never uses (issue 17).

Every ``ldn-report build`` is a new process, so what ReportLab does when it is imported counts
on every run. Two things cost milliseconds there and are (almost) never used by a report:

- Module-level regular expressions with wide Unicode classes. ``re`` compiles a class like
  ``[\\xa1-\\uffff]`` by visiting each of its characters in Python; ``paragraph.uri_pat`` has
  five of them and ignores case: ~20 ms, a tenth of a whole build, for a pattern only read when
  a paragraph style sets ``uriWasteReduce`` (ours never do). ``import_reportlab`` imports
  ReportLab with the patterns in ``LAZY_PATTERNS`` compiled on their first use instead.
- PIL's ``Image`` module (~6 ms), which ``reportlab.lib.utils`` imports only to draw bitmaps:
  ``defer_pil_image`` makes it load when first used (a template's logo), through the standard
  library's ``importlib.util.LazyLoader``.
"""

from __future__ import annotations

import importlib.util
import re
import sys
from typing import Any

# module -> the names of its module-level patterns compiled on first use. Each is only ever
# used through its methods (``uri_pat.match(...)``, checked by tests/test_cli_start.py against
# ReportLab's source); a pattern not listed here is compiled at import as before.
LAZY_PATTERNS: dict[str, frozenset[str]] = {
    "reportlab.platypus.paragraph": frozenset({"uri_pat"}),  # ~20 ms: URI hyphenation only
    "reportlab.lib.textsplit": frozenset({"rx"}),  # ~2.3 ms: cjkwrap(), which we never call
    "reportlab.lib.rl_safe_eval": frozenset({"__rl_unsafe_re__"}),  # unused by ReportLab itself
    "reportlab.lib.PyFontify": frozenset({"matchRE"}),  # colouring Python source
}
_compile = re.compile


class LazyPattern:
    """``re.compile(pattern, flags)``, compiled the first time any attribute is used.

    From then on it is that compiled pattern in all but its type (``isinstance(x, re.Pattern)``
    is False, so it is only for patterns used through their methods).
    """

    __slots__ = ("_compiled", "_flags", "_source")

    def __init__(self, pattern: str | bytes, flags: int = 0) -> None:
        self._source = pattern
        self._flags = flags
        self._compiled: re.Pattern[Any] | None = None

    @property
    def is_compiled(self) -> bool:
        return self._compiled is not None

    def compiled(self) -> re.Pattern[Any]:
        """The compiled pattern (compiled now if this is the first use)."""
        if self._compiled is None:
            # Two threads may both compile it: the same pattern either way, one is kept.
            self._compiled = _compile(self._source, self._flags)
        return self._compiled

    def __getattr__(self, name: str) -> Any:  # match, search, sub, pattern, flags, groups, ...
        return getattr(self.compiled(), name)

    def __repr__(self) -> str:
        return repr(self.compiled())

    def __eq__(self, other: object) -> bool:
        if isinstance(other, LazyPattern):
            other = other.compiled()
        return self.compiled() == other

    def __hash__(self) -> int:
        return hash(self.compiled())

    def __reduce__(self) -> Any:  # unpickles as the re.Pattern it stands for, as re's own do
        return _compile, (self._source, self._flags)

    def __copy__(self) -> LazyPattern:  # a compiled pattern copies as itself, so does this
        return self

    def __deepcopy__(self, memo: object) -> LazyPattern:
        return self


def import_reportlab() -> None:
    """Import ReportLab (rl_config, platypus) with ``LAZY_PATTERNS`` compiled on first use.

    Only the import is affected: ``re.compile`` is wrapped while it runs, and only calls made
    by those modules' own top-level code get a LazyPattern. A module imported before (by
    anyone) keeps its compiled patterns; calling this again does nothing.
    """
    if "reportlab.platypus" in sys.modules:
        return
    made: list[tuple[str, LazyPattern]] = []

    def compile_lazily(pattern: Any, flags: int = 0) -> Any:
        caller = sys._getframe(1)
        module = caller.f_globals.get("__name__", "")
        if module in LAZY_PATTERNS and caller.f_code.co_name == "<module>":
            lazy = LazyPattern(pattern, flags)
            made.append((module, lazy))
            return lazy
        return _compile(pattern, flags)

    re.compile = compile_lazily  # type: ignore[assignment]
    try:
        import reportlab.platypus  # noqa: F401 (rl_config, lib.utils, paragraph, textsplit, ...)
    finally:
        re.compile = _compile
    # Only the listed names stay lazy: every other pattern those modules made at import is
    # compiled now and its module-level name rebound to the real re.Pattern, as without this.
    keep = {id(getattr(sys.modules[m], name, None)) for m, names in LAZY_PATTERNS.items()
            if m in sys.modules for name in names}
    for module_name, lazy in made:
        if id(lazy) in keep:
            continue
        compiled = lazy.compiled()
        namespace = vars(sys.modules[module_name])
        for name, value in list(namespace.items()):
            if value is lazy:
                namespace[name] = compiled


def lazy_patterns() -> dict[str, LazyPattern]:
    """The patterns left lazy, as ``module.name``, for tests and measurements."""
    out = {}
    for module_name, names in LAZY_PATTERNS.items():
        module = sys.modules.get(module_name)
        for name in names:
            value = getattr(module, name, None)
            if isinstance(value, LazyPattern):
                out[f"{module_name}.{name}"] = value
    return out


def defer_pil_image() -> None:
    """Load ``PIL.Image`` when it is first used, not when ReportLab imports it.

    For a process without threads only (the command line): Python 3.11's LazyLoader is not
    safe when two threads first touch the module at once. Does nothing once PIL.Image is
    imported, or when Pillow is missing (ReportLab then handles its absence as usual).
    """
    if "PIL.Image" in sys.modules:
        return
    try:
        spec = importlib.util.find_spec("PIL.Image")  # imports the small PIL package
        if spec is None or spec.loader is None:
            return
        # TypeError: a loader without exec_module (some frozen-app importers): import as usual
        loader = importlib.util.LazyLoader(spec.loader)
    except (ImportError, TypeError, ValueError):
        return
    spec.loader = loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["PIL.Image"] = module
    loader.exec_module(module)  # runs nothing yet: the first attribute use runs the module
    # As the import system does for a submodule: `from PIL import Image` finds it here.
    sys.modules["PIL"].Image = module  # type: ignore[attr-defined]
