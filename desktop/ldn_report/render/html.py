"""The Report model -> one self-contained, accessible HTML5 page (no scripts, nothing external)."""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence

from .. import report as model
from ..i18n import format_number, report_texts
from . import text_direction
from .footer import footer_facts

# Draws a timeline for paper: (block, alternative text) -> inline SVG (render/timeline_svg.py).
TimelineFigure = Callable[[model.Timeline, str], str]

# C0/C1 control characters (other than line breaks and tabs) have no business in a page and
# some screen readers announce them; the PDF drops them too (pdf/markup.py).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_SAFE_SCHEMES = ("https://", "http://")
# A phone number as people write one: digits, spaces, "+", "-", "(", ")". Anything else
# ("ext. 4", "ask reception") prints as text, not as a tel: link.
_PHONE = re.compile(r"[0-9 +()\-]*[0-9][0-9 +()\-]*")
# Words, not only colour, say how serious a callout is (colour-blind and screen reader users).

# rem/em only, so the reader's own font size and zoom scale everything. System fonts only:
# no download, and the reader's own font settings win.
CSS = """
:root{color-scheme:light dark}
html{font-size:100%}
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",Arial,sans-serif;
font-size:1.15rem;line-height:1.5;color:#111;background:#fff;margin:0 auto;padding:1rem 1.25rem;
max-width:42em;overflow-wrap:break-word}
p,li,dd,td,th{unicode-bidi:plaintext}
h1{font-size:1.8em;line-height:1.25;margin:.5em 0}
h2{font-size:1.4em;line-height:1.3;margin:1.6em 0 .5em;border-bottom:.1em solid #0b4f8a}
h3{font-size:1.15em;margin:1.2em 0 .4em}
a{color:#0b4f8a;text-decoration:underline}
a:focus{outline:.2em solid #b45f00;outline-offset:.1em}
.clinic{font-weight:bold;margin:0}
header p,header address{margin:0}
address{font-style:normal}
.audience{font-size:.9em;font-weight:bold;letter-spacing:.05em;text-transform:uppercase;
margin:2em 0 0}
.audience+h2{margin-top:.2em}
.lead{font-size:1.1em}
.small,.note,footer{font-size:.95em}
.quote{font-style:italic;margin-left:1.5em}
table.facts{width:auto;background:#f1f4f8;border:.06em solid #888}
table.facts th,table.facts td{border:0;padding:.15em .6em}
aside{border:.1em solid #555;border-left-width:.5em;padding:.5em 1em;margin:1em 0;
background:#f6f6f6}
aside.warning{border-color:#a00000;background:#fff0f0}
aside.caution{border-color:#8a5a00;background:#fff8e8}
aside.expectation,aside.info{border-color:#0b4f8a;background:#eef4fb}
aside p{margin:.4em 0}
table{border-collapse:collapse;width:100%;margin:.5em 0 1em}
caption{text-align:left;font-style:italic;padding:.3em 0;caption-side:bottom}
th,td{border:.06em solid #777;padding:.35em .5em;text-align:left;vertical-align:top}
thead th{background:#e6ecf3}
ul.checklist{list-style:none;padding-left:0}
ul.checklist li{margin:.4em 0;padding-left:1.6em;text-indent:-1.6em}
.signature{margin:1.5em 0;break-inside:avoid}
.signature p{margin:.9em 0}
.blank{display:inline-block;width:18em;max-width:60%;border-bottom:.08em solid currentColor;
height:1.2em;vertical-align:bottom}
ol.references li{margin:.5em 0}
footer{border-top:.06em solid #777;margin-top:2.5em;padding-top:.5em}
@media (prefers-color-scheme:dark){
body{color:#f2f2f2;background:#121212}
a,h2{color:#9cc8ff;border-color:#9cc8ff}
table.facts,thead th,aside,aside.expectation,aside.info{background:#1e2630}
aside.warning{background:#3a1414;border-color:#ff8a8a}
aside.caution{background:#33290f;border-color:#ffc266}}
@media print{
body{max-width:none;padding:0;color:#000;background:#fff}
a{color:#000}
h2,h3{break-after:avoid}
aside,tr,li{break-inside:avoid}
section.new-page{break-before:page}}
""".strip()


