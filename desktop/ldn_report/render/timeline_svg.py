"""The monitoring timeline as inline SVG (the accessible PDF's figure), laid out as the PDF's."""

from __future__ import annotations

from html import escape

from reportlab.pdfbase.pdfmetrics import stringWidth

from .. import report as model
from .pdf import fonts
from .pdf.styles import MUTED, RULE, TEXT, StyleSet
from .timeline_layout import layout_timeline, timeline_font_sizes


def _hex(colour: object) -> str:
    return "#" + colour.hexval()[2:8]  # type: ignore[attr-defined]  # ReportLab: "0x1a1a1a"


def timeline_svg(block: model.Timeline, width: float, styles: StyleSet, language: str,
                 alt: str, font_family: str) -> str:
    """``block`` drawn ``width`` points wide; ``alt`` is its <title>, which WeasyPrint tags as
    the figure's alternative text (a screen reader reads that instead of the drawing).
    ``font_family``: a CSS font-family list (double quotes only), as the page's text uses."""
    fonts.register_fonts()  # the widths are DejaVu Sans's, the face the accessible PDF prints with
    label_size, tick_size = timeline_font_sizes(styles.sizes.small, styles.large)
    lay = layout_timeline([(p.label, p.week) for p in block.points], width,
                          label_size=label_size, tick_size=tick_size, unit=block.unit,
                          language=language,
                          text_width=lambda t, size: stringWidth(t, fonts.REGULAR, size))
    h = lay.height

    def y(value: float) -> str:  # SVG's y goes down from the top
        return f"{h - value:.2f}"

    muted, rule, text, accent = _hex(MUTED), _hex(RULE), _hex(TEXT), _hex(styles.accent)
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" class="timeline" width="{width:.2f}pt" '
           f'height="{h:.2f}pt" viewBox="0 0 {width:.2f} {h:.2f}" font-family=\'{font_family}\'>',
           f"<title>{escape(alt)}</title>",
           f'<line x1="{lay.axis_from:.2f}" y1="{y(lay.axis_y)}" x2="{lay.axis_to:.2f}" '
           f'y2="{y(lay.axis_y)}" stroke="{muted}" stroke-width="1.2"/>',
           f'<text x="{lay.unit_x:.2f}" y="{y(lay.unit_baseline)}" font-size="{tick_size}" '
           f'fill="{muted}">{escape(lay.unit)}</text>']
    for x, number in lay.ticks:
        out.append(f'<line x1="{x:.2f}" y1="{y(lay.axis_y - 3.5)}" x2="{x:.2f}" '
                   f'y2="{y(lay.axis_y + 3.5)}" stroke="{muted}" stroke-width="0.8"/>')
        out.append(f'<text x="{x:.2f}" y="{y(lay.tick_baseline)}" font-size="{tick_size}" '
                   f'fill="{muted}" text-anchor="middle">{escape(number)}</text>')
    for label in lay.labels:
        if label.stem_end is not None:
            out.append(f'<line x1="{label.x:.2f}" y1="{y(lay.axis_y)}" x2="{label.x:.2f}" '
                       f'y2="{y(label.stem_end)}" stroke="{rule}" stroke-width="0.7"/>')
        out.append(f'<text x="{label.left:.2f}" y="{y(label.baseline)}" '
                   f'font-size="{label_size}" fill="{text}">{escape(label.text)}</text>')
    for label in lay.labels:
        out.append(f'<circle cx="{label.x:.2f}" cy="{y(lay.axis_y)}" r="4" fill="{accent}" '
                   'stroke="#ffffff" stroke-width="1"/>')
    return "".join([*out, "</svg>"])
