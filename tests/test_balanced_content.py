"""Evidence pack 1.1 in the real PDF: honest bottom line, balanced numbers, the other studies,
the named source, DMT-status wording, the hopes box and the neuroinflammation line."""

from __future__ import annotations

import datetime as dt
import re
from functools import cache

import pytest

from ldn_report.build import build_report
from ldn_report.context import context_from_dict
from ldn_report.evidence import default_pack
from ldn_report.templates.catalogue import builtin_templates, resolve_template
from minimal_context import BASE
from pdf_text import contains, folded, pdf_text

DAY = dt.date(2026, 12, 1)
CLINICIAN_MARK = "FOR CLINICIANS"


@cache
def pages(status: str = "on_dmt_tolerating", goals: tuple[str, ...] = (),
          neuro: bool = False, template: str = "Standard Letter") -> tuple[str, str]:
    """(patient part, clinician part) of the real PDF's text."""
    ctx = context_from_dict({**BASE, "dmt": {"status": status}, "goals": list(goals),
                             "neuroinflammation_symptoms": neuro})
    text = pdf_text(build_report(ctx, resolve_template(template), generated_on=DAY).pdf)
    patient, _, clinician = text.partition(CLINICIAN_MARK)
    return patient, clinician


def statement(statement_id: str) -> str:
    return default_pack().statement_text(statement_id)


def test_the_patient_part_gives_the_honest_bottom_line():
    patient, _ = pages()
    assert "not recommended as a main treatment for MS" in patient
    assert "moderate to low quality" in patient


def test_not_shown_never_becomes_will_not():
    patient, clinician = pages(goals=("slow_progression", "replace_dmt"))
    assert "What the evidence does not show" in patient
    for text in (patient, clinician):
        # ("You told us you hope LDN will slow your MS" is the patient's hope, not a claim)
        assert not re.search(
            r"(?<!hope )LDN (will|won't|cannot) (slow|stop|prevent|change|help|do)", text)
        assert "will not do" not in text
    for template in builtin_templates():  # clinic wording of every built-in too
        assert all("will not do" not in t for t in template.text_blocks.values()), template.name


def test_every_patient_number_has_its_comparator_and_time_frame():
    pack = default_pack()
    scores = re.compile(r"\b(6|3\.3|1\.6|2\.4) points?\b")
    numbered = [s for s in pack.statements.values()
                if s.audience == "patient" and scores.search(s.text)]
    assert len(numbered) >= 3
    for st in numbered:
        assert "dummy pill" in st.text, st.id
        assert "8 weeks" in st.text, st.id
    patient, _ = pages(goals=("mood", "pain", "cognition"))
    assert patient.count("compared with a dummy pill") >= 3


def test_harms_have_numbers_too():
    # the pilot's harms were not compared with anything: every patient line that gives them
    # says so
    pilot = [s for s in default_pack().statements.values()
             if s.audience == "patient" and "2 major side effects" in s.text]
    assert len(pilot) >= 3
    for st in pilot:
        assert "no dummy pill" in st.text, st.id
    patient, clinician = pages()
    assert contains(patient, statement("saf_trial"))
    assert contains(patient, statement("saf_pilot"))
    assert "2 major side effects" in patient
    assert "5 people dropped out" in patient
    assert "5 dropouts; 2 major adverse events" in clinician


def test_the_larger_trial_is_one_plain_sentence_for_the_patient_and_both_studies_for_clinicians():
    patient, clinician = pages()
    assert contains(patient, statement("kp_larger_trial"))
    assert "96 people" in patient
    assert "17 weeks" in patient
    assert "Sharafaddinzadeh et al., 2010" in clinician
    assert "Gironi et al., 2008" in clinician
    assert contains(clinician, statement("ev_other_trials"))
    assert contains(clinician, statement("ev_ppms_pilot"))
    assert "doi:10.1177/1352458508095828" in clinician
    assert "Mult Scler. 2010;16(8):964-969." in clinician


def test_the_evidence_section_names_the_source_summary():
    _, clinician = pages()
    assert "Dr. Oracle (droracle.ai), article 254895, read 2026-11-26" in clinician
    assert "not a systematic review or a guideline" in clinician
    assert "Limited Evidence for Efficacy" in clinician


