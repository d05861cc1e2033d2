"""The core's form texts (field labels, help, choices, groups) marked for Qt's translation.

The core is plain Python without Qt, so its English texts are listed here for pyside6-lupdate;
a test checks that every label, help text, choice label and group of ldn_report.context is in
this list, so a new field cannot reach the form untranslated.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

CONTEXT = "ContextField"

MARKED = (
    # groups
    QT_TRANSLATE_NOOP("ContextField", "Patient"),
    QT_TRANSLATE_NOOP("ContextField", "MS"),
    QT_TRANSLATE_NOOP("ContextField", "Treatment"),
    QT_TRANSLATE_NOOP("ContextField", "Goals"),
    QT_TRANSLATE_NOOP("ContextField", "Safety screen"),
    QT_TRANSLATE_NOOP("ContextField", "Notes"),
    QT_TRANSLATE_NOOP("ContextField", "Clinician"),
    QT_TRANSLATE_NOOP("ContextField", "Report"),
    # labels and help
    QT_TRANSLATE_NOOP("ContextField", "Format version"),
    QT_TRANSLATE_NOOP("ContextField", "Name"),
    QT_TRANSLATE_NOOP("ContextField", "Date of birth"),
    QT_TRANSLATE_NOOP("ContextField", "YYYY-MM-DD"),
    QT_TRANSLATE_NOOP("ContextField", "Record number"),
    QT_TRANSLATE_NOOP("ContextField", "De-identified report"),
    QT_TRANSLATE_NOOP("ContextField",
                      "No name, date of birth or record number anywhere in the report"),
    QT_TRANSLATE_NOOP("ContextField", "Type of MS"),
    QT_TRANSLATE_NOOP("ContextField", "Disease-modifying therapy (DMT)"),
    QT_TRANSLATE_NOOP("ContextField", "Current or last DMT"),
    QT_TRANSLATE_NOOP("ContextField", "What the patient hopes for"),
    QT_TRANSLATE_NOOP("ContextField", "Takes any opioid"),
    QT_TRANSLATE_NOOP("ContextField", "Including tramadol, codeine, buprenorphine, methadone"),
    QT_TRANSLATE_NOOP("ContextField", "Current medicines"),
    QT_TRANSLATE_NOOP("ContextField",
                      "One medicine per item, as written (up to 120 characters, 40 items); "
                      "an opioid among them turns on the opioid warning"),
    QT_TRANSLATE_NOOP("ContextField", "Surgery or procedure planned"),
    QT_TRANSLATE_NOOP("ContextField", "That may need opioid pain relief"),
    QT_TRANSLATE_NOOP("ContextField", "Liver disease"),
    QT_TRANSLATE_NOOP("ContextField", "Pregnant, planning or breastfeeding"),
    QT_TRANSLATE_NOOP("ContextField", "Neuroinflammation symptoms"),
    QT_TRANSLATE_NOOP("ContextField", "Nutrition concern"),
    QT_TRANSLATE_NOOP("ContextField", "Weight loss, poor intake, malnutrition risk"),
    QT_TRANSLATE_NOOP("ContextField", "Clinician name"),
    QT_TRANSLATE_NOOP("ContextField", "Clinician role"),
    QT_TRANSLATE_NOOP("ContextField", "Appointment date"),
    QT_TRANSLATE_NOOP("ContextField", "YYYY-MM-DD; defaults to today"),
    QT_TRANSLATE_NOOP("ContextField", "Notes for this patient"),
    QT_TRANSLATE_NOOP("ContextField", "Report language"),
    QT_TRANSLATE_NOOP("ContextField",
                      "en (English) or es (Spanish); not given = the template's language"),
    # choices
    QT_TRANSLATE_NOOP("ContextField", "Clinically isolated syndrome (CIS)"),
    QT_TRANSLATE_NOOP("ContextField", "Relapsing-remitting MS"),
    QT_TRANSLATE_NOOP("ContextField", "Secondary progressive MS"),
    QT_TRANSLATE_NOOP("ContextField", "Primary progressive MS"),
    QT_TRANSLATE_NOOP("ContextField", "Not recorded"),
    QT_TRANSLATE_NOOP("ContextField", "On a DMT and tolerating it"),
    QT_TRANSLATE_NOOP("ContextField", "On a DMT but not tolerating it"),
    QT_TRANSLATE_NOOP("ContextField", "Stopped a DMT because of side effects"),
    QT_TRANSLATE_NOOP("ContextField", "DMTs are not suitable (contraindicated)"),
    QT_TRANSLATE_NOOP("ContextField", "Has declined DMT"),
    QT_TRANSLATE_NOOP("ContextField", "No DMT yet"),
    QT_TRANSLATE_NOOP("ContextField", "Mood"),
    QT_TRANSLATE_NOOP("ContextField", "Pain"),
    QT_TRANSLATE_NOOP("ContextField", "Thinking and memory"),
    QT_TRANSLATE_NOOP("ContextField", "Fatigue"),
    QT_TRANSLATE_NOOP("ContextField", "Quality of life"),
    QT_TRANSLATE_NOOP("ContextField", "Slow MS progression"),
    QT_TRANSLATE_NOOP("ContextField", "Fewer relapses"),
    QT_TRANSLATE_NOOP("ContextField", "Replace a DMT"),
    QT_TRANSLATE_NOOP("ContextField", "English"),
    QT_TRANSLATE_NOOP("ContextField", "Spanish"),
)


def field_text(text: str) -> str:
    """``text`` (a core label, help text, choice or group) in the interface language."""
    return QCoreApplication.translate(CONTEXT, text) if text else text
