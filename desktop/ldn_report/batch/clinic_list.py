"""Reading a clinic-list CSV (as spreadsheets export it) into validated patient rows."""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..context import FIELDS, FIELDS_BY_NAME, SCHEMA_VERSION, PatientContext, context_from_dict
from ..errors import InputError

TEMPLATE_COLUMN = "template"
TRUE_WORDS = frozenset({"yes", "true", "1"})
FALSE_WORDS = frozenset({"no", "false", "0"})
MAX_ROWS = 20_000
MAX_BYTES = 50 * 1024 * 1024

# The documented header: every field of the patient context, then the optional template column.
HEADER: tuple[str, ...] = (*(spec.name for spec in FIELDS), TEMPLATE_COLUMN)


@dataclass(frozen=True)
class ClinicRow:
    """One patient row: its spreadsheet row number, its context or why it is unusable."""

    row: int  # as a spreadsheet shows it: the header is row 1, the first patient row 2
    context: PatientContext | None
    template: str  # the row's template cell; empty = the batch's template
    error_column: str = ""
    error: str = ""

    @property
    def ok(self) -> bool:
        return self.context is not None


@dataclass(frozen=True)
class ClinicList:
    path: Path
    delimiter: str
    columns: tuple[str, ...]
    rows: tuple[ClinicRow, ...]


def read_clinic_list(path: str | Path, today: dt.date | None = None) -> ClinicList:
    """Read and validate a clinic list. A file that is not a usable list raises InputError;
    a bad row is kept as a ClinicRow with its column and message, so the good rows still run."""
    path = Path(path)
    where = path.name
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise InputError("", "file not found", where=str(path)) from None
    except IsADirectoryError:
        raise InputError("", "is a folder; give the clinic list's .csv file", where=str(path)) \
            from None
    if len(raw) > MAX_BYTES:
        raise InputError("", f"is larger than {MAX_BYTES // (1024 * 1024)} MB; "
                         "split the list", where=where)
    text = _decode(raw, where)
    return parse_clinic_list(text, path=path, today=today)


def parse_clinic_list(text: str, path: Path = Path("list.csv"),
                      today: dt.date | None = None) -> ClinicList:
    """Parse clinic-list text (already decoded); see :func:`read_clinic_list`."""
    where = path.name
    if "\x00" in text:
        raise InputError("", "is not a CSV text file (it holds binary data)", where=where)
    header_line = next((line for line in text.splitlines() if line.strip()), "")
    if not header_line:
        raise InputError("", "is empty; the first line must be the header "
                         f"(e.g. {','.join(HEADER[:4])},...)", where=where)
    delimiter = ";" if header_line.count(";") > header_line.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    try:
        # A record's number is its row as a spreadsheet shows it (blank rows count too).
        records = [(number, rec) for number, rec in enumerate(reader, start=1)]
    except csv.Error as exc:
        raise InputError("", f"is not valid CSV near line {reader.line_num}: {exc}",
                         where=where) from None
    records = [(number, rec) for number, rec in records if any(cell.strip() for cell in rec)]
    if not records:
        raise InputError("", "has no header line", where=where)
    header_cells = records[0][1]
    columns = _check_header(header_cells, where)
    body = records[1:]
    if len(body) > MAX_ROWS:
        raise InputError("", f"has {len(body)} patient rows; at most {MAX_ROWS} per batch",
                         where=where)
    for index, name in enumerate(columns):
        if name == "" and any(index < len(rec) and rec[index].strip() for _, rec in body):
            raise InputError(f"column {index + 1}", "has values but no name in the header",
                             where=where)
    rows = tuple(_parse_row(number, rec, columns, today) for number, rec in body)
    return ClinicList(path=path, delimiter=delimiter, columns=columns, rows=rows)


def _decode(raw: bytes, where: str) -> str:
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError("", "is UTF-16 text; save the list as 'CSV UTF-8'", where=where)
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(
            "", f"is not UTF-8 text (byte 0x{raw[exc.start]:02X} at offset {exc.start}); "
            "save the list as 'CSV UTF-8'", where=where) from None


def _check_header(cells: list[str], where: str) -> tuple[str, ...]:
    known = {name.lower(): name for name in HEADER}
    columns: list[str] = []
    unknown: list[str] = []
    for cell in cells:
        name = cell.strip().lstrip("\ufeff")
        if name == "":
            columns.append("")
            continue
        canonical = known.get(name.lower())
        if canonical is None:
            unknown.append(name)
        elif canonical in columns:
            raise InputError(canonical, "appears twice in the header", where=where)
        columns.append(canonical or name)
    if unknown:
        shown = ", ".join(repr(name[:40]) for name in unknown[:5])
        raise InputError(
            "header", f"unknown column(s) {shown}; the header must use these names: "
            + ", ".join(HEADER), where=where)
    missing = [spec.name for spec in FIELDS
               if spec.required and spec.name != "schema_version" and spec.name not in columns]
    if missing:
        raise InputError(
            "header", f"required column(s) missing: {', '.join(missing)} "
            "(is the first line the header?)", where=where)
    return tuple(columns)


def _parse_row(row: int, cells: list[str], columns: tuple[str, ...],
               today: dt.date | None) -> ClinicRow:
    template = ""
    try:
        if len(cells) > len(columns):
            extra = [c for c in cells[len(columns):] if c.strip()]
            if extra:
                raise InputError(
                    f"column {len(columns) + 1}",
                    f"the row has {len(cells)} cells but the header has {len(columns)} columns "
                    "(an unquoted delimiter in a cell?)")
        flat: dict[str, Any] = {"schema_version": SCHEMA_VERSION}
        for name, cell in zip(columns, cells, strict=False):
            if not name or not cell.strip():
                continue  # an empty (or all-blank) cell means: not given
            # Free text keeps its line breaks and indents; every other value is trimmed.
            value = cell if FIELDS_BY_NAME.get(name) and FIELDS_BY_NAME[name].kind == "text" \
                else cell.strip()
            if name == TEMPLATE_COLUMN:
                template = value
                continue
            flat[name] = _convert(name, value)
        context = context_from_dict(flat, today=today)
    except InputError as exc:
        column = exc.field.split("[")[0] if exc.field else ""
        return ClinicRow(row=row, context=None, template=template,
                         error_column=column, error=exc.message)
    return ClinicRow(row=row, context=context, template=template)


def _convert(name: str, value: str) -> Any:
    spec = FIELDS_BY_NAME[name]
    converter = _CONVERTERS.get(spec.kind)
    return converter(name, value) if converter else value


def _to_int(name: str, value: str) -> int:
    try:
        return int(value)
    except ValueError:
        raise InputError(name, f"{value!r} is not a number; use {SCHEMA_VERSION}") from None


def _to_bool(name: str, value: str) -> bool:
    word = value.lower()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    raise InputError(name, f"{value[:40]!r} is not yes/no; use yes, no, true, false, 1 or 0")


def _to_enum(name: str, value: str) -> str:
    by_lower = {choice.lower(): choice for choice in FIELDS_BY_NAME[name].choices}
    return by_lower.get(value.lower(), value)


def _to_list(name: str, value: str) -> list[str]:
    items = [item.strip() for item in value.replace(",", ";").split(";")]
    return [_to_enum(name, item) for item in items if item]


_CONVERTERS: dict[str, Callable[[str, str], Any]] = {
    "int": _to_int,
    "bool": _to_bool,
    "enum": _to_enum,
    "enum_list": _to_list,
}
