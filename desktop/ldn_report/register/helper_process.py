"""The `ldn-report build` register write, done by a helper process forked when the build starts.

Loading SQLAlchemy takes about 0.1 s, a fifth of a whole `ldn-report build`. The helper loads
it on another core while this process lays the report out, and connects to the register if
that only reads it (it exists at this app's schema: Recorder.prepare); it writes the record
once the report is on disk, so only the INSERT and commit are left by then. This process waits
for its answer, so the record (or the warning that it was queued) is there before the command
ends, as before. Bad input, an error or Ctrl-C before that: the helper exits having created,
migrated and written nothing. Only on Linux (fork is cheap and safe in a process with no
threads, which the command line is); elsewhere, and when the helper cannot be started or dies,
the record is written in this process as it always was.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import sys
import threading
from typing import Any

from .record import Handout

_NO_ANSWER = object()


class RecordingHelper:
    """Fork now (``start``), record later (``record``) or let go (``cancel``)."""

    def __init__(self, register: str | None) -> None:
        self._register = register
        self._pid: int | None = None
        self._send = self._receive = -1

    def start(self) -> RecordingHelper:
        if not sys.platform.startswith("linux") or threading.active_count() > 1:
            return self
        # Nothing of this process's output may be written twice (by the child's copy).
        sys.stdout.flush()
        sys.stderr.flush()
        inbox, send = os.pipe()
        receive, outbox = os.pipe()
        try:
            pid = os.fork()
        except OSError:
            for fd in (inbox, send, receive, outbox):
                os.close(fd)
            return self
        if pid == 0:  # the helper: never returns
            os.close(send)
            os.close(receive)
            _helper(inbox, outbox, self._register)
        os.close(inbox)
        os.close(outbox)
        self._pid, self._send, self._receive = pid, send, receive
        return self

    def record(self, handout: Handout) -> str | None:
        """Record ``handout``: None, or the message saying it was queued (as Recorder.record)."""
        answer: Any = _NO_ANSWER
        if self._pid is not None:
            with contextlib.suppress(OSError):
                _write_all(self._send, json.dumps(handout.to_json()).encode())
            answer = self._finish()
        if answer is _NO_ANSWER:
            # No helper, or it died: write here. The record id is the same, so a record the
            # helper wrote before dying is not stored twice (Register.add skips it).
            from .recorder import Recorder

            recorder = Recorder(self._register)
            try:
                return recorder.record(handout)
            finally:
                recorder.close()
        return answer

    def cancel(self) -> None:
        """Nothing to record (the build failed or was interrupted): the helper sees its input
        end and exits without touching the register; no need to wait for it."""
        if self._pid is not None:
            os.close(self._send)
            os.close(self._receive)
            self._pid = None

    def _finish(self) -> Any:
        os.close(self._send)  # end of input: the helper records what it got, or nothing
        try:
            data = _read_all(self._receive)
        finally:
            os.close(self._receive)
            with contextlib.suppress(ChildProcessError):
                os.waitpid(self._pid, 0)
            self._pid = None
        try:
            return json.loads(data)["message"] if data else _NO_ANSWER
        except (ValueError, KeyError, TypeError):
            return _NO_ANSWER


def _helper(inbox: int, outbox: int, register: str | None) -> None:
    """The forked process: get the register ready, wait for a handout, record it, answer."""
    try:
        # Ctrl-C in the terminal reaches both processes; the command itself decides.
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        import warnings

        warnings.simplefilter("ignore")  # the command prints; the helper never does
        from .recorder import Recorder

        recorder = Recorder(register)
        try:
            # While the report is laid out: SQLAlchemy's import (the slow part), the engine
            # and the schema check. Reads only: the build may still fail.
            recorder.prepare()
            data = _read_all(inbox)
            if data:
                message = recorder.record(Handout.from_json(json.loads(data)))
                _write_all(outbox, json.dumps({"message": message}).encode())
        finally:
            recorder.close()
    except BaseException:
        pass  # no answer: the command records in its own process
    finally:
        os._exit(0)


def _read_all(fd: int) -> bytes:
    chunks = []
    while chunk := os.read(fd, 65536):
        chunks.append(chunk)
    return b"".join(chunks)


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]
