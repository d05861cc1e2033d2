"""The smallest usable patient context, for tests that change one field at a time."""

from __future__ import annotations

import copy
from collections.abc import Mapping

BASE = {
    "schema_version": 1,
    "patient": {"name": "Test Person"},
    "ms": {"phenotype": "RRMS"},
    "dmt": {"status": "on_dmt_tolerating"},
    "goals": [],
    "appointment_date": "2026-12-01",
}


def with_values(base: Mapping[str, object], flat: Mapping[str, object]) -> dict:
    """A deep copy of ``base`` with the dotted ``flat`` values ("patient.name") in their groups."""
    data = copy.deepcopy(dict(base))
    for key, value in flat.items():
        *parents, leaf = key.split(".")
        node = data
        for parent in parents:
            node = node.setdefault(parent, {})
        node[leaf] = value
    return data
