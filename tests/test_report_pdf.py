"""The real report of each example, read back from its PDF: references, outline, metadata,
determinism and de-identification."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from pypdf import PdfReader

from ldn_report.build import build_report
from ldn_report.evidence import default_pack
from ldn_report.examples import example_names, load_example
from pdf_text import pdf_text

DAY = dt.date(2026, 12, 1)


@pytest.fixture(scope="module")
def reports():
    return {name: build_report(load_example(name), generated_on=DAY) for name in example_names()}


def test_every_reference_is_printed_complete_with_its_links(reports):
    result = reports["on-dmt-mood-pain"]
    text = pdf_text(result.pdf)
    reader = PdfReader(io.BytesIO(result.pdf))
    uris = {
        annot.get_object()["/A"].get("/URI")
        for page in reader.pages
        for annot in page.get("/Annots", [])
        if "/A" in annot.get_object()
    }
    for ref in default_pack().references:
        assert ref.text[:70] in text, ref.id
        for _label, url in ref.links():
            assert url in uris, url


def test_in_text_citations_link_inside_the_document(reports):
    reader = PdfReader(io.BytesIO(reports["on-dmt-mood-pain"].pdf))
    internal = [
        annot for page in reader.pages for annot in page.get("/Annots", [])
        if "/Dest" in annot.get_object()
        or annot.get_object().get("/A", {}).get("/S") == "/GoTo"
    ]
    assert len(internal) >= 10


def test_outline_has_one_entry_per_section_and_metadata_is_set(reports):
    result = reports["takes-opioids"]
    reader = PdfReader(io.BytesIO(result.pdf))
    titles = [item.title for item in reader.outline if not isinstance(item, list)]
    assert titles == [s.title for s in result.report.sections]
    meta = reader.metadata
    assert meta.title == result.report.meta.title
    assert meta.author == "Your MS clinic"
    assert "naltrexone" in meta.subject
    assert reader.trailer["/Root"]["/Lang"] == "en"


def test_footer_names_pack_template_hash_and_pages(reports):
    result = reports["on-dmt-mood-pain"]
    reader = PdfReader(io.BytesIO(result.pdf))
    pages = len(reader.pages)
    assert pages == result.page_count
    last = reader.pages[-1].extract_text()
    assert f"Page {pages} of {pages}" in last
    assert result.content_hash in last
    assert f"evidence pack {default_pack().version}" in last.lower()
    assert "Standard Letter" in last
    assert DAY.isoformat() in last


def test_same_context_same_day_gives_the_same_bytes(reports):
    again = build_report(load_example("everything-flagged"), generated_on=DAY)
    assert again.pdf == reports["everything-flagged"].pdf


def test_content_hash_follows_content_not_the_date(reports):
    later = build_report(load_example("on-dmt-mood-pain"), generated_on=DAY + dt.timedelta(1))
    assert later.content_hash == reports["on-dmt-mood-pain"].content_hash
    other = reports["takes-opioids"]
    assert other.content_hash != reports["on-dmt-mood-pain"].content_hash


def test_deidentified_report_leaks_no_identity_even_when_given():
    ctx = load_example("deidentified").with_values(
        patient_name="Zebedee Quist", patient_mrn="MRN-77-QX",
        patient_date_of_birth=dt.date(1971, 9, 14))
    result = build_report(ctx, generated_on=DAY)
    reader = PdfReader(io.BytesIO(result.pdf))
    everything = pdf_text(result.pdf) + " " + " ".join(
        str(v) for v in (reader.metadata or {}).values()) + " " + result.chart_note
    raw = result.pdf
    for secret in ("Zebedee", "Quist", "MRN-77-QX", "1971-09-14", b"Zebedee".hex()):
        assert secret not in everything
        assert secret.encode() not in raw
    assert "De-identified report" in everything


@pytest.mark.parametrize("name", ["on-dmt-mood-pain", "takes-opioids"])
def test_standard_report_is_a_handful_of_pages(reports, name):
    # Pack 1.1 added the decision aid (about two pages) and the other controlled studies; the
    # locked opioid safety section (issue 10) about half a page.
    assert 4 <= reports[name].page_count <= 13


def test_a_clinic_text_lead_in_stays_on_the_page_of_its_bullets(reports):
    reader = PdfReader(io.BytesIO(reports["dmt-intolerant-neuroinflammation-nutrition"].pdf))
    pages = [" ".join((p.extract_text() or "").split()) for p in reader.pages]
    lead = next(i for i, t in enumerate(pages) if "If we decide together that you will" in t)
    assert "your prescriber writes the prescription" in pages[lead]


def _headings(report) -> set[str]:
    out = {s.title for s in report.sections} | {"FOR CLINICIANS"}
    for section in report.sections:
        for block in section.blocks:
            if type(block).__name__ == "Subheading":
                out.add(block.text)
            elif type(block).__name__ == "Callout":
                out.add(block.title)
    return out


@pytest.mark.parametrize("template_name", ["Standard Letter", "Large print", "Standard A4"])
@pytest.mark.parametrize("example", ["everything-flagged", "on-dmt-mood-pain", "deidentified"])
def test_no_page_ends_with_a_heading(example, template_name):
    from ldn_report.templates.catalogue import resolve_template

    result = build_report(load_example(example), resolve_template(template_name),
                          generated_on=DAY)
    headings = _headings(result.report)
    for number, page in enumerate(PdfReader(io.BytesIO(result.pdf)).pages, 1):
        lines = [ln.strip() for ln in (page.extract_text() or "").splitlines() if ln.strip()]
        while lines and ("Page " in lines[-1] or "Evidence pack" in lines[-1]
                         or "generated" in lines[-1]):
            lines.pop()
        if lines:
            assert lines[-1] not in headings, f"page {number} ends with heading {lines[-1]!r}"
