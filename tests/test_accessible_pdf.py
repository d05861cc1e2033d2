"""The accessible PDF (PDF/UA-1 through WeasyPrint): validated, its tag tree right, same report."""

from __future__ import annotations

import dataclasses
import functools
import io
import os
import subprocess
import sys

import page
import pytest
import tomli_w
from pypdf import PdfReader

from ldn_report.build import build_report
from ldn_report.examples import example_names, load_example
from ldn_report.paths import EXAMPLES_DIR, FONTS_DIR
from ldn_report.render.accessible_pdf import RefusedFetch, local_fetcher
from ldn_report.report import Timeline
from ldn_report.templates.catalogue import builtin_templates, resolve_template
from ldn_report.templates.file_format import load_template
from pdf_tags import attributes, headings, struct_elements
from pdf_text import pdf_text, poppler_text

TEMPLATES = [t.name for t in builtin_templates()]


@functools.cache
def built(example: str, template: str):
    ctx = load_example(example)
    tpl = resolve_template(template)
    return build_report(ctx, tpl), build_report(ctx, tpl, accessible=True)


def ua1_failures(pdf: bytes) -> list[str]:
    report = page.validate_pdf_bytes(pdf, profile=page.ValidationProfile.PDF_UA_1)
    assert report.rules.total > 100  # the whole PDF/UA-1 rule set ran, not an empty profile
    return [f"{f.rule_id}: {f.message}" for f in report.failures]


@pytest.mark.parametrize("template", TEMPLATES)
@pytest.mark.parametrize("example", example_names())
def test_every_example_under_every_template_passes_pdf_ua1(example, template, tmp_path):
    standard, accessible = built(example, template)
    assert accessible.pdf.startswith(b"%PDF-")
    assert accessible.accessible
    assert ua1_failures(accessible.pdf) == []
    # The same report: same content hash, same footer facts as the standard PDF.
    assert accessible.content_hash == standard.content_hash
    meta = accessible.report.meta
    text = poppler_text(accessible.pdf)
    n = accessible.page_count
    assert n == len(PdfReader(io.BytesIO(accessible.pdf)).pages)
    for fact in (f"Page 1 of {n}", f"Page {n} of {n}", meta.template_name,
                 f"Evidence pack {meta.pack_version} ({meta.pack_date})",
                 f"content {accessible.content_hash[:12]}", f"generated {meta.generated_on}"):
        assert fact in text
    # Headings in reading order: H1 the title, one H2 per titled section, as the report says.
    path = tmp_path / "a.pdf"
    path.write_bytes(accessible.pdf)
    found = headings(path)
    assert found[0] == (1, " ".join(meta.title.split()))
    titles = [" ".join(s.title.split()) for s in accessible.report.sections if s.title]
    assert [t for level, t in found if level == 2] == titles
    assert all(level in (1, 2, 3) for level, _ in found)
    assert [level for level, _ in found].count(1) == 1


def test_tag_tree_title_language_lists_tables_links_and_artifacts():
    _, result = built("everything-flagged", "Standard Letter")
    reader = PdfReader(io.BytesIO(result.pdf))
    root = reader.trailer["/Root"]
    assert root["/Lang"] == "en"
    assert root["/ViewerPreferences"]["/DisplayDocTitle"]
    assert reader.metadata.title == " ".join(result.report.meta.title.split())
    elements = list(struct_elements(result.pdf))
    kinds = [str(e["/S"]) for e in elements]
    for kind in ("/H1", "/H2", "/H3", "/L", "/LI", "/Table", "/TH", "/TD", "/Link"):
        assert kind in kinds, kind
    # Every header cell says whether it heads a row or a column.
    scopes = {str(attributes(e).get("/Scope")) for e in elements if e["/S"] == "/TH"}
    assert scopes <= {"/Row", "/Column", "/Both"}
    assert {"/Row", "/Column"} <= scopes
    # The facts box: each row is a label (TH, row scope) and its value (TD), read together.
    text = pdf_text(result.pdf)
    assert "Page 1 of" in text  # the footer prints, yet is no element of the tree (an artifact)
    assert not any("Page 1 of" in str(e.get("/ActualText", "")) for e in elements)


def test_logo_is_a_figure_with_alternative_text(tmp_path):
    logo = EXAMPLES_DIR / "example-logo.png"
    path = tmp_path / "clinic.toml"
    path.write_text('format_version = 1\nname = "Logo clinic"\n[branding]\nclinic_name = '
                    f'"Lakeside Neurology"\nlogo = "{logo.as_posix()}"\n', encoding="utf-8")
    result = build_report(load_example("on-dmt-mood-pain"), load_template(path), accessible=True)
    figures = [e for e in struct_elements(result.pdf) if e["/S"] == "/Figure"]
    # the logo first, in the letterhead; then the timeline
    assert [str(f["/Alt"])[:8] for f in figures] == ["Logo of ", "Timeline"]
    assert str(figures[0]["/Alt"]) == "Logo of Lakeside Neurology"
    assert ua1_failures(result.pdf) == []


