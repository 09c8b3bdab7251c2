"""`NotesStore`: the reader's private notes in `notes.db`.

Notes are the one thing Parallax cannot rebuild, so every write is its own
short `BEGIN IMMEDIATE` transaction on a WAL database with `synchronous=FULL`:
once a method returns, the note is on disk and survives a crash or `kill -9`,
and a second window waiting on the lock retries for the busy timeout instead
of failing.  A damaged file is never written to: it is moved aside and a fresh
one started, with `recovered_from` telling the caller where the old one went.
"""

from __future__ import annotations

import contextlib
import gc
import sqlite3
import uuid
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import sqlite_utils

from library.article import Article
from library.database import open_database, quarantine, translate_errors
from library.errors import DatabaseCorrupt, DatabaseError, NotFound
from library.notes import anchoring, backup
from library.notes.model import Claim, Note, NoteKind, check_target, normalize_tags
from library.notes.rows import SELECT, TAG_SQL, note_from_row, now, row_for, same_note
from library.notes.schema import HIGHEST_ID_KEY, migrations
from library.notes.search import NoteHit, search_notes
from library.paths import NOTES_DB

ImportOutcome = Literal["added", "updated", "unchanged"]


@dataclass
class ReanchorReport:
    """What `NotesStore.reanchor` did to the notes of a replaced article version.

    Attributes:
        moved: notes now pointing at the new version (all kinds).
        reattached: passage notes whose quote was found in the new text.
        detached: passage notes whose quote was not found; shown with their quote.
    """

    moved: list[int] = field(default_factory=list)
    reattached: list[int] = field(default_factory=list)
    detached: list[int] = field(default_factory=list)


