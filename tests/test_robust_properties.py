"""Any Unicode in any text field: the build succeeds or names the field; every PDF is sound."""

from __future__ import annotations

import datetime as dt
import os
from typing import Any

import pytest
from hypothesis import HealthCheck, event, example, given, settings
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from ldn_report.build import build_report
from ldn_report.context import context_from_dict
from ldn_report.errors import InputError
from ldn_report.templates.file_format import template_from_dict
from robust_checks import MINIMAL_CONTEXT, assert_sound_pdf, context_with, need_tools

TODAY = dt.date(2025, 3, 14)
# Strings a fuzzer rarely finds on its own: scripts, direction marks, markup, big and odd code
# points. Each is tried in every field; hypothesis adds its own random text on top.
SPECIAL = (
    "Nguyễn Thị Ánh", "Ελένη Παπαδοπούλου", "Наталья Ёлкина", "محمد عبد الله", "שרה לוי",
    "e\u0301\u0301\u0301\u0327 Zalgo\u0336\u0337\u0338", "\u202eevil\u202c \u200f\u200e\u2066x",
    "👩🏽‍⚕️ 🧠💊 \U0001f1fa\U0001f1f8", "漢字 かな 한글", "\x00", "\ufeff\ufffe\uffff",
    "\U0010fffd\U000e0001", "&amp;<b>x</b></para><font name=x>", "\ud800", "\t\n\r\x0b\x85",
    "\u00ad\u200b\u2028\u2029", "ﷺ ﷽", "\u0e01\u0e34\u0e4a", "a" * 10_000,
)


def texts(max_size: int) -> st.SearchStrategy[str]:
    """Random Unicode (controls and lone surrogates included), the specials, and long repeats."""
    any_char = st.characters(codec=None, exclude_categories=())
    # Mostly text that passes validation (so the renderer gets it), sometimes anything at all.
    printable = st.characters(codec=None, exclude_categories=("Cc", "Cs"))
    return st.one_of(
        st.text(printable, max_size=min(max_size, 80)),
        st.sampled_from(SPECIAL),
        st.builds(lambda s, n: (s * n)[:max_size], st.text(printable, min_size=1, max_size=12),
                  st.integers(1, 2_000)),
        st.text(any_char, max_size=20),
    )


CONTEXT_TEXT_FIELDS = ("patient.name", "patient.mrn", "dmt.name", "clinician.name",
                       "clinician.role", "notes")

# Modest by default so `make test` stays quick; LDN_FUZZ_EXAMPLES=1000 for a long hunt.
FUZZ = settings(max_examples=int(os.environ.get("LDN_FUZZ_EXAMPLES", "25")), deadline=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture,
                                       HealthCheck.too_slow, HealthCheck.data_too_large])



@pytest.fixture(autouse=True)
def _tools() -> None:
    need_tools()


@pytest.mark.slow
@FUZZ
@given(values=st.fixed_dictionaries({f: texts(10_000) for f in CONTEXT_TEXT_FIELDS}),
       deidentified=st.booleans())
@example(values=dict.fromkeys(CONTEXT_TEXT_FIELDS, "x" * 10_000), deidentified=False)
@example(values={f: SPECIAL[i % len(SPECIAL)] for i, f in enumerate(CONTEXT_TEXT_FIELDS)},
         deidentified=False)
def test_any_text_in_the_patient_context(values: dict[str, str], deidentified: bool) -> None:
    data = context_with({**values, "patient.deidentified": deidentified})
    ctx, error = _validated(context_from_dict, data, today=TODAY)
    if error is not None:
        assert error.field in CONTEXT_TEXT_FIELDS, f"error names no field: {error}"
        assert error.message
        _event("rejected")
        return
    _event("built")
    result = build_report(ctx, generated_on=TODAY)
    assert_sound_pdf(result.pdf)
    assert result.page_count >= 2


