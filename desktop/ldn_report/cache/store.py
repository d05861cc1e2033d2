"""Cache entries on disk: one file per source, trusted only when its key and checksum match.

An entry is ``MAGIC``, the key it was made for (hex), the SHA-256 of its payload (hex) and the
payload. The key is a hash of everything the payload depends on (the source's bytes, the app's
and the library's versions, the code that made it), so a stale entry (the font or pack changed,
the app was updated) or a foreign one (another file's entry copied over it) does not match and
is rebuilt; a truncated or corrupt one fails the checksum and is rebuilt. Nothing here ever
stops a build: a missing, unreadable or read-only cache folder just means no cache.

The checksum proves an entry whole, not who wrote it, and a stored page is drawn into a
patient's report as it is: so an entry is only read if this user alone could have written it
(a regular file, not a link, owned by the user and writable by no one else, in a folder of the
same kind) and is no larger than MAX_ENTRY_BYTES. LDN_REPORT_CACHE pointed at a shared folder
therefore caches nothing rather than trusting what others put there.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import os
import stat
import sys
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import TypeVar

from .. import __version__
from ..atomic import atomic_write

MAGIC = b"ldn-report cache 1\n"
ENV_VAR = "LDN_REPORT_CACHE"  # a folder to use instead of the user cache folder ("" for none)
_HEX = 64
# Far above any real entry (a parsed CJK face is a few MB): a bound on what a read may take.
MAX_ENTRY_BYTES = 64 * 1024 * 1024
T = TypeVar("T")

# Reads and writes of this process, by kind: what the tests and benchmarks look at.
stats: dict[str, int] = {"hit": 0, "miss": 0, "rejected": 0, "written": 0}


def cache_folder() -> Path | None:
    """$LDN_REPORT_CACHE if set (empty: no cache), else the user cache folder."""
    if ENV_VAR in os.environ:
        value = os.environ[ENV_VAR]
        return Path(value) if value else None
    import platformdirs

    return Path(platformdirs.user_cache_dir("ldn-report", appauthor=False))


def content_key(*parts: bytes | str) -> str:
    """A key over ``parts`` plus this app's and Python's versions (hex SHA-256)."""
    digest = hashlib.sha256()
    for part in (__version__, sys.version, *parts):
        data = part.encode() if isinstance(part, str) else part
        digest.update(len(data).to_bytes(8, "big"))  # so ("ab", "c") differs from ("a", "bc")
        digest.update(data)
    return digest.hexdigest()


def code_of(*modules: ModuleType) -> bytes:
    """The source of ``modules``, for a key: a changed reader makes a new key. A frozen app
    (the PyInstaller bundle) has no source files; its code changes only with its version, which
    every key holds."""
    out = []
    for module in modules:
        try:
            out.append(Path(module.__file__ or "").read_bytes())
        except OSError:
            out.append(module.__name__.encode())
    return b"\0".join(out)


def _path(kind: str, name: str) -> Path | None:
    folder = cache_folder()
    return folder / kind / f"{name}.cache" if folder is not None else None


def read_entry(kind: str, name: str, key: str, decode: Callable[[bytes], T | None]) -> T | None:
    """``decode(payload)`` of the entry stored for ``name`` if it was made for ``key`` and is
    whole, else None; ``decode`` returns None for a payload it does not accept."""
    path = _path(kind, name)
    try:
        data = _read_private(path) if path is not None else b""
    except OSError:
        data = b""
    if data is None:  # there, but not this user's alone or too large: never trusted
        stats["rejected"] += 1
        return None
    if not data:
        stats["miss"] += 1
        return None
    head = len(MAGIC)
    stored_key = data[head:head + _HEX]
    digest = data[head + _HEX + 1:head + 2 * _HEX + 1]
    payload = data[head + 2 * _HEX + 2:]
    if (not data.startswith(MAGIC) or stored_key != key.encode()
            or digest != hashlib.sha256(payload).hexdigest().encode()):
        stats["rejected"] += 1
        return None
    value = decode(payload)
    stats["hit" if value is not None else "rejected"] += 1
    return value


def write_entry(kind: str, name: str, key: str, payload: bytes) -> None:
    """Store ``payload`` for ``name`` (atomically, readable by the user only); a folder that
    cannot be made or written is left alone: the next run parses again."""
    path = _path(kind, name)
    if path is None:
        return
    entry = b"".join((MAGIC, key.encode(), b"\n",
                      hashlib.sha256(payload).hexdigest().encode(), b"\n", payload))
    with contextlib.suppress(OSError):
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        if not _private(os.stat(path.parent)):
            return  # it would never be read back (see _read_private)
        atomic_write(path, entry, mode=0o600)
        stats["written"] += 1


def _private(st: os.stat_result) -> bool:
    """Owned by this user and writable by no one else (where the system has owners)."""
    if not hasattr(os, "getuid"):
        return True
    return st.st_uid == os.getuid() and not st.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


def _read_private(path: Path) -> bytes | None:
    """The entry's bytes if only this user could have written it (see the module docstring),
    None if it is there but not to be trusted. Opened without following a link and without
    blocking (a FIFO planted there must not hang a build), and checked on the open file, so
    it cannot be swapped between the check and the read. OSError: not there or unreadable."""
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        fd = os.open(path, flags)
    except OSError as error:
        if error.errno == errno.ELOOP:  # a link where an entry belongs
            return None
        raise
    with os.fdopen(fd, "rb") as handle:
        entry = os.fstat(fd)
        if (not stat.S_ISREG(entry.st_mode) or not _private(entry)
                or not _private(os.stat(path.parent)) or entry.st_size > MAX_ENTRY_BYTES):
            return None
        data = handle.read(MAX_ENTRY_BYTES + 1)
    return data if len(data) <= MAX_ENTRY_BYTES else None
