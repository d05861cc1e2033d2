"""The clinician pages: the evidence summary (with the pack's facts) and the references."""

from __future__ import annotations

from ..evidence import EvidencePack
from ..report import (
    Block,
    Paragraph,
    ReferenceEntry,
    Subheading,
    Table,
)
from .writer import Writer


def evidence_summary(w: Writer, pack: EvidencePack, fired: set[str]) -> list[Block]:
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


def reference_entries(pack: EvidencePack, language: str = "en") -> tuple[ReferenceEntry, ...]:
    """The numbered references; the bibliographic text as published, the notes translated.

    The same for every report from this pack in this language: made once (a batch row, an
    edit in the app) and shared, as they are immutable."""
    key = (id(pack), language)
    known = _REFERENCES.get(key)
    if known is not None and known[0] is pack:  # the pack itself: an id may be reused
        return known[1]
    entries = tuple(
        ReferenceEntry(id=r.id, number=r.number, text=r.text, links=r.links(),
                       note=pack.reference_note(r, language))
        for r in pack.references
    )
    if len(_REFERENCES) >= 16:  # packs of tests and the app's reloads: keep it small
        _REFERENCES.clear()
    _REFERENCES[key] = (pack, entries)
    return entries


_REFERENCES: dict[tuple[int, str], tuple[EvidencePack, tuple[ReferenceEntry, ...]]] = {}
