"""Moving notes to the article they belong on, when the library changes under them.

Three moments, one rule (a note follows its own article, never another):

* `reanchor`: a file came back changed and was stored as a new version, so
  its notes move to the new version (passages placed again or detached);
* `bind_all`: on open, notes bound to another library (library.db was
  rebuilt) or to none yet are matched to this one by their references, and
  those whose article is not here wait (see `library.notes.identity`);
* `attach_waiting`: an imported article takes back the notes waiting for it.

Functions of the store's own module family: they use its connection and
its write transaction, and never trust an id from another library.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import sqlite_utils

from library.article import Article
from library.errors import DatabaseError
from library.notes import anchoring, identity
from library.notes.model import ArticleRef, Note
from library.notes.rows import ref_row, row_for

if TYPE_CHECKING:
    from library.notes.store import NotesStore

# Notes whose ids may point at another library's articles.  Range tests,
# unlike `IS NOT`, use the index: this runs on every open.
_FOREIGN = "WHERE n.library_uid IS NULL OR n.library_uid < ? OR n.library_uid > ?"
# Notes that name this article (by text or file) on either side.
_NAMING = (
    "WHERE n.article_hash = ? OR n.article_path = ? OR n.article_b_hash = ? OR n.article_b_path = ?"
)
# What binding may change in a row.
_BINDING_COLUMNS = (
    "article_id", "article_b_id", "library_uid", *ref_row(None, "article_id"),
    *ref_row(None, "article_b_id"), "quote", "prefix", "suffix", "start", "end", "detached",
)  # fmt: skip


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


def reanchor(store: NotesStore, old_article_id: int, new_article: Article) -> ReanchorReport:
    """See `NotesStore.reanchor`."""
    assert new_article.id is not None
    report = ReanchorReport()
    found = store.raw_notes(
        "WHERE n.article_id = ? OR n.article_b_id = ?", [old_article_id, old_article_id]
    )
    # The same integer in a note bound to another library is another article.
    notes = [n for n in found if store.library_uid in (None, n.library_uid)]
    if not notes:
        return report
    new_ref = ArticleRef.of(new_article)
    db = store.db
    with store.batch():
        for note in notes:
            report.moved.append(note.id)
            for side in ("article_id", "article_b_id"):
                if getattr(note, side) == old_article_id:
                    db.execute(
                        f"UPDATE notes SET {side} = ? WHERE id = ?", [new_article.id, note.id]
                    )
                    set_ref(db, note.id, side, new_ref)
            if note.kind != "passage" or note.article_id != old_article_id:
                continue
            assert note.anchor is not None
            place = anchoring.relocate(note.anchor, new_article.body)
            if place is None:
                report.detached.append(note.id)
                db.execute("UPDATE notes SET detached = 1 WHERE id = ?", [note.id])
                continue
            report.reattached.append(note.id)
            a = anchoring.moved_anchor(note.anchor, new_article.body, place)
            db.execute(
                'UPDATE notes SET quote = ?, prefix = ?, suffix = ?, "start" = ?, '
                '"end" = ?, detached = 0 WHERE id = ?',
                [a.quote, a.prefix, a.suffix, a.start, a.end, note.id],
            )
    return report


def attach_waiting(store: NotesStore, article: Article) -> list[int]:
    """See `NotesStore.attach_waiting`."""
    if store.library is None:
        return []
    path, hash_ = article.source_path, article.content_hash
    candidates = store.raw_notes(_NAMING, [hash_, path, hash_, path])
    changed = [
        bound for note in candidates if (bound := identity.bind(note, store.library)) != note
    ]
    if changed:
        with store.batch():
            for note in changed:
                write_binding(store.db, note)
    return [note.id for note in changed]


def bind_all(store: NotesStore) -> None:
    """Match notes bound to another library (or to none yet) to the store's library."""
    if store.library is None:
        return
    uid = store.library.uid
    try:
        foreign = store.raw_notes(_FOREIGN, [uid, uid])
        if not foreign:
            return
        index = identity.CachedIndex(store.library)
        with store.batch():
            for note in foreign:
                write_binding(store.db, identity.bind(note, index))
    except DatabaseError:
        # Locked by another window, say: readers still never see a foreign
        # id (`identity.trusted`), and the next open tries again.
        return


def write_binding(db: sqlite_utils.Database, note: Note) -> None:
    """Store what `identity.bind` changed: ids, references, library, placement."""
    row = row_for(note)
    sets = ", ".join(f"[{c}] = ?" for c in _BINDING_COLUMNS)
    db.execute(
        f"UPDATE notes SET {sets} WHERE id = ?", [*(row[c] for c in _BINDING_COLUMNS), note.id]
    )


def set_ref(db: sqlite_utils.Database, note_id: int, side: str, ref: ArticleRef) -> None:
    """Record `ref` as the identity of one side ("article_id" or "article_b_id")."""
    row = ref_row(ref, side)
    sets = ", ".join(f"[{c}] = ?" for c in row)
    db.execute(f"UPDATE notes SET {sets} WHERE id = ?", [*row.values(), note_id])
