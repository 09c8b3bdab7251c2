"""Which article a note is on, in whatever library.db is open.

Article ids are handed out by library.db, which Parallax rebuilds when it is
damaged, and a rebuilt library gives the same ids to other articles.  So the
ids in a note count only inside the library that gave them
(`Note.library_uid`), and each side of a note also keeps an `ArticleRef`
(source path, text hash, title) that finds its article in any library:

* the same text (from any file, any version) → that article's current version;
* else the same source file → its current version (the text changed: a
  passage is placed again, or detached, as when a new version is imported);
* else the side *waits*: its id is None until the file is imported again.

`bind` re-points one note to the open library; `trusted` withholds the ids of
a note bound to another library from every reader.  Nothing here writes.
"""

from __future__ import annotations

from typing import Protocol

from library.article import Article
from library.notes import anchoring
from library.notes.model import ArticleRef, Note


class ArticleIndex(Protocol):
    """What binding needs from the library (`LibraryStore` provides it)."""

    uid: str

    def find(self, content_hash: str | None, source_path: str | None) -> Article | None: ...

    def exists(self, article_id: int) -> bool: ...

    def get(self, article_id: int) -> Article: ...


def trusted(note: Note, library_uid: str | None) -> Note:
    """`note` as readers see it: ids that came from another library are withheld.

    Args:
        library_uid: the open library's uid; None (a store opened without a
            library) takes ids as stored.
    """
    if library_uid is None or note.library_uid == library_uid:
        return note
    return note.with_changes(article_id=None, article_b_id=None)


def bind(note: Note, library: ArticleIndex) -> Note:
    """`note` with ids from `library`: kept, found again by reference, or None (waiting).

    Ids are kept only when the note already belongs to this library and the
    article is still there.  A side whose article is found by its reference
    takes the new id; a passage whose text changed is placed again in the
    new text, or detached with its quote.  A note written before references
    were recorded (no `library_uid`) keeps its ids, as it always did.
    """
    a_id, a_ref, a_moved = _side(note.article_id, note.article_ref, note, library)
    b_id, b_ref, _ = (
        _side(note.article_b_id, note.article_b_ref, note, library)
        if note.pair
        else (note.article_b_id, note.article_b_ref, None)
    )
    bound = note.with_changes(
        article_id=a_id,
        article_b_id=b_id,
        article_ref=a_ref,
        article_b_ref=b_ref,
        library_uid=library.uid,
    )
    if a_moved is None or note.anchor is None or note.kind != "passage":
        return bound
    if note.article_ref is not None and note.article_ref.hash == a_moved.content_hash:
        return bound  # the same text: the offsets still hold
    place = anchoring.relocate(note.anchor, a_moved.body)
    if place is None:
        return bound.with_changes(detached=True)
    anchor = anchoring.moved_anchor(note.anchor, a_moved.body, place)
    return bound.with_changes(anchor=anchor, detached=False)


def _side(
    article_id: int | None, ref: ArticleRef | None, note: Note, library: ArticleIndex
) -> tuple[int | None, ArticleRef | None, Article | None]:
    """One side's (id, reference, article it moved to, if it moved)."""
    same_library = note.library_uid == library.uid
    legacy = note.library_uid is None and ref is None
    if article_id is not None and (same_library or legacy) and library.exists(article_id):
        return article_id, ref or ArticleRef.of(library.get(article_id)), None
    if ref is not None:
        found = library.find(ref.hash, ref.path)
        if found is not None and found.id is not None:
            return found.id, ArticleRef.of(found), found
    # Waiting.  An id of this library whose article was removed is kept
    # (`notes list --article ID` still finds the notes); any other is dropped.
    return (article_id if same_library or legacy else None), ref, None


class CachedIndex:
    """`library` with lookups remembered, for binding many notes at once."""

    def __init__(self, library: ArticleIndex) -> None:
        self.library = library
        self.uid = library.uid
        self._found: dict[tuple[str | None, str | None], Article | None] = {}
        self._exists: dict[int, bool] = {}

    def find(self, content_hash: str | None, source_path: str | None) -> Article | None:
        key = (content_hash, source_path)
        if key not in self._found:
            self._found[key] = self.library.find(content_hash, source_path)
        return self._found[key]

    def exists(self, article_id: int) -> bool:
        if article_id not in self._exists:
            self._exists[article_id] = self.library.exists(article_id)
        return self._exists[article_id]

    def get(self, article_id: int) -> Article:
        return self.library.get(article_id)
