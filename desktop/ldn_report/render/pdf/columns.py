"""Table column widths from the cells' text: every column at least as wide as its longest word."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from reportlab.pdfbase.pdfmetrics import stringWidth

from ldn_report.render.pdf import fonts

# Cells break at hyphens (see break_at_hyphens), so a piece of a hyphenated word is a "word".
_WORD_BREAK = re.compile(r"(?<=-)|\s+")


def column_widths(rows: Sequence[Sequence[str]], ncols: int, width: float, size: float,
                  padding: float, weights: Sequence[float] = (), header: bool = True
                  ) -> list[float]:
    """Widths that add up to ``width``.

    With ``weights`` (the template's relative widths) those set the shares; without, the text
    does, as in a browser: short columns (a date, "n") keep their text on one line and the long
    ones share the rest. Either way no column is narrower than its longest word, as long as the
    words fit at all: a word broken mid-letter is much harder to read than a wider column.
    """
    return list(_widths(tuple(tuple(row) for row in rows), ncols, width, size, padding,
                        tuple(weights), header, fonts.REGULAR, fonts.BOLD))


@lru_cache(maxsize=256)
def _widths(rows: tuple[tuple[str, ...], ...], ncols: int, width: float, size: float,
            padding: float, weights: tuple[float, ...], header: bool, regular: str,
            bold: str) -> tuple[float, ...]:
    """column_widths, once per table text, size and faces: the monitoring table is the same in
    every report of a template and language (a batch measured its words again for each row)."""
    low = [padding] * ncols  # the longest word
    high = [padding] * ncols  # the whole text on one line
    for r, row in enumerate(rows):
        face = bold if r == 0 and header else regular
        for i, cell in enumerate(row[:ncols]):
            word = max(stringWidth(w, face, size) for w in _WORD_BREAK.split(cell) or [""])
            # +1 pt: a word exactly as wide as the line is pushed over by rounding.
            low[i] = max(low[i], min(word + padding + 1, width * 0.4))
            high[i] = max(high[i], stringWidth(cell, regular, size) + padding)
    if len(weights) == ncols and sum(weights) > 0:
        widths = [width * w / sum(weights) for w in weights]
    elif sum(high) <= width:
        widths = [width * h / sum(high) for h in high]
    else:
        short = [h <= width / ncols * 0.8 for h in high]
        widths = [h if s else lo for h, lo, s in zip(high, low, short, strict=True)]
        extra = [0.0 if s else h - lo for h, lo, s in zip(high, low, short, strict=True)]
        spare = width - sum(widths)
        if spare > 0 and sum(extra):
            widths = [w + spare * e / sum(extra) for w, e in zip(widths, extra, strict=True)]
    return tuple(_at_least(widths, low, width))


def _at_least(widths: list[float], low: list[float], width: float) -> list[float]:
    """Raise columns to their minimum, taking the room from columns that have some to spare."""
    if sum(low) >= width:
        # Not every word fits: the column with the longest word gives way, the others stay whole.
        widest = max(range(len(low)), key=low.__getitem__)
        rest = sum(lo for i, lo in enumerate(low) if i != widest)
        if rest < width * 0.8:
            return [width - rest if i == widest else lo for i, lo in enumerate(low)]
        return [width * lo / sum(low) for lo in low]
    widths = [max(w, lo) for w, lo in zip(widths, low, strict=True)]
    over = sum(widths) - width
    if over > 0:
        slack = [w - lo for w, lo in zip(widths, low, strict=True)]
        widths = [w - over * s / sum(slack) for w, s in zip(widths, slack, strict=True)]
    return [width * w / sum(widths) for w in widths]


def break_at_hyphens(cell: str, inner_width: float, size: float) -> str:
    """``cell`` with a line break after a hyphen wherever a hyphenated word is wider than its
    column: ReportLab would otherwise cut it mid-letter ("place" / "bo-controlled").

    Such a word cannot fit on one line anyway, so a break inside it costs nothing; the caller
    turns "\\n" into a line break after escaping.
    """
    if "-" not in cell:
        return cell
    out = []
    for token in re.split(r"(\s+)", cell):
        if "-" in token and stringWidth(token, fonts.REGULAR, size) > inner_width:
            lines = [""]
            for piece in re.split(r"(?<=-)", token):
                if lines[-1] and stringWidth(lines[-1] + piece, fonts.REGULAR, size) > inner_width:
                    lines.append("")
                lines[-1] += piece
            token = "\n".join(lines)
        out.append(token)
    return "".join(out)
