"""User text is data, never markup: tags and entities in any field print literally."""

from __future__ import annotations

import datetime as dt
import io
import re
from pathlib import Path

import pdfplumber
import pytest
from pypdf import PdfReader
from pypdf.generic import DictionaryObject

from ldn_report.build import build_report
from ldn_report.compose import compose_report
from ldn_report.context import context_from_dict
from ldn_report.templates.file_format import template_from_dict
from robust_checks import MINIMAL_CONTEXT, context_with

TODAY = dt.date(2025, 3, 14)
INJECTIONS = ("<b>", "</para>", "&amp;", "<font name=x>", '<a href="javascript:x">',
              '<img src="/etc/passwd"/>')
# Each field gets its own marker, so a value found in the text is known to be that field's.
CONTEXT_FIELDS = {"patient.name": "QA", "patient.mrn": "QB", "dmt.name": "QC",
                  "clinician.name": "QD", "clinician.role": "QE", "notes": "QF"}
TEMPLATE_FIELDS = {"branding.clinic_name": "QG", "branding.department": "QH",
                   "branding.address": "QI", "branding.phone": "QJ", "branding.website": "QK",
                   "heading": "QL", "when": "QM", "what": "QN", "who": "QO", "text": "QP",
                   "footer_text": "QR", "name": "QS"}


def marked(marker: str, injection: str) -> str:
    return f"{marker}X{injection}{marker}Z"



def template_doc(values: dict[str, str], logo: str = "") -> dict:
    return {
        "format_version": 1,
        "name": values["name"],
        "footer_text": values["footer_text"],
        "branding": {**{k: values[f"branding.{k}"] for k in
                        ("clinic_name", "department", "address", "phone", "website")},
                     "logo": logo},
        "sections": [{"id": s, "heading": values["heading"] if s == "questions" else ""}
                     for s in ("header", "key_points", "why_ldn", "safety", "monitoring",
                               "questions", "discussion_record", "evidence_summary",
                               "references")],
        "schedule": [{"when": values["when"], "what": values["what"], "who": values["who"],
                      "week": 2}],
        "text": {"introduction": values["text"]},
    }


def build(injection: str, logo: str = ""):
    ctx = context_from_dict(
        context_with({f: marked(m, injection) for f, m in CONTEXT_FIELDS.items()}), today=TODAY)
    template = template_from_dict(
        template_doc({f: marked(m, injection) for f, m in TEMPLATE_FIELDS.items()}, logo))
    return build_report(ctx, template, generated_on=TODAY), ctx, template


def page_text(pdf: bytes) -> str:
    reader = PdfReader(io.BytesIO(pdf))
    return re.sub(r"\s+", " ", " ".join(p.extract_text() or "" for p in reader.pages))


def _runs(pdf: bytes) -> list[tuple[str, list[tuple[str, float]]]]:
    """Per page: the text with spaces removed, and each character's (font, size)."""
    out = []
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        for page in doc.pages:
            chars = [c for c in page.chars if not c["text"].isspace()]
            out.append(("".join(c["text"] for c in chars),
                        [(c["fontname"], round(c["size"], 1)) for c in chars]))
    return out


def style_of(runs: list[tuple[str, list[tuple[str, float]]]],
             value: str) -> list[set[tuple[str, float]]]:
    """For each place ``value`` is printed, the set of (font, size) it uses (runs: _runs(pdf))."""
    needle = re.sub(r"\s+", "", value)
    found = []
    for text, styles in runs:
        for m in re.finditer(re.escape(needle), text):
            found.append(set(styles[m.start():m.end()]))
    return found


def links(pdf: bytes) -> list[DictionaryObject]:
    reader = PdfReader(io.BytesIO(pdf))
    out = []
    for page in reader.pages:
        for annot in page.get("/Annots") or []:
            out.append(annot.get_object())
    return out


def image_xobjects(pdf: bytes) -> int:
    reader = PdfReader(io.BytesIO(pdf))
    seen = set()
    for page in reader.pages:
        resources = page.get("/Resources") or {}
        for ref in (resources.get("/XObject") or {}).values():
            obj = ref.get_object()
            if obj.get("/Subtype") == "/Image":
                seen.add(getattr(ref, "idnum", id(obj)))
    return len(seen)


@pytest.fixture(scope="module")
def reference_urls() -> set[str]:
    report = compose_report(context_from_dict(MINIMAL_CONTEXT, today=TODAY))
    return {url for entry in report.references for _, url in entry.links}


@pytest.mark.parametrize("injection", INJECTIONS)
def test_markup_in_every_field_prints_literally(injection: str) -> None:
    result, _, _ = build(injection)
    text = page_text(result.pdf)
    missing = [f for f, m in {**CONTEXT_FIELDS, **TEMPLATE_FIELDS}.items()
               if marked(m, injection) not in text]
    assert not missing, f"{injection!r} did not print literally in: {', '.join(missing)}"


@pytest.mark.parametrize("injection", INJECTIONS)
def test_markup_in_a_field_changes_no_font_or_size(injection: str) -> None:
    """The characters between a field's markers all share one font and size: no <b>, no <font>."""
    result, _, _ = build(injection)
    changed = []
    runs = _runs(result.pdf)
    for field, m in {**CONTEXT_FIELDS, **TEMPLATE_FIELDS}.items():
        for styles in style_of(runs, marked(m, injection)):
            if len(styles) != 1:
                changed.append(f"{field}: {sorted(styles)}")
    assert not changed, "markup in user text changed the style:\n" + "\n".join(changed)


@pytest.mark.parametrize("injection", INJECTIONS)
def test_only_our_own_links_and_no_images(injection: str, reference_urls: set[str]) -> None:
    result, _, _ = build(injection)
    for annot in links(result.pdf):
        assert annot.get("/Subtype") == "/Link", annot
        action = annot.get("/A")
        if action is None:
            assert annot.get("/Dest") is not None, f"a link going nowhere: {annot}"
            continue
        action = action.get_object()
        if action.get("/S") == "/GoTo":
            continue
        assert action.get("/S") == "/URI", f"a link that is not a web link: {action}"
        assert str(action["/URI"]) in reference_urls, f"a link we did not make: {action}"
    raw = result.pdf
    for word in (b"/JavaScript", b"/JS", b"/Launch", b"/SubmitForm", b"/EmbeddedFile"):
        assert word not in raw
    assert image_xobjects(result.pdf) == 0


def test_the_logo_is_the_only_image(tmp_path: Path) -> None:
    from PIL import Image

    logo = tmp_path / "logo.png"
    Image.new("RGB", (120, 40), (30, 90, 150)).save(logo)
    result, _, _ = build('<img src="/etc/passwd"/>', logo=str(logo))
    assert image_xobjects(result.pdf) == 1


def test_the_style_check_sees_a_style_change() -> None:
    """Our own bold label next to a value is seen as two styles: the check above can fail."""
    result, _, _ = build("<b>")
    (styles,) = style_of(_runs(result.pdf), "Record number" + marked("QB", "<b>"))[:1]
    assert len(styles) > 1
