"""Compose a Report from (patient context, evidence pack, clinic template): which sections and
statements apply to this patient. No clinical sentence is written here: they all come from the pack.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import asdict, replace

from .context import DMT_STATUS_LABELS, GOAL_LABELS, PHENOTYPE_LABELS, PatientContext
from .evidence import EvidencePack, default_pack
from .medicines.detect import OpioidMedicine
from .report import (
    Block,
    BulletList,
    Callout,
    Checklist,
    FactList,
    Paragraph,
    ReferenceEntry,
    ReferenceList,
    Report,
    ReportMeta,
    RuleHit,
    Section,
    SignatureLines,
    Subheading,
    Table,
    Timeline,
    TimelinePoint,
)
from .rules import ON_DMT, fired_rules, opioid_medicines, rule_description
from .templates.clinic_text import clinic_text
from .templates.model import DEFAULT_TEMPLATE, ClinicTemplate

KEY_POINTS = ("kp_bottom_line", "kp_not_dmt", "kp_modest", "kp_larger_trial", "kp_not_slow",
              "kp_limited", "kp_tolerated")
GOAL_STATEMENTS = {
    "goal_mood": "exp_goal_mood",
    "goal_pain": "exp_goal_pain",
    "goal_cognition": "exp_goal_cognition",
    "goal_fatigue": "exp_goal_fatigue",
}
QUESTIONS = ("q_worth_it", "q_how_know", "q_how_long", "q_dmt", "q_pain_relief", "q_get_cost",
             "q_who_call")
# Tick lines each state the fact discussed; the safety points stand on their own.
RECORD_ALWAYS = ("rec_bottom_line", "rec_not_dmt", "rec_modest", "rec_side_effects",
                 "rec_opioids")
RECORD_FLAGS = {
    "dmt_cornerstone": "rec_dmt_flag",
    "dmt_unknown": "rec_dmt_unknown_flag",
    "dmt_trouble": "rec_dmt_other_flag",
    "opioid_use": "rec_opioid_flag",
    "planned_surgery": "rec_surgery_flag",
    "liver_disease": "rec_liver_flag",
    "pregnancy": "rec_pregnancy_flag",
}
# Ticks about a part of the report: printed only when the sheet prints that part.
RECORD_IF_SHOWN = {"decision_aid": "rec_options", "monitoring": "rec_monitoring"}
RECORD_END = ("rec_questions",)
DECISIONS = ("dec_try", "dec_not_now", "dec_more_time")
HOPES = {"slow_progression": "hope_slow_progression", "fewer_relapses": "hope_fewer_relapses"}
# The option grid: one row per question patients ask, one column per option.
GRID_COLUMNS = ("og_col_question", "og_col_current", "og_col_ldn", "og_col_dmt")
GRID_ROWS = ("what", "mood", "slow", "side", "how", "cost", "monitor", "good", "hard")
GRID_OPTIONS = ("current", "ldn", "dmt")
VALUES = ("val_small_gain", "val_strong_proof", "val_slow_ms", "val_fewer_pills", "val_opioids",
          "val_cost", "val_lean")
# The naltrexone label's opioid safety text, at full strength, for every patient.
OPIOID_SAFETY = ("saf_opioid_blocks", "saf_opioid_not_started", "saf_opioid_free_days",
                 "saf_opioid_withdrawal", "saf_opioid_no_overcome", "saf_opioid_overdose",
                 "saf_opioid_tell")


class _Writer:
    """Turns statement ids into report blocks, so each builder reads like the report it makes."""

    def __init__(self, pack: EvidencePack) -> None:
        self.pack = pack

    def para(self, statement_id: str, style: str = "body") -> Paragraph:
        st = self.pack.statement(statement_id)
        return Paragraph(self.text(statement_id), st.cites, style)  # type: ignore[arg-type]

    def bullets(self, *statement_ids: str) -> BulletList:
        return BulletList(tuple(self.para(i) for i in statement_ids))

    def callout(self, kind: str, title: str, *statement_ids: str) -> Callout:
        return Callout(kind, title, tuple(self.para(i) for i in statement_ids))  # type: ignore[arg-type]

    def text(self, statement_id: str) -> str:
        return self.pack.statement_text(statement_id)

    def cites(self, statement_id: str) -> tuple[str, ...]:
        return self.pack.statement(statement_id).cites

    def filled(self, statement_id: str, **values: str) -> Paragraph:
        """A statement with {name} slots filled with the patient's own words, as plain text."""
        st = self.pack.statement(statement_id)
        # The pack's own facts first; the patient's words last, so a "{" they typed stays text.
        text = st.text.format(**self.pack.fields(), **{k: "{" + k + "}" for k in values})
        for name, value in values.items():
            text = text.replace("{" + name + "}", value)
        return Paragraph(text, st.cites)


