"""One call from a patient context to a finished report: compose, render, chart note, warnings.

The CLI, the GUI's worker and the batch runner all come through here.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .chart_note import chart_note
from .colour_contrast import accent_contrast_problem, hex_of_rgb, readable_shade, rgb_of_hex
from .compose import compose_report, content_hash, report_language_of, template_language
from .context import FIELDS, LANGUAGE_LABELS, PatientContext
from .evidence import EvidencePack, default_pack
from .render.pdf import render_pdf
from .render.pdf.fonts import missing_glyphs
from .report import Report
from .rules import medicine_near_misses
from .templates.catalogue import resolve_template
from .templates.clinic_text import TEXT_BLOCKS, texts_in
from .templates.model import DEFAULT_SCHEDULE, LOCKED_SECTIONS, ClinicTemplate

# What a build warning is about, so a reader can label it (the app's rules panel): a
# medicine that looks like a misspelt opioid, characters the fonts cannot draw, a pale accent
# colour, and clinic wording missing in the report's language.
WARNING_KINDS = ("medicine", "font", "accent_colour", "translation")


@dataclass(frozen=True)
class BuildWarning:
    """One thing the report will not print as the user wrote it, and what kind of thing."""

    kind: str  # one of WARNING_KINDS
    text: str  # "field: message", as the CLI prints it


@dataclass(frozen=True)
class BuildResult:
    """A built report: the PDF, the Report it shows, its hash, chart note and warnings."""

    pdf: bytes
    report: Report
    content_hash: str
    chart_note: str
    build_warnings: tuple[BuildWarning, ...]
    pages: int | None = None  # known from the layout (accessible PDF); else counted in the file
    accessible: bool = False  # a tagged PDF/UA-1 file (render/accessible_pdf.py)

    @property
    def warnings(self) -> tuple[str, ...]:
        """The warnings' texts, in order (the CLI's lines, the batch's summary)."""
        return tuple(w.text for w in self.build_warnings)

    @property
    def page_count(self) -> int:
        if self.pages is not None:
            return self.pages
        # ReportLab writes "/Type /Page\n" once per page object; /Pages is the tree node.
        return self.pdf.count(b"/Type /Page\n")


def text_warnings(field: str, value: str) -> list[str]:
    """What will not print right in one field's text: characters no bundled face can draw.

    Arabic, Hebrew, Devanagari, Thai and CJK have their own bundled faces and are shaped and
    put in right-to-left order by the renderer (render/pdf/scripts.py), so they print right.
    """
    out = []
    missing = missing_glyphs(value)
    if missing:
        shown = ", ".join(f"U+{ord(c):04X}" for c in sorted(missing))
        out.append(f"{field}: the report fonts cannot draw {shown}; "
                   "these characters print as a substitute mark")
    return out


def glyph_warnings(ctx: PatientContext) -> list[str]:
    """A warning for each text field with characters the report cannot print right."""
    out = []
    for spec in FIELDS:
        if spec.kind == "str_list":
            for index, item in enumerate(ctx.get(spec.name)):
                out += text_warnings(f"{spec.name}[{index}]", item)
            continue
        if spec.kind not in ("str", "text"):
            continue
        value = ctx.get(spec.name)
        if not value or (spec.identifying and ctx.patient_deidentified):
            continue
        out += text_warnings(spec.name, value)
    return out


def medicine_warnings(ctx: PatientContext, pack: EvidencePack | None = None) -> list[str]:
    """A "did you mean" for each medicine that looks like a misspelt opioid."""
    index = {m: i for i, m in reversed(list(enumerate(ctx.medications)))}
    return [f"medications[{index[m.medicine]}]: {m.message}; the report has no opioid warning "
            "for it until the spelling is corrected or the opioid box is ticked"
            for m in medicine_near_misses(ctx, pack)]


def template_warnings(template: ClinicTemplate) -> list[str]:
    """What every report from ``template`` is warned about: its texts' characters and its
    accent colour."""
    return template_text_warnings(template) + accent_warnings(template)


def template_text_warnings(template: ClinicTemplate) -> list[str]:
    """The glyph checks for the clinic template's texts, named as in the template file."""
    b = template.branding
    texts = {"name": template.name, "footer_text": template.footer_text,
             **{f"branding.{k}": getattr(b, k)
                for k in ("clinic_name", "department", "address", "phone", "website")},
             **{f"text.{k}": v for k, v in template.text_blocks.items()},
             **{f"text.{lang}.{k}": v for lang, blocks in template.texts_by_language.items()
                for k, v in blocks.items()}}
    for i, s in enumerate(template.sections, 1):
        if s.visible:
            texts[f"sections[{i}].heading"] = s.heading
            texts.update({f"sections[{i}].{lang}.heading": h for lang, h in s.headings})
    for i, row in enumerate(template.schedule, 1):
        for where, words in (("", (row.when, row.what, row.who)),
                             *((f".{lang}", w) for lang, w in row.translations)):
            texts.update({f"schedule[{i}]{where}.{k}": v
                          for k, v in zip(("when", "what", "who"), words, strict=True)})
    return [w for key, value in texts.items() if value for w in text_warnings(key, value)]


