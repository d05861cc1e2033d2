"""The chart note: a few plain lines a clinician pastes into the health record."""

from __future__ import annotations

from .context import DMT_STATUS_LABELS, GOAL_LABELS, PatientContext
from .evidence import default_pack
from .report import Report


def handover_words(delivered: tuple[str, ...]) -> str:
    """What happened to the report: "prepared" until it was "exported" and/or "printed"."""
    return " and ".join(delivered) if delivered else "prepared"


def chart_note(
    ctx: PatientContext, report: Report, content_hash: str, delivered: tuple[str, ...] = ()
) -> str:
    """5-10 lines: what was discussed, the safety flags, and which report version was made.

    ``delivered`` says how the report left the app ("exported", "printed"); a note written
    before that says "prepared", never that a report was handed over.

    Never holds the patient's name, date of birth or record number: the chart it goes into
    already identifies the patient, and a de-identified note must stay de-identified.
    """
    meta = report.meta
    pack = default_pack()  # the clinical lines come from the pack, like the report's
    flags = [h.description.split(":")[0] for h in report.hits if h.severity == "warning"]
    cautions = [h.description.split(":")[0] for h in report.hits if h.severity == "caution"]
    goals = ", ".join(GOAL_LABELS[g].lower() for g in ctx.goals) or "none recorded"
    lines = [
        f"LDN counseling ({meta.appointment_date}): discussed low-dose naltrexone for MS using a "
        "written report.",
        pack.statement_text("note_discussed"),
        f"DMT status: {DMT_STATUS_LABELS[ctx.dmt_status]}"
        + (f" ({ctx.dmt_name})" if ctx.dmt_name else "") + f". Patient goals: {goals}.",
        "Safety flags: " + ("; ".join(flags) if flags else "none") + ".",
        "Cautions discussed: " + ("; ".join(cautions) if cautions else "none") + ".",
        pack.statement_text("note_monitoring"),
        f"Report {handover_words(delivered)}: template \"{meta.template_name}\", "
        f"evidence pack {meta.pack_version} ({meta.pack_date}), content {content_hash}, "
        f"generated {meta.generated_on}.",
    ]
    if meta.clinician:
        lines.append(f"Clinician: {meta.clinician}.")
    return "\n".join(lines) + "\n"
