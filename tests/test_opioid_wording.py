"""The naltrexone label's opioid safety text, at full strength, read back from real PDFs."""

from __future__ import annotations

import datetime as dt

import pytest
import textstat

from ldn_report.build import build_report
from ldn_report.compose import OPIOID_SAFETY
from ldn_report.context import context_from_dict
from ldn_report.evidence import default_pack
from pdf_text import contains, pdf_text

BASE = {
    "schema_version": 1,
    "ms": {"phenotype": "RRMS"},
    "dmt": {"status": "on_dmt_tolerating"},
    "appointment_date": "2026-12-01",
}
# What the label says, in the words a patient reads (issue 9, "Safety wording").
LABEL_FACTS = (
    "Naltrexone blocks opioid medicines",
    "pain, cough or diarrhea medicine",
    "Tramadol, codeine, morphine, oxycodone, hydrocodone, fentanyl, buprenorphine and methadone",
    "LDN is not started while you take any opioid",
    "at least 7 to 10 days before your first dose",
    "After methadone or another long-acting opioid, this time is longer",
    "sudden, severe withdrawal",
    "Never take more opioid to get past the block",
    "could then cause an overdose that can kill you",
    "Tell every doctor, dentist, pharmacist and surgery team",
)


def _text(**safety: bool) -> str:
    ctx = context_from_dict({**BASE, "safety": safety})
    return pdf_text(build_report(ctx, generated_on=dt.date(2026, 12, 1)).pdf)


@pytest.mark.parametrize("opioid_use", [False, True])
def test_every_report_carries_the_label_opioid_text(opioid_use):
    text = _text(opioid_use=opioid_use)
    for fact in LABEL_FACTS:
        assert fact in text, fact
    for sid in OPIOID_SAFETY:
        assert contains(text, default_pack().statement(sid).text), sid


def test_surgery_text_has_the_overdose_risk_after_stopping():
    on, off = _text(planned_surgery=True), _text(planned_surgery=False)
    assert "whether you take it or plan to" in on
    assert "A dose that was once safe could then cause an overdose" in on
    assert "whether you take it or plan to" not in off


def test_liver_text_says_stop_and_get_help():
    on, off = _text(liver_disease=True), _text(liver_disease=False)
    assert "stop LDN and get medical help right away" in on
    assert "stop LDN and get medical help right away" not in off


@pytest.mark.parametrize("sid", [*OPIOID_SAFETY, "saf_opioid_warning", "saf_surgery", "saf_liver"])
def test_safety_statements_cite_the_label(sid):
    assert "naltrexone_label" in default_pack().statement(sid).cites


def test_opioid_text_reads_at_grade_6_and_smog_8():
    text = " ".join(default_pack().statement(sid).text for sid in OPIOID_SAFETY)
    assert textstat.flesch_kincaid_grade(text) <= 6
    assert textstat.smog_index(text) <= 8
    for sid in ("saf_opioid_warning", "saf_surgery", "saf_liver"):
        one = default_pack().statement(sid).text
        assert textstat.flesch_kincaid_grade(one) <= 6, sid
