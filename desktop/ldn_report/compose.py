"""Compose a Report from (patient context, evidence pack, clinic template): which sections and
statements apply to this patient. No clinical sentence is written here: they all come from the pack.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import asdict, replace

from .context import PatientContext
from .evidence import EvidencePack, default_pack
from .i18n import format_date, report_texts
from .i18n.report_texts import LANGUAGES
from .i18n.schedules import default_schedule
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
from .templates.model import (
    DEFAULT_HEADINGS,
    DEFAULT_SCHEDULE,
    DEFAULT_TEMPLATE,
    LOCKED_SECTIONS,
    Branding,
    ClinicTemplate,
    ScheduleRow,
    SectionSetting,
)

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

    def __init__(self, pack: EvidencePack, language: str = "en") -> None:
        self.pack = pack
        self.language = language
        self.t = report_texts(language)

    def para(self, statement_id: str, style: str = "body") -> Paragraph:
        st = self.pack.statement(statement_id)
        return Paragraph(self.text(statement_id), st.cites, style)  # type: ignore[arg-type]

    def bullets(self, *statement_ids: str) -> BulletList:
        return BulletList(tuple(self.para(i) for i in statement_ids))

    def callout(self, kind: str, title: str, *statement_ids: str) -> Callout:
        return Callout(kind, title, tuple(self.para(i) for i in statement_ids))  # type: ignore[arg-type]

    def text(self, statement_id: str) -> str:
        return self.pack.statement_text(statement_id, self.language)

    def date(self, value: dt.date) -> str:
        return format_date(value, self.language)

    def cites(self, statement_id: str) -> tuple[str, ...]:
        return self.pack.statement(statement_id).cites

    def filled(self, statement_id: str, **values: str) -> Paragraph:
        """A statement with {name} slots filled with the patient's own words, as plain text."""
        st = self.pack.statement(statement_id)
        # The pack's own facts first; the patient's words last, so a "{" they typed stays text.
        words = self.pack.words(statement_id, self.language)
        text = words.format(**self.pack.fields(self.language), **{k: "{" + k + "}" for k in values})
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
    language = report_language_of(ctx, template)
    fired = {rule.id for rule in fired_rules(ctx)}
    opioids = opioid_medicines(ctx, pack)
    w = _Writer(pack, language)
    # The clinician pages follow the report unless the template keeps them in the pack's English.
    clinician = w if template.clinician_pages_language == "report" else _Writer(pack, "en")
    t = w.t
    builders = {
        "header": lambda: _header(w, ctx),
        "key_points": lambda: (w.bullets(*KEY_POINTS),),
        "why_ldn": lambda: [*_clinic_text(ctx, template, language, "introduction"),
                            *_why_ldn(w, ctx, fired)],
        "what_to_expect": lambda: _what_to_expect(w, ctx, fired),
        "safety": lambda: [*_safety(w, fired),
                           *_clinic_text(ctx, template, language, "contact", "after_hours",
                                         heading=t["sub.contact"])],
        "opioid_safety": lambda: (w.bullets(*OPIOID_SAFETY),),
        "monitoring": lambda: [*_monitoring(w, template),
                               *_clinic_text(ctx, template, language, "how_to_get")],
        "decision_aid": lambda: _decision_aid(w, pack),
        "questions": lambda: (w.bullets(*QUESTIONS),),
        "discussion_record": lambda: _discussion_record(w, fired, template, opioids),
        "evidence_summary": lambda: _evidence_summary(clinician, pack, fired),
        "references": lambda: (ReferenceList(_reference_entries(pack, clinician.language)),),
    }
    sections = tuple(
        Section(
            id=setting.id,
            title=_section_title(setting, template, language),
            blocks=tuple(_in_english_note(w, clinician, setting.id)
                         + tuple(builders[setting.id]())),
            audience="clinician" if setting.id in ("evidence_summary", "references") else "patient",
            page_break_before=setting.starts_new_page,
        )
        for setting in template.visible_sections()
    )
    if "opioid_use" in fired:
        # Right under the title, before the patient's facts: in large print a long facts box
        # (name, DMT, hopes, many medicines) pushed the warning onto page 2.
        sections = _with_page_one_warning(sections, _opioid_warning(w, opioids), first=True)
    notice = translation_notice(pack, template, language)
    reviewed = bool(_reviewer(pack, template, language)[0])
    if notice:
        # Page 1 says how far to trust the words: one short line under the title, so that the
        # patient block and an opioid warning still fit on page 1 in large print.
        sections = _with_page_one_warning(sections, Paragraph(notice, style="small"), first=True)
    hits = tuple(
        RuleHit(rule.id, rule_description(rule, ctx, pack), rule.severity)  # type: ignore[arg-type]
        for rule in fired_rules(ctx)
    )
    meta = ReportMeta(
        title=t["title"],
        subject=t["subject"],
        author=_clinic_name(template, t),
        # The template's full tag (en-GB, es-MX) when the report is in its language.
        language=template.language if language == template_language(template) else language,
        template_name=template.footer_name,
        pack_version=pack.version,
        pack_date=w.date(pack.produced),
        generated_on=w.date(generated_on or dt.date.today()),
        deidentified=ctx.patient_deidentified,
        patient_label=t["deidentified"] if ctx.patient_deidentified else ctx.patient_name,
        clinician=", ".join(p for p in (ctx.clinician_name, ctx.clinician_role) if p),
        appointment_date=w.date(ctx.appointment_date),
        clinic_department=template.branding.department,
        clinic_address=template.branding.address,
        clinic_phone=template.branding.phone,
        clinic_website=template.branding.website,
        letterhead=template.branding.letterhead,
        footer_text=template.footer_text,
        footer_notice=t["footer.translation"] if notice and not reviewed else "",
        template_label=_template_label(template, t),
    )
    return Report(meta=meta, sections=sections,
                  references=_reference_entries(pack, clinician.language), hits=hits)


