"""Right-to-left stretches in a left-to-right line: where Arabic or Hebrew words (and what sits
between them) run right to left. The PDF draws them in visual order; the HTML isolates them."""

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


def _is_neutral_word(word: str) -> bool:
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
            elif _is_neutral_word(nxt):
                k += 2
            else:
                break
        lead, inner, trail = _split_edges("".join(words[i:j + 1]))
        out += [(lead, False), (inner, True), (trail, False)]
        i = j + 1
    return [(text, rtl) for text, rtl in out if text]
