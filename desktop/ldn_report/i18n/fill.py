"""Filling a translated text's %1, %2 … in one pass (user text in a value is never re-read)."""

from __future__ import annotations

import re

_PLACEHOLDER = re.compile(r"%(\d)")


def fill(text: str, *values: str) -> str:
    """``text`` with %1 … %9 replaced by ``values``; QString.arg() would expand a %1 that a
    patient's medicine or a file name happens to contain."""
    return _PLACEHOLDER.sub(
        lambda m: values[int(m.group(1)) - 1] if 0 < int(m.group(1)) <= len(values)
        else m.group(0), text)
