"""Names in every script print with real glyphs: DejaVu Sans for Latin, Vietnamese, Greek and
Cyrillic; bundled Noto / Droid faces, shaped and in right-to-left order, for Arabic, Hebrew,
Devanagari, Thai, Chinese, Japanese and Korean; a character no face has is named in a warning."""

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
from robust_checks import MINIMAL_CONTEXT, context_with, qt_app

TODAY = dt.date(2025, 3, 14)
NAMES = {
    "latin": "Zoë Ångström-Müller Ñuñez Łukasz Øster",
    "vietnamese": "Nguyễn Thị Ánh Tuyết Đặng Phương Hằng",
    "greek": "Ελένη Παπαδοπούλου Άγγελος",
    "cyrillic": "Наталья Ёлкина Юрий Щукин",
}
# (name, face the script's letters must be drawn in, text pdftotext must give back)
SCRIPT_NAMES = {
    "arabic": ("محمد عبد الله", "NotoSansArabic", "محمد عبد الله"),
    "hebrew": ("שרה לוי", "NotoSansHebrew", "שרה לוי"),
    "chinese": ("李小龍 王芳", "DroidSansFallback", "李小龍 王芳"),
    "japanese": ("山田 さくら", "DroidSansFallback", "山田 さくら"),
    "korean": ("김민수", "DroidSansFallback", "김민수"),
    "thai": ("สมชาย ใจดี", "NotoSansThai", "สมชาย ใจดี"),
    # a vowel sign drawn before its consonant (प्रि, कि) and a reph (र्मा) read back as typed
    "devanagari": ("प्रिया शर्मा किताब", "NotoSansDevanagari", "प्रिया शर्मा किताब"),
}
NO_GLYPH = {"ethiopic": ("ሀይሉ", "U+1200"), "rare-han": ("Ann 龘", "U+9F98"),
            "emoji": ("Ann 🧠", "U+1F9E0")}


def build(**flat: object):
    ctx = context_from_dict(context_with({k.replace("__", "."): v for k, v in flat.items()}),
                            today=TODAY)
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


def pdftotext(pdf: bytes, tmp_path: Path) -> str:
    path = tmp_path / "r.pdf"
    path.write_bytes(pdf)
    out = subprocess.run(["pdftotext", "-l", "2", str(path), "-"], capture_output=True,
                         text=True, check=True).stdout
    # poppler marks a right-to-left stretch with RLE ... PDF; the words inside are what count
    return re.sub(r"[\u202a-\u202e]", "", out)


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) missing")
@pytest.mark.parametrize("script", SCRIPT_NAMES)
def test_a_name_in_another_script_prints_shaped_and_reads_back(script: str,
                                                                tmp_path: Path) -> None:
    name, face, expected = SCRIPT_NAMES[script]
    result = build(patient__name=name, notes=f"Notes for {name}, and Ann.",
                   clinician__name=f"Dr {name}")
    assert result.warnings == ()
    text = pdftotext(result.pdf, tmp_path)
    assert expected in text
    assert f"Notes for {expected}, and Ann." in text  # mixed with Latin on one line
    with pdfplumber.open(io.BytesIO(result.pdf)) as doc:
        chars = [c for c in doc.pages[0].chars if not c["text"].isspace()]
    script_chars = [c for c in chars if "DejaVu" not in c["fontname"]]
    # drawn in the script's own embedded face, never a base-14 or a DejaVu .notdef box
    assert script_chars
    assert all(face in c["fontname"] for c in script_chars)
    assert all("DejaVuSans" in c["fontname"] or face in c["fontname"] for c in chars)


def test_right_to_left_words_are_drawn_right_to_left() -> None:
    """Visual order: in "Ann שרה לוי" the first Hebrew word (שרה) is drawn right of the second,
    and each word's first letter is its rightmost glyph."""
    result = build(patient__name="Ann שרה לוי")
    with pdfplumber.open(io.BytesIO(result.pdf)) as doc:
        chars = [c for c in doc.pages[0].chars if "Hebrew" in c["fontname"]]
    line = min(c["top"] for c in chars)
    first = [c for c in chars if abs(c["top"] - line) < 1]
    x_of = {c["text"]: c["x0"] for c in first}
    assert x_of["ש"] > x_of["ר"] > x_of["ה"] > x_of["ל"] > x_of["ו"]


