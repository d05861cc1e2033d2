"""Guards against a PySide6 bug on Python 3.11: Qt calls drop references to None and True.

Seen with PySide6 6.12.0 on CPython 3.11.7: every call of a method that returns nothing
(``QLabel.setText``, ``QTimer.start``, ``processEvents``...) lowers ``sys.getrefcount(None)`` by
one, and every ``Signal.emit`` lowers ``sys.getrefcount(True)`` by one. When a count reaches zero
CPython aborts ("none_dealloc: deallocating None", "bool_dealloc") - after a few thousand calls,
minutes into a session. Python 3.12 made these objects immortal, so it is safe there.
The guard measures the leak once and, only if it is there, gives None, True and False reference
counts that cannot run out. They are never freed anyway, so nothing else changes.
"""

from __future__ import annotations

import ctypes
import sys

PROBE_CALLS = 64
HEADROOM = 1 << 40  # at one lost reference per Qt call, more calls than any session makes
SINGLETONS = (None, True, False)


def leaked_per_call() -> float:
    """References to None lost per void PySide call (0 where PySide counts correctly)."""
    from PySide6.QtCore import QObject

    probe = QObject()
    before = sys.getrefcount(None)
    for _ in range(PROBE_CALLS):
        probe.setObjectName("probe")
    return (before - sys.getrefcount(None)) / PROBE_CALLS


def protect_singletons() -> bool:
    """Apply the guard if this PySide loses references; True when it was needed."""
    if sys.version_info >= (3, 12) or getattr(sys, "_ldn_refcount_guard", False):
        return False
    if leaked_per_call() < 0.5:
        return False
    for obj in SINGLETONS:
        # CPython's object header starts with ob_refcnt (a Py_ssize_t) at the object's address.
        ctypes.c_ssize_t.from_address(id(obj)).value += HEADROOM
    sys._ldn_refcount_guard = True  # once per process, whichever module applied it
    return True
