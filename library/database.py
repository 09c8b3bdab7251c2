"""Opening Parallax's SQLite files safely.

Both stores (the rebuildable library index and the irreplaceable notes) open
their file through `open_database`, which makes it private (0600), turns on
WAL and a busy timeout, applies migrations, and turns SQLite's low-level
failures into `DatabaseLocked` / `DatabaseCorrupt` with a message a user can
act on.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import sqlite_utils
from sqlite_utils.migrations import Migrations

from library.errors import DatabaseCorrupt, DatabaseError, DatabaseLocked, DatabaseTooNew
from library.paths import ensure_private_dir

BUSY_TIMEOUT_MS = 5000
_SIDE_FILES = ("-wal", "-shm", "-journal")


def open_database(
    path: Path, migrations: Migrations, *, synchronous: str = "NORMAL"
) -> sqlite_utils.Database:
    """Open (creating if needed) the SQLite file at `path` and bring its schema up to date.

    Args:
        path: the database file; its directory is created private if missing.
        migrations: the schema steps for this file; pending ones are applied.
        synchronous: SQLite's `synchronous` level; notes use FULL for durability.

    Raises:
        DatabaseCorrupt: the file is not a usable database, or a newer
            Parallax wrote it.
        DatabaseLocked: another process kept it locked past the busy timeout.
    """
    ensure_private_dir(path.parent)
    _create_private(path)
    try:
        # One connection per thread (the import worker opens its own
        # Collection; the comparison worker gets texts, not the store):
        # sqlite3's same-thread check turns a slip into an error, not a race.
        conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000)
    except sqlite3.Error as exc:
        raise DatabaseError(f"Cannot open {path}: {exc}") from exc
    db = sqlite_utils.Database(conn)
    with translate_errors(path):
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        _check_readable(conn, path)
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute(f"PRAGMA synchronous = {synchronous}")
        conn.execute("PRAGMA foreign_keys = ON")
        _refuse_newer(db, migrations, path)
        if migrations.pending(db):
            migrations.apply(db)
        # Written only when it changes: a write on every open would make a
        # read-only command (`parallax list`) wait on, and fail behind, another
        # process's long write transaction.
        if db.execute("PRAGMA user_version").fetchone()[0] != len(migrations._migrations):
            conn.execute(f"PRAGMA user_version = {len(migrations._migrations)}")
    _chmod_private(path)
    return db


@contextlib.contextmanager
def translate_errors(path: Path) -> Iterator[None]:
    """Re-raise SQLite's environment errors as Parallax errors naming `path`."""
    try:
        yield
    except sqlite3.OperationalError as exc:
        message = str(exc).lower()
        if "locked" in message or "busy" in message:
            raise DatabaseLocked(
                f"{path.name} is locked by another program (another Parallax window?); "
                "close it and try again."
            ) from exc
        if "disk" in message and ("full" in message or "i/o" in message):
            raise DatabaseError(f"Cannot write {path}: {exc}") from exc
        if "readonly" in message or "unable to open" in message:
            raise DatabaseError(f"Cannot write {path}: {exc}") from exc
        raise
    except sqlite3.DatabaseError as exc:
        if isinstance(exc, sqlite3.IntegrityError | sqlite3.ProgrammingError):
            raise
        raise DatabaseCorrupt(f"{path} is damaged or not a Parallax database ({exc}).") from exc


def quarantine(path: Path) -> Path:
    """Move a damaged database (and its WAL/SHM files) aside with a timestamp.

    Returns the new path of the main file, which is never deleted so that the
    user can try to recover it.
    """
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.corrupt-{stamp}")
    n = 1
    while target.exists():
        n += 1
        target = path.with_name(f"{path.name}.corrupt-{stamp}-{n}")
    try:
        path.rename(target)
    except FileNotFoundError:
        # Another process opening the same damaged file moved it first.
        moved = sorted(path.parent.glob(f"{path.name}.corrupt-*"), key=os.path.getmtime)
        moved = [m for m in moved if not m.name.endswith(_SIDE_FILES)]
        if not moved:
            raise
        return moved[-1]
    for suffix in _SIDE_FILES:
        side = Path(str(path) + suffix)
        if side.exists():
            side.rename(Path(str(target) + suffix))
    return target


def _create_private(path: Path) -> None:
    # Create the file ourselves so it is born 0600; SQLite gives the WAL and
    # SHM files the main file's mode.
    if not path.exists():
        fd = os.open(path, os.O_CREAT | os.O_WRONLY, 0o600)
        os.close(fd)
    _chmod_private(path)


def _chmod_private(path: Path) -> None:
    for candidate in (path, *(Path(str(path) + s) for s in _SIDE_FILES)):
        with contextlib.suppress(FileNotFoundError):
            os.chmod(candidate, 0o600)


def _check_readable(conn: sqlite3.Connection, path: Path) -> None:
    # Reading the schema is the cheapest query that fails on a non-database file.
    conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    result = conn.execute("PRAGMA quick_check").fetchone()
    if result is None or result[0] != "ok":
        raise DatabaseCorrupt(f"{path} failed SQLite's integrity check: {result}")


def _refuse_newer(db: sqlite_utils.Database, migrations: Migrations, path: Path) -> None:
    stored = db.execute("PRAGMA user_version").fetchone()[0]
    known = len(migrations._migrations)
    if stored > known:
        raise DatabaseTooNew(
            f"{path} was written by a newer version of Parallax (schema {stored}, "
            f"this version knows {known}); upgrade Parallax to open it."
        )
