"""The register on SQLite and PostgreSQL alike: created and migrated by Alembic, records in
transactions, no identifying value of a de-identified record stored."""

from __future__ import annotations

import dataclasses
import os
import sqlite3
import stat
from pathlib import Path

import pytest
from register_helpers import HIDDEN_DOB, HIDDEN_MRN, HIDDEN_NAME, deidentified_dict, handout
from sqlalchemy import text

from ldn_report.register import queries
from ldn_report.register.errors import RegisterError
from ldn_report.register.location import parse_location
from ldn_report.register.migrations import HEAD_REVISION
from ldn_report.register.store import MIGRATIONS_DIR, current_revision, open_register


def test_head_revision_constant_is_alembics_head():
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    assert ScriptDirectory.from_config(config).get_current_head() == HEAD_REVISION


def test_created_on_first_use_at_head_and_records_round_trip(register_url):
    with open_register(parse_location(register_url)) as register:
        assert current_revision(register.engine) == HEAD_REVISION
        first = handout(pack="1.0.0")
        assert register.add([first, handout()]) == 2
        assert register.add([first]) == 0  # retried from the queue: never stored twice
        again = handout()
        assert register.add([again, again]) == 1  # queued twice: stored once, not refused
        rows = queries.list_handouts(register)
    assert len(rows) == 3
    assert rows[0].made_at >= rows[1].made_at
    assert {r.patient for r in rows} == {"MS-204781"}
    assert rows[0].made_at.tzinfo is not None


def test_reopening_is_idempotent(register_url):
    location = parse_location(register_url)
    with open_register(location) as register:
        register.add([handout()])
    with open_register(location) as register:
        assert current_revision(register.engine) == HEAD_REVISION
        assert len(queries.list_handouts(register)) == 1


def test_transaction_is_all_or_nothing(register_url):
    broken = dataclasses.replace(handout(), template=None)  # NOT NULL: the database refuses
    with open_register(parse_location(register_url)) as register:
        with pytest.raises(RegisterError, match="cannot write to the register"):
            register.add([handout(), broken])
        assert queries.list_handouts(register) == []


def test_deidentified_record_stores_nothing_identifying(register_url):
    record = handout(deidentified_dict())
    assert record.patient_mrn is None
    assert record.patient_name is None
    assert record.context_json is None
    with open_register(parse_location(register_url)) as register:
        register.add([record])
        with register.engine.connect() as conn:
            raw = conn.execute(text("SELECT * FROM handouts")).one()
        rows = queries.list_handouts(register, search="Zelda")
        assert rows == []
        shown = queries.list_handouts(register)[0]
    stored = " ".join(str(v) for v in raw)
    for value in (HIDDEN_NAME, HIDDEN_MRN, HIDDEN_DOB, "Zelda", "77731"):
        assert value not in stored
    assert shown.patient == queries.DEIDENTIFIED


def test_newer_schema_is_refused_with_one_message(register_url):
    location = parse_location(register_url)
    with open_register(location) as register, register.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999_from_the_future'"))
    with pytest.raises(RegisterError, match="made by a newer version of this app"):
        open_register(location)


def test_filters(register_url):
    other = deidentified_dict()
    with open_register(parse_location(register_url)) as register:
        register.add([handout(pack="1.0.0"), handout(other), handout(pack="1.1.0")])
        assert len(queries.list_handouts(register, mrn="MS-204781")) == 2
        assert [r.pack_version for r in
                queries.list_handouts(register, pack_before="1.1.0")] == ["1.0.0"]
        # the patient's latest sheet is 1.1.0: not stale, although an older one exists
        assert queries.list_handouts(register, stale_against="1.1.0") == []
        assert len(queries.list_handouts(register, stale_against="1.2.0")) == 1


def test_version_order_is_numeric():
    assert queries.older("1.9.2", "1.10.0")
    assert not queries.older("1.10.0", "1.9.2")
    assert not queries.older("1.1.0", "1.1.0")


def test_sqlite_file_is_private(tmp_path):
    path = tmp_path / "new-folder" / "register.sqlite3"
    with open_register(parse_location(str(path))) as register:
        register.add([handout()])
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    for extra in path.parent.iterdir():  # WAL and shared-memory files too
        assert stat.S_IMODE(extra.stat().st_mode) & 0o077 == 0, extra.name


