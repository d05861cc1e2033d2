"""Reading a clinic-list CSV (as spreadsheets export it) into validated patient rows."""

from __future__ import annotations

import csv
import datetime as dt
import io
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..context import (
    CHOICE_LABELS,
    FIELDS,
    FIELDS_BY_NAME,
    SCHEMA_VERSION,
    PatientContext,
    context_from_dict,
)
from ..errors import InputError
from ..untrusted.files import decode_utf8, read_regular_file

TEMPLATE_COLUMN = "template"
# Yes/no cells as spreadsheets and people write them; an empty cell is "not given" (no).
TRUE_WORDS = frozenset({"yes", "y", "true", "1", "x", "\u2713", "\u2714"})
FALSE_WORDS = frozenset({"no", "n", "false", "0"})
BOOL_SPELLINGS = "yes/no, y/n, true/false, 1/0, or x for yes (an empty cell is no)"
MAX_ROWS = 20_000
MAX_BYTES = 50 * 1024 * 1024
# Required choices an empty cell leaves unset: the row builds as "unknown" (neutral wording),
# and the manifest and the summary name the field so the list can be fixed.
UNSET_VALUE = "unknown"

# The documented header: every field of the patient context, then the optional template column.
HEADER: tuple[str, ...] = (*(spec.name for spec in FIELDS), TEMPLATE_COLUMN)


@dataclass(frozen=True)
class RowProblem:
    """One thing wrong in a row: the column (a field name, or "column N") and what is allowed."""

    column: str
    message: str


@dataclass(frozen=True)
class ClinicRow:
    """One patient row: its spreadsheet row number, its context or every reason it is unusable."""

    row: int  # as a spreadsheet shows it: the header is row 1, the first patient row 2
    context: PatientContext | None
    template: str  # the row's template cell; empty = the batch's template
    problems: tuple[RowProblem, ...] = ()
    unset: tuple[str, ...] = ()  # required fields whose cell was empty (built as "unknown")

    @property
    def ok(self) -> bool:
        return self.context is not None

    @property
    def error_column(self) -> str:
        return self.problems[0].column if self.problems else ""

    @property
    def error(self) -> str:
        return self.problems[0].message if self.problems else ""


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
    raw = read_regular_file(path, MAX_BYTES, what="clinic list (.csv file; split a longer list)",
                            where=str(path))
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
    return decode_utf8(raw, where=where, hint="save the list as 'CSV UTF-8'")


# Spreadsheets "correct" hyphens to dashes and quotes to curly ones: they read as typed.
_PLAIN = str.maketrans({"\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-",
                        "\u2014": "-", "\u2212": "-", "\u2018": "'", "\u2019": "'"})


def _fold(text: str) -> str:
    """How cells are compared with names and labels: case, width, dashes and runs of spaces do
    not matter."""
    return " ".join(unicodedata.normalize("NFKC", text).translate(_PLAIN).split()).casefold()


# A header cell may be the dotted field name or the label the form shows ("Type of MS").
_HEADER_WORDS = {_fold(spec.label): spec.name for spec in FIELDS} | {
    _fold(name): name for name in HEADER}


def _check_header(cells: list[str], where: str) -> tuple[str, ...]:
    columns: list[str] = []
    unknown: list[int] = []
    for number, cell in enumerate(cells, 1):
        name = cell.strip().lstrip("\ufeff")
        if name == "":
            columns.append("")
            continue
        canonical = _HEADER_WORDS.get(_fold(name))
        if canonical is None:
            unknown.append(number)
        elif canonical in columns:
            raise InputError(canonical, "appears twice in the header", where=where)
        columns.append(canonical or name)
    if unknown:
        # Named by position, not by text: when the first line is a patient row, not the
        # header, its cells are names and record numbers.
        shown = ", ".join(str(n) for n in unknown[:5]) + (", ..." if len(unknown) > 5 else "")
        raise InputError(
            "header", f"column(s) {shown} of the first line are not known column names; the "
            "header must use these names: " + ", ".join(HEADER)
            + " (or the labels the app's form shows)", where=where)
    missing = [spec.name for spec in FIELDS
               if spec.required and spec.name != "schema_version" and spec.name not in columns]
    if missing:
        raise InputError(
            "header", f"required column(s) missing: {', '.join(missing)} "
            "(is the first line the header?)", where=where)
    return tuple(columns)


