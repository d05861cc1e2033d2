"""The `ldn-report register` (list, stale, export) and `ldn-report verify` subcommands."""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import io
import sys
from typing import Any

from ..cli_arguments import path_argument

EXIT_OK, EXIT_NOT_CURRENT, EXIT_REGISTER = 0, 1, 4
# A cell starting with one of these runs as a formula when the audit CSV opens in a spreadsheet.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError("--since must be a date as YYYY-MM-DD") from None


def _version(text: str) -> str:
    value = text.strip()
    if not value or not all(p.isascii() and p.isalnum() for p in value.split(".")):
        raise argparse.ArgumentTypeError("--pack-before must be a pack version such as 1.1.0")
    return value


def add_register_command(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("register", help="the handout register: what was given to whom")
    inner = p.add_subparsers(dest="register_command", required=True,
                             parser_class=type(p))
    show = inner.add_parser("list", help="list recorded reports, newest first")
    show.add_argument("--mrn", metavar="X", help="only this record number")
    show.add_argument("--since", metavar="DATE", type=_date, help="only from this date (UTC)")
    show.add_argument("--pack-before", metavar="VERSION", type=_version,
                      help="only reports made with an older evidence pack than this")
    show.add_argument("--csv", action="store_true", help="CSV on standard output")
    show.set_defaults(func=_cmd_list)
    stale = inner.add_parser(
        "stale", help="patients whose latest sheet has an older pack, as a clinic list CSV")
    stale.add_argument("-o", "--output", metavar="FILE.csv",
                       type=path_argument("a file name for the clinic list"),
                       help="write the clinic list here (default: standard output)")
    stale.set_defaults(func=_cmd_stale)
    export = inner.add_parser("export", help="the whole register as CSV, for audits")
    export.add_argument("--csv", metavar="FILE", required=True,
                        type=path_argument("a file name for the CSV"))
    export.set_defaults(func=_cmd_export)


def add_verify_command(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("verify", help="was this PDF sheet made here, for whom, is it current")
    p.add_argument("file", metavar="FILE.pdf", type=path_argument("a PDF file"))
    p.set_defaults(func=_cmd_verify)


def _open(args: argparse.Namespace) -> Any:
    """The register for a query command; a register that cannot be opened is exit 4."""
    from .errors import RegisterError
    from .location import resolve_location
    from .store import open_register

    location = resolve_location(getattr(args, "register", None))
    try:
        return open_register(location)
    except RegisterError as exc:
        raise _RegisterUnavailable(str(exc)) from None


class _RegisterUnavailable(Exception):
    pass


def _run(func: Any) -> Any:
    def wrapped(args: argparse.Namespace) -> int:
        from .errors import RegisterError, missing_library

        try:
            return func(args)
        except (_RegisterUnavailable, RegisterError) as exc:
            print(f"ldn-report: error: {exc}", file=sys.stderr)
        except ImportError as exc:  # SQLAlchemy (or Alembic) itself cannot be loaded
            print(f"ldn-report: error: {missing_library(exc)}", file=sys.stderr)
        return EXIT_REGISTER
    return wrapped


@_run
def _cmd_list(args: argparse.Namespace) -> int:
    from .queries import list_handouts

    with _open(args) as register:
        rows = list_handouts(register, mrn=args.mrn, since=args.since,
                             pack_before=args.pack_before)
    if args.csv:
        sys.stdout.write(_csv(rows))
        return EXIT_OK
    if not rows:
        print("no recorded reports match")
        return EXIT_OK
    for row in rows:
        name = "" if row.deidentified else row.patient_name
        print("\t".join([f"{row.made_at:%Y-%m-%d %H:%M}Z", row.output_kind, row.patient, name,
                         row.template, f"pack {row.pack_version}", row.content_hash,
                         row.clinician, row.destination]))
    return EXIT_OK


@_run
def _cmd_stale(args: argparse.Namespace) -> int:
    from ..atomic import atomic_write
    from ..evidence import default_pack
    from .queries import latest_by_patient, older, stale_patients
    from .stale_list import clinic_list_csv

    installed = default_pack().version
    with _open(args) as register:
        patients = stale_patients(register, installed)
        missing = sum(1 for row, ctx in latest_by_patient(register).values()
                      if older(row.pack_version, installed) and not ctx)
    text = clinic_list_csv(patients)
    if args.output:
        atomic_write(args.output, text, mode=0o600)  # patient data: the user's only
        print(f"wrote {args.output} ({len(patients)} patients with a sheet older than pack "
              f"{installed})", file=sys.stderr)
    else:
        sys.stdout.write(text)
    if missing:
        print(f"note: {missing} patients have an older sheet but no stored context; make "
              "their sheets again by hand", file=sys.stderr)
    return EXIT_OK


@_run
def _cmd_export(args: argparse.Namespace) -> int:
    from ..atomic import atomic_write
    from .queries import list_handouts

    with _open(args) as register:
        rows = list_handouts(register)
    atomic_write(args.csv, _csv(rows, audit=True), mode=0o600)
    print(f"wrote {args.csv} ({len(rows)} records)", file=sys.stderr)
    return EXIT_OK


@_run
def _cmd_verify(args: argparse.Namespace) -> int:
    from ..evidence import default_pack
    from .verify import read_sheet, verify_sheet

    read_sheet(args.file)  # a file that is not a PDF is a usage error before the register
    with _open(args) as register:
        verdict = verify_sheet(register, args.file, default_pack().version)
    for line in verdict.lines():
        print(line)
    return EXIT_OK if verdict.made_here and verdict.current else EXIT_NOT_CURRENT


def _csv(rows: list[Any], audit: bool = False) -> str:
    from .queries import COLUMNS

    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for row in rows:
        cells = []
        for name in COLUMNS:
            value = getattr(row, name)
            if isinstance(value, dt.datetime):
                value = value.isoformat()
            elif isinstance(value, bool):
                value = "yes" if value else "no"
            text = str(value)
            if audit and text.startswith(_FORMULA_START):
                text = "'" + text
            cells.append(text)
        writer.writerow(cells)
    return out.getvalue()



