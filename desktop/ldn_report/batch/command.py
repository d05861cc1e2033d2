"""What `ldn-report batch` does once its arguments are read: progress, Ctrl-C, the summary."""

from __future__ import annotations

import argparse
import shutil
import signal
import sys
import threading
import time
from typing import TextIO

from .manifest import FAILED
from .runner import BatchProgress, default_jobs, run_batch

EXIT_OK, EXIT_SOME_FAILED = 0, 1
EXIT_INTERRUPTED = 130  # as for Ctrl-C at the shell (128 + SIGINT), for SIGTERM too


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


def run_batch_command(args: argparse.Namespace) -> int:
    """`ldn-report batch`: run the list, print progress and the summary; the exit code."""
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
