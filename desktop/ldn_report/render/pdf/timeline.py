"""The monitoring timeline drawn in the standard PDF: an axis in weeks with labelled points.

The axis, ticks and dots are ReportLab shapes. A label with Arabic, Hebrew, Devanagari, Thai or
CJK letters is drawn by the paragraph path (Para), as body text is: the script's own face,
HarfBuzz shaping and right-to-left words in drawn order; a ReportLab String would print such a
label unshaped, in typed order, or as empty boxes. Latin labels stay Strings (same bytes).
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from functools import cache, lru_cache

from reportlab import rl_config
from reportlab.graphics.shapes import Circle, Drawing, Line, String
from reportlab.lib.colors import Color, white
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

from ldn_report.render.pdf import fonts, markup, scripts
from ldn_report.render.pdf.flowables import Para
from ldn_report.render.pdf.styles import MUTED, RULE, TEXT, StyleSet
from ldn_report.render.timeline_layout import layout_timeline, timeline_font_sizes

# Wide enough that a label never wraps: labels are one line, placed by the layout.
_ONE_LINE = 10_000.0


@cache
def _label_style(size: float) -> ParagraphStyle:
    return ParagraphStyle(f"timeline-label-{size}", fontName=fonts.REGULAR, fontSize=size,
                          leading=size * 1.2, textColor=TEXT)


class ScriptLabel:
    """A one-line label with script runs, laid out as a paragraph: its width is the shaped
    width, and it is drawn with its first baseline where a String's would be."""

    def __init__(self, text: str, size: float) -> None:
        self.para = Para(markup.text(" ".join(text.split())), _label_style(size))
        _, height = self.para.wrap(_ONE_LINE, _ONE_LINE)
        line = self.para.blPara.lines[0]
        kind_one = self.para.blPara.kind == 1  # frags per line (always, with a script face)
        extra = line.extraSpace if kind_one else line[0]
        self.width = _ONE_LINE - extra
        line_size = line.fontSize if kind_one else size
        # drawPara puts the first baseline this far under the paragraph's top
        drop = line_size if rl_config.paraFontSizeHeightOffset else getattr(
            line, "ascent", line_size)
        self.rise = height - drop  # from the paragraph's bottom up to that baseline

    def draw_on(self, canvas: Canvas, left: float, baseline: float) -> None:
        self.para.drawOn(canvas, left, baseline - self.rise)


class TimelineDrawing(Flowable):
    """A horizontal axis in weeks with labelled points; labels take turns above and below the
    axis, and move one row further out when they would still touch a neighbour."""

    def __init__(self, points: Sequence[tuple[str, float]], styles: StyleSet,
                 unit: str = "weeks", language: str = "en") -> None:
        super().__init__()
        self.unit = unit
        self.language = language  # tick numbers with its decimal mark
        self.points = sorted(points, key=lambda p: p[1])
        self.styles = styles
        self.drawing: Drawing | None = None
        # labels drawn as paragraphs: (label, left, baseline), set by wrap
        self.script_labels: ScriptLabels = []

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        st = self.styles
        label_size, tick_size = timeline_font_sizes(st.sizes.small, st.large)
        shape = (tuple(self.points), avail_width, label_size, tick_size, self.unit,
                 self.language, st.accent)
        if any(scripts.needs_script_face(text) for text, _ in self.points):
            self.drawing, self.script_labels = _make(*shape)
        else:
            # Latin labels only (every built-in schedule): the same drawing for every report
            # of a template and language, made once (a batch made it for each row, and each
            # report on every wrap).
            self.drawing, self.script_labels = _latin_drawing(*shape, fonts.REGULAR), []
        self.width, self.height = self.drawing.width, self.drawing.height
        return self.width, self.height

    def draw(self) -> None:
        assert self.drawing is not None
        # A drawing may be shared (see _latin_drawing), and drawing it sets and then deletes
        # attributes on it: one thread at a time.
        with _DRAW_LOCK:
            self.drawing.drawOn(self.canv, 0, 0)
        for label, left, baseline in self.script_labels:
            label.draw_on(self.canv, left, baseline)


_DRAW_LOCK = threading.Lock()
ScriptLabels = list[tuple[ScriptLabel, float, float]]  # (label, left, baseline)


@lru_cache(maxsize=64)
def _latin_drawing(points: tuple[tuple[str, float], ...], width: float, label_size: float,
                   tick_size: float, unit: str, language: str, accent: Color,
                   font: str) -> Drawing:
    """The drawing of a timeline whose labels are all Strings, made once per schedule,
    language, width, sizes, colour and face (``font``, the regular face's name: the widths
    come from it). Nothing changes it after this; drawing it leaves it as it was."""
    drawing, _ = _make(points, width, label_size, tick_size, unit, language, accent)
    return drawing


def _make(points: Sequence[tuple[str, float]], width: float, label_size: float,
          tick_size: float, unit: str, language: str, accent: Color
          ) -> tuple[Drawing, ScriptLabels]:
    """The timeline's drawing, and the labels drawn as paragraphs beside it."""
    shaped: dict[tuple[str, float], ScriptLabel] = {}

    def text_width(text: str, size: float) -> float:
        if not scripts.needs_script_face(text):
            return stringWidth(text, fonts.REGULAR, size)
        if (text, size) not in shaped:
            shaped[(text, size)] = ScriptLabel(text, size)
        return shaped[(text, size)].width

    lay = layout_timeline(points, width, label_size=label_size, tick_size=tick_size,
                          unit=unit, language=language, text_width=text_width)
    d = Drawing(width, lay.height)
    # The renderer sets an initial font before any String; keep it off Helvetica.
    d.initialFontName = fonts.REGULAR
    d.initialFontSize = tick_size
    axis_y = lay.axis_y
    d.add(Line(lay.axis_from, axis_y, lay.axis_to, axis_y, strokeColor=MUTED, strokeWidth=1.2))
    d.add(String(lay.unit_x, lay.unit_baseline, lay.unit, fontName=fonts.REGULAR,
                 fontSize=tick_size, fillColor=MUTED))
    for x, number in lay.ticks:
        d.add(Line(x, axis_y - 3.5, x, axis_y + 3.5, strokeColor=MUTED, strokeWidth=0.8))
        d.add(String(x, lay.tick_baseline, number, fontName=fonts.REGULAR,
                     fontSize=tick_size, fillColor=MUTED, textAnchor="middle"))
    script_labels: ScriptLabels = []
    for label in lay.labels:
        if label.stem_end is not None:
            # A leader line says which point an outer or lower label belongs to.
            d.add(Line(label.x, axis_y, label.x, label.stem_end, strokeColor=RULE,
                       strokeWidth=0.7))
        if scripts.needs_script_face(label.text):
            script_labels.append((shaped[(label.text, label_size)], label.left,
                                  label.baseline))
        else:
            d.add(String(label.left, label.baseline, label.text, fontName=fonts.REGULAR,
                         fontSize=label_size, fillColor=TEXT))
    for label in lay.labels:
        d.add(Circle(label.x, axis_y, 4, fillColor=accent, strokeColor=white, strokeWidth=1))
    return d, script_labels