def test_the_markup_keeps_user_text_as_data_in_every_script() -> None:
    from ldn_report.render.pdf import markup

    out = markup.text('<b>محمد</b> & <font name="Helvetica">李</font>')
    assert "<b>" not in out.replace('<font name="NotoSansArabic-Regular">', "")
    for escaped in ("&lt;b&gt;", "&amp;", "&lt;font"):
        assert escaped in out


@pytest.mark.parametrize("script", NO_GLYPH)
def test_a_character_without_a_glyph_is_named_with_its_field(script: str) -> None:
    text, code = NO_GLYPH[script]
    result = build(dmt__name=text)
    assert any(w.startswith("dmt.name:") and code in w for w in result.warnings), result.warnings
    assert qt_coverage(fonts.REGULAR, text), "the font now has it: pick another character"


def test_a_deidentified_name_gets_no_warning_as_it_is_not_printed() -> None:
    result = build(patient__name="ሀይሉ", patient__deidentified=True)
    assert result.warnings == ()


def test_template_text_without_glyphs_warns_too_and_rtl_does_not() -> None:
    from ldn_report.templates.file_format import template_from_dict

    template = template_from_dict({"format_version": 1, "name": "Clinic",
                                   "branding": {"clinic_name": "مستشفى 漢 ሀ"}})
    ctx = context_from_dict(MINIMAL_CONTEXT, today=TODAY)
    warnings = build_report(ctx, template, generated_on=TODAY).warnings
    clinic = [w for w in warnings if w.startswith("branding.clinic_name:")]
    assert len(clinic) == 1, warnings
    assert "U+1200" in clinic[0]
    assert "U+6F22" not in clinic[0]
    assert "U+0645" not in clinic[0]


def test_the_cli_prints_the_warnings(tmp_path: Path) -> None:
    import json

    ctx = tmp_path / "ctx.json"
    ctx.write_text(json.dumps({**MINIMAL_CONTEXT, "patient": {"name": "שרה 李 ሀ"}}), "utf-8")
    run = subprocess.run([sys.executable, "-m", "ldn_report", "build", "--context", str(ctx),
                          "-o", str(tmp_path / "r.pdf")], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    lines = [line for line in run.stderr.splitlines() if line.startswith("warning: patient.name:")]
    assert len(lines) == 1, run.stderr
    assert "U+1200" in lines[0]


@pytest.mark.parametrize("note", [
    "患者希望了解低剂量纳曲酮的效果和副作用以及如何监测" * 4,       # Chinese: no spaces
    "ผู้ป่วยต้องการทราบเกี่ยวกับผลของยาและผลข้างเคียง" * 4,            # Thai: no spaces
    " ".join(["محمد عبد الله"] * 30),                                 # Arabic over lines
])
def test_a_long_note_without_spaces_or_over_lines_stays_inside_the_text_column(note: str) -> None:
    result = build(notes=note)
    assert result.warnings == ()
    with pdfplumber.open(io.BytesIO(result.pdf)) as doc:
        page = next(p for p in doc.pages if any(c["text"] == note[0] for c in p.chars))
        drawn = [c for c in page.chars if c["text"] in set(note)]
        right = max(c["x1"] for c in page.chars if "DejaVu" in c["fontname"])
    assert drawn
    assert max(c["x1"] for c in drawn) <= right + 1
    assert min(c["x0"] for c in drawn) >= min(c["x0"] for c in page.chars) - 1


@pytest.mark.skipif(shutil.which("pdffonts") is None, reason="pdffonts (poppler-utils) missing")
def test_accessible_pdf_prints_every_script_in_the_bundled_faces(tmp_path: Path) -> None:
    """The accessible route (WeasyPrint) draws each script in its bundled face through
    @font-face, never a system font; the names read back as typed, mixed with Latin."""
    from ldn_report.build import build_report as build_any

    # a reph (र्) reads back out of place from WeasyPrint's PDF (README): none here
    names = [name for script, (name, _, _) in SCRIPT_NAMES.items() if script != "devanagari"]
    names.append("प्रिया किताब")  # vowel signs drawn before their consonants read back right
    data = {**MINIMAL_CONTEXT, "patient": {"name": f"Ann {names[0]}"},
            "notes": "\n".join(f"Notes for {n}, and Ann." for n in names)}
    result = build_any(context_from_dict(data, today=TODAY), accessible=True,
                       generated_on=TODAY)
    assert result.warnings == ()
    text = pdftotext(result.pdf, tmp_path)
    for name in names:
        assert f"Notes for {name}, and Ann." in text
    path = tmp_path / "a.pdf"
    path.write_bytes(result.pdf)
    out = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True)
    faces = {row.split()[0].split("+")[-1] for row in out.stdout.splitlines()[2:]}
    assert {"LDN-Sans", "LDN-Arabic", "LDN-Hebrew", "LDN-Cjk", "LDN-Thai",
            "LDN-Devanagari"} <= faces
    assert all(face.startswith("LDN-") for face in faces), faces  # no system font


