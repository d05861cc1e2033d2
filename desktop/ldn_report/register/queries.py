"""Questions asked of the register: who got what, whose sheet is stale, which record a hash is."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from .schema import handouts
from .store import Register

DEIDENTIFIED = "de-identified"


def version_key(version: str) -> tuple[Any, ...]:
    """"1.10.0" after "1.9.2": numbers compare as numbers, anything else as text after them."""
    return tuple((0, int(p), "") if p.isdigit() else (1, 0, p) for p in version.split("."))


def older(version: str, than: str) -> bool:
    return version_key(version) < version_key(than)


@dataclass(frozen=True)
class HandoutRow:
    """A record as the commands and the History window show it (never the context)."""

    made_at: dt.datetime
    clinician: str
    os_user: str
    deidentified: bool
    patient_mrn: str
    patient_name: str
    template: str
    template_ref: str
    pack_version: str
    language: str
    content_hash: str
    file_sha256: str
    output_kind: str
    destination: str
    app_version: str

    @property
    def patient(self) -> str:
        """The record number (or name) to show; "de-identified" for a de-identified record."""
        if self.deidentified:
            return DEIDENTIFIED
        return self.patient_mrn or self.patient_name or "(no record number)"


COLUMNS = ("made_at", "clinician", "os_user", "deidentified", "patient_mrn", "patient_name",
           "template", "template_ref", "pack_version", "language", "content_hash", "file_sha256",
           "output_kind", "destination", "app_version")


def _row(raw: Any) -> HandoutRow:
    values = {name: getattr(raw, name) for name in COLUMNS}
    hidden = bool(values["deidentified"])
    for name in ("patient_mrn", "patient_name"):
        # Belt and braces: a de-identified record shows nothing of the patient, whatever a
        # hand-edited database may hold.
        values[name] = "" if hidden else (values[name] or "")
    values["file_sha256"] = values["file_sha256"] or ""
    values["made_at"] = _utc(values["made_at"])
    return HandoutRow(**values)


def _utc(when: dt.datetime) -> dt.datetime:
    # SQLite gives back naive datetimes; every stored time is UTC.
    return when.replace(tzinfo=dt.UTC) if when.tzinfo is None else when.astimezone(dt.UTC)


def list_handouts(register: Register, *, mrn: str | None = None, since: dt.date | None = None,
                  pack_before: str | None = None, search: str = "",
                  stale_against: str | None = None, limit: int | None = None,
                  ) -> list[HandoutRow]:
    """Records, newest first, filtered. ``stale_against``: only each patient's latest record,
    and only when its pack is older than that version."""
    if stale_against:
        rows = sorted((row for row, _ctx in latest_by_patient(register).values()
                       if older(row.pack_version, stale_against)),
                      key=lambda r: r.made_at, reverse=True)
        if mrn:
            rows = [r for r in rows if r.patient_mrn == mrn]
        if since is not None:
            rows = [r for r in rows if r.made_at.date() >= since]
    else:
        query = select(*(handouts.c[name] for name in COLUMNS)).order_by(
            handouts.c.made_at.desc(), handouts.c.id.desc())
        if mrn:
            query = query.where(handouts.c.patient_mrn == mrn,
                                handouts.c.deidentified.is_(False))
        if since is not None:
            start = dt.datetime.combine(since, dt.time(), tzinfo=dt.UTC)
            query = query.where(handouts.c.made_at >= start)
        rows = [_row(r) for r in register.rows(query)]
    if pack_before:
        rows = [r for r in rows if older(r.pack_version, pack_before)]
    if search:
        rows = [r for r in rows if _matches(r, search)]
    return rows[:limit] if limit else rows


def _matches(row: HandoutRow, search: str) -> bool:
    needle = search.casefold()
    fields = [row.clinician, row.os_user, row.template, row.pack_version, row.content_hash,
              row.output_kind, row.destination, row.patient_mrn, row.patient_name]
    return any(needle in f.casefold() for f in fields if f)


def _patient_key(row: HandoutRow, context: dict[str, Any] | None = None) -> str:
    """Who a record is for: the record number, else name and date of birth; "" = cannot tell."""
    if row.deidentified:
        return ""
    if row.patient_mrn:
        return f"mrn:{row.patient_mrn}"
    dob = ((context or {}).get("patient") or {}).get("date_of_birth", "")
    return f"name:{row.patient_name}|{dob}" if row.patient_name else ""


def latest_by_patient(register: Register) -> dict[str, tuple[HandoutRow, dict[str, Any]]]:
    """Each identified patient's latest record with the context it was made from."""
    query = (select(*(handouts.c[name] for name in COLUMNS), handouts.c.context_json)
             .where(handouts.c.deidentified.is_(False))
             .order_by(handouts.c.made_at.desc(), handouts.c.id.desc()))
    out: dict[str, tuple[HandoutRow, dict[str, Any]]] = {}
    for raw in register.rows(query):
        row = _row(raw)
        try:
            context = json.loads(raw.context_json) if raw.context_json else {}
        except ValueError:
            context = {}
        key = _patient_key(row, context)
        if key and key not in out:
            out[key] = (row, context)
    return out


def stale_patients(register: Register, installed: str) -> list[tuple[HandoutRow, dict[str, Any]]]:
    """Patients whose latest sheet was made with a pack older than ``installed``, oldest first."""
    found = [pair for pair in latest_by_patient(register).values()
             if older(pair[0].pack_version, installed) and pair[1]]
    return sorted(found, key=lambda pair: pair[0].made_at)


def find_by_file(register: Register, sha256: str) -> list[HandoutRow]:
    query = select(*(handouts.c[name] for name in COLUMNS)).where(
        handouts.c.file_sha256 == sha256).order_by(handouts.c.made_at)
    return [_row(r) for r in register.rows(query)]


def find_by_content(register: Register, content_hash: str) -> list[HandoutRow]:
    query = select(*(handouts.c[name] for name in COLUMNS)).where(
        handouts.c.content_hash == content_hash).order_by(handouts.c.made_at)
    return [_row(r) for r in register.rows(query)]