def accent_warnings(template: ClinicTemplate) -> list[str]:
    """An accent colour too pale to read on white paper, and what the report prints instead."""
    colour = template.branding.accent_colour
    pale = accent_contrast_problem(colour)
    if not pale:
        return []
    shade = hex_of_rgb(readable_shade(rgb_of_hex(colour)))
    return [f"branding.accent_colour: {pale}. Until then this report prints its "
            f"accent-coloured text in a darker shade of it ({shade} or darker)"]


def language_warnings(ctx: PatientContext, template: ClinicTemplate) -> list[str]:
    """What of the clinic's own wording a report in another language than the template's
    leaves out, or prints in the template's language."""
    language = report_language_of(ctx, template)
    if language == template_language(template):
        return []
    # Named as a clinic knows them (the language in words, a section by its place and
    # heading); the field in front stays the file's key, for the CLI and the template file.
    lang, written = LANGUAGE_LABELS.get(language, language), LANGUAGE_LABELS.get(
        template.language, template.language)
    missing = [k for k in template.text_blocks if k not in texts_in(template, language)]
    out = [f"text.{k}: the template has no {lang} version of the text block "
           f"{TEXT_BLOCKS.get(k, k)}; the {lang} report leaves it out" for k in missing]
    for i, s in enumerate(template.sections, 1):
        if s.visible and s.heading.strip() and s.id not in LOCKED_SECTIONS \
                and not s.heading_in(language):
            out.append(f"sections[{i}].heading: the template has no {lang} heading for section "
                       f"{i} (\u201c{s.heading.strip()}\u201d); the {lang} report prints the "
                       "standard heading")
    if template.schedule != DEFAULT_SCHEDULE:
        out += [f"schedule[{i}]: the template has no {lang} version of row {i} of the "
                f"monitoring plan; the {lang} report prints this row in {written}, as written"
                for i, row in enumerate(template.schedule, 1) if not row.in_language(language)]
    return out


def build_report(
    ctx: PatientContext,
    template: ClinicTemplate | None = None,
    pack: EvidencePack | None = None,
    generated_on: dt.date | None = None,
    accessible: bool = False,
    shared_pages: bool = True,
) -> BuildResult:
    """The report for ``ctx``; no template means the built-in Standard Letter, as in the app.

    ``accessible``: a tagged PDF/UA-1 file of the same report (same content and hash) instead.
    ``shared_pages``: see render_pdf (False lays out the clinician pages again).
    """
    template = template or resolve_template(None)
    pack = pack or default_pack()
    report = compose_report(ctx, pack, template, generated_on=generated_on)
    digest = content_hash(report)
    pages = None
    if accessible:
        # Imported here: it loads WeasyPrint, which only this route needs.
        from .render.accessible_pdf import render_accessible_pdf
        pdf, pages = render_accessible_pdf(report, template, digest)
    else:
        pdf = render_pdf(report, template, digest, shared_pages)
    return BuildResult(
        pages=pages,
        accessible=accessible,
        pdf=pdf,
        report=report,
        content_hash=digest,
        chart_note=chart_note(ctx, report, digest),
        build_warnings=build_warnings(ctx, template, pack),
    )


def build_warnings(ctx: PatientContext, template: ClinicTemplate,
                   pack: EvidencePack | None = None) -> tuple[BuildWarning, ...]:
    """Every warning a build of ``ctx`` with ``template`` gives, each with its kind."""
    by_kind = (("medicine", medicine_warnings(ctx, pack)),
               ("font", glyph_warnings(ctx) + template_text_warnings(template)),
               ("accent_colour", accent_warnings(template)),
               ("translation", language_warnings(ctx, template)))
    return tuple(BuildWarning(kind, text) for kind, texts in by_kind for text in texts)


def build_html(
    ctx: PatientContext,
    template: ClinicTemplate | None = None,
    generated_on: dt.date | None = None,
) -> tuple[str, Report, str]:
    """(accessible HTML, report, content hash) for ``ctx``: composed as for the PDF, not rendered.

    No glyph warnings: they are about the PDF's fonts; a browser uses the reader's own fonts.
    """
    from .render.html import render_html  # here: a PDF build never loads the HTML renderer

    report = compose_report(ctx, default_pack(), template or resolve_template(None),
                            generated_on=generated_on)
    digest = content_hash(report)
    return render_html(report, digest), report, digest
