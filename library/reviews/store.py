"""`ReviewsStore`: reviews in `notes.db`, beside the notes (the user's work, never rebuilt).

It shares the notes store's connection, so it opens read-only when the notes
do and every write is one `write_transaction` (refused with one line on a
read-only open).  Reviews are found by their articles' identity (text hash,
source file), never by library ids alone: `for_articles` finds the reviews of
two articles whatever library.db is open, places each side's passage in the
article's current text (a new version moves it; a passage not found is
*detached*, kept), and turns them to face the order asked for.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from library.article import Article
from library.database import translate_errors, write_transaction
from library.errors import NotFound
from library.notes import anchoring
from library.notes.model import Anchor, ArticleRef
from library.notes.rows import now
from library.notes.schema import REVIEW_SIDE_COLUMNS
from library.reviews.model import Relation, Review, ReviewSide, Verdict, check_review

if TYPE_CHECKING:
    from library.notes.store import NotesStore

_SIDE = tuple(REVIEW_SIDE_COLUMNS)
#: What a refused review write was for ("make it writable to …"): reviews
#: live in notes.db, whose own refusal speaks of notes.
PURPOSE = "review comparisons"
#: The `reviews` columns, in the order `review_from_row` reads them.
COLUMNS = (
    "id", "uid", "verdict", "relation", "machine_relation", "reason", "created_at",
    "updated_at", "library_uid", *(f"a_{c}" for c in _SIDE), *(f"b_{c}" for c in _SIDE),
)  # fmt: skip
_SELECT = "SELECT " + ", ".join(f'r."{c}"' for c in COLUMNS) + " FROM reviews r"
# Reviews naming either article (by text or file) on either side; indexed columns.
_NAMING = (
    "WHERE r.a_hash IN (?, ?) OR r.b_hash IN (?, ?) OR r.a_path IN (?, ?) OR r.b_path IN (?, ?)"
)


class ReviewsStore:
    """The `reviews` table of a `NotesStore`'s file.

    Args:
        notes: the open notes store; its connection, library and
            read-only state are used as they are.
    """

    def __init__(self, notes: NotesStore) -> None:
        self.notes = notes
        self.db = notes.db
        self.library = notes.library

    # -- reading -------------------------------------------------------------

    def for_articles(self, article_a: Article, article_b: Article) -> list[Review]:
        """The reviews of these two articles, A on side a, oldest first.

        Each side is placed in its article's current text: unchanged when the
        review was made on this version, found again by quote and context on
        another version, or marked detached (and kept) when it is gone.
        """
        hashes = [article_a.content_hash, article_b.content_hash]
        paths = [article_a.source_path, article_b.source_path]
        params = [*hashes, *hashes, *paths, *paths]
        found: list[Review] = []
        for review in self._rows(f"{_NAMING} ORDER BY r.created_at, r.id", params):
            on_a = self._article_of(review.a.ref)
            on_b = self._article_of(review.b.ref)
            if _is(review.a.ref, on_a, article_a) and _is(review.b.ref, on_b, article_b):
                pass
            elif _is(review.a.ref, on_a, article_b) and _is(review.b.ref, on_b, article_a):
                review = review.flipped()
            else:
                continue
            found.append(
                review.with_changes(a=_placed(review.a, article_a), b=_placed(review.b, article_b))
            )
        return found

    def all(self) -> list[Review]:
        """Every review, oldest first, each side with its article id here (None: waiting)."""
        out = []
        for review in self._rows("ORDER BY r.created_at, r.id", []):
            a_article = self._article_of(review.a.ref)
            b_article = self._article_of(review.b.ref)
            out.append(
                review.with_changes(
                    a=review.a if a_article is None else _placed(review.a, a_article),
                    b=review.b if b_article is None else _placed(review.b, b_article),
                )
            )
        return out

    def get(self, review_id: int) -> Review:
        """A review as stored (sides not placed).

        Raises:
            NotFound: no review has that id.
        """
        found = self._rows("WHERE r.id = ?", [review_id])
        if not found:
            raise NotFound(f"No review with id {review_id}.")
        return found[0]

    def count(self) -> int:
        with translate_errors(self.notes.path):
            return int(self.db.execute("SELECT count(*) FROM reviews").fetchone()[0])

    # -- writing -------------------------------------------------------------

    def save(
        self,
        *,
        a: ReviewSide,
        b: ReviewSide,
        relation: Relation,
        verdict: Verdict,
        machine_relation: str | None,
        reason: str = "",
        replaces: Review | None = None,
    ) -> Review:
        """Store a new review, or rewrite `replaces` (the review of the same passages).

        Raises:
            InvalidReview: a side has no passage or no identity, or an unknown relation.
            DatabaseReadOnly: notes.db was opened for reading only.
        """
        stamp = now()
        review = Review(
            id=0 if replaces is None else replaces.id,
            uid=str(uuid.uuid4()) if replaces is None else replaces.uid,
            a=a, b=b, relation=relation, verdict=verdict, machine_relation=machine_relation,
            reason=reason, created_at=stamp if replaces is None else replaces.created_at,
            updated_at=stamp, library_uid=self.notes.library_uid,
        )  # fmt: skip
        check_review(review)
        row = row_for(review)
        with write_transaction(self.db, PURPOSE):
            if replaces is None:
                del row["id"]
                self.db.table("reviews").insert(row)
                new_id = self.db.execute("SELECT last_insert_rowid()").fetchone()[0]
                review = review.with_changes(id=int(new_id))
            else:
                self.db.table("reviews").update(replaces.id, row)
        return review

    def delete(self, review_ids: Iterable[int]) -> int:
        """Remove these reviews (the user cleared them); how many were removed."""
        ids = list(review_ids)
        if not ids:
            return 0
        marks = ", ".join("?" * len(ids))
        with write_transaction(self.db, PURPOSE):
            cursor = self.db.execute(f"DELETE FROM reviews WHERE id IN ({marks})", ids)
        return int(cursor.rowcount)

    def reanchor(self, old: Article, new: Article) -> tuple[int, int]:
        """Move the reviews on version `old` to `new` (re-imported): (moved, detached).

        Each side on `old` is placed in the new text and rewritten there, so
        the next version starts from this one; a side whose passage is gone
        keeps its quote and old version and is marked detached.  Nothing is
        dropped.
        """
        rows = self._rows("WHERE r.a_hash = ? OR r.b_hash = ?", [old.content_hash] * 2)
        moved = detached = 0
        if not rows:
            return moved, detached
        with write_transaction(self.db):
            for review in rows:
                for letter, side in (("a", review.a), ("b", review.b)):
                    if side.ref.hash != old.content_hash:
                        continue
                    placed = _placed(side, new)
                    moved += not placed.detached
                    detached += placed.detached
                    row = {
                        k: v for k, v in _side_row(letter, placed).items() if not k.endswith("_id")
                    }
                    if placed.detached:
                        row = {f"{letter}_detached": 1}
                    sets = ", ".join(f"[{column}] = ?" for column in row)
                    self.db.execute(
                        f"UPDATE reviews SET {sets} WHERE id = ?", [*row.values(), review.id]
                    )
        return moved, detached

    # -- helpers -------------------------------------------------------------

    def _article_of(self, ref: ArticleRef) -> Article | None:
        """The article a side is on in the open library (current version), or None."""
        if self.library is None:
            return None
        return self.library.find(ref.hash, ref.path)

    def _rows(self, where: str, params: list[Any]) -> list[Review]:
        with translate_errors(self.notes.path):
            rows = self.db.execute(f"{_SELECT} {where}", params).fetchall()
        return [review_from_row(row) for row in rows]


def side_for(article: Article, start: int, end: int, units: Iterable[int]) -> ReviewSide:
    """The side of a new review: `article.body[start:end]` anchored, on this version.

    Raises:
        ValueError: the range is empty or outside the body.
    """
    return ReviewSide(
        ref=ArticleRef.of(article),
        anchor=anchoring.make_anchor(article.body, start, end),
        units=tuple(units),
        article_id=article.id,
    )


def _is(ref: ArticleRef, found: Article | None, article: Article) -> bool:
    """Whether a side found as `found` in the library is on `article`.

    An article outside the library (a file compared without adding it) has
    no id: only a side on exactly its text is on it.
    """
    if article.id is not None:
        return found is not None and found.id == article.id
    return bool(ref.hash) and ref.hash == article.content_hash


def _placed(side: ReviewSide, article: Article) -> ReviewSide:
    """`side` placed in `article`'s text (its current version)."""
    if side.ref.hash == article.content_hash and not side.detached:
        return _with_id(side, article)
    place = anchoring.relocate(side.anchor, article.body)
    if place is None:
        return ReviewSide(side.ref, side.anchor, side.units, True, article.id)
    anchor = anchoring.moved_anchor(side.anchor, article.body, place)
    return ReviewSide(ArticleRef.of(article), anchor, side.units, False, article.id)


