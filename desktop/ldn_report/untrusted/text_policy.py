"""One policy for invisible and direction-changing characters in every text field and route.

Identifying fields (patient name, record number, date of birth, clinician name) REFUSE them:
a right-to-left override in a record number made the PDF (which does no bidi reordering) show
one number and the form and HTML (which do) another, under one content hash. Free text (notes,
DMT name, clinic texts, template names) has them REMOVED: nothing there identifies a patient,
and a stray mark pasted from a web page should not stop a report.

ZWNJ (U+200C) and ZWJ (U+200D) are needed in some scripts: Persian and other Arabic-script
languages use ZWNJ to stop a letter joining the next (می‌خواهم), and Indic scripts use both
after a virama to pick half or full consonant forms (क्‍ष). Between Latin letters they are
invisible and only make two names that look alike differ. So, as IDNA does (RFC 5892, appendix
A.1/A.2), an identifier may hold ZWJ only right after a virama, and ZWNJ after a virama or
between two Arabic-script letters (joining context; combining marks in between are skipped).
"""

from __future__ import annotations

import unicodedata

from ..errors import InputError

ZWNJ, ZWJ = "\u200c", "\u200d"
# Line-like controls and separators: in free text they end a line (or become a space).
LINE_BREAKS = frozenset("\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")
# Not category Cf, but invisible and ignorable: fillers and the combining grapheme joiner.
INVISIBLE = frozenset("\u034f\u115f\u1160\u17b4\u17b5\u180b\u180c\u180d\u180f\u3164\uffa0")

# Mongolian free variation selectors pick a letter's form: kept after a Mongolian letter.
MONGOLIAN_SELECTORS = frozenset("\u180b\u180c\u180d\u180f")


def _is_variation_selector(char: str) -> bool:
    code = ord(char)
    return 0xFE00 <= code <= 0xFE0F or 0xE0100 <= code <= 0xE01EF


def _neighbour(text: str, index: int, step: int) -> str:
    """The nearest character before (step -1) or after (+1) ``index`` that is not a mark."""
    index += step
    while 0 <= index < len(text) and unicodedata.category(text[index]) == "Mn":
        index += step
    return text[index] if 0 <= index < len(text) else ""


def _joiner_allowed(text: str, index: int) -> bool:
    """ZWJ/ZWNJ at ``index`` is allowed in an identifier (RFC 5892 CONTEXTJ, approximated)."""
    if index > 0 and unicodedata.combining(text[index - 1]) == 9:  # after a virama
        return True
    if text[index] == ZWNJ:
        before, after = _neighbour(text, index, -1), _neighbour(text, index, +1)
        return bool(before and after) and all(
            unicodedata.bidirectional(c) == "AL" and unicodedata.category(c).startswith("L")
            for c in (before, after))
    return False


def hidden_character(text: str) -> tuple[int, str] | None:
    """The first (index, char) an identifier must not hold, or None.

    Refused: controls, unpaired surrogates, format characters (bidi controls, zero-width
    spaces, BOM, tag characters, interlinear annotation, soft hyphen, ...) except ZWJ/ZWNJ in
    their joining contexts, line and paragraph separators, invisible fillers, and variation
    selectors that do not follow an ideograph or a symbol.
    """
    for index, char in enumerate(text):
        category = unicodedata.category(char)
        if category in ("Cc", "Cs", "Zl", "Zp"):
            return index, char
        if char in INVISIBLE and not (char in MONGOLIAN_SELECTORS and index
                                      and 0x1800 <= ord(text[index - 1]) <= 0x18AF):
            return index, char
        if category == "Cf" and not (char in (ZWJ, ZWNJ) and _joiner_allowed(text, index)):
            return index, char
        if _is_variation_selector(char):
            before = text[index - 1] if index else ""
            if not before or not (unicodedata.category(before) == "So"
                                  or unicodedata.name(before, "").startswith("CJK")):
                return index, char
    return None


def describe(char: str) -> str:
    """``U+202E RIGHT-TO-LEFT OVERRIDE``: what the user has to look for."""
    name = unicodedata.name(char, "")
    return f"U+{ord(char):04X}" + (f" {name}" if name else "")


def check_identifier(field: str, text: str) -> str:
    """``text`` unchanged, or InputError naming the field, the character and its position
    (never the value: it identifies a patient)."""
    found = hidden_character(text)
    if found is None:
        return text
    index, char = found
    category = unicodedata.category(char)
    if category == "Cs":
        kind = "a broken character (an unpaired surrogate)"
    elif category == "Cc" or char in LINE_BREAKS:
        kind = "a control character"
    else:
        kind = "an invisible formatting character"
    # Short enough to sit beside the form field; the README says why these are refused.
    raise InputError(field, f"has {kind} at position {index + 1} ({describe(char)}); "
                     "retype it with visible characters only")


def neutralize(text: str, multiline: bool = False) -> str:
    """Free text without invisible format characters and controls.

    Line-like controls become a line break (``multiline``) or a space; tabs stay in multi-line
    text; other controls and format characters are removed, except ZWJ/ZWNJ (scripts and emoji
    need them, and in free text they cannot change what a reader takes for an identifier).
    Unpaired surrogates are left for the field check to refuse: they are broken text, not marks.
    """
    text = text.replace("\r\n", "\n")
    out: list[str] = []
    for char in text:
        category = unicodedata.category(char)
        if char == "\n" or char in LINE_BREAKS:
            out.append("\n" if multiline else " ")
        elif char == "\t":
            out.append("\t" if multiline else " ")
        elif (category == "Cf" and char not in (ZWJ, ZWNJ)) or category == "Cc":
            continue
        else:
            out.append(char)
    return "".join(out)
