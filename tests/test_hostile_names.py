"""Spoof-proof identifiers: hidden characters refused in names and record numbers on every
route, removed from free text; the same identifier everywhere; messages never echo values."""

from __future__ import annotations

import csv
import datetime as dt
import html as html_lib
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from hostile_files import write
from ldn_report.batch.clinic_list import read_clinic_list
from ldn_report.build import build_html, build_report
from ldn_report.context import FIELDS, context_from_dict, load_context
from ldn_report.errors import InputError
from ldn_report.templates.file_format import template_from_dict
from ldn_report.untrusted.text_policy import hidden_character, neutralize
from pdf_text import pdf_text
from robust_checks import context_with

TODAY = dt.date(2025, 3, 14)
IDENTIFIER_FIELDS = [s.name for s in FIELDS if s.refuses_hidden_characters and s.kind == "str"]
FREE_TEXT_FIELDS = [s.name for s in FIELDS if s.kind in ("str", "text")
                    and not s.refuses_hidden_characters]

# Invisible or direction-changing: each refused in an identifier, removed from free text.
HIDDEN = {
    "LRE": "\u202a", "RLE": "\u202b", "PDF": "\u202c", "LRO": "\u202d", "RLO": "\u202e",
    "LRI": "\u2066", "RLI": "\u2067", "FSI": "\u2068", "PDI": "\u2069", "LRM": "\u200e",
    "RLM": "\u200f", "ALM": "\u061c", "ZWSP": "\u200b", "BOM": "\ufeff", "word joiner": "\u2060",
    "soft hyphen": "\u00ad", "tag A": "\U000e0041", "interlinear anchor": "\ufff9",
    "Mongolian vowel separator": "\u180e", "invisible times": "\u2062",
    "ZWJ between Latin letters": "\u200d", "ZWNJ between Latin letters": "\u200c",
    "C1 NEL": "\x85", "C0 ESC": "\x1b", "line separator": "\u2028", "Hangul filler": "\u3164",
    "variation selector after a Latin letter": "\ufe0f",
}
# Names in scripts that need ZWJ/ZWNJ (or none), which must still be accepted.
LEGITIMATE = {
    "Persian with ZWNJ": "\u0645\u0647\u062f\u06cc\u200c\u0632\u0627\u062f\u0647",  # Mahdizadeh
    "Devanagari half form (virama + ZWJ)": "\u0915\u094d\u200d\u0937\u093e",
    "Devanagari explicit virama (virama + ZWNJ)": "\u0915\u094d\u200c\u0937",
    "Malayalam chillu (virama + ZWJ)": "\u0d28\u0d4d\u200d",
    "Arabic": "\u0645\u062d\u0645\u062f \u0639\u0628\u062f \u0627\u0644\u0644\u0647",
    "Hebrew": "\u05e9\u05e8\u05d4 \u05dc\u05d5\u05d9",
    "Vietnamese": "Nguy\u1ec5n Th\u1ecb \u00c1nh",
    "Mongolian with a free variation selector": "\u182a\u180b\u1820",
    "CJK with an ideographic variation selector": "\u845b\U000e0100\u57ce",
}


@pytest.mark.parametrize("char", HIDDEN.values(), ids=HIDDEN.keys())
@pytest.mark.parametrize("field", IDENTIFIER_FIELDS)
def test_identifiers_refuse_hidden_characters_by_field_and_code_point(field: str,
                                                                      char: str) -> None:
    value = f"MS{char}204781"
    with pytest.raises(InputError) as caught:
        context_from_dict(context_with({field: value}), today=TODAY)
    assert caught.value.field == field
    assert f"U+{ord(char):04X}" in caught.value.message
    assert "position 3" in caught.value.message
    assert "204781" not in caught.value.message  # the value itself is never repeated


@pytest.mark.parametrize("char", [HIDDEN["RLO"], HIDDEN["ZWSP"], HIDDEN["LRM"]])
def test_a_date_of_birth_with_hidden_characters_is_refused_without_the_value(char: str) -> None:
    with pytest.raises(InputError) as caught:
        context_from_dict(context_with({"patient.date_of_birth": f"1984{char}-03-12"}),
                          today=TODAY)
    assert caught.value.field == "patient.date_of_birth"
    assert "1984" not in caught.value.message


