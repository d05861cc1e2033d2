"""Right-to-left stretches in a left-to-right line: where Arabic or Hebrew words (and what sits
between them) run right to left. The HTML isolates them; the PDF draws them right to left line
by line (render/pdf/bidi_lines.py)."""

from __future__ import annotations

import re
import unicodedata

_RTL = ("R", "AL")
_MIRROR = dict(zip("()[]{}<>«»", ")(][}{><»«", strict=True))
_OPENERS = "([{<«"
_CLOSERS = ")]}>»"
EDGE = re.compile(r"^(\W*)(.*?)(\W*)$", re.S)


def has_rtl(text: str) -> bool:
    return any(unicodedata.bidirectional(c) in _RTL for c in text)


def is_neutral(word: str) -> bool:
    """No letter or digit with a direction of its own: spaces, punctuation, symbols."""
    return not any(unicodedata.bidirectional(c) in ("L", "R", "AL", "EN", "AN") for c in word)


def mirrored(neutrals: str) -> str:
    """Neutral characters drawn right to left: reversed, brackets turned round."""
    return "".join(_MIRROR.get(c, c) for c in reversed(neutrals))


def _split_edges(stretch: str) -> tuple[str, str, str]:
    """Punctuation before the first or after the last word of a right-to-left stretch stays in
    the line's left-to-right order, except a bracket whose partner is inside the stretch."""
    lead, inner, trail = EDGE.match(stretch).groups()
    while trail and trail[0] in _CLOSERS and (
            inner.count(_MIRROR[trail[0]]) > inner.count(trail[0])):
        inner, trail = inner + trail[0], trail[1:]
    while lead and lead[-1] in _OPENERS and (
            inner.count(_MIRROR[lead[-1]]) > inner.count(lead[-1])):
        inner, lead = lead[-1] + inner, lead[:-1]
    return lead, inner, trail


def stretches(line: str) -> list[tuple[str, bool]]:
    """``line`` cut into (text, right_to_left) pieces that join back to it: a right-to-left
    piece runs from the first to the last of a series of Arabic or Hebrew words, over the
    spaces and purely neutral words ("-", "&", "·") between them."""
    if not has_rtl(line):
        return [(line, False)]
    words = re.split(r"( +)", line)
    out: list[tuple[str, bool]] = []
    i = 0
    while i < len(words):
        if not (words[i] and has_rtl(words[i])):
            out.append((words[i], False))
            i += 1
            continue
        j = k = i
        while k + 2 < len(words):
            nxt = words[k + 2]
            if has_rtl(nxt):
                j = k = k + 2
            elif is_neutral(nxt):
                k += 2
            else:
                break
        lead, inner, trail = _split_edges("".join(words[i:j + 1]))
        out += [(lead, False), (inner, True), (trail, False)]
        i = j + 1
    return [(text, rtl) for text, rtl in out if text]


def visual_order(line: str) -> list[tuple[int, bool]]:
    """The order ``line``'s characters are drawn left to right, as (index in ``line``,
    mirrored): each right-to-left stretch's words in reverse order, the punctuation at a
    word's edges on its other side, brackets turned round. The letters inside a word keep
    their typed order (HarfBuzz reverses them as it shapes the word)."""
    out: list[tuple[int, bool]] = []
    start = 0
    for segment, rtl in stretches(line):
        if not rtl:
            out += [(i, False) for i in range(start, start + len(segment))]
        else:
            parts = []
            at = start
            for word in re.split(r"( +)", segment):
                parts.append((at, word))
                at += len(word)
            for at, word in reversed(parts):
                before, core, _after = EDGE.match(word).groups()
                b, c = at + len(before), at + len(before) + len(core)
                out += [(i, True) for i in reversed(range(c, at + len(word)))]
                out += [(i, False) for i in range(b, c)]
                out += [(i, True) for i in reversed(range(at, b))]
        start += len(segment)
    return out


def visual_words(line: str) -> str:
    """``line`` as drawn left to right (see visual_order)."""
    return "".join(_MIRROR.get(line[i], line[i]) if turned else line[i]
                   for i, turned in visual_order(line))


def mirror_char(c: str) -> str:
    return _MIRROR.get(c, c)
