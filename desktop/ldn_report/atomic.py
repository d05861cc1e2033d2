"""The one way this app writes a file: to a temp file beside it, flushed, then renamed over."""

from __future__ import annotations

import contextlib
import functools
import hashlib
import os
import re
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path


def atomic_write(
    path: str | os.PathLike[str], data: bytes | memoryview | str, mode: int | None = None,
    *, cleanup: bool = True, sync_folder: bool = True,
) -> Path:
    """Write ``data`` to ``path`` so that readers see either the old file or the whole new one.

    ``mode`` sets the file's permissions (e.g. 0o600 for drafts holding patient data).
    ``cleanup=False`` skips the scan for crashed writers' leftovers: a caller writing thousands
    of files into one folder (the batch) cleans once per run instead of once per file.
    ``sync_folder=False`` leaves the folder's fsync (which makes the rename durable) to the
    caller: the batch syncs it once per manifest save, so each report costs one fsync.
    An OSError names ``path``, never the hidden temp file.
    """
    return atomic_write_all([(path, data, mode)], cleanup=cleanup, sync_folder=sync_folder)[0]


def atomic_write_all(
    files: list[tuple[str | os.PathLike[str], bytes | memoryview | str, int | None]], *,
    cleanup: bool = True, sync_folder: bool = True,
) -> list[Path]:
    """Write several files (path, data, mode) together: every temp file is written and synced
    first, then all are renamed; if any write fails, none of the targets is touched.

    (A rename failing after another succeeded is the one case left; renames within a folder
    fail only when the folder itself goes away.)
    """
    staged: list[tuple[str, Path]] = []
    try:
        for path, data, mode in files:
            target = Path(path)
            staged.append((_stage(target, data, mode), target))
        for tmp_name, target in staged:
            try:
                os.replace(tmp_name, target)
            except OSError as exc:
                raise _naming(exc, target) from None
    except BaseException:
        for tmp_name, _target in staged:
            with contextlib.suppress(OSError):
                os.unlink(tmp_name)
        raise
    for _tmp, target in staged:
        if sync_folder:
            sync_folder_of(target)
        if cleanup:
            remove_crash_leftovers(target)
    return [target for _tmp, target in staged]


def create_empty(path: str | os.PathLike[str], mode: int = 0o600) -> bool:
    """Make ``path`` an empty file with ``mode`` if nothing is there; never replace anything
    (O_EXCL: of two processes or threads making it at once, one makes it, the other finds it).
    An empty file cannot be half-written, so no temp file is needed. Whether this call made it.
    """
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, mode)
    except FileExistsError:
        return False
    except OSError as exc:
        raise _naming(exc, Path(path)) from None
    os.close(fd)
    os.chmod(path, mode)  # the umask may have taken bits the caller asked for
    return True


def sync_folder_of(target: Path) -> None:
    """Make renames in ``target``'s folder durable: after a crash the new files are there, not
    the old ones. Never raises (some file systems cannot sync a folder)."""
    with contextlib.suppress(OSError):
        dir_fd = os.open(target.parent, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)


def _stage(target: Path, data: bytes | memoryview | str, mode: int | None) -> str:
    """The synced temp file beside ``target`` with ``data`` and its final mode; its name."""
    payload = data.encode("utf-8") if isinstance(data, str) else data
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        # The writer's identity in the temp name (see writer_token) lets a later sweep tell a
        # crashed writer's leftover (a hidden full copy of a patient's report) from a write
        # still in progress, even when the pid has since been reused.
        fd, tmp_name = tempfile.mkstemp(
            prefix=f".{target.name}.{writer_token()}.", suffix=".tmp", dir=target.parent
        )
    except OSError as exc:
        raise _naming(exc, target) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        # mkstemp makes the file 0600: without this a shared template saved by one
        # colleague would become unreadable to the others.
        os.chmod(tmp_name, mode if mode is not None else _mode_for(target))
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)
        if isinstance(exc, OSError):
            raise _naming(exc, target) from None
        raise
    return tmp_name


def _naming(exc: OSError, target: Path) -> OSError:
    """The same error, about ``target``: a user cannot act on ".report.pdf.123.x8.tmp"."""
    named = OSError(exc.errno, exc.strerror or str(exc), str(target))
    return named if exc.errno is not None else exc


def remove_crash_leftovers(target: str | os.PathLike[str]) -> list[Path]:
    """Delete temp files of ``target`` whose writer process is gone (killed mid-write).

    A temp file of a live writer is a write in progress and is kept. Never raises.
    """
    target = Path(target)
    return remove_dead_writers_temp_files(target.parent, lambda name: name == target.name)