def test_corrupt_sqlite_file_gets_one_clear_message(tmp_path):
    path = tmp_path / "register.sqlite3"
    path.write_bytes(os.urandom(8192))
    with pytest.raises(RegisterError, match="is damaged"):
        open_register(parse_location(str(path)))


def test_locked_sqlite_file_gets_one_clear_message(tmp_path):
    path = tmp_path / "register.sqlite3"
    open_register(parse_location(str(path))).close()
    holder = sqlite3.connect(path)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(RegisterError, match="is locked by another program"):
            with open_register(parse_location(str(path))) as register:
                register.add([handout()])
    finally:
        holder.rollback()
        holder.close()


def test_unreachable_postgresql_gets_one_clear_message():
    with pytest.raises(RegisterError, match="cannot reach the register"):
        open_register(parse_location("postgresql://nobody:secret@127.0.0.1:9/none"))


def test_password_never_in_messages():
    location = parse_location("postgresql://clinic:s3cret-pw@127.0.0.1:9/reg")
    assert "s3cret-pw" not in location.label
    with pytest.raises(RegisterError) as caught:
        open_register(location)
    assert "s3cret-pw" not in str(caught.value)


def test_wrong_postgresql_database_named(pg_server):
    with pytest.raises(RegisterError, match="does not exist"):
        open_register(parse_location(f"{pg_server}/no_such_database"))


def test_folder_given_as_register_is_refused(tmp_path):
    from ldn_report.errors import InputError

    with pytest.raises(InputError, match="is a folder"):
        parse_location(str(tmp_path))
    assert Path(tmp_path).is_dir()


_CRASHING_WRITER = """
import sys, time
sys.path.insert(0, sys.argv[2])
from register_helpers import handout
from ldn_report.register.location import parse_location
from ldn_report.register.schema import handouts
from ldn_report.register.store import open_register
register = open_register(parse_location(sys.argv[1]))
with register.engine.begin() as conn:
    for i in range(100000):
        conn.execute(handouts.insert(), [handout().to_row()])
        if i == 50:
            print("writing", flush=True)
"""


def test_a_writer_killed_mid_transaction_leaves_no_half_record(register_url):
    import signal
    import subprocess
    import sys

    location = parse_location(register_url)
    open_register(location).close()
    proc = subprocess.Popen([sys.executable, "-c", _CRASHING_WRITER, register_url,
                             str(Path(__file__).parent)], stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "writing"
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    with open_register(location) as register:
        assert queries.list_handouts(register) == []
        register.add([handout()])
        assert len(queries.list_handouts(register)) == 1
        if location.is_sqlite:
            with register.engine.connect() as conn:
                assert conn.execute(text("PRAGMA integrity_check")).scalar() == "ok"


def test_new_registers_opened_at_once_in_threads_are_all_made(tmp_path):
    """The History window and the register thread may create a register at the same moment.
    Three races did fail here: Alembic keeps its running migration in module globals (KeyError
    'script', or a crash in SQLite); the second open replaced the file the first had just made;
    turning on WAL answered "locked" without waiting. Every open must come back usable."""
    import threading

    rounds, threads = 20, 4
    failures: list[BaseException] = []
    for n in range(rounds):
        start = threading.Barrier(threads)

        def open_one(i: int, n: int = n, start: threading.Barrier = start) -> None:
            location = parse_location(str(tmp_path / f"r{n}-{i % 2}.sqlite3"))
            start.wait()
            try:
                open_register(location).close()  # creating and migrating: no writes at once
            except BaseException as error:  # collected for the assert below
                failures.append(error)

        workers = [threading.Thread(target=open_one, args=(i,)) for i in range(threads)]
        for worker in workers:
            worker.start()
        for worker in workers:
            worker.join()
    assert failures == []
    assert len(list(tmp_path.glob("*.sqlite3"))) == 2 * rounds
    for path in tmp_path.glob("*.sqlite3"):
        with open_register(parse_location(str(path))) as register:
            assert current_revision(register.engine) == HEAD_REVISION
            register.add([handout()])
            assert len(queries.list_handouts(register)) == 1
