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

from library.errors import DatabaseError
from library.notes import backup
from library.notes.model import InvalidNote, Note
from library.notes.rows import note_from_row, select_for

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
    """Every readable note in the SQLite file at `path`, and how many rows were not.

    The file is opened read-only; a damaged b-tree is read row by row so one
    bad page costs only the notes on it.

    Raises:
        DatabaseError: the file cannot be opened as SQLite or has no notes table.
    """
    notes: list[Note] = []
    bad = 0
    with _readonly(path) as conn:
        # A backup made before a schema change lacks the newer columns.
        select = select_for(conn)
        try:
            rows = conn.execute(select).fetchall()
            return [note_from_row(r) for r in rows], 0
        except sqlite3.DatabaseError:
            pass  # fall back to one row at a time
        try:
            top = conn.execute("SELECT max(rowid) FROM notes").fetchone()[0] or 0
        except sqlite3.DatabaseError as exc:
            raise DatabaseError(f"No notes can be read from {path}: {exc}") from exc
        for rowid in range(1, int(top) + 1):
            try:
                row = conn.execute(f"{select} WHERE n.id = ?", [rowid]).fetchone()
            except sqlite3.DatabaseError:
                bad += 1
                continue
            if row is not None:
                try:
                    notes.append(note_from_row(row))
                except (ValueError, TypeError, InvalidNote):
                    bad += 1
    return notes, bad


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
    if not path.exists():
        raise DatabaseError(f"{path} does not exist.")
    if not path.is_file():
        raise DatabaseError(f"{path} is not a file (a notes.db or a backup of it).")
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
