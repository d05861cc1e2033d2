"""Checks on where a command will write, made before anything is written."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

from .errors import InputError


def same_file(a: Path, b: Path) -> bool:
    """True when ``a`` and ``b`` are one file: the same resolved path (symbolic links followed)
    or, when both exist, the same inode (hard links)."""
    try:
        if a.resolve() == b.resolve():
            return True
    except (OSError, RuntimeError):  # a symlink loop
        pass
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def refuse_collisions(outputs: Mapping[str, Path], inputs: Mapping[str, Path]) -> None:
    """InputError when an output is also an input or another output; keys are option names
    (``--chart-note``) used in the message."""
    flags = list(outputs)
    for i, flag in enumerate(flags):
        path = outputs[flag]
        for other, other_path in [*((f, outputs[f]) for f in flags[:i]), *inputs.items()]:
            if same_file(path, other_path):
                raise InputError(flag, f"is the same file as {other} ({other_path}); writing it "
                                 "would overwrite that file. Choose another file name")


def check_writable(flag: str, path: Path) -> None:
    """InputError unless ``path`` can be written as a file: not a folder, and its folder (or
    the nearest one that exists, where the missing ones would be made) is writable."""
    if path.is_dir():
        raise InputError(flag, f"{path} is a folder; give a file name")
    folder = path.parent
    while not folder.exists():
        if folder == folder.parent:
            break
        folder = folder.parent
    if not folder.is_dir():
        raise InputError(flag, f"{path} cannot be written: {folder} is a file, not a folder")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise InputError(flag, f"{path} cannot be written: no permission to write in {folder}")
