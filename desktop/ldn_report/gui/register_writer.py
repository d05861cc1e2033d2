"""Records of the reports that leave the app, written on the register thread: the export or
print is done before the register is reached, and a failure comes back to the status line."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from ..register.record import Handout
from ..register.recorder import Recorder
from .register_thread import RegisterThread


class RecordWriter(QObject):
    """``record`` returns at once; ``failed`` fires (GUI thread) when a record could not be
    written and was queued for retry instead."""

    failed = Signal(str, str)  # the status line shown with the output, the sentence to add

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.jobs = RegisterThread(self)
        self.jobs.answered.connect(self._on_answered)
        # Used on the register thread only: one open register, kept between records.
        self._recorder: Recorder | None = None
        self._recorder_for = ""
        # ticket -> (record, register setting, status line): for the answer, and at close.
        self._sent: dict[int, tuple[Handout, str, str]] = {}

    @property
    def busy(self) -> bool:
        return self.jobs.busy

    def record(self, handout: Handout, register: str, status: str) -> int:
        """Write ``handout`` to the register the setting ``register`` names ("" = default)."""
        ticket = self.jobs.submit(lambda: self._write(handout, register))
        self._sent[ticket] = (handout, register, status)
        return ticket

    def _write(self, handout: Handout, register: str) -> str:
        # On the register thread. Recorder.record never raises: a failure is queued, said.
        if self._recorder is None or self._recorder_for != register:
            self._close_recorder()
            self._recorder, self._recorder_for = Recorder(register or None), register
        return self._recorder.record(handout) or ""

    def _close_recorder(self) -> None:
        if self._recorder is not None:
            self._recorder.close()
            self._recorder = None

    def _on_answered(self, ticket: int, result: object) -> None:
        handout, register, status = self._sent.pop(ticket, (None, "", ""))
        if handout is None:
            return  # closed meanwhile: already in the retry queue
        if isinstance(result, Exception):  # a bug, not a register problem: keep the record
            result = Recorder(register or None).queue_only([handout]) or ""
        if result:
            self.failed.emit(status, str(result))

    def close(self) -> None:
        """The window closes. Records not written yet go to the retry queue now (a local
        file: quick); one being written to a server that hangs finishes or fails on its own
        (its record id keeps it from being stored twice)."""
        self.jobs.drop_queued()
        by_register: dict[str, list[Handout]] = {}
        for handout, register, _status in self._sent.values():
            by_register.setdefault(register, []).append(handout)
        self._sent.clear()
        for register, handouts in by_register.items():
            Recorder(register or None).queue_only(handouts)
        self.jobs.submit(self._close_recorder)
