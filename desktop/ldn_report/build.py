"""One call from a patient context to a finished report: compose, render, chart note, warnings.

The CLI, the GUI's worker and the batch runner all come through here.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .chart_note import chart_note
from .compose import compose_report, content_hash
from .context import FIELDS, PatientContext
from .evidence import EvidencePack, default_pack
from .pdf import render_pdf
from .pdf.fonts import missing_glyphs
from .report import Report
from .templates import DEFAULT_TEMPLATE, ClinicTemplate


@dataclass(frozen=True)
class BuildResult:
    pdf: bytes
    report: Report
    content_hash: str
    chart_note: str
    warnings: tuple[str, ...]

    @property
    def page_count(self) -> int:
        # ReportLab writes "/Type /Page\n" once per page object; /Pages is the tree node.
        return self.pdf.count(b"/Type /Page\n")


def glyph_warnings(ctx: PatientContext) -> list[str]:
    """A warning for each text field with characters the bundled fonts cannot draw."""
    out = []
    for spec in FIELDS:
        if spec.kind not in ("str", "text"):
            continue
        value = ctx.get(spec.name)
        if not value or (spec.identifying and ctx.patient_deidentified):
            continue
        missing = missing_glyphs(value)
        if missing:
            shown = ", ".join(f"U+{ord(c):04X}" for c in sorted(missing))
            out.append(f"{spec.name}: the report font cannot draw {shown}; "
                       "these characters print as a substitute mark")
    return out


def build_report(
    ctx: PatientContext,
    template: ClinicTemplate = DEFAULT_TEMPLATE,
    pack: EvidencePack | None = None,
    generated_on: dt.date | None = None,
) -> BuildResult:
    pack = pack or default_pack()
    report = compose_report(ctx, pack, template, generated_on=generated_on)
    digest = content_hash(report)
    pdf = render_pdf(report, template, digest)
    return BuildResult(
        pdf=pdf,
        report=report,
        content_hash=digest,
        chart_note=chart_note(ctx, report, digest),
        warnings=tuple(glyph_warnings(ctx)),
    )
