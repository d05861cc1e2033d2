"""Any Unicode in any text field: the build succeeds or names the field; every PDF is sound."""

from __future__ import annotations

import datetime as dt
import json
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


# -- hostile files: any bytes, any nesting, any number ------------------------------------------

def _nested(depth: int, kind: str) -> str:
    if kind == "json-list":
        return "[" * depth + "1" + "]" * depth
    if kind == "json-object":
        return '{"a": ' * depth + "1" + "}" * depth
    if kind == "toml-array":
        return "x = " + "[" * depth + "1" + "]" * depth
    return "x = " + "{a = " * depth + "1" + "}" * depth


JSON_TEXTS = st.one_of(
    st.binary(max_size=300).map(lambda b: b.decode("utf-8", "replace")),
    st.recursive(st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
                 lambda inner: st.lists(inner, max_size=4)
                 | st.dictionaries(st.text(max_size=8), inner, max_size=4),
                 max_leaves=30).map(lambda v: json.dumps(v, allow_nan=True)),
    st.builds(_nested, st.integers(1, 3000), st.sampled_from(["json-list", "json-object"])),
    st.builds(lambda n: '{"schema_version": ' + "9" * n + "}", st.integers(1, 6000)),
    st.sampled_from(['{"schema_version": 1e999}', '{"a": NaN}', '{"a": 1, "a": 1}',
                     '{"patient": {"deidentified": true, "deidentified": false}}']),
)
TOML_TEXTS = st.one_of(
    st.binary(max_size=300).map(lambda b: b.decode("utf-8", "replace")),
    st.builds(_nested, st.integers(1, 3000), st.sampled_from(["toml-array", "toml-table"])),
    st.builds(lambda n, hexa: 'name = "X"\nformat_version = ' + ("0x" if hexa else "")
              + "9" * n, st.integers(1, 6000), st.booleans()),
    st.sampled_from(["[page]\nmargin_mm = inf", "[page]\nmargin_mm = nan",
                     "[page]\nmargin_mm = -1e999", 'name = "a"\nname = "b"']),
)


def _load_context_file(path):
    from ldn_report.context import load_context

    return load_context(path, today=TODAY)


def _load_template_file(path):
    from ldn_report.templates.file_format import load_template

    return load_template(path)


@pytest.mark.slow
@FUZZ
@given(case=st.one_of(
    st.tuples(st.just("c.json"), JSON_TEXTS),
    st.tuples(st.just("t.toml"), TOML_TEXTS.map(
        lambda t: 'format_version = 1\nname = "Fuzz"\n' + t if t.startswith("[page]") else t))))
def test_any_json_or_toml_text_is_read_or_refused_naming_the_file(
        case: tuple[str, str], tmp_path_factory) -> None:
    """Deep nesting, huge or non-finite numbers, duplicate keys, random bytes: a value or an
    InputError naming the file, never another exception (a traceback at the CLI)."""
    name, text = case
    path = tmp_path_factory.mktemp("file") / name
    with path.open("w", encoding="utf-8", errors="surrogatepass") as handle:
        handle.write(text)
    load = _load_context_file if name.endswith(".json") else _load_template_file
    value, error = _validated(load, path)
    assert value is not None or (error is not None and str(path) in str(error))
    _event("read" if error is None else "refused")


# -- hidden characters: refused in identifiers, removed from free text ---------------------------

HIDDEN_CHARS = st.sampled_from(
    ["\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069",
     "\u200e", "\u200f", "\u061c", "\u200b", "\ufeff", "\u2060", "\u00ad", "\U000e0041",
     "\ufff9", "\u180e", "\x1b", "\x85", "\u2028"])
WITH_HIDDEN = st.builds(lambda a, h, b: a + h + b, st.text(max_size=12), HIDDEN_CHARS,
                        st.text(max_size=12))


@pytest.mark.slow
@FUZZ
@given(field=st.sampled_from(CONTEXT_TEXT_FIELDS), value=WITH_HIDDEN)
def test_hidden_characters_are_refused_in_identifiers_and_removed_elsewhere(
        field: str, value: str) -> None:
    import unicodedata

    from ldn_report.context import FIELDS_BY_NAME

    spec = FIELDS_BY_NAME[field]
    ctx, error = _validated(context_from_dict, context_with({field: value}), today=TODAY)
    if spec.refuses_hidden_characters:
        assert error is not None, f"{field} accepted {value!r}"
        assert error.field == field
        return
    if error is not None:  # e.g. a lone surrogate from the random part
        assert error.field == field
        return
    kept = ctx.get(field)
    assert not any(unicodedata.category(c) == "Cf" and c not in "\u200c\u200d" for c in kept)
    assert not any(unicodedata.category(c) == "Cc" and c not in "\n\t" for c in kept)
