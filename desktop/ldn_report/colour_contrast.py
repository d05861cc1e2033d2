"""Text contrast per WCAG 2.x: relative luminance, contrast ratio, a darker shade that reads."""

from __future__ import annotations

RGB = tuple[float, float, float]  # each channel 0..1 (sRGB)

WHITE: RGB = (1.0, 1.0, 1.0)
MIN_TEXT_CONTRAST = 4.5  # WCAG 2.x AA for body text; the report uses it for large text too
# What adjusted colours aim at: a little over the minimum, so rounding in the PDF (colours
# are written with a few decimals) can never bring them under it.
_ADJUST_TARGET = MIN_TEXT_CONTRAST + 0.05


def rgb_of_hex(value: str) -> RGB:
    """``#RRGGBB`` as channels 0..1."""
    text = value.lstrip("#")
    return (int(text[0:2], 16) / 255, int(text[2:4], 16) / 255, int(text[4:6], 16) / 255)


def hex_of_rgb(rgb: RGB) -> str:
    # Rounded down: a darker shade never reads worse on a light background.
    return "#" + "".join(f"{int(c * 255 + 1e-9):02X}" for c in rgb)


def relative_luminance(rgb: RGB) -> float:
    """WCAG 2.x relative luminance of an sRGB colour."""
    def linear(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(foreground: RGB, background: RGB = WHITE) -> float:
    """(L1 + 0.05) / (L2 + 0.05), lighter over darker: 1 (none) to 21 (black on white)."""
    a, b = relative_luminance(foreground), relative_luminance(background)
    return (max(a, b) + 0.05) / (min(a, b) + 0.05)


def readable_shade(colour: RGB, background: RGB = WHITE,
                   minimum: float = MIN_TEXT_CONTRAST) -> RGB:
    """``colour`` when text in it reads on ``background``; else the lightest darker shade of
    it (mixed with black, so the hue stays) that does, at a little over ``minimum``."""
    if contrast_ratio(colour, background) >= minimum:
        return colour
    target = max(minimum, _ADJUST_TARGET)
    lo, hi = 0.0, 1.0  # how much of the colour is kept: 0 is black, which always reads
    for _ in range(40):
        mid = (lo + hi) / 2
        if contrast_ratio(tuple(c * mid for c in colour), background) >= target:  # type: ignore[arg-type]
            lo = mid
        else:
            hi = mid
    return (colour[0] * lo, colour[1] * lo, colour[2] * lo)


def accent_contrast_problem(accent_hex: str) -> str | None:
    """Why text in this accent colour would be hard to read on white paper, or None.

    The message gives the measured ratio, what is allowed, and a darker colour of the same
    hue that would do."""
    colour = rgb_of_hex(accent_hex)
    ratio = contrast_ratio(colour)
    if ratio >= MIN_TEXT_CONTRAST:
        return None
    suggestion = hex_of_rgb(readable_shade(colour))
    return (f"{accent_hex.upper()} has a contrast of {_floor2(ratio)}:1 against white paper; "
            f"headings, citation numbers and links in it need at least {MIN_TEXT_CONTRAST}:1 "
            f"(WCAG AA). Choose a darker colour, e.g. {suggestion} (the same hue, "
            f"{_floor2(contrast_ratio(rgb_of_hex(suggestion)))}:1)")


def _floor2(ratio: float) -> str:
    # Rounded down, so 4.496 never shows as the 4.50 it falls short of.
    return f"{int(ratio * 100) / 100:.2f}"