def _with_id(side: ReviewSide, article: Article) -> ReviewSide:
    return ReviewSide(side.ref, side.anchor, side.units, side.detached, article.id)


def row_for(review: Review) -> dict[str, Any]:
    row: dict[str, Any] = {
        "id": review.id,
        "uid": review.uid,
        "verdict": review.verdict,
        "relation": review.relation,
        "machine_relation": review.machine_relation,
        "reason": review.reason,
        "created_at": review.created_at,
        "updated_at": review.updated_at,
        "library_uid": review.library_uid,
    }
    for letter, side in (("a", review.a), ("b", review.b)):
        row.update(_side_row(letter, side))
    return row


def _side_row(letter: str, side: ReviewSide) -> dict[str, Any]:
    return {
        f"{letter}_article_id": side.article_id,
        f"{letter}_path": side.ref.path,
        f"{letter}_hash": side.ref.hash,
        f"{letter}_title": side.ref.title,
        f"{letter}_quote": side.anchor.quote,
        f"{letter}_prefix": side.anchor.prefix,
        f"{letter}_suffix": side.anchor.suffix,
        f"{letter}_start": side.anchor.start,
        f"{letter}_end": side.anchor.end,
        f"{letter}_units": json.dumps(list(side.units)),
        f"{letter}_detached": int(side.detached),
    }


def review_from_row(row: Any) -> Review:
    values = dict(zip(COLUMNS, row, strict=True))

    def side(letter: str) -> ReviewSide:
        get = lambda name: values[f"{letter}_{name}"]  # noqa: E731
        try:
            units = tuple(int(u) for u in json.loads(get("units") or "[]"))
        except (ValueError, TypeError):
            units = ()  # a hint only: a hand-edited value must not hide the review
        return ReviewSide(
            ref=ArticleRef(get("path"), get("hash") or "", get("title") or ""),
            anchor=Anchor(
                quote=get("quote") or "",
                prefix=get("prefix") or "",
                suffix=get("suffix") or "",
                start=get("start") or 0,
                end=get("end") or 0,
            ),
            units=units,
            detached=bool(get("detached")),
            # Ids are withheld here: `ReviewsStore` finds the article by reference.
            article_id=None,
        )

    return Review(
        id=int(values["id"]),
        uid=values["uid"],
        a=side("a"),
        b=side("b"),
        relation=values["relation"],
        verdict=values["verdict"],
        created_at=values["created_at"],
        updated_at=values["updated_at"],
        machine_relation=values["machine_relation"],
        reason=values["reason"] or "",
        library_uid=values["library_uid"],
    )