def compose_report(
    ctx: PatientContext,
    pack: EvidencePack | None = None,
    template: ClinicTemplate = DEFAULT_TEMPLATE,
    generated_on: dt.date | None = None,
) -> Report:
    """The whole report for this patient, as plain data, sections in the template's order."""
    pack = pack or default_pack()
    fired = {rule.id for rule in fired_rules(ctx)}
    opioids = opioid_medicines(ctx, pack)
    w = _Writer(pack)
    builders = {
        "header": lambda: _header(ctx),
        "key_points": lambda: (w.bullets(*KEY_POINTS),),
        "why_ldn": lambda: [*_clinic_text(ctx, template, "introduction"),
                            *_why_ldn(w, ctx, fired)],
        "what_to_expect": lambda: _what_to_expect(w, ctx, fired),
        "safety": lambda: [*_safety(w, fired),
                           *_clinic_text(ctx, template, "contact", "after_hours",
                                         heading="Who to contact")],
        "opioid_safety": lambda: (w.bullets(*OPIOID_SAFETY),),
        "monitoring": lambda: [*_monitoring(w, template),
                               *_clinic_text(ctx, template, "how_to_get")],
        "decision_aid": lambda: _decision_aid(w, pack),
        "questions": lambda: (w.bullets(*QUESTIONS),),
        "discussion_record": lambda: _discussion_record(w, fired, template, opioids),
        "evidence_summary": lambda: _evidence_summary(w, pack, fired),
        "references": lambda: (ReferenceList(_reference_entries(pack)),),
    }
    sections = tuple(
        Section(
            id=setting.id,
            title=setting.title,
            blocks=tuple(builders[setting.id]()),
            audience="clinician" if setting.id in ("evidence_summary", "references") else "patient",
            page_break_before=setting.starts_new_page,
        )
        for setting in template.visible_sections()
    )
    if "opioid_use" in fired:
        sections = _with_page_one_warning(sections, _opioid_warning(w, opioids))
    hits = tuple(
        RuleHit(rule.id, rule_description(rule, ctx, pack), rule.severity)  # type: ignore[arg-type]
        for rule in fired_rules(ctx)
    )
    meta = ReportMeta(
        title="Low-dose naltrexone (LDN) for MS: your counseling report",
        subject="Counseling report on low-dose naltrexone for multiple sclerosis",
        author=template.branding.clinic_name,
        language=template.language,
        template_name=template.footer_name,
        pack_version=pack.version,
        pack_date=pack.produced.isoformat(),
        generated_on=(generated_on or dt.date.today()).isoformat(),
        deidentified=ctx.patient_deidentified,
        patient_label="De-identified" if ctx.patient_deidentified else ctx.patient_name,
        clinician=", ".join(p for p in (ctx.clinician_name, ctx.clinician_role) if p),
        appointment_date=ctx.appointment_date.isoformat(),
        clinic_department=template.branding.department,
        clinic_address=template.branding.address,
        clinic_phone=template.branding.phone,
        clinic_website=template.branding.website,
        letterhead=template.branding.letterhead,
        footer_text=template.footer_text,
    )
    return Report(meta=meta, sections=sections, references=_reference_entries(pack), hits=hits)


def _clinic_text(ctx: PatientContext, template: ClinicTemplate, *keys: str,
                 heading: str = "") -> list[Block]:
    """The template's own text blocks, filled for this patient (values as plain text)."""
    blocks: list[Block] = [b for k in keys if (b := clinic_text(k, ctx, template)) is not None]
    return [Subheading(heading), *blocks] if blocks and heading else blocks


