"""Opening the register (creating and migrating it with Alembic) and writing records to it."""

from __future__ import annotations

import contextlib
import os
import stat
import threading
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, exc, insert, select, text

from ..atomic import create_empty
from .errors import RegisterError, missing_library
from .location import RegisterLocation
from .migrations import HEAD_REVISION
from .record import Handout
from .schema import handouts

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
SQLITE_BUSY_SECONDS = 2.0  # a locked file waits this long, then the record is queued
CONNECT_SECONDS = 5
# Alembic's command API keeps its running context in module globals (alembic.context, .op): two
# migrations at once in one process (the History window and the register thread opening a new
# register together) remove each other's context and fail or crash. One at a time.
_MIGRATING = threading.Lock()


class Register:
    """An open register: add records, run queries. Close it when done."""

    def __init__(self, engine: Engine, location: RegisterLocation) -> None:
        self.engine = engine
        self.location = location

    def add(self, records: Iterable[Handout]) -> int:
        """Store ``records`` in one transaction (all or none); a record already there (same
        record_id, from a retried queue) is skipped. The number stored."""
        # One row per record id: a record queued twice (a window closed while it was being
        # written, then failed) must not fail the unique index and hold up the whole queue.
        rows = list({r.record_id: r.to_row() for r in records}.values())
        if not rows:
            return 0
        with self._failing("write to"), self.engine.begin() as conn:
            ids = [r["record_id"] for r in rows]
            have = set(conn.scalars(select(handouts.c.record_id)
                                    .where(handouts.c.record_id.in_(ids))))
            new = [r for r in rows if r["record_id"] not in have]
            if new:
                conn.execute(insert(handouts), new)
        return len(new)

    def rows(self, query: Any) -> list[Any]:
        with self._failing("read"), self.engine.connect() as conn:
            return list(conn.execute(query))

    def close(self) -> None:
        self.engine.dispose()

    @contextlib.contextmanager
    def _failing(self, verb: str) -> Iterator[None]:
        try:
            yield
        except exc.SQLAlchemyError as error:
            raise RegisterError(describe(error, self.location, verb)) from None

    def __enter__(self) -> Register:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


def open_register(location: RegisterLocation) -> Register:
    """The register at ``location``, created on first use and migrated to this app's schema.

    Raises RegisterError (one sentence naming the register) when it cannot be used.
    """
    if location.sqlite_path is not None:
        _prepare_sqlite_file(location)
    engine = _engine(location)
    try:
        _migrate(engine, location)
    except exc.SQLAlchemyError as error:
        engine.dispose()
        raise RegisterError(describe(error, location, "open")) from None
    except ImportError as error:  # Alembic, needed to create or upgrade the schema
        engine.dispose()
        raise missing_library(error, location.label) from None
    except RegisterError:
        engine.dispose()
        raise
    return Register(engine, location)


def open_existing_register(location: RegisterLocation) -> Register | None:
    """The register at ``location`` if it is ready to be written as it is: it exists (a
    SQLite file: a non-empty regular file, readable by its owner only) at this app's schema.

    Only reads: nothing is created, migrated or changed (None means open_register has
    something to do). Raises RegisterError as open_register does when it cannot be used.
    """
    path = location.sqlite_path
    if path is not None:
        try:
            info = path.stat()
        except OSError:
            return None
        if not stat.S_ISREG(info.st_mode) or info.st_size == 0 or info.st_mode & 0o077:
            return None
    engine = _engine(location)
    try:
        if current_revision(engine) == HEAD_REVISION:
            return Register(engine, location)
    except exc.SQLAlchemyError as error:
        engine.dispose()
        raise RegisterError(describe(error, location, "open")) from None
    engine.dispose()
    return None


def _engine(location: RegisterLocation) -> Engine:
    """An engine for ``location``; it connects on first use."""
    if location.sqlite_path is not None:
        engine = create_engine(location.url, connect_args={"timeout": SQLITE_BUSY_SECONDS})
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    try:
        return create_engine(location.url, connect_args={"connect_timeout": CONNECT_SECONDS},
                             pool_pre_ping=True)
    except ImportError as error:  # the driver (psycopg) or its libpq is missing
        raise missing_library(error, location.label) from None
    except (exc.ArgumentError, ValueError) as error:
        raise RegisterError(f"the register address {location.label} is not usable "
                            f"({type(error).__name__})") from None


