"""Autosaved drafts of the form: written atomically (0600) and offered back after a crash.

Each running window writes its own ``draft-<session>.json`` in the user data folder and deletes it
when it closes cleanly, so a draft still there at start-up is one a crash left behind, unless
the process that wrote it is still running (its writer token, not just its pid: pids are reused).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import uuid
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..atomic import WRITER_TOKEN, atomic_write, writer_running, writer_token
from ..errors import InputError
from ..untrusted.structured import read_json_file
from .app_settings import data_dir

DRAFT_FORMAT = 1
MAX_DRAFT_BYTES = 2_000_000


def drafts_dir() -> Path:
    return data_dir() / "drafts"


@dataclass(frozen=True)
class Draft:
    """A draft left on disk: the raw form values (even invalid ones), where they came from."""

    path: Path
    values: dict[str, Any]
    source_path: str
    saved_at: dt.datetime
    pid: int
    writer: str  # atomic.writer_token() of the process that saved it; the pid in older drafts


class DraftStore:
    """This window's draft file."""

    def __init__(self) -> None:
        self.session = uuid.uuid4().hex[:12]
        self.path = drafts_dir() / f"draft-{self.session}.json"

    def save(self, values: dict[str, Any], source_path: str = "") -> Path:
        payload = {
            "draft_format": DRAFT_FORMAT,
            "pid": os.getpid(),
            "writer": writer_token(),
            "saved_at": dt.datetime.now().isoformat(timespec="seconds"),
            "source_path": source_path,
            "values": values,
        }
        return atomic_write(self.path, json.dumps(payload, ensure_ascii=False), mode=0o600)

    def discard(self) -> None:
        with contextlib.suppress(FileNotFoundError):
            self.path.unlink()

    def left_behind(self) -> list[Draft]:
        """Drafts of sessions that ended without closing cleanly, newest first.

        A draft of another process that is still running belongs to that window, not to us.
        "Running" is by writer token, so a later process that got the same pid does not hide
        a crashed window's draft. A writer that cannot be checked here (before a reboot, or
        another computer or container sharing the folder) counts as gone: hiding a crash's
        draft for good would lose work; offering a live one only gives a copy of it.
        """
        found: list[Draft] = []
        folder = drafts_dir()
        if not folder.is_dir():
            return found
        for path in folder.glob("draft-*.json"):
            if path == self.path:
                continue
            draft = read_draft(path)
            if draft is None:
                continue
            if draft.pid != os.getpid() and writer_running(draft.writer):
                continue
            found.append(draft)
        return sorted(found, key=lambda d: d.saved_at, reverse=True)


def read_draft(path: Path) -> Draft | None:
    """A draft file, or None when it is unusable (damaged, deeply nested, a key twice, not a
    regular file): a bad draft is skipped with a warning naming it, never a crash."""
    try:
        raw = read_json_file(path, MAX_DRAFT_BYTES, "draft")
    except InputError as exc:
        warnings.warn(f"draft skipped: {exc}", stacklevel=2)
        return None
    try:
        values = raw["values"]
        if raw.get("draft_format") != DRAFT_FORMAT or not isinstance(values, dict):
            return None
        pid = raw["pid"]
        if isinstance(pid, bool) or not isinstance(pid, int) or not 0 < pid < 2**31:
            return None
        writer = raw.get("writer", str(pid))
        if not isinstance(writer, str) or not (token := WRITER_TOKEN.fullmatch(writer)) \
                or int(token["pid"]) != pid:
            return None
        return Draft(
            path=path,
            values=_form_values(values),
            source_path=str(raw.get("source_path") or ""),
            saved_at=dt.datetime.fromisoformat(raw["saved_at"]),
            pid=pid,
            writer=writer,
        )
    except (OSError, ValueError, KeyError, TypeError, OverflowError):
        return None


def _form_values(values: dict[str, Any]) -> dict[str, Any]:
    """Only values a form field can hold (text, yes/no, empty, a list of text): a hand-made
    draft with numbers or objects in it must not crash the form that restores it."""
    def fits(value: Any) -> bool:
        return value is None or isinstance(value, str | bool) or (
            isinstance(value, list) and all(isinstance(v, str) for v in value))

    return {k: v for k, v in values.items() if isinstance(k, str) and fits(v)}