def _header(ctx: PatientContext) -> list[Block]:
    facts: list[tuple[str, str]] = []
    if ctx.patient_deidentified:
        facts.append(("Patient", "De-identified report"))
    else:
        facts.append(("Patient", ctx.patient_name or "Not given"))
        if ctx.patient_date_of_birth:
            facts.append(("Date of birth", ctx.patient_date_of_birth.isoformat()))
        if ctx.patient_mrn:
            facts.append(("Record number", ctx.patient_mrn))
    facts.append(("Appointment", ctx.appointment_date.isoformat()))
    clinician = ", ".join(p for p in (ctx.clinician_name, ctx.clinician_role) if p)
    facts.append(("Clinician", clinician or "Not given"))
    facts.append(("Type of MS", PHENOTYPE_LABELS[ctx.ms_phenotype]))
    dmt = DMT_STATUS_LABELS[ctx.dmt_status] + (f" ({ctx.dmt_name})" if ctx.dmt_name else "")
    facts.append(("DMT", dmt))
    if ctx.goals:
        facts.append(("Hopes", ", ".join(GOAL_LABELS[g] for g in ctx.goals)))
    return [FactList(tuple(facts))]


def _opioid_warning(w: _Writer, opioids: tuple[OpioidMedicine, ...]) -> Callout:
    """The named warning for a patient on an opioid: each opioid medicine as the patient's own."""
    named = [w.filled("saf_opioid_named_generic", medicine=m.medicine) if m.is_generic
             else w.filled("saf_opioid_named", medicine=m.medicine, opioid=m.contains)
             for m in opioids]
    return Callout("warning", "Important: you take an opioid",
                   (*(named or [w.para("saf_opioid_told")]), w.para("saf_opioid_warning")))


def _with_page_one_warning(sections: tuple[Section, ...], warning: Callout) -> tuple[Section, ...]:
    """The warning at the top of page 1, whatever the template shows first: after the header's
    facts, or first in the first section (which then never starts on a new page)."""
    if not sections:
        return sections
    first = sections[0]
    blocks = (*first.blocks, warning) if first.id == "header" else (warning, *first.blocks)
    return (replace(first, blocks=blocks, page_break_before=False), *sections[1:])


def _why_ldn(w: _Writer, ctx: PatientContext, fired: set[str]) -> list[Block]:
    blocks: list[Block] = [w.para("why_intro")]
    if "dmt_cornerstone" in fired:
        # Someone who said no to DMTs and someone who has not started one hear different words.
        cornerstone = ("why_dmt_cornerstone" if ctx.dmt_status == "declined"
                       else "why_dmt_cornerstone_new")
        blocks.append(w.callout("info", "MS medicines come first", cornerstone))
    if "dmt_unknown" in fired:
        blocks.append(w.callout("info", "Your MS medicines", "why_dmt_unknown"))
    if "dmt_trouble" in fired:
        blocks.append(w.para("why_dmt_intolerance"))
        blocks.append(w.callout("info", "Other DMT options", "why_dmt_other_options"))
    if "dmt_addon" in fired:
        blocks.append(w.para("why_dmt_addon"))
    if "goal_quality_of_life" in fired:
        blocks.append(w.para("why_quality_of_life"))
    if "nutrition" in fired:
        blocks.append(w.callout("info", "Food and nutrition", "why_nutrition"))
    if ctx.notes.strip():
        blocks.append(Subheading("Notes from your care team"))
        chunks = (chunk.strip() for chunk in ctx.notes.split("\n\n"))
        blocks.extend(Paragraph(chunk) for chunk in chunks if chunk)
    return blocks


def _hopes_callout(w: _Writer, ctx: PatientContext) -> Callout:
    """The hopes box in this patient's words: their own hopes, their own DMT situation."""
    on_dmt = ctx.dmt_status in ON_DMT
    hopes = [HOPES[g] for g in ctx.goals if g in HOPES]
    if "replace_dmt" in ctx.goals:
        hopes.append("hope_replace_dmt_on" if on_dmt else "hope_replace_dmt_none")
    dmt_line = "exp_hope_keep_dmt" if ctx.dmt_status == "on_dmt_tolerating" else "exp_hope_no_dmt"
    return w.callout("expectation", "About what you hope for", *hopes,
                     "exp_goal_disease_callout", dmt_line)


