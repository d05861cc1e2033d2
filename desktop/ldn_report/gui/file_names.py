"""File names the app suggests: safe on every file system, never a name in de-identified mode."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

from ..context import PatientContext

MAX_NAME_PART = 40
_UNSAFE = re.compile(r"[^\w-]+")


def safe_name_part(text: str) -> str:
    """Letters (any script), digits, ``-`` and ``_`` only; safe on Windows, macOS and Linux."""
    text = unicodedata.normalize("NFC", text)
    text = _UNSAFE.sub("_", text).strip("_-.")
    return text[:MAX_NAME_PART].rstrip("_-")


def surname(name: str) -> str:
    """The last word of a name; good enough for a file name the clinician can still edit."""
    words = name.split()
    return words[-1] if words else ""


def _who(ctx: PatientContext | None) -> str:
    if ctx is None or ctx.patient_deidentified:
        return "deidentified"
    return safe_name_part(surname(ctx.patient_name)) or "patient"


def _report_name(ctx: PatientContext | None, today: dt.date | None, suffix: str) -> str:
    date = ctx.appointment_date if ctx is not None else (today or dt.date.today())
    return f"LDN-report_{_who(ctx)}_{date.isoformat()}{suffix}"


def suggested_pdf_name(ctx: PatientContext | None, today: dt.date | None = None) -> str:
    """``LDN-report_<surname or deidentified>_<date>.pdf``; de-identified never uses the name."""
    return _report_name(ctx, today, ".pdf")


def suggested_html_name(ctx: PatientContext | None, today: dt.date | None = None) -> str:
    """``LDN-report_<surname or deidentified>_<date>.html`` for Export accessible HTML."""
    return _report_name(ctx, today, ".html")


def suggested_accessible_pdf_name(ctx: PatientContext | None,
                                  today: dt.date | None = None) -> str:
    """``LDN-report_<surname or deidentified>_<date>_accessible.pdf`` (tagged PDF/UA-1)."""
    return _report_name(ctx, today, "_accessible.pdf")


def suggested_context_name(ctx: PatientContext | None, today: dt.date | None = None) -> str:
    """``LDN-context_<surname or deidentified>_<date>.json`` for Save As."""
    date = ctx.appointment_date if ctx is not None else (today or dt.date.today())
    return f"LDN-context_{_who(ctx)}_{date.isoformat()}.json"


