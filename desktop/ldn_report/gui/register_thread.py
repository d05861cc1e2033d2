"""The handout register from the app: every query and write on one worker thread, never the
GUI thread (an unreachable server takes its connect time-out; the window must not freeze)."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal


class _Signals(QObject):
    # Lives in the GUI thread, so the worker's emit is queued to the GUI thread.
    answered = Signal(int, object)  # ticket, what the job returned (or the exception it raised)


class Dropped:
    """The answer of a job dropped before it started (its window closed)."""


class _Job(QRunnable):
    def __init__(self, ticket: int, work: Callable[[], Any], signals: _Signals,
                 dropped: Callable[[int], bool]) -> None:
        super().__init__()
        self.ticket, self.work, self.signals, self.dropped = ticket, work, signals, dropped

    def run(self) -> None:
        try:
            result = Dropped() if self.dropped(self.ticket) else self.work()
        except Exception as exc:  # handed to the GUI thread, which says it; never lost here
            result = exc
        self.signals.answered.emit(self.ticket, result)


class RegisterThread(QObject):
    """Runs register jobs one at a time, in order, on one long-lived thread (a register's
    connections stay on it). ``answered`` fires in the GUI thread with each job's ticket."""

    answered = Signal(int, object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self.pool.setExpiryTimeout(-1)  # the same thread for every job
        self._tickets = itertools.count(1)
        self.waiting: set[int] = set()  # submitted, not yet answered
        self._dropped_up_to = 0  # jobs with this ticket or lower are not run
        self._signals = _Signals(self)
        self._signals.answered.connect(self._on_answered)

    def submit(self, work: Callable[[], Any]) -> int:
        """Run ``work()`` on the register thread after the jobs before it; its ticket."""
        ticket = next(self._tickets)
        self.waiting.add(ticket)
        self.pool.start(_Job(ticket, work, self._signals,
                             lambda t: t <= self._dropped_up_to))
        return ticket

    @property
    def busy(self) -> bool:
        return bool(self.waiting)

    def drop_queued(self) -> None:
        """Jobs not started yet are not run, but answered with Dropped (the window closes;
        the caller keeps their work); the running one finishes."""
        self._dropped_up_to = max(self.waiting, default=self._dropped_up_to)

    def _on_answered(self, ticket: int, result: object) -> None:
        self.waiting.discard(ticket)
        self.answered.emit(ticket, result)