def _parse_row(row: int, cells: list[str], columns: tuple[str, ...],
               today: dt.date | None) -> ClinicRow:
    """Every problem of the row, not only the first: each cell is read, then the context is
    validated with the bad values set aside until it passes."""
    if len(cells) > len(columns) and any(c.strip() for c in cells[len(columns):]):
        # The cells are shifted: messages about the other columns would mislead.
        problem = RowProblem(
            f"column {len(columns) + 1}",
            f"the row has {len(cells)} cells but the header has {len(columns)} columns "
            "(an unquoted delimiter in a cell?)")
        return ClinicRow(row=row, context=None, template="", problems=(problem,))
    template = ""
    problems: list[RowProblem] = []
    set_aside: set[str] = set()
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
        try:
            flat[name] = _convert(name, value)
        except InputError as exc:
            problems.append(RowProblem(_column_of(exc), exc.message))
            set_aside.add(name)
            _set_aside(flat, name)
    unset = tuple(spec.name for spec in FIELDS
                  if spec.required and UNSET_VALUE in spec.choices and spec.name not in flat
                  and spec.name not in set_aside)
    flat.update(dict.fromkeys(unset, UNSET_VALUE))
    context = None
    for _ in range(len(FIELDS) + 1):
        try:
            context = context_from_dict(flat, today=today)
            break
        except InputError as exc:
            column = _column_of(exc)
            problems.append(RowProblem(column, exc.message))
            if column not in flat or column in set_aside:
                break  # not one cell's fault: nothing more to learn from this row
            set_aside.add(column)
            _set_aside(flat, column)
    if problems:
        context = None
    return ClinicRow(row=row, context=context, template=template, problems=tuple(problems),
                     unset=unset)


def _set_aside(flat: dict[str, Any], name: str) -> None:
    """Take a bad value out so the rest of the row can be checked; a required field gets a
    stand-in (never built: the row has a problem)."""
    flat.pop(name, None)
    spec = FIELDS_BY_NAME.get(name)
    if spec is not None and spec.required:
        flat[name] = SCHEMA_VERSION if spec.kind == "int" else (
            UNSET_VALUE if UNSET_VALUE in spec.choices else spec.choices[0])


def _column_of(exc: InputError) -> str:
    return exc.field.split("[")[0] if exc.field else ""


def _convert(name: str, value: str) -> Any:
    spec = FIELDS_BY_NAME[name]
    converter = _CONVERTERS.get(spec.kind)
    return converter(name, value) if converter else value


def _to_int(name: str, value: str) -> int:
    # Plain ASCII digits only, and few: int() takes 5,000 digits badly and "١" or "1_0" oddly.
    if not (value.isascii() and value.isdigit() and len(value) <= 9):
        raise InputError(name, f"must be the number {SCHEMA_VERSION} (or left empty)")
    return int(value)


def _to_bool(name: str, value: str) -> bool:
    word = _fold(value)
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    raise InputError(name, f"is not yes/no; use {BOOL_SPELLINGS}")


def _choice_words(name: str) -> dict[str, str]:
    """The words a cell may use for each choice: the code, or the label the form shows."""
    words = {_fold(choice): choice for choice in FIELDS_BY_NAME[name].choices}
    labels = CHOICE_LABELS.get(name, {})
    words.update({_fold(label): code for code, label in labels.items()})
    return words


def _allowed(name: str) -> str:
    choices = FIELDS_BY_NAME[name].choices
    labels = CHOICE_LABELS.get(name, {})
    example = next((labels[code] for code in choices if labels.get(code, code) != code), "")
    return f"use one of: {', '.join(choices)}" + (
        f", or the words the app's form shows (such as \"{example}\")" if example else "")


def _to_enum(name: str, value: str) -> str:
    code = _choice_words(name).get(_fold(value))
    if code is None:
        # Never the cell's value: in a shifted row it may be a name or record number.
        raise InputError(name, f"this value is not allowed; {_allowed(name)}")
    return code


def _to_list(name: str, value: str) -> list[str]:
    words = _choice_words(name)
    items = [item.strip() for item in value.replace(",", ";").split(";")]
    items = [item for item in items if item]
    unknown = [n for n, item in enumerate(items, 1) if _fold(item) not in words]
    if unknown:
        # By position, never by value (a shifted row may put a name here).
        shown = ", ".join(str(n) for n in unknown[:5])
        which = f"value {shown} is" if len(unknown) == 1 else f"values {shown} are"
        raise InputError(name, f"{which} not allowed; {_allowed(name)} (several separated by ;)")
    return [words[_fold(item)] for item in items]


def _to_medicines(name: str, value: str) -> list[str]:
    # Split on ";" only: a medicine may hold commas ("oxycodone/APAP 5/325, 1 at night"). Empty
    # items stay, so the context check names them (medications[1]: item 2 is empty).
    return [item.strip() for item in value.split(";")]


_CONVERTERS: dict[str, Callable[[str, str], Any]] = {
    "int": _to_int,
    "bool": _to_bool,
    "enum": _to_enum,
    "enum_list": _to_list,
    "str_list": _to_medicines,
}
