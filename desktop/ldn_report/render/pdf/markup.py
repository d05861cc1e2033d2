"""Plain text from the Report model -> safe ReportLab Paragraph markup (escape first, tag later)."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Container, Iterable

from . import fonts, scripts


def escape(value: str, entities: dict[str, str] | None = None) -> str:
    """``xml.sax.saxutils.escape``: &, < and > (and ``entities``) as entities. Written out here
    because importing saxutils imports urllib.request, http.client and ssl (milliseconds of
    every CLI run) for a function of three replacements."""
    value = value.replace("&", "&amp;").replace(">", "&gt;").replace("<", "&lt;")
    for char, entity in (entities or {}).items():
        value = value.replace(char, entity)
    return value

# C0/C1 control characters (other than line breaks and tabs) break the paragraph parser.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_SAFE_SCHEMES = ("https://", "http://")


def text(value: str, bold: bool = False) -> str:
    """Escape plain text for a Paragraph: nothing in it can become a tag; "\\n" is a line break.

    Runs in Arabic, Hebrew, Devanagari, Thai or CJK get their script's face (a <font> tag added
    after escaping), in logical order: Para draws right-to-left words in visual order once the
    lines are broken (bidi_lines.py). A <font> tag
    sets its face's weight, so ``bold`` text names the bold face (Para does the same for a bold
    style).
    """
    value = unicodedata.normalize("NFC", value)
    value = _CONTROL.sub("", value).replace("\r\n", "\n").replace("\r", "\n")
    value = value.replace("\t", " ")
    if not scripts.needs_script_face(value):
        return escape(value).replace("\n", "<br/>")
    return "<br/>".join(_in_script_faces(line, bold) for line in value.split("\n"))


def _in_script_faces(line: str, bold: bool) -> str:
    out = []
    for script, run in scripts.runs(line):
        if script is None:
            out.append(escape(run))
        else:
            out.append(f'<font name="{fonts.script_face(script, bold)}">{escape(run)}</font>')
    return "".join(out)


def needs_shaping(markup: str) -> bool:
    """Whether Paragraph markup has a script run that HarfBuzz must shape (see text())."""
    return '<font name="' in markup and any(
        f'<font name="{face}">' in markup
        for faces in fonts.SCRIPT_FACES.values() for face in faces)


def in_bold_faces(markup: str) -> str:
    """Markup for a bold style: its script runs name their bold faces (see text())."""
    for regular, bold in fonts.SCRIPT_FACES.values():
        markup = markup.replace(f'<font name="{regular}">', f'<font name="{bold}">')
    return markup


def span(value: str, bold: bool = False, italic: bool = False) -> str:
    """Escaped text in the face the model asks for (tags added after escaping)."""
    out = text(value, bold)
    if italic:
        out = f"<i>{out}</i>"
    if bold:
        out = f"<b>{out}</b>"
    return out


def attribute(value: str) -> str:
    """Escape a value for a double-quoted markup attribute."""
    return escape(value, {'"': "&quot;"})


def anchor_name(ref_id: str) -> str:
    """A stable PDF destination name for a reference; odd ids get a hash so none collide."""
    safe = re.sub(r"[^A-Za-z0-9_.-]", "_", ref_id)
    if safe != ref_id:
        safe += "-" + hashlib.sha1(ref_id.encode()).hexdigest()[:8]
    return "ref-" + safe


def citation(numbers_and_ids: Iterable[tuple[int, str]], colour_hex: str,
             linked: Container[str]) -> str:
    """Bracketed citation numbers, each an internal link to its reference entry: "[1, 3]".

    Brackets at full text size rather than superscripts: small raised digits are hard to read
    and to hit with a finger on a tablet, and large print must not shrink anything.
    """
    links = [
        f'<a href="#{anchor_name(ref_id)}" color="{colour_hex}">{number}</a>'
        if ref_id in linked else str(number)
        for number, ref_id in numbers_and_ids
    ]
    return "[" + ", ".join(links) + "]" if links else ""


def external_link(label: str, url: str, colour_hex: str) -> str:
    """A URI link for DOI/PMID/label pages; a non-web URL prints as text and is never linked."""
    if url.lower().startswith(_SAFE_SCHEMES):
        return f'<a href="{attribute(url)}" color="{colour_hex}"><u>{text(label)}</u></a>'
    return text(label)
