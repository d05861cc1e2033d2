"""Limits: huge notes, long schedules and clinic texts lay out across pages, nothing cut off."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import re
from pathlib import Path

import pdfplumber
import pytest
from pypdf import PdfReader

from ldn_report.build import build_report
from ldn_report.context import context_from_dict
from ldn_report.errors import InputError
from ldn_report.templates.catalogue import builtin_templates
from ldn_report.templates.file_format import template_from_dict
from ldn_report.templates.model import DEFAULT_TEMPLATE, ScheduleRow
from robust_checks import MINIMAL_CONTEXT, assert_sound_pdf, need_tools

TODAY = dt.date(2025, 3, 14)


def ctx_with(**extra: object):
    return context_from_dict({**MINIMAL_CONTEXT, **extra}, today=TODAY)


def words_of(pdf: bytes) -> set[str]:
    reader = PdfReader(io.BytesIO(pdf))
    return set(re.findall(r"\w+", " ".join(p.extract_text() or "" for p in reader.pages)))


def ink_outside_the_page(pdf: bytes) -> list[str]:
    """Characters drawn (partly) off the page: text a printer would cut off."""
    out = []
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        for number, page in enumerate(doc.pages, 1):
            for c in page.chars:
                if c["x0"] < -0.5 or c["x1"] > page.width + 0.5 or c["top"] < -0.5 \
                        or c["bottom"] > page.height + 0.5:
                    out.append(f"page {number}: {c['text']!r} at x={c['x0']:.0f}")
    return out


@pytest.fixture(autouse=True)
def _tools() -> None:
    need_tools()


@pytest.mark.slow
def test_a_10000_character_note_lays_out_with_every_word() -> None:
    words = [f"w{i:04d}" for i in range(1700)]
    note = ""
    for i, w in enumerate(words):
        note += w + ("\n\n" if i % 97 == 96 else "\n" if i % 13 == 12 else " ")
    note = note[:10_000]
    kept = set(re.findall(r"w\d{4}", note))
    short = build_report(ctx_with(notes="short"), generated_on=TODAY)
    result = build_report(ctx_with(notes=note), generated_on=TODAY)
    assert result.page_count > short.page_count
    missing = kept - words_of(result.pdf)
    assert not missing, f"{len(missing)} words of the note are missing, e.g. {sorted(missing)[:5]}"
    assert ink_outside_the_page(result.pdf) == []
    assert_sound_pdf(result.pdf)


@pytest.mark.slow
def test_a_note_that_is_one_long_word_is_not_cut_off() -> None:
    """No space to break at: the word must still wrap, not run off the page edge."""
    note = "".join(f"x{i:03d}" for i in range(2000))[:10_000]
    result = build_report(ctx_with(notes=note), generated_on=TODAY)
    assert ink_outside_the_page(result.pdf) == []
    # The note's lines are the ones made of nothing but "x" and digits; footers sit between.
    lines = [line.strip() for page in PdfReader(io.BytesIO(result.pdf)).pages
             for line in (page.extract_text() or "").splitlines()]
    assert "".join(line for line in lines if re.fullmatch(r"[x\d]*x[x\d]*", line)) == note


def test_the_off_page_check_sees_text_off_the_page() -> None:
    from reportlab.pdfgen.canvas import Canvas

    buf = io.BytesIO()
    canvas = Canvas(buf, pagesize=(200, 200))
    canvas.drawString(150, 100, "this runs off the page")
    canvas.save()
    assert ink_outside_the_page(buf.getvalue())


@pytest.mark.slow
@pytest.mark.parametrize("large", [False, True])
def test_a_30_row_monitoring_schedule_lays_out(large: bool) -> None:
    rows = tuple(ScheduleRow(f"Week {i}", f"Check number {i}: questionnaire{i} and "
                             "a short phone call about side effects, sleep and mood.",
                             f"Nurse{i}", float(i)) for i in range(1, 31))
    template = dataclasses.replace(DEFAULT_TEMPLATE, schedule=rows,
                                   text_size="large" if large else "standard")
    result = build_report(ctx_with(), template, generated_on=TODAY)
    words = words_of(result.pdf)
    missing = [i for i in range(1, 31)
               if f"questionnaire{i}" not in words or f"Nurse{i}" not in words]
    assert not missing, f"schedule rows missing from the PDF: {missing}"
    assert ink_outside_the_page(result.pdf) == []
    assert_sound_pdf(result.pdf)


@pytest.mark.slow
def test_long_clinic_texts_lay_out_with_every_word() -> None:
    base = builtin_templates()[0]
    texts = {}
    for key in ("introduction", "how_to_get", "contact", "after_hours"):
        paragraphs = []
        n = 0
        while sum(len(p) + 2 for p in paragraphs) < 3_700:
            paragraphs.append(" ".join(f"{key[:3]}{n + j:03d}" for j in range(40)))
            n += 40
        texts[key] = "\n\n".join(paragraphs)
    template = dataclasses.replace(base, text_blocks=texts, text_size="large")
    result = build_report(ctx_with(), template, generated_on=TODAY)
    words = words_of(result.pdf)
    expected = {w for t in texts.values() for w in t.split()}
    missing = expected - words
    assert not missing, f"{len(missing)} clinic-text words missing, e.g. {sorted(missing)[:5]}"
    assert ink_outside_the_page(result.pdf) == []


def _logo_template(path: Path):
    return template_from_dict({"format_version": 1, "name": "Clinic",
                               "branding": {"logo": str(path)}})


def test_a_logo_that_is_not_an_image_is_a_clear_error(tmp_path: Path) -> None:
    fake = tmp_path / "logo.png"
    fake.write_text("this is not a picture", encoding="utf-8")
    with pytest.raises(InputError) as err:
        _logo_template(fake)
    assert err.value.field == "branding.logo"
    assert "PNG or JPEG" in err.value.message


def test_a_truncated_png_logo_is_a_clear_error(tmp_path: Path) -> None:
    from PIL import Image

    good = tmp_path / "good.png"
    Image.effect_noise((300, 300), 60).save(good)
    broken = tmp_path / "broken.png"
    broken.write_bytes(good.read_bytes()[:2000])
    assert _logo_template(good).branding.logo
    with pytest.raises(InputError) as err:
        _logo_template(broken)
    assert err.value.field == "branding.logo"
    assert "damaged" in err.value.message


def test_a_50_mb_logo_is_a_clear_error(tmp_path: Path) -> None:
    big = tmp_path / "huge.png"
    with big.open("wb") as handle:  # test data, not app output
        handle.write(b"\x89PNG\r\n\x1a\n")
        handle.truncate(50 * 1024 * 1024)  # sparse: 50 MB on paper, nothing on disk
    with pytest.raises(InputError) as err:
        _logo_template(big)
    assert err.value.field == "branding.logo"
    assert "MB" in err.value.message


def test_a_logo_that_is_a_folder_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(InputError) as err:
        _logo_template(tmp_path)
    assert err.value.field == "branding.logo"


def test_a_truncated_logo_is_damaged_even_after_the_accessible_route_loaded(tmp_path: Path):
    """WeasyPrint sets Pillow's LOAD_TRUNCATED_IMAGES for the whole process on import; the
    logo check must not inherit it (the app or a batch may have made an accessible PDF)."""
    from PIL import Image, ImageFile

    pytest.importorskip("weasyprint")
    import weasyprint  # noqa: F401

    assert ImageFile.LOAD_TRUNCATED_IMAGES  # what WeasyPrint does to the process
    good = tmp_path / "good.png"
    Image.effect_noise((300, 300), 60).save(good)
    broken = tmp_path / "broken.png"
    broken.write_bytes(good.read_bytes()[:2000])
    with pytest.raises(InputError, match="damaged"):
        _logo_template(broken)