def test_the_statements_the_review_found_wrong_are_fixed():
    patient, clinician = pages(goals=("quality_of_life",))
    assert "steady weight" not in patient + clinician
    # vivid dreams cite the MS Society summary, its own reference; physical QoL mentioned
    assert contains(patient, statement("saf_dreams"))
    assert default_pack().statement("saf_dreams").cites == ("ms_society2010",)
    assert contains(patient, statement("exp_physical_qol"))
    assert "Medical News Today" in clinician
    # the mechanism is proposed, the favourable-profile line is the summary's own opinion
    assert contains(clinician, statement("ev_mechanism"))
    assert "Proposed mechanism" in clinician
    assert "hypothesis paper" in clinician
    assert "The summary's own opinion, given without a source" in clinician
    # reference 5: the probable source, identified by its title
    assert "Probable source of the summary's citation 5, identified by its title" in clinician
    assert "Patten DK" in clinician


def test_neuroinflammation_is_on_clinician_pages_only_as_the_summarys_opinion():
    on_patient, on_clinician = pages(neuro=True)
    off_patient, off_clinician = pages(neuro=False)
    for patient in (on_patient, off_patient):
        assert "inflammation" not in patient.lower()
    this_patient = statement("ev_this_patient_neuroinflammation")
    assert contains(on_clinician, this_patient)
    assert not contains(off_clinician, this_patient)
    assert "has not been identified" in on_clinician or "not been identified" in on_clinician


DECLINED_WORDS = "even if you have said no to them before"


@pytest.mark.parametrize("status", ["unknown", "none_yet", "declined", "on_dmt_tolerating",
                                    "on_dmt_not_tolerating", "stopped_intolerance",
                                    "contraindicated"])
def test_dmt_status_wording(status):
    patient, _ = pages(status=status)
    assert (DECLINED_WORDS in patient) == (status == "declined")
    def printed(sid: str) -> bool:
        return folded(statement(sid)) in patient

    assert printed("why_dmt_unknown") == (status == "unknown")
    assert printed("rec_dmt_unknown_flag") == (status == "unknown")
    assert printed("why_dmt_cornerstone_new") == (status == "none_yet")
    assert printed("why_dmt_cornerstone") == (status == "declined")
    trouble = status in ("on_dmt_not_tolerating", "stopped_intolerance", "contraindicated")
    assert printed("why_dmt_other_options") == trouble
    assert printed("rec_dmt_other_flag") == trouble


@pytest.mark.parametrize(("status", "goals", "present", "absent"), [
    ("none_yet", ("replace_dmt",), ["hope_replace_dmt_none", "exp_hope_no_dmt"],
     ["hope_replace_dmt_on", "exp_hope_keep_dmt", "hope_slow_progression"]),
    ("unknown", ("replace_dmt",), ["hope_replace_dmt_none"], ["hope_replace_dmt_on"]),
    ("on_dmt_tolerating", ("replace_dmt",), ["hope_replace_dmt_on", "exp_hope_keep_dmt"],
     ["hope_replace_dmt_none", "exp_hope_no_dmt"]),
    ("declined", ("slow_progression",), ["hope_slow_progression", "exp_goal_disease_callout"],
     ["hope_replace_dmt_on", "hope_replace_dmt_none", "hope_fewer_relapses",
      "exp_hope_keep_dmt"]),
    ("on_dmt_tolerating", ("mood",), [],
     ["exp_goal_disease_callout", "hope_slow_progression", "hope_replace_dmt_on"]),
])
def test_the_hopes_box_speaks_to_this_patient(status, goals, present, absent):
    patient, _ = pages(status=status, goals=goals)
    for sid in present:
        assert contains(patient, statement(sid)), sid
    for sid in absent:
        assert not contains(patient, statement(sid)), sid
    if status not in ("on_dmt_tolerating", "on_dmt_not_tolerating"):
        # only the option grid's "your DMT, if you take one" may say "your DMT" to them
        said = re.sub(r"your DMT,? if you take one", "", patient)
        assert "your DMT" not in said


def test_the_pack_version_and_change_log_are_printed():
    _, clinician = pages()
    pack = default_pack()
    assert f"Changes in {pack.version}" in clinician
    assert folded(pack.changes[0].changes[0])[:60] in clinician
    assert "not yet field-tested with patients" in clinician


@cache
def template_text(template: str, example_status: str = "on_dmt_tolerating") -> str:
    ctx = context_from_dict({**BASE, "dmt": {"status": example_status}})
    return pdf_text(build_report(ctx, resolve_template(template), generated_on=DAY).pdf)


