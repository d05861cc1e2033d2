"""The PDF renderer, checked by reading the real PDF it writes with pypdf and pdfplumber."""

from __future__ import annotations

import dataclasses
import io
import statistics

import pdfplumber
import pytest
from pypdf import PdfReader
from pypdf.generic import IndirectObject

from ldn_report.render.pdf import render_pdf
from ldn_report.render.pdf.flowables import clear_caches
from ldn_report.render.pdf.fonts import missing_glyphs, register_fonts
from ldn_report.report import (
    BulletList,
    Callout,
    Checklist,
    FactList,
    Paragraph,
    ReferenceEntry,
    ReferenceList,
    Report,
    ReportMeta,
    Section,
    SignatureLines,
    Table,
    Timeline,
    TimelinePoint,
)
from ldn_report.templates.model import Branding, ClinicTemplate, PageSetup

HASH = "3f9a1c0de2b47a8890aa11bb22cc33dd"
PATIENT = "Nguyễn Thị Ánh Ελένη"
INJECTIONS = ("<b>", "</para>", "&amp;", "<font name=x>", '<a href="javascript:x">',
              '<img src="/etc/passwd"/>')

REFERENCES = (
    ReferenceEntry("cree2010", 1, "Cree BAC, Kornyeyeva E, Goodin DS. Pilot trial of low-dose "
                   "naltrexone and quality of life in multiple sclerosis. Ann Neurol. "
                   "2010;68(2):145-150.",
                   (("doi:10.1002/ana.22006", "https://doi.org/10.1002/ana.22006"),
                    ("PMID 20695007", "https://pubmed.ncbi.nlm.nih.gov/20695007/"))),
    ReferenceEntry("label", 2, "Naltrexone hydrochloride tablets, prescribing information.",
                   (("DailyMed", "https://dailymed.nlm.nih.gov/dailymed/"),),
                   note="Label for the 50 mg tablet; LDN doses are compounded."),
    ReferenceEntry("raknes2018", 3, "Raknes G, Småbrekke L. Low dose naltrexone in multiple "
                   "sclerosis: effects on medication use. A quasi-experimental study. "
                   "PLoS One. 2017;12(11):e0187423.",
                   (("doi:10.1371/journal.pone.0187423",
                     "https://doi.org/10.1371/journal.pone.0187423"),)),
)


def P(text: str, *cites: str, style: str = "body") -> Paragraph:
    return Paragraph(text, tuple(cites), style)  # type: ignore[arg-type]


