"""The template core's names (sections, text blocks, signature lines) marked for Qt's translation.

Like field_texts: the core has no Qt, so its English names are listed here for pyside6-lupdate,
and a test checks that every section heading, text block and signature role is in this list.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from ...i18n.template_names import shown_description, shown_name

if TYPE_CHECKING:
    from ...templates.model import ClinicTemplate

CONTEXT = "TemplateText"

MARKED = (
    # sections (templates.model.DEFAULT_HEADINGS)
    QT_TRANSLATE_NOOP("TemplateText", "Low-dose naltrexone (LDN) and your MS"),
    QT_TRANSLATE_NOOP("TemplateText", "Key points"),
    QT_TRANSLATE_NOOP("TemplateText", "Why we are talking about LDN with you"),
    QT_TRANSLATE_NOOP("TemplateText", "What to expect"),
    QT_TRANSLATE_NOOP("TemplateText", "Safety"),
    QT_TRANSLATE_NOOP("TemplateText", "Opioid medicines and LDN"),
    QT_TRANSLATE_NOOP("TemplateText", "Your choices about LDN"),
    QT_TRANSLATE_NOOP("TemplateText", "Your monitoring plan"),
    QT_TRANSLATE_NOOP("TemplateText", "Questions you may want to ask"),
    QT_TRANSLATE_NOOP("TemplateText", "Discussion record"),
    QT_TRANSLATE_NOOP("TemplateText", "Evidence summary (for clinicians)"),
    QT_TRANSLATE_NOOP("TemplateText", "References"),
    # text blocks (templates.clinic_text.TEXT_BLOCKS)
    QT_TRANSLATE_NOOP("TemplateText",
                      "Introduction (top of \u201cWhy we are talking about LDN\u201d)"),
    QT_TRANSLATE_NOOP("TemplateText", "How to get LDN at this clinic (end of the monitoring plan)"),
    QT_TRANSLATE_NOOP("TemplateText", "Contact (end of the safety section)"),
    QT_TRANSLATE_NOOP("TemplateText", "After hours (end of the safety section)"),
    # signature lines (templates.model.SIGNATURE_ROLES)
    QT_TRANSLATE_NOOP("TemplateText", "Patient"),
    QT_TRANSLATE_NOOP("TemplateText", "Clinician"),
    QT_TRANSLATE_NOOP("TemplateText", "Interpreter"),
    QT_TRANSLATE_NOOP("TemplateText", "Witness"),
)


def template_text(text: str) -> str:
    """``text`` (a section, text block or signature name of the core) in the interface
    language."""
    return QCoreApplication.translate(CONTEXT, text) if text else text


def template_name(template: ClinicTemplate | str) -> str:
    """A template's name as the app shows it: a built-in's (a template, or a built-in's name)
    in the interface language; its English name stays the key in files, settings and the
    register."""
    if isinstance(template, str):
        return shown_name(template, True, QCoreApplication.translate)
    return shown_name(template.name, template.builtin, QCoreApplication.translate)


def template_description(template: ClinicTemplate) -> str:
    """A template's description as the app shows it: a built-in's in the interface language;
    the file keeps its English."""
    return shown_description(template.description, template.builtin, QCoreApplication.translate)