def _clinic_name(template: ClinicTemplate, t: dict[str, str]) -> str:
    """The clinic's name; the built-ins' "Your MS clinic" stands for one, so it is translated."""
    name = template.branding.clinic_name
    return t["clinic.placeholder"] if name == Branding().clinic_name else name


def _template_label(template: ClinicTemplate, t: dict[str, str]) -> str:
    """The template as the footer names it in the report's language: a built-in by its
    translated name, a clinic's own by its name and that it is customized."""
    if template.builtin:
        return t.get(f"template.{template.slug}", template.name)
    return t["footer.customized"].format(name=template.name)


def report_language_of(ctx: PatientContext, template: ClinicTemplate) -> str:
    """The context's language if given, else the template's."""
    return ctx.language or template_language(template)


def template_language(template: ClinicTemplate) -> str:
    """The template's language tag as a report language: its primary subtag (es-MX -> es); a
    tag with no report texts gives English."""
    primary = template.language.replace("_", "-").split("-")[0].lower()
    return primary if primary in LANGUAGES else "en"


def _section_title(setting: SectionSetting, template: ClinicTemplate, language: str) -> str:
    """A template's own heading is written in the template's language; in a report in another
    language the section has the clinic's heading for that language ([sections.es]), else its
    default heading in that one. The locked section always has its default heading."""
    if setting.id in LOCKED_SECTIONS:
        return report_texts(language)[f"heading.{setting.id}"]
    if language != template_language(template):
        return setting.heading_in(language) or report_texts(language)[f"heading.{setting.id}"]
    if setting.title != DEFAULT_HEADINGS.get(setting.id):
        return setting.title
    return report_texts(language)[f"heading.{setting.id}"]


def _in_english_note(w: _Writer, clinician: _Writer, section_id: str) -> tuple[Block, ...]:
    """Clinician pages the template keeps in the pack's English say so, in the report's
    language, at their top."""
    if clinician.language != w.language and section_id in ("evidence_summary", "references"):
        return (Paragraph(w.t["clinician_pages_note"], style="small"),)
    return ()


