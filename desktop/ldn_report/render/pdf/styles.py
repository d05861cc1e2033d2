"""Paragraph styles and colours for standard and large print, built once per (size, accent)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from reportlab.lib.colors import Color, HexColor, white
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.styles import ParagraphStyle

from ldn_report.colour_contrast import RGB, readable_shade
from ldn_report.render.pdf import fonts

DEFAULT_ACCENT = "#1F5C99"
TEXT = HexColor("#1A1A1A")
MUTED = HexColor("#555555")
RULE = HexColor("#B8B8B8")

# Callout colours: the left bar, and a pale fill that stays readable when printed in grey.
CALLOUT_COLOURS: dict[str, tuple[Color, Color]] = {
    "warning": (HexColor("#B3261E"), HexColor("#FBEAE8")),
    "caution": (HexColor("#B86E00"), HexColor("#FDF3E1")),
    "expectation": (HexColor("#1F5C99"), HexColor("#E8F0F8")),
    "info": (HexColor("#6B6B6B"), HexColor("#F2F2F2")),
}


@dataclass(frozen=True)
class Sizes:
    """The type scale: large print never goes under 12 pt, body 16 pt, headings 20 pt+."""

    body: float
    leading_factor: float
    title: float
    heading: float
    subheading: float
    small: float
    footer: float
    lead: float


STANDARD = Sizes(body=11, leading_factor=1.4, title=21, heading=15.5, subheading=12.5,
                 small=9, footer=7.5, lead=12.5)
# The clinician sections of a standard report: a denser body, like a journal's, so the evidence
# summary and references take fewer sheets. Patient sections and large print never use it.
CLINICIAN = Sizes(body=10, leading_factor=1.35, title=21, heading=15.5, subheading=11.5,
                  small=8.5, footer=7.5, lead=11)
# Large print: every heading (section, subheading, callout title) at 20 pt or more.
LARGE = Sizes(body=16, leading_factor=1.5, title=28, heading=23, subheading=20,
              small=13, footer=12, lead=17.5)


@dataclass(frozen=True)
class StyleSet:
    """The paragraph styles and colours of one report (standard or large print)."""

    large: bool
    sizes: Sizes
    accent: Color  # rules, timeline dots: not text
    tint: Color  # a light tint of the accent: table header rows, patient block
    link: Color  # citation numbers and links: the accent, darkened until it reads (4.5:1)
    title: ParagraphStyle
    heading: ParagraphStyle
    heading_after_tag: ParagraphStyle  # a heading right under its "For clinicians" tag
    subheading: ParagraphStyle
    audience_tag: ParagraphStyle
    body: ParagraphStyle
    body_flush: ParagraphStyle  # body without outer space: inside tables padding spaces it
    lead: ParagraphStyle
    small: ParagraphStyle
    quote: ParagraphStyle
    bullet: ParagraphStyle
    checklist: ParagraphStyle
    cell: ParagraphStyle
    cell_head: ParagraphStyle
    caption: ParagraphStyle
    callout_title: ParagraphStyle
    fact_label: ParagraphStyle
    fact_value: ParagraphStyle
    reference: ParagraphStyle
    reference_tight: ParagraphStyle  # a reference followed by its note
    reference_note: ParagraphStyle
    clinic_name: ParagraphStyle
    clinic_line: ParagraphStyle
    signature_role: ParagraphStyle
    signature_label: ParagraphStyle

    @property
    def space(self) -> float:
        """The basic vertical gap between blocks, in points."""
        return self.sizes.body * 0.8


def parse_accent(value: str) -> Color:
    """The template's accent colour, or the default blue when it is not a #RRGGBB value."""
    if re.fullmatch(r"#[0-9A-Fa-f]{6}", value or ""):
        return HexColor(value)
    return HexColor(DEFAULT_ACCENT)


def tint(colour: Color, amount: float) -> Color:
    """Mix ``colour`` with white; ``amount`` is how much of the colour stays."""
    return Color(*(1 - amount * (1 - c) for c in (colour.red, colour.green, colour.blue)))


def shade(colour: Color, amount: float) -> Color:
    """Mix ``colour`` with black, for text on tints that must stay dark enough to read."""
    return Color(*(c * (1 - amount) for c in (colour.red, colour.green, colour.blue)))


def readable(colour: Color, *backgrounds: Color) -> Color:
    """``colour``, or the lightest darker shade of it that reads as text on each of
    ``backgrounds``."""
    def channels(c: Color) -> RGB:
        return (c.red, c.green, c.blue)

    rgb = channels(colour)
    for background in backgrounds:
        rgb = readable_shade(rgb, channels(background))  # each step only darkens
    return Color(*rgb)


def _style(name: str, size: float, sizes: Sizes, **kw: object) -> ParagraphStyle:
    # Every style names a DejaVu face explicitly: ReportLab's defaults would fall back to Helvetica.
    kw.setdefault("fontName", fonts.REGULAR)
    kw.setdefault("textColor", TEXT)
    kw.setdefault("leading", round(size * sizes.leading_factor, 1))
    return ParagraphStyle(name, fontSize=size, alignment=TA_LEFT, bulletFontName=fonts.REGULAR,
                          bulletFontSize=size, **kw)


