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
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from library.article import Article
from library.database import Database, open_database, translate_errors, write_transaction
from library.errors import DatabaseCorrupt, DatabaseError, DatabaseReadOnly, NotFound
from library.notes import anchoring, backup, identity, relink
from library.notes.model import ArticleRef, Claim, Note, NoteKind, check_target, normalize_tags
from library.notes.relink import ReanchorReport
from library.notes.rows import SELECT, TAG_SQL, note_from_row, now, row_for, same_note
from library.notes.schema import HIGHEST_ID_KEY, migrations
from library.notes.search import NoteHit, search_notes
from library.paths import NOTES_DB
from library.search_index import register as register_index_function
from library.set_aside import quarantine, refuse_truncated
from library.write_permission import write_refusal

if TYPE_CHECKING:
    from library.store import LibraryStore
    from library.store.listing import ArticleSummary

ImportOutcome = Literal["added", "updated", "unchanged"]
# Only ids of the open library (params: `NotesStore._bound`); any when none is given.
_BOUND = " AND (? IS NULL OR n.library_uid = ?)"


class NotesStore:
    """The notes database in a data directory.

    Args:
        data_dir: the Parallax data dir; the file is `notes.db` inside it.
        make_backups: make a rolling backup on open, at most once a day.
        library: the open library.  Notes then carry its uid and each
            article's reference, ids from another library are never shown,
            and notes bound to another library (this one was rebuilt) are
            matched to its articles on open (see `library.notes.identity`).
            Without it ids are taken as stored (tools, tests).
        read_only: for reading commands: open without writing anything (see
            `open_database`); writes then raise `DatabaseReadOnly`.

    Attributes:
        path: the database file.
        recovered_from: when the existing file was damaged, where it was moved
            (the store then started empty); None normally.
    """

    def __init__(
        self,
        data_dir: Path,
        *,
        make_backups: bool = True,
        library: LibraryStore | None = None,
        read_only: bool = False,
    ) -> None:
        self.data_dir = Path(data_dir)
        self.library = library
        self.library_uid = None if library is None else library.uid
        self._bound = [self.library_uid, self.library_uid]
        self.path = self.data_dir / NOTES_DB
        self.recovered_from: Path | None = None
        try:
            refuse_truncated(self.path)
            self.db: Database = self._open(read_only)
        except DatabaseCorrupt:
            # DatabaseTooNew is not caught: moving it aside would hide the notes.
            # Never write into a damaged file; keep it for recovery.  Collect
            # first so the failed connection lets go of the file (Windows).
            gc.collect()
            self.recovered_from = quarantine(self.path)
            self.db = self._open(read_only)
        register_index_function(self.db)  # notes_fts's triggers call it on every write
        self.backup_error: str | None = None
        if self.db.read_only_reason is None:
            if make_backups:
                self._daily_backup()  # before `bind_all` may rewrite many rows
            # Read-only opens skip binding: readers still never see an id from
            # another library (`identity.trusted`), the next writable open binds.
            relink.bind_all(self)

    def _open(self, read_only: bool) -> Database:
        return open_database(
            self.path,
            migrations,
            synchronous="FULL",
            read_only=read_only,
            purpose="add or change notes",
        )

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
        ref = ArticleRef.of(article)
        note = self._new(
            "passage", text, tags, article_id=article.id, anchor=anchor, article_ref=ref
        )
        return self._insert(note)

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
        note = self.get(note_id)
        with self._write():
            self.db.execute(
                'UPDATE notes SET kind = ?, article_id = ?, quote = ?, prefix = ?, suffix = ?, '
                '"start" = ?, "end" = ?, detached = 0, updated_at = ? WHERE id = ?',
                ["passage", article.id, anchor.quote, anchor.prefix, anchor.suffix,
                 anchor.start, anchor.end, now(), note_id],
            )  # fmt: skip
            relink.set_ref(self.db, note_id, "article_id", ArticleRef.of(article))
            if self.library_uid is not None and note.library_uid != self.library_uid:
                # Its other side (if any) was from another library: not trusted.
                self.db.execute(
                    "UPDATE notes SET library_uid = ?, article_b_id = NULL WHERE id = ?",
                    [self.library_uid, note_id],
                )
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
        return relink.reanchor(self, old_article_id, new_article)

    def attach_waiting(self, article: Article | ArticleSummary) -> list[int]:
        """Re-attach the notes waiting for `article`, just imported; returns their ids.

        A note waits when its article is not in this library: the library was
        rebuilt, or the article removed, since the note was written.  It is
        found by the article's reference (text hash or source file), on either
        side of a comparison; trashed notes too.  Only its file and hash are read.
        """
        return relink.attach_waiting(self, article)

    def import_note(self, note: Note) -> ImportOutcome:
        """Store a note read from an export, matched to existing notes by `uid`.

        An existing note is replaced only by a newer edit of it (`updated_at`),
        so importing the same file twice, or an older file, changes nothing.
        The note keeps its id when that id is free.
        """
        check_target(note)
        if self.library is not None:
            # Its ids may come from another library (another computer, a
            # backup from before a rebuild): find its articles here.
            note = identity.bind(note, self.library)
        existing = self._fetch("WHERE n.uid = ?", [note.uid], raw=True)
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
            where.append(f"(n.article_id = ? OR n.article_b_id = ?){_BOUND}")
            params += [article_id, article_id, *self._bound]
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
            f"AND n.deleted_at IS NULL{_BOUND} ORDER BY n.created_at DESC, n.id DESC",
            [article_id, *self._bound],
        )

    def for_comparison(self, article_a_id: int, article_b_id: int) -> list[Note]:
        """Comparison and claim notes on this pair (either order), newest first."""
        return self._fetch(
            "WHERE n.kind IN ('comparison', 'claim') AND n.deleted_at IS NULL AND "
            "((n.article_id = ? AND n.article_b_id = ?) OR "
            f"(n.article_id = ? AND n.article_b_id = ?)){_BOUND} "
            "ORDER BY n.created_at DESC, n.id DESC",
            [article_a_id, article_b_id, article_b_id, article_a_id, *self._bound],
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
            hits = search_notes(self, text, tag=tag, limit=limit, marks=marks)
        return [
            NoteHit(identity.trusted(h.note, self.library_uid), h.snippet, h.rank) for h in hits
        ]

    # -- maintenance ---------------------------------------------------------

    def backup(self) -> Path:
        """Make a rolling backup now (SQLite backup API); returns its path."""
        refusal = write_refusal(backup.backups_dir(self.data_dir) / "notes.db", "make backups")
        if refusal is not None:  # a folder the user made read-only stays untouched
            raise DatabaseReadOnly(refusal)
        with translate_errors(self.path):
            return backup.make_backup(self.db.conn, self.data_dir)

    def integrity_check(self) -> str:
        """SQLite's full integrity check: "ok" or the first problem found."""
        return str(self.db.execute("PRAGMA integrity_check").fetchone()[0])

    def batch(self) -> contextlib.AbstractContextManager[None]:
        """One transaction around several writes (e.g. an import): all or nothing."""
        return self._write()

    # -- helpers -------------------------------------------------------------

    def _write(self) -> contextlib.AbstractContextManager[None]:
        return write_transaction(self.db)

    def _new(self, kind: NoteKind, text: str, tags: Iterable[str], **target: Any) -> Note:
        stamp = now()
        note = Note(
            id=0, uid=str(uuid.uuid4()), text=text, kind=kind, created_at=stamp,
            updated_at=stamp, tags=normalize_tags(tags), library_uid=self.library_uid, **target,
        )  # fmt: skip
        if self.library is None:
            return note
        return note.with_changes(
            article_ref=note.article_ref or self._ref_of(note.article_id),
            article_b_ref=self._ref_of(note.article_b_id),
        )

    def _ref_of(self, article_id: int | None) -> ArticleRef | None:
        if article_id is None or self.library is None:
            return None
        return ArticleRef.of(self.library.get(article_id))

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

    def raw_notes(self, where: str, params: list[Any]) -> list[Note]:
        """Notes as stored, ids of another library included (for `relink` only)."""
        return self._fetch(where, params, raw=True)

    def _fetch(self, where: str, params: list[Any], *, raw: bool = False) -> list[Note]:
        """Notes selected by `where`; unless `raw`, as readers may see them (`trusted`)."""
        with translate_errors(self.path):
            rows = self.db.execute(f"{SELECT} {where}", params).fetchall()
        notes = [note_from_row(row) for row in rows]
        if raw or self.library_uid is None:
            return notes
        return [identity.trusted(note, self.library_uid) for note in notes]

    def _daily_backup(self) -> None:
        try:
            if self.count() and not backup.backed_up_today(self.data_dir):
                self.backup()
        except (OSError, sqlite3.Error, DatabaseError) as exc:  # must not stop the app
            self.backup_error = str(exc)
