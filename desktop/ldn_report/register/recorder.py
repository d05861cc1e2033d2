"""The one interface the app's outputs use: record what left the app, never block it."""

from __future__ import annotations

import contextlib
import os
from typing import TYPE_CHECKING, Any

from ..errors import InputError
from .errors import RegisterError, missing_library
from .location import ENV_VAR, RegisterLocation, resolve_location
from .record import Handout, handout_for

if TYPE_CHECKING:
    from .helper_process import RecordingHelper


class Recorder:
    """Writes records to one register, opened on first use and kept open (GUI, batch).

    ``record`` never raises: when the register cannot be written the records are queued and
    the returned message says so (None when all went in).
    """

    def __init__(self, option: str | RegisterLocation | None = None) -> None:
        """``option``: a --register value (None: LDN_REGISTER, the setting, the default)."""
        self._problem = ""
        if isinstance(option, RegisterLocation):
            self.location = option
        else:
            try:
                self.location = resolve_location(option)
            except InputError as error:
                # A wrong address must not stop the report: its records wait in the queue,
                # keyed by what was typed, until the address is put right.
                self._problem = str(error)
                self.location = RegisterLocation(option or os.environ.get(ENV_VAR, ""), "")
        self._register: Any = None
        self._flushed = False  # the queue is flushed once per open, before the first record
        self._early_error: BaseException | None = None

    def prepare(self) -> None:
        """Get ready to record, reading the register only: load the database code and, if the
        register is there at this app's schema, connect to it (store.open_existing_register).

        Creating or migrating it, flushing the queue and writing wait for ``record``, so a
        command that fails before it records has changed nothing. A failure here is kept and
        reported by the next ``record`` as if it had happened there: one try per open.
        """
        if self._problem or self._register is not None:
            return
        try:
            from .store import open_existing_register

            self._register = open_existing_register(self.location)
        except Exception as error:  # RegisterError, a missing library, ...: as in record()
            self._early_error = error

    @property
    def is_open(self) -> bool:
        """Whether the register is open (by prepare, or by a record before)."""
        return self._register is not None

    def record(self, records: Handout | list[Handout]) -> str | None:
        batch = [records] if isinstance(records, Handout) else list(records)
        try:
            register = self._open()
            register.add(batch)
            return None
        except RegisterError as error:
            self.close()  # reopened next time: the server may be back, the lock gone
            return self._queue(batch, str(error))
        except ImportError as error:  # SQLAlchemy or Alembic missing (the driver is above)
            self.close()
            return self._queue(batch, str(missing_library(error, self.location.label)))
        except Exception as error:  # e.g. a missing migration file: still never blocks
            self.close()
            return self._queue(batch, f"the register could not be used ({type(error).__name__})")

    def _open(self) -> Any:
        if self._problem:
            raise RegisterError(f"the register address is wrong: {self._problem}")
        if self._early_error is not None:
            error, self._early_error = self._early_error, None
            raise error
        if self._register is None:
            from .store import open_register

            self._register = open_register(self.location)
        if not self._flushed:
            from . import queue

            self._flushed = True
            # On failure the queue stays for the next open: it must not hold up this record.
            with contextlib.suppress(RegisterError, OSError):
                queue.flush(self.location, self._register.add)
        return self._register

    def queue_only(self, records: list[Handout]) -> str | None:
        """Queue ``records`` without trying the register (it failed moments ago)."""
        return self._queue(records, "") if records else None

    def _queue(self, batch: list[Handout], why: str) -> str:
        from . import queue

        try:
            queue.enqueue(self.location, batch)
        except OSError as error:
            return (f"handout register not written: {why}; the record could not be queued "
                    f"either ({error.strerror})")
        return f"handout register not written: {why}; the record is queued and retried next time"

    def close(self) -> None:
        if self._register is not None:
            self._register.close()
            self._register = None
        self._flushed = False


def record_output(ctx: Any, report: Any, content_hash: str, kind: str, destination: str, *,
                  data: bytes | str | None = None, template_ref: str = "",
                  recorder: Recorder | RecordingHelper | None = None,
                  register: str | None = None) -> str | None:
    """Record one report that left the app (file ``destination`` or a printer's name).

    The message to show when the register could not be written (the record is queued), else
    None. With no ``recorder`` one is opened for this call and closed after.
    """
    handout = output_handout(ctx, report, content_hash, kind, destination, data=data,
                             template_ref=template_ref)
    if recorder is not None:
        return recorder.record(handout)
    own = Recorder(register)
    try:
        return own.record(handout)
    finally:
        own.close()


def output_handout(ctx: Any, report: Any, content_hash: str, kind: str, destination: str, *,
                   data: bytes | str | None = None, template_ref: str = "") -> Handout:
    """The record of one built report going out as ``kind`` to ``destination``."""
    meta = report.meta
    return handout_for(ctx, template=meta.template_name, pack_version=meta.pack_version,
                       language=meta.language, content_hash=content_hash, kind=kind,
                       destination=destination, template_ref=template_ref, data=data)
