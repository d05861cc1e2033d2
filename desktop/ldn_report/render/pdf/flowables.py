"""Drawn blocks: paragraphs (parsed and broken once), tick boxes, signature lines and callout
boxes. The monitoring timeline is in timeline.py."""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Hashable, Sequence
from functools import lru_cache

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import CondPageBreak, Flowable, Table, TableStyle
from reportlab.platypus import Paragraph as RLParagraph
from reportlab.platypus.paragraph import (
    _processed_frags,
    cleanBlockQuotedText,
    textTransformFrags,
)
from reportlab.platypus.paraparser import ParaParser

from ldn_report.render.pdf import bidi_lines, fonts, markup
from ldn_report.render.pdf.shaping import shaping_style
from ldn_report.render.pdf.styles import CALLOUT_COLOURS, TEXT, StyleSet

# Parsed markup per (text, style): most of a report is evidence text that every patient's report
# shares, so the GUI's re-renders and a batch parse each paragraph once. Bounded; lru_cache is
# thread-safe (two threads may both parse a new text, and either result is the same).
PARSE_CACHE_SIZE = 4096


@lru_cache(maxsize=PARSE_CACHE_SIZE)
def _parse(text: str, style: object, case_sensitive: int) -> tuple:
    """What Paragraph._setup computes from its markup: (cleaned text, style, frags, bullet frags).

    The frags are shared by every Paragraph made from the same text and style, as ReportLab
    itself shares them between the two halves of a split: line breaking and drawing clone them
    before changing anything (setting ``_fkind``, which depends only on the frag, aside).
    """
    text = cleanBlockQuotedText(text)
    parser = ParaParser()
    parser.caseSensitive = case_sensitive
    style, frags, bullet_frags = parser.parse(text, style)
    if frags is None:
        raise ValueError(f"xml parser error ({parser.errors[0]}) in paragraph beginning\n"
                         f"'{text[:30]}'")
    textTransformFrags(frags, style)
    return text, style, tuple(frags), bullet_frags


LINES_CACHE_SIZE = 4096
# What Paragraph.wrap leaves on the paragraph; all of it follows from the key (see _lines_key).
_WRAP_ATTRS = ("width", "height", "blPara", "frags", "_wrapWidths", "_width_max",
               "_splitLongWordCount", "_hyphenations")


class _LinesCache:
    """A small thread-safe LRU of line-break results: (paragraph key, width) -> wrap attributes."""

    def __init__(self, maxsize: int) -> None:
        self.maxsize = maxsize
        self._data: OrderedDict[Hashable, dict] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: Hashable) -> dict | None:
        with self._lock:
            value = self._data.get(key)
            if value is not None:
                self._data.move_to_end(key)
            return value

    def put(self, key: Hashable, value: dict) -> None:
        with self._lock:
            self._data[key] = value
            self._data.move_to_end(key)
            while len(self._data) > self.maxsize:
                self._data.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._data.clear()


_lines_cache = _LinesCache(LINES_CACHE_SIZE)


def clear_caches() -> None:
    """Forget parsed markup and line breaks (tests; nothing else needs to)."""
    _parse.cache_clear()
    _lines_cache.clear()