def _what_to_expect(w: _Writer, ctx: PatientContext, fired: set[str]) -> list[Block]:
    blocks: list[Block] = []
    if "goal_disease" in fired:
        blocks.append(_hopes_callout(w, ctx))
    blocks.append(Subheading("What LDN may do"))
    blocks.append(w.para("exp_may_intro"))
    goals = [stmt for rule, stmt in GOAL_STATEMENTS.items() if rule in fired]
    if goals:
        blocks.append(w.bullets(*goals))
    # "Not shown" is not "will not": the heading says what the evidence does not show.
    blocks.append(Subheading("What the evidence does not show"))
    blocks.append(w.bullets("exp_not_slow", "exp_not_replace", "exp_physical_qol",
                            "exp_no_fewer_medicines", "exp_long_term"))
    return blocks


def _safety(w: _Writer, fired: set[str]) -> list[Block]:
    blocks: list[Block] = []
    if "planned_surgery" in fired:
        blocks.append(w.callout("warning", "Surgery or a procedure ahead", "saf_surgery"))
    if "liver_disease" in fired:
        blocks.append(w.callout("caution", "Your liver", "saf_liver"))
    if "pregnancy" in fired:
        blocks.append(w.callout("caution", "Pregnancy and breastfeeding", "saf_pregnancy"))
    blocks.append(Subheading("Side effects in the studies"))
    blocks.append(w.bullets("saf_trial", "saf_pilot", "saf_dreams", "saf_other_conditions",
                            "saf_long_term"))
    return blocks


def _monitoring(w: _Writer, template: ClinicTemplate) -> list[Block]:
    rows = template.schedule
    return [
        w.para("mon_measures"),
        w.para("mon_neuro"),
        w.para("mon_schedule_note", "small"),
        Table(("When", "What", "Who"), tuple((r.when, r.what, r.who) for r in rows),
              col_widths=(1.2, 3.0, 1.4)),
        Timeline(tuple(TimelinePoint(r.when, r.week) for r in rows),
                 caption="Your plan over time (weeks from the start)"),
    ]


def _decision_aid(w: _Writer, pack: EvidencePack) -> list[Block]:
    """The IPDAS decision aid: MS in brief, the choice, the options side by side, what matters
    most to the patient, and the facts about this guide."""
    grid = Table(
        tuple(w.text(c) for c in GRID_COLUMNS),
        tuple((w.text(f"og_row_{row}"), *(w.text(f"og_{opt}_{row}") for opt in GRID_OPTIONS))
              for row in GRID_ROWS),
        col_widths=(1.0, 1.5, 1.5, 1.5),
        cell_cites=tuple(((), *(w.cites(f"og_{opt}_{row}") for opt in GRID_OPTIONS))
                         for row in GRID_ROWS),
        row_headers=True,
    )
    about = ["aid_about_made", "aid_about_funding", "aid_about_evidence"]
    if not pack.field_tested:
        about.append("aid_about_tested")
    return [
        w.para("aid_ms"),
        Subheading("The choice"),
        w.para("aid_decision"),
        w.para("aid_no_wrong"),
        Subheading("Your choices side by side"),
        w.para("aid_grid_intro"),
        grid,
        Subheading("What matters most to you?"),
        Checklist(tuple(w.text(v) for v in VALUES), lead=w.text("aid_values_intro")),
        Subheading("About this guide"),
        *(w.para(a) for a in about),  # patient-facing: full body size, also in large print
    ]


