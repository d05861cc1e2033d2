"""The built-in templates' names in the reader's language; the English name stays the key.

Template files, the register and a clinic list's template column name a built-in template by its
English name (or its file's stem), so only what is shown is translated: the app's lists, through
Qt's translator, and the report's footer, through the report texts (template.<slug>). A test
keeps the two translations the same. A clinic's own template keeps the name it was given.
"""

from __future__ import annotations

from collections.abc import Callable

from .marks import QT_TRANSLATE_NOOP

CONTEXT = "TemplateName"

# resources/templates/*.toml's names, as lupdate reads them
BUILTIN_NAMES = (
    QT_TRANSLATE_NOOP("TemplateName", "Standard Letter"),
    QT_TRANSLATE_NOOP("TemplateName", "Standard A4"),
    QT_TRANSLATE_NOOP("TemplateName", "Large print"),
    QT_TRANSLATE_NOOP("TemplateName", "Clinician evidence brief"),
    QT_TRANSLATE_NOOP("TemplateName", "Discussion record only"),
)


def shown_name(name: str, builtin: bool, translate: Callable[[str, str], str]) -> str:
    """A template's name as the user reads it: a built-in's through ``translate`` (context,
    English text), a clinic's own as it was written."""
    return translate(CONTEXT, name) if builtin and name in BUILTIN_NAMES else name
