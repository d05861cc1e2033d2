"""Worker processes for the batch: one task at a time each, gone when the parent is gone, and a
worker that dies (killed, out of memory) costs only the task it was running; a new one takes its
place (and the task queued behind it).

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
# Tasks handed to a worker at once: the one it builds and the next, waiting in its pipe, so it
# never waits for the parent between two rows (the parent may be busy writing a file).
_DEPTH = 2


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


def start_server(preload: Sequence[str] = ()) -> None:
    """Start this process's forkserver now, with ``preload`` (see WorkerPool), without waiting
    for it: its warm-up then runs while this process still reads its input, instead of after.
    A later WorkerPool forks from it. No-op where there is no forkserver, or one runs already."""
    ctx = pool_context()
    if ctx.get_start_method() != "forkserver":
        return
    if preload:
        ctx.set_forkserver_preload(list(preload))
    from multiprocessing import forkserver

    forkserver.ensure_running()


# --- the worker process ------------------------------------------------------------------------

_DONE, _RAISED, _SKIPPED = "done", "raised", "skipped"  # how a worker answers a task


def _worker_main(conn: Connection, lifeline: Connection, stopping: Any,
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
        if stopping.is_set():
            # Cancelled while this task waited in the pipe: it never starts.
            reply: tuple[str, Any] = (_SKIPPED, None)
        else:
            try:
                reply = (_DONE, func(item))
            except BaseException as exc:  # handed to the parent, which decides what it means
                reply = (_RAISED, _picklable(exc))
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

_SKIP = object()  # the result of a task a worker skipped (cancelled before it started)


class _Worker:
    def __init__(self, ctx: multiprocessing.context.BaseContext, lifeline: Connection,
                 stopping: Any, initializer: Callable[..., None] | None,
                 initargs: tuple[Any, ...]) -> None:
        self.conn, child = ctx.Pipe(duplex=True)
        self.process = ctx.Process(target=_worker_main, daemon=True,
                                   args=(child, lifeline, stopping, initializer, initargs))
        self.process.start()
        child.close()
        # Tasks sent and not answered, oldest first: the worker runs them in this order, so
        # the first is the one running and the others wait in its pipe.
        self.items: deque[Any] = deque()
        self.broken = False  # a send failed: it gets no more tasks

    def hand_over(self, func: Callable[[Any], Any], item: Any) -> bool:
        """Send a task; False when the worker is already gone."""
        try:
            self.conn.send((func, item))
        except (OSError, ValueError):
            self.broken = True
            return False
        self.items.append(item)
        return True

    def reply(self) -> tuple[Any, Any]:
        """(item, result) for the oldest task sent; the result is WorkerLost if the worker
        died running it, _SKIP if it was cancelled before it started."""
        item = self.items.popleft()
        try:
            if self.conn.poll():
                how, value = self.conn.recv()
                if how == _RAISED:
                    raise value
                return item, _SKIP if how == _SKIPPED else value
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
        # Set when the caller cancels: workers skip the tasks still waiting in their pipes.
        self._stopping = self.ctx.Event()
        self.workers: list[_Worker] = []

    def __enter__(self) -> WorkerPool[Item]:
        return self

    def __exit__(self, exc_type: object, *_: object) -> None:
        self.close(kill=exc_type is not None)

    def map_unordered(self, func: Callable[[Item], Any], items: Iterable[Item],
                      cancel: CancelFlag | None = None) -> Iterator[tuple[Item, Any]]:
        """(item, func(item)) in completion order; (item, WorkerLost) when the worker running
        it died. Once ``cancel`` is set no task starts (but one a worker took from its pipe in
        the moment before this pool saw the flag); the running ones finish and are given; the
        others are neither given nor tried. An exception raised by ``func`` is raised here."""
        pending: deque[Item] = deque(items)
        tries: dict[int, int] = {}
        while True:
            finished = self._hand_out(func, pending, tries, cancel)
            busy = [w for w in self.workers if w.items]
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
                        # The tasks queued behind the lost one never started: a fresh
                        # worker takes them.
                        pending.extendleft(reversed(worker.items))
                        self._replace(worker)
                    if result is not _SKIP:
                        finished.append((item, result))
            # The next tasks go out first: while the caller writes files, each worker builds
            # one and has the next waiting in its pipe.
            finished += self._hand_out(func, pending, tries, cancel)
            for done in finished:
                yield done
                self._notice(cancel)

    def _hand_out(self, func: Callable[[Item], Any], pending: deque[Item],
                  tries: dict[int, int], cancel: CancelFlag | None) -> list[tuple[Any, Any]]:
        """Fill each worker up to _DEPTH tasks from ``pending``; a task whose worker is found
        dead goes back to the front for a fresh worker, and after _START_TRIES comes back as
        WorkerLost."""
        if self._notice(cancel):
            pending.clear()
        lost: list[tuple[Any, Any]] = []
        while pending and (worker := self._worker_with_room()) is not None:
            item = pending.popleft()
            if worker.hand_over(func, item):
                continue
            tries[id(item)] = tries.get(id(item), 0) + 1
            if tries[id(item)] >= _START_TRIES:
                lost.append((item, WorkerLost(worker.process.exitcode)))
            else:
                pending.appendleft(item)
        return lost

    def _notice(self, cancel: CancelFlag | None) -> bool:
        """True once ``cancel`` is set; then the workers skip what waits in their pipes."""
        if cancel is None or not cancel.is_set():
            return False
        self._stopping.set()
        return True

    def _worker_with_room(self) -> _Worker | None:
        """An idle worker, else a new one (up to ``jobs``), else the least busy one with room:
        every worker gets a task before any gets a second."""
        for worker in [w for w in self.workers if w.broken and not w.items]:
            # A worker whose tasks are all answered; one with a task running is replaced
            # when its death (or its answer) is seen with that task.
            self._replace(worker)
        usable = [w for w in self.workers if not w.broken]
        idle = next((w for w in usable if not w.items), None)
        if idle is not None:
            return idle
        if len(self.workers) < self.jobs:
            worker = _Worker(self.ctx, self._lifeline_r, self._stopping, self.initializer,
                             self.initargs)
            self.workers.append(worker)
            return worker
        room = [w for w in usable if len(w.items) < _DEPTH]
        return min(room, key=lambda w: len(w.items)) if room else None

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
