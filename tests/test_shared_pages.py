"""Shared pages (the clinician pages laid out once and replayed) change nothing on paper: every
page of every example under every built-in template, in English and Spanish, looks the same
(pdftoppm, pixel for pixel), reads the same (pdftotext), links and bookmarks the same places."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import shutil
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from ldn_report.build import build_report
from ldn_report.examples import example_names, load_example
from ldn_report.render.pdf.document import ReportRenderer
from ldn_report.render.pdf.shared_pages import SHARED_PAGES, SharedPagesCache
from ldn_report.templates.catalogue import builtin_templates
from pdf_text import pdf_text

pytestmark = pytest.mark.skipif(
    not (shutil.which("pdftoppm") and shutil.which("pdftotext")),
    reason="poppler-utils (pdftoppm, pdftotext) not installed")

DAY = dt.date(2026, 11, 26)
TEMPLATES = {t.name: t for t in builtin_templates()}


def _pages(pdf: bytes, folder: Path, name: str) -> tuple[list[bytes], list[str]]:
    """Each page as a PNG (50 dpi: a glyph or line moved by a point still shows) and as text."""
    path = folder / f"{name}.pdf"
    path.write_bytes(pdf)
    subprocess.run(["pdftoppm", "-r", "50", "-png", path, folder / name], check=True)
    images = [p.read_bytes() for p in sorted(folder.glob(f"{name}-*.png"))]
    text = subprocess.run(["pdftotext", "-layout", path, "-"], check=True,
                          capture_output=True, text=True).stdout
    return images, text.split("\f")[:len(images)]


def _links_and_marks(pdf: bytes) -> tuple[list[list[tuple]], list[tuple[str, int]]]:
    """Per page: each link's rectangle and target (page number or address); the bookmarks."""
    reader = PdfReader(io.BytesIO(pdf))
    number = {page.indirect_reference.idnum: i for i, page in enumerate(reader.pages, 1)}
    dests = {name: number[d.page.idnum] for name, d in reader.named_destinations.items()}
    links = []
    for page in reader.pages:
        found = []
        for annot in page.get("/Annots") or ():
            a = annot.get_object()
            rect = tuple(round(float(v), 2) for v in a["/Rect"])
            if "/A" in a:
                found.append((rect, str(a["/A"]["/URI"])))
            else:
                dest = a["/Dest"]
                found.append((rect, dests[str(dest)] if isinstance(dest, str) else
                              number[dest[0].idnum]))
        links.append(sorted(found))
    marks = [(str(o.title), reader.get_destination_page_number(o) + 1) for o in reader.outline]
    return links, marks


def _cases() -> list[tuple[str, str, str]]:
    """Every example under every built-in template; in Spanish under the standard one (the
    clinician pages differ by language only in their note on the pack's English)."""
    return [(example, name, "en") for example in example_names() for name in TEMPLATES] + \
        [(example, "Standard Letter", "es") for example in example_names()]


@pytest.mark.parametrize(("example", "template_name", "language"), _cases())
def test_reused_pages_look_and_read_the_same(example: str, template_name: str, language: str,
                                             tmp_path: Path) -> None:
    template = TEMPLATES[template_name]
    ctx = dataclasses.replace(load_example(example, today=DAY), language=language)
    fresh = build_report(ctx, template, generated_on=DAY, shared_pages=False)
    first = build_report(ctx, template, generated_on=DAY)  # recorded now, or earlier
    reused = build_report(ctx, template, generated_on=DAY)  # replayed
    assert first.pdf == reused.pdf  # the same report gives the same bytes, recorded or replayed
    assert reused.content_hash == fresh.content_hash
    assert reused.page_count == fresh.page_count
    images, texts = _pages(fresh.pdf, tmp_path, "fresh")
    images_r, texts_r = _pages(reused.pdf, tmp_path, "reused")
    assert len(images_r) == len(images) == fresh.page_count
    for number, (a, b) in enumerate(zip(images, images_r, strict=True), 1):
        assert a == b, f"page {number} of {len(images)} differs"
    assert texts_r == texts
    assert _links_and_marks(reused.pdf) == _links_and_marks(fresh.pdf)


def _shared_from(ctx_name: str, template_name: str) -> tuple[int, int]:
    """(first shared page, page count) of a report: the page its shared sections start on."""
    template = TEMPLATES[template_name]
    ctx = load_example(ctx_name, today=DAY)
    result = build_report(ctx, template, generated_on=DAY)
    renderer = ReportRenderer(result.report, template, result.content_hash)
    start = renderer.shared_start()
    assert start is not None
    title = result.report.sections[start].title
    reader = PdfReader(io.BytesIO(result.pdf))
    mark = next(o for o in reader.outline if o.title == title)
    return reader.get_destination_page_number(mark) + 1, len(reader.pages)


