"""Page layout and the build: page templates, letterhead, footer with "Page X of Y", render_pdf."""

from __future__ import annotations

import copy
import io
import logging
from collections.abc import Callable
from dataclasses import dataclass

from reportlab import rl_config
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader, simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    Image,
    KeepTogether,
    PageBreak,
    PageTemplate,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.flowables import HRFlowable

from ldn_report import __version__
from ldn_report import report as model
from ldn_report.i18n import report_texts
from ldn_report.logo import MAX_LOGO_BYTES
from ldn_report.render.footer import footer_facts
from ldn_report.render.pdf import fonts, markup, scripts
from ldn_report.render.pdf.blocks import BlockRenderer
from ldn_report.render.pdf.flowables import Para
from ldn_report.render.pdf.shared_pages import SHARED_PAGES, SharedPages, SharedPagesCache, key_of
from ldn_report.render.pdf.shared_pages import record as record_pages
from ldn_report.render.pdf.styles import MUTED, RULE, StyleSet, style_set
from ldn_report.templates.model import ClinicTemplate
from ldn_report.untrusted.files import read_regular_file

log = logging.getLogger(__name__)

CREATOR = "LDN report builder"
PREPRINTED_TOP = 35 * mm  # room left on page 1 for a clinic's pre-printed letterhead paper
LOGO_HEIGHT = 18 * mm
LOGO_MAX_WIDTH = 60 * mm


@dataclass(frozen=True)
class Footer:
    """The footer text, wrapped once before the build so the frame can leave room for it."""

    lines: tuple[str, ...]
    size: float
    leading: float
    width: float

    @property
    def height(self) -> float:
        return len(self.lines) * self.leading


def _footer(report: model.Report, template: ClinicTemplate, content_hash: str,
            styles: StyleSet, width: float) -> Footer:
    meta = report.meta
    t = report_texts(meta.language)
    size = styles.sizes.footer
    label = meta.template_label or meta.template_name or template.name
    parts = footer_facts(meta, label, content_hash)
    # Room on the first line for the widest page label we expect ("Page 999 of 999").
    widest = t["footer.page"].format(number=999, total=999)
    page_w = stringWidth(widest, fonts.REGULAR, size) + size * 2
    lines = simpleSplit(" \u00b7 ".join(parts), fonts.REGULAR, size,
                        width - page_w)
    if template.footer_text.strip():
        for chunk in template.footer_text.strip().splitlines():
            lines += simpleSplit(chunk, fonts.REGULAR, size, width - page_w)
    return Footer(tuple(lines), size, size * 1.3, width)


class _ReportCanvas(Canvas):
    """A canvas that draws every page's footer when it is saved, once the page total is known.

    Pages are closed normally (so bookmarks and link targets point at the right page); at save
    the footer's drawing operators are appended to each finished page's content stream. This
    keeps one layout pass, and "Page 2 of 7" stays one line of text for screen readers and search.

    With ``shared_pages`` the document's fonts start with the recording's glyph codes, and the
    recorded pages follow the drawn ones at save, before the footers.
    """

    paint_footer: Callable[[Canvas, int, int], None] | None = None
    shared_pages: SharedPages | None = None

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        if self.shared_pages is not None:
            self.shared_pages.seed(self)

    def save(self) -> None:
        if self.shared_pages is not None:
            self.shared_pages.replay(self)
        pages = self._doc.Pages.pages
        if self.paint_footer is not None:
            for number, page in enumerate(pages, 1):
                self._code = []
                self.saveState()
                self.paint_footer(self, number, len(pages))
                self.restoreState()
                page.stream += "\n".join(self._code) + "\n"
            self._code = []
        super().save()


_SCALARS = (int, float, str, bool, type(None))


class _Frame(Frame):
    """A Frame that deep-copies quickly: platypus copies the current frame for every
    keep-together group it measures (~30 per report); only its few list attributes need copies."""

    def __deepcopy__(self, memo: dict) -> _Frame:
        new = copy.copy(self)
        for key, value in self.__dict__.items():
            if not isinstance(value, _SCALARS):
                new.__dict__[key] = copy.deepcopy(value, memo)
        return new


