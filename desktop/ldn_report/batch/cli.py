"""The `ldn-report batch` subcommand's arguments; what it does is in command.py.

Every `ldn-report` command reads these (they make its --help); only `batch` loads the rest.
"""

from __future__ import annotations

import argparse
import math

from ..cli_arguments import path_argument, whole_number

MAX_JOBS = 64


def _seconds(text: str) -> float:
    # ArgumentTypeError, not InputError (a ValueError): argparse would replace its message.
    try:
        value = float(text)
    except ValueError:
        value = math.nan
    if not 0 <= value <= 86_400:  # also refuses nan and inf
        raise argparse.ArgumentTypeError("--wait must be a number of seconds from 0 to 86400")
    return value


def _cmd_batch(args: argparse.Namespace) -> int:
    from .command import run_batch_command

    return run_batch_command(args)


def add_batch_command(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "batch", help="one report per row of a clinic-list CSV, into a folder",
        description="Build one report PDF per row of a clinic list (CSV; header = the patient "
        "context's dotted field names, plus an optional 'template' column). Exit code 0: all "
        "rows produced; 1: some rows failed (see manifest.csv); 2: the list is unusable. "
        "Running it again skips rows whose reports are unchanged.")
    p.add_argument("list", metavar="LIST.csv", type=path_argument("the clinic list's .csv file"),
                   help="the clinic list")
    p.add_argument("-o", "--output", required=True, metavar="DIR",
                   type=path_argument("a folder for the reports"), help="folder for the reports")
    p.add_argument("--template", metavar="NAME|FILE",
                   type=path_argument("a template name or a .toml file"),
                   help="clinic template for rows whose 'template' cell is empty")
    p.add_argument("--jobs", type=whole_number("--jobs", 1, MAX_JOBS), default=0, metavar="N",
                   help="worker processes (default: CPU count, at most 4)")
    p.add_argument("--merge", action="store_true",
                   help="also write all-reports-for-printing.pdf, every report in list order")
    p.add_argument("--duplex", action="store_true",
                   help="in the merged PDF, pad each report to an even page count")
    p.add_argument("--wait", type=_seconds, default=None, metavar="SECONDS",
                   help="when another batch is writing into the same folder, wait this long "
                   "for it to finish before giving up (default: 5)")
    p.add_argument("--accessible", action="store_true",
                   help="write each report as a tagged PDF/UA-1 file for screen readers "
                   "(the manifest's kind column says so)")
    p.set_defaults(func=_cmd_batch)
