"""`register stale` output: a clinic list (the batch's CSV format) of patients to re-issue."""

from __future__ import annotations

import csv
import io
from typing import Any

from ..batch.clinic_list import HEADER, TEMPLATE_COLUMN
from ..context import flatten
from .queries import HandoutRow


def _cell(value: Any) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list | tuple):
        return "; ".join(str(v) for v in value)
    return "" if value is None else str(value)


def clinic_list_csv(patients: list[tuple[HandoutRow, dict[str, Any]]]) -> str:
    """One row per patient, with the context the last sheet was made from and its template, so
    that `ldn-report batch` builds each again, now with the installed pack."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(HEADER)
    for row, context in patients:
        flat = flatten(context)
        flat[TEMPLATE_COLUMN] = row.template_ref or row.template
        writer.writerow([_cell(flat.get(name)) for name in HEADER])
    return out.getvalue()