def make_report(deidentified: bool = False, name: str = PATIENT, notes: str = "") -> Report:
    label = "De-identified" if deidentified else name
    facts = [("Patient", label), ("Date", "2025-03-14"), ("Clinician", "Dr A. Smith, MS nurse")]
    if not deidentified:
        facts.insert(1, ("Date of birth", "1979-05-02"))
    meta = ReportMeta(
        title="Low-dose naltrexone (LDN) and your MS", subject="LDN counseling report",
        author="Riverside MS Clinic", language="en-GB", template_name="Standard Letter",
        pack_version="2025.1", pack_date="2025-01-15", generated_on="2025-03-14",
        deidentified=deidentified, patient_label=label, clinician="Dr A. Smith",
        appointment_date="2025-03-14")
    sections = (
        Section("header", "Low-dose naltrexone (LDN) and your MS", (FactList(tuple(facts)),)),
        Section("key_points", "Key points", (BulletList((
            P("LDN is not a replacement for your MS disease-modifying therapy (DMT)."),
            P("The evidence is limited: small studies with outcomes people rate themselves.",
              "cree2010"),
            P("In the trial the benefit was modest, in quality of life, not in how MS "
              "progresses.", "cree2010"),
            P("Long-term effects are not known."),
        )),)),
        Section("why_ldn", "Why we are talking about LDN with you", (
            P("You stopped your last DMT because of side effects. This is one situation where "
              "LDN might be considered, still not as a way to change the course of MS.",
              style="lead"),
            P(notes or "Notes from your clinician: talk again after the MRI in May."),
        )),
        Section("what_to_expect", "What to expect", (
            Callout("expectation", "What LDN will not do", (
                P("The evidence does not show that LDN slows MS or prevents relapses. "
                  "It must not replace a DMT.", "cree2010"),)),
            P("In a trial of 60 people taking 4.5 mg each night, mental quality of life "
              "improved a little (MCS +3.3, p=0.04).", "cree2010"),
            P("Starting LDN was not followed by fewer other MS-symptom medicines.", "raknes2018"),
        )),
        Section("safety", "Safety", (
            Callout("warning", "You take an opioid medicine", (
                P("Naltrexone blocks opioids and can bring on withdrawal. LDN is not started "
                  "while you take opioids.", "label"),)),
            Callout("caution", "Planned surgery", (
                P("Tell your surgical team you take LDN: you may need opioid pain relief.",
                  "label"),)),
            Callout("info", "Side effects", (P("Vivid dreams and trouble sleeping were the most "
                                                "often reported."),)),
        )),
        Section("monitoring", "Your monitoring plan", (
            Table(("When", "What", "Who"), (
                ("Before you start", "Check all your medicines for opioids. Fill in short "
                 "questionnaires on mood, pain and fatigue.", "Prescriber"),
                ("Week 4", "Phone check: side effects, sleep and dreams.", "MS nurse"),
                ("Week 8", "Repeat the questionnaires. Decide together whether to go on.",
                 "Neurologist or MS nurse"),
                ("Every clinic visit", "Regular neurological check. Your usual MS care goes on.",
                 "MS team"),
            ), col_widths=(1.2, 3, 1.5), row_cites=((), (), ("cree2010",), ()),
                caption="Your usual MS care and disease monitoring go on as before."),
            Timeline((TimelinePoint("Start", 0), TimelinePoint("Phone check", 4),
                      TimelinePoint("Questionnaires", 8), TimelinePoint("Review", 9),
                      TimelinePoint("Clinic visit", 12)), caption="Weeks from your first dose."),
        )),
        Section("questions", "Questions you may want to ask", (BulletList((
            P("What should I do if I sleep badly?"), P("How will we know if it helps?"),
            P("Who do I call if I have a problem?"))),)),
        Section("discussion_record", "Discussion record", (
            Checklist(("LDN is not a replacement for DMT", "Limited evidence, modest benefit",
                       "Opioid interaction", "Monitoring plan agreed")),
            P("Interpreter used: yes / no  Language: ____________"),
            SignatureLines(("Patient", "Clinician")),
        ), page_break_before=True),
        Section("evidence_summary", "Evidence summary (for clinicians)", (
            Table(("Study", "Design", "n", "Outcome"), (
                ("Cree 2010", "Crossover RCT, 8 weeks per arm", "60",
                 "MCS +3.3 (p=0.04); MHI +6 (p<0.01); PES +1.6 (p=0.04); PDQ +2.4 (p=0.05)"),
                ("Raknes 2017", "Prescription register", "-",
                 "No fall in use of other MS-symptom medicines"),
            ), row_cites=(("cree2010",), ("raknes2018",))),
            P("Mechanism notes (hypotheses): transient opioid-receptor blockade and TLR4 "
              "effects.", "cree2010", "raknes2018", style="small"),
        ), audience="clinician"),
        Section("references", "References", (ReferenceList(REFERENCES),), audience="clinician"),
    )
    return Report(meta=meta, sections=sections, references=REFERENCES)


STANDARD = ClinicTemplate(branding=Branding(clinic_name="Riverside MS Clinic",
                                            department="Neurology outpatients",
                                            address="1 River Road, Springfield",
                                            phone="+1 555 0100", website="riverside.example"))
LARGE = dataclasses.replace(STANDARD, text_size="large", name="Large print")
A4 = dataclasses.replace(STANDARD, page=PageSetup(size="a4", margin_mm=20))


@pytest.fixture(scope="module")
def report() -> Report:
    return make_report()


@pytest.fixture(scope="module")
def pdf(report: Report) -> bytes:
    return render_pdf(report, STANDARD, HASH)