def _prepare_sqlite_file(location: RegisterLocation) -> None:
    """The folder (0700) and file (0600) exist before SQLite opens it: never world-readable,
    not even for a moment. SQLite gives its journal files the database file's mode."""
    path = location.sqlite_path
    assert path is not None
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        if path.exists() and not path.is_file():
            raise RegisterError(f"the register {location.label} is not a regular file")
        # An empty file is an empty SQLite database. Made with O_EXCL, never replaced: two
        # opens at once (the History window and the register thread) must not swap a register
        # another has just created, and written to, for a new empty file.
        create_empty(path, mode=0o600)
        os.chmod(path, 0o600)
    except OSError as error:
        raise RegisterError(f"cannot create or open the register {location.label}: "
                            f"{error.strerror}") from None


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    # WAL: readers (the History window) never block a build's write; NORMAL is crash-safe in
    # WAL mode (an app crash loses no committed record).
    _set_wal(cursor)
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def _set_wal(cursor: Any) -> None:
    """WAL mode, once per register file (it stays set). Turning it on needs the file to
    itself, and SQLite answers "locked" at once, without its busy wait, when another connection
    opens a new register at the same moment: try again for as long as a locked write waits."""
    import sqlite3

    deadline = time.monotonic() + SQLITE_BUSY_SECONDS
    while True:
        try:
            cursor.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as error:
            if "locked" not in str(error) or time.monotonic() > deadline:
                raise
            time.sleep(0.01)


def _migrate(engine: Engine, location: RegisterLocation) -> None:
    """Bring the schema to this app's head with Alembic; refuse a register from a newer app."""
    if current_revision(engine) == HEAD_REVISION:
        return  # the common case: no Alembic import, opening stays fast
    with _MIGRATING:
        _migrate_now(engine, location)


def _migrate_now(engine: Engine, location: RegisterLocation) -> None:
    current = current_revision(engine)  # again: another thread may have just migrated it
    if current == HEAD_REVISION:
        return
    from alembic import command
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    script = ScriptDirectory.from_config(config)
    if current is not None:
        try:
            known = script.get_revision(current) is not None
        except Exception:  # alembic raises several types for an unknown revision id
            known = False
        if not known:
            raise RegisterError(
                f"the register {location.label} was made by a newer version of this app "
                f"(schema {current}); update the app to use it")
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "head")


def current_revision(engine: Engine) -> str | None:
    """The schema revision stored in the register (None: a new, empty register)."""
    with engine.connect() as conn:
        try:
            return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
        except exc.DBAPIError as error:
            if _missing_table(error):
                conn.rollback()
                return None
            raise


def _missing_table(error: exc.DBAPIError) -> bool:
    message = str(error.orig).lower()
    return "no such table" in message or "does not exist" in message


def describe(error: BaseException, location: RegisterLocation, verb: str) -> str:
    """One sentence for a database error: what is wrong with which register, no traceback."""
    message = str(getattr(error, "orig", error) or "").lower()
    where = location.label
    if "database is locked" in message or "database table is locked" in message:
        return f"the register {where} is locked by another program; try again in a moment"
    if "file is not a database" in message or "malformed" in message or "corrupt" in message:
        return (f"the register {where} is damaged (not a readable database); move it aside "
                "and a new one is made, or restore it from a backup")
    if "readonly" in message or "read-only" in message or "unable to open" in message:
        return f"cannot {verb} the register {where}: the file or its folder is not writable"
    if "password authentication failed" in message or "authentication" in message:
        return f"the register {where} refused the user name or password"
    if "does not exist" in message and "database" in message:
        return f"the register {where} names a database that does not exist"
    if "connection" in message or "could not" in message or "timeout" in message \
            or "resolve" in message:
        return f"cannot reach the register {where} (server down, wrong host or port?)"
    return f"cannot {verb} the register {where} ({type(error).__name__})"