def test_accessible_pdf_of_a_latin_report_loads_no_script_face() -> None:
    from ldn_report.compose import compose_report
    from ldn_report.evidence import default_pack
    from ldn_report.render.accessible_pdf import font_faces
    from ldn_report.templates.catalogue import resolve_template

    report = compose_report(context_from_dict(MINIMAL_CONTEXT, today=TODAY), default_pack(),
                            resolve_template(None), generated_on=TODAY)
    faces, families = font_faces(report)
    assert {family for family, *_ in faces} == {"LDN Sans"}
    assert families == '"LDN Sans"'


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) missing")
def test_bold_cjk_prints_in_the_regular_face_and_nothing_is_dropped(tmp_path: Path) -> None:
    """Droid Sans Fallback has no bold: a bold CJK run (the clinic's name in the letterhead, a
    bold span of a clinic text) prints in its regular weight, every character there."""
    from ldn_report.templates.file_format import template_from_dict

    template = template_from_dict({"format_version": 1, "name": "Clinic",
                                   "branding": {"clinic_name": "東京神経内科 Clinic"},
                                   "text": {"contact": "**请致电 李医生** or call us."}})
    ctx = context_from_dict(MINIMAL_CONTEXT, today=TODAY)
    result = build_report(ctx, template, generated_on=TODAY)
    assert result.warnings == ()
    text = pdftotext(result.pdf, tmp_path)
    assert "東京神経内科 Clinic" in text
    path = tmp_path / "all.pdf"
    path.write_bytes(result.pdf)
    everything = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True,
                                check=True).stdout
    assert "请致电 李医生 or call us." in everything
    with pdfplumber.open(io.BytesIO(result.pdf)) as doc:
        cjk = [c for page in doc.pages for c in page.chars
               if c["text"] in "東京神経内科请致电李医生"]
    assert {c["fontname"].split("+")[-1] for c in cjk} == {"DroidSansFallback"}


def test_the_script_test_without_a_pattern_says_what_the_ranges_say() -> None:
    """needs_script_face and scripts_in (max() and a look-up, no regular expression) against
    a pattern made from the same ranges, on every character of the BMP and some beyond."""
    from ldn_report.render.pdf import scripts

    ranges = scripts._RANGES
    pattern = re.compile("[" + "".join(f"\\U{lo:08X}-\\U{hi:08X}" for lo, hi, _ in ranges) + "]")
    for code in [*range(0xD800), *range(0xE000, 0x10000), 0x1F600, 0x20000, 0x10FFFF]:
        ch = chr(code)
        assert scripts.needs_script_face(ch) == bool(pattern.search(ch)), hex(code)
    for text in ["", "plain Latin text", "Nguyễn “quoted” – ≥ 4.5 mg", *NAMES.values(),
                 *(f"Name: {name} ({kind})" for kind, (name, _, _) in SCRIPT_NAMES.items())]:
        assert scripts.needs_script_face(text) == bool(pattern.search(text)), text
        assert scripts.scripts_in(text) == \
            {script for c in pattern.findall(text) if (script := scripts.script_of(c))}
