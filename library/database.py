"""Opening Parallax's SQLite files safely.

Both stores (the rebuildable library index and the irreplaceable notes) open
their file through `open_database`, and write only inside `write_transaction`.

- Writers wait, never fail fast: every write transaction (the migrations on
  first open included) begins `IMMEDIATE`, so it takes the write lock up front
  and waits the busy timeout for another process instead of failing when a
  read transaction tries to upgrade.  The connection runs with
  `isolation_level=None`, so Python never starts a deferred transaction behind
  our back.
- Opens are cheap: no integrity check on every open.  SQLite reporting damage
  leaves a `<db>.needs-check` mark; the next open checks (and the caller sets
  a damaged file aside), and `parallax check` checks on request.
- Reading commands open with `read_only=True` (`mode=ro`): no migrations, no
  chmod, no journal change, so they work on a full disk or a read-only mount.
- Permissions the user set are respected: a read-only file or folder is
  opened for reading and writes are refused with one line saying why.
- SQLite's low-level failures become `DatabaseLocked` / `DatabaseCorrupt` /
  `DatabaseReadOnly` / `DatabaseError` with a message a user can act on.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import stat
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from library.errors import (
    DatabaseCorrupt,
    DatabaseError,
    DatabaseLocked,
    DatabaseReadOnly,
    DatabaseTooNew,
)
from library.migrations import Migrations, load_sqlite_utils, pending_names
from library.paths import ensure_private_dir
from library.set_aside import SIDE_FILES, check_mark, clear_check_mark, mark_for_check
from library.write_permission import write_refusal

if TYPE_CHECKING:
    import sqlite_utils
    from sqlite_utils.db import Table

BUSY_TIMEOUT_MS = 5000

# SQLite's primary result codes (`exc.sqlite_errorcode & 0xFF`).
_BUSY, _LOCKED, _READONLY, _IOERR, _CORRUPT, _FULL, _CANTOPEN, _NOTADB = 5, 6, 8, 10, 11, 13, 14, 26


class Database:
    """A SQLite connection that knows its file and whether it may be written.

    Reads and writes go through `execute` (plain `sqlite3`); sqlite-utils'
    table helpers (`table`, `utils`) load sqlite-utils on first use, so that
    opening an up-to-date file imports none of it.

    Attributes:
        conn: the connection (autocommit: `isolation_level=None`).
        path: the database file (for messages).
        read_only_reason: why writes are refused, as one line for the user;
            None when the file was opened for writing.
        note: something the user should know about how it was opened (e.g.
            read as a snapshot on a read-only disk); None normally.
        purpose: the words `read_only_reason` ends with ("make it writable to
            {purpose}."), so a write for another purpose can say its own.
    """

    def __init__(self, conn: sqlite3.Connection, path: Path, read_only_reason: str | None = None):
        self.conn = conn
        self.path = path
        self.read_only_reason = read_only_reason
        self.note: str | None = None
        self.purpose: str | None = None
        self._utils: sqlite_utils.Database | None = None
        self._savepoints = 0  # open `savepoint` blocks
        # As sqlite-utils sets it: a trigger's own writes fire triggers too.
        conn.execute("PRAGMA recursive_triggers = on")

    def execute(self, sql: str, parameters: Any = ()) -> sqlite3.Cursor:
        """Run one statement on the connection (no implicit transaction: see `_connect`)."""
        return self.conn.execute(sql, parameters)

    def close(self) -> None:
        self.conn.close()

    def refusal(self, purpose: str | None = None) -> str | None:
        """Why writes are refused, worded for `purpose` ("teach or forget aliases").

        The store's reason names the store's own purpose ("import or remove
        articles"), which is the wrong thing to tell a user who tried
        something else kept in the same file.
        """
        reason, own = self.read_only_reason, self.purpose
        if reason is None or not purpose or not own or not reason.endswith(f" {own}."):
            return reason
        return f"{reason[: -len(own) - 1]}{purpose}."

    @property
    def utils(self) -> sqlite_utils.Database:
        """sqlite-utils' view of the same connection (imported on first use)."""
        if self._utils is None:
            load_sqlite_utils()
            import sqlite_utils

            self._utils = sqlite_utils.Database(self.conn)
        return self._utils

    def table(self, name: str) -> Table:
        """sqlite-utils' table helper (insert, update, upsert) for `name`."""
        return self.utils.table(name)

    @contextlib.contextmanager
    def savepoint(self) -> Iterator[None]:
        """A savepoint inside the open transaction: undone alone if the block fails."""
        # Named by depth: distinct from an enclosing one, and the same text each
        # time, so `sqlite3` reuses the prepared statements (an import makes one
        # per file: a fresh name each time was parsed afresh, 0.02 ms).
        conn, name = self.conn, f"parallax_{self._savepoints}"
        conn.execute(f"SAVEPOINT {name}")
        self._savepoints += 1
        try:
            yield
        except BaseException:
            if conn.in_transaction:  # a RAISE(ROLLBACK) trigger may have ended it all
                conn.execute(f"ROLLBACK TO SAVEPOINT {name}")
                conn.execute(f"RELEASE SAVEPOINT {name}")
            raise
        else:
            conn.execute(f"RELEASE SAVEPOINT {name}")
        finally:
            self._savepoints -= 1


def open_database(
    path: Path,
    migrations: Migrations,
    *,
    synchronous: str = "NORMAL",
    read_only: bool = False,
    purpose: str = "change it",
) -> Database:
    """Open the SQLite file at `path`, creating it and bringing its schema up to date if allowed.

    Args:
        path: the database file; its directory is created private if missing.
        migrations: the schema steps for this file; pending ones are applied
            (in one `BEGIN IMMEDIATE` transaction) when the file is writable.
        synchronous: SQLite's `synchronous` level; notes use FULL for durability.
        read_only: a reading command: open an existing, up-to-date file with
            `mode=ro` and change nothing.  A missing or out-of-date file is
            still created/upgraded when the folder is writable (first run).
        purpose: what writing is for, ending the refusal message
            ("make it writable to {purpose}").

    Raises:
        DatabaseCorrupt: the file is not a usable database, or a newer
            Parallax wrote it.
        DatabaseLocked: another process kept it locked past the busy timeout.
        DatabaseError: it needs an upgrade that cannot be written.
    """
    refusal = write_refusal(path, purpose)
    if refusal is None and (not read_only or not path.exists()):
        try:
            return _open_for_writing(path, migrations, synchronous)
        except DatabaseError:
            if not (path.exists() and _disk_full(path)):
                raise
            # Still readable: the window opens, writes say why they cannot.
            refusal = _disk_full_message(path, purpose)
    if not path.exists():
        # Nothing to read and nowhere to create it: an empty store in memory.
        db = _open_empty(path, migrations, refusal)
        db.purpose = purpose
        return db
    db = open_for_reading(path, refusal or f"{path.name} was opened for reading only.")
    db.purpose = purpose
    try:
        with translate_errors(path):
            _check_readable(db, path)
            _refuse_newer(db, migrations, path)
            older = needs_migrating(db, migrations)
    except BaseException:
        db.close()
        raise
    if not older:
        return db
    db.close()
    if refusal is None:
        return _open_for_writing(path, migrations, synchronous)  # one-time upgrade
    raise DatabaseError(f"{path} was made by an older Parallax and needs an upgrade: {refusal}")


@contextlib.contextmanager
def write_transaction(db: Database, purpose: str | None = None) -> Iterator[None]:
    """One all-or-nothing write: `BEGIN IMMEDIATE` … `COMMIT`, `ROLLBACK` on any error.

    IMMEDIATE takes the write lock up front, so a second process waits (busy
    timeout) instead of failing with "database is locked" when its read
    transaction tries to upgrade.  Nested use becomes a savepoint.

    Args:
        purpose: what this write is for, if not the store's own purpose: a
            refusal then ends "make it writable to {purpose}".

    Raises:
        DatabaseReadOnly: the file was opened read-only; says why.
    """
    refusal = db.refusal(purpose)
    if refusal is not None:
        raise DatabaseReadOnly(refusal)
    with translate_errors(db.path):
        conn = db.conn
        if conn.in_transaction:
            with db.savepoint():
                yield
            return
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield
            conn.execute("COMMIT")
        except BaseException:
            # Covers a failed COMMIT too: never leave a transaction open
            # holding the write lock against other windows.
            if conn.in_transaction:
                conn.rollback()
            raise


@contextlib.contextmanager
def translate_errors(path: Path) -> Iterator[None]:
    """Re-raise SQLite's environment errors as Parallax errors naming `path`."""
    try:
        yield
    except sqlite3.DatabaseError as exc:
        if isinstance(exc, sqlite3.IntegrityError | sqlite3.ProgrammingError):
            raise
        code = _primary_code(exc)
        if code in (_BUSY, _LOCKED):
            raise DatabaseLocked(
                f"{path.name} is locked by another program (another Parallax window?); "
                "close it and try again."
            ) from exc
        if code == _FULL or (code == _IOERR and _disk_full(path)):
            raise DatabaseError(_disk_full_message(path, "try again")) from exc
        if code == _READONLY:
            raise DatabaseReadOnly(f"Cannot write {path}: it is read-only ({exc}).") from exc
        if code in (_IOERR, _CANTOPEN):
            raise DatabaseError(f"Cannot use {path}: {exc}") from exc
        if code in (_CORRUPT, _NOTADB):
            mark_for_check(path)
            raise DatabaseCorrupt(
                f"{path} is damaged or not a Parallax database ({exc}). `parallax check` "
                "shows what is wrong; the next open sets a damaged file aside (never deletes it)."
            ) from exc
        raise


# -- opening -------------------------------------------------------------------


def _connect(target: str, *, uri: bool = False) -> sqlite3.Connection:
    # isolation_level=None: no implicit (deferred) BEGIN from Python; every
    # transaction is an explicit `write_transaction`.  One connection per
    # thread: sqlite3's same-thread check turns a slip into an error, not a race.
    return sqlite3.connect(target, timeout=BUSY_TIMEOUT_MS / 1000, uri=uri, isolation_level=None)


def _open_for_writing(path: Path, migrations: Migrations, synchronous: str) -> Database:
    ensure_private_dir(path.parent)
    _create_private(path)
    try:
        conn = _connect(str(path))
    except sqlite3.Error as exc:
        raise DatabaseError(f"Cannot open {path}: {exc}") from exc
    db = Database(conn, path)
    try:
        with translate_errors(path):
            conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            _check_readable(db, path)
            # Only a new file needs the switch; it waits on the busy timeout.
            if conn.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
                conn.execute("PRAGMA journal_mode = WAL")
            conn.execute(f"PRAGMA synchronous = {synchronous}")
            conn.execute("PRAGMA foreign_keys = ON")
            _refuse_newer(db, migrations, path)
            # Checked before taking the write lock: a write on every open
            # would make `parallax list` wait behind another process's import.
            if needs_migrating(db, migrations):
                _migrate(db, migrations, path)
    except BaseException:
        db.close()
        raise
    _tighten_permissions(path)
    return db


def _migrate(db: Database, migrations: Migrations, path: Path) -> None:
    # All steps in one IMMEDIATE transaction, re-checked under the lock: of
    # several processes opening a fresh file at once, one applies the schema
    # and the others wait, then find nothing left to do.
    with write_transaction(db):
        _refuse_newer(db, migrations, path)
        if migrations.pending(db.utils):
            migrations.apply(db.utils)
        known = len(migrations._migrations)
        if db.execute("PRAGMA user_version").fetchone()[0] != known:
            db.execute(f"PRAGMA user_version = {known}")


def open_for_reading(path: Path, reason: str) -> Database:
    """Open `path` with `mode=ro` (`immutable=1` when its -shm cannot be made); writes refused.

    Args:
        reason: the `read_only_reason` a write attempt raises.
    """
    uri = f"{path.resolve().as_uri()}?mode=ro"
    try:
        conn = _connect(uri, uri=True)
    except sqlite3.Error as exc:
        raise DatabaseError(f"Cannot open {path}: {exc}") from exc
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.Error as exc:
        if _primary_code(exc) not in (_CANTOPEN, _READONLY, _IOERR):
            return Database(conn, path, reason)  # damage: the caller's first read reports it
        conn.close()
        # A WAL database whose -shm file cannot be made (read-only mount, full
        # disk): `immutable=1` reads the main file without one.  On a
        # read-only disk nobody can be writing it; on a full one a writer
        # could, and a torn read would only mark the file for a check.
        db = Database(_connect(uri + "&immutable=1", uri=True), path, reason)
        wal = Path(str(path) + "-wal")
        if wal.exists() and wal.stat().st_size > 0:
            db.note = (
                f"{path.name} was read without its write-ahead log ({wal.name} needs a "
                "writable folder), so its latest changes may be missing; copy the data "
                "folder somewhere writable to see them."
            )
        return db
    return Database(conn, path, reason)


def _open_empty(path: Path, migrations: Migrations, reason: str | None) -> Database:
    db = Database(_connect(":memory:"), path)
    _migrate(db, migrations, path)
    db.read_only_reason = reason or f"{path.name} was opened for reading only."
    return db


def _create_private(path: Path) -> None:
    """Create an empty WAL database at `path`, born 0600 and never seen half made.

    It is built under a temporary name and linked into place, so a process
    opening at the same moment finds no file or a valid one, never a 0-byte
    file (which looks like a truncated database).  SQLite gives the WAL and
    SHM files the main file's mode.
    """
    if path.exists():
        return
    partial = path.with_name(f".{path.name}.{os.getpid()}-{threading.get_ident()}.new")
    try:
        os.close(os.open(partial, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
        os.chmod(partial, 0o600)  # whatever the umask
        conn = sqlite3.connect(partial)
        try:
            conn.execute("PRAGMA journal_mode = WAL")  # writes the header page
        finally:
            conn.close()
        try:
            os.link(partial, path)
        except FileExistsError:
            pass  # another process made it first: use theirs
        except OSError:  # no hard links here (FAT, some network shares)
            if not path.exists():
                os.replace(partial, path)
    except (OSError, sqlite3.Error) as exc:
        raise DatabaseError(f"Cannot create {path}: {exc}") from exc
    finally:
        for leftover in (partial, *(Path(str(partial) + s) for s in SIDE_FILES)):
            with contextlib.suppress(OSError):
                leftover.unlink()


def _tighten_permissions(path: Path) -> None:
    # Take away group/other access, never add any: a 0400 file stays 0400.
    for candidate in (path, *(Path(str(path) + s) for s in SIDE_FILES)):
        with contextlib.suppress(OSError):
            mode = stat.S_IMODE(candidate.stat().st_mode)
            if mode & 0o077:
                os.chmod(candidate, mode & 0o700)


def _check_readable(db: Database, path: Path) -> None:
    # Reading the schema is the cheapest query that fails on a non-database
    # file; the full page check runs only after SQLite reported damage.
    db.execute("SELECT count(*) FROM sqlite_master").fetchone()
    mark = check_mark(path)
    if not mark.exists():
        return
    result = db.execute("PRAGMA quick_check").fetchone()
    if result is None or result[0] != "ok":
        raise DatabaseCorrupt(f"{path} failed SQLite's integrity check: {result}")
    clear_check_mark(path)


def _refuse_newer(db: Database, migrations: Migrations, path: Path) -> None:
    stored = db.execute("PRAGMA user_version").fetchone()[0]
    known = len(migrations._migrations)
    if stored > known:
        raise DatabaseTooNew(
            f"{path} was written by a newer version of Parallax (schema {stored}, "
            f"this version knows {known}); upgrade Parallax to open it."
        )


def needs_migrating(db: Database, migrations: Migrations) -> bool:
    """True if `db` lacks some of `migrations` (read-only queries, plain sqlite3)."""
    known = len(migrations._migrations)
    if db.execute("PRAGMA user_version").fetchone()[0] != known:
        return True
    return bool(pending_names(db.conn, migrations))


def _primary_code(exc: sqlite3.Error) -> int:
    """SQLite's primary result code of `exc`, 0 when it has none.

    Python 3.11+ gives every error SQLite raises its code; one without a code
    comes from `sqlite3` itself (a closed connection, a misuse) and is none of
    the states handled here, whatever its message says.
    """
    code = getattr(exc, "sqlite_errorcode", None)
    return 0 if code is None else int(code) & 0xFF


def _disk_full_message(path: Path, then: str) -> str:
    return f"disk full while writing {path}; nothing was changed. Free some space to {then}."


def _disk_full(path: Path) -> bool:
    # A full disk often reaches SQLite as an I/O error on its -shm/-wal file.
    try:
        return os.statvfs(path.parent).f_bavail == 0
    except (OSError, AttributeError):
        return False