@pytest.mark.parametrize("name", LEGITIMATE.values(), ids=LEGITIMATE.keys())
@pytest.mark.parametrize("field", IDENTIFIER_FIELDS)
def test_names_in_scripts_that_need_joiners_are_accepted(field: str, name: str) -> None:
    ctx = context_from_dict(context_with({field: name}), today=TODAY)
    assert ctx.get(field) == name


# Free text keeps joiners, fillers and variation selectors (scripts and emoji need them; they
# cannot reorder text); every other hidden character is removed.
KEPT_IN_FREE_TEXT = ("ZWJ between Latin letters", "ZWNJ between Latin letters", "Hangul filler",
                     "variation selector after a Latin letter")
REMOVED = {k: v for k, v in HIDDEN.items() if k not in KEPT_IN_FREE_TEXT}


@pytest.mark.parametrize("char", REMOVED.values(), ids=REMOVED.keys())
@pytest.mark.parametrize("field", FREE_TEXT_FIELDS)
def test_free_text_has_hidden_characters_removed(field: str, char: str) -> None:
    ctx = context_from_dict(context_with({field: f"Riv{char}erside"}), today=TODAY)
    value = ctx.get(field)
    assert value.replace(" ", "").replace("\n", "") == "Riverside", repr(value)


def test_free_text_keeps_joiners_scripts_need_and_line_breaks() -> None:
    notes = "Emoji \U0001f469\u200d\u2695\ufe0f and " + LEGITIMATE["Persian with ZWNJ"] + "\n\tx"
    assert context_from_dict(context_with({"notes": notes}), today=TODAY).notes == notes


TEMPLATE = {"format_version": 1, "name": "Riverside MS",
            "branding": {"clinic_name": "Riverside MS Clinic", "phone": "555 0100"},
            "text": {"contact": "Call us on **{clinic_phone}**."}}


@pytest.mark.parametrize("char", [HIDDEN["RLO"], HIDDEN["ZWSP"], HIDDEN["BOM"], "\x07"])
def test_clinic_texts_and_template_names_have_hidden_characters_removed(char: str) -> None:
    doc = {**TEMPLATE, "name": f"River{char}side MS",
           "branding": {"clinic_name": f"River{char}side", "phone": f"555{char} 0100"},
           "text": {"contact": f"Call{char} us."}}
    template = template_from_dict(doc)
    assert template.name == "Riverside MS"
    assert template.branding.clinic_name == "Riverside"
    assert template.branding.phone == "555 0100"
    assert template.text_blocks["contact"] == "Call us."


def test_every_text_in_a_built_report_is_free_of_hidden_format_characters() -> None:
    dirty = "A\u202eB\u200bC\u2066D"
    ctx = context_from_dict(context_with({"notes": dirty, "dmt.name": dirty,
                                          "clinician.role": dirty}), today=TODAY)
    page, _report, _digest = build_html(ctx, template_from_dict(
        {**TEMPLATE, "branding": {"clinic_name": dirty}}))
    assert all(hidden_character(c) is None or c in "\n\t" for c in html_lib.unescape(page))


# -- one identifier everywhere ------------------------------------------------------------------

def test_the_pdf_html_and_chart_note_show_the_same_identifiers() -> None:
    mrn, clinician = "MS-204781", "Dr Sam Okafor"
    ctx = context_from_dict(context_with({"patient.mrn": mrn, "patient.name": "Ann Lee",
                                          "clinician.name": clinician}), today=TODAY)
    result = build_report(ctx, generated_on=TODAY)
    page, _report, digest = build_html(ctx, generated_on=TODAY)
    text = pdf_text(result.pdf)
    assert digest == result.content_hash
    for shown in (text, html_lib.unescape(page)):
        assert mrn in shown
        assert "Ann Lee" in shown
        assert clinician in shown
    assert clinician in result.chart_note


@pytest.mark.parametrize(("a", "b"), [("MS-204781", "MS-204782"), ("MS-204781", "MS-187402"),
                                      ("Ann Lee", "Ann Lea")])
def test_visibly_different_identifiers_give_different_content_hashes(a: str, b: str) -> None:
    hashes = {build_html(context_from_dict(context_with({"patient.mrn": v}), today=TODAY),
                         generated_on=TODAY)[2] for v in (a, b)}
    assert len(hashes) == 2


