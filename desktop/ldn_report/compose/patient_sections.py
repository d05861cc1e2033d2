"""The patient's sections: facts, why LDN, what to expect, safety, plan, choices, record."""

from __future__ import annotations

from ..context import PatientContext
from ..evidence import EvidencePack
from ..i18n.schedules import default_schedule
from ..medicines.detect import OpioidMedicine
from ..report import (
    Block,
    Callout,
    Checklist,
    FactList,
    Paragraph,
    SignatureLines,
    Subheading,
    Table,
    Timeline,
    TimelinePoint,
)
from ..rules import ON_DMT
from ..templates.clinic_text import clinic_text
from ..templates.model import (
    DEFAULT_SCHEDULE,
    ClinicTemplate,
    ScheduleRow,
)
from .languages import template_language
from .statement_ids import (
    DECISIONS,
    GOAL_STATEMENTS,
    GRID_COLUMNS,
    GRID_OPTIONS,
    GRID_ROWS,
    HOPES,
    RECORD_ALWAYS,
    RECORD_END,
    RECORD_FLAGS,
    RECORD_IF_SHOWN,
    VALUES,
)
from .writer import Writer


def clinic_blocks(ctx: PatientContext, template: ClinicTemplate, language: str, *keys: str,
                 heading: str = "") -> list[Block]:
    """The template's own text blocks in the report's language, filled for this patient."""
    blocks: list[Block] = [b for k in keys
                           if (b := clinic_text(k, ctx, template, language)) is not None]
    return [Subheading(heading), *blocks] if blocks and heading else blocks


def header(w: Writer, ctx: PatientContext) -> list[Block]:
    t = w.t
    facts: list[tuple[str, str]] = []
    if ctx.patient_deidentified:
        facts.append((t["fact.patient"], t["deidentified_report"]))
    else:
        facts.append((t["fact.patient"], ctx.patient_name or t["not_given"]))
        if ctx.patient_date_of_birth:
            facts.append((t["fact.date_of_birth"], w.date(ctx.patient_date_of_birth)))
        if ctx.patient_mrn:
            facts.append((t["fact.mrn"], ctx.patient_mrn))
    facts.append((t["fact.appointment"], w.date(ctx.appointment_date)))
    clinician = ", ".join(p for p in (ctx.clinician_name, ctx.clinician_role) if p)
    facts.append((t["fact.clinician"], clinician or t["not_given"]))
    facts.append((t["fact.ms_type"], t[f"phenotype.{ctx.ms_phenotype}"]))
    dmt = t[f"dmt.{ctx.dmt_status}"] + (f" ({ctx.dmt_name})" if ctx.dmt_name else "")
    facts.append((t["fact.dmt"], dmt))
    if ctx.goals:
        facts.append((t["fact.hopes"], ", ".join(t[f"goal.{g}"] for g in ctx.goals)))
    return [FactList(tuple(facts))]


def opioid_warning(w: Writer, opioids: tuple[OpioidMedicine, ...]) -> Callout:
    """The named warning for a patient on an opioid: each opioid medicine as the patient's own."""
    named = [w.filled("saf_opioid_named_generic", medicine=m.medicine) if m.is_generic
             else w.filled("saf_opioid_named", medicine=m.medicine, opioid=m.contains)
             for m in opioids]
    return Callout("warning", w.t["callout.opioid"],
                   (*(named or [w.para("saf_opioid_told")]), w.para("saf_opioid_warning")))


def why_ldn(w: Writer, ctx: PatientContext, fired: set[str]) -> list[Block]:
    blocks: list[Block] = [w.para("why_intro")]
    if "dmt_cornerstone" in fired:
        # Someone who said no to DMTs and someone who has not started one hear different words.
        cornerstone = ("why_dmt_cornerstone" if ctx.dmt_status == "declined"
                       else "why_dmt_cornerstone_new")
        blocks.append(w.callout("info", w.t["callout.ms_first"], cornerstone))
    if "dmt_unknown" in fired:
        blocks.append(w.callout("info", w.t["callout.your_ms_medicines"], "why_dmt_unknown"))
    if "dmt_trouble" in fired:
        blocks.append(w.para("why_dmt_intolerance"))
        blocks.append(w.callout("info", w.t["callout.other_dmt"], "why_dmt_other_options"))
    if "dmt_addon" in fired:
        blocks.append(w.para("why_dmt_addon"))
    if "goal_quality_of_life" in fired:
        blocks.append(w.para("why_quality_of_life"))
    if "nutrition" in fired:
        blocks.append(w.callout("info", w.t["callout.nutrition"], "why_nutrition"))
    if ctx.notes.strip():
        blocks.append(Subheading(w.t["sub.notes"]))
        chunks = (chunk.strip() for chunk in ctx.notes.split("\n\n"))
        blocks.extend(Paragraph(chunk) for chunk in chunks if chunk)
    return blocks


