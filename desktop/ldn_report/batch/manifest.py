"""The batch manifest (manifest.csv): one line per clinic-list row with its status and output."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, fields
from pathlib import Path

from ..atomic import atomic_write
from ..errors import InputError
from ..untrusted.files import read_regular_file

MANIFEST_NAME = "manifest.csv"
MAX_MANIFEST_BYTES = 64 * 1024 * 1024  # 20,000 rows of a few hundred bytes, with room

# Statuses: built (this run), unchanged (kept from an earlier run: same content and template),
# failed (the row's column and error say why), cancelled (not reached; the next run builds it).
BUILT, UNCHANGED, FAILED, CANCELLED = "built", "unchanged", "failed", "cancelled"
STATUSES = (BUILT, UNCHANGED, FAILED, CANCELLED)
# Which kind of PDF a row's file is: the standard one, or the tagged PDF/UA-1 one.
STANDARD, ACCESSIBLE = "standard", "accessible"


@dataclass(frozen=True)
class ManifestEntry:
    row: int
    status: str
    file: str = ""
    pages: int = 0
    content_hash: str = ""
    column: str = ""
    error: str = ""
    template: str = ""
    bytes: int = 0
    build_key: str = ""  # template and app version the PDF was made with (for resuming)
    unset: str = ""  # required fields left empty in the list, "; "-separated (built as unknown)
    kind: str = ""  # "standard" PDF or "accessible" (tagged PDF/UA-1, batch --accessible)

    @property
    def produced(self) -> bool:
        return self.status in (BUILT, UNCHANGED)

    @property
    def problems(self) -> list[tuple[str, str]]:
        """Each (column, message) of a failed row: ``column`` holds the columns separated by
        "; " and ``error`` one message per line, in the same order."""
        columns = self.column.split(COLUMN_SEPARATOR) if self.column else [""]
        messages = self.error.split("\n")
        if len(columns) != len(messages):
            return [(self.column, self.error)] if self.error else []
        return [(c, m) for c, m in zip(columns, messages, strict=True) if m]

    @property
    def unset_fields(self) -> list[str]:
        return self.unset.split(COLUMN_SEPARATOR) if self.unset else []


COLUMN_SEPARATOR = "; "


def problem_cells(problems: list[tuple[str, str]]) -> dict[str, str]:
    """The manifest's column and error cells for a row's problems (see ManifestEntry.problems)."""
    return {"column": COLUMN_SEPARATOR.join(c for c, _ in problems),
            "error": "\n".join(" ".join(m.split()) for _, m in problems)}


COLUMNS = tuple(f.name for f in fields(ManifestEntry))


def manifest_text(entries: list[ManifestEntry]) -> str:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    writer.writerows([_safe_cell(getattr(entry, name)) for name in COLUMNS]
                     for entry in sorted(entries, key=lambda e: e.row))
    return buffer.getvalue()


def write_manifest(folder: Path, entries: list[ManifestEntry]) -> Path:
    """Write manifest.csv (UTF-8 with BOM, so spreadsheets read it right), atomically."""
    return atomic_write(folder / MANIFEST_NAME, "\ufeff" + manifest_text(entries), mode=0o600)


def read_manifest(folder: Path) -> dict[int, ManifestEntry]:
    """The entries of an earlier run by row; an unreadable or foreign manifest reads as empty."""
    path = folder / MANIFEST_NAME
    try:
        text = read_regular_file(path, MAX_MANIFEST_BYTES, what="manifest").decode("utf-8-sig")
    except (InputError, UnicodeDecodeError):
        return {}
    out: dict[int, ManifestEntry] = {}
    try:
        for record in csv.DictReader(io.StringIO(text, newline="")):
            entry = ManifestEntry(
                row=int(record["row"]),
                status=record["status"],
                file=record["file"],
                pages=int(record["pages"] or 0),
                content_hash=record["content_hash"],
                column=record["column"],
                error=record["error"],
                template=record["template"],
                bytes=int(record["bytes"] or 0),
                build_key=record["build_key"],
                unset=record.get("unset") or "",  # older manifests have no unset column
                kind=record.get("kind") or STANDARD,  # nor a kind: they were all standard
            )
            if entry.status in STATUSES and Path(entry.file).name == entry.file:
                out[entry.row] = entry
    except (KeyError, ValueError, TypeError, csv.Error):
        return {}
    return out


def _safe_cell(value: object) -> object:
    """Text a spreadsheet would run as a formula (=, +, -, @) is written with a leading quote."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@"):
        return "'" + value
    return value
