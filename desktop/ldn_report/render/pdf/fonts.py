"""The bundled faces (DejaVu Sans, and per script Noto / Droid Sans Fallback): registered once
per process, each read on first use (from the user cache when it can), and a glyph-coverage
check over all of them."""

from __future__ import annotations

import threading
import zlib
from fnmatch import fnmatch
from functools import cache, lru_cache
from pathlib import Path
from typing import Any
from weakref import WeakKeyDictionary

from reportlab import rl_config
from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfdoc, pdfmetrics
from reportlab.pdfbase.ttfonts import (
    FF_NONSYMBOLIC,
    FF_SYMBOLIC,
    TTEncoding,
    TTFont,
    TTFontFace,
    unShapedFontGlob,
)

from ldn_report.paths import FONTS_DIR
from ldn_report.render.pdf.face_cache import load_face

REGULAR = "DejaVuSans"
BOLD = "DejaVuSans-Bold"
ITALIC = "DejaVuSans-Oblique"
BOLD_ITALIC = "DejaVuSans-BoldOblique"
FAMILY = "DejaVuSans"
FACES = (REGULAR, BOLD, ITALIC, BOLD_ITALIC)
# Per script: (regular, bold) face files in resources/fonts/, registered on first use only, so a
# Latin-only report never loads them. The CJK face has no bold; it stands in for both.
SCRIPT_FACES: dict[str, tuple[str, str]] = {
    "arabic": ("NotoSansArabic-Regular", "NotoSansArabic-Bold"),
    "hebrew": ("NotoSansHebrew-Regular", "NotoSansHebrew-Bold"),
    "devanagari": ("NotoSansDevanagari-Regular", "NotoSansDevanagari-Bold"),
    "thai": ("NotoSansThai-Regular", "NotoSansThai-Bold"),
    "cjk": ("DroidSansFallback-CJK", "DroidSansFallback-CJK"),
}

_lock = threading.RLock()  # a face loading may look up one of its own attributes
_registered = False

SUBSET_CACHE_SIZE = 64  # a report embeds about 4 subsets of ~36 KB


class _CachedFlate:
    """ReportLab's FlateDecode filter (the same zlib.compress call, so the same bytes), for font
    subsets: compressing the three ~36 KB subsets was ~3 ms of every render."""

    pdfname = "FlateDecode"

    def encode(self, data: bytes) -> bytes:
        return _deflate(data)

    def decode(self, data: bytes) -> bytes:
        return zlib.decompress(data)


@lru_cache(maxsize=SUBSET_CACHE_SIZE)
def _deflate(data: bytes) -> bytes:
    return zlib.compress(data)


_SUBSET_FLATE = _CachedFlate()


class _SubsetCachingFace(TTFontFace):
    """A TTFont's face that remembers the subsets it built: the same characters in the same order
    (which every report of one kind uses) give the same font file, built and compressed once."""

    @lru_cache(maxsize=SUBSET_CACHE_SIZE)  # noqa: B019 (four faces, registered for good)
    def _subset(self, subset: tuple[int, ...]) -> bytes:
        return TTFontFace.makeSubset(self, list(subset))

    def makeSubset(self, subset):
        return self._subset(tuple(subset))

    def addSubsetObjects(self, doc, fontname, subset):
        """TTFontFace.addSubsetObjects (ReportLab 4.x/5.x) with the caching compressor."""
        font_file = pdfdoc.PDFStream()
        font_file.content = self.makeSubset(subset)
        font_file.dictionary["Length1"] = len(font_file.content)
        if doc.compression:
            font_file.filters = [_SUBSET_FLATE]
        font_file_ref = doc.Reference(font_file, f"fontFile:{self.filename}({fontname})")
        flags = (self.flags & ~FF_NONSYMBOLIC) | FF_SYMBOLIC
        descriptor = pdfdoc.PDFDictionary({
            "Type": "/FontDescriptor",
            "Ascent": self.ascent,
            "CapHeight": self.capHeight,
            "Descent": self.descent,
            "Flags": flags,
            "FontBBox": pdfdoc.PDFArray(self.bbox),
            "FontName": pdfdoc.PDFName(fontname),
            "ItalicAngle": self.italicAngle,
            "StemV": self.stemV,
            "FontFile2": font_file_ref,
            "MissingWidth": self.defaultWidth,
        })
        return doc.Reference(descriptor, "fontDescriptor:" + fontname)