@pytest.mark.parametrize("example", ["on-dmt-mood-pain", "everything-flagged"])
def test_timeline_is_a_figure_whose_alt_text_names_every_point_then_a_list(example):
    _, result = built(example, "Standard Letter")
    elements = list(struct_elements(result.pdf))
    figures = [e for e in elements if e["/S"] == "/Figure"]
    assert len(figures) == 1  # no logo in the built-in template: the timeline alone
    alt = str(figures[0]["/Alt"])
    timeline = next(b for s in result.report.sections for b in s.blocks
                    if isinstance(b, Timeline))
    assert alt.startswith("Timeline drawing of your plan, in weeks from the start: ")
    # every point, in week order, with its week unless its label says it already
    spans = [alt.index(p.label) for p in sorted(timeline.points, key=lambda p: p.week)]
    assert spans == sorted(spans)
    for point in timeline.points:
        week = f"{point.week:g}"
        assert f"{point.label} at week {week}" in alt or point.label == f"Week {week}"
    # the same points stay readable as a list after the figure
    after = elements[elements.index(figures[0]):]
    assert any(e["/S"] == "/L" for e in after)
    assert "Week 0: Before you start" in pdf_text(result.pdf)


def test_spanish_timeline_alt_text_is_spanish():
    ctx = load_example("on-dmt-mood-pain")
    result = build_report(dataclasses.replace(ctx, language="es"), accessible=True)
    figure = next(e for e in struct_elements(result.pdf) if e["/S"] == "/Figure")
    assert str(figure["/Alt"]).startswith("Dibujo de su plan en el tiempo")
    assert "en la semana 12" in str(figure["/Alt"])


@pytest.mark.parametrize("template", TEMPLATES)
@pytest.mark.parametrize("example", ["on-dmt-mood-pain", "everything-flagged"])
def test_sections_start_a_new_page_where_the_standard_pdf_does(example, template):
    _, result = built(example, template)
    pages = [[line.strip() for line in (page.extract_text() or "").splitlines() if line.strip()]
             for page in PdfReader(io.BytesIO(result.pdf)).pages]
    breaking = [s for s in result.report.sections[1:] if s.page_break_before and s.title]
    if not breaking:
        pytest.skip(f"{template} starts no section after the first on a new page")
    for section in breaking:
        title = " ".join(section.title.split())
        # the heading is the page's first line, or the second under "For clinicians"
        assert any(title in page[:2] for page in pages), title
    # and no other section does: the references follow the evidence summary on its page
    tops = {page[0] for page in pages if page}
    others = [" ".join(s.title.split()) for s in result.report.sections
              if s.title and not s.page_break_before and s.audience == "clinician"]
    assert not any(t in tops for t in others)


def test_template_footer_text_is_data_not_css_or_markup(tmp_path):
    hostile = 'x"}body{display:none}</style><b>bold</b> \\A & ü'
    path = tmp_path / "clinic.toml"
    path.write_text(tomli_w.dumps({"format_version": 1, "name": "Hostile footer",
                                   "footer_text": hostile}), encoding="utf-8")
    template = load_template(path)
    assert template.footer_text == hostile
    result = build_report(load_example("on-dmt-mood-pain"), template, accessible=True)
    text = pdf_text(result.pdf)
    assert "</style><b>bold</b>" in text
    assert "Key points" in text
    assert ua1_failures(result.pdf) == []


def test_fetcher_reads_only_the_files_it_is_given():
    font = (FONTS_DIR / "DejaVuSans.ttf").resolve()
    fetch = local_fetcher({font: 8 << 20})
    assert fetch(font.as_uri()).read()[:4] == b"\x00\x01\x00\x00"
    for url in ("https://example.org/font.ttf", "http://127.0.0.1/x.png", "file:///etc/passwd",
                "data:text/plain,hi", (FONTS_DIR / "DejaVuSans-Bold.ttf").as_uri()):
        with pytest.raises(RefusedFetch):
            fetch(url)


def test_cli_accessible_build_and_its_refusals(tmp_path):
    out = tmp_path / "report.pdf"
    env = {**os.environ, "PYTHONWARNINGS": "ignore"}
    proc = subprocess.run([sys.executable, "-m", "ldn_report", "build", "--example",
                           "takes-opioids", "--accessible", "-o", str(out)],
                          capture_output=True, text=True, env=env)
    assert proc.returncode == 0, proc.stderr
    assert "tagged PDF/UA-1" in proc.stdout
    assert out.stat().st_mode & 0o777 == 0o600
    assert ua1_failures(out.read_bytes()) == []
    proc = subprocess.run([sys.executable, "-m", "ldn_report", "build", "--example",
                           "takes-opioids", "--accessible", "-o", str(tmp_path / "r.html")],
                          capture_output=True, text=True, env=env)
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr
    assert "--accessible" in proc.stderr
    assert ".pdf" in proc.stderr
    assert not (tmp_path / "r.html").exists()


def test_standard_build_does_not_load_weasyprint():
    code = ("import sys; from ldn_report.build import build_report; "
            "from ldn_report.examples import load_example; "
            "build_report(load_example('on-dmt-mood-pain')); "
            "print('weasyprint' in sys.modules)")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True)
    assert proc.stdout.strip() == "False"


def test_large_print_uses_the_large_sizes_and_the_template_paper():
    _, large = built("on-dmt-mood-pain", "Large print")
    _, a4 = built("on-dmt-mood-pain", "Standard A4")
    box = PdfReader(io.BytesIO(a4.pdf)).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)
    assert large.page_count > a4.page_count