class NotesStore:
    """The notes database in a data directory.

    Args:
        data_dir: the Parallax data dir; the file is `notes.db` inside it.
        make_backups: make a rolling backup on open, at most once a day.

    Attributes:
        path: the database file.
        recovered_from: when the existing file was damaged, where it was moved
            (the store then started empty); None normally.
    """

    def __init__(self, data_dir: Path, *, make_backups: bool = True) -> None:
        self.data_dir = Path(data_dir)
        self.path = self.data_dir / NOTES_DB
        self.recovered_from: Path | None = None
        try:
            _refuse_empty(self.path)
            self.db: sqlite_utils.Database = open_database(
                self.path, migrations, synchronous="FULL"
            )
        except DatabaseCorrupt:
            # DatabaseTooNew is not caught: moving it aside would hide the notes.
            # Never write into a damaged file; keep it for recovery.  Collect
            # first so the failed connection lets go of the file (Windows).
            gc.collect()
            self.recovered_from = quarantine(self.path)
            self.db = open_database(self.path, migrations, synchronous="FULL")
        self.backup_error: str | None = None
        if make_backups:
            self._daily_backup()

    def close(self) -> None:
        self.db.close()

    # -- writing -------------------------------------------------------------

    def add_article_note(self, article_id: int, text: str, tags: Iterable[str] = ()) -> Note:
        """A note on a whole article."""
        return self._insert(self._new("article", text, tags, article_id=article_id))

    def add_passage_note(
        self, article: Article, start: int, end: int, text: str = "", tags: Iterable[str] = ()
    ) -> Note:
        """A note on `article.body[start:end]`.

        Raises:
            ValueError: the range is empty or outside the body.
        """
        assert article.id is not None, "only stored articles can carry notes"
        anchor = anchoring.make_anchor(article.body, start, end)
        return self._insert(self._new("passage", text, tags, article_id=article.id, anchor=anchor))

    def add_quote_note(
        self, article: Article, quote: str, text: str = "", tags: Iterable[str] = ()
    ) -> Note:
        """A passage note located by its quoted text.

        Raises:
            NotFound: the quote is not in the article.
        """
        start, end = anchoring.find_quote(article.body, quote)
        return self.add_passage_note(article, start, end, text, tags)

    def add_comparison_note(
        self,
        article_a_id: int,
        article_b_id: int,
        text: str = "",
        tags: Iterable[str] = (),
        *,
        claim: Claim | None = None,
    ) -> Note:
        """A note on a comparison of two articles, or (with `claim`) on one divergent claim."""
        kind: NoteKind = "comparison" if claim is None else "claim"
        note = self._new(
            kind, text, tags, article_id=article_a_id, article_b_id=article_b_id, claim=claim
        )
        return self._insert(note)

    def update(
        self, note_id: int, *, text: str | None = None, tags: Iterable[str] | None = None
    ) -> Note:
        """Change a note's text and/or tags; a no-op (no write) if nothing differs.

        Raises:
            NotFound: no note has that id.
        """
        note = self.get(note_id)
        new_text = note.text if text is None else text
        new_tags = note.tags if tags is None else normalize_tags(tags)
        if new_text == note.text and new_tags == note.tags:
            return note
        with self._write():
            self.db.execute(
                "UPDATE notes SET text = ?, tags = ?, updated_at = ? WHERE id = ?",
                [new_text, " ".join(new_tags), now(), note_id],
            )
        return self.get(note_id)

    def attach(self, note_id: int, article: Article, start: int, end: int) -> Note:
        """Re-attach a (detached) note by hand to a passage of `article`."""
        assert article.id is not None
        anchor = anchoring.make_anchor(article.body, start, end)
        with self._write():
            self.db.execute(
                'UPDATE notes SET kind = ?, article_id = ?, quote = ?, prefix = ?, suffix = ?, '
                '"start" = ?, "end" = ?, detached = 0, updated_at = ? WHERE id = ?',
                ["passage", article.id, anchor.quote, anchor.prefix, anchor.suffix,
                 anchor.start, anchor.end, now(), note_id],
            )  # fmt: skip
        return self.get(note_id)

    def delete(self, note_id: int) -> Note:
        """Move a note to the trash (restorable with `restore`)."""
        self.get(note_id)
        stamp = now()
        with self._write():
            self.db.execute(
                "UPDATE notes SET deleted_at = ?, updated_at = ? WHERE id = ? "
                "AND deleted_at IS NULL",
                [stamp, stamp, note_id],
            )
        return self.get(note_id)

    def restore(self, note_id: int) -> Note:
        """Take a note out of the trash."""
        self.get(note_id)
        with self._write():
            self.db.execute(
                "UPDATE notes SET deleted_at = NULL, updated_at = ? WHERE id = ?",
                [now(), note_id],
            )
        return self.get(note_id)

    def purge(self, note_id: int) -> None:
        """Delete a trashed note for good (only notes already in the trash)."""
        if not self.get(note_id).in_trash:
            raise NotFound(f"Note {note_id} is not in the trash; delete it first.")
        with self._write():
            self._raise_highest_id(note_id)
            self.db.execute("DELETE FROM notes WHERE id = ?", [note_id])

    def reanchor(self, old_article_id: int, new_article: Article) -> ReanchorReport:
        """Move notes from a replaced version to `new_article`, re-placing passages.

        Passage notes are found again in the new text by their quote and
        context; those that cannot be placed keep their quote and become
        detached.  Nothing is dropped.  Trashed notes move too.
        """
        assert new_article.id is not None
        report = ReanchorReport()
        notes = self._fetch(
            "WHERE n.article_id = ? OR n.article_b_id = ?", [old_article_id, old_article_id]
        )
        if not notes:
            return report
        with self._write():
            for note in notes:
                report.moved.append(note.id)
                self.db.execute(
                    "UPDATE notes SET article_id = ? WHERE id = ? AND article_id = ?",
                    [new_article.id, note.id, old_article_id],
                )
                self.db.execute(
                    "UPDATE notes SET article_b_id = ? WHERE id = ? AND article_b_id = ?",
                    [new_article.id, note.id, old_article_id],
                )
                if note.kind != "passage" or note.article_id != old_article_id:
                    continue
                assert note.anchor is not None
                place = anchoring.relocate(note.anchor, new_article.body)
                if place is None:
                    report.detached.append(note.id)
                    self.db.execute("UPDATE notes SET detached = 1 WHERE id = ?", [note.id])
                    continue
                report.reattached.append(note.id)
                a = anchoring.moved_anchor(note.anchor, new_article.body, place)
                self.db.execute(
                    'UPDATE notes SET quote = ?, prefix = ?, suffix = ?, "start" = ?, '
                    '"end" = ?, detached = 0 WHERE id = ?',
                    [a.quote, a.prefix, a.suffix, a.start, a.end, note.id],
                )
        return report

    def import_note(self, note: Note) -> ImportOutcome:
        """Store a note read from an export, matched to existing notes by `uid`.

        An existing note is replaced only by a newer edit of it (`updated_at`),
        so importing the same file twice, or an older file, changes nothing.
        The note keeps its id when that id is free.
        """
        check_target(note)
        existing = self._fetch("WHERE n.uid = ?", [note.uid])
        if existing:
            old = existing[0]
            if note.updated_at <= old.updated_at or same_note(old, note):
                return "unchanged"
            row = row_for(note)
            del row["id"]
            with self._write():
                self.db.table("notes").update(old.id, row)
            return "updated"
        row = row_for(note)
        taken = note.id <= 0 or self._fetch("WHERE n.id = ?", [note.id])
        with self._write():
            if taken:
                row["id"] = self._next_id()
            self.db.table("notes").insert(row)
        return "added"

    # -- reading -------------------------------------------------------------

    def get(self, note_id: int) -> Note:
        """Any note by id, trashed or not.

        Raises:
            NotFound: no note has that id.
        """
        found = self._fetch("WHERE n.id = ?", [note_id])
        if not found:
            raise NotFound(f"No note with id {note_id}.")
        return found[0]

    def find_uid(self, uid: str) -> Note | None:
        """The note with this export identity, if present."""
        found = self._fetch("WHERE n.uid = ?", [uid])
        return found[0] if found else None

    def notes(
        self,
        *,
        article_id: int | None = None,
        tag: str | None = None,
        trash: bool = False,
        limit: int | None = None,
    ) -> list[Note]:
        """Notes, newest first.

        Args:
            article_id: only notes on this article (any kind, either side).
            tag: only notes with this tag.
            trash: list the trash instead of live notes.
            limit: at most this many.
        """
        where = ["n.deleted_at IS NOT NULL" if trash else "n.deleted_at IS NULL"]
        params: list[Any] = []
        if article_id is not None:
            where.append("(n.article_id = ? OR n.article_b_id = ?)")
            params += [article_id, article_id]
        wanted = normalize_tags([tag]) if tag else ()
        if wanted:
            where.append(TAG_SQL)
            params.append(wanted[0])
        sql = "WHERE " + " AND ".join(where) + " ORDER BY n.created_at DESC, n.id DESC"
        if limit is not None:
            sql += " LIMIT ?"
            params.append(limit)
        return self._fetch(sql, params)

    def trash(self) -> list[Note]:
        """Notes in the trash, most recently created first."""
        return self.notes(trash=True)

    def for_article(self, article_id: int) -> list[Note]:
        """Article and passage notes of one article, newest first."""
        return self._fetch(
            "WHERE n.article_id = ? AND n.kind IN ('article', 'passage') "
            "AND n.deleted_at IS NULL ORDER BY n.created_at DESC, n.id DESC",
            [article_id],
        )

    def for_comparison(self, article_a_id: int, article_b_id: int) -> list[Note]:
        """Comparison and claim notes on this pair (either order), newest first."""
        return self._fetch(
            "WHERE n.kind IN ('comparison', 'claim') AND n.deleted_at IS NULL AND "
            "((n.article_id = ? AND n.article_b_id = ?) OR "
            "(n.article_id = ? AND n.article_b_id = ?)) ORDER BY n.created_at DESC, n.id DESC",
            [article_a_id, article_b_id, article_b_id, article_a_id],
        )

    def all_notes(self, *, include_trash: bool = True) -> list[Note]:
        """Every note, oldest first (the export order)."""
        where = "" if include_trash else "WHERE n.deleted_at IS NULL "
        return self._fetch(where + "ORDER BY n.created_at, n.id", [])

    def count(self) -> int:
        row = self.db.execute("SELECT count(*) FROM notes WHERE deleted_at IS NULL").fetchone()
        return int(row[0])

    def tags(self) -> list[tuple[str, int]]:
        """Every tag on a live note with how many notes carry it, most used first."""
        counts: dict[str, int] = {}
        with translate_errors(self.path):
            rows = self.db.execute(
                "SELECT tags FROM notes WHERE deleted_at IS NULL AND tags != ''"
            ).fetchall()
        for (tags,) in rows:
            for tag in tags.split():
                counts[tag] = counts.get(tag, 0) + 1
        return sorted(counts.items(), key=lambda item: (-item[1], item[0]))

    def search(
        self,
        text: str,
        *,
        tag: str | None = None,
        limit: int = 20,
        marks: tuple[str, str] = ("[", "]"),
    ) -> list[NoteHit]:
        """Full-text search over live notes' text, tags and quotes, best first.

        Args:
            text: what the user typed; parsed safely (`library.fts_query`).
            tag: only notes with this tag.
            marks: strings put around each matching word in the snippet.

        Raises:
            InvalidQuery: `text` has no word to search for.
        """
        with translate_errors(self.path):
            return search_notes(self, text, tag=tag, limit=limit, marks=marks)

    # -- maintenance ---------------------------------------------------------

    def backup(self) -> Path:
        """Make a rolling backup now (SQLite backup API); returns its path."""
        with translate_errors(self.path):
            return backup.make_backup(self.db.conn, self.data_dir)

    def integrity_check(self) -> str:
        """SQLite's full integrity check: "ok" or the first problem found."""
        return str(self.db.execute("PRAGMA integrity_check").fetchone()[0])

    def batch(self) -> contextlib.AbstractContextManager[None]:
        """One transaction around several writes (e.g. an import): all or nothing."""
        return self._write()

    # -- helpers -------------------------------------------------------------

    @contextlib.contextmanager
    def _write(self) -> Iterator[None]:
        # IMMEDIATE takes the write lock up front, so a second window waits
        # (busy timeout) instead of failing with "database is locked" when a
        # read transaction tries to upgrade.
        with translate_errors(self.path):
            conn = self.db.conn
            if conn.in_transaction:
                with self.db.atomic():
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

    def _new(self, kind: NoteKind, text: str, tags: Iterable[str], **target: Any) -> Note:
        stamp = now()
        return Note(
            id=0, uid=str(uuid.uuid4()), text=text, kind=kind, created_at=stamp,
            updated_at=stamp, tags=normalize_tags(tags), **target,
        )  # fmt: skip

    def _insert(self, note: Note) -> Note:
        check_target(note)
        row = row_for(note)
        with self._write():
            row["id"] = new_id = self._next_id()
            self.db.table("notes").insert(row)
        return note.with_changes(id=new_id)

    def _next_id(self) -> int:
        """One above any id ever given (call inside a write transaction)."""
        highest = self.db.execute("SELECT max(id) FROM notes").fetchone()[0] or 0
        row = self.db.execute(
            "SELECT value FROM notes_meta WHERE key = ?", [HIGHEST_ID_KEY]
        ).fetchone()
        return max(int(highest), int(row[0]) if row else 0) + 1

    def _raise_highest_id(self, note_id: int) -> None:
        self.db.execute(
            "INSERT INTO notes_meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE "
            "SET value = max(CAST(value AS INTEGER), CAST(excluded.value AS INTEGER))",
            [HIGHEST_ID_KEY, str(note_id)],
        )

    def _fetch(self, where: str, params: list[Any]) -> list[Note]:
        with translate_errors(self.path):
            rows = self.db.execute(f"{SELECT} {where}", params).fetchall()
        return [note_from_row(row) for row in rows]

    def _daily_backup(self) -> None:
        try:
            if self.count() and not backup.backed_up_today(self.data_dir):
                self.backup()
        except (OSError, sqlite3.Error, DatabaseError) as exc:  # must not stop the app
            self.backup_error = str(exc)


def _refuse_empty(path: Path) -> None:
    """A 0-byte `notes.db` is damage, not "no notes yet".

    Opening a store writes the header at once (setting WAL writes page 1), so
    an existing empty file means something truncated the user's notes; SQLite
    would happily treat it as a new database and the loss would go unnoticed.

    Raises:
        DatabaseCorrupt: `path` exists and is empty, and no WAL holds its pages.
    """
    try:
        empty = path.stat().st_size == 0
        wal = Path(f"{path}-wal")
        empty = empty and (not wal.exists() or wal.stat().st_size == 0)
    except OSError:
        return  # missing: a first run; unreadable: open_database says why
    if empty:
        raise DatabaseCorrupt(f"{path} is empty (0 bytes): it was truncated.")
