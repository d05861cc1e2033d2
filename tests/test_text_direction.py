"""Right-to-left stretches: the PDF's visual word order and the HTML twin's <bdi> isolation."""

from __future__ import annotations

import datetime as dt
import io
import json
import re

import pdfplumber
import pytest

from ldn_report.build import build_report
from ldn_report.context import context_from_dict
from ldn_report.render import text_direction
from ldn_report.render.html import render_html
from ldn_report.render.html import text as html_text
from ldn_report.render.pdf.scripts import visual_words
from ldn_report.templates.file_format import template_from_dict
from robust_checks import MINIMAL_CONTEXT

TODAY = dt.date(2025, 3, 14)

# logical text -> the order its words are drawn left to right (HarfBuzz then reverses the letters
# of each Arabic or Hebrew word, so the words here keep their letters in typed order)
VISUAL = {
    "Ann שרה לוי": "Ann לוי שרה",
    "Patient: محمد عبد الله.": "Patient: الله عبد محمد.",
    "Ann محمد عبد الله (שרה) 李": "Ann (שרה) الله عبد محمد 李",
    "x محمد (عبد الله) y": "x (الله عبد) محمد y",
    "(محمد عبد)": "(عبد محمد)",
    "a (x محمد) b": "a (x محمد) b",
    "محمد - علي & x": "علي - محمد & x",
    "no right-to-left here (at all)": "no right-to-left here (at all)",
}


@pytest.mark.parametrize("logical", VISUAL)
def test_right_to_left_words_are_put_in_visual_order(logical: str) -> None:
    assert visual_words(logical) == VISUAL[logical]


@pytest.mark.parametrize("logical", VISUAL)
def test_stretches_join_back_to_the_line(logical: str) -> None:
    pieces = text_direction.stretches(logical)
    assert "".join(p for p, _ in pieces) == logical
    assert all(text_direction.has_rtl(p) for p, rtl in pieces if rtl)
    assert not any(text_direction.has_rtl(p) for p, rtl in pieces if not rtl)


def test_html_isolates_a_right_to_left_name_inside_english() -> None:
    assert html_text("Notes for محمد عبد الله, 2 <b>") == \
        "Notes for <bdi>محمد عبد الله</bdi>, 2 &lt;b&gt;"
    # a line that is all Arabic takes its direction from the stylesheet (unicode-bidi: plaintext)
    assert html_text("محمد عبد الله") == "محمد عبد الله"
    # user text stays data inside the isolate too
    out = html_text("x <script>שרה</script> y")
    assert "<script" not in out
    assert out.replace("<bdi>", "").replace("</bdi>", "") == \
        "x &lt;script&gt;שרה&lt;/script&gt; y"


def _build(template=None, **fields):
    data = json.loads(json.dumps(MINIMAL_CONTEXT))
    data.update(fields)
    return build_report(context_from_dict(data, today=TODAY), template, generated_on=TODAY)


def test_the_html_twin_names_and_title_in_every_script() -> None:
    result = _build(patient={"name": "Ann שרה לוי"}, notes="Notes for محمد, 2025.")


    page = render_html(result.report, result.content_hash)
    assert "Ann <bdi>שרה לוי</bdi>" in page
    assert "Notes for <bdi>محمد</bdi>, 2025." in page
    title = re.search(r"<title>(.*?)</title>", page, re.S).group(1)
    assert "<" not in title


def test_a_bold_cell_draws_its_script_runs_in_the_bold_face() -> None:
    result = _build(patient={"name": "Ann محمد שרה"}, notes="Notes for محمد שרה.")
    with pdfplumber.open(io.BytesIO(result.pdf)) as doc:
        names = {c["fontname"].split("+")[-1] for page in doc.pages[:3] for c in page.chars
                 if c["text"] in "محمدשרה"}
    # the name sits in the facts box (bold), the notes in the body text (regular)
    assert {"NotoSansArabic-Bold", "NotoSansHebrew-Bold"} <= names
    assert {"NotoSansArabic-Regular", "NotoSansHebrew-Regular"} <= names


def test_a_template_name_and_footer_in_other_scripts_print_in_the_footer() -> None:
    template = template_from_dict({"format_version": 1, "name": "מרפאה 東京",
                                   "footer_text": "कृपया ध्यान दें"})
    result = _build(template)
    assert result.warnings == ()
    with pdfplumber.open(io.BytesIO(result.pdf)) as doc:
        page = doc.pages[-1]
        footer = [c for c in page.chars if c["top"] > page.height * 0.85]
    faces = {c["fontname"].split("+")[-1] for c in footer}
    assert {"NotoSansHebrew-Regular", "DroidSansFallback", "NotoSansDevanagari-Regular"} <= faces
