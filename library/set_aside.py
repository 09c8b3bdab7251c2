"""Setting a damaged database aside when several processes find it at once.

Four commands opening the same damaged `notes.db` each saw the damage and each
moved "the damaged file" aside; the later ones moved the *new* file another
had just started, with the notes it had already written and acknowledged.
`quarantine` therefore moves a file only under an exclusive lock on its
folder, and only if the file there is still damaged.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path

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
