"""One handout record as plain data, made from a built report (no database import here)."""

from __future__ import annotations

import datetime as dt
import getpass
import hashlib
import json
import re
import uuid
from dataclasses import asdict, dataclass, fields
from typing import Any

from .. import __version__

# What left the app: a file of one of these formats, or a print job.
PDF, HTML, ACCESSIBLE_PDF, PRINT = "pdf", "html", "accessible_pdf", "print"
OUTPUT_KINDS = (PDF, HTML, ACCESSIBLE_PDF, PRINT)


def file_kind(data: bytes | str, accessible: bool = False) -> str:
    """The output kind of a written report: HTML text, a tagged PDF/UA-1 file or a PDF."""
    if isinstance(data, str):
        return HTML
    return ACCESSIBLE_PDF if accessible else PDF


@dataclass(frozen=True)
class Handout:
    """One report that left the app. De-identified: patient fields and context are empty."""

    record_id: str
    made_at: dt.datetime  # UTC
    clinician: str
    os_user: str
    deidentified: bool
    patient_mrn: str | None
    patient_name: str | None
    template: str
    template_ref: str  # what a clinic list's template column needs to pick it again
    pack_version: str
    language: str
    content_hash: str
    file_sha256: str | None
    output_kind: str
    destination: str
    app_version: str
    context_json: str | None

    def to_row(self) -> dict[str, Any]:
        return asdict(self)

    def to_json(self) -> dict[str, Any]:
        out = asdict(self)
        out["made_at"] = self.made_at.isoformat()
        return out

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Handout:
        names = {f.name for f in fields(cls)}
        values = {k: v for k, v in data.items() if k in names}
        values["made_at"] = dt.datetime.fromisoformat(values["made_at"])
        return cls(**values)


def os_user() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError, ImportError):
        return ""


def template_ref(template: Any) -> str:
    """How a clinic list names a template again: a user file by its path, else its name."""
    return str(template.source) if template.source and not template.builtin else template.name


def handout_for(ctx: Any, *, template: str, pack_version: str, language: str,
                content_hash: str, kind: str, destination: str, template_ref: str = "",
                data: bytes | str | None = None) -> Handout:
    """The record for a report made from ``ctx`` going out as ``kind`` to ``destination``.

    ``data`` is what was written or printed: its SHA-256 lets `verify` recognise the file.
    """
    from ..context import context_to_dict

    if kind not in OUTPUT_KINDS:
        raise ValueError(f"output kind {kind!r} is not one of {', '.join(OUTPUT_KINDS)}")
    hidden = bool(ctx.patient_deidentified)
    digest = None
    if data is not None:
        payload = data.encode("utf-8") if isinstance(data, str) else data
        digest = hashlib.sha256(payload).hexdigest()
    return Handout(
        record_id=str(uuid.uuid4()),
        made_at=dt.datetime.now(dt.UTC),
        clinician=ctx.clinician_name or "",
        os_user=os_user(),
        deidentified=hidden,
        patient_mrn=None if hidden else (ctx.patient_mrn or None),
        patient_name=None if hidden else (ctx.patient_name or None),
        template=template,
        template_ref=template_ref or template,
        pack_version=pack_version,
        language=language or "en",
        content_hash=content_hash,
        file_sha256=digest,
        output_kind=kind,
        destination=without_identifiers(destination, ctx) if hidden else destination,
        app_version=__version__,
        # Kept only to re-issue an identified patient's sheet (register stale).
        context_json=None if hidden else json.dumps(context_to_dict(ctx), ensure_ascii=False,
                                                    sort_keys=True),
    )


def without_identifiers(text: str, ctx: Any) -> str:
    """``text`` (a file path) with the context's name, record number and date of birth taken
    out: a de-identified report saved as "Zelda Quintrell.pdf" must not name her in the
    register. Each word of the name counts, in any letter case."""
    dob = ctx.patient_date_of_birth
    values = [ctx.patient_mrn or ""]
    if dob:
        values += [f"{dob:{way}}" for way in ("%Y-%m-%d", "%Y%m%d", "%d.%m.%Y", "%m-%d-%Y",
                                              "%d-%m-%Y", "%d%m%Y", "%m%d%Y")]
    values += [word for word in re.split(r"[\W_]+", ctx.patient_name or "") if len(word) > 1]
    for value in sorted({v for v in values if v}, key=len, reverse=True):
        text = re.sub(re.escape(value), "[removed]", text, flags=re.IGNORECASE)
    return text
