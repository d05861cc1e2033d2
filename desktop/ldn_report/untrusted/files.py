"""The one way the app reads a user's file: regular files only, size-bounded, never blocking."""

from __future__ import annotations

import codecs
import errno
import os
import stat
from pathlib import Path

from ..errors import InputError

CHUNK = 1 << 16
_KINDS = ((stat.S_ISDIR, "a folder"), (stat.S_ISFIFO, "a pipe (FIFO)"),
          (stat.S_ISSOCK, "a socket"), (stat.S_ISCHR, "a device"), (stat.S_ISBLK, "a device"))


def read_regular_file(path: str | os.PathLike[str], max_bytes: int, *, field: str = "",
                      what: str = "file", where: str | None = None) -> bytes:
    """The bytes of ``path`` if it is a regular file of at most ``max_bytes``; else InputError.

    Opened with O_NONBLOCK and checked with fstat on the opened descriptor (not the path, which
    could be swapped in between): a FIFO with no writer, /dev/zero or a socket never hangs the
    app or fills its memory. The limit is applied while reading, so a file that grows (or lies
    about its size) is still cut off. ``field``/``where`` say whose path it is in messages.
    """
    path = Path(path)
    where = str(path) if where is None else where
    flags = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        raise InputError(field, "file not found", where=where) from None
    except OSError as exc:
        if exc.errno == errno.ENXIO:  # a socket, or a FIFO opened for writing only
            raise InputError(field, f"is not a regular file; give a {what}", where=where) \
                from None
        raise InputError(field, f"cannot be read ({exc.strerror})", where=where) from None
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            kind = next((name for test, name in _KINDS if test(mode)), "not a regular file")
            raise InputError(field, f"is {kind}, not a regular file; give a {what}", where=where)
        chunks: list[bytes] = []
        size = 0
        while True:
            chunk = os.read(fd, min(CHUNK, max_bytes + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
            if size > max_bytes:
                raise InputError(field, f"is larger than {_size(max_bytes)}; a {what} is at "
                                 f"most {_size(max_bytes)}", where=where)
        return b"".join(chunks)
    except OSError as exc:
        raise InputError(field, f"cannot be read ({exc.strerror})", where=where) from None
    finally:
        os.close(fd)


def _size(n: int) -> str:
    if n >= 1024 * 1024:
        return f"{n / 1024 / 1024:g} MB"
    if n >= 1024:
        return f"{n / 1024:g} KB"
    return f"{n} bytes"


# Longest first: the UTF-32 LE mark begins with the UTF-16 LE one.
_BOMS = ((codecs.BOM_UTF32_LE, "UTF-32"), (codecs.BOM_UTF32_BE, "UTF-32"),
         (codecs.BOM_UTF16_LE, "UTF-16"), (codecs.BOM_UTF16_BE, "UTF-16"))


def decode_utf8(raw: bytes, *, field: str = "", where: str = "", hint: str = "") -> str:
    """UTF-8 text (a leading BOM is fine); other encodings are named in the message.

    ``hint`` tells the user how to fix it, e.g. "save the list as 'CSV UTF-8'".
    """
    fix = f"; {hint}" if hint else "; save it as UTF-8"
    for bom, name in _BOMS:
        if raw.startswith(bom):
            raise InputError(field, f"is {name} text; only UTF-8 (with or without a BOM) is "
                             f"allowed{fix}", where=where)
    guess = _guess_wide(raw)
    if guess:
        raise InputError(field, f"looks like {guess} text (without a BOM); only UTF-8 (with or "
                         f"without a BOM) is allowed{fix}", where=where)
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(field, f"is not UTF-8 text (byte 0x{raw[exc.start]:02X} at offset "
                         f"{exc.start}); only UTF-8 (with or without a BOM) is allowed{fix}",
                         where=where) from None


def _guess_wide(raw: bytes) -> str:
    """UTF-16 or UTF-32 without a BOM: Latin text in them has NUL bytes in fixed places."""
    head = raw[:512]
    if len(head) < 8:
        return ""

    def nul_share(offsets: tuple[int, ...], step: int) -> float:
        picked = [head[i] for i in range(len(head)) if i % step in offsets]
        return picked.count(0) / max(1, len(picked))

    if nul_share((1, 2, 3), 4) > 0.9 or nul_share((0, 1, 2), 4) > 0.9:
        return "UTF-32"
    for nul, letters in (((1,), (0,)), ((0,), (1,))):
        if nul_share(nul, 2) > 0.9 and nul_share(letters, 2) < 0.1:
            return "UTF-16"
    return ""
