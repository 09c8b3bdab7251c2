"""Damaged databases: marked for a check, set aside, found again.

SQLite reporting damage leaves a `<db>.needs-check` mark (`mark_for_check`);
the next open checks the file, and a damaged one is moved aside as
`<db>.corrupt-<date>` (`quarantine`), never deleted, so that its notes can be
recovered (`set_aside` lists those copies).

Setting a damaged database aside when several processes find it at once:

Four commands opening the same damaged `notes.db` each saw the damage and each
moved "the damaged file" aside; the later ones moved the *new* file another
had just started, with the notes it had already written and acknowledged.
`quarantine` therefore moves a file only under an exclusive lock on its
folder, and only if the file there is still damaged.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from library.errors import DatabaseCorrupt
from library.write_permission import may_write_in, write_refusal

#: A database's side files, moved aside with it.
SIDE_FILES = ("-wal", "-shm", "-journal")
#: Left beside a database when SQLite reported damage: the next open checks it.
CHECK_MARK = ".needs-check"

#: SQLite's primary result codes that mean "this file is damaged".
_DAMAGE_CODES = {11, 26}  # SQLITE_CORRUPT, SQLITE_NOTADB


@contextlib.contextmanager
def exclusive_in(folder: Path) -> Iterator[None]:
    """Hold an exclusive advisory lock on `folder` (no lock where flock is missing)."""
    try:
        import fcntl
    except ImportError:  # Windows: renames of open files fail there anyway
        yield
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        yield
        return
    try:
        with contextlib.suppress(OSError):  # a file system without flock: no lock
            fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # releases the lock


def still_damaged(path: Path, check_mark: Path) -> bool:
    """Whether the file now at `path` is (still) damaged.

    False when it is gone or healthy: another process set the damaged one
    aside first and perhaps started a new one, which must not be moved.
    """
    try:
        info = path.stat()
    except OSError:
        return False
    wal = Path(f"{path}-wal")
    if info.st_size == 0 and (not wal.exists() or wal.stat().st_size == 0):
        return True  # truncated
    if check_mark.exists():
        return True  # SQLite reported damage in it during use
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=5)
        try:
            row = conn.execute("PRAGMA quick_check(1)").fetchone()
        finally:
            conn.close()
    except sqlite3.Error as exc:
        code = getattr(exc, "sqlite_errorcode", None)
        return code is None or (int(code) & 0xFF) in _DAMAGE_CODES
    return row is None or row[0] != "ok"


def set_aside(path: Path) -> list[Path]:
    """The damaged copies of `path` that `quarantine` moved aside, oldest first."""
    moved = sorted(path.parent.glob(f"{path.name}.corrupt-*"), key=os.path.getmtime)
    return [m for m in moved if not m.name.endswith(SIDE_FILES)]


def quarantine(path: Path) -> Path:
    """Move a damaged database (and its WAL/SHM files) aside with a timestamp.

    Returns the new path of the main file, which is never deleted so that the
    user can try to recover it.

    Raises:
        DatabaseCorrupt: the folder is read-only, so the file cannot be moved.
    """
    refusal = write_refusal(path, "set the damaged file aside")
    if refusal is not None:
        raise DatabaseCorrupt(f"{path} is damaged and cannot be moved aside: {refusal}")
    with exclusive_in(path.parent):
        if not still_damaged(path, check_mark(path)):
            # Another process opening the same damaged file moved it first,
            # and may have started the new one: never move that one.
            moved = set_aside(path)
            if not moved:
                raise DatabaseCorrupt(f"{path} was reported damaged but now reads fine.")
            return moved[-1]
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        target = path.with_name(f"{path.name}.corrupt-{stamp}")
        n = 1
        while target.exists():
            n += 1
            target = path.with_name(f"{path.name}.corrupt-{stamp}-{n}")
        path.rename(target)
        for suffix in SIDE_FILES:
            side = Path(str(path) + suffix)
            if side.exists():
                side.rename(Path(str(target) + suffix))
        clear_check_mark(path)  # the fresh file starts trusted
    return target


def mark_for_check(path: Path) -> None:
    """Leave a mark so the next open of `path` runs SQLite's quick check first."""
    if may_write_in(path.parent):
        with contextlib.suppress(OSError):
            os.close(os.open(check_mark(path), os.O_CREAT | os.O_WRONLY, 0o600))


def clear_check_mark(path: Path) -> None:
    """Forget an earlier damage report for `path` (it was checked and is fine)."""
    if may_write_in(path.parent):
        with contextlib.suppress(OSError):
            check_mark(path).unlink()


def refuse_truncated(path: Path) -> None:
    """Raise `DatabaseCorrupt` if `path` is 0 bytes and no WAL holds its pages.

    Parallax never leaves an empty database file (`_create_private` links a
    finished one into place), but SQLite reads one as a new, empty database.
    """
    wal = Path(f"{path}-wal")
    with contextlib.suppress(OSError):  # missing: a first run
        if path.stat().st_size == 0 and (not wal.exists() or wal.stat().st_size == 0):
            raise DatabaseCorrupt(f"{path} is empty (0 bytes): it was truncated.")


def check_mark(path: Path) -> Path:
    """The file whose presence says SQLite reported damage in `path`."""
    return path.with_name(path.name + CHECK_MARK)