def _template_doc(values: dict[str, str]) -> dict:
    return {
        "format_version": 1,
        "name": values["name"],
        "footer_text": values["footer_text"],
        "branding": {k: values[f"branding.{k}"]
                     for k in ("clinic_name", "department", "address", "phone", "website")},
        "sections": [{"id": "header", "heading": values["heading"]},
                     {"id": "key_points", "heading": values["heading"]},
                     {"id": "safety"}, {"id": "monitoring"}, {"id": "discussion_record"},
                     {"id": "references", "heading": values["heading"]}],
        "schedule": [{"when": values["when"], "what": values["what"], "who": values["who"],
                      "week": 2}],
        "text": {"introduction": values["text"], "contact": values["text"]},
    }


TEMPLATE_TEXT_KEYS = ("name", "footer_text", "branding.clinic_name", "branding.department",
                      "branding.address", "branding.phone", "branding.website", "heading",
                      "when", "what", "who", "text")


VALID_TEMPLATE_TEXT = {
    "name": "Riverside MS", "footer_text": "Printed for the patient",
    "branding.clinic_name": "Riverside MS Clinic", "branding.department": "Neurology",
    "branding.address": "1 River Road", "branding.phone": "555 0100",
    "branding.website": "https://example.org", "heading": "Key points", "when": "Week 2",
    "what": "Phone check", "who": "MS nurse", "text": "Call us on **{clinic_phone}**.",
}


@pytest.mark.slow
@FUZZ
@given(key=st.sampled_from(TEMPLATE_TEXT_KEYS), value=texts(4_000))
@example(key="text", value="<b>" * 1000)
@example(key="what", value="w" * 400)
def test_any_text_in_one_clinic_template_field(key: str, value: str) -> None:
    """One field at a time, so a value that passes validation reaches the renderer."""
    _build_with_template({**VALID_TEMPLATE_TEXT, key: value})


@pytest.mark.slow
@FUZZ
@given(values=st.fixed_dictionaries(
    {k: st.one_of(st.sampled_from(SPECIAL[:9]),
                  st.text(st.characters(codec=None, exclude_categories=("Cc", "Cs")),
                          max_size=40))
     for k in TEMPLATE_TEXT_KEYS}))
@example(values={k: SPECIAL[i % 9] for i, k in enumerate(TEMPLATE_TEXT_KEYS)})
def test_any_text_in_every_clinic_template_field(values: dict[str, str]) -> None:
    _build_with_template(values)


def _build_with_template(values: dict[str, str]) -> None:
    template, error = _validated(template_from_dict, _template_doc(values))
    if error is not None:
        assert error.field, f"error names no field: {error}"
        assert error.message
        _event("rejected")
        return
    _event("built")
    ctx = context_from_dict(context_with({"patient.name": "Ann"}), today=TODAY)
    result = build_report(ctx, template, generated_on=TODAY)
    assert_sound_pdf(result.pdf)


def test_the_pdf_checks_can_fail() -> None:
    """A truncated PDF must fail the checks, or the properties above prove nothing."""
    ctx = context_from_dict(MINIMAL_CONTEXT, today=TODAY)
    pdf = build_report(ctx, generated_on=TODAY).pdf
    assert_sound_pdf(pdf)
    with pytest.raises(AssertionError):
        assert_sound_pdf(pdf[: len(pdf) // 2])


@pytest.mark.parametrize("key", ["branding.clinic_name", "heading", "name", "what", "text"])
def test_a_lone_surrogate_in_a_template_is_refused_or_printed(key: str) -> None:
    """A lone surrogate (a broken UTF-16 pair, e.g. pasted from a bad export) is not text.

    The context validator refuses it by name; the template validator must too, not let the
    PDF writer crash on it (UnicodeEncodeError) with no field named.
    """
    _build_with_template({**VALID_TEMPLATE_TEXT, key: "Clinic \ud800 A"})


def _validated(parse: Any, *args: Any, **kwargs: Any) -> tuple[Any, InputError | None]:
    try:
        return parse(*args, **kwargs), None
    except InputError as exc:
        return None, exc


def _event(name: str) -> None:
    # hypothesis.event only works inside a @given test; the plain tests call the same helpers.
    try:
        event(name)
    except InvalidArgument:
        pass
