"""Compose a Report from (patient context, evidence pack, clinic template): which sections and
statements apply to this patient. No clinical sentence is written here: they all come from the pack.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import asdict

from .context import DMT_STATUS_LABELS, GOAL_LABELS, PHENOTYPE_LABELS, PatientContext
from .evidence import EvidencePack, default_pack
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
from .rules import fired_rules
from .templates.clinic_text import clinic_text
from .templates.model import DEFAULT_TEMPLATE, ClinicTemplate

KEY_POINTS = ("kp_dose", "kp_not_dmt", "kp_modest", "kp_not_slow", "kp_limited", "kp_tolerated")
GOAL_STATEMENTS = {
    "goal_mood": "exp_goal_mood",
    "goal_pain": "exp_goal_pain",
    "goal_cognition": "exp_goal_cognition",
    "goal_fatigue": "exp_goal_fatigue",
}
QUESTIONS = ("q_worth_it", "q_how_know", "q_how_long", "q_dmt", "q_pain_relief", "q_get_cost",
             "q_who_call")
RECORD_ALWAYS = ("rec_not_dmt", "rec_limited", "rec_modest", "rec_opioids")
RECORD_FLAGS = {
    "dmt_cornerstone": "rec_dmt_flag",
    "opioid_use": "rec_opioid_flag",
    "planned_surgery": "rec_surgery_flag",
    "liver_disease": "rec_liver_flag",
    "pregnancy": "rec_pregnancy_flag",
}
RECORD_END = ("rec_monitoring", "rec_questions", "rec_copy")
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
        return Paragraph(st.text, st.cites, style)  # type: ignore[arg-type]

    def bullets(self, *statement_ids: str) -> BulletList:
        return BulletList(tuple(self.para(i) for i in statement_ids))

    def callout(self, kind: str, title: str, *statement_ids: str) -> Callout:
        return Callout(kind, title, tuple(self.para(i) for i in statement_ids))  # type: ignore[arg-type]

    def text(self, statement_id: str) -> str:
        return self.pack.statement(statement_id).text


def compose_report(
    ctx: PatientContext,
    pack: EvidencePack | None = None,
    template: ClinicTemplate = DEFAULT_TEMPLATE,
    generated_on: dt.date | None = None,
) -> Report:
    """The whole report for this patient, as plain data, sections in the template's order."""
    pack = pack or default_pack()
    fired = {rule.id for rule in fired_rules(ctx)}
    w = _Writer(pack)
    builders = {
        "header": lambda: _header(ctx),
        "key_points": lambda: _key_points(w, fired),
        "why_ldn": lambda: [*_clinic_text(ctx, template, "introduction"),
                            *_why_ldn(w, ctx, fired)],
        "what_to_expect": lambda: _what_to_expect(w, fired),
        "safety": lambda: [*_safety(w, fired),
                           *_clinic_text(ctx, template, "contact", "after_hours",
                                         heading="Who to contact")],
        "monitoring": lambda: [*_monitoring(w, template),
                               *_clinic_text(ctx, template, "how_to_get")],
        "questions": lambda: (w.bullets(*QUESTIONS),),
        "discussion_record": lambda: _discussion_record(w, fired, template),
        "evidence_summary": lambda: _evidence_summary(w, pack),
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
    hits = tuple(
        RuleHit(rule.id, rule.description, rule.severity)  # type: ignore[arg-type]
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


def _key_points(w: _Writer, fired: set[str]) -> list[Block]:
    blocks: list[Block] = []
    if "opioid_use" in fired:
        blocks.append(w.callout("warning", "Important: you take an opioid", "saf_opioid_warning"))
    blocks.append(w.bullets(*KEY_POINTS))
    return blocks


def _why_ldn(w: _Writer, ctx: PatientContext, fired: set[str]) -> list[Block]:
    blocks: list[Block] = [w.para("why_intro")]
    if "dmt_cornerstone" in fired:
        blocks.append(w.callout("info", "MS medicines come first", "why_dmt_cornerstone"))
    if "dmt_trouble" in fired:
        blocks.append(w.para("why_dmt_intolerance"))
    if "dmt_addon" in fired:
        blocks.append(w.para("why_dmt_addon"))
    if "goal_quality_of_life" in fired:
        blocks.append(w.para("why_quality_of_life"))
    if "neuroinflammation" in fired:
        blocks.append(w.para("why_neuroinflammation"))
    if "nutrition" in fired:
        blocks.append(w.callout("info", "Food and nutrition", "why_nutrition"))
    if ctx.notes.strip():
        blocks.append(Subheading("Notes from your care team"))
        chunks = (chunk.strip() for chunk in ctx.notes.split("\n\n"))
        blocks.extend(Paragraph(chunk) for chunk in chunks if chunk)
    return blocks


def _what_to_expect(w: _Writer, fired: set[str]) -> list[Block]:
    blocks: list[Block] = []
    if "goal_disease" in fired:
        blocks.append(
            w.callout("expectation", "About what you hope for", "exp_goal_disease_callout")
        )
    blocks.append(Subheading("What LDN may do"))
    blocks.append(w.para("exp_may_intro"))
    goals = [stmt for rule, stmt in GOAL_STATEMENTS.items() if rule in fired]
    if goals:
        blocks.append(w.bullets(*goals))
    blocks.append(Subheading("What LDN will not do"))
    blocks.append(w.bullets("exp_not_slow", "exp_not_replace", "exp_no_fewer_medicines",
                            "exp_long_term"))
    return blocks


def _safety(w: _Writer, fired: set[str]) -> list[Block]:
    blocks: list[Block] = []
    if "opioid_use" in fired:
        blocks.append(w.callout("warning", "Opioids: do not start LDN", "saf_opioid_warning"))
    if "planned_surgery" in fired:
        blocks.append(w.callout("warning", "Surgery or a procedure ahead", "saf_surgery"))
    if "liver_disease" in fired:
        blocks.append(w.callout("caution", "Your liver", "saf_liver"))
    if "pregnancy" in fired:
        blocks.append(w.callout("caution", "Pregnancy and breastfeeding", "saf_pregnancy"))
    blocks.append(Subheading("How well people tolerate LDN"))
    blocks.append(w.bullets("saf_trial", "saf_dreams", "saf_other_conditions", "saf_long_term"))
    blocks.append(Subheading("Opioid medicines and LDN"))
    blocks.append(w.bullets(*OPIOID_SAFETY))
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


def _discussion_record(w: _Writer, fired: set[str], template: ClinicTemplate) -> list[Block]:
    flags = [stmt for rule, stmt in RECORD_FLAGS.items() if rule in fired]
    items = [w.text(i) for i in (*RECORD_ALWAYS, *flags, *RECORD_END)]
    return [
        Paragraph("We talked about these points (tick each one):"),
        Checklist(tuple(items)),
        Subheading("Interpreter"),
        Checklist(("No interpreter was needed.",
                   "An interpreter was used. Language: ______________________")),
        Subheading("Decision"),
        Checklist(("Decided to try LDN, with the monitoring plan above.",
                   "Decided not to try LDN now.",
                   "Wants more time to think; we will talk again.")),
        SignatureLines(template.signature_roles),
    ]


def _evidence_summary(w: _Writer, pack: EvidencePack) -> list[Block]:
    studies = Table(
        ("Study", "Design", "Participants", "Findings"),
        tuple((s.label, s.design, s.participants, s.findings) for s in pack.studies),
        col_widths=(1.1, 2.0, 1.5, 2.6),
        row_cites=tuple(s.cites for s in pack.studies),
    )
    return [
        Paragraph(f"Source: \u201c{pack.source_title}\u201d, evidence pack {pack.version} "
                  f"({pack.produced.isoformat()}).", style="small"),
        w.para("ev_bottom_line", "lead"),
        w.para("ev_certainty"),
        Subheading("Studies"),
        studies,
        w.para("ev_trial"),
        w.para("ev_trial_limits"),
        w.para("ev_prescriptions"),
        Subheading("Safety"),
        w.bullets("ev_safety_trial", "ev_safety_profile", "ev_safety_other"),
        w.para("ev_label"),
        Subheading("Place in care"),
        w.bullets("ev_guidelines", "ev_multidisciplinary", "ev_caveats"),
        Subheading("When LDN might be considered"),
        w.bullets("ev_consider_neuroinflammation", "ev_consider_intolerance", "ev_consider_qol"),
        Subheading("Proposed mechanisms (hypotheses, not established)"),
        w.bullets("ev_mechanism", "ev_enkephalin"),
        Subheading("Monitoring and conclusion"),
        w.para("ev_monitoring"),
        w.para("ev_conclusion"),
        Subheading("About this evidence pack"),
        Paragraph(f"Version {pack.version}, produced {pack.produced.isoformat()}, review by "
                  f"{pack.review_by.isoformat()}. {pack.update_policy}", style="small"),
        Paragraph(f"Funding and conflicts: {pack.funding_conflicts}", style="small"),
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
