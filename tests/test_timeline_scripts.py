"""Timeline labels in any script print like body text: a clinic's plan row written in Hebrew,
Arabic or Devanagari is drawn on the standard PDF's timeline in its script's face, shaped,
right-to-left words in drawn order, and reads back as typed; Latin labels are drawn as before."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import re
import shutil
import subprocess
import unicodedata
from pathlib import Path

import pdfplumber
import pytest

from ldn_report.build import build_report
from ldn_report.examples import load_example
from ldn_report.templates.catalogue import builtin_templates
from ldn_report.templates.model import ScheduleRow

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None,
                                reason="pdftotext (poppler-utils) missing")

DAY = dt.date(2026, 11, 26)
# (label, the face its letters must be drawn in)
LABELS = {
    "hebrew": ("לפני ההתחלה", "NotoSansHebrew"),
    "arabic": ("الأسبوع الرابع", "NotoSansArabic"),
    # a vowel sign drawn before its consonant (कि) and a conjunct (प्त)
    "devanagari": ("सप्ताह आठ किताब", "NotoSansDevanagari"),
}
CAPTION = "(weeks"


def _report_with_labels(tmp_path: Path) -> tuple[Path, int, tuple[float, float]]:
    """A report whose plan rows are the labels (and one Latin row): the file, the timeline's
    page (0-based) and the band of the page (top, bottom in points) the drawing takes."""
    rows = (ScheduleRow(LABELS["hebrew"][0], "Check your medicines.", "Prescriber", 0),
            ScheduleRow(LABELS["arabic"][0], "Phone check.", "MS nurse", 4),
            ScheduleRow(LABELS["devanagari"][0], "Repeat the questionnaires.", "Neurologist", 8),
            ScheduleRow("Every visit", "Neurological check.", "MS team", 12))
    template = dataclasses.replace(builtin_templates()[0], schedule=rows, builtin=False,
                                   name="Scripts")
    result = build_report(load_example("deidentified", today=DAY), template, generated_on=DAY)
    assert result.warnings == ()
    path = tmp_path / "r.pdf"
    path.write_bytes(result.pdf)
    with pdfplumber.open(io.BytesIO(result.pdf)) as doc:
        for number, page in enumerate(doc.pages):
            words = page.extract_words()
            captions = [w for w in words if w["text"] == CAPTION]
            if captions:
                # the table's last row ends the band above; the drawing's caption below
                last_row = max(w["bottom"] for w in words if w["text"] == "Neurological")
                return path, number, (last_row + 1, captions[0]["top"] - 1)
    raise AssertionError("no timeline caption in the report")


def _timeline_chars(path: Path, page: int, band: tuple[float, float]) -> list[dict]:
    with pdfplumber.open(path) as doc:
        return [c for c in doc.pages[page].chars
                if band[0] < c["top"] < band[1] and not c["text"].isspace()]


def _timeline_text(path: Path, page: int, band: tuple[float, float]) -> str:
    """pdftotext of the drawing's band only (at 72 dpi a pixel is a point)."""
    top, bottom = band
    with pdfplumber.open(path) as doc:
        width = doc.pages[page].width
    out = subprocess.run(
        ["pdftotext", "-f", str(page + 1), "-l", str(page + 1), "-r", "72", "-x", "0",
         "-y", str(int(top)), "-W", str(int(width)), "-H", str(int(bottom - top)), str(path),
         "-"], capture_output=True, text=True, check=True).stdout
    # poppler marks a right-to-left stretch with RLE ... PDF; the words inside are what count
    return " ".join(re.sub(r"[\u202a-\u202e]", "", out).split())


def test_timeline_labels_in_other_scripts_are_drawn_in_their_face_and_read_back(tmp_path):
    path, page, band = _report_with_labels(tmp_path)
    chars = _timeline_chars(path, page, band)
    text = _timeline_text(path, page, band)
    assert "Every visit" in text  # the band is the timeline
    assert "weeks" in text
    for script, (label, face) in LABELS.items():
        assert unicodedata.normalize("NFC", label) in text, script
        letters = set(label) - {" "}
        drawn = [c for c in chars if c["fontname"].split("+")[-1].startswith(face)]
        assert drawn, f"no {script} glyph drawn in {face}"
        # not one letter of the label in DejaVu Sans (unshaped, or a .notdef box)
        assert not [c for c in chars if c["text"] in letters and "DejaVu" in c["fontname"]]


def test_a_right_to_left_label_is_drawn_right_to_left(tmp_path):
    """In "לפני ההתחלה" the first word is drawn right of the second, and each word's first
    letter is its rightmost glyph."""
    path, page, band = _report_with_labels(tmp_path)
    hebrew = [c for c in _timeline_chars(path, page, band) if "Hebrew" in c["fontname"]]
    x_of = {c["text"]: c["x0"] for c in hebrew}
    assert x_of["ל"] > x_of["פ"] > x_of["נ"] > x_of["י"]  # לפני, right to left
    assert x_of["י"] > x_of["ה"]  # the first word right of the second (ההתחלה)
    assert x_of["ת"] > x_of["ח"]


def test_a_shaped_label_is_placed_by_its_shaped_width(tmp_path):
    """The label is centred on its point: the layout placed it by the width it is drawn at
    (Arabic letters join, so shaped and unshaped widths differ)."""
    path, page, band = _report_with_labels(tmp_path)
    chars = _timeline_chars(path, page, band)
    arabic = [c for c in chars if "Arabic" in c["fontname"]]
    tick = [c for c in chars if c["text"] == "4" and "DejaVu" in c["fontname"]]
    assert arabic
    assert tick
    middle = (min(c["x0"] for c in arabic) + max(c["x1"] for c in arabic)) / 2
    assert abs(middle - (tick[0]["x0"] + tick[0]["x1"]) / 2) < 3  # its week's tick number
