"""Report languages: the words printed around the evidence pack; number and date formats."""

from __future__ import annotations

from .formats import format_date, format_number
from .report_texts import LANGUAGE_NAMES, LANGUAGES, report_language, report_texts

__all__ = ["LANGUAGES", "LANGUAGE_NAMES", "format_date", "format_number", "report_language",
           "report_texts"]
