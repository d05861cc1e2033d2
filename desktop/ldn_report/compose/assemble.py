"""The whole report: sections in the template's order, page-one warnings, facts, hash."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import fields, is_dataclass, replace
from typing import Any

from ..context import PatientContext
from ..evidence import EvidencePack, default_pack
from ..report import (
    Callout,
    Paragraph,
    ReferenceList,
    Report,
    ReportMeta,
    RuleHit,
    Section,
)
from ..rules import fired_rules, opioid_medicines, rule_description
from ..templates.model import (
    DEFAULT_TEMPLATE,
    ClinicTemplate,
)
from .clinician_sections import evidence_summary, reference_entries
from .languages import (
    clinic_name,
    in_english_note,
    report_language_of,
    reviewer,
    section_title,
    template_label,
    template_language,
    translation_notice,
)
from .patient_sections import (
    clinic_blocks,
    decision_aid,
    discussion_record,
    header,
    monitoring,
    opioid_warning,
    safety,
    what_to_expect,
    why_ldn,
)
from .statement_ids import KEY_POINTS, OPIOID_SAFETY, QUESTIONS
from .writer import Writer


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
    w = Writer(pack, language)
    # The clinician pages follow the report unless the template keeps them in the pack's English.
    clinician = w if template.clinician_pages_language == "report" else Writer(pack, "en")
    t = w.t
    builders = {
        "header": lambda: header(w, ctx),
        "key_points": lambda: (w.bullets(*KEY_POINTS),),
        "why_ldn": lambda: [*clinic_blocks(ctx, template, language, "introduction"),
                            *why_ldn(w, ctx, fired)],
        "what_to_expect": lambda: what_to_expect(w, ctx, fired),
        "safety": lambda: [*safety(w, fired),
                           *clinic_blocks(ctx, template, language, "contact", "after_hours",
                                         heading=t["sub.contact"])],
        "opioid_safety": lambda: (w.bullets(*OPIOID_SAFETY),),
        "monitoring": lambda: [*monitoring(w, template),
                               *clinic_blocks(ctx, template, language, "how_to_get")],
        "decision_aid": lambda: decision_aid(w, pack),
        "questions": lambda: (w.bullets(*QUESTIONS),),
        "discussion_record": lambda: discussion_record(w, fired, template, opioids),
        "evidence_summary": lambda: evidence_summary(clinician, pack, fired),
        "references": lambda: (ReferenceList(reference_entries(pack, clinician.language)),),
    }
    sections = tuple(
        Section(
            id=setting.id,
            title=section_title(setting, template, language),
            blocks=tuple(in_english_note(w, clinician, setting.id)
                         + tuple(builders[setting.id]())),
            audience="clinician" if setting.id in ("evidence_summary", "references") else "patient",
            page_break_before=setting.starts_new_page,
        )
        for setting in template.visible_sections()
    )
    if "opioid_use" in fired:
        # Right under the title, before the patient's facts: in large print a long facts box
        # (name, DMT, hopes, many medicines) pushed the warning onto page 2.
        sections = _with_page_one_warning(sections, opioid_warning(w, opioids), first=True)
    notice = translation_notice(pack, template, language)
    reviewed = bool(reviewer(pack, template, language)[0])
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
        author=clinic_name(template, t),
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
        template_label=template_label(template, t),
    )
    return Report(meta=meta, sections=sections,
                  references=reference_entries(pack, clinician.language), hits=hits)


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


def content_hash(report: Report) -> str:
    """A short hash of what the report says (not when it was made), printed in the footer."""
    payload = _plain(report)
    payload["meta"].pop("generated_on")
    # The footer's words for template_name (hashed) in the report's language (hashed): adding
    # them changed no report's hash.
    payload["meta"].pop("template_label")
    digest = hashlib.sha256(json.dumps(payload, sort_keys=True, default=str).encode("utf-8"))
    return digest.hexdigest()[:10]


def _plain(value: Any) -> Any:
    """The JSON of ``dataclasses.asdict(value)``, about 2x faster (a batch hashes every row):
    dataclasses as dicts of their fields, tuples and lists as lists, dicts by value, anything
    else left to json's default=str (asdict's deep copy of it prints the same)."""
    kind = type(value)
    if kind in _LEAVES:
        return value
    names = _FIELD_NAMES.get(kind)
    if names is None and is_dataclass(kind):
        names = _FIELD_NAMES[kind] = tuple(f.name for f in fields(kind))
    if names is not None:
        return {name: _plain(getattr(value, name)) for name in names}
    if isinstance(value, list | tuple):
        return [_plain(item) for item in value]
    if isinstance(value, dict):
        return {_plain(k): _plain(v) for k, v in value.items()}
    return value


_LEAVES = frozenset({str, int, float, bool, type(None)})
_FIELD_NAMES: dict[type, tuple[str, ...]] = {}