@pytest.mark.parametrize("template_name", ["Standard Letter", "Standard A4", "Large print"])
def test_reused_pages_carry_this_reports_page_numbers_and_footer(template_name: str,
                                                                 tmp_path: Path) -> None:
    """Two patients whose patient pages differ in length share the clinician pages: each
    report's copy says its own "Page N of M", content hash, template and date."""
    counts = {}
    for example in ("deidentified", "everything-flagged"):
        first, total = _shared_from(example, template_name)
        result = build_report(load_example(example, today=DAY), TEMPLATES[template_name],
                              generated_on=DAY)
        _, texts = _pages(result.pdf, tmp_path, example)
        for number in range(first, total + 1):
            page = " ".join(texts[number - 1].split())
            assert f"Page {number} of {total}" in page
            assert result.content_hash in page
            assert template_name in page
            assert "generated 2026-11-26" in page
        counts[example] = (first, total)
    assert counts["deidentified"] != counts["everything-flagged"]  # really shifted


def test_a_change_to_page_one_lays_out_the_clinician_pages_once() -> None:
    """Counted, not timed: a new name (page 1) reuses the clinician pages; the neuroinflammation
    flag, which adds a note to the evidence summary, lays them out again."""
    template = TEMPLATES["Standard Letter"]
    ctx = load_example("on-dmt-mood-pain", today=DAY)
    cache = SharedPagesCache()
    renders = []
    for changed in (ctx, dataclasses.replace(ctx, patient_name="Ana Ruiz"),
                    dataclasses.replace(ctx, patient_name="Ana Ruiz", notes="Asked twice."),
                    dataclasses.replace(ctx, neuroinflammation_symptoms=True)):
        result = build_report(changed, template, generated_on=DAY, shared_pages=False)
        renderer = ReportRenderer(result.report, template, result.content_hash, cache)
        renders.append(renderer.render())
        if len(renders) == 1:
            assert (cache.layouts, cache.reuses) == (1, 0)
    assert (cache.layouts, cache.reuses) == (2, 2)


def test_every_template_shares_what_it_can() -> None:
    """The built-in templates whose clinician pages start on a page of their own share them;
    the clinician brief (its evidence summary follows the opioid text on page 1) shares none."""
    ctx = load_example("on-dmt-mood-pain", today=DAY)
    shared = {}
    for name, template in TEMPLATES.items():
        result = build_report(ctx, template, generated_on=DAY)
        renderer = ReportRenderer(result.report, template, result.content_hash)
        start = renderer.shared_start()
        shared[name] = [s.id for s in result.report.sections[start:]] if start else []
    assert shared["Standard Letter"] == ["evidence_summary", "references"]
    assert shared["Standard A4"] == shared["Large print"] == shared["Standard Letter"]
    assert shared["Clinician evidence brief"] == []


def test_the_shared_cache_is_keyed_on_what_the_pages_show() -> None:
    """Another accent colour, paper, print size or language is another set of pages."""
    template = TEMPLATES["Standard Letter"]
    ctx = load_example("on-dmt-mood-pain", today=DAY)
    keys = set()
    variants = [template,
                dataclasses.replace(template, branding=dataclasses.replace(
                    template.branding, accent_colour="#7A1F5C")),
                TEMPLATES["Standard A4"], TEMPLATES["Large print"]]
    for variant in variants:
        for language in ("en", "es"):
            result = build_report(dataclasses.replace(ctx, language=language), variant,
                                  generated_on=DAY)
            renderer = ReportRenderer(result.report, variant, result.content_hash)
            keys.add(renderer.shared_key(renderer.shared_start()))
    assert len(keys) == len(variants) * 2
    assert SHARED_PAGES.layouts >= 1


def test_patient_pages_replay_the_paragraphs_drawn_before() -> None:
    """From the second report seeded from a recording on, the paragraphs whose characters all
    have a code in it (most of the patient's pages) are drawn once and replayed; a name in
    another script is drawn as usual, and still printed."""
    template = TEMPLATES["Standard Letter"]
    ctx = dataclasses.replace(load_example("on-dmt-mood-pain", today=DAY),
                              patient_name="Αλεξάνδρα Παπαδοπούλου")
    cache = SharedPagesCache()
    result = build_report(ctx, template, generated_on=DAY, shared_pages=False)
    renders = []
    for _ in range(3):
        renderer = ReportRenderer(result.report, template, result.content_hash, cache)
        renders.append(renderer.render())
    (run,) = cache.runs()
    replayable, not_replayable = run.drawn_counts()
    assert replayable >= 100
    assert not_replayable >= 1  # the Greek name
    assert renders[0] == renders[1] == renders[2]  # drawn, drawn once, replayed: same bytes
    assert "Αλεξάνδρα Παπαδοπούλου" in pdf_text(renders[2])
