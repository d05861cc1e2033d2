"""The one way this app writes a file: to a temp file beside it, flushed, then renamed over."""

from __future__ import annotations

import contextlib
import os
import re
import tempfile
from pathlib import Path


def atomic_write(
    path: str | os.PathLike[str], data: bytes | str, mode: int | None = None,
    *, cleanup: bool = True,
) -> Path:
    """Write ``data`` to ``path`` so that readers see either the old file or the whole new one.

    ``mode`` sets the file's permissions (e.g. 0o600 for drafts holding patient data).
    ``cleanup=False`` skips the scan for crashed writers' leftovers: a caller writing thousands
    of files into one folder (the batch) cleans once per run instead of once per file.
    """
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    # The writer's pid in the temp name lets a later write tell a crashed writer's leftover
    # (a hidden full copy of a patient's report) from a write still in progress.
    fd, tmp_name = tempfile.mkstemp(
        prefix=f".{target.name}.{os.getpid()}.", suffix=".tmp", dir=target.parent
    )
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        # mkstemp makes the file 0600: without this a shared template saved by one
        # colleague would become unreadable to the others.
        os.chmod(tmp_name, mode if mode is not None else _mode_for(target))
        os.replace(tmp_name, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)
        raise
    # Make the rename itself durable: a crash right after must not bring the old file back.
    with contextlib.suppress(OSError):
        dir_fd = os.open(target.parent, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)
    if cleanup:
        remove_crash_leftovers(target)
    return target


def remove_crash_leftovers(target: str | os.PathLike[str]) -> list[Path]:
    """Delete temp files of ``target`` whose writer process is gone (killed mid-write).

    A temp file of a live process is a write in progress and is kept. Never raises.
    """
    target = Path(target)
    pattern = re.compile(re.escape(f".{target.name}.") + r"(\d+)\.[^/]+\.tmp")
    removed: list[Path] = []
    with contextlib.suppress(OSError):
        for entry in os.scandir(target.parent):
            match = pattern.fullmatch(entry.name)
            if match is None or _pid_alive(int(match.group(1))):
                continue
            with contextlib.suppress(OSError):
                os.unlink(entry.path)
                removed.append(Path(entry.path))
    return removed


def _mode_for(target: Path) -> int:
    """The existing file's permissions, or what a plain open() would give a new file."""
    try:
        return target.stat().st_mode & 0o7777
    except OSError:
        return 0o666 & ~_umask()


def _umask() -> int:
    # Reading /proc avoids os.umask(), which sets the mask while it reads it (racy in threads).
    with contextlib.suppress(OSError, ValueError):
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    old = os.umask(0o022)
    os.umask(old)
    return old


def _pid_alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError, OSError):
        return True  # another user's process, or cannot tell: keep its file
    return True