def _hopes_callout(w: Writer, ctx: PatientContext) -> Callout:
    """The hopes box in this patient's words: their own hopes, their own DMT situation."""
    on_dmt = ctx.dmt_status in ON_DMT
    hopes = [HOPES[g] for g in ctx.goals if g in HOPES]
    if "replace_dmt" in ctx.goals:
        hopes.append("hope_replace_dmt_on" if on_dmt else "hope_replace_dmt_none")
    dmt_line = "exp_hope_keep_dmt" if ctx.dmt_status == "on_dmt_tolerating" else "exp_hope_no_dmt"
    return w.callout("expectation", w.t["callout.hopes"], *hopes,
                     "exp_goal_disease_callout", dmt_line)


def what_to_expect(w: Writer, ctx: PatientContext, fired: set[str]) -> list[Block]:
    blocks: list[Block] = []
    if "goal_disease" in fired:
        blocks.append(_hopes_callout(w, ctx))
    blocks.append(Subheading(w.t["sub.may_do"]))
    blocks.append(w.para("exp_may_intro"))
    goals = [stmt for rule, stmt in GOAL_STATEMENTS.items() if rule in fired]
    if goals:
        blocks.append(w.bullets(*goals))
    # "Not shown" is not "will not": the heading says what the evidence does not show.
    blocks.append(Subheading(w.t["sub.not_shown"]))
    blocks.append(w.bullets("exp_not_slow", "exp_not_replace", "exp_physical_qol",
                            "exp_no_fewer_medicines", "exp_long_term"))
    return blocks


def safety(w: Writer, fired: set[str]) -> list[Block]:
    blocks: list[Block] = []
    if "planned_surgery" in fired:
        blocks.append(w.callout("warning", w.t["callout.surgery"], "saf_surgery"))
    if "liver_disease" in fired:
        blocks.append(w.callout("caution", w.t["callout.liver"], "saf_liver"))
    if "pregnancy" in fired:
        blocks.append(w.callout("caution", w.t["callout.pregnancy"], "saf_pregnancy"))
    blocks.append(Subheading(w.t["sub.side_effects"]))
    blocks.append(w.bullets("saf_trial", "saf_pilot", "saf_dreams", "saf_other_conditions",
                            "saf_long_term"))
    return blocks


def monitoring(w: Writer, template: ClinicTemplate) -> list[Block]:
    rows = _schedule(template, w.language)
    t = w.t
    return [
        w.para("mon_measures"),
        w.para("mon_neuro"),
        w.para("mon_schedule_note", "small"),
        Table((t["mon.when"], t["mon.what"], t["mon.who"]),
              tuple((r.when, r.what, r.who) for r in rows), col_widths=(1.2, 3.0, 1.4)),
        Timeline(tuple(TimelinePoint(r.when, r.week) for r in rows),
                 caption=t["mon.timeline"], unit=t["mon.weeks"]),
    ]


def _schedule(template: ClinicTemplate, language: str) -> tuple[ScheduleRow, ...]:
    """The default plan in the report's language; a clinic's own plan in the report's language
    where the clinic wrote it so ([schedule.es]), else as written (the build warns)."""
    if template.schedule == DEFAULT_SCHEDULE:
        return default_schedule(language)
    if language == template_language(template):
        return template.schedule
    return tuple(row.in_language(language) or row for row in template.schedule)


def decision_aid(w: Writer, pack: EvidencePack) -> list[Block]:
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
        Subheading(w.t["sub.choice"]),
        w.para("aid_decision"),
        w.para("aid_no_wrong"),
        Subheading(w.t["sub.side_by_side"]),
        w.para("aid_grid_intro"),
        grid,
        Subheading(w.t["sub.matters"]),
        Checklist(tuple(w.text(v) for v in VALUES), lead=w.text("aid_values_intro")),
        Subheading(w.t["sub.about_guide"]),
        *(w.para(a) for a in about),  # patient-facing: full body size, also in large print
    ]


def discussion_record(w: Writer, fired: set[str], template: ClinicTemplate,
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
        Checklist(tuple(items), lead=w.t["rec.lead"]),
        Checklist((w.t["rec.interpreter"],)),
        Subheading(w.t["sub.record_choice"]),
        Checklist(tuple(w.text(d) for d in DECISIONS)),
        SignatureLines(tuple(w.t.get(f"sign.{r}", r) for r in template.signature_roles),
                       labels=(w.t["sign.signature"], w.t["sign.name"], w.t["sign.date"])),
    ]
