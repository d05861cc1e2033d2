"""Hostile things to point a path at: /dev/zero, a FIFO with no writer, a folder, a socket,
a file one byte over its limit; and hostile file contents: deep nesting, huge numbers."""

from __future__ import annotations

import contextlib
import os
import socket
from collections.abc import Callable, Iterator
from pathlib import Path

DEEP_JSON = "[" * 1000 + "]" * 1000
DEEP_JSON_OBJECT = '{"schema_version": 1, "notes": ' + '{"a": ' * 1000 + "1" + "}" * 1001
HUGE_INT_JSON = '{"schema_version": ' + "1" * 5000 + "}"
DEEP_TOML = 'format_version = 1\nname = "X"\ndescription = ' + "[" * 1000 + "]" * 1000 + "\n"
HUGE_INT_TOML = "format_version = " + "1" * 5000 + '\nname = "X"\n'
HUGE_HEX_TOML = "format_version = 0x" + "f" * 5000 + '\nname = "X"\n'
# Hostile contents of a JSON file (context, settings, draft), each with a word its message says.
BAD_JSON = {
    "1000 nested lists": (DEEP_JSON, "nested too deeply"),
    "1000 nested objects": (DEEP_JSON_OBJECT, "nested too deeply"),
    "5000-digit integer": (HUGE_INT_JSON, "5,000 digits"),
    "1e999": ('{"schema_version": 1e999}', "finite"),
    "NaN": ('{"schema_version": NaN}', "finite"),
    "-Infinity": ('{"schema_version": -Infinity}', "finite"),
    "UTF-32": ("\ufeff{}".encode("utf-32-le"), "UTF-32"),
}
BAD_TOML = {
    "1000 nested arrays": (DEEP_TOML, "nested too deeply"),
    "1000 nested inline tables": ('format_version = 1\nname = "X"\nx = ' + "{a = " * 1000,
                                  "nested too deeply"),
    "5000-digit integer": (HUGE_INT_TOML, "5,000 digits"),
    "5000-digit hex integer": (HUGE_HEX_TOML, "digits"),
    "UTF-32": ('format_version = 1\nname = "X"\n'.encode("utf-32"), "UTF-32"),
}


def write(path: Path, data: str | bytes) -> Path:
    """A test fixture file (not app output)."""
    with path.open("wb") as handle:
        handle.write(data.encode() if isinstance(data, str) else data)
    return path


@contextlib.contextmanager
def hostile_path(kind: str, folder: Path, name: str, limit: int = 0) -> Iterator[Path]:
    """A path named ``name`` in ``folder`` that is ``kind``: "dev-zero" (a symlink to /dev/zero),
    "fifo" (no writer), "folder", "socket", "oversized" (``limit`` + 1 bytes, sparse)."""
    path = folder / name
    server = None
    if kind == "dev-zero":
        path.symlink_to("/dev/zero")
    elif kind == "dev-urandom":
        path.symlink_to("/dev/urandom")
    elif kind == "fifo":
        os.mkfifo(path)
    elif kind == "folder":
        path.mkdir()
    elif kind == "socket":
        server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        server.bind(str(path))
    elif kind == "oversized":
        with path.open("wb") as handle:
            handle.truncate(limit + 1)
    else:
        raise ValueError(kind)
    try:
        yield path
    finally:
        if server is not None:
            server.close()


HOSTILE_KINDS = ("dev-zero", "dev-urandom", "fifo", "folder", "socket", "oversized")
# What the message says for each kind.
KIND_WORDS: dict[str, str] = {"dev-zero": "device", "dev-urandom": "device", "fifo": "FIFO",
                              "folder": "folder", "socket": "not a regular file",
                              "oversized": "larger than"}


def raises_input_error(call: Callable[[], object]) -> str:
    """The InputError message ``call`` raises (the test fails on anything else)."""
    from ldn_report.errors import InputError

    try:
        call()
    except InputError as exc:
        return str(exc)
    raise AssertionError("no InputError")