@pytest.mark.parametrize("template", ["Standard Letter", "Standard A4", "Large print"])
def test_the_decision_aid_is_printed_whole(template):
    text = template_text(template)
    pack = default_pack()
    for sid in ("aid_ms", "aid_decision", "aid_no_wrong", "og_col_current", "og_col_ldn",
                "og_col_dmt", "og_row_what", "og_row_mood", "og_row_slow", "og_row_side",
                "og_row_how", "og_row_cost", "og_row_monitor", "og_row_good", "og_row_hard",
                "val_small_gain", "val_strong_proof", "aid_about_funding", "aid_about_tested"):
        assert folded(statement(sid)) in text, sid
    # every cell, with its citations as numbered links
    numbers = {r.id: r.number for r in pack.references}
    for sid in [s for s in pack.statements if s.startswith("og_") and "_col_" not in s
                and "_row_" not in s]:
        assert contains(text, statement(sid), 40), sid
        cites = pack.statement(sid).cites
        if cites:
            label = "[" + ", ".join(str(n) for n in sorted(numbers[c] for c in cites)) + "]"
            assert label in text, (sid, label)
    assert f"made on {pack.produced.isoformat()}" in text
    assert f"checked again by {pack.review_by.isoformat()}" in text


def test_positives_and_negatives_have_equal_detail():
    pack = default_pack()
    for option in ("current", "ldn", "dmt"):
        good = pack.statement(f"og_{option}_good").text
        hard = pack.statement(f"og_{option}_hard").text
        assert 0.4 < len(good.split()) / len(hard.split()) < 2.5, option


def test_cost_cells_invent_no_price():
    pack = default_pack()
    for sid in ("og_current_cost", "og_ldn_cost", "og_dmt_cost"):
        assert not re.search(r"[$€£]\s*\d|\d+\s*(dollars|euros|pounds)", pack.statement(sid).text)


@pytest.mark.parametrize(("template", "printed"), [
    ("Standard Letter", {"rec_options", "rec_monitoring"}),
    ("Large print", {"rec_options", "rec_monitoring"}),
    ("Discussion record only", set()),
])
def test_record_ticks_only_for_parts_the_sheet_prints(template, printed):
    text = template_text(template)
    for sid in ("rec_options", "rec_monitoring"):
        assert (folded(statement(sid)) in text) == (sid in printed), (template, sid)
    # the facts every sheet states, whatever it hides
    for sid in ("rec_bottom_line", "rec_not_dmt", "rec_modest", "rec_side_effects"):
        assert folded(statement(sid)) in text, (template, sid)


def test_a_clinic_template_that_hides_the_plan_gets_no_plan_tick():
    import dataclasses

    from ldn_report.templates.model import SectionSetting

    standard = resolve_template("Standard Letter")
    sections = tuple(SectionSetting(s.id, visible=s.id != "monitoring") for s in standard.sections)
    ctx = context_from_dict(BASE)
    hidden = pdf_text(build_report(ctx, dataclasses.replace(standard, sections=sections),
                                   generated_on=DAY).pdf)
    assert folded(statement("rec_monitoring")) not in hidden
    assert folded(statement("rec_options")) in hidden


def test_an_empty_dmt_cell_in_a_clinic_list_gets_the_neutral_wording():
    """Every input route: a clinic-list row whose DMT status is left empty builds as "not
    recorded", never with the wording for someone who declined a DMT."""
    from ldn_report.batch.clinic_list import parse_clinic_list

    csv = ("patient.name,ms.phenotype,dmt.status,goals,appointment_date\n"
           "Ann Example,RRMS,,replace_dmt,2026-12-01\n")
    row = parse_clinic_list(csv, today=DAY).rows[0]
    assert row.ok, row.error
    text = pdf_text(build_report(row.context, generated_on=DAY).pdf)
    assert folded(statement("why_dmt_unknown")) in text
    assert DECLINED_WORDS not in text
    assert folded(statement("hope_replace_dmt_none")) in text
    assert folded(statement("hope_replace_dmt_on")) not in text


def test_large_print_grid_questions_span_the_row_unbroken():
    """At 16 pt a narrow question column broke words ("re lapses"); in large print each
    question spans the row above its answers, on one line."""
    import io

    import pdfplumber

    ctx = context_from_dict(BASE)
    pdf = build_report(ctx, resolve_template("Large print"), generated_on=DAY).pdf
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        lines = [ln["text"] for page in doc.pages for ln in page.extract_text_lines()]
    for sid in [s for s in default_pack().statements if s.startswith("og_row_")]:
        assert statement(sid) in lines, sid


def test_the_chart_note_carries_the_bottom_line_from_the_pack():
    from ldn_report.chart_note import chart_note

    ctx = context_from_dict(BASE)
    result = build_report(ctx, generated_on=DAY)
    note = chart_note(ctx, result.report, result.content_hash)
    assert statement("note_discussed") in note
    assert "not recommended as a primary treatment" in note
    assert "moderate to low quality" in note