def text(value: str) -> str:
    """Plain text from the model as HTML: escaped (quotes too); a "\\n" becomes a line break.

    A stretch of Arabic or Hebrew words inside other text is isolated in <bdi>, so the numbers
    and punctuation of the English around a name keep their places (the browser orders the
    letters itself; a line that is all Arabic or Hebrew takes its direction from the
    stylesheet's unicode-bidi: plaintext).
    """
    value = unicodedata.normalize("NFC", value)
    value = _CONTROL.sub("", value).replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    if not text_direction.has_rtl(value):
        return html.escape(value, quote=True).replace("\n", "<br>")
    return "<br>".join(
        "".join(f"<bdi>{html.escape(part, quote=True)}</bdi>" if rtl and part != line
                else html.escape(part, quote=True)
                for part, rtl in text_direction.stretches(line))
        for line in value.split("\n"))


def attr(value: str) -> str:
    return html.escape(_CONTROL.sub("", value), quote=True)


class _Renderer:
    """Turns one report's blocks into HTML fragments (every model string goes through text())."""

    def __init__(self, report: model.Report, timeline_figure: TimelineFigure | None = None
                 ) -> None:
        self.report = report
        self.timeline_figure = timeline_figure
        self.t = report_texts(report.meta.language)
        self.numbers = {r.id: r.number for r in report.references}
        # Only link to anchors that exist: a template may hide the reference list.
        self.linked = {e.id for s in report.sections for b in s.blocks
                       if isinstance(b, model.ReferenceList) for e in b.entries}

    def cites(self, ref_ids: Sequence[str]) -> str:
        unknown = [r for r in ref_ids if r not in self.numbers]
        if unknown:  # a composing bug, as in the PDF renderer: say so rather than print "[?]"
            raise ValueError(f"citation to a reference the report does not list: {unknown[0]!r}")
        links = [f'<a href="#ref-{n}">[{n}]</a>' if r in self.linked else f"[{n}]"
                 for n, r in sorted({(self.numbers[r], r) for r in ref_ids})]
        return f'\u00a0<span class="cite">{"".join(links)}</span>' if links else ""

    def inline(self, para: model.Paragraph) -> str:
        return text(para.text) + self.cites(para.cites)

    def block(self, block: model.Block) -> list[str]:
        handler: Callable[[object], list[str]] | None = getattr(
            self, "_" + type(block).__name__.lower(), None)
        if handler is None:
            raise TypeError(f"the HTML renderer cannot draw a {type(block).__name__}")
        return handler(block)

    def _paragraph(self, block: model.Paragraph) -> list[str]:
        cls = f' class="{block.style}"' if block.style != "body" else ""
        return [f"<p{cls}>{self.inline(block)}</p>"]

    def _subheading(self, block: model.Subheading) -> list[str]:
        return [f"<h3>{text(block.text)}</h3>"]

    def _bulletlist(self, block: model.BulletList) -> list[str]:
        return ["<ul>", *(f"<li>{self.inline(p)}</li>" for p in block.items), "</ul>"]

    def _callout(self, block: model.Callout) -> list[str]:
        word = self.t.get(f"kind.{block.kind}", self.t["kind.info"])
        title = f": {text(block.title)}" if block.title else ""
        return [f'<aside role="note" class="{attr(block.kind)}">',
                f"<p><strong>{word}{title}</strong></p>",
                *(f"<p>{self.inline(p)}</p>" for p in block.body), "</aside>"]

    def _table(self, block: model.Table) -> list[str]:
        out = ["<table>"]
        if block.caption:
            out.append(f"<caption>{text(block.caption)}</caption>")
        if block.header:
            out += ["<thead><tr>", *(f'<th scope="col">{text(h)}</th>' for h in block.header),
                    "</tr></thead>"]
        out.append("<tbody>")
        for i, row in enumerate(block.rows):
            cells = [text(c) + self.cites(block.cites_for(i, j)) for j, c in enumerate(row)]
            cells = cells or [""]
            # The first column names the row (when, which study): a row header for screen readers.
            out.append("<tr>" + f'<th scope="row">{cells[0]}</th>'
                       + "".join(f"<td>{c}</td>" for c in cells[1:]) + "</tr>")
        return [*out, "</tbody>", "</table>"]

    def _timeline(self, block: model.Timeline) -> list[str]:
        # A drawing says nothing to a screen reader; the same points as an ordered list do.
        # On paper (the accessible PDF) the drawing comes first as a figure whose alternative
        # text sums up the same points in words.
        figure = [self.timeline_figure(block, timeline_alt(block, self.report.meta.language))
                  ] if self.timeline_figure and block.points else []
        out = [f"<p>{text(block.caption)}</p>"] if block.caption else []
        items = [f"<li>{text(point)}</li>"
                 for point in _timeline_points(block, self.report.meta.language, "mon.week")]
        return [*figure, *out, '<ol class="timeline">', *items, "</ol>"] if items else out

    def _factlist(self, block: model.FactList) -> list[str]:
        if not block.items:
            return []
        # A table with row headers, not a <dl>: a tagged PDF keeps a row's label and value
        # together (TR > TH scope=row + TD), where a list splits them into separate items.
        rows = (f'<tr><th scope="row">{text(k)}</th><td>{text(v)}</td></tr>'
                for k, v in block.items)
        return ['<table class="facts">', *rows, "</table>"]

    def _checklist(self, block: model.Checklist) -> list[str]:
        # A printed form: a box to tick by hand, not a form control that would not print.
        lead = [f"<p>{text(block.lead)}</p>"] if block.lead else []
        return [*lead, '<ul class="checklist">',
                *(f"<li>\u2610 {text(item)}</li>" for item in block.items), "</ul>"]

    def _signaturelines(self, block: model.SignatureLines) -> list[str]:
        out: list[str] = []
        for role in block.roles:
            out.append(f'<div class="signature"><p><strong>{text(role)}</strong></p>')
            out += [f'<p>{text(label)}: <span class="blank"></span></p>'
                    for label in block.labels]
            out.append("</div>")
        return out

    def _referencelist(self, block: model.ReferenceList) -> list[str]:
        out = ['<ol class="references">']
        for entry in block.entries:
            links = " ".join(_external_link(label, url) for label, url in entry.links)
            note = f'<br><span class="note">{text(entry.note)}</span>' if entry.note else ""
            out.append(f'<li id="ref-{entry.number}" value="{entry.number}">'
                       f'{text(entry.text)}{" " + links if links else ""}{note}</li>')
        return [*out, "</ol>"]

    def _clinictext(self, block: model.ClinicText) -> list[str]:
        """The clinic's wording: faces come from the model's spans, never from its text."""
        out: list[str] = []
        in_list = False
        for para in block.paragraphs:
            spans = "".join(_span(s) for s in para.spans)
            if para.bullet != in_list:
                out.append("<ul>" if para.bullet else "</ul>")
                in_list = para.bullet
            out.append(f"<li>{spans}</li>" if para.bullet else f"<p>{spans}</p>")
        return [*out, "</ul>"] if in_list else out


