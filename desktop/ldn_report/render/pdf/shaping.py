"""HarfBuzz shaping for paragraphs with script runs: a shaping copy of each style, and each word
shaped one face at a time."""

from __future__ import annotations

import unicodedata
from functools import cache

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.platypus import paragraph

_shape_with = ttfonts.shapeFragWord
# kerning, standard ligatures (and the required ones HarfBuzz always applies); not ReportLab's
# default discretionary ligatures, which write Allah or Muhammad as one ornamental sign
_FEATURES = {"kern": True, "liga": True}
# Glyphs HarfBuzz picked that have no code point of their own (conjuncts, half forms): ReportLab
# gives them private-use code points; these are the letters each stands for, per face name.
_glyph_letters: dict[tuple[str, int], str] = {}
_PRIVATE = (0xE000, 0xF8FF)


def _shape_one_face(word):
    shaped = _shape_with(word, _FEATURES)
    if shaped is not word:
        _remember_letters(shaped, "".join(s for f, s in word[1:] if not hasattr(f, "cbDefn")))
    return shaped


def _remember_letters(shaped, source: str) -> None:
    for frag, chars in shaped[1:]:
        data = getattr(chars, "__shapeData__", None)
        if not data or not any(_PRIVATE[0] <= ord(c) <= _PRIVATE[1] for c in chars):
            continue
        face = pdfmetrics.getFont(frag.fontName).face.name
        face = face.decode("latin-1") if isinstance(face, bytes) else face
        bounds = sorted({d.cluster for d in data} | {len(source)})
        for c, d in zip(chars, data, strict=False):
            if _PRIVATE[0] <= ord(c) <= _PRIVATE[1] and 0 <= d.cluster < len(source):
                end = bounds[bounds.index(d.cluster) + 1]
                others = {o for o, e in zip(chars, data, strict=False)
                          if e.cluster == d.cluster and o != c}
                letters = "".join(x for x in source[d.cluster:end] if x not in others)
                _glyph_letters.setdefault((face, ord(c)), letters or source[d.cluster:end])


def _shape_word(word):
    """ReportLab shapes a whole word with the face of its first piece; "محمد," or "(李)" mix two
    faces in one word, so each single-face stretch is shaped on its own and joined again."""
    if isinstance(word, ttfonts.ShapedFragWord):
        return word
    pieces = word[1:]
    names = {f.fontName for f, _ in pieces if not hasattr(f, "cbDefn")}
    if len(names) <= 1:
        return _shape_one_face(word)
    groups: list[list] = []
    for piece in pieces:
        f = piece[0]
        if groups and (hasattr(f, "cbDefn") or groups[-1][-1][0].fontName == f.fontName):
            groups[-1].append(piece)
        else:
            groups.append([piece])
    width = 0.0
    joined: list = []
    for group in groups:
        sub_width = sum(pdfmetrics.stringWidth(s, f.fontName, f.fontSize)
                        for f, s in group if not hasattr(f, "cbDefn"))
        shaped = _shape_one_face(word.__class__([sub_width, *group]))
        width += shaped[0]
        joined.extend(shaped[1:])
    return ttfonts.makeShapedFragWord(word)([width, *joined])


# paragraph.py calls the name it imported; this is the one place it is replaced.
paragraph.shapeFragWord = _shape_word


@cache
def shaping_style(style: ParagraphStyle) -> ParagraphStyle:
    """``style`` with HarfBuzz shaping on; used only for paragraphs that have script runs, so
    Latin-only text keeps ReportLab's faster unshaped path."""
    return ParagraphStyle(f"{style.name}-shaped", parent=style, shaping=1)


_PRESENTATION_FORMS = ((0xFB1D, 0xFDFF), (0xFE70, 0xFEFF))
_make_cmap = ttfonts.makeToUnicodeCMap


def _to_unicode_cmap(fontname: str, subset: list[int]) -> str:
    """ReportLab's ToUnicode CMap, with each shaped Arabic or Hebrew form (a presentation-form
    code point, e.g. U+FDF2 for the word Allah) mapped to the letters it stands for, so copied or
    extracted text gives the words as typed."""
    cmap = _make_cmap(fontname, subset)
    face = fontname.partition("+")[2]
    lines = []
    for i, code in enumerate(subset):
        letters = chr(code)
        if any(lo <= code <= hi for lo, hi in _PRESENTATION_FORMS):
            letters = unicodedata.normalize("NFKC", chr(code))
            # a reader puts right-to-left glyphs back in logical order one mapping at a time,
            # so a lam-alef sign's two letters are written in the order they are drawn
            if unicodedata.bidirectional(chr(code)) in ("R", "AL"):
                letters = letters[::-1]
        elif _PRIVATE[0] <= code <= _PRIVATE[1]:
            letters = _glyph_letters.get((face, code), letters)
        if letters != chr(code):
                utf16 = letters.encode("utf-16-be").hex().upper()
                lines.append((f"<{i:02X}> <{code:04X}>", f"<{i:02X}> <{utf16}>"))
    for old, new in lines:
        cmap = cmap.replace(old, new, 1)
    return cmap


ttfonts.makeToUnicodeCMap = _to_unicode_cmap
