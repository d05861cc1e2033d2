"""The smallest usable patient context, for tests that change one field at a time."""

from __future__ import annotations

BASE = {
    "schema_version": 1,
    "patient": {"name": "Test Person"},
    "ms": {"phenotype": "RRMS"},
    "dmt": {"status": "on_dmt_tolerating"},
    "goals": [],
    "appointment_date": "2026-12-01",
}
