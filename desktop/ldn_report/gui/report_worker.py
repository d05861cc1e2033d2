"""Builds reports off the GUI thread: debounced, one build at a time, stale results dropped."""

from __future__ import annotations

import time
import traceback

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal

from ..build import BuildResult, build_report
from ..context import PatientContext
from ..templates.model import ClinicTemplate


class _JobSignals(QObject):
    # Lives in the GUI thread, so a worker's emit is queued to the GUI thread.
    finished = Signal(int, object, float)
    failed = Signal(int, str, str)


class BuildJob(QRunnable):
    """One build_report call for one request generation."""

    def __init__(
        self, generation: int, ctx: PatientContext, template: ClinicTemplate, signals: _JobSignals
    ) -> None:
        super().__init__()
        self.generation = generation
        self.ctx = ctx
        self.template = template
        self.signals = signals

    def run(self) -> None:
        started = time.perf_counter()
        try:
            result = build_report(self.ctx, self.template)
        except Exception as exc:
            # Shown in the window; the preview keeps the last good report.
            self.signals.failed.emit(
                self.generation, f"{type(exc).__name__}: {exc}", traceback.format_exc()
            )
            return
        self.signals.finished.emit(self.generation, result, (time.perf_counter() - started) * 1e3)


class ReportBuilder(QObject):
    """``request`` a build; ``built`` fires only for the newest request, after a quiet pause.

    Requests that arrive while a build runs wait for it, then only the newest of them is built:
    the worker never falls behind the typing, and old results never overwrite newer ones.
    """

    built = Signal(object, float)  # BuildResult, build time in ms
    failed = Signal(str, str)  # one-line message, traceback
    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self.generation = 0  # of the newest request
        self.shown_generation = 0  # of the result on screen
        self.dropped = 0  # stale results thrown away (for tests and benchmarks)
        self._pending: tuple[int, PatientContext, ClinicTemplate] | None = None
        self._running = False
        self._signals = _JobSignals(self)
        self._signals.finished.connect(self._on_finished)
        self._signals.failed.connect(self._on_failed)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._start_pending)

    def request(self, ctx: PatientContext, template: ClinicTemplate, delay_ms: int = 0) -> int:
        """Ask for a build of ``ctx`` after ``delay_ms`` of quiet; returns its generation."""
        self.generation += 1
        self._pending = (self.generation, ctx, template)
        self._timer.start(max(0, delay_ms))
        return self.generation

    def cancel(self) -> None:
        """Forget the pending request and drop whatever is running (e.g. the form went invalid)."""
        self.generation += 1
        self._pending = None
        self._timer.stop()

    @property
    def up_to_date(self) -> bool:
        return self.shown_generation == self.generation and not self._running

    def is_busy(self) -> bool:
        return self._running or self._pending is not None

    def wait_for_done(self, msecs: int = 30_000) -> bool:
        return self.pool.waitForDone(msecs)

    def shutdown(self) -> None:
        self.cancel()
        self.pool.waitForDone(30_000)

    def _start_pending(self) -> None:
        if self._running or self._pending is None:
            return  # _on_finished starts the newest pending request
        generation, ctx, template = self._pending
        self._pending = None
        self._running = True
        self.busy_changed.emit(True)
        self.pool.start(BuildJob(generation, ctx, template, self._signals))

    def _job_done(self) -> None:
        self._running = False
        if self._pending is not None and not self._timer.isActive():
            self._start_pending()
        if not self._running:
            self.busy_changed.emit(False)

    def _on_finished(self, generation: int, result: BuildResult, elapsed_ms: float) -> None:
        fresh = generation == self.generation
        self._job_done()
        if not fresh:
            self.dropped += 1
            return
        self.shown_generation = generation
        self.built.emit(result, elapsed_ms)

    def _on_failed(self, generation: int, message: str, details: str) -> None:
        fresh = generation == self.generation
        self._job_done()
        if fresh:
            self.failed.emit(message, details)
