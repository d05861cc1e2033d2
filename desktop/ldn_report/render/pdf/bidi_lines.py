"""Right-to-left words in visual order, line by line, after the paragraph's lines are broken.

Lines are broken on the text in logical order, so a long Arabic or Hebrew stretch that runs
over several lines starts on the first line with its first words; only then are the words of
each line's right-to-left stretch drawn right to left (HarfBuzz already drew each word's
letters right to left). ReportLab's own bidi needs ``rlbidi`` (GPL, not on PyPI).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from reportlab.pdfbase.ttfonts import ShapedStr

from ldn_report.render import text_direction

from . import fonts

RTL_FACES = frozenset(face for script in ("arabic", "hebrew")
                      for face in fonts.SCRIPT_FACES[script])
# Inside a line's other frags: runs of spaces, single punctuation marks, and the rest.
_TOKENS = re.compile(r" +|[^\w ]|[\w]+")


def _is_rtl(frag: object) -> bool:
    return getattr(frag, "fontName", None) in RTL_FACES


def _tokens(words: Sequence[object]) -> list[object]:
    """The line's frags, those not in a right-to-left face cut into spaces, single
    punctuation marks and words, so that each stands for one character of the proxy line."""
    out: list[object] = []
    for frag in words:
        text = getattr(frag, "text", "")
        # A shaped frag stays whole: a piece of it may start with a glyph raised by HarfBuzz (a
        # combining mark), which ReportLab cannot start a text run with.
        if _is_rtl(frag) or len(text) <= 1 or isinstance(text, ShapedStr):
            out.append(frag)
        else:
            out += [frag.clone(text=piece)  # type: ignore[attr-defined]
                    for piece in _TOKENS.findall(text)]
    return out


def _proxy(frag: object) -> str:
    """One character that has the frag's direction, for text_direction's rules."""
    text = str(getattr(frag, "text", ""))
    if _is_rtl(frag):
        return "\u05d0"  # a Hebrew letter: strong right to left
    if not text:
        return "\u2060"  # a link's marker: neutral, no width
    if text.isspace():
        return " "
    if text_direction.is_neutral(text):  # one mark, or a shaped frag of marks only
        return text.strip()[0]
    return "a"  # a Latin word, digits, CJK: strong left to right


def visual_words(words: Sequence[object]) -> list[object]:
    """One line's frags in the order they are drawn (text_direction.visual_order)."""
    tokens = _tokens(words)
    line = "".join(_proxy(t) for t in tokens)
    out = []
    for i, turned in text_direction.visual_order(line):
        frag = tokens[i]
        if turned and len(line[i]) == 1 and text_direction.mirror_char(line[i]) != line[i]:
            frag = frag.clone(text=text_direction.mirror_char(line[i]))  # type: ignore[attr-defined]
        out.append(frag)
    return out


def has_rtl(lines: Sequence[object]) -> bool:
    return any(_is_rtl(w) for line in lines for w in getattr(line, "words", ()))


def visual_lines(lines: Sequence[object]) -> list[object]:
    """A paragraph's broken lines (ReportLab FragLines) as they are drawn."""
    return [line.clone(words=visual_words(line.words))  # type: ignore[attr-defined]
            if any(_is_rtl(w) for w in getattr(line, "words", ())) else line
            for line in lines]
