"""Digests of the files a report build reads, for the batch build key (when a rerun may skip)."""

from __future__ import annotations

import contextlib
import hashlib
import os
import stat

from ..paths import EVIDENCE_DIR, FONTS_DIR

_CHUNK = 1 << 20
_MAX_BYTES = 64 * 1024 * 1024  # more than any template, logo or resource file the build accepts


def file_digest(path: str | os.PathLike[str]) -> str:
    """SHA-256 of a regular file's bytes; "" for no path, or "missing"/"unreadable" (which then
    differ from any real content, so a row built with the file is rebuilt without it)."""
    if not str(path):
        return ""
    try:
        # O_NONBLOCK and the regular-file check: a path swapped for a FIFO or a device must not
        # hang or flood the batch (the build refuses such a logo anyway).
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except FileNotFoundError:
        return "missing"
    except OSError:
        return "unreadable"
    digest = hashlib.sha256()
    with contextlib.closing(os.fdopen(fd, "rb", buffering=0)) as handle:
        with contextlib.suppress(OSError):
            if not stat.S_ISREG(os.fstat(fd).st_mode):
                return "not a file"
        read = 0
        try:
            while chunk := handle.read(_CHUNK):
                digest.update(chunk)
                read += len(chunk)
                if read > _MAX_BYTES:
                    return "too large"
        except OSError:
            return "unreadable"
    return digest.hexdigest()


def resources_digest() -> str:
    """One digest of the bundled evidence pack and fonts: a new pack or font rebuilds rows."""
    digest = hashlib.sha256()
    for folder in (EVIDENCE_DIR, FONTS_DIR):
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            digest.update(f"{path.relative_to(folder.parent).as_posix()}\0"
                          f"{file_digest(path)}\n".encode())
    return digest.hexdigest()
