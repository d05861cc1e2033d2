"""The Report -> a tagged PDF/UA-1 file: WeasyPrint lays out the HTML twin for paper."""

from __future__ import annotations

import functools
import threading
from pathlib import Path
from urllib.parse import unquote, urlsplit

from .. import report as model
from ..i18n import report_texts
from ..logo import MAX_LOGO_BYTES
from ..paths import FONTS_DIR, RESOURCES
from ..templates.model import ClinicTemplate
from ..untrusted.files import read_regular_file
from .footer import footer_facts
from .html import render_html
from .pdf import scripts
from .pdf.fonts import SCRIPT_FACES
from .pdf.styles import CLINICIAN, LARGE, STANDARD, Sizes, style_set
from .timeline_svg import timeline_svg

MAX_FONT_BYTES = 8 * 1024 * 1024  # DejaVu Sans is 0.7 MB; a bundled Noto subset is smaller

PRINT_CSS = RESOURCES / "print" / "accessible.css"
MAIN_FAMILY = "LDN Sans"
_FACES = (("DejaVuSans.ttf", "normal", "normal"), ("DejaVuSans-Bold.ttf", "bold", "normal"),
          ("DejaVuSans-Oblique.ttf", "normal", "italic"),
          ("DejaVuSans-BoldOblique.ttf", "bold", "italic"))


class RefusedFetch(ValueError):
    """A URL the accessible renderer will not read: it only reads its own bundled files."""


def css_string(value: str) -> str:
    """``value`` as a quoted CSS string: every character but letters, digits and spaces escaped,
    so user text (a template's footer line) can never close the string or add a rule."""
    out = []
    for c in value:
        if c == "\n":
            out.append("\\A ")  # a line break inside generated content (white-space: pre-line)
        elif c.isascii() and (c.isalnum() or c == " "):
            out.append(c)
        else:
            # the space ends the escape and is eaten with it: a real space after stays
            out.append(f"\\{ord(c):x} ")
    return '"' + "".join(out) + '"'


def _footer_facts(meta: model.ReportMeta, template: ClinicTemplate, content_hash: str) -> str:
    """The standard PDF's footer facts, in its words and order (render/pdf/document.py)."""
    label = meta.template_label or meta.template_name or template.name
    facts = " \u00b7 ".join(footer_facts(meta, label, content_hash))
    own = template.footer_text.strip()
    return f"{facts}\n{own}" if own else facts


def _page_label(language: str) -> str:
    """The footer's "Page N of M" in the report's language, as CSS generated content."""
    words = report_texts(language)["footer.page"]
    before, rest = words.split("{number}", 1)
    between, after = rest.split("{total}", 1)
    pieces = [css_string(before), "counter(page)", css_string(between), "counter(pages)",
              css_string(after)]
    return " ".join(p for p in pieces if p != '""')


def _face_rule(family: str, file: str, weight: str, style: str, ranges: str = "") -> str:
    src = css_string((FONTS_DIR / file).as_uri())
    limit = f";unicode-range:{ranges}" if ranges else ""
    return (f"@font-face{{font-family:{css_string(family)};src:url({src});"
            f"font-weight:{weight};font-style:{style}{limit}}}\n")


def font_faces(report: model.Report) -> tuple[list[tuple[str, str, str, str, str]], str]:
    """(the @font-face faces as (family, file, weight, style, unicode-range), the font-family
    list) for a report: DejaVu Sans, and the bundled face of each other script the report has
    text in (as the standard PDF: render/pdf/fonts.py), so no system font is needed.

    A script's face only draws its own characters (unicode-range) and comes before DejaVu
    Sans, which has Arabic and Hebrew letters of its own; it has no italic, and the CJK face
    no bold either: those print in its regular face (upright, regular weight), nothing dropped.
    """
    faces = [(MAIN_FAMILY, f, w, s, "") for f, w, s in _FACES]
    families = []
    # The model's repr holds every string the page prints, letters of every script as they are.
    for script in sorted(scripts.scripts_in(repr(report))):
        family = f"LDN {script.title()}"
        ranges = ",".join(f"U+{lo:04X}-{hi:04X}" for lo, hi in scripts.ranges_of(script))
        regular, bold = SCRIPT_FACES[script]
        faces += [(family, f"{regular}.ttf", "normal", "normal", ranges),
                  (family, f"{bold}.ttf", "bold", "normal", ranges)]
        families.append(family)
    return faces, ",".join(css_string(f) for f in [*families, MAIN_FAMILY])


