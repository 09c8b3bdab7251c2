"""Getting notes back out of a damaged `notes.db` or a backup copy.

A damaged file is moved aside, never deleted (see `NotesStore`).  `salvage`
reads whatever rows are still readable from such a file, or from a backup,
and imports them into the live store, matched by `uid` like a JSON import, so
running it twice, or on a file whose notes are already present, adds nothing.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import sqlite_utils

from library.errors import DatabaseError
from library.notes import backup, pages
from library.notes.model import KINDS, InvalidNote, Note
from library.notes.rows import COLUMNS, note_from_row, select_for
from library.notes.schema import migrations

if TYPE_CHECKING:
    from library.notes.store import NotesStore


@dataclass
class SalvageReport:
    """What `salvage` found.

    Attributes:
        added: ids of notes that were missing and are now back.
        present: notes already in the store (same or newer edit).
        unreadable: rows that could not be read from the damaged file.
    """

    added: list[int] = field(default_factory=list)
    present: int = 0
    unreadable: int = 0

    def summary(self) -> str:
        text = f"{len(self.added)} note(s) recovered, {self.present} already present"
        return text + (f", {self.unreadable} unreadable" if self.unreadable else "")


def read_notes(path: Path) -> tuple[list[Note], int]:
    """Every readable note in the SQLite file at `path`, and how many known notes were not.

    A healthy file (a backup) is read by SQLite.  A damaged or truncated one
    is read twice and the results merged by `uid` (the newest edit wins):
    row by row through SQLite, so one bad page costs only the notes on it,
    and page by page (`library.notes.pages`), which also finds the notes on
    intact pages SQLite can no longer reach.  The file is never written.

    Raises:
        DatabaseError: `path` is missing, empty, or holds no readable note.
    """
    _check_file(path)
    with (
        contextlib.suppress(DatabaseError, sqlite3.DatabaseError, *_BAD_ROW),
        _readonly(path) as conn,
    ):
        # A backup made before a schema change lacks the newer columns.
        return [note_from_row(r) for r in conn.execute(select_for(conn)).fetchall()], 0
    found: dict[str, Note] = {}
    failed: set[int] = set()
    try:
        by_row, failed = _row_by_row(path)
    except DatabaseError:
        by_row = []
    by_page, page_failed = _page_by_page(path)
    for note in [*by_row, *by_page]:
        known = found.get(note.uid)
        if known is None or note.updated_at > known.updated_at:
            found[note.uid] = note
    if not found and not failed | page_failed:
        raise DatabaseError(f"No notes can be read from {path}: it is not a readable notes file.")
    unreadable = (failed | page_failed) - {n.id for n in found.values()}
    return sorted(found.values(), key=lambda n: n.id), len(unreadable)


def _row_by_row(path: Path) -> tuple[list[Note], set[int]]:
    """Notes SQLite can still read one rowid at a time, and the rowids it failed on."""
    notes: list[Note] = []
    bad: set[int] = set()
    with _readonly(path) as conn:
        select = select_for(conn)
        try:
            top = conn.execute("SELECT max(rowid) FROM notes").fetchone()[0] or 0
        except sqlite3.DatabaseError as exc:
            raise DatabaseError(f"No notes can be read from {path}: {exc}") from exc
        for rowid in range(1, int(top) + 1):
            try:
                row = conn.execute(f"{select} WHERE n.id = ?", [rowid]).fetchone()
                if row is not None:
                    notes.append(note_from_row(row))
            except (sqlite3.DatabaseError, *_BAD_ROW):
                bad.add(rowid)
    return notes, bad


def _page_by_page(path: Path) -> tuple[list[Note], set[int]]:
    """Notes read from the file's pages directly, and the rowids found damaged."""
    try:
        found = pages.read_rows(path, "notes", _notes_sql())
    except OSError as exc:
        raise DatabaseError(f"Cannot read {path}: {exc.strerror}") from exc
    notes: list[Note] = []
    for row in found.rows:
        if not _looks_like_note(row):
            continue  # a row of another table, on a page whose parent was lost
        try:
            notes.append(note_from_row(tuple(row.get(c) for c in COLUMNS)))
        except _BAD_ROW:
            if isinstance(row.get("id"), int):
                found.unreadable.add(int(row["id"]))  # type: ignore[arg-type]
    return notes, found.unreadable


# What `note_from_row` raises on a row whose values are not a note's.
_BAD_ROW = (ValueError, TypeError, InvalidNote)
_TEXT = ("uid", "kind", "text", "tags", "created_at", "updated_at")


def _looks_like_note(row: dict[str, pages.Value]) -> bool:
    return (
        all(isinstance(row.get(c), str) for c in _TEXT)
        and row.get("kind") in KINDS
        and isinstance(row.get("id"), int)
        and isinstance(row.get("article_id"), int | None)
    )


def _notes_sql() -> str:
    """This version's `CREATE TABLE notes`, for a file whose own schema page is lost."""
    db = sqlite_utils.Database(memory=True)
    try:
        migrations.apply(db)
        return str(db.execute("SELECT sql FROM sqlite_master WHERE name = 'notes'").fetchone()[0])
    finally:
        db.close()


def _check_file(path: Path) -> None:
    try:
        exists = path.exists()
    except OSError as exc:  # e.g. a name too long for the file system
        raise DatabaseError(f"Cannot read {path}: {exc.strerror or exc}") from exc
    if not exists:
        raise DatabaseError(f"{path} does not exist.")
    if not path.is_file():
        raise DatabaseError(f"{path} is not a file (a notes.db or a backup of it).")
    if path.stat().st_size == 0 and not Path(f"{path}-wal").exists():
        raise DatabaseError(f"{path} is empty (0 bytes): there is nothing in it to recover.")


def salvage(store: NotesStore, path: Path) -> SalvageReport:
    """Import every readable note of `path` (a damaged file or a backup) into `store`."""
    notes, bad = read_notes(path)
    report = SalvageReport(unreadable=bad)
    with store.batch():
        for note in notes:
            try:
                outcome = store.import_note(note)
            except InvalidNote:
                report.unreadable += 1
                continue
            if outcome == "added":
                found = store.find_uid(note.uid)
                report.added.append(found.id if found else note.id)
            else:
                report.present += 1
    return report


def latest_backup(data_dir: Path) -> Path | None:
    """The newest rolling backup of the notes, if any."""
    existing = backup.list_backups(data_dir)
    return existing[-1] if existing else None


@contextlib.contextmanager
def _readonly(path: Path) -> Iterator[sqlite3.Connection]:
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        raise DatabaseError(f"Cannot open {path}: {exc}") from exc
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise DatabaseError(f"{path} is not a readable SQLite file ({exc}).") from exc
    try:
        yield conn
    finally:
        conn.close()
