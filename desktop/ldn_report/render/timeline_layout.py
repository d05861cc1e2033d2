"""Where the monitoring timeline's axis, ticks and labels go: one layout for the PDF and the SVG."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from ..i18n.formats import format_number

TextWidth = Callable[[str, float], float]  # (text, font size in points) -> width in points


@dataclass(frozen=True)
class PlacedLabel:
    """One timeline label where it is drawn."""

    text: str
    x: float  # the point on the axis
    left: float  # where the label's text starts
    baseline: float
    stem_end: float | None  # a leader line from the axis to here, for labels moved out a row


@dataclass(frozen=True)
class TimelineLayout:
    """Coordinates in points with y going up from the bottom (ReportLab's way)."""

    width: float
    height: float
    axis_y: float
    axis_from: float
    axis_to: float
    unit: str
    unit_x: float
    unit_baseline: float
    tick_baseline: float
    ticks: tuple[tuple[float, str], ...]  # (x, number printed under the tick)
    labels: tuple[PlacedLabel, ...]
    label_size: float
    tick_size: float


def timeline_font_sizes(small: float, large: bool) -> tuple[float, float]:
    """(label size, tick number size) for the report's small print size; large print never
    goes under 12 pt."""
    if large:
        return max(small + 1, 12), max(small, 12)
    return small + 1, small


def nice_step(span: float, max_ticks: int) -> float:
    """A tick step of 1, 2, 4 (weeks), or a multiple of 4, giving at most ``max_ticks`` ticks."""
    for step in (1, 2, 4, 8, 12, 16, 26, 52):
        if span / step <= max_ticks:
            return step
    return math.ceil(span / max_ticks / 52) * 52


def layout_timeline(points: Sequence[tuple[str, float]], width: float, *, label_size: float,
                    tick_size: float, unit: str, language: str,
                    text_width: TextWidth) -> TimelineLayout:
    """A horizontal axis in weeks with labelled points; labels take turns above and below the
    axis, and move one row further out when they would still touch a neighbour."""
    points = sorted(points, key=lambda p: p[1])
    row_h = label_size * 1.4
    unit_w = text_width(unit, tick_size) + tick_size
    weeks = [w for _, w in points] or [0.0]
    lo = min(0.0, *weeks)
    axis_w = width - unit_w
    step = nice_step(max(max(weeks) - lo, 1), max(3, int(axis_w / (tick_size * 7))))
    hi = math.ceil(max(max(weeks), lo + step) / step) * step
    edge = tick_size

    def x_of(week: float) -> float:
        return edge + (week - lo) / (hi - lo) * (axis_w - 2 * edge)

    # Alternate labels above/below the axis; move one row out while still touching a
    # neighbour on that side (after trying the other side's same row first).
    right_edge: dict[tuple[int, int], float] = {}  # (side, row) -> right end of last label
    gap = label_size * 0.8
    placed: list[tuple[str, float, float, int, int]] = []
    for i, (label, week) in enumerate(points):
        x = x_of(week)
        w = text_width(label, label_size)
        left = min(max(x - w / 2, 0), width - w)
        side, row = (1 if i % 2 == 0 else -1), 0
        while right_edge.get((side, row), -1e9) + gap > left:
            if right_edge.get((-side, row), -1e9) + gap <= left:
                side = -side
                break
            row += 1
        right_edge[(side, row)] = left + w
        placed.append((label, x, left, side, row))

    rows_above = 1 + max((r for *_, s, r in placed if s == 1), default=-1)
    rows_below = 1 + max((r for *_, s, r in placed if s == -1), default=-1)
    tick_band = tick_size * 1.7
    axis_y = rows_below * row_h + tick_band + 2
    height = axis_y + rows_above * row_h + label_size * 0.6
    ticks = []
    week = lo
    while week <= hi + 1e-9:
        ticks.append((x_of(week), format_number(week, language)))
        week += step
    labels = []
    for label, x, left, side, row in placed:
        if side == 1:
            baseline = axis_y + label_size * 0.75 + row * row_h
            stem_end = baseline - 2
        else:
            baseline = axis_y - tick_band - label_size * 0.9 - row * row_h
            stem_end = baseline + label_size
        labels.append(PlacedLabel(label, x, left, baseline, stem_end if row else None))
    return TimelineLayout(
        width=width, height=height, axis_y=axis_y, axis_from=x_of(lo),
        axis_to=x_of(hi) + edge / 2, unit=unit, unit_x=x_of(hi) + edge,
        unit_baseline=axis_y - tick_size * 0.35, tick_baseline=axis_y - tick_size * 1.3,
        ticks=tuple(ticks), labels=tuple(labels), label_size=label_size, tick_size=tick_size)
