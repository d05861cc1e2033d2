"""Built-in templates' names and descriptions in the reader's language; the English is the key.

Template files, the register and a clinic list's template column name a built-in template by its
English name (or its file's stem), so only what is shown is translated: the app's lists, through
Qt's translator, and the report's footer, through the report texts (template.<slug>). A test
keeps the two translations the same. A clinic's own template keeps the name it was given.
A built-in's description (a line in the app's lists) is translated the same way, in the app only.
"""

from __future__ import annotations

from collections.abc import Callable

from .marks import QT_TRANSLATE_NOOP

CONTEXT = "TemplateName"
DESCRIPTION_CONTEXT = "TemplateDescription"

# resources/templates/*.toml's names, as lupdate reads them
BUILTIN_NAMES = (
    QT_TRANSLATE_NOOP("TemplateName", "Standard Letter"),
    QT_TRANSLATE_NOOP("TemplateName", "Standard A4"),
    QT_TRANSLATE_NOOP("TemplateName", "Large print"),
    QT_TRANSLATE_NOOP("TemplateName", "Clinician evidence brief"),
    QT_TRANSLATE_NOOP("TemplateName", "Discussion record only"),
)

# resources/templates/*.toml's descriptions (a test checks each built-in's is here)
BUILTIN_DESCRIPTIONS = (
    QT_TRANSLATE_NOOP("TemplateDescription",
                      "Every section, standard print, US Letter paper."),
    QT_TRANSLATE_NOOP("TemplateDescription", "Every section, standard print, A4 paper."),
    QT_TRANSLATE_NOOP("TemplateDescription",
                      "Every section in large print (body 16 pt, headings 20 pt or more, 1.5 "
                      "line spacing), US Letter paper."),
    QT_TRANSLATE_NOOP("TemplateDescription",
                      "For clinicians: key points, the evidence summary and numbered references."),
    QT_TRANSLATE_NOOP("TemplateDescription",
                      "The key points, the opioid safety text and the consent-discussion sheet "
                      "with signatures, on two or three pages."),
)


def shown_name(name: str, builtin: bool, translate: Callable[[str, str], str]) -> str:
    """A template's name as the user reads it: a built-in's through ``translate`` (context,
    English text), a clinic's own as it was written."""
    return translate(CONTEXT, name) if builtin and name in BUILTIN_NAMES else name


def shown_description(description: str, builtin: bool,
                      translate: Callable[[str, str], str]) -> str:
    """A template's description as the user reads it: a built-in's through ``translate``, a
    clinic's own (or a built-in's the clinic changed) as it was written."""
    if builtin and description in BUILTIN_DESCRIPTIONS:
        return translate(DESCRIPTION_CONTEXT, description)
    return description