@cache
def style_set(large: bool, accent_hex: str, clinician: bool = False) -> StyleSet:
    """The styles for one print size and accent colour (cached: built once per process).

    ``clinician`` gives the denser type of the clinician sections (standard print only).
    """
    fonts.register_fonts()
    s = LARGE if large else CLINICIAN if clinician else STANDARD
    accent = parse_accent(accent_hex)
    background = tint(accent, 0.12)
    # Text in the accent is darkened a little for weight, and then, for a pale clinic colour,
    # as far as it takes to read (WCAG AA 4.5:1 on what it sits on), keeping its hue.
    heading_colour = readable(shade(accent, 0.15), white, background)
    cell = s.body if large else s.body - 1
    body = _style("body", s.body, s, spaceAfter=s.body * 0.6)
    reference = _style("reference", cell, s, leftIndent=cell * 2.4, bulletIndent=0,
                       spaceAfter=s.body * 0.5)
    return StyleSet(
        large=large,
        sizes=s,
        accent=accent,
        tint=background,
        # Citation numbers also sit in callouts and on the tint: readable on all of them.
        link=readable(shade(accent, 0.1), white, background,
                      *(fill for _, fill in CALLOUT_COLOURS.values())),
        title=_style("title", s.title, s, fontName=fonts.BOLD, textColor=heading_colour,
                     leading=s.title * 1.2, spaceAfter=s.body * 0.5),
        heading=_style("heading", s.heading, s, fontName=fonts.BOLD, textColor=heading_colour,
                       leading=s.heading * 1.25, spaceBefore=s.body * 1.4,
                       spaceAfter=s.body * 0.6, keepWithNext=1),
        heading_after_tag=_style("heading_after_tag", s.heading, s, fontName=fonts.BOLD,
                                 textColor=heading_colour, leading=s.heading * 1.25,
                                 spaceBefore=0, spaceAfter=s.body * 0.6, keepWithNext=1),
        subheading=_style("subheading", s.subheading, s, fontName=fonts.BOLD,
                          textColor=TEXT, leading=s.subheading * 1.3,
                          spaceBefore=s.body * 0.7, spaceAfter=s.body * 0.35, keepWithNext=1),
        audience_tag=_style("audience_tag", s.small, s, fontName=fonts.BOLD, textColor=MUTED,
                            spaceBefore=s.body * 1.2, spaceAfter=0, keepWithNext=1,
                            leading=s.small * 1.3),
        body=body,
        body_flush=ParagraphStyle("body_flush", parent=body, spaceAfter=0),
        lead=_style("lead", s.lead, s, spaceAfter=s.body * 0.7),
        small=_style("small", s.small, s, textColor=MUTED, spaceAfter=s.body * 0.5),
        quote=_style("quote", s.body, s, fontName=fonts.ITALIC, leftIndent=s.body * 1.5,
                     rightIndent=s.body * 1.5, spaceAfter=s.body * 0.6),
        bullet=_style("bullet", s.body, s, leftIndent=s.body * 1.5, bulletIndent=s.body * 0.3,
                      spaceAfter=s.body * 0.35),
        checklist=_style("checklist", s.body, s, leftIndent=s.body * 2.2, bulletIndent=0,
                         spaceAfter=s.body * 0.5),
        # Table cells: a step down in standard print; full body size in large print, where
        # the monitoring table is read by the patient.
        cell=_style("cell", cell, s, leading=cell * 1.3),
        cell_head=_style("cell_head", cell, s, fontName=fonts.BOLD,
                         textColor=readable(shade(accent, 0.3), background),
                         leading=cell * 1.3),
        caption=_style("caption", s.small, s, fontName=fonts.ITALIC, textColor=MUTED,
                       spaceBefore=s.body * 0.3, spaceAfter=s.body * 0.6),
        callout_title=_style("callout_title", s.subheading, s, fontName=fonts.BOLD,
                             leading=s.subheading * 1.3),
        fact_label=_style("fact_label", s.body, s, textColor=MUTED),
        fact_value=_style("fact_value", s.body, s, fontName=fonts.BOLD),
        reference=reference,
        reference_tight=ParagraphStyle("reference_tight", parent=reference,
                                       spaceAfter=cell * 0.15),
        reference_note=_style("reference_note", s.small, s,
                              fontName=fonts.ITALIC, textColor=MUTED, leftIndent=cell * 2.4,
                              spaceAfter=s.body * 0.6),
        clinic_name=_style("clinic_name", s.subheading + 1, s, fontName=fonts.BOLD,
                           textColor=heading_colour, leading=(s.subheading + 1) * 1.25),
        clinic_line=_style("clinic_line", s.small, s, textColor=MUTED, leading=s.small * 1.35),
        signature_role=_style("signature_role", s.body, s, fontName=fonts.BOLD,
                              spaceBefore=s.body * 0.8, keepWithNext=1),
        signature_label=_style("signature_label", s.small, s, textColor=MUTED),
    )
