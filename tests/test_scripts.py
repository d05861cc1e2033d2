"""Names in Latin, Vietnamese, Greek and Cyrillic print with real glyphs; other scripts warn."""

from __future__ import annotations

import datetime as dt
import io
import re
import shutil
import subprocess
import sys
import unicodedata
from pathlib import Path

import pdfplumber
import pytest
from pypdf import PdfReader

from ldn_report.build import build_report
from ldn_report.context import context_from_dict
from ldn_report.paths import FONTS_DIR
from ldn_report.render.pdf import fonts
from robust_checks import MINIMAL_CONTEXT, qt_app

TODAY = dt.date(2025, 3, 14)
NAMES = {
    "latin": "Zoë Ångström-Müller Ñuñez Łukasz Øster",
    "vietnamese": "Nguyễn Thị Ánh Tuyết Đặng Phương Hằng",
    "greek": "Ελένη Παπαδοπούλου Άγγελος",
    "cyrillic": "Наталья Ёлкина Юрий Щукин",
}
RTL_NAMES = {"arabic": "محمد عبد الله", "hebrew": "שרה לוי"}
NO_GLYPH = {"cjk": ("李小龍", "U+674E"), "emoji": ("Ann 🧠", "U+1F9E0")}


def build(**flat: object):
    data = {k: dict(v) if isinstance(v, dict) else v for k, v in MINIMAL_CONTEXT.items()}
    for key, value in flat.items():
        group, _, leaf = key.partition("__")
        if leaf:
            data.setdefault(group, {})[leaf] = value
        else:
            data[group] = value
    ctx = context_from_dict(data, today=TODAY)
    return build_report(ctx, generated_on=TODAY)


def extracted(pdf: bytes) -> str:
    reader = PdfReader(io.BytesIO(pdf))
    return re.sub(r"\s+", " ", " ".join(p.extract_text() or "" for p in reader.pages))


def qt_coverage(face: str, text: str) -> set[str]:
    """Characters of ``text`` the TTF's own cmap has no glyph for, read by Qt (FreeType),
    not by ReportLab, so the check does not trust the code that writes the PDF."""
    from PySide6.QtGui import QRawFont

    qt_app()
    font = QRawFont(str(FONTS_DIR / f"{face}.ttf"), 12)
    assert font.isValid()
    # ord(): PySide6 turns a one-letter str into a QChar wrongly beyond ASCII
    return {c for c in text if not c.isspace() and not font.supportsCharacter(ord(c))}


@pytest.mark.parametrize("script", NAMES)
def test_the_bundled_fonts_cover_the_name(script: str) -> None:
    name = NAMES[script]
    for face in fonts.FACES:
        assert qt_coverage(face, name) == set(), f"{face} lacks glyphs for {script}"
    assert fonts.missing_glyphs(name) == set()


@pytest.mark.parametrize("script", NAMES)
def test_a_name_prints_with_real_glyphs_and_reads_back(script: str) -> None:
    name = NAMES[script]
    result = build(patient__name=name, notes=f"Notes for {name}.")
    assert result.warnings == ()
    text = extracted(result.pdf)
    assert unicodedata.normalize("NFC", name) in text
    assert f"Notes for {name}." in text
    # Every character of the name is drawn in an embedded DejaVu face, none in a base-14 font.
    with pdfplumber.open(io.BytesIO(result.pdf)) as doc:
        chars = [c for c in doc.pages[0].chars if c["text"] in set(name) - {" "}]
    assert {c["text"] for c in chars} == set(name) - {" "}
    assert all("DejaVuSans" in c["fontname"] for c in chars)


@pytest.mark.skipif(shutil.which("pdffonts") is None, reason="pdffonts (poppler-utils) missing")
def test_every_font_in_the_pdf_is_embedded(tmp_path: Path) -> None:
    path = tmp_path / "r.pdf"
    path.write_bytes(build(patient__name=NAMES["vietnamese"]).pdf)
    out = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True)
    rows = out.stdout.splitlines()[2:]
    assert rows
    for row in rows:
        assert "DejaVuSans" in row, row
        # columns: name type encoding emb sub uni object ID
        assert row.split()[-5:-2] == ["yes", "yes", "yes"], row


@pytest.mark.parametrize("script", RTL_NAMES)
def test_right_to_left_text_gets_a_clear_warning(script: str) -> None:
    """No bidi reordering or Arabic shaping here: the user is told, not given silent nonsense."""
    result = build(patient__name=RTL_NAMES[script])
    rtl = [w for w in result.warnings if w.startswith("patient.name:") and "right-to-left" in w]
    assert len(rtl) == 1, result.warnings


@pytest.mark.parametrize("script", NO_GLYPH)
def test_a_character_without_a_glyph_is_named_with_its_field(script: str) -> None:
    text, code = NO_GLYPH[script]
    result = build(dmt__name=text)
    assert any(w.startswith("dmt.name:") and code in w for w in result.warnings), result.warnings
    assert qt_coverage(fonts.REGULAR, text), "the font now has it: pick another character"


def test_a_deidentified_name_gets_no_warning_as_it_is_not_printed() -> None:
    result = build(patient__name="李小龍", patient__deidentified=True)
    assert result.warnings == ()


def test_template_text_without_glyphs_or_in_rtl_warns_too() -> None:
    from ldn_report.templates.file_format import template_from_dict

    template = template_from_dict({"format_version": 1, "name": "Clinic",
                                   "branding": {"clinic_name": "مستشفى 漢"}})
    ctx = context_from_dict(MINIMAL_CONTEXT, today=TODAY)
    warnings = build_report(ctx, template, generated_on=TODAY).warnings
    assert any(w.startswith("branding.clinic_name:") and "U+6F22" in w for w in warnings)
    assert any(w.startswith("branding.clinic_name:") and "right-to-left" in w for w in warnings)


def test_the_cli_prints_the_warnings(tmp_path: Path) -> None:
    import json

    ctx = tmp_path / "ctx.json"
    ctx.write_text(json.dumps({**MINIMAL_CONTEXT, "patient": {"name": "שרה 李"}}), "utf-8")
    run = subprocess.run([sys.executable, "-m", "ldn_report", "build", "--context", str(ctx),
                          "-o", str(tmp_path / "r.pdf")], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    lines = run.stderr.splitlines()
    assert any(line.startswith("warning: patient.name:") and "U+674E" in line for line in lines)
    assert any(line.startswith("warning: patient.name:") and "right-to-left" in line
               for line in lines)