def _timeline_points(block: model.Timeline, language: str, key: str) -> list[str]:
    """Each point of the timeline in words, in week order: its label, and its week in the
    words of ``key`` when the label does not already say it ("Week 4")."""
    t = report_texts(language)
    out = []
    for point in sorted(block.points, key=lambda p: p.week):
        week = format_number(point.week, language)
        label = point.label.strip()
        if label.lower() == t["mon.week"].format(week=week).lower():
            out.append(label)
        elif key == "mon.week":
            out.append(f'{t["mon.week"].format(week=week)}: {label}')
        else:
            out.append(t[key].format(label=label, week=week))
    return out


def timeline_alt(block: model.Timeline, language: str) -> str:
    """The timeline drawing's alternative text: every point and its week, from the same data."""
    points = _timeline_points(block, language, "mon.timeline_point")
    return report_texts(language)["mon.timeline_alt"].format(points="; ".join(points))


def _span(span: model.Span) -> str:
    out = text(span.text)
    if span.italic:
        out = f"<em>{out}</em>"
    return f"<strong>{out}</strong>" if span.bold else out


def _external_link(label: str, url: str) -> str:
    """A link for DOI/PMID pages; a non-web URL (javascript:, file:) prints as text only."""
    if url.strip().lower().startswith(_SAFE_SCHEMES):
        return f'<a href="{attr(url.strip())}" rel="noreferrer">{text(label)}</a>'
    return text(label)


def _phone(phone: str) -> str:
    """A phone number as a tel: link (dialled without the spaces and brackets), else text."""
    if _PHONE.fullmatch(phone):
        dial = "".join(c for c in phone if c.isdigit() or c == "+")
        return f'<a href="tel:{attr(dial)}">{text(phone)}</a>'
    return text(phone)


