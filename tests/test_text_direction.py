"""Right-to-left stretches: the PDF's visual word order (line by line) and the HTML twin's <bdi>
isolation."""

from __future__ import annotations

import datetime as dt
import io
import json
import re

import pdfplumber
import pytest
from reportlab.lib.abag import ABag

from ldn_report.build import build_report
from ldn_report.context import context_from_dict
from ldn_report.render import text_direction
from ldn_report.render.html import render_html
from ldn_report.render.html import text as html_text
from ldn_report.render.pdf import bidi_lines, fonts, scripts
from ldn_report.render.text_direction import visual_words
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
def test_a_drawn_line_puts_its_frags_in_the_same_visual_order(logical: str) -> None:
    """After line breaking, a line's frags (one per script run, as markup makes them) are
    reordered by the same rules."""
    frags = [ABag(fontName=fonts.script_face(script) if script else fonts.REGULAR, text=run)
             for script, run in scripts.runs(logical)]
    assert "".join(f.text for f in bidi_lines.visual_words(frags)) == VISUAL[logical]


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


def test_a_long_right_to_left_note_starts_with_its_first_words_on_the_first_line() -> None:
    """Lines are broken in logical order, then each line drawn right to left: the first words
    of a stretch that runs over several lines are on the first line (rightmost), the last
    ones on the last line."""
    words = ("אחד שתיים שלוש ארבע חמש שש שבע שמונה תשע עשר אחדעשר שניםעשר שלושעשר ארבעעשר "
             "חמשעשר ששעשר שבעעשר שמונהעשר תשעעשר עשרים").split()
    result = _build(notes="Note: " + " ".join(words * 2) + " end.")
    with pdfplumber.open(io.BytesIO(result.pdf)) as doc:
        page = next(p for p in doc.pages if "Note:" in (p.extract_text() or ""))
        lines = [line for line in page.extract_text_lines()
                 if any("\u05d0" <= c <= "\u05ea" for c in line["text"])]
    assert len(lines) >= 3
    # pdfplumber gives each line's characters left to right: the Hebrew reads reversed
    first, last = (line["text"][::-1] for line in (lines[0], lines[-1]))
    assert words[0] in first.split()
    assert "Note:"[::-1] in first
    assert words[-1] in last.split()
    assert words[0] not in last.split()