def _reviewer(pack: EvidencePack, template: ClinicTemplate, language: str) -> tuple[str, str]:
    """(who, when) reviewed this language's text: the clinic's record in its template first,
    then the pack's; empty when no qualified medical translator has."""
    review = template.translation_reviews.get(language)
    if review is not None:
        return review.reviewer, format_date(review.date, language)
    tr = pack.translations.get(language)
    if tr is not None and tr.reviewed and tr.reviewed_on is not None:
        return tr.reviewed_by, format_date(tr.reviewed_on, language)
    return ("", "")


def translation_notice(pack: EvidencePack, template: ClinicTemplate, language: str) -> str:
    """What page 1 says about a translated report: not yet reviewed, or who reviewed it when."""
    if language == "en":
        return ""
    t = report_texts(language)
    who, when = _reviewer(pack, template, language)
    return t["translation.reviewed"].format(name=who, date=when) if who else \
        t["translation.unreviewed"]


def _clinic_text(ctx: PatientContext, template: ClinicTemplate, language: str, *keys: str,
                 heading: str = "") -> list[Block]:
    """The template's own text blocks in the report's language, filled for this patient."""
    blocks: list[Block] = [b for k in keys
                           if (b := clinic_text(k, ctx, template, language)) is not None]
    return [Subheading(heading), *blocks] if blocks and heading else blocks


def _header(w: _Writer, ctx: PatientContext) -> list[Block]:
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


def _opioid_warning(w: _Writer, opioids: tuple[OpioidMedicine, ...]) -> Callout:
    """The named warning for a patient on an opioid: each opioid medicine as the patient's own."""
    named = [w.filled("saf_opioid_named_generic", medicine=m.medicine) if m.is_generic
             else w.filled("saf_opioid_named", medicine=m.medicine, opioid=m.contains)
             for m in opioids]
    return Callout("warning", w.t["callout.opioid"],
                   (*(named or [w.para("saf_opioid_told")]), w.para("saf_opioid_warning")))


def _with_page_one_warning(sections: tuple[Section, ...], warning: Callout | Paragraph,
                           first: bool = False) -> tuple[Section, ...]:
    """The warning at the top of page 1, whatever the template shows first: after the header's
    facts (``first``: before them, right under the title), or first in the first section (which
    then never starts on a new page)."""
    if not sections:
        return sections
    top = sections[0]
    if top.id == "header":
        at = 0 if first else len(top.blocks)
        blocks = (*top.blocks[:at], warning, *top.blocks[at:])
    else:
        blocks = (warning, *top.blocks)
    first_section = top
    return (replace(first_section, blocks=blocks, page_break_before=False), *sections[1:])


def _why_ldn(w: _Writer, ctx: PatientContext, fired: set[str]) -> list[Block]:
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


def _hopes_callout(w: _Writer, ctx: PatientContext) -> Callout:
    """The hopes box in this patient's words: their own hopes, their own DMT situation."""
    on_dmt = ctx.dmt_status in ON_DMT
    hopes = [HOPES[g] for g in ctx.goals if g in HOPES]
    if "replace_dmt" in ctx.goals:
        hopes.append("hope_replace_dmt_on" if on_dmt else "hope_replace_dmt_none")
    dmt_line = "exp_hope_keep_dmt" if ctx.dmt_status == "on_dmt_tolerating" else "exp_hope_no_dmt"
    return w.callout("expectation", w.t["callout.hopes"], *hopes,
                     "exp_goal_disease_callout", dmt_line)


def _what_to_expect(w: _Writer, ctx: PatientContext, fired: set[str]) -> list[Block]:
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


def _safety(w: _Writer, fired: set[str]) -> list[Block]:
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


def _monitoring(w: _Writer, template: ClinicTemplate) -> list[Block]:
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
        Checklist(tuple(items), lead=w.t["rec.lead"]),
        Checklist((w.t["rec.interpreter"],)),
        Subheading(w.t["sub.record_choice"]),
        Checklist(tuple(w.text(d) for d in DECISIONS)),
        SignatureLines(tuple(w.t.get(f"sign.{r}", r) for r in template.signature_roles),
                       labels=(w.t["sign.signature"], w.t["sign.name"], w.t["sign.date"])),
    ]


