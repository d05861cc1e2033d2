"""The core's input-error messages (English, shared with the CLI) in the interface language.

The core stays English because scripts parse the CLI's messages; the app translates them at
its boundary with this table of message patterns (smaller than turning every core message
into a key with arguments, and the CLI needs no change). A message no pattern knows is shown
in English as it is; a test feeds the form's whole class of mistakes through it.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from ...errors import InputError
from .fill import fill

CONTEXT = "CoreMessage"
translate = QCoreApplication.translate  # the name pyside6-lupdate looks for

# (the core's wording as a regular expression, its text with %1 … for the groups)
PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), text) for pattern, text in (
        (r"is not a date; write it as YYYY-MM-DD, e\.g\. (\S+)",
         QT_TRANSLATE_NOOP("CoreMessage", "is not a date; write it as YYYY-MM-DD, e.g. %1")),
        (r"is not a real calendar date; write it as YYYY-MM-DD, e\.g\. (\S+)",
         QT_TRANSLATE_NOOP("CoreMessage",
                           "is not a real calendar date; write it as YYYY-MM-DD, e.g. %1")),
        (r"is in the future; a date of birth is today or earlier",
         QT_TRANSLATE_NOOP("CoreMessage", "is in the future; a date of birth is today or earlier")),
        (r"is before (\d+); a date of birth is from \1 on",
         QT_TRANSLATE_NOOP("CoreMessage", "is before %1; a date of birth is from %1 on")),
        (r"must be a date between (\d+) and (\d+)",
         QT_TRANSLATE_NOOP("CoreMessage", "must be a date between %1 and %2")),
        (r"is (\d+) characters long; at most (\d+) are allowed",
         QT_TRANSLATE_NOOP("CoreMessage", "is %1 characters long; at most %2 are allowed")),
        (r"contains a broken character \(an unpaired surrogate\) at position (\d+); retype it",
         QT_TRANSLATE_NOOP("CoreMessage", "contains a broken character (an unpaired surrogate) "
                                          "at position %1; retype it")),
        (r"has (a broken character \(an unpaired surrogate\)|a control character|"
         r"an invisible formatting character) at position (\d+) \((.*)\); "
         r"retype it with visible characters only",
         QT_TRANSLATE_NOOP("CoreMessage", "has %1 at position %2 (%3); retype it with visible "
                                          "characters only")),
        (r"is empty; each medicine needs 1 to (\d+) characters \(remove empty items\)",
         QT_TRANSLATE_NOOP("CoreMessage", "is empty; each medicine needs 1 to %1 characters "
                                          "(remove empty items)")),
        (r"is one too many: at most (\d+) medicines are allowed",
         QT_TRANSLATE_NOOP("CoreMessage", "is one too many: at most %1 medicines are allowed")),
        (r"is required \((.*)\)", QT_TRANSLATE_NOOP("CoreMessage", "is required (%1)")),
        (r"is required", QT_TRANSLATE_NOOP("CoreMessage", "is required")),
        (r"file not found", QT_TRANSLATE_NOOP("CoreMessage", "file not found")),
        (r"must be text, not (.+)", QT_TRANSLATE_NOOP("CoreMessage", "must be text, not %1")),
        (r"must be true or false, not (.+)",
         QT_TRANSLATE_NOOP("CoreMessage", "must be true or false, not %1")),
        (r"must be a list, not (.+)", QT_TRANSLATE_NOOP("CoreMessage", "must be a list, not %1")),
        (r"must be a date as YYYY-MM-DD text, not (.+)",
         QT_TRANSLATE_NOOP("CoreMessage", "must be a date as YYYY-MM-DD text, not %1")),
        (r"must be the number (\d+)", QT_TRANSLATE_NOOP("CoreMessage", "must be the number %1")),
        (r"is not a field of the patient context \(format version 1\); allowed fields: (.*)",
         QT_TRANSLATE_NOOP("CoreMessage", "is not a field of the patient context (format "
                                          "version 1); allowed fields: %1")),
        (r"this value is not allowed; choose one of: (.*)",
         QT_TRANSLATE_NOOP("CoreMessage", "this value is not allowed; choose one of: %1")),
        (r"this value is not allowed; choose from: (.*)",
         QT_TRANSLATE_NOOP("CoreMessage", "this value is not allowed; choose from: %1")),
    )
)
# Words the core puts inside its messages (the %1 of "has %1 at position …").
WORDS = (
    QT_TRANSLATE_NOOP("CoreMessage", "a broken character (an unpaired surrogate)"),
    QT_TRANSLATE_NOOP("CoreMessage", "a control character"),
    QT_TRANSLATE_NOOP("CoreMessage", "an invisible formatting character"),
    # value kinds (the core's _type_name)
    QT_TRANSLATE_NOOP("CoreMessage", "true/false"),
    QT_TRANSLATE_NOOP("CoreMessage", "a number"),
    QT_TRANSLATE_NOOP("CoreMessage", "text"),
    QT_TRANSLATE_NOOP("CoreMessage", "a list"),
    QT_TRANSLATE_NOOP("CoreMessage", "an object"),
    QT_TRANSLATE_NOOP("CoreMessage", "null"),
)
ITEM = re.compile(r"item (\d+) (.+)", re.DOTALL)


def known(message: str) -> bool:
    """Whether the table has a pattern for ``message`` (tests use it)."""
    item = ITEM.fullmatch(message)
    rest = item.group(2) if item else message
    return any(pattern.fullmatch(rest) for pattern, _ in PATTERNS)


def core_message(message: str) -> str:
    """``message`` from ldn_report's InputError in the interface language (as is if unknown)."""
    item = ITEM.fullmatch(message)
    if item:
        return fill(translate("CoreMessage", "item %1 %2"), item.group(1),
                    core_message(item.group(2)))
    for pattern, text in PATTERNS:
        match = pattern.fullmatch(message)
        if match:
            values = [translate(CONTEXT, v) if v in WORDS else v for v in match.groups()]
            return fill(translate(CONTEXT, text), *values)
    return message


def input_error_text(err: InputError) -> str:
    """``str(err)`` (where: field: message) with the message in the interface language."""
    message = core_message(err.message)
    text = f"{err.field}: {message}" if err.field else message
    return f"{err.where}: {text}" if err.where else text
