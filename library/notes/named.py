"""Which texts and files the notes name, read without opening the notes store.

An import asks, for every file it stores, whether notes wait for that
article (`NotesStore.attach_waiting`).  Opening the store for it imports
the notes package's heavy modules and, on a first import, creates
`notes.db`; asking costs a query per file.  Yet a note can wait for an
article only if it names the article's text hash or source file, and most
files are named by no note: `NamedArticles` answers that from one read of
every note's references, read again only when `notes.db` changed (another
connection, the store's own included, committed).

Qt-free, and imports nothing of the notes package.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

# Every reference a note keeps of its article(s): hash and file, both sides.
_NAMES_SQL = "SELECT article_hash, article_path, article_b_hash, article_b_path FROM notes"


class NamedArticles:
    """Whether any note in `notes.db` at `path` names an article, by its hash or file."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._conn: sqlite3.Connection | None = None
        self._names: frozenset[str] | None = None
        self._version: int | None = None

    def may_name(self, content_hash: str | None, source_path: str | None) -> bool:
        """False only when no note names this hash or file (so none waits for it).

        True when one does, or when `notes.db` cannot be read here (locked,
        an older layout): the caller then asks the notes store itself.
        """
        names = self._read()
        if names is None:
            return True
        return (content_hash or "") in names or (source_path or "") in names

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    def _read(self) -> frozenset[str] | None:
        if self._conn is None:
            if not self.path.exists():
                return frozenset()  # no notes at all (checked again next time)
            try:
                # Never creates notes.db, and only reads.  Not "ro": a read-only
                # connection to a WAL database left its -wal and -shm files behind.
                uri = self.path.absolute().as_uri() + "?mode=rw"
                self._conn = sqlite3.connect(uri, uri=True, check_same_thread=False)
            except sqlite3.Error:
                return None
        try:
            # Changes when any other connection commits to notes.db.
            (version,) = self._conn.execute("PRAGMA data_version").fetchone()
            if self._names is None or version != self._version:
                rows = self._conn.execute(_NAMES_SQL).fetchall()
                self._names = frozenset(value for row in rows for value in row if value)
                self._version = version
        except sqlite3.Error:
            return None
        return self._names
