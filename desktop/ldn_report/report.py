"""The Report model: plain data (sections of blocks) that any renderer (PDF, text, HTML) can draw.

All text here is plain text, never markup: renderers escape it. Citations are reference ids
(``cites``); the renderer turns them into numbered links to the reference list.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Audience = Literal["patient", "clinician"]
CalloutKind = Literal["warning", "caution", "expectation", "info"]


@dataclass(frozen=True)
class Paragraph:
    """A run of plain text with the references that support it (cited at its end)."""

    text: str
    cites: tuple[str, ...] = ()
    style: Literal["body", "lead", "small", "quote"] = "body"


@dataclass(frozen=True)
class Subheading:
    """A heading inside a section (not in the outline)."""

    text: str


@dataclass(frozen=True)
class BulletList:
    """Bulleted paragraphs."""

    items: tuple[Paragraph, ...]


@dataclass(frozen=True)
class Callout:
    """A boxed message: a safety warning, a caution, an expectation to set, or a note."""

    kind: CalloutKind
    title: str
    body: tuple[Paragraph, ...]


@dataclass(frozen=True)
class Table:
    """A table of plain-text cells; ``row_cites`` are appended to the row's last cell,
    ``cell_cites`` (same shape as ``rows``) to each cell, e.g. an option grid's."""

    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    col_widths: tuple[float, ...] = ()  # relative weights; empty = equal
    row_cites: tuple[tuple[str, ...], ...] = ()
    caption: str = ""
    cell_cites: tuple[tuple[tuple[str, ...], ...], ...] = ()
    row_headers: bool = False  # the first column names the row (printed bold)

    def cites_for(self, row: int, col: int) -> tuple[str, ...]:
        """The citations printed after one cell."""
        cites = self.cell_cites[row][col] if row < len(self.cell_cites) else ()
        ncols = len(self.rows[row])
        if col == ncols - 1 and row < len(self.row_cites):
            cites = (*cites, *self.row_cites[row])
        return cites


@dataclass(frozen=True)
class TimelinePoint:
    """One labelled point on a Timeline."""

    label: str  # e.g. "Start"
    week: float  # position on the axis, in weeks from the start


@dataclass(frozen=True)
class Timeline:
    """A simple drawing: a horizontal axis in weeks with labelled points."""

    points: tuple[TimelinePoint, ...]
    caption: str = ""
    unit: str = "weeks"  # the axis unit, in the report's language


@dataclass(frozen=True)
class FactList:
    """Label/value pairs, e.g. the patient block in the header."""

    items: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Checklist:
    """Boxes to tick by hand in the discussion record; ``lead`` (if any) introduces them."""

    items: tuple[str, ...]
    lead: str = ""


@dataclass(frozen=True)
class SignatureLines:
    """One signature line (with name and date) for each role, e.g. Patient, Clinician."""

    roles: tuple[str, ...]
    labels: tuple[str, str, str] = ("Signature", "Name (print)", "Date")  # under each line


@dataclass(frozen=True)
class ReferenceEntry:
    """One numbered reference as printed; ``links`` are (label, url) pairs, e.g. DOI and PMID."""

    id: str
    number: int
    text: str
    links: tuple[tuple[str, str], ...] = ()
    note: str = ""


@dataclass(frozen=True)
class ReferenceList:
    """The numbered reference list."""

    entries: tuple[ReferenceEntry, ...]


@dataclass(frozen=True)
class Span:
    """A run of plain text in one face; the renderer escapes ``text`` and adds the face itself."""

    text: str
    bold: bool = False
    italic: bool = False


@dataclass(frozen=True)
class RichParagraph:
    """A paragraph of spans; consecutive ``bullet`` paragraphs print as one bulleted list."""

    spans: tuple[Span, ...]
    bullet: bool = False

    @property
    def text(self) -> str:
        return "".join(span.text for span in self.spans)


@dataclass(frozen=True)
class ClinicText:
    """A clinic's own wording (from its template), placeholders already filled with plain text.

    ``key`` says which template text block it came from, e.g. ``introduction`` or ``contact``.
    """

    paragraphs: tuple[RichParagraph, ...]
    key: str = ""


Block = (
    Paragraph | Subheading | BulletList | Callout | Table | Timeline | FactList | Checklist
    | SignatureLines | ReferenceList | ClinicText
)


@dataclass(frozen=True)
class Section:
    """One report section. ``id`` is stable (templates refer to it); ``title`` may be renamed."""

    id: str
    title: str
    blocks: tuple[Block, ...]
    audience: Audience = "patient"
    page_break_before: bool = False


@dataclass(frozen=True)
class RuleHit:
    """A content rule that fired for this patient, said in words for the clinician's panel."""

    rule: str
    description: str
    severity: Literal["info", "caution", "warning"] = "info"


@dataclass(frozen=True)
class ReportMeta:
    """What every page and the PDF metadata say about the report."""

    title: str
    subject: str
    author: str  # the clinic
    language: str  # a language tag (en, en-GB, es); its primary subtag picks the report texts
    template_name: str  # as the register and the chart note keep it (English for a built-in)
    pack_version: str
    pack_date: str
    generated_on: str  # ISO date
    deidentified: bool
    patient_label: str  # the patient's name, or "De-identified"; never a name when deidentified
    clinician: str = ""
    appointment_date: str = ""
    # The clinic's letterhead (the template's branding) and footer line, so that every renderer
    # can print them. ``letterhead`` False = pre-printed paper: renderers show none of the
    # letterhead lines (the clinic name in ``author`` stays document metadata).
    clinic_department: str = ""
    clinic_address: str = ""
    clinic_phone: str = ""
    clinic_website: str = ""
    letterhead: bool = True
    footer_text: str = ""
    # A translated report not yet reviewed by a qualified medical translator says so here too.
    footer_notice: str = ""
    # The template as the footer names it, in the report's language (template_name's words).
    template_label: str = ""


@dataclass(frozen=True)
class Report:
    """A whole report: its metadata, sections in order, references and the rules that fired."""

    meta: ReportMeta
    sections: tuple[Section, ...]
    references: tuple[ReferenceEntry, ...]  # numbered once, in pack order
    hits: tuple[RuleHit, ...] = ()

    def section(self, section_id: str) -> Section | None:
        return next((s for s in self.sections if s.id == section_id), None)