class _BundledFont(TTFont):
    """A bundled face, registered by name at once and read on first use (from the face cache
    when it can, see face_cache.py): a report without bold italic never reads that face."""

    def __init__(self, name: str, path: Path) -> None:
        # Not TTFont.__init__: it would parse the file now. _load does the rest of its work.
        self.fontName = name
        self._path = path

    def __getattr__(self, attr: str) -> Any:
        # Reached only for attributes not set yet: the face and what TTFont.__init__ sets.
        if attr.startswith("__") or attr == "_path":
            raise AttributeError(attr)
        with _lock:
            if "face" not in vars(self):
                self._load()
        return object.__getattribute__(self, attr)

    # ReportLab's getAscentDescent asks the font, then (after the AttributeError a TTFont
    # raises) its face: answering here saves an exception per paragraph, ~3 ms a report.
    @property
    def ascent(self) -> float:
        return self.face.ascent

    @property
    def descent(self) -> float:
        return self.face.descent

    def _load(self) -> None:
        """What TTFont.__init__ sets (ReportLab 4.x/5.x), with the face from the cache."""
        self.face = load_face(self._path, _SubsetCachingFace)
        self.encoding = TTEncoding()
        self.state = WeakKeyDictionary()
        self._asciiReadable = rl_config.ttfAsciiReadable
        self.shapable = not any(fnmatch(self.fontName, glob) for glob in unShapedFontGlob)


def _register(face: str) -> None:
    # pdfmetrics.registerFont would read the face at once (it asks for its PostScript name);
    # getFont, which every layout and drawing call goes through, only looks the name up here.
    pdfmetrics._fonts[face] = _BundledFont(face, FONTS_DIR / f"{face}.ttf")


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
            _register(face)
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


_script_lock = threading.Lock()


_scripts_ready: set[str] = set()


def script_face(script: str, bold: bool = False) -> str:
    """The face name for a script's runs, registered (regular and bold) on first use."""
    regular, bold_face = SCRIPT_FACES[script]
    if script not in _scripts_ready:
        register_fonts()
        with _script_lock:
            if script not in _scripts_ready:
                for face in dict.fromkeys((regular, bold_face)):
                    _register(face)
                # <b>/<i> inside a script run pick the bold face (no italic faces: upright)
                for face in dict.fromkeys((regular, bold_face)):
                    addMapping(face, 0, 0, regular)
                    addMapping(face, 1, 0, bold_face)
                    addMapping(face, 0, 1, regular)
                    addMapping(face, 1, 1, bold_face)
                _scripts_ready.add(script)
    return bold_face if bold else regular


@cache
def _coverage(face: str) -> frozenset[int]:
    register_fonts()
    if face not in FACES:
        script_face(next(s for s, faces in SCRIPT_FACES.items() if face in faces))
    font = pdfmetrics.getFont(face)
    return frozenset(font.face.charToGlyph)


def missing_glyphs(text: str) -> set[str]:
    """Characters in ``text`` that no bundled face can draw in regular and bold (they would print
    as boxes): DejaVu Sans, or the face of the character's script.

    Line breaks and tabs are layout, not glyphs, and are never reported.
    """
    needed = set(text).difference("\n\r\t")
    if not needed:
        return set()
    covered = _covered()
    left = {ch for ch in needed if ord(ch) not in covered}
    if not left:
        return left
    from .scripts import script_of

    out = set()
    for ch in left:
        script = script_of(ch)
        faces = SCRIPT_FACES[script] if script else ()
        if not faces or any(ord(ch) not in _coverage(face) for face in faces):
            out.add(ch)
    return out


@cache
def _covered() -> frozenset[int]:
    """Code points both the regular and the bold face can draw (computed once per process)."""
    return _coverage(REGULAR) & _coverage(BOLD)