def _discussion_record(w: _Writer, fired: set[str], template: ClinicTemplate,
                       opioids: tuple[OpioidMedicine, ...]) -> list[Block]:
    flags = [stmt for rule, stmt in RECORD_FLAGS.items() if rule in fired]
    shown = {s.id for s in template.visible_sections()}
    about_parts = [stmt for part, stmt in RECORD_IF_SHOWN.items() if part in shown]
    items = [w.text(i) for i in (*RECORD_ALWAYS, *flags, *about_parts, *RECORD_END)]
    if opioids and "opioid_use" in fired:
        named = "; ".join(f"{m.medicine} ({m.contains})" for m in opioids)
        at = items.index(w.text("rec_opioid_flag"))
        items[at] = w.filled("rec_opioid_named", medicines=named).text
    return [
        Checklist(tuple(items), lead="We talked about these points (tick each one):"),
        Checklist(("An interpreter was used. Language: ______________________",)),
        Subheading("Choice"),
        Checklist(tuple(w.text(d) for d in DECISIONS)),
        SignatureLines(template.signature_roles),
    ]


def _evidence_summary(w: _Writer, pack: EvidencePack, fired: set[str]) -> list[Block]:
    studies = Table(
        ("Study", "Design", "Participants", "Findings"),
        tuple((s.label, s.design, s.participants, s.findings) for s in pack.studies),
        col_widths=(1.1, 2.0, 1.5, 2.6),
        row_cites=tuple(s.cites for s in pack.studies),
    )
    # Clinician-only: the summary's neuroinflammation suggestion is never advice to the patient.
    this_patient: list[Block] = (
        [w.callout("info", "This patient", "ev_this_patient_neuroinflammation")]
        if "neuroinflammation" in fired else [])
    read = pack.source_read.isoformat() if pack.source_read else "date not recorded"
    changes = next((c for c in pack.changes if c.version == pack.version), None)
    return [
        Paragraph(f"Source summary: \u201c{pack.source_title}\u201d, {pack.source_name}, read "
                  f"{read}: {pack.source_kind}. Evidence pack {pack.version} "
                  f"({pack.produced.isoformat()}); the other studies and sources are listed "
                  "below with their references.", style="small"),
        w.para("ev_bottom_line", "lead"),
        w.para("ev_certainty"),
        Subheading("Studies"),
        studies,
        w.para("ev_trial"),
        w.para("ev_trial_limits"),
        w.para("ev_other_trials"),
        w.para("ev_ppms_pilot"),
        w.para("ev_physical_qol"),
        w.para("ev_prescriptions"),
        Subheading("Safety"),
        w.bullets("ev_safety_trial", "ev_safety_profile", "ev_safety_other"),
        w.para("ev_label"),
        Subheading("Place in care"),
        w.bullets("ev_guidelines", "ev_multidisciplinary", "ev_caveats"),
        Subheading("When LDN might be considered"),
        w.bullets("ev_consider_neuroinflammation", "ev_consider_intolerance", "ev_consider_qol"),
        *this_patient,
        Subheading("Proposed mechanisms (hypotheses, not established)"),
        w.bullets("ev_mechanism", "ev_enkephalin"),
        Subheading("Monitoring and conclusion"),
        w.para("ev_monitoring"),
        w.para("ev_conclusion"),
        Subheading("About this evidence pack"),
        Paragraph(f"Version {pack.version}, produced {pack.produced.isoformat()}, review by "
                  f"{pack.review_by.isoformat()}. {pack.update_policy}", style="small"),
        Paragraph(f"Funding and conflicts: {pack.funding_conflicts}", style="small"),
        Paragraph("Patient decision aid: "
                  + ("field-tested with patients." if pack.field_tested
                     else "not yet field-tested with patients."), style="small"),
        *([Paragraph(f"Changes in {changes.version} ({changes.date.isoformat()}): "
                     + " ".join(changes.changes), style="small")] if changes else []),
    ]


def _reference_entries(pack: EvidencePack) -> tuple[ReferenceEntry, ...]:
    return tuple(
        ReferenceEntry(id=r.id, number=r.number, text=r.text, links=r.links(), note=r.note)
        for r in pack.references
    )


def content_hash(report: Report) -> str:
    """A short hash of what the report says (not when it was made), printed in the footer."""
    payload = asdict(report)
    payload["meta"].pop("generated_on")
    digest = hashlib.sha256(json.dumps(payload, sort_keys=True, default=str).encode("utf-8"))
    return digest.hexdigest()[:10]