def page_css(report: model.Report, template: ClinicTemplate, content_hash: str,
             faces: list[tuple[str, str, str, str, str]], families: str) -> str:
    """The per-report part of the print stylesheet: fonts, paper, margins, sizes, footer."""
    # Type sizes in points as the standard PDF prints them: the clinician sections denser
    # (standard print only), tables a point under the body.
    large = template.large_print
    s = LARGE if large else STANDARD
    foot = s.footer
    size = "A4" if template.page.size == "a4" else "letter"
    margin = template.page.margin_mm
    footer = css_string(_footer_facts(report.meta, template, content_hash))
    return ("".join(_face_rule(*face) for face in faces)
            + f"html,body{{font-family:{families}}}\n"
            f"@page{{size:{size};margin:{margin}mm {margin}mm {margin + foot * 0.5}mm;"
            f"@bottom-left{{content:{footer};font-size:{foot}pt;white-space:pre-line;"
            f"vertical-align:top;padding-top:{foot * 0.6}pt;width:78%}}"
            f"@bottom-right{{content:{_page_label(report.meta.language)};"
            f"font-size:{foot}pt;vertical-align:top;padding-top:{foot * 0.6}pt}}}}\n"
            f":root{{{_size_properties(s, large)}--title:{s.title}pt;--heading:{s.heading}pt}}\n"
            f"section.clinician{{{_size_properties(s if large else CLINICIAN, large)}}}\n"
            f"h2{{border-bottom-color:{template.branding.accent_colour}}}\n")


def _size_properties(s: Sizes, large: bool) -> str:
    cell = s.body if large else s.body - 1  # as render/pdf/styles.py sets table cells
    return (f"--body:{s.body}pt;--leading:{s.leading_factor};--sub:{s.subheading}pt;"
            f"--small:{s.small}pt;--cell:{cell}pt;")


def local_fetcher(allowed: dict[Path, int]) -> object:
    """A WeasyPrint URL fetcher that reads only the given files (each up to its size limit, as
    every file read goes: untrusted/), never the network or any other file."""
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class LocalFetcher(URLFetcher):
        def fetch(self, url: str, headers: object = None) -> URLFetcherResponse:
            parts = urlsplit(url)
            path = Path(unquote(parts.path)).resolve() if parts.scheme == "file" else None
            if path is None or path not in allowed:
                raise RefusedFetch("the accessible PDF reads only its bundled files and the "
                                   f"template's logo, not this {parts.scheme or 'relative'} URL")
            data = read_regular_file(path, allowed[path], what="file the accessible PDF uses")
            return URLFetcherResponse(path.as_uri(), data)

    return LocalFetcher(allowed_protocols=("file",))


def render_accessible_pdf(report: model.Report, template: ClinicTemplate,
                          content_hash: str) -> tuple[bytes, int]:
    """(``report`` as a tagged PDF/UA-1 file with the standard PDF's footer facts, its pages)."""
    # Imported here: WeasyPrint and Pango take a while to load, and only this route needs them.
    from weasyprint import HTML

    logo = Path(template.branding.logo) if template.branding.logo else None
    styles = style_set(template.large_print, template.branding.accent_colour)
    width = _content_width(template)
    language = report.meta.language

    faces, families = font_faces(report)

    def timeline(block: model.Timeline, alt: str) -> str:
        return timeline_svg(block, width, styles, language, alt, families)

    allowed = {(FONTS_DIR / face[1]).resolve(): MAX_FONT_BYTES for face in faces}
    if logo:
        allowed[logo.resolve()] = MAX_LOGO_BYTES
    # In the page, not as a user stylesheet: the page's own (author) style would win over that.
    css = page_css(report, template, content_hash, faces, families) + PRINT_CSS.read_text(
        encoding="utf-8")
    page = render_html(report, content_hash, print_css=css,
                       logo_url=logo.resolve().as_uri() if logo else "",
                       timeline_figure=timeline)
    document = HTML(string=page, url_fetcher=local_fetcher(allowed),
                    base_url=RESOURCES.as_uri() + "/")
    with _render_lock:
        laid_out = document.render(font_config=_font_config(), pdf_variant="pdf/ua-1")
        return (laid_out.write_pdf(pdf_variant="pdf/ua-1", finisher=_header_scopes),
                len(laid_out.pages))


_render_lock = threading.Lock()


@functools.cache
def _font_config() -> object:
    """One FontConfiguration for the process: @font-face rules load only through one, and
    making one reads the system's font list anew (20-100 ms here) and copies every face into a
    new temporary folder; a face once added stays (WeasyPrint skips a rule it has seen), and the
    folder goes when the process ends. Used under the render lock: WeasyPrint's font map is not
    made for two threads at once."""
    from weasyprint.text.fonts import FontConfiguration

    return FontConfiguration()


def _content_width(template: ClinicTemplate) -> float:
    """The text column's width in points, as @page lays it out (the paper less the margins)."""
    paper = {"a4": 595.2756, "letter": 612.0}[template.page.size]
    return paper - 2 * template.page.margin_mm * 72 / 25.4


def _header_scopes(document: object, pdf: object) -> None:
    """Give every TH its /Scope (Row or Column, from the HTML's scope attribute).

    WeasyPrint 70 links each TD to its headers (/Headers and /ID), which PDF/UA-1 accepts, but
    writes no /Scope; screen readers that read the scope, and our own checks, want both.
    """
    for page in document.pages:  # type: ignore[attr-defined]
        for box in page._page_box.descendants():
            mark = getattr(box, "mark", None)
            if mark is not None and box.element_tag == "th":
                scope = box.element.attrib.get("scope")
                mark["A"]["Scope"] = "/Row" if scope == "row" else "/Column"
