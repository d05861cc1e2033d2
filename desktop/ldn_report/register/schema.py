"""The register's one table, as SQLAlchemy Core metadata (the migrations create it)."""

from __future__ import annotations

from sqlalchemy import Boolean, Column, DateTime, Integer, MetaData, String, Table, Text

metadata = MetaData()

# One row per report that left the app. A de-identified row holds no name, record number,
# date of birth or context: patient_mrn, patient_name and context_json stay NULL.
handouts = Table(
    "handouts",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    # Made by the writer, so a record retried from the queue is never stored twice.
    Column("record_id", String(36), nullable=False, unique=True),
    Column("made_at", DateTime(timezone=True), nullable=False, index=True),
    Column("clinician", Text, nullable=False, default=""),
    Column("os_user", Text, nullable=False, default=""),
    Column("deidentified", Boolean, nullable=False),
    Column("patient_mrn", Text, nullable=True, index=True),
    Column("patient_name", Text, nullable=True),
    Column("template", Text, nullable=False),
    Column("template_ref", Text, nullable=False, default=""),
    Column("pack_version", String(32), nullable=False),
    Column("language", String(16), nullable=False),
    Column("content_hash", String(64), nullable=False, index=True),
    Column("file_sha256", String(64), nullable=True, index=True),
    Column("output_kind", String(32), nullable=False),
    Column("destination", Text, nullable=False, default=""),
    Column("app_version", String(32), nullable=False),
    # The validated patient context (JSON v1) of an identified record: what `register stale`
    # needs to re-issue the sheet. Never stored for a de-identified record.
    Column("context_json", Text, nullable=True),
)
