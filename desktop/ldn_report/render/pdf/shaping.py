"""HarfBuzz shaping for paragraphs with script runs: a shaping copy of each style, and each word
shaped one face at a time."""

from __future__ import annotations

import unicodedata
from functools import cache

import uharfbuzz
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
        source = "".join(s for f, s in word[1:] if not hasattr(f, "cbDefn"))
        _remember_letters(shaped, source)
        shaped = _in_reading_order(shaped, source)
    return shaped


def _face_name(font) -> str:
    face = font.face.name
    return face.decode("latin-1") if isinstance(face, bytes) else face


def _letters(face: str, char: str) -> str:
    code = ord(char)
    if _PRIVATE[0] <= code <= _PRIVATE[1]:
        return _glyph_letters.get((face, code), char)
    return char


def _in_reading_order(shaped, source: str):
    """Give the glyphs of a cluster drawn out of the text's order code points that read back in
    the text's order: Devanagari's vowel sign i (ि) is drawn left of its consonant and a reph
    (र्) after the consonant it comes before, so reading the glyphs left to right (pdftotext,
    copy and paste) gave "िक" for "कि". The glyphs drawn stay the same; each such glyph gets a
    private code point (of its own glyph) whose ToUnicode entry is the letters due at its place.
    """
    pieces = [(f, s) for f, s in shaped[1:] if getattr(s, "__shapeData__", None)]
    if not pieces:
        return shaped
    bounds = sorted({d.cluster for _, s in pieces for d in s.__shapeData__} | {len(source)})
    changed = False
    out = [shaped[0]]
    for piece in shaped[1:]:
        frag, chars = piece
        data = getattr(chars, "__shapeData__", None)
        if not data:
            out.append(piece)
            continue
        font = pdfmetrics.getFont(frag.fontName)
        face = _face_name(font)
        new = list(chars)
        i = 0
        while i < len(new):
            j = i
            while j + 1 < len(new) and data[j + 1].cluster == data[i].cluster:
                j += 1
            start = data[i].cluster
            if j > i and 0 <= start < len(source):
                text = source[start:bounds[bounds.index(start) + 1]]
                gids = [font.face.charToGlyph.get(ord(c)) for c in new[i:j + 1]]
                found = _cluster_letters(font, text, gids)
                for k, letters in enumerate(found or (), start=i):
                    if _PRIVATE[0] <= ord(new[k]) <= _PRIVATE[1]:
                        # what this glyph stands for, not its whole cluster (which a glyph of
                        # a one-glyph cluster, a ligature, does stand for: _remember_letters)
                        _glyph_letters[(face, ord(new[k]))] = letters
                wanted = _text_order(text, found or [_letters(face, c) for c in new[i:j + 1]])
                for k, want in enumerate(wanted or (), start=i):
                    if _letters(face, new[k]) != want:
                        gid = font.face.charToGlyph[ord(new[k])]
                        code = font.hbAddPrivate(f"ldn-reads:{gid}:{want}", gid,
                                                 font.face.charWidths[ord(new[k])])
                        _glyph_letters[(face, code)] = want
                        new[k] = chr(code)
                        changed = True
            i = j + 1
        out.append((frag, ttfonts.ShapedStr("".join(new), shapeData=data)))
    if not changed:
        return shaped
    return shaped.__class__(out)


def _cluster_letters(font, text: str, gids: list[int | None]) -> list[str] | None:
    """The letters of ``text`` each of its glyphs (drawn in ``gids``, left to right) stands
    for, from HarfBuzz shaping the cluster again without merging clusters; None when that
    gives other glyphs or two glyphs share letters."""
    buf = uharfbuzz.Buffer()
    buf.cluster_level = uharfbuzz.BufferClusterLevel.CHARACTERS
    buf.add_str(text)
    buf.guess_segment_properties()
    uharfbuzz.shape(font.hbFont(10), buf, _FEATURES)
    infos = buf.glyph_infos
    clusters = [info.cluster for info in infos]
    if [info.codepoint for info in infos] != gids or len(set(clusters)) != len(clusters):
        return None
    ends = [*sorted(clusters), len(text)]
    return [text[c:ends[ends.index(c) + 1]] for c in clusters]


def _text_order(text: str, letters: list[str]) -> list[str] | None:
    """The glyphs' letters put in the order the text has them, when they spell the text
    (each found once) but not in drawn order; else None. Right-to-left text is left alone."""
    if "".join(letters) == text or any(
            unicodedata.bidirectional(c) in ("R", "AL") for c in text):
        return None
    where = [text.find(piece) for piece in letters]
    if -1 in where or len(set(where)) != len(where):
        return None
    ordered = [piece for _, piece in sorted(zip(where, letters, strict=True))]
    return ordered if "".join(ordered) == text else None


def _remember_letters(shaped, source: str) -> None:
    for frag, chars in shaped[1:]:
        data = getattr(chars, "__shapeData__", None)
        if not data or not any(_PRIVATE[0] <= ord(c) <= _PRIVATE[1] for c in chars):
            continue
        face = _face_name(pdfmetrics.getFont(frag.fontName))
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
