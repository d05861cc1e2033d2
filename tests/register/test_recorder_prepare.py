"""Recorder.prepare, which `ldn-report build`'s helper runs while the report is laid out (issue
17): it only reads the register (never creates, migrates or writes it), connects when the
register is ready as it is, and a failure there reads as the same failure in record()."""

from __future__ import annotations

import hashlib
import os
import stat
from pathlib import Path

import pytest
from register_helpers import handout
from sqlalchemy import create_engine, text

from ldn_report.register.location import RegisterLocation, parse_location
from ldn_report.register.migrations import HEAD_REVISION
from ldn_report.register.recorder import Recorder
from ldn_report.register.store import current_revision, open_register


def _state(url: str) -> object:
    """What a change to the register would change: a SQLite file's folder listing and bytes,
    a PostgreSQL database's schema revision and records."""
    location = parse_location(url)
    if location.sqlite_path is not None:
        folder = location.sqlite_path.parent
        if not folder.exists():
            return None
        return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.iterdir()}
    with open_register(location) as register:  # only after the database has a schema
        return register.rows(text("SELECT record_id FROM handouts ORDER BY record_id"))


def _records(url: str) -> int:
    with open_register(parse_location(url)) as register:
        return len(register.rows(text("SELECT record_id FROM handouts")))


def test_a_new_register_is_left_to_record(register_url: str) -> None:
    location = parse_location(register_url)
    if location.sqlite_path is not None:  # in a folder that does not exist yet either
        register_url = str(location.sqlite_path.parent / "new" / "register.sqlite3")
        location = parse_location(register_url)
    recorder = Recorder(register_url)
    recorder.prepare()
    assert not recorder.is_open
    if location.sqlite_path is not None:
        assert not location.sqlite_path.parent.exists()
    else:
        assert _revision(location) is None  # no schema made
    assert recorder.record(handout()) is None  # created, migrated and written now
    recorder.close()
    assert _records(register_url) == 1


def _revision(location: RegisterLocation) -> str | None:
    """The schema revision in the register, read without opening (and so migrating) it."""
    engine = create_engine(location.url)
    try:
        return current_revision(engine)
    finally:
        engine.dispose()


def test_a_register_ready_as_it_is_is_opened_and_not_changed(register_url: str) -> None:
    with open_register(parse_location(register_url)) as register:
        register.add([handout()])
    before = _state(register_url)
    recorder = Recorder(register_url)
    recorder.prepare()
    assert recorder.is_open
    path = parse_location(register_url).sqlite_path
    if path is not None:  # while connected SQLite keeps its -wal and -shm files beside it
        assert hashlib.sha256(path.read_bytes()).hexdigest() == before[path.name]
    recorder.close()  # a build that failed after the fork: nothing written, nothing left
    assert _state(register_url) == before
    assert recorder.record(handout()) is None
    recorder.close()
    assert _records(register_url) == 2


@pytest.mark.parametrize("mode", [0o600, 0o644])
def test_a_register_file_to_make_or_to_make_private_is_left_to_record(
        mode: int, tmp_path: Path) -> None:
    """An empty file (a first run stopped before its schema was made) is not created by
    prepare; one readable by others is not made private by it: both are record's work."""
    path = tmp_path / "register.sqlite3"
    if mode == 0o600:
        path.write_bytes(b"")
    else:
        open_register(parse_location(str(path))).close()
    path.chmod(mode)
    before = _state(str(path))
    recorder = Recorder(str(path))
    recorder.prepare()
    assert not recorder.is_open
    assert _state(str(path)) == before
    assert stat.S_IMODE(path.stat().st_mode) == mode
    assert recorder.record(handout()) is None
    recorder.close()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert _revision(parse_location(str(path))) == HEAD_REVISION
    assert _records(str(path)) == 1


def _corrupt(tmp_path: Path) -> str:
    path = tmp_path / "register.sqlite3"
    path.write_bytes(os.urandom(8192))
    path.chmod(0o600)
    return str(path)


def _newer(tmp_path: Path) -> str:
    url = str(tmp_path / "register.sqlite3")
    with open_register(parse_location(url)) as register, register.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999_from_the_future'"))
    return url


@pytest.mark.parametrize("make", [
    _corrupt, _newer,
    lambda tmp_path: "postgresql://nobody:secret@127.0.0.1:9/none",  # nothing listens there
    lambda tmp_path: "mysql://host/db",  # a wrong address: queued, as always
], ids=["damaged", "newer-schema", "unreachable", "wrong-address"])
def test_a_failure_reads_the_same_with_or_without_prepare(make, tmp_path: Path) -> None:
    url = make(tmp_path)
    messages = []
    for prepared in (False, True):
        recorder = Recorder(url)
        if prepared:
            recorder.prepare()
        messages.append(recorder.record(handout()))
        recorder.close()
    assert messages[0] is not None
    assert "queued" in messages[0]
    assert messages[1] == messages[0]
