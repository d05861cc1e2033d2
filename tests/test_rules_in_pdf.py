"""Each content rule of design.md, on and off, read back from the real PDF's text."""

from __future__ import annotations

import datetime as dt
from functools import cache

import pytest

from ldn_report.build import build_report
from ldn_report.context import context_from_dict
from ldn_report.evidence import default_pack
from ldn_report.rules import RULES
from minimal_context import BASE, with_values
from pdf_text import contains, pdf_text


@cache
def text_for(changes: tuple[tuple[str, object], ...]) -> str:
    data = with_values(BASE, {k: list(v) if isinstance(v, tuple) else v for k, v in changes})
    ctx = context_from_dict(data)
    return pdf_text(build_report(ctx, generated_on=dt.date(2026, 12, 1)).pdf)


def statement(statement_id: str) -> str:
    return default_pack().statement(statement_id).text


# rule id -> (context changes that make it fire, statements that must then be printed)
CASES = {
    "dmt_cornerstone": ((("dmt.status", "declined"),), ["why_dmt_cornerstone", "rec_dmt_flag"]),
    "dmt_unknown": ((("dmt.status", "unknown"),), ["why_dmt_unknown", "rec_dmt_unknown_flag"]),
    "dmt_trouble": ((("dmt.status", "stopped_intolerance"),),
                    ["why_dmt_intolerance", "why_dmt_other_options", "rec_dmt_other_flag"]),
    "dmt_addon": ((("dmt.status", "on_dmt_tolerating"),), ["why_dmt_addon"]),
    "goal_disease": ((("goals", ("slow_progression",)),), ["exp_goal_disease_callout"]),
    "goal_mood": ((("goals", ("mood",)),), ["exp_goal_mood"]),
    "goal_pain": ((("goals", ("pain",)),), ["exp_goal_pain"]),
    "goal_cognition": ((("goals", ("cognition",)),), ["exp_goal_cognition"]),
    "goal_fatigue": ((("goals", ("fatigue",)),), ["exp_goal_fatigue"]),
    "goal_quality_of_life": ((("goals", ("quality_of_life",)),), ["why_quality_of_life"]),
    "opioid_use": ((("safety.opioid_use", True),), ["saf_opioid_warning", "rec_opioid_flag"]),
    "planned_surgery": ((("safety.planned_surgery", True),), ["saf_surgery", "rec_surgery_flag"]),
    "liver_disease": ((("safety.liver_disease", True),), ["saf_liver", "rec_liver_flag"]),
    "pregnancy": ((("safety.pregnant_or_planning", True),),
                  ["saf_pregnancy", "rec_pregnancy_flag"]),
    "neuroinflammation": ((("neuroinflammation_symptoms", True),),
                          ["ev_this_patient_neuroinflammation"]),
    "nutrition": ((("nutrition_concern", True),), ["why_nutrition"]),
}
OFF = {  # a context where the rule must not fire (BASE unless said)
    "dmt_addon": (("dmt.status", "declined"),),
}


def _freeze(changes):
    return tuple((k, tuple(v) if isinstance(v, list) else v) for k, v in changes)


@pytest.mark.parametrize("rule_id", sorted(CASES))
def test_rule_on_prints_its_statements_and_off_does_not(rule_id):
    on_changes, statements = CASES[rule_id]
    on = text_for(_freeze(on_changes))
    off = text_for(_freeze(OFF.get(rule_id, ())))
    for sid in statements:
        assert contains(on, statement(sid)), f"{rule_id} on: {sid} missing"
        assert not contains(off, statement(sid)), f"{rule_id} off: {sid} printed"


def test_every_content_rule_has_a_case():
    # tested below, in the privacy tests and (medicine_spelling, a panel warning) test_medicines
    skip = {"always_honest_core", "deidentified", "medicine_spelling"}
    assert {r.id for r in RULES} - skip == set(CASES)


ALWAYS = ["kp_bottom_line", "kp_not_dmt", "kp_limited", "kp_not_slow", "kp_modest",
          "kp_larger_trial", "kp_tolerated", "exp_no_fewer_medicines", "exp_physical_qol",
          "saf_trial", "saf_pilot", "saf_dreams", "mon_measures", "mon_neuro", "ev_trial",
          "ev_other_trials", "ev_ppms_pilot", "ev_physical_qol", "exp_long_term",
          "rec_bottom_line", "rec_side_effects", "aid_ms", "aid_decision"]


@pytest.mark.parametrize("changes", [(), (("dmt.status", "declined"),),
                                     (("safety.opioid_use", True),)])
def test_always_statements_are_always_there(changes):
    text = text_for(_freeze(changes))
    for sid in ALWAYS:
        assert contains(text, statement(sid)), sid


def test_trial_numbers_are_printed_exactly():
    text = text_for(())
    for fragment in ("n=60", "4.5 mg", "+3.3 points (p=0.04)", "+6 points (p<0.01)",
                     "+1.6 points (p=0.04)", "+2.4 points (p=0.05)",
                     "No serious adverse events were reported"):
        assert fragment in text, fragment


def test_opioid_warning_is_on_the_first_pages_and_cites_the_label():
    ctx = context_from_dict({**BASE, "safety": {"opioid_use": True}})
    result = build_report(ctx)
    # Page 1, right under the title and before the patient's facts (a long facts box in large
    # print must not push it onto page 2).
    warning, facts = result.report.section("header").blocks
    assert warning.kind == "warning"
    assert type(facts).__name__ == "FactList"
    assert all("naltrexone_label" in p.cites for p in warning.body)
    assert any(h.rule == "opioid_use" and h.severity == "warning" for h in result.report.hits)


def test_goal_disease_callout_is_marked_as_an_expectation():
    ctx = context_from_dict({**BASE, "goals": ["replace_dmt"]})
    blocks = build_report(ctx).report.section("what_to_expect").blocks
    assert blocks[0].kind == "expectation"
