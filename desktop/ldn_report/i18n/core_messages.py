"""The core's input-error messages (English) in another language, without Qt.

The core stays English because scripts parse the CLI's messages; the app (and the CLI when
`--language` asks) translates them at its boundary with this table of message patterns
(smaller than turning every core message into a key with arguments). The translations live in
the interface's Qt Linguist files: the app reads them through Qt, the CLI through ts_catalogue.
A message no pattern knows is shown in English as it is.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ..errors import InputError
from .fill import fill
from .marks import QT_TRANSLATE_NOOP

CONTEXT = "CoreMessage"
Translate = Callable[[str, str], str]  # (context, English text) -> text in the language


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
        # the template editor (templates.file_format, templates.clinic_text, colour_contrast)
        (r"must be text \(in quotes\), not (.+)",
         QT_TRANSLATE_NOOP("CoreMessage", "must be text (in quotes), not %1")),
        (r"contains a broken character \(an unpaired surrogate, (U\+[0-9A-F]+)\) at position "
         r"(\d+); retype it",
         QT_TRANSLATE_NOOP("CoreMessage", "contains a broken character (an unpaired surrogate, "
                                          "%1) at position %2; retype it")),
        (r"is (\d+) characters long; at most (\d+) allowed",
         QT_TRANSLATE_NOOP("CoreMessage", "is %1 characters long; at most %2 allowed")),
        (r"must not be empty", QT_TRANSLATE_NOOP("CoreMessage", "must not be empty")),
        (r"must be a finite number between (\S+) and (\S+), not (.+)",
         QT_TRANSLATE_NOOP("CoreMessage", "must be a finite number between %1 and %2, not %3")),
        (r"must be a finite number between (\S+) and (\S+); (\S+) is not",
         QT_TRANSLATE_NOOP("CoreMessage", "must be a finite number between %1 and %2; %3 is "
                                          "not")),
        (r"is (.+); it must be a finite number between (\S+) and (\S+)",
         QT_TRANSLATE_NOOP("CoreMessage", "is %1; it must be a finite number between %2 and "
                                          "%3")),
        (r"(.+) is not allowed; choose one of: (.*)",
         QT_TRANSLATE_NOOP("CoreMessage", "%1 is not allowed; choose one of: %2")),
        (r"(.+) is not a colour; write it as #RRGGBB, e\.g\. \"#1F5C99\"",
         QT_TRANSLATE_NOOP("CoreMessage", "%1 is not a colour; write it as #RRGGBB, e.g. "
                                          "\"#1F5C99\"")),
        (r"(#[0-9A-F]{6}) has a contrast of (\S+):1 against white paper; headings, citation "
         r"numbers and links in it need at least (\S+):1 \(WCAG AA\)\. Choose a darker "
         r"colour, e\.g\. (#[0-9A-F]{6}) \(the same hue, (\S+):1\)",
         QT_TRANSLATE_NOOP("CoreMessage", "%1 has a contrast of %2:1 against white paper; "
                                          "headings, citation numbers and links in it need at "
                                          "least %3:1 (WCAG AA). Choose a darker colour, e.g. "
                                          "%4 (the same hue, %5:1)")),
        (r"(.+) is not a language tag; use e\.g\. en, en-GB, fr-CA",
         QT_TRANSLATE_NOOP("CoreMessage", "%1 is not a language tag; use e.g. en, en-GB, "
                                          "fr-CA")),
        (r"line (\d+), column (\d+): unknown placeholder (\{[^}]*\}); allowed: (.*)",
         QT_TRANSLATE_NOOP("CoreMessage", "line %1, column %2: unknown placeholder %3; allowed: "
                                          "%4")),
        (r"line (\d+), column (\d+): \u201c\{\u201d is not closed; write \{\{ for a literal "
         r"brace",
         QT_TRANSLATE_NOOP("CoreMessage", "line %1, column %2: \u201c{\u201d is not closed; "
                                          "write {{ for a literal brace")),
        (r"line (\d+), column (\d+): bold \u201c\*\*\u201d is not closed in this paragraph; "
         r"write \\\* for a literal asterisk",
         QT_TRANSLATE_NOOP("CoreMessage", "line %1, column %2: bold \u201c**\u201d is not "
                                          "closed in this paragraph; write \\* for a literal "
                                          "asterisk")),
        (r"line (\d+), column (\d+): italic \u201c\*\u201d is not closed in this paragraph; "
         r"write \\\* for a literal asterisk",
         QT_TRANSLATE_NOOP("CoreMessage", "line %1, column %2: italic \u201c*\u201d is not "
                                          "closed in this paragraph; write \\* for a literal "
                                          "asterisk")),
        (r"line (\d+): contains a control character \((U\+[0-9A-F]+)\)",
         QT_TRANSLATE_NOOP("CoreMessage", "line %1: contains a control character (%2)")),
        (r"no section is shown; show at least one \(visible = true\)",
         QT_TRANSLATE_NOOP("CoreMessage", "no section is shown; show at least one (visible = "
                                          "true)")),
        (r"needs at least one row \(when, what, who, week\)",
         QT_TRANSLATE_NOOP("CoreMessage", "needs at least one row (when, what, who, week)")),
        (r"must be a date, YYYY-MM-DD",
         QT_TRANSLATE_NOOP("CoreMessage", "must be a date, YYYY-MM-DD")),
        (r"must be a date from 2000 to today",
         QT_TRANSLATE_NOOP("CoreMessage", "must be a date from 2000 to today")),
        (r"needs reviewer \(the qualified medical translator's name\) and date \(YYYY-MM-DD\)",
         QT_TRANSLATE_NOOP("CoreMessage", "needs reviewer (the qualified medical translator's "
                                          "name) and date (YYYY-MM-DD)")),
        (r"must be a list with at least one of: (.*)",
         QT_TRANSLATE_NOOP("CoreMessage", "must be a list with at least one of: %1")),
        # the clinic list's rows and header (batch.clinic_list)
        (r"this value is not allowed; use one of: (.*?), or the words the app's form shows "
         r"\(such as \"(.*)\"\)",
         QT_TRANSLATE_NOOP("CoreMessage", "this value is not allowed; use one of: %1, or the "
                                          "words the app's form shows (such as \"%2\")")),
        (r"this value is not allowed; use one of: (.*)",
         QT_TRANSLATE_NOOP("CoreMessage", "this value is not allowed; use one of: %1")),
        (r"values? (.+?) (?:is|are) not allowed; use one of: (.*?), or the words the app's form "
         r"shows \(such as \"(.*)\"\) \(several separated by ;\)",
         QT_TRANSLATE_NOOP("CoreMessage", "value(s) %1 not allowed; use one of: %2, or the "
                                          "words the app's form shows (such as \"%3\") "
                                          "(several separated by ;)")),
        (r"is not (\d+); this app reads format version \1 only",
         QT_TRANSLATE_NOOP("CoreMessage", "is not %1; this app reads format version %1 only")),
        (r"is not yes/no; use (.*), or x for yes \(an empty cell is no\)",
         QT_TRANSLATE_NOOP("CoreMessage", "is not yes/no; use %1, or x for yes (an empty cell "
                                          "is no)")),
        (r"is not yes/no; use (.*)", QT_TRANSLATE_NOOP("CoreMessage", "is not yes/no; use %1")),
        (r"must be the number (\d+) \(or left empty\)",
         QT_TRANSLATE_NOOP("CoreMessage", "must be the number %1 (or left empty)")),
        (r"the row has (\d+) cells but the header has (\d+) columns \(an unquoted delimiter in "
         r"a cell\?\)",
         QT_TRANSLATE_NOOP("CoreMessage", "the row has %1 cells but the header has %2 columns "
                                          "(an unquoted delimiter in a cell?)")),
        (r"column\(s\) (.+?) of the first line are not known column names; the header must use "
         r"these names: (.*) \(or the labels the app's form shows\)",
         QT_TRANSLATE_NOOP("CoreMessage", "column(s) %1 of the first line are not known column "
                                          "names; the header must use these names: %2 (or the "
                                          "labels the app's form shows)")),
        (r"required column\(s\) missing: (.*) \(is the first line the header\?\)",
         QT_TRANSLATE_NOOP("CoreMessage", "required column(s) missing: %1 (is the first line "
                                          "the header?)")),
        (r"has (\d+) patient rows; at most (\d+) per batch",
         QT_TRANSLATE_NOOP("CoreMessage", "has %1 patient rows; at most %2 per batch")),
        # the clinic-day batch (batch.runner's unset note, batch.paths' notes on a typed path)
        (r"(\d+) (?:row has|rows have) an empty (.+?) cell \((?:row|rows) (.+?); the "
         r"manifest's unset column\)\. (?:It was|They were) built with the neutral wording of "
         r"\"unknown\" \(Not recorded\); fill in the list and run it again for wording that "
         r"fits each patient\.",
         QT_TRANSLATE_NOOP("CoreMessage", "%1 row(s) with an empty %2 cell (rows %3; the "
                                          "manifest's unset column), built with the neutral "
                                          "wording of \"unknown\" (Not recorded); fill in the "
                                          "list and run it again for wording that fits each "
                                          "patient.")),
        (r"The path holds a character that cannot be in a file name\.",
         QT_TRANSLATE_NOOP("CoreMessage",
                           "The path holds a character that cannot be in a file name.")),
        (r"A path starting with ~ needs a user of that name on this computer\.",
         QT_TRANSLATE_NOOP("CoreMessage",
                           "A path starting with ~ needs a user of that name on this computer.")),
        (r"Give the whole path \(starting with / or ~\), or use Choose\u2026",
         QT_TRANSLATE_NOOP("CoreMessage",
                           "Give the whole path (starting with / or ~), or use Choose\u2026")),
        (r"Nothing at this path: check the spelling, or use Choose\u2026",
         QT_TRANSLATE_NOOP("CoreMessage",
                           "Nothing at this path: check the spelling, or use Choose\u2026")),
        (r"A part of this path is a file, not a folder\.",
         QT_TRANSLATE_NOOP("CoreMessage", "A part of this path is a file, not a folder.")),
        (r"You may not open this path \(permission denied\)\.",
         QT_TRANSLATE_NOOP("CoreMessage", "You may not open this path (permission denied).")),
        (r"This path cannot be used: (.*)\.",
         QT_TRANSLATE_NOOP("CoreMessage", "This path cannot be used: %1.")),
        (r"This is a folder: choose the clinic list's \.csv file in it\.",
         QT_TRANSLATE_NOOP("CoreMessage",
                           "This is a folder: choose the clinic list's .csv file in it.")),
        (r"This is not an ordinary file \(a pipe or a device\): choose the clinic list's "
         r"\.csv file\.",
         QT_TRANSLATE_NOOP("CoreMessage", "This is not an ordinary file (a pipe or a device): "
                                          "choose the clinic list's .csv file.")),
        (r"You may not read this file \(permission denied\)\.",
         QT_TRANSLATE_NOOP("CoreMessage", "You may not read this file (permission denied).")),
        (r"This file is larger than (\d+) MB: split the list\.",
         QT_TRANSLATE_NOOP("CoreMessage", "This file is larger than %1 MB: split the list.")),
        (r"This is a file, not a folder: give a folder for the reports\.",
         QT_TRANSLATE_NOOP("CoreMessage",
                           "This is a file, not a folder: give a folder for the reports.")),
        (r"You may not write in this folder \(permission denied\)\.",
         QT_TRANSLATE_NOOP("CoreMessage",
                           "You may not write in this folder (permission denied).")),
        (r"A part of this path is not a folder\.",
         QT_TRANSLATE_NOOP("CoreMessage", "A part of this path is not a folder.")),
        (r"The folder cannot be made: you may not write in (.*)\.",
         QT_TRANSLATE_NOOP("CoreMessage", "The folder cannot be made: you may not write in %1.")),
        (r"A new folder: it is made when the batch starts\.",
         QT_TRANSLATE_NOOP("CoreMessage", "A new folder: it is made when the batch starts.")),
        # the build command's options (cli.py, output_paths.py, examples.py, the catalogue)
        (r"(.+) is a folder; give a file name ending in \.pdf or \.html",
         QT_TRANSLATE_NOOP("CoreMessage", "%1 is a folder; give a file name ending in .pdf or "
                                          ".html")),
        (r"(.+) must end in \.pdf or \.html",
         QT_TRANSLATE_NOOP("CoreMessage", "%1 must end in .pdf or .html")),
        (r"makes a PDF: give -o a file name ending in \.pdf, not (.*)",
         QT_TRANSLATE_NOOP("CoreMessage", "makes a PDF: give -o a file name ending in .pdf, "
                                          "not %1")),
        (r"is the same file as (\S+) \((.+)\); writing it would overwrite that file\. Choose "
         r"another file name",
         QT_TRANSLATE_NOOP("CoreMessage", "is the same file as %1 (%2); writing it would "
                                          "overwrite that file. Choose another file name")),
        (r"(.+) is a folder; give a file name",
         QT_TRANSLATE_NOOP("CoreMessage", "%1 is a folder; give a file name")),
        (r"(.+) cannot be written: (.+) is a file, not a folder",
         QT_TRANSLATE_NOOP("CoreMessage", "%1 cannot be written: %2 is a file, not a folder")),
        (r"(.+) cannot be written: no permission to write in (.+)",
         QT_TRANSLATE_NOOP("CoreMessage", "%1 cannot be written: no permission to write in %2")),
        (r"(.+) is not an example; choose one of: (.*)",
         QT_TRANSLATE_NOOP("CoreMessage", "%1 is not an example; choose one of: %2")),
        (r"this is not a known template; choose one of: (.*), or give a \.toml file",
         QT_TRANSLATE_NOOP("CoreMessage", "this is not a known template; choose one of: %1, "
                                          "or give a .toml file")),
        (r"(.+) is not a known template; choose one of: (.*), or give a \.toml file",
         QT_TRANSLATE_NOOP("CoreMessage", "%1 is not a known template; choose one of: %2, or "
                                          "give a .toml file")),
        # a build's warnings (build.py; the register's, the pack's review date)
        (r"the report fonts cannot draw (.+); these characters print as a substitute mark",
         QT_TRANSLATE_NOOP("CoreMessage", "the report fonts cannot draw %1; these characters "
                                          "print as a substitute mark")),
        (r"did you mean (.+?)\? \u201c(.+)\u201d looks like \1, which contains (.+), an opioid; "
         r"the report has no opioid warning for it until the spelling is corrected or the "
         r"opioid box is ticked",
         QT_TRANSLATE_NOOP("CoreMessage", "did you mean %1? \u201c%2\u201d looks like %1, which "
                                          "contains %3, an opioid; the report has no opioid "
                                          "warning for it until the spelling is corrected or "
                                          "the opioid box is ticked")),
        (r"did you mean (.+?)\? \u201c(.+)\u201d looks like \1, an opioid; the report has no "
         r"opioid warning for it until the spelling is corrected or the opioid box is ticked",
         QT_TRANSLATE_NOOP("CoreMessage", "did you mean %1? \u201c%2\u201d looks like %1, an "
                                          "opioid; the report has no opioid warning for it until "
                                          "the spelling is corrected or the opioid box is "
                                          "ticked")),
        (r"(.+)\. Until then this report prints its accent-coloured text in a darker shade of "
         r"it \((#[0-9A-F]{6}) or darker\)",
         QT_TRANSLATE_NOOP("CoreMessage", "%1. Until then this report prints its "
                                          "accent-coloured text in a darker shade of it (%2 or "
                                          "darker)")),
        (r"the template has no (\w+) version of the text block (.+); the \1 report leaves it "
         r"out",
         QT_TRANSLATE_NOOP("CoreMessage", "the template has no %1 version of the text block %2; "
                                          "the %1 report leaves it out")),
        (r"the template has no (\w+) heading for section (\d+) \(\u201c(.+)\u201d\); the \1 "
         r"report prints the standard heading",
         QT_TRANSLATE_NOOP("CoreMessage", "the template has no %1 heading for section %2 "
                                          "(\u201c%3\u201d); the %1 report prints the standard "
                                          "heading")),
        (r"the template has no (\w+) version of row (\d+) of the monitoring plan; the \1 "
         r"report prints this row in (\w+), as written",
         QT_TRANSLATE_NOOP("CoreMessage", "the template has no %1 version of row %2 of the "
                                          "monitoring plan; the %1 report prints this row in "
                                          "%3, as written")),
        (r"handout register not written: (.+); the record is queued and retried next time",
         QT_TRANSLATE_NOOP("CoreMessage", "handout register not written: %1; the record is "
                                          "queued and retried next time")),
        (r"handout register not written: (.+); the record could not be queued either \((.*)\)",
         QT_TRANSLATE_NOOP("CoreMessage", "handout register not written: %1; the record could "
                                          "not be queued either (%2)")),
        (r"The evidence pack (\S+) was due for review by (\S+); reports still build, but ask "
         r"for an updated pack\.",
         QT_TRANSLATE_NOOP("CoreMessage", "The evidence pack %1 was due for review by %2; "
                                          "reports still build, but ask for an updated pack.")),
    )
)
# Texts whose %N (by number) is itself a core message, translated in its turn.
NESTED = {"%1. Until then this report prints its accent-coloured text in a darker shade of it "
          "(%2 or darker)": (1,)}
# A warning's field, as build.py names it: patient.name, medications[0], sections[3].heading.
WARNING_FIELD = re.compile(r"(\w+(?:\[\d+\]|\.\w+)*): (.+)", re.DOTALL)
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
    # report languages in words (context.LANGUAGE_LABELS) and the clinic's text blocks
    # (templates.clinic_text.TEXT_BLOCKS), as the translation warnings name them
    QT_TRANSLATE_NOOP("CoreMessage", "English"),
    QT_TRANSLATE_NOOP("CoreMessage", "Spanish"),
    QT_TRANSLATE_NOOP("CoreMessage",
                      "Introduction (top of \u201cWhy we are talking about LDN\u201d)"),
    QT_TRANSLATE_NOOP("CoreMessage", "How to get LDN at this clinic (end of the monitoring plan)"),
    QT_TRANSLATE_NOOP("CoreMessage", "Contact (end of the safety section)"),
    QT_TRANSLATE_NOOP("CoreMessage", "After hours (end of the safety section)"),
)
ITEM = re.compile(r"item (\d+) (.+)", re.DOTALL)
ITEM_TEXT = QT_TRANSLATE_NOOP("CoreMessage", "item %1 %2")


def known(message: str) -> bool:
    """Whether the table has a pattern for ``message`` (tests use it)."""
    item = ITEM.fullmatch(message)
    rest = item.group(2) if item else message
    return any(pattern.fullmatch(rest) for pattern, _ in PATTERNS)


def core_message(message: str, translate: Translate) -> str:
    """``message`` from ldn_report's InputError through ``translate`` (as is if unknown)."""
    item = ITEM.fullmatch(message)
    if item:
        return fill(translate(CONTEXT, ITEM_TEXT), item.group(1),
                    core_message(item.group(2), translate))
    for pattern, text in PATTERNS:
        match = pattern.fullmatch(message)
        if match:
            translated = translate(CONTEXT, text)
            if translated == text:
                return message  # no translation: the core's own words, exactly (singulars too)
            nested = NESTED.get(text, ())
            values = [core_message(v, translate) if n in nested
                      else translate(CONTEXT, v) if v in WORDS else v
                      for n, v in enumerate(match.groups(), 1)]
            return fill(translated, *values)
    return message


def warning_text(warning: str, translate: Translate) -> str:
    """A build's warning ("field: message", or a message) with the message through
    ``translate``; the field keeps its name, as the file or form spells it."""
    field = WARNING_FIELD.fullmatch(warning)
    if field and known(field.group(2)):
        return f"{field.group(1)}: {core_message(field.group(2), translate)}"
    return core_message(warning, translate)


def warning_message(warning: str, translate: Translate) -> str:
    """A build's warning without its field, the message through ``translate``: for a label
    that already says what the warning is about (the rules panel's "Accent colour")."""
    field = WARNING_FIELD.fullmatch(warning)
    return core_message(field.group(2) if field and known(field.group(2)) else warning,
                        translate)


def input_error_text(err: InputError, translate: Translate) -> str:
    """``str(err)`` (where: field: message) with the message through ``translate``."""
    message = core_message(err.message, translate)
    text = f"{err.field}: {message}" if err.field else message
    return f"{err.where}: {text}" if err.where else text
