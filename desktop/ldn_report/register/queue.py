"""Records that could not be written yet: a small 0600 file in the user data folder, retried on
the next write or open of the register."""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import json
import os
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from ..atomic import atomic_write
from ..errors import InputError
from ..untrusted.files import decode_utf8, read_regular_file
from .location import QUEUE_NAME, RegisterLocation, data_dir
from .record import Handout

MAX_QUEUE_BYTES = 64 * 1024 * 1024


def queue_path() -> Path:
    return data_dir() / QUEUE_NAME


def location_key(location: RegisterLocation) -> str:
    # A digest, not the URL: the queue file must not hold a database password.
    return hashlib.sha256(location.url.encode("utf-8")).hexdigest()[:16]


@contextlib.contextmanager
def _locked() -> Iterator[Path]:
    """The queue file, held by this process alone (other apps and batches wait)."""
    path = queue_path()
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    lock = path.with_name(path.name + ".lock")
    while True:
        if not lock.exists():
            atomic_write(lock, b"", mode=0o600, cleanup=False)
        fd = os.open(lock, os.O_RDONLY)  # flock needs no write access
        fcntl.flock(fd, fcntl.LOCK_EX)
        # Two first users may both have made the lock file: only the one on disk counts.
        if lock.exists() and os.path.samestat(os.fstat(fd), lock.stat()):
            break
        os.close(fd)
    try:
        yield path
    finally:
        os.close(fd)


def _read_lines(path: Path, *, writing: bool = False) -> list[str]:
    """The queue's lines. An unreadable queue is read as empty; before a write it is moved
    aside (kept for a person to look at), never overwritten."""
    if not path.exists() and not path.is_symlink():
        return []
    try:
        raw = read_regular_file(path, MAX_QUEUE_BYTES, field="register queue")
        return [line for line in decode_utf8(raw, field="register queue").splitlines() if line]
    except InputError:
        if writing:
            os.replace(path, path.with_name(f"{path.name}.unreadable-{int(time.time())}"))
        return []


def enqueue(location: RegisterLocation, records: list[Handout]) -> None:
    """Keep ``records`` for a later retry. Raises OSError when even that cannot be written."""
    key = location_key(location)
    with _locked() as path:
        lines = _read_lines(path, writing=True)
        lines += [json.dumps({"register": key, "record": r.to_json()}, ensure_ascii=False)
                  for r in records]
        atomic_write(path, "\n".join(lines) + "\n", mode=0o600)


def pending(location: RegisterLocation) -> int:
    key = location_key(location)
    with _locked() as path:
        return sum(1 for line in _read_lines(path) if _entry(line, key) is not None)


def flush(location: RegisterLocation, store: Callable[[list[Handout]], object]) -> int:
    """Hand this register's queued records to ``store`` (one transaction); on success they
    leave the queue. Lines for other registers, or that cannot be read, stay. The count."""
    key = location_key(location)
    with _locked() as path:
        lines = _read_lines(path)
        mine = [(line, _entry(line, key)) for line in lines]
        records = [record for _line, record in mine if record is not None]
        if not records:
            return 0
        store(records)  # raises: nothing leaves the queue
        rest = [line for line, record in mine if record is None]
        if rest:
            atomic_write(path, "\n".join(rest) + "\n", mode=0o600)
        else:
            path.unlink(missing_ok=True)
        return len(records)


def _entry(line: str, key: str) -> Handout | None:
    try:
        data = json.loads(line)
        if data.get("register") != key:
            return None
        return Handout.from_json(data["record"])
    except (ValueError, TypeError, KeyError, AttributeError):
        return None
