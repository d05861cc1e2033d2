"""Checks of a typed clinic-list path and output folder that never open or read anything."""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path

from .clinic_list import MAX_BYTES


@dataclass(frozen=True)
class PathCheck:
    """What a typed path is: ``path`` to use (None = not usable), ``note`` to show beside it."""

    path: Path | None
    note: str = ""

    @property
    def ok(self) -> bool:
        return self.path is not None


def _typed(text: str) -> Path | str:
    """The typed text as a path, or why it cannot be one. Only stat() is used later: a FIFO,
    a device or a slow file is never opened while the user types."""
    text = text.strip()
    if not text:
        return ""
    if "\x00" in text:
        return "The path holds a character that cannot be in a file name."
    try:
        path = Path(text).expanduser()
    except RuntimeError:  # "~someone" with no such user, or no home folder at all
        return "A path starting with ~ needs a user of that name on this computer."
    if not path.is_absolute():
        return "Give the whole path (starting with / or ~), or use Choose\u2026"
    return path


NOT_FOUND = "Nothing at this path: check the spelling, or use Choose\u2026"


def _stat(path: Path) -> os.stat_result | str:
    try:
        return path.stat()
    except FileNotFoundError:
        return NOT_FOUND
    except NotADirectoryError:
        return "A part of this path is a file, not a folder."
    except PermissionError:
        return "You may not open this path (permission denied)."
    except (OSError, ValueError) as exc:  # a loop of links, a name too long, ...
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        return f"This path cannot be used: {reason}."


def check_list_path(text: str) -> PathCheck:
    """The clinic list must be a readable regular file of at most MAX_BYTES."""
    typed = _typed(text)
    if isinstance(typed, str):
        return PathCheck(None, typed)
    info = _stat(typed)
    if isinstance(info, str):
        return PathCheck(None, info)
    if stat.S_ISDIR(info.st_mode):
        return PathCheck(None, "This is a folder: choose the clinic list's .csv file in it.")
    if not stat.S_ISREG(info.st_mode):
        return PathCheck(None, "This is not an ordinary file (a pipe or a device): choose the "
                         "clinic list's .csv file.")
    if not os.access(typed, os.R_OK):
        return PathCheck(None, "You may not read this file (permission denied).")
    if info.st_size > MAX_BYTES:
        return PathCheck(None, f"This file is larger than {MAX_BYTES // (1024 * 1024)} MB: "
                         "split the list.")
    return PathCheck(typed)


def check_output_folder(text: str) -> PathCheck:
    """The output folder must be a folder we may write in, or one we can create."""
    typed = _typed(text)
    if isinstance(typed, str):
        return PathCheck(None, typed)
    info = _stat(typed)
    if isinstance(info, os.stat_result):
        if not stat.S_ISDIR(info.st_mode):
            return PathCheck(None, "This is a file, not a folder: give a folder for the "
                             "reports.")
        if not os.access(typed, os.W_OK | os.X_OK):
            return PathCheck(None, "You may not write in this folder (permission denied).")
        return PathCheck(typed)
    if info != NOT_FOUND:
        return PathCheck(None, info)
    parent = next((p for p in typed.parents if os.path.lexists(p)), None)
    if parent is None or not parent.is_dir():
        return PathCheck(None, "A part of this path is not a folder.")
    if not os.access(parent, os.W_OK | os.X_OK):
        return PathCheck(None, f"The folder cannot be made: you may not write in {parent}.")
    return PathCheck(typed, "A new folder: it is made when the batch starts.")
