"""Clinic templates in the real PDF: built-ins render, print size, page size, order, clinic text."""

from __future__ import annotations

import collections
import dataclasses
import io
import itertools
import re
import statistics

import pdfplumber
import pytest
from pypdf import PdfReader

from ldn_report.build import build_report
from ldn_report.examples import example_names, load_example
from ldn_report.paths import EXAMPLES_DIR
from ldn_report.templates.catalogue import builtin_templates, resolve_template
from ldn_report.templates.file_format import load_template
from ldn_report.templates.model import DEFAULT_HEADINGS, SectionSetting
from pdf_text import folded, pdf_text

INJECTION = "**Ann** <b>Bold</b> & {clinic_phone} *x*"


def chars_and_lines(pdf: bytes):
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        chars = [c for page in doc.pages for c in page.chars]
        lines = [line for page in doc.pages for line in page.extract_text_lines(return_chars=True)]
    return chars, lines


@pytest.fixture(scope="module")
def ctx():
    return load_example("everything-flagged")


def outline(pdf: bytes) -> list[str]:
    """The PDF's bookmarks: one per printed section heading, in page order."""
    return [item.title for item in PdfReader(io.BytesIO(pdf)).outline]


@pytest.mark.parametrize("template", builtin_templates(), ids=lambda t: t.slug)
def test_every_builtin_renders_its_sections_in_order(ctx, template):
    result = build_report(ctx, template)
    text = pdf_text(result.pdf)
    assert outline(result.pdf) == [s.title for s in template.visible_sections()]
    assert template.name in text  # the footer names the template
    # ("Discussion record only" in a footer is not the "Discussion record" heading)
    body = text.replace(template.name, "")
    positions = [body.find(folded(s.title)) for s in template.visible_sections()]
    assert -1 not in positions
    assert positions == sorted(positions)  # the headings are printed in that order, too


@pytest.mark.parametrize("example", example_names())
def test_discussion_record_only_fits_three_pages(example):
    # Two pages before the locked opioid safety section (issue 10) joined every report.
    result = build_report(load_example(example), resolve_template("Discussion record only"))
    assert result.page_count <= 3
    text = pdf_text(result.pdf)
    assert "Signature" in text
    assert "Opioid medicines and LDN" in text


def test_large_print_measured_from_the_pdf(ctx):
    template = resolve_template("Large print")
    chars, lines = chars_and_lines(build_report(ctx, template).pdf)
    sizes = collections.Counter(round(c["size"], 1) for c in chars if c["text"].strip())
    body = sizes.most_common(1)[0][0]
    assert body >= 16
    assert min(sizes) >= 12, sorted(sizes)
    titles = {folded(s.title) for s in template.visible_sections() if s.id != "header"}
    largest: dict[str, float] = {}
    for line in lines:
        if folded(line["text"]) in titles:
            size = min(c["size"] for c in line["chars"])
            largest[folded(line["text"])] = max(size, largest.get(folded(line["text"]), 0))
    assert set(largest) == titles
    assert min(largest.values()) >= 20  # every section heading
    # ... and every heading inside a section: subheadings and callout titles.
    report = build_report(ctx, template).report
    inner = {folded(b.text) for sec in report.sections for b in sec.blocks
             if type(b).__name__ == "Subheading"}
    inner |= {folded(b.title) for sec in report.sections for b in sec.blocks
              if type(b).__name__ == "Callout"}
    seen = {folded(line["text"]): min(c["size"] for c in line["chars"]) for line in lines
            if folded(line["text"]) in inner}
    assert seen, "no inner headings found in the PDF"
    assert min(seen.values()) >= 20, seen
    # 1.5 line spacing: the usual distance between consecutive body lines is 1.5 x 16 pt.
    gaps = [b["top"] - a["top"] for a, b in itertools.pairwise(lines)
            if a["chars"][0]["size"] == body == b["chars"][0]["size"]
            and 0 < b["top"] - a["top"] < 40]
    assert statistics.median(gaps) >= 1.5 * body - 0.5


def test_standard_print_is_smaller(ctx):
    chars, _ = chars_and_lines(build_report(ctx, resolve_template("Standard Letter")).pdf)
    body = collections.Counter(round(c["size"], 1) for c in chars).most_common(1)[0][0]
    assert body < 16


@pytest.mark.parametrize(("name", "size"), [("Standard A4", (595.28, 841.89)),
                                            ("Standard Letter", (612.0, 792.0))])
def test_page_size_from_the_pdf(ctx, name, size):
    reader = PdfReader(io.BytesIO(build_report(ctx, resolve_template(name)).pdf))
    for page in reader.pages:
        assert float(page.mediabox.width) == pytest.approx(size[0], abs=0.5)
        assert float(page.mediabox.height) == pytest.approx(size[1], abs=0.5)


