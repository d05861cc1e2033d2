"""Text in other writing systems: which bundled face draws each run, and right-to-left word order.

DejaVu Sans draws Latin, Greek and Cyrillic; Arabic, Hebrew, Devanagari, Thai and CJK runs are
set in subset Noto / Droid Sans Fallback faces and shaped by HarfBuzz (ReportLab's ``shaping``
with uharfbuzz); right-to-left words are put in visual order after line breaking
(bidi_lines.py).
"""

from __future__ import annotations

import bisect
import unicodedata

# (first, last, script) in code point order; the face of each script is in fonts.SCRIPT_FACES.
_RANGES = (
    (0x0590, 0x05FF, "hebrew"),
    (0x0600, 0x06FF, "arabic"),
    (0x0750, 0x077F, "arabic"),
    (0x08A0, 0x08FF, "arabic"),
    (0x0900, 0x097F, "devanagari"),
    (0x0E00, 0x0E7F, "thai"),
    (0x1100, 0x11FF, "cjk"),
    (0x1CD0, 0x1CFF, "devanagari"),
    (0x2E80, 0x2FDF, "cjk"),
    (0x3000, 0x30FF, "cjk"),
    (0x3130, 0x318F, "cjk"),
    (0x3400, 0x4DBF, "cjk"),
    (0x4E00, 0x9FFF, "cjk"),
    (0xA8E0, 0xA8FF, "devanagari"),
    (0xAC00, 0xD7AF, "cjk"),
    (0xF900, 0xFAFF, "cjk"),
    (0xFB1D, 0xFB4F, "hebrew"),
    (0xFB50, 0xFDFF, "arabic"),
    (0xFE70, 0xFEFF, "arabic"),
    (0xFF00, 0xFFEF, "cjk"),
)
_STARTS = [r[0] for r in _RANGES]
# No script face draws anything below U+0590, so the quick test for Latin-only text (nearly
# every report) is max() over the text, in C. (A regular expression class of these ranges
# cost ~2 ms to compile on every start: `re` visits each of its ~45,000 characters.)
_FIRST = chr(_STARTS[0])
# Characters that belong to the run around them: marks, joiners, spaces inside a run.
_JOINERS = {"\u200c", "\u200d"}


def ranges_of(script: str) -> list[tuple[int, int]]:
    """The code point ranges whose characters ``script``'s bundled face draws."""
    return [(lo, hi) for lo, hi, name in _RANGES if name == script]


def needs_script_face(text: str) -> bool:
    """Whether ``text`` has a character that only one of the script faces draws."""
    return bool(text) and max(text) >= _FIRST and any(
        script_of(c) for c in set(text) if c >= _FIRST)


def scripts_in(text: str) -> set[str]:
    """The scripts (besides the main face's) that ``text`` has characters of."""
    found = {script_of(c) for c in set(text) if c >= _FIRST}
    return {script for script in found if script is not None}


def script_of(ch: str) -> str | None:
    """The script whose bundled face draws ``ch``, or None for the main (DejaVu) face."""
    code = ord(ch)
    i = bisect.bisect_right(_STARTS, code) - 1
    if i >= 0 and code <= _RANGES[i][1]:
        return _RANGES[i][2]
    return None


def runs(line: str) -> list[tuple[str | None, str]]:
    """Split one line into (script, text) runs; marks and joiners stay with the run before."""
    out: list[tuple[str | None, str]] = []
    for ch in line:
        script = script_of(ch)
        if out and (ch in _JOINERS or unicodedata.category(ch) in ("Mn", "Mc", "Me")):
            script = out[-1][0]
        if out and out[-1][0] == script:
            out[-1] = (script, out[-1][1] + ch)
        else:
            out.append((script, ch))
    return out