def _evidence_summary(w: _Writer, pack: EvidencePack, fired: set[str]) -> list[Block]:
    t, lang = w.t, w.language
    studies = Table(
        (t["ev.col.study"], t["ev.col.design"], t["ev.col.participants"], t["ev.col.findings"]),
        tuple(pack.study_row(s, lang) for s in pack.studies),
        col_widths=(1.1, 2.0, 1.5, 2.6),
        row_cites=tuple(s.cites for s in pack.studies),
    )
    # Clinician-only: the summary's neuroinflammation suggestion is never advice to the patient.
    this_patient: list[Block] = (
        [w.callout("info", t["callout.this_patient"], "ev_this_patient_neuroinflammation")]
        if "neuroinflammation" in fired else [])
    read = w.date(pack.source_read) if pack.source_read else t["ev.read_unknown"]
    changes = pack.current_changes(lang)
    return [
        Paragraph(t["ev.source"].format(
            title=pack.source_title, name=pack.pack_text("source_name", lang), read=read,
            kind=pack.pack_text("source_kind", lang), version=pack.version,
            produced=w.date(pack.produced)), style="small"),
        w.para("ev_bottom_line", "lead"),
        w.para("ev_certainty"),
        Subheading(t["ev.studies"]),
        studies,
        w.para("ev_trial"),
        w.para("ev_trial_limits"),
        w.para("ev_other_trials"),
        w.para("ev_ppms_pilot"),
        w.para("ev_physical_qol"),
        w.para("ev_prescriptions"),
        Subheading(t["ev.safety"]),
        w.bullets("ev_safety_trial", "ev_safety_profile", "ev_safety_other"),
        w.para("ev_label"),
        Subheading(t["ev.place"]),
        w.bullets("ev_guidelines", "ev_multidisciplinary", "ev_caveats"),
        Subheading(t["ev.consider"]),
        w.bullets("ev_consider_neuroinflammation", "ev_consider_intolerance", "ev_consider_qol"),
        *this_patient,
        Subheading(t["ev.mechanisms"]),
        w.bullets("ev_mechanism", "ev_enkephalin"),
        Subheading(t["ev.monitoring"]),
        w.para("ev_monitoring"),
        w.para("ev_conclusion"),
        Subheading(t["ev.about"]),
        Paragraph(t["ev.version"].format(
            version=pack.version, produced=w.date(pack.produced),
            review_by=w.date(pack.review_by), policy=pack.pack_text("update_policy", lang)),
            style="small"),
        Paragraph(t["ev.funding"].format(text=pack.pack_text("funding_conflicts", lang)),
                  style="small"),
        Paragraph(t["ev.field_tested" if pack.field_tested else "ev.not_field_tested"],
                  style="small"),
        *([Paragraph(t["ev.changes"].format(version=changes.version, date=w.date(changes.date),
                                            changes=" ".join(changes.changes)), style="small")]
          if changes else []),
    ]


def _reference_entries(pack: EvidencePack, language: str = "en") -> tuple[ReferenceEntry, ...]:
    """The numbered references; the bibliographic text as published, the notes translated."""
    return tuple(
        ReferenceEntry(id=r.id, number=r.number, text=r.text, links=r.links(),
                       note=pack.reference_note(r, language))
        for r in pack.references
    )


def content_hash(report: Report) -> str:
    """A short hash of what the report says (not when it was made), printed in the footer."""
    payload = asdict(report)
    payload["meta"].pop("generated_on")
    # The footer's words for template_name (hashed) in the report's language (hashed): adding
    # them changed no report's hash.
    payload["meta"].pop("template_label")
    digest = hashlib.sha256(json.dumps(payload, sort_keys=True, default=str).encode("utf-8"))
    return digest.hexdigest()[:10]