def _header(meta: model.ReportMeta, logo_url: str = "") -> list[str]:
    """The clinic's letterhead, as the PDF prints it; none of it when the letterhead is off."""
    if not meta.letterhead:
        return []
    t = report_texts(meta.language)
    lines = []
    if logo_url:  # a figure a screen reader names, never an empty alt
        clinic = " ".join(meta.author.split()) or t["logo.the_clinic"]
        alt = t["logo.alt"].format(clinic=clinic)
        lines.append(f'<img class="logo" src="{attr(logo_url)}" alt="{attr(alt)}">')
    if meta.author.strip():
        lines.append(f'<p class="clinic">{text(meta.author)}</p>')
    if meta.clinic_department.strip():
        lines.append(f"<p>{text(meta.clinic_department)}</p>")
    contact = []
    if meta.clinic_address.strip():
        contact.append(f"<p>{text(meta.clinic_address.strip())}</p>")
    if meta.clinic_phone.strip():
        contact.append(f"<p>{text(t['contact.phone'])} {_phone(meta.clinic_phone.strip())}</p>")
    if meta.clinic_website.strip():
        site = meta.clinic_website.strip()
        contact.append(f"<p>{text(t['contact.website'])} {_external_link(site, site)}</p>")
    if contact:
        lines += ["<address>", *contact, "</address>"]
    return ["<header>", *lines, "</header>"] if lines else []


def _meta_facts(meta: model.ReportMeta) -> model.FactList:
    """The patient block the PDF prints when the header section has none (same rule)."""
    t = report_texts(meta.language)
    facts = [(t["fact.patient"], t["deidentified"] if meta.deidentified else meta.patient_label),
             (t["fact.date"], meta.appointment_date or meta.generated_on),
             (t["fact.clinician"], meta.clinician)]
    return model.FactList(tuple((k, v) for k, v in facts if v))


def _footer(meta: model.ReportMeta, content_hash: str) -> str:
    t = report_texts(meta.language)
    name = meta.template_label or meta.template_name
    label = t["footer.template"].format(name=name) if name else ""
    facts = footer_facts(meta, label, content_hash)
    own = meta.footer_text.strip()  # the template's own line(s), printed under ours as in the PDF
    extra = f"<p>{text(own)}</p>" if own else ""
    return f"<footer><p>{text(' · '.join(facts))}</p>{extra}</footer>"


def _section(r: _Renderer, index: int, section: model.Section) -> Iterable[str]:
    clinician = section.audience == "clinician"
    label = f' aria-labelledby="h-{index}"' if section.title else ""
    # new-page: where the standard PDF starts a new page (the template's choice), for print.
    classes = [c for c, on in (("clinician", clinician), ("new-page", section.page_break_before))
               if on]
    cls = f' class="{" ".join(classes)}"' if classes else ""
    yield f'<section id="s-{index}"{cls}{label}>'
    if clinician:
        yield '<p class="audience">For clinicians</p>'
    if section.title:
        yield f'<h2 id="h-{index}">{text(section.title)}</h2>'
    for block in section.blocks:
        yield from r.block(block)
    yield "</section>"


def render_html(report: model.Report, content_hash: str, print_css: str = "",
                logo_url: str = "", timeline_figure: TimelineFigure | None = None) -> str:
    """``report`` as one HTML5 document; the same inputs give the same text.

    ``print_css`` (the accessible PDF's paper layout) goes after the page's own style, so it
    wins where both set something. ``logo_url``: the clinic's logo in the letterhead (the
    accessible PDF gives its file; the standalone page stays self-contained without one).
    ``timeline_figure`` draws the monitoring timeline as a figure (the accessible PDF's).

    Only the model's own fields are used: a de-identified report stays de-identified because
    the model already hides the identity, and nothing else is looked up here.
    """
    meta = report.meta
    r = _Renderer(report, timeline_figure)
    body: list[str] = [*_header(meta, logo_url), "<main>", f"<h1>{text(meta.title)}</h1>"]
    header = report.section("header")
    if header is None or not any(isinstance(b, model.FactList) for b in header.blocks):
        body += r.block(_meta_facts(meta))  # the patient block belongs at the top, as in the PDF
    for i, section in enumerate(report.sections, 1):
        body += _section(r, i, section)
    body += ["</main>", _footer(meta, content_hash)]
    head = ["<!DOCTYPE html>", f'<html lang="{attr(meta.language or "en")}">', "<head>",
            '<meta charset="utf-8">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            # no <br> or <bdi> inside a title
            f"<title>{attr(' '.join(meta.title.split()))}</title>",
            f"<style>\n{CSS}\n</style>",
            *([f"<style>\n{print_css}\n</style>"] if print_css else []), "</head>", "<body>"]
    return "\n".join([*head, *body, "</body>", "</html>"]) + "\n"