class Para(RLParagraph):
    """A Paragraph that parses its markup once per (text, style) per process and remembers its
    line breaks for the last width it was wrapped to.

    Platypus wraps most paragraphs two or three times at the same width (keep-with-next
    groups, table row heights, then the frame); breaking lines is the single biggest cost of a
    render, and its result depends only on the width.
    """

    _wrapped_at: float | None = None
    _parse_key: tuple | None = None  # set when the frags came from the parse cache
    _parsed_frags: tuple = ()
    _lines_shared = False  # blPara (and frags) are the cached objects, not this paragraph's own

    def _setup(self, text, style, bulletText, frags, cleaner):
        if frags is not None or cleaner is not cleanBlockQuotedText or not isinstance(text, str):
            super()._setup(text, style, bulletText, frags, cleaner)
            return
        if markup.needs_shaping(text):
            if style.fontName in (fonts.BOLD, fonts.BOLD_ITALIC):
                text = markup.in_bold_faces(text)
            style = shaping_style(style)
        self._parse_key = (text, style, self.caseSensitive, self.encoding)
        text, style, frags, bullet_frags = _parse(text, style, self.caseSensitive)
        self._parsed_frags = frags
        self.text = text
        self.frags = list(frags)  # breakLines replaces the list; the frags themselves are shared
        self.style = style
        # A <bullet> tag in the text wins over bulletText, as in Paragraph._setup.
        self.bulletText = list(bullet_frags) if bullet_frags else bulletText
        self.debug = 0

    def _lines_key(self, avail_width: float) -> Hashable | None:
        """Everything line breaking reads: the markup, the style it is wrapped in now (a heading
        may get another style after it was made), the bullet, the width."""
        if self._parse_key is None or not isinstance(self.bulletText, str | None) \
                or self.__dict__.get("autoLeading") is not None:
            return None
        return (type(self), self._parse_key, self.style, self.bulletText, avail_width)

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        # split() drops blPara when it refuses to split; then the lines must be broken again.
        if avail_width != self._wrapped_at or "blPara" not in self.__dict__:
            key = self._lines_key(avail_width)
            cached = _lines_cache.get(key) if key is not None else None
            if cached is not None:
                self.__dict__.update(cached)
                self.frags = list(cached["frags"])
                self._wrapWidths = list(cached["_wrapWidths"])
                self._lines_shared = True
            else:
                if self._lines_shared:
                    self.frags = list(self._parsed_frags)
                # A paragraph re-wrapped after breaking its own lines starts from ReportLab's
                # processed frags; what a fresh paragraph gets may differ, so keep that private.
                pristine = not _processed_frags(self.frags)
                super().wrap(avail_width, avail_height)
                self._lines_shared = False
                if key is not None and pristine:
                    snapshot = {a: self.__dict__[a] for a in _WRAP_ATTRS if a in self.__dict__}
                    snapshot["frags"] = tuple(self.frags)
                    snapshot["_wrapWidths"] = tuple(self._wrapWidths)
                    _lines_cache.put(key, snapshot)
                    # From now on these lines are shared: split() must break its own first.
                    self._lines_shared = True
            self._wrapped_at = avail_width
        return self.width, self.height

    def drawOn(self, canvas: Canvas, x: float, y: float, _sW: float = 0) -> None:
        """Flowable.drawOn, replaying this paragraph's drawing when a report seeded with shared
        pages already drew the same lines (see SharedPages.drawn)."""
        shared = getattr(canvas, "shared_pages", None)
        key = self._draw_key() if shared is not None else None
        drawn = shared.drawn(key, self, canvas) if key is not None else None
        if drawn is None:
            super().drawOn(canvas, x, y, _sW)
            return
        canvas.saveState()
        canvas.translate(self._hAlignAdjust(x, _sW), y)
        shared.replay_drawn(drawn, canvas)
        canvas.restoreState()

    def _draw_key(self) -> Hashable | None:
        """What this paragraph's drawing reads, when its lines are the shared cached ones:
        the line layout's key and the size it takes (None: draw it as usual)."""
        if not self._lines_shared or self._wrapped_at is None or self.__dict__.get(
                "_showBoundary") or self.__dict__.get("debug"):
            return None
        key = self._lines_key(self._wrapped_at)
        return None if key is None else (key, self.width, self.height,
                                         getattr(self, "continued", False))

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        if self._lines_shared and "blPara" in self.__dict__:
            # Splitting edits the words of the lines it cuts: break this paragraph's own lines
            # (the same ones: same frags, style and width) so the cached ones stay untouched.
            self.frags = list(self._parsed_frags)
            RLParagraph.wrap(self, self.width, avail_height)
            self._lines_shared = False
        return super().split(avail_width, avail_height)


    def drawPara(self, debug: int = 0) -> None:
        lines = self.blPara
        if getattr(lines, "kind", 0) != 1 or not bidi_lines.has_rtl(lines.lines):
            super().drawPara(debug)
            return
        # Lines were broken in logical order; draw right-to-left words right to left, from a
        # copy (the broken lines may be shared with other paragraphs and other threads).
        self.blPara = lines.clone(lines=bidi_lines.visual_lines(lines.lines))
        try:
            super().drawPara(debug)
        finally:
            self.blPara = lines


