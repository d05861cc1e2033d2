"""Clinic text blocks: a small safe markup with placeholders, parsed into the report's ClinicText.

The markup, all of it (anything else prints literally, ``<b>`` and ``&`` included)::

    **bold**            *italic*            ***bold italic***
    - a bullet          (a line starting with "- "; following lines that do not start a new
                        bullet or paragraph continue it)
    a blank line        starts a new paragraph; single line breaks inside a paragraph are spaces
    {clinic_phone}      a placeholder (see PLACEHOLDERS); an unknown name is an error
    {{ and }}           literal braces;  \\*  a literal asterisk;  \\\\  a literal backslash

Placeholder values are inserted *after* parsing, as plain text: a patient called ``**Ann**`` or
``<b>Ann</b>`` prints exactly that, never in bold.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from ..errors import InputError
from ..report import ClinicText, RichParagraph, Span

if TYPE_CHECKING:
    from ..context import PatientContext
    from .model import ClinicTemplate

# The template's text blocks, in the order the editor shows them, with their plain names.
TEXT_BLOCKS: dict[str, str] = {
    "introduction": "Introduction (top of \u201cWhy we are talking about LDN\u201d)",
    "how_to_get": "How to get LDN at this clinic (end of the monitoring plan)",
    "contact": "Contact (end of the safety section)",
    "after_hours": "After hours (end of the safety section)",
}
PLACEHOLDERS: dict[str, str] = {
    "clinic_name": "the clinic's name (branding)",
    "clinic_department": "the department (branding)",
    "clinic_phone": "the clinic's phone number (branding)",
    "clinic_address": "the clinic's address (branding)",
    "clinic_website": "the clinic's website (branding)",
    "patient_preferred_name": "the patient's first name; \u201cyou\u201d in a de-identified report",
    "clinician_name": "the clinician's name, or \u201cyour care team\u201d",
    "clinician_role": "the clinician's role",
    "appointment_date": "the appointment date (YYYY-MM-DD)",
}
MAX_BLOCK_CHARS = 4000
# An empty clinic detail prints as a line to write on, so a printed copy can be completed by hand.
BLANK = "______________"

_BULLET = re.compile(r"^\s*[-\u2022]\s+")
_NAME = re.compile(r"[a-z_]+")


@dataclass(frozen=True)
class _Piece:
    """Parsed inline content: literal text or a placeholder name, with its face."""

    text: str
    placeholder: bool
    bold: bool
    italic: bool


@dataclass(frozen=True)
class ParsedText:
    """A text block parsed once (at template load); fill it per patient with :func:`fill`."""

    key: str
    paragraphs: tuple[tuple[bool, tuple[_Piece, ...]], ...]  # (bullet, pieces)

    @property
    def placeholders(self) -> set[str]:
        return {p.text for _, pieces in self.paragraphs for p in pieces if p.placeholder}


def parse(key: str, source: str, where: str = "") -> ParsedText:
    """Parse one block; errors name ``text.<key>`` with the line and column in the block."""
    field = f"text.{key}"
    if len(source) > MAX_BLOCK_CHARS:
        raise InputError(field, f"is {len(source)} characters long; at most {MAX_BLOCK_CHARS} "
                         "are allowed", where=where)
    lines = source.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    for number, line in enumerate(lines, 1):
        bad = next((c for c in line if ord(c) < 32 and c != "\t"), None)
        if bad is not None:
            raise InputError(field, f"line {number}: contains a control character "
                             f"(U+{ord(bad):04X})", where=where)
    # Group lines into paragraphs: (bullet, [(line_no, col_offset, text), ...]).
    groups: list[tuple[bool, list[tuple[int, int, str]]]] = []
    current: tuple[bool, list[tuple[int, int, str]]] | None = None
    for number, line in enumerate(lines, 1):
        if not line.strip():
            current = None
            continue
        bullet = _BULLET.match(line)
        if bullet:
            current = (True, [(number, bullet.end(), line[bullet.end():])])
            groups.append(current)
        elif current is None:
            current = (False, [(number, 0, line)])
            groups.append(current)
        else:
            current[1].append((number, 0, line))
    paragraphs = tuple((bullet, _inline(field, parts, where)) for bullet, parts in groups)
    return ParsedText(key, tuple(p for p in paragraphs if p[1]))


def _inline(field: str, parts: list[tuple[int, int, str]], where: str) -> tuple[_Piece, ...]:
    pieces: list[_Piece] = []
    bold = italic = False
    opened: dict[str, tuple[int, int]] = {}
    buf: list[str] = []

    def flush() -> None:
        if buf:
            pieces.append(_Piece("".join(buf), False, bold, italic))
            buf.clear()

    for index, (number, offset, line) in enumerate(parts):
        if index:
            buf.append(" ")
        text = line.strip() if index else line.rstrip()
        lead = len(line) - len(line.lstrip()) if index else 0
        i = 0
        while i < len(text):
            col = offset + lead + i + 1
            ch = text[i]
            if ch == "\\" and i + 1 < len(text) and text[i + 1] in "\\*{}":
                buf.append(text[i + 1])
                i += 2
            elif text.startswith("{{", i) or text.startswith("}}", i):
                buf.append(ch)
                i += 2
            elif ch == "{":
                end = text.find("}", i)
                name = text[i + 1:end] if end != -1 else ""
                if end == -1:
                    raise InputError(field, f"line {number}, column {col}: \u201c{{\u201d is not "
                                     "closed; write {{ for a literal brace", where=where)
                if name not in PLACEHOLDERS:
                    raise InputError(field, f"line {number}, column {col}: unknown placeholder "
                                     f"{{{name}}}; allowed: "
                                     + ", ".join(f"{{{p}}}" for p in PLACEHOLDERS), where=where)
                flush()
                pieces.append(_Piece(name, True, bold, italic))
                i = end + 1
            elif ch == "*":
                flush()
                if text.startswith("**", i):
                    bold = not bold
                    opened["**"] = (number, col)
                    i += 2
                else:
                    italic = not italic
                    opened["*"] = (number, col)
                    i += 1
            else:
                buf.append(ch)
                i += 1
    flush()
    for mark, still_open in (("**", bold), ("*", italic)):
        if still_open:
            number, col = opened[mark]
            what = "bold" if mark == "**" else "italic"
            raise InputError(field, f"line {number}, column {col}: {what} \u201c{mark}\u201d is "
                             f"not closed in this paragraph; write \\* for a literal asterisk",
                             where=where)
    return tuple(p for p in pieces if p.placeholder or p.text)


def fill(parsed: ParsedText, values: dict[str, str]) -> ClinicText:
    """The block with each placeholder replaced by its value, as plain text (never markup)."""
    paragraphs: list[RichParagraph] = []
    for bullet, pieces in parsed.paragraphs:
        spans: list[Span] = []
        for piece in pieces:
            text = values.get(piece.text, BLANK) if piece.placeholder else piece.text
            if piece.placeholder and text in ("you", "usted") and _sentence_start(spans):
                text = text.capitalize()
            if spans and (spans[-1].bold, spans[-1].italic) == (piece.bold, piece.italic):
                spans[-1] = Span(spans[-1].text + text, piece.bold, piece.italic)
            elif text:
                spans.append(Span(text, piece.bold, piece.italic))
        if spans:
            paragraphs.append(RichParagraph(tuple(spans), bullet))
    return ClinicText(tuple(paragraphs), parsed.key)


def _sentence_start(spans: list[Span]) -> bool:
    before = "".join(s.text for s in spans).rstrip()
    return not before or before[-1] in ".!?:"


def placeholder_values(ctx: PatientContext, template: ClinicTemplate,
                       language: str = "en") -> dict[str, str]:
    """Every placeholder's value for this patient; a de-identified report never gets a name."""
    from ..i18n import format_date, report_texts

    t = report_texts(language)
    b = template.branding
    first = ctx.patient_name.split()[0] if ctx.patient_name.split() else ""
    values = {
        "clinic_name": b.clinic_name,
        "clinic_department": b.department,
        "clinic_phone": b.phone,
        "clinic_address": b.address,
        "clinic_website": b.website,
        "patient_preferred_name": t["fill.you"] if ctx.patient_deidentified or not first
        else first,
        "clinician_name": ctx.clinician_name or t["fill.care_team"],
        "clinician_role": ctx.clinician_role,
        "appointment_date": format_date(ctx.appointment_date, language),
    }
    return {k: (v.strip() or BLANK) for k, v in values.items()}


def clinic_text(key: str, ctx: PatientContext, template: ClinicTemplate,
                language: str = "") -> ClinicText | None:
    """The template's block ``key`` in ``language`` (default: the template's own) filled for
    this patient, or None when the template has none in that language."""
    source = texts_in(template, language).get(key, "")
    if not source.strip():
        return None
    block = fill(_parsed(key, source), placeholder_values(ctx, template, language or "en"))
    return block if block.paragraphs else None


@lru_cache(maxsize=256)
def _parsed(key: str, source: str) -> ParsedText:
    """parse(), once per text: every report (and batch row) of a template has the same blocks,
    and a ParsedText is immutable, so reports share it."""
    return parse(key, source)


def texts_in(template: ClinicTemplate, language: str = "") -> dict[str, str]:
    """The template's text blocks written for a report in ``language``: its own blocks in its
    own language, else the ones under [text.<language>] (none: nothing in the wrong language)."""
    own = template.language.replace("_", "-").split("-")[0].lower()
    if not language or language == own:
        return template.text_blocks
    return template.texts_by_language.get(language, {})