def test_the_spoof_from_the_issue_is_refused_on_every_route(tmp_path: Path) -> None:
    """U+202E reverses "187402" on screen to read "204781": refused from JSON, CSV, the CLI."""
    spoof = "MS-\u202e187402"
    ctx_file = write(tmp_path / "c.json", json.dumps(context_with({"patient.mrn": spoof}),
                                                     ensure_ascii=False))
    with pytest.raises(InputError,
                       match=r"patient\.mrn: has an invisible formatting character at position 4"):
        load_context(ctx_file)
    listing = write(tmp_path / "l.csv", "ms.phenotype,dmt.status,patient.mrn,clinician.name\n"
                    f"RRMS,declined,{spoof},Dr A\nRRMS,declined,MS-1,Dr\u2066 B\n")
    rows = read_clinic_list(listing).rows
    assert [r.error_column for r in rows] == ["patient.mrn", "clinician.name"]
    run = subprocess.run([sys.executable, "-m", "ldn_report", "build", "--context",
                          str(ctx_file), "-o", "r.pdf"], capture_output=True, text=True,
                         cwd=tmp_path, timeout=60)
    assert run.returncode == 2
    assert "187402" not in run.stderr
    assert not (tmp_path / "r.pdf").exists()


def test_neutralize_is_idempotent_and_keeps_visible_text() -> None:
    text = "Line 1\r\nLine\u20282 \u202eend\u200b\x00"
    once = neutralize(text, multiline=True)
    assert once == "Line 1\nLine\n2 end"
    assert neutralize(once, multiline=True) == once


# -- messages never echo identifying values ----------------------------------------------------

SECRETS = {"dob": "1984-13-45", "dob2": "12/03/1984", "mrn": "MRN-88412377",
           "name": "Philippa Quenneville"}


def test_batch_log_manifest_and_stderr_never_hold_identifying_values(tmp_path: Path) -> None:
    rows = [
        # an impossible date of birth; a date of birth in the wrong format
        ["RRMS", "declined", "Ann", SECRETS["dob"], ""],
        ["RRMS", "declined", "Bob", SECRETS["dob2"], ""],
        # shifted: the record number landed in the MS type column, the name in dmt.status
        [SECRETS["mrn"], SECRETS["name"], "", "", ""],
        # a name in a yes/no column
        ["RRMS", "declined", "Cy", "", SECRETS["name"]],
    ]
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["ms.phenotype", "dmt.status", "patient.name", "patient.date_of_birth",
                     "safety.opioid_use"])
    writer.writerows(rows)
    listing = write(tmp_path / "l.csv", buffer.getvalue())
    out = tmp_path / "out"
    run = subprocess.run([sys.executable, "-m", "ldn_report", "batch", str(listing), "-o",
                          str(out), "--jobs", "1"], capture_output=True, text=True,
                         cwd=tmp_path, timeout=120)
    assert run.returncode == 1, run.stderr
    manifest = (out / "manifest.csv").read_text(encoding="utf-8-sig")
    assert manifest.count("failed") == 4
    for where in (run.stdout, run.stderr, manifest):
        for secret in SECRETS.values():
            assert secret not in where, (secret, where)
    assert "patient.date_of_birth" in run.stderr


def test_a_first_line_of_patient_data_is_not_echoed_as_unknown_columns(tmp_path: Path) -> None:
    listing = write(tmp_path / "l.csv", f"RRMS,declined,{SECRETS['name']},{SECRETS['mrn']}\n")
    with pytest.raises(InputError) as caught:
        read_clinic_list(listing)
    assert SECRETS["name"] not in str(caught.value)
    assert SECRETS["mrn"] not in str(caught.value)
    assert "column(s) 1, 2, 3, 4 of the first line" in str(caught.value)


@pytest.mark.parametrize("field", [s.name for s in FIELDS if s.kind in ("date", "enum", "bool",
                                                                        "enum_list", "int")])
def test_no_field_message_repeats_the_value(field: str) -> None:
    kind = next(s.kind for s in FIELDS if s.name == field)
    value: object = [SECRETS["mrn"]] if kind == "enum_list" else SECRETS["mrn"]
    with pytest.raises(InputError) as caught:
        context_from_dict(context_with({field: value}), today=TODAY)
    assert "88412377" not in str(caught.value)