class ChecklistItem(Para):
    """A line of text with an empty square drawn before it, to tick by hand.

    The square lives in the paragraph's left indent, so long lists split between or inside
    items like any text; only the first piece of a split item gets a box.
    """

    continued = False

    def draw(self) -> None:
        super().draw()
        if self.continued:
            return
        size = self.style.fontSize * 0.95
        baseline = self.height - self.style.fontSize
        self.canv.saveState()
        self.canv.setStrokeColor(TEXT)
        self.canv.setLineWidth(1)
        self.canv.rect(self.style.bulletIndent, baseline - self.style.fontSize * 0.12, size, size,
                       stroke=1, fill=0)
        self.canv.restoreState()

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        parts = super().split(avail_width, avail_height)
        if len(parts) == 2:
            parts[1].continued = True
        return parts


def signature_table(labels: Sequence[Para], styles: StyleSet, width: float) -> Table:
    """Three writing lines (signature, printed name, date) with their labels underneath."""
    writing_room = styles.body.fontSize * 2.6
    weights = (0.45, 0.35, 0.20)
    gap = styles.body.fontSize * 1.2
    col_widths = [width * w - gap * 2 / 3 for w in weights]
    data = [["", "", "", "", ""], [labels[0], "", labels[1], "", labels[2]]]
    widths = [col_widths[0], gap, col_widths[1], gap, col_widths[2]]
    table = Table(data, colWidths=widths, rowHeights=[writing_room, None], hAlign="LEFT")
    table.setStyle(TableStyle([
            ("FONTNAME", (0, 0), (-1, -1), fonts.REGULAR),
        ("LINEBELOW", (0, 0), (0, 0), 0.9, TEXT),
        ("LINEBELOW", (2, 0), (2, 0), 0.9, TEXT),
        ("LINEBELOW", (4, 0), (4, 0), 0.9, TEXT),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 1), (-1, 1), 3),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ]))
    return table


def callout_table(kind: str, title: Para | None, body: Sequence[Para],
                  styles: StyleSet, width: float, whole: bool) -> list[Flowable]:
    """A tinted box with a strong coloured bar on the left.

    One row per paragraph (and splitInRow) so a long callout breaks across pages like text
    instead of raising LayoutError; the bar and fill are per-row styles, so both halves keep them.
    A ``whole`` callout (a short one) never splits; a long one starts on a new page unless its
    title and first lines fit, so a title is never left alone at a page foot.
    """
    bar, fill = CALLOUT_COLOURS.get(kind, CALLOUT_COLOURS["info"])
    pad = styles.body.fontSize * 0.9
    rows = ([[title]] if title is not None else []) + [[p] for p in body]
    table = Table(rows, colWidths=[width], hAlign="LEFT", splitByRow=1,
                  splitInRow=0 if whole else 1)
    bar_width = 5 if kind == "warning" else 4
    commands = [
        ("FONTNAME", (0, 0), (-1, -1), fonts.REGULAR),
        ("BACKGROUND", (0, 0), (-1, -1), fill),
        ("LINEBEFORE", (0, 0), (0, -1), bar_width, bar),
        ("LEFTPADDING", (0, 0), (-1, -1), pad + bar_width / 2),
        ("RIGHTPADDING", (0, 0), (-1, -1), pad),
        ("TOPPADDING", (0, 0), (-1, -1), 0),
        ("BOTTOMPADDING", (0, 0), (-1, -1), styles.body.fontSize * 0.45),
        ("TOPPADDING", (0, 0), (-1, 0), pad * 0.8),
        ("BOTTOMPADDING", (0, -1), (-1, -1), pad * 0.8),
    ]
    if kind == "warning":
        commands.append(("BOX", (0, 0), (-1, -1), 0.8, bar))
    if whole:
        commands.append(("NOSPLIT", (0, 0), (0, -1)))
    table.setStyle(TableStyle(commands))
    if whole:
        return [table]
    # NOSPLIT is not honoured once a table may split inside rows; ask for the room instead.
    room = pad * 1.6 + (title.style.leading if title is not None else 0) + 4 * styles.body.leading
    return [CondPageBreak(room), table]