class _ReportDoc(BaseDocTemplate):
    """Adds an outline entry for every flowable that carries a ``_bookmark`` (section headings)."""

    def afterFlowable(self, flowable: Flowable) -> None:
        mark = getattr(flowable, "_bookmark", None)
        if mark is not None:
            key, title = mark
            self.canv.bookmarkPage(key)
            self.canv.addOutlineEntry(title, key, level=0, closed=False)


def keep_headings_with_groups(story: list[Flowable]) -> list[Flowable]:
    """Fold headings (keepWithNext) into a KeepTogether that follows them.

    Platypus's keepWithNext does not reach into a following KeepTogether (a callout, a reference
    with its note), so without this a heading can end a page alone above its group.
    """
    out: list[Flowable] = []
    for flowable in story:
        if isinstance(flowable, KeepTogether):
            run: list[Flowable] = []
            while out and not isinstance(out[-1], KeepTogether) and out[-1].getKeepWithNext():
                run.insert(0, out.pop())
            if run:
                flowable = KeepTogether([*run, *flowable._content], maxHeight=flowable._maxHeight)
        out.append(flowable)
    return out


class ReportRenderer:
    """Renders one report: hook methods for letterhead, header, sections and page furniture."""

    def __init__(self, report: model.Report, template: ClinicTemplate, content_hash: str,
                 shared: SharedPagesCache | None = SHARED_PAGES) -> None:
        fonts.register_fonts()
        self.report = report
        self.shared = shared
        self.template = template
        self.content_hash = content_hash
        self.styles = style_set(template.large_print, template.branding.accent_colour)
        size = template.page.size.strip().lower()
        self.pagesize = A4 if size == "a4" else LETTER
        self.margin = max(template.page.margin_mm, 5.0) * mm
        self.width = self.pagesize[0] - 2 * self.margin
        self.t = report_texts(report.meta.language)
        self.footer = _footer(report, template, content_hash, self.styles, self.width)
        linked = {e.id for s in report.sections for b in s.blocks
                  if isinstance(b, model.ReferenceList) for e in b.entries}
        self.linked = frozenset(linked)
        self.blocks = BlockRenderer(report, self.styles, self.width, linked)
        clinician_styles = style_set(template.large_print, template.branding.accent_colour,
                                     clinician=not template.large_print)
        self.clinician_blocks = BlockRenderer(report, clinician_styles, self.width, linked)

    # -- page furniture ------------------------------------------------------------------------

    def page_templates(self) -> list[PageTemplate]:
        h = self.pagesize[1]
        bottom = self.margin + self.footer.height + self.styles.sizes.body
        first_top = PREPRINTED_TOP if not self.template.branding.letterhead else 0
        first = _Frame(self.margin, bottom, self.width, h - self.margin - bottom - first_top,
                      id="first", leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
        later = _Frame(self.margin, bottom, self.width, h - self.margin - bottom, id="later",
                      leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
        return [
            PageTemplate("first", [first], autoNextPageTemplate="later"),
            PageTemplate("later", [later]),
        ]

    def draw_footer(self, canv: Canvas, number: int, total: int) -> None:
        f = self.footer
        x0 = self.margin
        top = self.margin + f.height
        canv.setStrokeColor(RULE)
        canv.setLineWidth(0.5)
        canv.line(x0, top + f.size * 0.6, x0 + f.width, top + f.size * 0.6)
        canv.setFont(fonts.REGULAR, f.size)
        canv.setFillColor(MUTED)
        y = top - f.size
        for line in f.lines:
            if scripts.needs_script_face(line):
                # a template name or footer text in Arabic, CJK, ...: its faces, shaped, in order
                style = ParagraphStyle("footer", fontName=fonts.REGULAR, fontSize=f.size,
                                       leading=f.leading, textColor=MUTED)
                para = Para(markup.text(line), style)
                para.wrapOn(canv, f.width, f.leading * 2)
                para.drawOn(canv, x0, y + f.size - para.height)
            else:
                canv.drawString(x0, y, line)
            y -= f.leading
        canv.drawRightString(x0 + f.width, top - f.size,
                             self.t["footer.page"].format(number=number, total=total))

    # -- story ---------------------------------------------------------------------------------

    def letterhead(self) -> list[Flowable]:
        b = self.template.branding
        st = self.styles
        # meta.author: the clinic's name, or the built-ins' placeholder in the report's language
        lines = [Para(markup.text(self.report.meta.author), st.clinic_name)]
        if b.department:
            lines.append(Para(markup.text(b.department), st.clinic_line))
        contact = [v for v in (b.address, b.phone, b.website) if v.strip()]
        if contact:
            lines.append(Para(markup.text("  \u00b7  ".join(contact)), st.clinic_line))
        logo = self.logo()
        if logo is not None:
            gap = 6 * mm
            cells = [[logo, lines]]
            widths = [logo.drawWidth + gap, self.width - logo.drawWidth - gap]
        else:
            cells, widths = [[lines]], [self.width]
        head = Table(cells, colWidths=widths, hAlign="LEFT")
        head.setStyle(TableStyle([
            ("FONTNAME", (0, 0), (-1, -1), fonts.REGULAR),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ("TOPPADDING", (0, 0), (-1, -1), 0),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
        ]))
        return [head, Spacer(1, st.space * 0.8),
                HRFlowable(width="100%", thickness=1.6, color=st.accent, spaceAfter=st.space * 1.6)]

    def logo(self) -> Image | None:
        path = self.template.branding.logo.strip()
        if not path:
            return None
        try:
            # Read once, bounded and non-blocking: the file may have been swapped for a FIFO
            # or a device since the template was checked.
            data = read_regular_file(path, MAX_LOGO_BYTES, what="logo")
            iw, ih = ImageReader(io.BytesIO(data)).getSize()
        except Exception:  # a missing or broken logo must not stop a patient's report
            log.warning("clinic logo could not be read; printing without it")
            return None
        scale = min(LOGO_HEIGHT / ih, LOGO_MAX_WIDTH / iw)
        return Image(io.BytesIO(data), width=iw * scale, height=ih * scale)

    def header(self, section: model.Section | None) -> list[Flowable]:
        st = self.styles
        out: list[Flowable] = self.letterhead() if self.template.branding.letterhead else []
        title_text = section.title if section is not None and section.title else \
            self.report.meta.title
        title = Para(markup.text(title_text), st.title)
        if section is not None:
            title._bookmark = ("sec-header", section.title)  # type: ignore[attr-defined]
        out.append(title)
        blocks = section.blocks if section is not None else ()
        if not any(isinstance(b, model.FactList) for b in blocks):
            # The patient block belongs on page 1 even if compose left it out of the header.
            out += self.blocks.block(model.FactList(self.meta_facts()))
        for block in blocks:
            out += self.blocks.block(block)
        return out

    def meta_facts(self) -> tuple[tuple[str, str], ...]:
        meta = self.report.meta
        t = self.t
        facts = [(t["fact.patient"],
                  t["deidentified"] if meta.deidentified else meta.patient_label),
                 (t["fact.date"], meta.appointment_date or meta.generated_on),
                 (t["fact.clinician"], meta.clinician)]
        return tuple((k, v) for k, v in facts if v)

    def section(self, index: int, section: model.Section) -> list[Flowable]:
        st = self.styles
        out: list[Flowable] = []
        if section.page_break_before:
            out.append(PageBreak())
        if section.audience == "clinician":
            out.append(Para(markup.text(self.t["audience.clinicians"]), st.audience_tag))
        heading = Para(markup.text(section.title), st.heading)
        heading._bookmark = (f"sec-{index}", section.title)  # type: ignore[attr-defined]
        if section.audience == "clinician":
            heading.style = st.heading_after_tag
        out.append(heading)
        blocks = self.clinician_blocks if section.audience == "clinician" else self.blocks
        for block in section.blocks:
            out += blocks.block(block)
        return out

    def story(self, end: int | None = None) -> list[Flowable]:
        """The flowables of the sections before ``end`` (all by default), page 1's header first."""
        sections = self.report.sections
        header = next((s for s in sections if s.id == "header"), None)
        return self._add_sections(self.header(header), range(len(sections))[:end])

    def _add_sections(self, story: list[Flowable], indexes: range) -> list[Flowable]:
        sections = self.report.sections
        for i in indexes:
            section = sections[i]
            if section.id != "header":
                if section.page_break_before:
                    # A spacer that ends a full page would start a blank one before the break.
                    while story and isinstance(story[-1], Spacer):
                        story.pop()
                story += self.section(i, section)
        # A spacer at the very end that no longer fits would start a blank last page.
        while story and isinstance(story[-1], Spacer):
            story.pop()
        return keep_headings_with_groups(story)

    # -- shared pages: the clinician pages, the same for every patient -------------------------

    def shared_start(self) -> int | None:
        """Where the report's shared pages start: the first section, in the trailing run of
        clinician sections, that starts a new page; None when there is no such section.

        Only pages of their own at the end are shared: what comes before them may end anywhere
        on a page, and nothing of this patient's follows them."""
        sections = self.report.sections
        start = len(sections)
        while start > 1 and sections[start - 1].audience == "clinician":
            start -= 1
        return next((i for i in range(start, len(sections)) if sections[i].page_break_before),
                    None)

    def shared_key(self, start: int) -> str:
        """Everything that can change the shared pages: what they say (their sections, with
        their place, which holds the bookmark names), the references and language they are
        drawn with, which references are linked, the template as read (page, print size,
        colours), the frame they fill (the footer's height), the pack's version and date, the
        app and ReportLab's mode. (The pack's content enters as the text, numbers and links of
        those sections and references; stored_pages.disk_key adds what can change between
        processes.)"""
        meta = self.report.meta
        return key_of(__version__, rl_config.invariant, str(fonts.FONTS_DIR), start,
                      self.report.sections[start:], self.report.references,
                      meta.language, sorted(self.linked), self.template,
                      self.pagesize, self.margin, self.footer.height, self.styles.sizes.body,
                      meta.pack_version, meta.pack_date)

    def record_shared(self, start: int) -> SharedPages | None:
        """Lay out and draw the sections from ``start`` on, on pages of their own, once."""
        def build(canvas_class: type[Canvas]) -> Canvas:
            story = self._add_sections([], range(start, len(self.report.sections)))
            if story and isinstance(story[0], PageBreak):
                story = story[1:]  # the recording starts on a fresh page already
            later = self.page_templates()[1]
            doc = _ReportDoc(io.BytesIO(), pagesize=self.pagesize, invariant=1,
                             initialFontName=fonts.REGULAR, pageTemplates=[later])
            doc.build(story, canvasmaker=canvas_class)
            return doc.canv

        return record_pages(build)

    # -- build ---------------------------------------------------------------------------------

    def render(self) -> bytes:
        meta = self.report.meta
        start = self.shared_start() if self.shared is not None else None
        shared = None
        if self.shared is not None and start is not None:
            shared = self.shared.get(self.shared_key(start), lambda: self.record_shared(start))
        buf = io.BytesIO()
        doc = _ReportDoc(
            buf,
            pagesize=self.pagesize,
            leftMargin=self.margin, rightMargin=self.margin,
            topMargin=self.margin, bottomMargin=self.margin,
            title=meta.title,
            author=meta.author,
            subject=meta.subject,
            creator=CREATOR,
            # Never the patient label: metadata travels with the file even when the page is
            # de-identified or the name is blacked out on paper.
            # The content hash lets `ldn-report verify` find the sheet's record (no patient data).
            keywords=["low-dose naltrexone", "multiple sclerosis", "counseling report",
                      f"ldn-content:{self.content_hash}"],
            lang=meta.language or self.template.language or "en",
            displayDocTitle=True,
            invariant=1,
            initialFontName=fonts.REGULAR,
            pageTemplates=self.page_templates(),
        )
        canvas_class = type("_FooterCanvas", (_ReportCanvas,),
                            {"paint_footer": staticmethod(self.draw_footer),
                             "shared_pages": shared})
        doc.build(self.story(start if shared is not None else None), canvasmaker=canvas_class)
        return buf.getvalue()


def render_pdf(report: model.Report, template: ClinicTemplate, content_hash: str,
               shared_pages: bool = True) -> bytes:
    """Render ``report`` as a PDF laid out by ``template``; the same inputs give the same bytes.

    ``content_hash`` identifies the report's content; its first 12 characters print in the footer.
    ``shared_pages``: replay the clinician pages recorded by an earlier render of the same
    pages in this process (False: lay every page out; the pages look the same either way).
    """
    return ReportRenderer(report, template, content_hash,
                          SHARED_PAGES if shared_pages else None).render()
