"""Printing off the GUI thread: a worker renders the pages, the window shows progress and Cancel."""

from __future__ import annotations

import threading
import traceback

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal
from PySide6.QtPrintSupport import QPrinter

from .printing import PrintCancelled, PrintError, print_pdf

# The progress bar counts in hundredths of a page, so a long page still moves it.
STEPS_PER_PAGE = 100


class _PrintSignals(QObject):
    # Made on the GUI thread, so the worker's emits are queued to it.
    progress = Signal(int, int)  # steps done, steps in all
    finished = Signal(int)  # pages sent
    failed = Signal(str, str)  # message, traceback
    cancelled = Signal()


class _PrintRunnable(QRunnable):
    def __init__(self, pdf: bytes, printer: QPrinter, job: PrintJob) -> None:
        super().__init__()
        self.pdf = pdf
        self.printer = printer
        self.job = job

    def run(self) -> None:
        signals, stop = self.job.signals, self.job.stop

        def progress(done: float, total: int) -> bool:
            signals.progress.emit(round(done * STEPS_PER_PAGE), total * STEPS_PER_PAGE)
            return not stop.is_set()

        try:
            pages = print_pdf(self.pdf, self.printer, progress)
        except PrintCancelled:
            signals.cancelled.emit()
        except PrintError as exc:
            signals.failed.emit(str(exc), "")
        except Exception as exc:  # shown to the user; the app keeps running
            signals.failed.emit(f"{type(exc).__name__}: {exc}", traceback.format_exc())
        else:
            signals.finished.emit(pages)


class PrintJob(QObject):
    """One print run. ``start`` returns at once; ``done`` fires on the GUI thread at the end
    with the pages sent (0 when cancelled or failed; ``error`` then says why)."""

    done = Signal(int)

    def __init__(self, pdf: bytes, printer: QPrinter, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.printer = printer  # kept alive here until the worker is finished with it
        self.pages = 0
        self.error = ""
        self.details = ""
        self.was_cancelled = False
        self.finished = False
        self.stop = threading.Event()
        # The pool first: children go in creation order, and its destructor waits for the
        # worker, which must still find its signals alive.
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self.signals = _PrintSignals(self)
        self.signals.finished.connect(self._on_finished)
        self.signals.failed.connect(self._on_failed)
        self.signals.cancelled.connect(self._on_cancelled)
        self._runnable = _PrintRunnable(pdf, printer, self)

    def start(self) -> None:
        self.pool.start(self._runnable)

    def cancel(self) -> None:
        """Stop after the band being rendered; the job is aborted, nothing half-printed."""
        self.stop.set()

    def wait(self, msecs: int = 60_000) -> bool:
        return self.pool.waitForDone(msecs)

    def _end(self, pages: int) -> None:
        self.finished = True
        self.pages = pages
        self.done.emit(pages)

    def _on_finished(self, pages: int) -> None:
        self._end(pages)

    def _on_failed(self, message: str, details: str) -> None:
        self.error, self.details = message, details
        self._end(0)

    def _on_cancelled(self) -> None:
        self.was_cancelled = True
        self._end(0)
