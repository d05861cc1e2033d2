"""The bundled DejaVu Sans faces: registered once per process, and a glyph-coverage check."""

from __future__ import annotations

import threading
from functools import cache

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from ldn_report.paths import FONTS_DIR

REGULAR = "DejaVuSans"
BOLD = "DejaVuSans-Bold"
ITALIC = "DejaVuSans-Oblique"
BOLD_ITALIC = "DejaVuSans-BoldOblique"
FAMILY = "DejaVuSans"
FACES = (REGULAR, BOLD, ITALIC, BOLD_ITALIC)

_lock = threading.Lock()
_registered = False


def register_fonts() -> None:
    """Register the four faces and the family (so <b>/<i> pick real faces); safe to call often."""
    global _registered
    if _registered:
        return
    # The GUI renders on worker threads; two first renders must not register twice.
    with _lock:
        if _registered:
            return
        for face in FACES:
            pdfmetrics.registerFont(TTFont(face, str(FONTS_DIR / f"{face}.ttf")))
        pdfmetrics.registerFontFamily(
            FAMILY, normal=REGULAR, bold=BOLD, italic=ITALIC, boldItalic=BOLD_ITALIC
        )
        # registerFontFamily maps the family name; map each face too, so <b> inside a bold
        # or italic style still resolves to a DejaVu face instead of a Helvetica fallback.
        for face in FACES:
            addMapping(face, 0, 0, REGULAR)
            addMapping(face, 1, 0, BOLD)
            addMapping(face, 0, 1, ITALIC)
            addMapping(face, 1, 1, BOLD_ITALIC)
        _registered = True


@cache
def _coverage(face: str) -> frozenset[int]:
    register_fonts()
    font = pdfmetrics.getFont(face)
    return frozenset(font.face.charToGlyph)


def missing_glyphs(text: str) -> set[str]:
    """Characters in ``text`` that the regular or bold face cannot draw (they would print as boxes).

    Line breaks and tabs are layout, not glyphs, and are never reported.
    """
    needed = set(text).difference("\n\r\t")
    if not needed:
        return set()
    covered = _covered()
    return {ch for ch in needed if ord(ch) not in covered}


@cache
def _covered() -> frozenset[int]:
    """Code points both the regular and the bold face can draw (computed once per process)."""
    return _coverage(REGULAR) & _coverage(BOLD)