def test_custom_order_visibility_and_headings(ctx):
    base = resolve_template("Standard Letter")
    order = ["header", "safety", "key_points", "monitoring", "evidence_summary"]
    sections = [SectionSetting(s, heading="Check-ups with us" if s == "monitoring" else "")
                for s in order]
    sections += [SectionSetting(s.id, visible=False) for s in base.sections if s.id not in order]
    custom = dataclasses.replace(base, name="Reordered", builtin=False, sections=tuple(sections))
    pdf = build_report(ctx, custom).pdf
    text = pdf_text(pdf)
    assert outline(pdf) == [DEFAULT_HEADINGS["header"], DEFAULT_HEADINGS["safety"],
                            DEFAULT_HEADINGS["opioid_safety"],  # locked: shown after safety
                            DEFAULT_HEADINGS["key_points"], "Check-ups with us",
                            DEFAULT_HEADINGS["evidence_summary"]]
    titles = [DEFAULT_HEADINGS["safety"], DEFAULT_HEADINGS["key_points"], "Check-ups with us",
              DEFAULT_HEADINGS["evidence_summary"]]
    positions = [text.find(t) for t in titles]
    assert -1 not in positions
    assert positions == sorted(positions)
    for hidden in ("questions", "discussion_record", "references"):
        assert DEFAULT_HEADINGS[hidden] not in text
    assert "Reordered (customized template)" in text


def test_placeholders_filled_and_escaped(ctx):
    base = resolve_template("Standard Letter")
    template = dataclasses.replace(
        base, name="Escapes", builtin=False,
        branding=dataclasses.replace(base.branding, clinic_name="Riverside <i>MS</i> & Co",
                                     phone="555 0100 **now**"),
        text_blocks={**base.text_blocks,
                     "contact": "Call **{clinic_phone}**, {patient_preferred_name}."})
    named = ctx.with_values(patient_name=INJECTION + " Smith", patient_deidentified=False)
    result = build_report(named, template)
    text = pdf_text(result.pdf)
    assert f"This report was made for {INJECTION.split()[0]} by" in text
    assert "Riverside <i>MS</i> & Co" in text
    assert f"Call 555 0100 **now**, {INJECTION.split()[0]}." in text
    _, lines = chars_and_lines(result.pdf)

    def bold(line: dict) -> str:
        return "".join(c["text"] for c in line["chars"] if c["fontname"].endswith("-Bold"))

    contact = next(line for line in lines if line["text"].startswith("Call 555"))
    assert bold(contact) == "5550100**now**"  # the template's ** made the value bold ...
    intro = next(line for line in lines if "made for **Ann**" in line["text"])
    assert "Ann" not in bold(intro)  # ... the patient's own ** did not
    assert f"{INJECTION} Smith" in text  # the whole name, literally, in the patient block


def test_deidentified_report_says_you_and_never_the_name(ctx):
    template = resolve_template("Standard Letter")
    hidden = ctx.with_values(patient_name="Zanzibar Quill", patient_deidentified=True)
    text = pdf_text(build_report(hidden, template).pdf)
    assert "This report was made for you by" in text
    assert "Zanzibar" not in text


def test_logo_and_letterhead_off(tmp_path, ctx):
    logo = EXAMPLES_DIR / "example-logo.png"
    path = tmp_path / "clinic.toml"
    path.write_text('format_version = 1\nname = "Logo clinic"\n[branding]\nclinic_name = '
                    f'"Lakeside Neurology"\nlogo = "{logo.as_posix()}"\naccent_colour = "#0A7"\n')
    with_logo = build_report(ctx, load_template(path)).pdf
    with pdfplumber.open(io.BytesIO(with_logo)) as doc:
        assert doc.pages[0].images
        assert "Lakeside Neurology" in doc.pages[0].extract_text()
    path.write_text(path.read_text() + "letterhead = false\n")
    plain = build_report(ctx, load_template(path)).pdf
    with pdfplumber.open(io.BytesIO(plain)) as doc:
        first = doc.pages[0]
        assert not first.images
        assert "Lakeside Neurology" not in first.extract_text()
        # Pre-printed paper: the top of page 1 stays free for the clinic's own letterhead.
        assert min(c["top"] for c in first.chars) > 35 * 72 / 25.4


def test_every_builtin_toml_names_a_distinct_file_slug():
    slugs = [t.slug for t in builtin_templates()]
    assert len(set(slugs)) == len(slugs)
    assert all(re.fullmatch(r"[a-z0-9-]+", s) for s in slugs)
