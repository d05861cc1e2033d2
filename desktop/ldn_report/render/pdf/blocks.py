"""Report blocks -> ReportLab flowables (every model string is escaped in markup.py first)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from reportlab.lib.colors import Color
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table, TableStyle

from ldn_report import report as model
from ldn_report.render.pdf import fonts, markup
from ldn_report.render.pdf.columns import break_at_hyphens, column_widths
from ldn_report.render.pdf.flowables import (
    ChecklistItem,
    Para,
    callout_table,
    signature_table,
)
from ldn_report.render.pdf.styles import RULE, StyleSet
from ldn_report.render.pdf.timeline import TimelineDrawing

SHORT_CALLOUT_CHARS = 700
HUGE_CELL_CHARS = 1200
SHORT_LIST_ITEMS = 8
SHORT_LIST_CHARS = 900


def hex_of(colour: Color) -> str:
    return "#" + colour.hexval()[2:]


@dataclass
class BlockRenderer:
    """Turns one report's blocks into flowables for a frame ``width`` points wide."""

    report: model.Report
    styles: StyleSet
    width: float
    linked: frozenset[str] | set[str] = frozenset()  # reference ids printed with an anchor

    def __post_init__(self) -> None:
        self.link_colour = hex_of(self.styles.link)
        self._numbers = {r.id: r.number for r in self.report.references}

    # -- text -------------------------------------------------------------------------------

    def cites(self, ref_ids: Sequence[str]) -> str:
        """Markup for a citation; an id the report does not list is a composing bug, so say so."""
        unknown = [r for r in ref_ids if r not in self._numbers]
        if unknown:
            raise ValueError(f"citation to a reference the report does not list: {unknown[0]!r}")
        pairs = sorted({(self._numbers[r], r) for r in ref_ids})
        # Only link to anchors that exist: a template may hide the reference list.
        return markup.citation(pairs, self.link_colour, self.linked)

    def para_markup(self, para: model.Paragraph) -> str:
        cite = self.cites(para.cites)
        return markup.text(para.text) + (f"\u00a0{cite}" if cite else "")

    def paragraph(self, para: model.Paragraph) -> Para:
        style = {
            "lead": self.styles.lead,
            "small": self.styles.small,
            "quote": self.styles.quote,
        }.get(para.style, self.styles.body)
        return Para(self.para_markup(para), style)

    # -- blocks -----------------------------------------------------------------------------

    def block(self, block: model.Block) -> list[Flowable]:
        handler: Callable[[object], list[Flowable]] | None = getattr(
            self, "_" + type(block).__name__.lower(), None
        )
        if handler is None:
            raise TypeError(f"the PDF renderer cannot draw a {type(block).__name__}")
        return handler(block)

    def _paragraph(self, block: model.Paragraph) -> list[Flowable]:
        return [self.paragraph(block)]

    def _subheading(self, block: model.Subheading) -> list[Flowable]:
        return [Para(markup.text(block.text), self.styles.subheading)]

    def _clinictext(self, block: model.ClinicText) -> list[Flowable]:
        """The clinic's own wording: faces come from the model's spans, never from its text."""
        out: list[Flowable] = []
        for i, para in enumerate(block.paragraphs):
            text = "".join(markup.span(s.text, s.bold, s.italic) for s in para.spans)
            if para.bullet:
                out.append(Para(text, self.styles.bullet, bulletText="\u2022"))
                last_bullet = i + 1 == len(block.paragraphs) or not block.paragraphs[i + 1].bullet
                if last_bullet:
                    out.append(Spacer(1, self.styles.space * 0.5))
            else:
                lead_in = Para(text, self.styles.body)
                if i + 1 < len(block.paragraphs) and block.paragraphs[i + 1].bullet:
                    lead_in.keepWithNext = True  # "If we decide ...:" never ends a page alone
                out.append(lead_in)
        return out

    def _bulletlist(self, block: model.BulletList) -> list[Flowable]:
        items: list[Flowable] = [
            Para(self.para_markup(item), self.styles.bullet, bulletText="\u2022")
            for item in block.items
        ]
        return [*keep_list_together(items, block), Spacer(1, self.styles.space * 0.5)]

    def _callout(self, block: model.Callout) -> list[Flowable]:
        st = self.styles
        title = Para(markup.text(block.title), st.callout_title) if block.title else None
        body = [Para(self.para_markup(p), st.body_flush) for p in block.body]
        whole = sum(len(p.text) for p in block.body) <= SHORT_CALLOUT_CHARS
        return [*callout_table(block.kind, title, body, st, self.width, whole),
                Spacer(1, st.space * 1.2)]

    def _table(self, block: model.Table) -> list[Flowable]:
        if block.row_headers and block.header and self.styles.large and len(block.header) > 2:
            return self._question_rows(block)
        st = self.styles
        ncols = max([len(block.header)] + [len(r) for r in block.rows]) or 1
        pad = st.sizes.body * 0.45
        widths = column_widths((block.header, *block.rows), ncols, self.width,
                               st.cell.fontSize, 2 * pad, block.col_widths,
                               header=bool(block.header))
        data: list[list[Flowable | str]] = []
        if block.header:
            data.append([Para(markup.text(h), st.cell_head)
                         for h in _pad(block.header, ncols)])
        for i, row in enumerate(block.rows):
            cells = [markup.text(break_at_hyphens(c, w - 2 * pad, st.cell.fontSize))
                     for c, w in zip(_pad(row, ncols), widths, strict=True)]
            for j in range(len(row)):
                if cites := block.cites_for(i, j):
                    cells[j] += "\u00a0" + self.cites(cites)
            data.append([Para(c, st.cell_head if block.row_headers and j == 0 else st.cell)
                         for j, c in enumerate(cells)])
        commands = [
            ("FONTNAME", (0, 0), (-1, -1), fonts.REGULAR),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), pad),
            ("RIGHTPADDING", (0, 0), (-1, -1), pad),
            ("TOPPADDING", (0, 0), (-1, -1), pad * 0.8),
            ("BOTTOMPADDING", (0, 0), (-1, -1), pad),
            ("LINEBELOW", (0, 0), (-1, -1), 0.5, RULE),
        ]
        if block.header:
            commands += [("BACKGROUND", (0, 0), (-1, 0), st.tint),
                         ("LINEBELOW", (0, 0), (-1, 0), 1, st.accent)]
        # Splitting inside rows is only for cells too tall for a page: it can also repeat the
        # header row twice on one page, so ordinary tables split between rows.
        huge = any(len(c) > HUGE_CELL_CHARS for row in block.rows for c in row)
        table = Table(data, colWidths=widths, repeatRows=1 if block.header else 0,
                      hAlign="LEFT", splitInRow=1 if huge else 0)
        table.setStyle(TableStyle(commands))
        out: list[Flowable] = [table]
        if block.caption:
            out.append(Para(markup.text(block.caption), st.caption))
        else:
            out.append(Spacer(1, st.space))
        return out

    def _question_rows(self, block: model.Table) -> list[Flowable]:
        """A grid whose first column asks a question, in large print: each question spans the
        row above its answers, so the answers get the whole width (a narrow question column
        would break words at 16 pt). A question never parts from its answers."""
        st = self.styles
        ncols = len(block.header) - 1
        pad = st.sizes.body * 0.45
        width = (self.width - 2 * pad * ncols) / ncols + 2 * pad
        data: list[list[Flowable | str]] = [
            [Para(markup.text(h), st.cell_head) for h in block.header[1:]]]
        commands: list[tuple] = [
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), pad),
            ("RIGHTPADDING", (0, 0), (-1, -1), pad),
            ("TOPPADDING", (0, 0), (-1, -1), pad * 0.8),
            ("BOTTOMPADDING", (0, 0), (-1, -1), pad),
            ("BACKGROUND", (0, 0), (-1, 0), st.tint),
            ("LINEBELOW", (0, 0), (-1, 0), 1, st.accent),
        ]
        for i, row in enumerate(block.rows):
            r = len(data)
            data.append([Para(markup.text(row[0]), st.cell_head), *[""] * (ncols - 1)])
            answers = []
            for j in range(1, len(row)):
                cell = markup.text(break_at_hyphens(row[j], width - 2 * pad, st.cell.fontSize))
                if cites := block.cites_for(i, j):
                    cell += "\u00a0" + self.cites(cites)
                answers.append(Para(cell, st.cell))
            data.append(answers)
            commands += [("SPAN", (0, r), (-1, r)), ("NOSPLIT", (0, r), (-1, r + 1)),
                         ("LINEBELOW", (0, r + 1), (-1, r + 1), 0.5, RULE),
                         ("BOTTOMPADDING", (0, r), (-1, r), pad * 0.2)]
        table = Table(data, colWidths=[width] * ncols, repeatRows=1, hAlign="LEFT")
        table.setStyle(TableStyle(commands))
        return [table, Spacer(1, st.space)]

    def _timeline(self, block: model.Timeline) -> list[Flowable]:
        drawing = TimelineDrawing([(p.label, p.week) for p in block.points], self.styles,
                                  unit=block.unit, language=self.report.meta.language)
        out: list[Flowable] = [Spacer(1, self.styles.space * 0.5), drawing]
        if block.caption:
            out.append(Para(markup.text(block.caption), self.styles.caption))
        else:
            out.append(Spacer(1, self.styles.space))
        # A drawing cut from its caption reads as a stray picture.
        return [KeepTogether(out)]

    def _factlist(self, block: model.FactList) -> list[Flowable]:
        st = self.styles
        if not block.items:
            return []
        label_w = min(self.width * 0.32, st.sizes.body * 11)
        rows = [[Para(markup.text(label), st.fact_label),
                 Para(markup.text(value), st.fact_value)] for label, value in block.items]
        pad = st.sizes.body * 0.7
        table = Table(rows, colWidths=[label_w, self.width - label_w], hAlign="LEFT")
        table.setStyle(TableStyle([
            ("FONTNAME", (0, 0), (-1, -1), fonts.REGULAR),
            ("BACKGROUND", (0, 0), (-1, -1), st.tint),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), pad),
            ("RIGHTPADDING", (0, 0), (-1, -1), pad),
            ("TOPPADDING", (0, 0), (-1, -1), 1),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
            ("TOPPADDING", (0, 0), (-1, 0), pad * 0.8),
            ("BOTTOMPADDING", (0, -1), (-1, -1), pad * 0.8),
        ]))
        return [table, Spacer(1, st.space * 1.2)]

    def _checklist(self, block: model.Checklist) -> list[Flowable]:
        items: list[Flowable] = [ChecklistItem(markup.text(item), self.styles.checklist)
                                 for item in block.items]
        if block.lead:
            # "Tick each one:" never ends a page alone.
            lead = Para(markup.text(block.lead), self.styles.body)
            items = [KeepTogether([lead, *items[:1]]), *items[1:]]
        return [*items, Spacer(1, self.styles.space * 0.5)] if items else []

    def _signaturelines(self, block: model.SignatureLines) -> list[Flowable]:
        st = self.styles
        out: list[Flowable] = []
        for role in block.roles:
            labels = [Para(markup.text(t), st.signature_label) for t in block.labels]
            out += [Para(markup.text(role), st.signature_role),
                    signature_table(labels, st, self.width)]
        # Everyone signs on the same page: a split would leave a signature alone on the next.
        return [KeepTogether(out), Spacer(1, st.space)]

    def _referencelist(self, block: model.ReferenceList) -> list[Flowable]:
        st = self.styles
        out: list[Flowable] = []
        for entry in block.entries:
            links = " ".join(markup.external_link(label, url, self.link_colour)
                             for label, url in entry.links)
            text = (f'<a name="{markup.anchor_name(entry.id)}"/>{markup.text(entry.text)}'
                    + (f" {links}" if links else ""))
            number = f"{entry.number}."
            if entry.note:
                out.append(KeepTogether([
                    Para(text, st.reference_tight, bulletText=number),
                    Para(markup.text(entry.note), st.reference_note),
                ]))
            else:
                out.append(Para(text, st.reference, bulletText=number))
        # A run-over of one reference would leave the last page nearly empty: the last few
        # move together.
        tail = REFERENCE_TAIL if len(out) >= 2 * REFERENCE_TAIL else 0
        return [*out[:-tail], KeepTogether(out[-tail:])] if tail else out


REFERENCE_TAIL = 3


def keep_list_together(items: list[Flowable], block: model.BulletList) -> list[Flowable]:
    """A short list stays on one page; a long one never leaves its first or last two items
    alone on a page (a one-line run-over would leave a page nearly empty)."""
    if len(items) <= SHORT_LIST_ITEMS and sum(len(p.text) for p in block.items) <= SHORT_LIST_CHARS:
        return [KeepTogether(items)]
    if len(items) < 4:
        return items
    return [KeepTogether(items[:2]), *items[2:-2], KeepTogether(items[-2:])]


def _pad(cells: Sequence[str], n: int) -> list[str]:
    return list(cells) + [""] * (n - len(cells))
