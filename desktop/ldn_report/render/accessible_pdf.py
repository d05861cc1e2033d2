"""The Report -> a tagged PDF/UA-1 file: WeasyPrint lays out the HTML twin for paper."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlsplit

from .. import report as model
from ..logo import MAX_LOGO_BYTES
from ..paths import FONTS_DIR, RESOURCES
from ..templates.model import ClinicTemplate
from ..untrusted.files import read_regular_file
from .html import render_html

MAX_FONT_BYTES = 8 * 1024 * 1024  # DejaVu Sans is 0.7 MB; a bundled Noto subset is smaller

PRINT_CSS = RESOURCES / "print" / "accessible.css"
# Type sizes in points, as the standard PDF prints them (render/pdf/styles.py): body, title,
# section heading, subheading, small print, footer.
_SIZES = {"standard": (11, 21, 15.5, 12.5, 9, 7.5), "large": (16, 28, 23, 20, 13, 12)}
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
            out.append(f"\\{ord(c):06x}")
    return '"' + "".join(out) + '"'


def _footer_facts(meta: model.ReportMeta, template: ClinicTemplate, content_hash: str) -> str:
    """The standard PDF's footer facts, in its words and order (render/pdf/document.py)."""
    parts = [meta.template_name or template.name,
             f"Evidence pack {meta.pack_version} ({meta.pack_date})",
             f"content {content_hash[:12]}", f"generated {meta.generated_on}"]
    facts = " \u00b7 ".join(p for p in parts if p)
    own = template.footer_text.strip()
    return f"{facts}\n{own}" if own else facts


def page_css(report: model.Report, template: ClinicTemplate, content_hash: str) -> str:
    """The per-report part of the print stylesheet: fonts, paper, margins, sizes, footer."""
    body, title, heading, sub, small, foot = _SIZES["large" if template.large_print else
                                                    "standard"]
    faces = "".join(
        f'@font-face{{font-family:"LDN Sans";src:url({css_string((FONTS_DIR / f).as_uri())});'
        f"font-weight:{w};font-style:{s}}}\n" for f, w, s in _FACES)
    size = "A4" if template.page.size == "a4" else "letter"
    margin = template.page.margin_mm
    footer = css_string(_footer_facts(report.meta, template, content_hash))
    return (f"{faces}"
            f"@page{{size:{size};margin:{margin}mm {margin}mm {margin + foot * 0.5}mm;"
            f"@bottom-left{{content:{footer};font-size:{foot}pt;white-space:pre-line;"
            f"vertical-align:top;padding-top:{foot * 0.6}pt;width:78%}}"
            f'@bottom-right{{content:"Page " counter(page) " of " counter(pages);'
            f"font-size:{foot}pt;vertical-align:top;padding-top:{foot * 0.6}pt}}}}\n"
            f":root{{--body:{body}pt;--title:{title}pt;--heading:{heading}pt;--sub:{sub}pt;"
            f"--small:{small}pt}}\n"
            f"h2{{border-bottom-color:{template.branding.accent_colour}}}\n")


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
    from weasyprint.text.fonts import FontConfiguration

    logo = Path(template.branding.logo) if template.branding.logo else None
    allowed = {(FONTS_DIR / f).resolve(): MAX_FONT_BYTES for f, _, _ in _FACES}
    if logo:
        allowed[logo.resolve()] = MAX_LOGO_BYTES
    fetcher = local_fetcher(allowed)
    fonts = FontConfiguration()  # @font-face rules load only through one of these
    # In the page, not as a user stylesheet: the page's own (author) style would win over that.
    css = page_css(report, template, content_hash) + PRINT_CSS.read_text(encoding="utf-8")
    document = HTML(string=render_html(report, content_hash, print_css=css,
                                            logo_url=logo.resolve().as_uri() if logo else ""),
                    url_fetcher=fetcher, base_url=RESOURCES.as_uri() + "/")
    laid_out = document.render(font_config=fonts, pdf_variant="pdf/ua-1")
    return (laid_out.write_pdf(pdf_variant="pdf/ua-1", finisher=_header_scopes),
            len(laid_out.pages))


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