def text_of(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def annotations(data: bytes) -> list[dict]:
    out = []
    for page in PdfReader(io.BytesIO(data)).pages:
        for annot in page.get("/Annots") or []:
            out.append(annot.get_object())
    return out


def test_pages_numbered_x_of_y(pdf: bytes) -> None:
    reader = PdfReader(io.BytesIO(pdf))
    n = len(reader.pages)
    assert n > 1
    for i, page in enumerate(reader.pages, 1):
        assert f"Page {i} of {n}" in page.extract_text()


def test_footer_has_pack_template_hash_and_date(pdf: bytes) -> None:
    last = PdfReader(io.BytesIO(pdf)).pages[-1].extract_text()
    for part in ("Evidence pack 2025.1 (2025-01-15)", "Standard Letter", "content " + HASH[:12],
                 "generated 2025-03-14"):
        assert part in last


def test_every_font_is_an_embedded_dejavu_subset(pdf: bytes) -> None:
    reader = PdfReader(io.BytesIO(pdf))
    seen = set()

    def fonts_of(resources) -> None:  # forms (the page total) carry their own resources
        resources = resources.get_object() if isinstance(resources, IndirectObject) else resources
        for font in (resources.get("/Font") or {}).values():
            font = font.get_object()
            name = str(font["/BaseFont"])
            descriptor = font.get("/FontDescriptor")
            if descriptor is None and "/DescendantFonts" in font:
                descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
            assert descriptor is not None, name
            assert "/FontFile2" in descriptor.get_object(), f"{name} is not embedded"
            # A subset name is a six-letter tag and a plus sign before the font name.
            tag, _, base = name.lstrip("/").partition("+")
            assert len(tag) == 6, name
            assert base.startswith("DejaVuSans"), name
            seen.add(base)
        for xobject in (resources.get("/XObject") or {}).values():
            xobject = xobject.get_object()
            if "/Resources" in xobject:
                fonts_of(xobject["/Resources"])

    for page in reader.pages:
        fonts_of(page["/Resources"])
    assert {"DejaVuSans", "DejaVuSans-Bold"} <= seen


def test_outline_is_the_section_titles(pdf: bytes, report: Report) -> None:
    outline = PdfReader(io.BytesIO(pdf)).outline
    assert [item.title for item in outline] == [s.title for s in report.sections]


def test_outline_points_at_the_right_pages(pdf: bytes) -> None:
    reader = PdfReader(io.BytesIO(pdf))
    pages = {item.title: reader.get_destination_page_number(item) for item in reader.outline}
    assert pages["Key points"] == 0
    # discussion_record has page_break_before: its heading starts a page of its own.
    assert pages["Discussion record"] > pages["Questions you may want to ask"]
    text = reader.pages[pages["Discussion record"]].extract_text()
    assert "Questions you may want to ask" not in text


def test_citations_link_inside_and_references_link_out(pdf: bytes) -> None:
    annots = annotations(pdf)
    internal = [a for a in annots if "/Dest" in a or ("/A" in a and a["/A"]["/S"] == "/GoTo")]
    uris = [str(a["/A"]["/URI"]) for a in annots if "/A" in a and a["/A"]["/S"] == "/URI"]
    assert len(internal) >= 8
    assert "https://doi.org/10.1002/ana.22006" in uris
    assert "https://pubmed.ncbi.nlm.nih.gov/20695007/" in uris
    text = text_of(pdf)
    assert "[1]" in text
    assert "[1, 3]" in text


def test_citations_without_a_reference_list_are_plain_numbers(report: Report) -> None:
    no_refs = dataclasses.replace(report, sections=report.sections[:-1])
    data = render_pdf(no_refs, STANDARD, HASH)
    assert "[1]" in text_of(data)
    assert not [a for a in annotations(data) if "/Dest" in a]


def test_unknown_citation_is_an_error(report: Report) -> None:
    bad = dataclasses.replace(report, sections=(
        Section("key_points", "Key points", (P("x", "nope"),)),))
    with pytest.raises(ValueError, match="nope"):
        render_pdf(bad, STANDARD, HASH)


def test_metadata(pdf: bytes) -> None:
    reader = PdfReader(io.BytesIO(pdf))
    info = reader.metadata
    assert info.title == "Low-dose naltrexone (LDN) and your MS"
    assert info.author == "Riverside MS Clinic"
    assert info.subject == "LDN counseling report"
    assert info.creator == "LDN report builder"
    assert str(reader.trailer["/Root"]["/Lang"]) == "en-GB"


def test_deidentified_leaks_no_name() -> None:
    data = render_pdf(make_report(deidentified=True), STANDARD, HASH)
    reader = PdfReader(io.BytesIO(data))
    blob = text_of(data) + repr(dict(reader.metadata))
    assert "De-identified" in blob
    for secret in ("Nguyễn", "Ελένη", "1979-05-02"):
        assert secret not in blob
    # Not even in raw bytes (metadata strings are stored unencoded when ASCII).
    assert b"Nguy" not in data


def test_patient_name_in_other_scripts_prints_with_real_glyphs(pdf: bytes) -> None:
    assert PATIENT in text_of(pdf)
    assert missing_glyphs(PATIENT + " Жанна Đặng") == set()


def test_missing_glyphs_names_the_characters() -> None:
    register_fonts()
    register_fonts()  # idempotent
    assert missing_glyphs("Anna 王 क ሀ 龘\n") == {"ሀ", "龘"}


@pytest.mark.parametrize(("template", "size"), [(STANDARD, (612, 792)), (A4, (595.28, 841.89))])
def test_page_size(report: Report, template: ClinicTemplate, size: tuple[float, float]) -> None:
    box = PdfReader(io.BytesIO(render_pdf(report, template, HASH))).pages[0].mediabox
    assert (float(box.width), float(box.height)) == pytest.approx(size, abs=0.01)


def test_large_print_sizes(report: Report) -> None:
    data = render_pdf(report, LARGE, HASH)
    body = "improved a little"
    with pdfplumber.open(io.BytesIO(data)) as doc:
        sizes = [round(c["size"], 2) for page in doc.pages for c in page.chars]
        words = [w for page in doc.pages
                 for w in page.extract_words(extra_attrs=["size"]) if w["text"] in body.split()]
    assert min(sizes) >= 12
    assert words
    assert min(w["size"] for w in words) >= 16


def test_standard_print_is_comfortable(pdf: bytes) -> None:
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        sizes = [c["size"] for page in doc.pages for c in page.chars]
    assert statistics.mode(round(s) for s in sizes) == 11
    assert min(sizes) >= 7


def test_markup_in_user_text_prints_literally() -> None:
    evil = " ".join(INJECTIONS)
    data = render_pdf(make_report(name="Ann " + evil, notes="Note: " + evil + "\nline two"),
                      STANDARD, HASH)
    text = text_of(data)
    flat = " ".join(text.split())
    assert flat.count(evil) == 2, "name and note must both print every tag as text"
    uris = [str(a["/A"].get("/URI")) for a in annotations(data) if "/A" in a]
    assert not [u for u in uris if "javascript" in u]
    for page in PdfReader(io.BytesIO(data)).pages:
        xobjects = page["/Resources"].get("/XObject") or {}
        assert all(x.get_object()["/Subtype"] != "/Image" for x in xobjects.values())


def test_non_web_reference_urls_are_not_linked(report: Report) -> None:
    entry = ReferenceEntry("x", 4, "A reference.", (("click", "javascript:alert(1)"),))
    refs = (*REFERENCES, entry)
    r = dataclasses.replace(report, references=refs, sections=(
        *report.sections[:-1],
        Section("references", "References", (ReferenceList(refs),))))
    data = render_pdf(r, STANDARD, HASH)
    assert "click" in text_of(data)
    assert not [a for a in annotations(data) if "javascript" in repr(a)]


def test_same_report_same_bytes(report: Report, pdf: bytes) -> None:
    assert render_pdf(report, STANDARD, HASH) == pdf
    assert render_pdf(report, LARGE, HASH) == render_pdf(report, LARGE, HASH)


@pytest.mark.parametrize("template", [STANDARD, LARGE])
def test_cached_parsing_and_line_breaks_change_nothing(report: Report,
                                                       template: ClinicTemplate) -> None:
    """Paragraphs reuse markup parsed and lines broken in earlier renders; splitting one of them
    across a page must not change the lines that another render draws from the same cache."""
    words = "The quick brown fox jumps over the lazy dog. " * 40
    cited = P(words, "cree2010")  # several fragments: ReportLab's other line breaker
    long = Section("long", "Long", (P(words), cited, BulletList((cited, P(words))),
                                    P(words), cited))
    a = dataclasses.replace(report, sections=(*report.sections, long))
    # The same paragraphs again, shifted down the page so they split at other lines.
    pad = Section("pad", "Padding", (P("A short paragraph first."),))
    b = dataclasses.replace(a, sections=(a.sections[0], pad, *a.sections[1:]))
    cold = {}
    for r in (a, b):
        clear_caches()
        cold[r] = render_pdf(r, template, HASH)
    assert cold[a] != cold[b]
    for r in (a, b, b, a):
        assert render_pdf(r, template, HASH) == cold[r]


def test_preprinted_paper_leaves_the_top_free(report: Report) -> None:
    plain = dataclasses.replace(STANDARD, branding=dataclasses.replace(
        STANDARD.branding, letterhead=False))
    with pdfplumber.open(io.BytesIO(render_pdf(report, plain, HASH))) as doc:
        first = doc.pages[0]
        assert min(c["top"] for c in first.chars) >= 35 * 72 / 25.4 + 18 * 72 / 25.4 - 1
        assert "Riverside MS Clinic" not in first.extract_text().split("Page")[0][:40]


def test_logo_is_drawn(report: Report, tmp_path) -> None:
    from PIL import Image as PILImage

    logo = tmp_path / "logo.png"
    PILImage.new("RGB", (400, 100), (31, 92, 153)).save(logo)
    t = dataclasses.replace(STANDARD, branding=dataclasses.replace(STANDARD.branding,
                                                                   logo=str(logo)))
    page = PdfReader(io.BytesIO(render_pdf(report, t, HASH))).pages[0]
    images = [x for x in page["/Resources"]["/XObject"].values()
              if x.get_object()["/Subtype"] == "/Image"]
    assert len(images) == 1


@pytest.mark.parametrize("template", [STANDARD, LARGE])
def test_long_paragraph_long_callout_and_long_table_split(report: Report,
                                                          template: ClinicTemplate) -> None:
    words = ("The quick brown fox jumps over the lazy dog. " * 250)[:10_000]
    rows = tuple((f"Week {i}", f"Check number {i}: " + "mood, pain, fatigue. " * 4, "MS nurse")
                 for i in range(30))
    stress = Section("stress", "Stress", (
        P(words),
        Callout("warning", "A very long warning", (P(words),)),
        Table(("When", "What", "Who"), rows),
        Table(("A", "B"), (("x", words),)),
    ))
    r = dataclasses.replace(report, sections=(*report.sections, stress))
    data = render_pdf(r, template, HASH)
    reader = PdfReader(io.BytesIO(data))
    text = "".join(p.extract_text() for p in reader.pages)
    assert "Week 29" in text
    assert len(reader.pages) > 8


def test_clinic_text_and_subheadings(report: Report) -> None:
    from ldn_report.report import ClinicText, RichParagraph, Span, Subheading

    clinic = Section("contact", "Contact", (
        Subheading("Call us <b>"),
        ClinicText((RichParagraph((Span("Phone "), Span("<i>555</i>", bold=True))),
                    RichParagraph((Span("weekdays"),), bullet=True),
                    RichParagraph((Span("after hours: 111"),), bullet=True))),
    ))
    data = render_pdf(dataclasses.replace(report, sections=(*report.sections, clinic)),
                      STANDARD, HASH)
    text = text_of(data)
    assert "Call us <b>" in text
    assert "Phone <i>555</i>" in text
    with pdfplumber.open(io.BytesIO(data)) as doc:
        # the section may start on the page before the last: look at both
        chars = [c for page in doc.pages[-2:] for c in page.chars if c["text"] in "<i>555"]
    assert any("Bold" in c["fontname"] for c in chars)


def test_narrow_column_breaks_hyphenated_words_at_the_hyphen(report: Report) -> None:
    table = Table(("Study", "Design", "Participants", "Findings"), (
        ("Cree et al., 2010", "Double-masked, placebo-controlled crossover", "80 enrolled",
         "Serum [Met5]-enkephalin lower in MS; oligodendrocyte apoptosis"),
    ), col_widths=(1.1, 2.0, 1.5, 2.6))
    r = dataclasses.replace(report, sections=(Section("s", "S", (table,)),))
    text = text_of(render_pdf(r, LARGE, HASH))
    assert "placebo-\ncontrolled" in text or "placebo-controlled" in text
    assert "place\n" not in text
    assert "Participants" in text
