"""Worker processes for the batch: one task at a time each, gone when the parent is gone, and a
worker that dies (killed, out of memory) costs only the task it had; a new one takes its place.

Why not ProcessPoolExecutor: its workers outlive a killed parent (each holds both ends of its
call queue, so it never sees EOF), and one dead worker breaks the whole pool, failing every
task in flight without saying which task the dead worker had.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import pickle
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from typing import Any, Generic, Protocol, TypeVar

Item = TypeVar("Item")

_POLL_SECONDS = 0.25  # how often a cancel flag is looked at while workers are busy
_CLOSE_SECONDS = 10.0  # how long an idle worker gets to exit before it is killed
_START_TRIES = 3  # a task whose worker dies before it can be handed over is tried this often


class CancelFlag(Protocol):
    def is_set(self) -> bool: ...


@dataclass(frozen=True)
class WorkerLost:
    """What is known when the worker running a task died: its exit code (-N: signal N)."""

    exitcode: int | None

    @property
    def message(self) -> str:
        code = self.exitcode
        if code is not None and code < 0:
            try:
                name = signal.Signals(-code).name
            except ValueError:
                name = f"signal {-code}"
            how = f"was killed ({name}{', often: out of memory' if name == 'SIGKILL' else ''})"
        elif code is None:
            how = "stopped answering"
        else:
            how = f"ended unexpectedly (exit code {code})"
        return (f"the worker process building this report {how}; the other rows went on. "
                "Run the batch again to build this row")


def pool_context() -> multiprocessing.context.BaseContext:
    # Not fork: the GUI runs batches from a Qt process with threads.
    return multiprocessing.get_context("forkserver" if sys.platform != "win32" else "spawn")


# --- the worker process ------------------------------------------------------------------------

def _worker_main(conn: Connection, lifeline: Connection,
                 initializer: Callable[..., None] | None, initargs: tuple[Any, ...]) -> None:
    # The parent decides when to stop, after saving the manifest: a Ctrl-C or SIGTERM sent to
    # the whole process group must not kill a worker in the middle of a report.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    threading.Thread(target=_exit_when_parent_dies, args=(lifeline,), daemon=True).start()
    if initializer is not None:
        initializer(*initargs)
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        if job is None:
            return
        func, item = job
        try:
            reply: tuple[bool, Any] = (True, func(item))
        except BaseException as exc:  # handed to the parent, which decides what it means
            reply = (False, _picklable(exc))
        try:
            conn.send(reply)
        except (EOFError, OSError):
            return


def _exit_when_parent_dies(lifeline: Connection) -> None:
    """The parent holds the only write end of ``lifeline`` and never writes: reading it ends
    (EOF) exactly when the parent is gone, however it died (kill -9 included)."""
    with contextlib.suppress(BaseException):
        lifeline.recv()
    os._exit(1)


def _picklable(exc: BaseException) -> BaseException:
    try:
        pickle.loads(pickle.dumps(exc))
    except Exception:
        return RuntimeError(f"{type(exc).__name__}: {exc}")
    return exc


# --- the parent side ---------------------------------------------------------------------------

_IDLE = object()


class _Worker:
    def __init__(self, ctx: multiprocessing.context.BaseContext, lifeline: Connection,
                 initializer: Callable[..., None] | None, initargs: tuple[Any, ...]) -> None:
        self.conn, child = ctx.Pipe(duplex=True)
        self.process = ctx.Process(target=_worker_main, daemon=True,
                                   args=(child, lifeline, initializer, initargs))
        self.process.start()
        child.close()
        self.item: Any = _IDLE

    def hand_over(self, func: Callable[[Any], Any], item: Any) -> bool:
        """Send a task; False when the worker is already gone."""
        try:
            self.conn.send((func, item))
        except (OSError, ValueError):
            return False
        self.item = item
        return True

    def reply(self) -> tuple[Any, Any]:
        """(item, result) for the task just finished; the result is WorkerLost if it died."""
        item, self.item = self.item, _IDLE
        try:
            if self.conn.poll():
                ok, value = self.conn.recv()
                if not ok:
                    raise value
                return item, value
        except (EOFError, OSError):
            pass
        self.process.join(5)
        return item, WorkerLost(self.process.exitcode)

    def stop(self, kill: bool) -> None:
        with contextlib.suppress(OSError, ValueError):
            if kill:
                self.process.kill()
            else:
                self.conn.send(None)

    def dispose(self) -> None:
        if self.process.is_alive():
            self.process.kill()
        self.process.join(5)
        self.conn.close()


class WorkerPool(Generic[Item]):
    """``jobs`` worker processes started on demand; use as a context manager.

    ``preload``: modules the forkserver imports before it forks any worker, so that what they
    load is in every worker from the start. It takes effect when this process's forkserver
    starts (with its first pool); later pools fork from the same, already warm, server.
    """

    def __init__(self, jobs: int, initializer: Callable[..., None] | None = None,
                 initargs: tuple[Any, ...] = (), preload: Sequence[str] = ()) -> None:
        self.jobs = max(1, jobs)
        self.initializer, self.initargs = initializer, initargs
        self.ctx = pool_context()
        if preload and self.ctx.get_start_method() == "forkserver":
            self.ctx.set_forkserver_preload(list(preload))
        self._lifeline_r, self._lifeline_w = self.ctx.Pipe(duplex=False)
        self.workers: list[_Worker] = []

    def __enter__(self) -> WorkerPool[Item]:
        return self

    def __exit__(self, exc_type: object, *_: object) -> None:
        self.close(kill=exc_type is not None)

    def map_unordered(self, func: Callable[[Item], Any], items: Iterable[Item],
                      cancel: CancelFlag | None = None) -> Iterator[tuple[Item, Any]]:
        """(item, func(item)) in completion order; (item, WorkerLost) when the worker running
        it died. Once ``cancel`` is set no task starts; the running ones finish and are given.
        An exception raised by ``func`` is raised here."""
        pending: deque[Item] = deque(items)
        tries: dict[int, int] = {}
        while True:
            finished = self._hand_out(func, pending, tries, cancel)
            busy = [w for w in self.workers if w.item is not _IDLE]
            if not busy and not finished:
                if not pending:
                    return
                continue  # every hand-over failed: fresh workers try again
            ready = set(wait([w.conn for w in busy] + [w.process.sentinel for w in busy],
                             timeout=0 if finished else _POLL_SECONDS))
            for worker in busy:
                if worker.conn in ready or worker.process.sentinel in ready:
                    item, result = worker.reply()
                    if isinstance(result, WorkerLost):
                        self._replace(worker)
                    finished.append((item, result))
            # The next tasks go out first, so workers build while the caller writes files.
            finished += self._hand_out(func, pending, tries, cancel)
            yield from finished

    def _hand_out(self, func: Callable[[Item], Any], pending: deque[Item],
                  tries: dict[int, int], cancel: CancelFlag | None) -> list[tuple[Any, Any]]:
        """Give each idle worker a pending task; a task whose worker is found dead goes back
        to the front for a fresh worker, and after _START_TRIES comes back as WorkerLost."""
        if cancel is not None and cancel.is_set():
            pending.clear()
        lost: list[tuple[Any, Any]] = []
        for worker in self._idle_workers(len(pending)):
            item = pending.popleft()
            if worker.hand_over(func, item):
                continue
            self._replace(worker)
            tries[id(item)] = tries.get(id(item), 0) + 1
            if tries[id(item)] >= _START_TRIES:
                lost.append((item, WorkerLost(worker.process.exitcode)))
            else:
                pending.appendleft(item)
        return lost

    def _idle_workers(self, wanted: int) -> list[_Worker]:
        idle = [w for w in self.workers if w.item is _IDLE]
        while len(idle) < wanted and len(self.workers) < self.jobs:
            worker = _Worker(self.ctx, self._lifeline_r, self.initializer, self.initargs)
            self.workers.append(worker)
            idle.append(worker)
        return idle[:wanted]

    def _replace(self, worker: _Worker) -> None:
        """Drop a dead worker; a new one is started when there is work for it."""
        self.workers.remove(worker)
        worker.dispose()

    def close(self, kill: bool = False) -> None:
        """Stop every worker: idle ones exit at once; with ``kill`` busy ones are killed."""
        for worker in self.workers:
            worker.stop(kill)
        deadline = time.monotonic() + _CLOSE_SECONDS
        for worker in self.workers:
            worker.process.join(max(0.0, deadline - time.monotonic()))
        for worker in self.workers:
            worker.dispose()
        self.workers.clear()
        self._lifeline_w.close()
        self._lifeline_r.close()
