"""Compose a Report from (patient context, evidence pack, clinic template): which sections and
statements apply to this patient. No clinical sentence is written here: they all come from the
pack.

assemble.py puts the report together; patient_sections.py and clinician_sections.py build the
sections from the statement ids in statement_ids.py through writer.py; languages.py holds the
report's language and the words about it.
"""

from __future__ import annotations

from .assemble import compose_report, content_hash
from .languages import report_language_of, template_language, translation_notice
from .statement_ids import OPIOID_SAFETY

__all__ = ["OPIOID_SAFETY", "compose_report", "content_hash", "report_language_of",
           "template_language", "translation_notice"]