def remove_dead_writers_temp_files(
    folder: str | os.PathLike[str], wanted: Callable[[str], bool] | None = None,
) -> list[Path]:
    """Delete the temp files in ``folder`` that atomic_write left when its writer died.

    ``wanted`` picks by target file name (default: every target). A temp file whose writer
    is alive, or may be (another computer on a shared folder), is never touched. Never raises.
    """
    removed: list[Path] = []
    with contextlib.suppress(OSError):
        for entry in os.scandir(folder):
            match = _TEMP_NAME.fullmatch(entry.name)
            if match is None or (wanted is not None and not wanted(match["target"])):
                continue
            if _writer_may_be_alive(match, entry):
                continue
            with contextlib.suppress(OSError):
                os.unlink(entry.path)
                removed.append(Path(entry.path))
    return removed


# What writer_token() gives, "<pid>-<host>-<start>"; older versions wrote the pid alone.
WRITER_TOKEN = re.compile(r"(?P<pid>\d+)(?:-(?P<host>[0-9a-f]*)-(?P<start>\d*))?")
# ".<target>.<writer token>.<random>.tmp"
_TEMP_NAME = re.compile(r"\.(?P<target>.+)\.(?P<token>" + WRITER_TOKEN.pattern
                        + r")\.[A-Za-z0-9_]+\.tmp")
# A temp file from another computer (or an earlier boot) cannot be checked by pid: it is only
# removed once it is this old. No atomic write takes anywhere near this long.
FOREIGN_TEMP_SECONDS = 3600.0


def writer_token() -> str:
    """This process in a temp file name: ``<pid>-<host>-<start>``.

    ``host`` is a short digest of the boot id and pid namespace (another computer, container
    or boot gives another value), ``start`` the process's start time since boot in clock ticks,
    so a later process that got the same pid does not pass for the writer. Both are empty where
    /proc is not available; then only the pid is checked.
    """
    return _writer_token(os.getpid())


@functools.cache
def _writer_token(pid: int) -> str:
    # By pid: a forked child is another writer. Read once: /proc costs more than the write.
    return f"{pid}-{_host_token()}-{_start_ticks('self') or ''}"


@functools.cache
def _host_token() -> str:
    try:
        boot = Path("/proc/sys/kernel/random/boot_id").read_text().strip()
        namespace = os.readlink("/proc/self/ns/pid")
    except OSError:
        return ""
    return hashlib.sha256(f"{boot}|{namespace}".encode()).hexdigest()[:12]


def _proc_stat(pid: str) -> list[str] | None:
    """The fields of /proc/<pid>/stat after the command name (which may hold spaces)."""
    try:
        raw = Path(f"/proc/{pid}/stat").read_text()
    except (OSError, ValueError):
        return None
    return raw[raw.rfind(")") + 2:].split()


def _start_ticks(pid: str) -> int | None:
    fields = _proc_stat(pid)
    # Field 22 of stat (start time) is the 20th after the name; 3 (state) is the first.
    if fields is None or len(fields) < 20 or fields[0] in ("Z", "X"):
        return None  # gone, or a zombie (dead, not yet reaped): it writes nothing more
    return int(fields[19])


def writer_running(token: str) -> bool | None:
    """Whether the process a writer_token() names is still running: True or False, or None
    when this computer cannot tell (another computer, container or boot wrote the token).

    A later process that got the same pid is not the writer: its start time differs.
    Raises ValueError for text that is not a writer token.
    """
    match = WRITER_TOKEN.fullmatch(token)
    if match is None:
        raise ValueError(f"not a writer token: {token!r}")
    pid, host, start = int(match["pid"]), match["host"], match["start"]
    if host is None or not (host or _host_token()):
        return _pid_alive(pid)  # an older version's token, or no /proc here nor there
    if host != _host_token():
        return None
    running_since = _start_ticks(str(pid))
    return running_since is not None and str(running_since) == start


def _writer_may_be_alive(match: re.Match[str], entry: os.DirEntry[str]) -> bool:
    running = writer_running(match["token"])
    if running is not None:
        return running
    try:  # another computer, container or boot: only age can tell
        return time.time() - entry.stat().st_mtime < FOREIGN_TEMP_SECONDS
    except OSError:
        return True


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
    if pid == os.getpid() or sys.platform == "win32":
        return True  # on Windows os.kill(pid, 0) would send CTRL_C_EVENT: assume alive
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError, OSError):
        return True  # another user's process, or cannot tell: keep its file
    return True
