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

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from library.article import Article
from library.database import Database, translate_errors
from library.errors import DatabaseError
from library.notes import anchoring, identity
from library.notes.model import ArticleRef, Note
from library.notes.rows import ref_row, row_for

if TYPE_CHECKING:
    from library.notes.store import NotesStore
    from library.store.listing import ArticleSummary

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


def attach_waiting(store: NotesStore, article: Article | ArticleSummary) -> list[int]:
    """See `NotesStore.attach_waiting`."""
    if store.library is None:
        return []
    path, hash_ = article.source_path, article.content_hash
    index = identity.CachedIndex(store.library)
    params = [hash_, path, hash_, path]
    # Most notes naming an article are on it already, and share a handful of
    # (library, kind, ids): decide on those first, in one grouped query, and
    # read in full only the notes that wait.
    with translate_errors(store.path):
        groups = store.db.execute(
            "SELECT 0, n.library_uid, n.kind, n.article_id, n.article_b_id FROM notes n "
            f"{_NAMING} GROUP BY 2, 3, 4, 5",
            params,
        ).fetchall()
    if not any(_waits(group, index) for group in groups):
        return []
    waiting = [row[0] for row in _light(store, _NAMING, params) if _waits(row, index)]
    return _bind(store, waiting, index)


def bind_all(store: NotesStore) -> None:
    """Match notes bound to another library (or to none yet) to the store's library.

    Only notes that change are written: those whose article is here, and old
    notes not bound to any library yet.  The rest keep waiting, and readers
    never see their ids (`identity.trusted`); after a rebuild that is most
    notes, so opening stays quick.
    """
    if store.library is None:
        return
    uid = store.library.uid
    index = identity.CachedIndex(store.library)
    try:
        rows = _light(store, _FOREIGN, [uid, uid])
        found = [
            row[0]
            for row in rows
            if row[1] is None
            or any(index.find(h, p) for h, p in ((row[5], row[6]), (row[7], row[8])) if h or p)
        ]
        _bind(store, found, index)
    except DatabaseError:
        # Locked by another window, say: readers still never see a foreign
        # id, and the next open tries again.
        return


def _light(store: NotesStore, where: str, params: Sequence[object]) -> list[tuple[Any, ...]]:
    """(id, library_uid, kind, article_id, article_b_id, a hash, a path, b hash, b path)."""
    with translate_errors(store.path):
        return store.db.execute(
            "SELECT n.id, n.library_uid, n.kind, n.article_id, n.article_b_id, n.article_hash, "
            f"n.article_path, n.article_b_hash, n.article_b_path FROM notes n {where}",
            params,
        ).fetchall()


def _waits(row: tuple[Any, ...], index: identity.CachedIndex) -> bool:
    """Whether a side of this note has no article in the library (see `identity.bind`)."""
    _, library_uid, kind, a_id, b_id = row[:5]
    if library_uid != index.uid:
        return True
    ids = (a_id, b_id) if kind in ("comparison", "claim") else (a_id,)
    return any(i is None or not index.exists(i) for i in ids)


def _bind(store: NotesStore, note_ids: list[int], index: identity.CachedIndex) -> list[int]:
    """Bind these notes to the library and write those that changed; their ids."""
    changed: list[tuple[Note, Note]] = []
    for at in range(0, len(note_ids), 500):
        chunk = note_ids[at : at + 500]
        marks = ", ".join("?" * len(chunk))
        for note in store.raw_notes(f"WHERE n.id IN ({marks})", list(chunk)):
            bound = identity.bind(note, index)
            if bound != note:
                changed.append((note, bound))
    if changed:
        with store.batch():
            for old, new in changed:
                write_binding(store.db, new, old)
    return [new.id for _, new in changed]


def write_binding(db: Database, note: Note, old: Note) -> None:
    """Store what `identity.bind` changed from `old`: ids, references, library, placement."""
    row, before = row_for(note), row_for(old)
    # Only the columns that differ: each indexed column set costs an index write.
    columns = [c for c in _BINDING_COLUMNS if row[c] != before[c]]
    if columns:
        sets = ", ".join(f"[{c}] = ?" for c in columns)
        db.execute(f"UPDATE notes SET {sets} WHERE id = ?", [*(row[c] for c in columns), note.id])


def set_ref(db: Database, note_id: int, side: str, ref: ArticleRef) -> None:
    """Record `ref` as the identity of one side ("article_id" or "article_b_id")."""
    row = ref_row(ref, side)
    sets = ", ".join(f"[{c}] = ?" for c in row)
    db.execute(f"UPDATE notes SET {sets} WHERE id = ?", [*row.values(), note_id])
