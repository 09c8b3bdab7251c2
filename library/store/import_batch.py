"""An import's files committed many to a transaction, each file still undone alone.

One transaction per file cost more in SQL than a bare insert's whole file:
BEGIN, COMMIT (a WAL append of the file's pages, several of them the same
index leaves as the file before) and the write lock taken and given back.
SQLite's own advice for bulk inserts is one transaction for many rows.

`ImportBatch` opens a transaction when an import first writes and commits it
once `MAX_FILES` files were stored in it or `MAX_SECONDS` have gone by since
it began, whichever comes first, so another reader (the window's library
view, a second process) sees new rows arrive promptly and a crash loses at
most that much work.  Inside it each file is undone alone if it fails, and
the files before it in the batch stay: a new file is one INSERT, which SQLite
undoes by itself when it fails; a new version (several statements) is a
savepoint (`LibraryStore.add`).

The bound is checked between files: a file that takes long to read (a huge
one) delays the commit of those before it by that long.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from library.database import Database, translate_errors
from library.errors import DatabaseError

#: Files stored in one transaction at most.
MAX_FILES = 64
#: Seconds a batch stays open at most (checked between files).
MAX_SECONDS = 0.2
#: The clock the time bound is read from (tests replace it).
now: Callable[[], float] = time.monotonic


class ImportBatch:
    """The transaction an import's files are stored in, committed when due.

    Args:
        db: the library's database.
        on_undo: called when a batch's writes are undone (its commit failed,
            or SQLite rolled it back on an error): work kept in memory for
            the files of that batch must be forgotten.
        max_files, max_seconds: the bounds (default: `MAX_FILES`, `MAX_SECONDS`).
        clock: seconds, monotonic (default: `now`).

    Inside a caller's transaction (seeding the samples is one) it opens and
    commits nothing: that transaction decides, as before batches.
    """

    def __init__(
        self,
        db: Database,
        *,
        on_undo: Callable[[], None] = lambda: None,
        max_files: int | None = None,
        max_seconds: float | None = None,
        clock: Callable[[], float] | None = None,
    ) -> None:
        self.db = db
        self.max_files = MAX_FILES if max_files is None else max_files
        self.max_seconds = MAX_SECONDS if max_seconds is None else max_seconds
        self._on_undo = on_undo
        self._clock = clock if clock is not None else now
        self._began: float | None = None  # when our open transaction began
        self._files = 0
        #: Whether a batch was undone (its files not stored): the import stops.
        self.lost = False

    @property
    def open(self) -> bool:
        """Whether files were stored since the last commit (they are not on disk yet)."""
        return self._began is not None

    def begin(self) -> bool:
        """Before a file's writes: open the batch's transaction if none is open.

        Returns:
            Whether the file is written in this batch's transaction (False
            inside a caller's transaction, or on a file opened read-only).

        Raises:
            DatabaseError: SQLite ended this batch's transaction on its own
                (see `_check_alive`): its files were not stored.
        """
        self._check_alive()
        if self._began is None and not self.db.conn.in_transaction:
            if self.db.read_only_reason is not None:
                return False  # the file's own write_transaction refuses, as before batches
            try:
                with translate_errors(self.db.path):
                    # IMMEDIATE, as `write_transaction`: wait for the write lock up front.
                    self.db.conn.execute("BEGIN IMMEDIATE")
                self._began, self._files = self._clock(), 0
            except BaseException:
                # Ctrl-C after BEGIN, before the batch knew it was open: nobody
                # would end that transaction, and it holds the write lock.
                if self._began is None and self.db.conn.in_transaction:
                    self.db.conn.rollback()
                raise
        if self._began is None:
            return False
        self._files += 1
        return True

    def due(self) -> bool:
        """Whether the open batch has reached its count or its time."""
        if self._began is None:
            return False
        return self._files >= self.max_files or self._clock() - self._began >= self.max_seconds

    def commit(self) -> None:
        """Commit the open batch (nothing if none is open).

        Raises:
            DatabaseError: the commit failed (disk full, I/O error…) or SQLite
                had already ended the transaction: the batch's files are not
                stored; every batch committed before is.
        """
        if self._began is None:
            return
        self._check_alive()
        conn = self.db.conn
        try:
            with translate_errors(self.db.path):
                conn.execute("COMMIT")
            # Only now: the batch marked closed before its COMMIT ran (Ctrl-C in
            # between) had its files reported, uncommitted, and its lock kept.
            self._began = None
        except BaseException:
            # Never leave a transaction open holding the write lock.
            self._undo()
            raise

    def rollback(self) -> None:
        """Undo the open batch (nothing if none is open)."""
        if self._began is not None:
            self._undo()

    def _undo(self) -> None:
        self._began, self.lost = None, True
        if self.db.conn.in_transaction:
            self.db.conn.rollback()
        self._on_undo()

    def _check_alive(self) -> None:
        # SQLite rolls a whole transaction back on some errors (disk full,
        # I/O error, out of memory) and a hostile trigger can too: the
        # files stored since the last commit are then gone.
        if self._began is not None and not self.db.conn.in_transaction:
            self._undo()
            raise DatabaseError(
                f"Writing {self.db.path} failed and SQLite undid the files imported since "
                "the last commit; import again to add them."
            )
