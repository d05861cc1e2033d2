"""The `ldn-report batch` subcommand: a clinic list to a folder of reports, with progress."""

from __future__ import annotations

import argparse
import math
import shutil
import signal
import sys
import threading
import time
from typing import TextIO

from ..cli_arguments import path_argument, whole_number

EXIT_OK, EXIT_SOME_FAILED = 0, 1
EXIT_INTERRUPTED = 130  # as for Ctrl-C at the shell (128 + SIGINT), for SIGTERM too
MAX_JOBS = 64


class ProgressPrinter:
    """A progress bar on a terminal; plain lines (every 10 %, and each failed row) otherwise.

    Lines name rows by number only, never by patient."""

    def __init__(self, stream: TextIO, tty: bool | None = None) -> None:
        self.stream = stream
        self.tty = stream.isatty() if tty is None else tty
        self.started = time.monotonic()
        self.failed = 0
        self.last_step = -1
        self.last_draw = 0.0

    def __call__(self, progress: object) -> None:
        from .manifest import FAILED  # here: `ldn-report build` never loads the batch
        from .runner import BatchProgress

        assert isinstance(progress, BatchProgress)
        entry = progress.entry
        if entry.status == FAILED:
            self.failed += 1
            for column, message in entry.problems:
                self._line(f"row {entry.row}{f', {column}' if column else ''}: {message}")
        if self.tty:
            now = time.monotonic()
            if now - self.last_draw >= 0.1 or progress.done == progress.total:
                self.last_draw = now
                self._bar(progress.done, progress.total)
            return
        step = progress.done * 10 // max(progress.total, 1)
        if step != self.last_step:
            self.last_step = step
            self.stream.write(f"progress: {progress.done}/{progress.total} rows, "
                              f"{self.failed} failed\n")
            self.stream.flush()

    def _line(self, text: str) -> None:
        if self.tty:
            self.stream.write("\r\x1b[K")
        self.stream.write(text + "\n")
        self.stream.flush()

    def _bar(self, done: int, total: int) -> None:
        columns = shutil.get_terminal_size((80, 24)).columns
        elapsed = time.monotonic() - self.started
        eta = f"{elapsed / done * (total - done):4.0f} s left" if done else ""
        tail = f" {done}/{total} rows  {self.failed} failed  {eta}"
        width = max(10, min(40, columns - len(tail) - 3))
        filled = width * done // max(total, 1)
        self.stream.write(f"\r[{'#' * filled}{'.' * (width - filled)}]{tail}\x1b[K")
        if done == total:
            self.stream.write("\n")
        self.stream.flush()


def _seconds(text: str) -> float:
    # ArgumentTypeError, not InputError (a ValueError): argparse would replace its message.
    try:
        value = float(text)
    except ValueError:
        value = math.nan
    if not 0 <= value <= 86_400:  # also refuses nan and inf
        raise argparse.ArgumentTypeError("--wait must be a number of seconds from 0 to 86400")
    return value


class StopOnSignal:
    """While active, Ctrl-C (SIGINT) and SIGTERM ask the batch to stop instead of killing it:
    no new report starts, the running ones finish and are saved, the manifest is written, and
    the command exits with EXIT_INTERRUPTED. A second Ctrl-C interrupts at once."""

    SIGNALS = (signal.SIGINT, signal.SIGTERM)

    def __init__(self) -> None:
        self.event = threading.Event()
        self.received: int | None = None
        self._before: dict[int, object] = {}

    def __enter__(self) -> StopOnSignal:
        if threading.current_thread() is threading.main_thread():  # signals need the main one
            for sig in self.SIGNALS:
                self._before[sig] = signal.signal(sig, self._handle)
        return self

    def __exit__(self, *_: object) -> None:
        for sig, handler in self._before.items():
            signal.signal(sig, handler)  # type: ignore[arg-type]

    def _handle(self, signum: int, _frame: object) -> None:
        if self.event.is_set() and signum == signal.SIGINT:
            raise KeyboardInterrupt
        self.received = signum
        self.event.set()


def _cmd_batch(args: argparse.Namespace) -> int:
    from .runner import default_jobs, run_batch

    printer = ProgressPrinter(sys.stderr)
    with StopOnSignal() as stop:
        summary = run_batch(
            args.list, args.output, template=args.template,
            jobs=args.jobs or default_jobs(), merge=args.merge, duplex=args.duplex,
            progress=printer, cancel=stop.event, lock_wait=args.wait, register=args.register,
            accessible=args.accessible,
        )
    if stop.received is not None:
        left = summary.count("cancelled")
        print(f"ldn-report: interrupted ({signal.Signals(stop.received).name}); "
              f"{left} rows not built yet: run the same command again to finish them "
              f"(manifest: {summary.manifest})", file=sys.stderr)
        return EXIT_INTERRUPTED
    for warning in summary.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    built, unchanged = summary.count("built"), summary.count("unchanged")
    print(f"{len(summary.entries)} rows: {built} built, {unchanged} unchanged, "
          f"{summary.failed} failed ({summary.seconds:.1f} s)")
    if summary.unset_rows:
        print(f"unset: {summary.unset_note()}")
    print(f"manifest: {summary.manifest}")
    if summary.merged:
        files = ", ".join(str(path) for path in summary.merged)
        print(f"merged for printing: {files} ({summary.merged_pages} pages"
              f"{', padded for duplex' if args.duplex else ''})")
    return EXIT_OK if summary.exit_code == 0 else EXIT_SOME_FAILED


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
