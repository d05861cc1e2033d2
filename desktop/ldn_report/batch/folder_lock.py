"""The output-folder lock: one batch at a time writes into a folder, the others wait or refuse."""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Iterator
from pathlib import Path

from ..atomic import atomic_write
from ..errors import InputError
from .workers import CancelFlag

LOCK_NAME = ".ldn-report-batch.lock"
WAIT_SECONDS = 5.0  # how long a second batch waits for the first before it refuses
_POLL_SECONDS = 0.1

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None  # type: ignore[assignment]


@contextlib.contextmanager
def output_folder_lock(folder: Path, wait: float | None = None,
                       cancel: CancelFlag | None = None) -> Iterator[Path]:
    """Hold the folder's lock for the ``with`` block; InputError (field ``-o``) naming the
    folder when another batch still holds it after ``wait`` seconds (WAIT_SECONDS), or when
    ``cancel`` is set while waiting.

    The lock is the kernel's (flock on a file in the folder), so it ends with its process,
    even after ``kill -9``; the lock file itself stays and is harmless.
    """
    path = folder / LOCK_NAME
    deadline = time.monotonic() + (WAIT_SECONDS if wait is None else wait)
    while True:
        fd = _open_lock_file(path)
        try:
            if _try_lock(fd):
                # A lock on a file another batch has just replaced would lock nothing.
                if _same_file(fd, path):
                    break
            elif time.monotonic() >= deadline:
                raise InputError("-o", f"another batch is writing into {folder} now; wait for "
                                 "it to finish, or choose another output folder")
            elif cancel is not None and cancel.is_set():
                raise InputError("-o", f"stopped while waiting for another batch to finish "
                                 f"writing into {folder}; nothing was built")
        except BaseException:
            os.close(fd)
            raise
        os.close(fd)
        time.sleep(_POLL_SECONDS)
    try:
        yield path
    finally:
        os.close(fd)  # closing the file releases the lock


def _open_lock_file(path: Path) -> int:
    try:
        return os.open(path, os.O_RDONLY)
    except FileNotFoundError:
        # Empty, private; created once and never replaced while it exists (see _same_file).
        atomic_write(path, b"", mode=0o600, cleanup=False)
        return os.open(path, os.O_RDONLY)


def _try_lock(fd: int) -> bool:
    if fcntl is None:
        import msvcrt

        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def _same_file(fd: int, path: Path) -> bool:
    try:
        opened, current = os.fstat(fd), path.stat()
    except OSError:
        return False
    return (opened.st_dev, opened.st_ino) == (current.st_dev, current.st_ino)
