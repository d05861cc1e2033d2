"""The `medications` field on every input route, and the opioid lexicon's checks."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import subprocess
import sys

import pytest

from ldn_report.batch.clinic_list import read_clinic_list
from ldn_report.build import build_report
from ldn_report.context import (
    MAX_MEDICINE,
    MAX_MEDICINES,
    context_from_dict,
    context_to_dict,
    json_schema,
    load_context,
)
from ldn_report.errors import EvidencePackError, InputError
from ldn_report.evidence import load_pack
from ldn_report.paths import EVIDENCE_DIR
from ldn_report.rules import find_near_misses, find_opioids
from pdf_text import pdf_text

BASE = {"schema_version": 1, "ms": {"phenotype": "RRMS"}, "dmt": {"status": "declined"},
        "appointment_date": "2026-12-01"}
TODAY = dt.date(2026, 11, 30)


def ctx_with(medications):
    return context_from_dict({**BASE, "medications": medications}, today=TODAY)


# -- JSON ---------------------------------------------------------------------------------------

def test_medications_are_optional_and_kept_as_typed():
    assert context_from_dict(BASE).medications == ()
    ctx = ctx_with(["  Ultracet 37.5/325 mg ", "baclofen 10 mg"])
    assert ctx.medications == ("Ultracet 37.5/325 mg", "baclofen 10 mg")
    assert context_to_dict(ctx)["medications"] == ["Ultracet 37.5/325 mg", "baclofen 10 mg"]
    assert "medications" not in context_to_dict(context_from_dict(BASE))
    assert context_to_dict(ctx)["schema_version"] == 1


@pytest.mark.parametrize(("items", "field", "words"), [
    (["baclofen", ""], "medications[1]", "item 2 is empty"),
    (["   "], "medications[0]", "item 1 is empty"),
    (["x" * (MAX_MEDICINE + 1)], "medications[0]", f"item 1 is {MAX_MEDICINE + 1} characters"),
    (["m"] * (MAX_MEDICINES + 1), f"medications[{MAX_MEDICINES}]", f"at most {MAX_MEDICINES}"),
    (["ok", 5], "medications[1]", "item 2 must be text"),
    ("tramadol", "medications", "must be a list"),
])
def test_bad_items_are_refused_naming_field_and_item(items, field, words):
    with pytest.raises(InputError) as err:
        ctx_with(items)
    assert err.value.field == field
    assert words in err.value.message


def test_hidden_characters_are_taken_out_before_matching():
    # A zero-width space or soft hyphen inside a name must not hide the opioid.
    ctx = ctx_with(["tra\u200bma\u00addol 50\x07 mg"])
    assert ctx.medications == ("tramadol 50 mg",)
    assert find_opioids(ctx.medications)[0].contains == "tramadol"


def test_exactly_the_limits_are_fine():
    ctx = ctx_with(["x" * MAX_MEDICINE] * MAX_MEDICINES)
    assert len(ctx.medications) == MAX_MEDICINES


def test_json_schema_describes_the_list():
    prop = json_schema()["properties"]["medications"]
    assert prop["maxItems"] == MAX_MEDICINES
    assert prop["items"] == {"type": "string", "minLength": 1, "maxLength": MAX_MEDICINE}


def test_cli_refuses_a_bad_item_with_exit_2(tmp_path):
    path = tmp_path / "ctx.json"
    path.write_text(json.dumps({**BASE, "medications": ["baclofen", ""]}), encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "ldn_report", "build", "--context", str(path),
                           "-o", str(tmp_path / "r.pdf")], capture_output=True, text=True)
    assert proc.returncode == 2
    assert "medications[1]" in proc.stderr
    assert "item 2 is empty" in proc.stderr
    assert "Traceback" not in proc.stderr
    assert not (tmp_path / "r.pdf").exists()


def test_cli_says_did_you_mean_for_a_near_miss(tmp_path):
    path = tmp_path / "ctx.json"
    path.write_text(json.dumps({**BASE, "medications": ["baclofen", "tramadl 50 mg"]}),
                    encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "ldn_report", "build", "--context", str(path),
                           "-o", str(tmp_path / "r.pdf")], capture_output=True, text=True)
    assert proc.returncode == 0
    assert "medications[1]: did you mean tramadol?" in proc.stderr
    loaded = load_context(path)
    assert loaded.medications == ("baclofen", "tramadl 50 mg")


# -- clinic list CSV ----------------------------------------------------------------------------

def test_csv_column_splits_on_semicolons_and_names_row_and_column(tmp_path):
    path = tmp_path / "list.csv"
    path.write_text(
        "ms.phenotype,dmt.status,medications\n"
        'RRMS,declined,"Percocet 5/325, 1 at night; baclofen 10 mg"\n'
        "RRMS,declined,baclofen;;gabapentin\n"
        "RRMS,declined,\n", encoding="utf-8")
    good, bad, empty = read_clinic_list(path, today=TODAY).rows
    assert good.context.medications == ("Percocet 5/325, 1 at night", "baclofen 10 mg")
    assert find_opioids(good.context.medications)[0].contains == "oxycodone"
    assert not bad.ok
    assert bad.row == 3
    assert [(p.column, p.message) for p in bad.problems] == [
        ("medications", "item 2 is empty; each medicine needs 1 to 120 characters "
                        "(remove empty items)")]
    assert empty.context.medications == ()


# -- the report ---------------------------------------------------------------------------------

def test_an_opioid_in_the_list_turns_the_warning_on_whatever_the_box_says():
    ctx = context_from_dict({**BASE, "safety": {"opioid_use": False},
                             "medications": ["Ultracet"]})
    result = build_report(ctx, generated_on=dt.date(2026, 12, 1))
    text = pdf_text(result.pdf)
    assert "You take Ultracet, which contains tramadol, an opioid." in text
    assert "Current opioid use discussed (Ultracet (tramadol))" in text
    hit = next(h for h in result.report.hits if h.rule == "opioid_use")
    assert "Ultracet, contains tramadol" in hit.description
    assert "Takes opioids (Ultracet, contains tramadol)" in result.chart_note


def test_a_near_miss_is_a_warning_in_the_panel_and_the_build_never_silent():
    result = build_report(ctx_with(["oxycodon 5 mg"]), generated_on=dt.date(2026, 12, 1))
    assert any("did you mean oxycodone?" in w for w in result.warnings)
    hit = next(h for h in result.report.hits if h.rule == "medicine_spelling")
    assert hit.severity == "warning"
    assert "oxycodone" in hit.description
    assert "Check the medicine list" in result.chart_note


def test_user_text_in_a_medicine_prints_literally():
    result = build_report(ctx_with(["<b>Percocet</b> & co"]), generated_on=dt.date(2026, 12, 1))
    assert "You take <b>Percocet</b> & co, which contains oxycodone" in pdf_text(result.pdf)


# -- the lexicon is pack data, checked with the pack ---------------------------------------------

def test_every_lexicon_entry_is_complete():
    pack = load_pack()
    kinds = {e.kind for e in pack.opioids.entries}
    assert kinds == {"generic", "international", "brand", "combination", "cough", "diarrhea",
                     "OUD"}
    assert all(e.seen for e in pack.opioids.entries)
    assert len(pack.opioids.entries) >= 250


@pytest.mark.parametrize(("extra", "words"), [
    ('[[opioid]]\nname = "Tramadol"\ncontains = "tramadol"\nkind = "generic"\nseen = "x"\n',
     "listed twice"),
    ('[[opioid]]\nname = "Zz"\ncontains = "zz"\nkind = "candy"\nseen = "x"\n', "kind must be"),
    ('[[opioid]]\nname = "Zz"\ncontains = "zz"\nkind = "brand"\n', "needs exactly"),
    ('[[not_opioid]]\nname = "codeine"\nnote = "x"\n', "also an opioid entry"),
])
def test_a_broken_lexicon_breaks_the_pack(tmp_path, extra, words):
    folder = tmp_path / "pack"
    shutil.copytree(EVIDENCE_DIR, folder)
    with (folder / "opioids.toml").open("a", encoding="utf-8") as handle:
        handle.write("\n" + extra)
    with pytest.raises(EvidencePackError, match=words):
        load_pack(folder)


def test_near_misses_suggest_and_real_names_pass():
    for typo, suggestion in [("tramadl", "tramadol"), ("oxycodon", "oxycodone"),
                             ("Percoset", "Percocet"), ("morfine 10 mg", "morphine"),
                             ("codiene", "codeine"), ("Subuxone", "Suboxone"),
                             ("co-codamal 30/500", "cocodamol")]:
        assert not find_opioids((typo,)), typo
        (miss,) = find_near_misses((typo,))
        assert miss.suggestion == suggestion, typo
    assert find_near_misses(("tramadol",)) == ()
