"""`CollectionOps`: the `Collection`'s mutations, each returning what it changed.

Every write the CLI or the window makes to the library, the notes or the
reviews goes through one of these methods, and each returns an `Op` (the value
it made and a `Changes` record) so the window can tell every view what to
refresh, as Anki's collection operations return `OpChanges`.  A mixin of
`Collection`, kept apart so `collection.py` stays one screenful per concern.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from library.article import Article
from library.changes import Changes, Op, note_changes
from library.errors import ParallaxError

if TYPE_CHECKING:
    from library.compare import Comparison
    from library.notes import Claim, Note, NotesStore
    from library.notes.export import ImportReport as NotesImportReport
    from library.notes.recovery import SalvageReport
    from library.reviews import Relation, Review, ReviewsStore
    from library.reviews.actions import Judgement
    from library.reviews.recovery import ReviewSalvage
    from library.store import LibraryStore

#: Reviews were written (set, linked, cleared).
REVIEWS = Changes(reviews=True)


@dataclass(frozen=True, slots=True)
class Removed:
    """An article removed from the library, and how many of its notes wait for it.

    Attributes:
        article: the current version removed (all its versions went).
        notes_kept: its notes, kept in notes.db until its file is imported
            again; None when notes.db could not be read.
    """

    article: Article
    notes_kept: int | None

    def to_dict(self) -> dict[str, Any]:
        """The JSON form `parallax remove --json` prints."""
        return {
            "removed": self.article.id,
            "title": self.article.title,
            "notes_kept": self.notes_kept,
        }


@dataclass(frozen=True, slots=True)
class Recovered:
    """What `recover_notes` brought back: notes, and the reviews kept beside them."""

    notes: SalvageReport
    reviews: ReviewSalvage

    def summary(self) -> str:
        """One line: the notes, then the reviews if the file had any."""
        text = self.notes.summary()
        if self.reviews.added or self.reviews.present:
            text += f"; {self.reviews.summary()}"
        return text


class CollectionOps:
    """Mutations of a `Collection` (see the module docstring)."""

    if TYPE_CHECKING:
        library: LibraryStore
        data_dir: Path

        @property
        def notes(self) -> NotesStore: ...

        @property
        def reviews(self) -> ReviewsStore: ...

    # -- articles ------------------------------------------------------------

    def remove(self, article_id: int) -> Op[Removed]:
        """Remove an article and all its versions; its notes are kept (they wait for it).

        Raises:
            NotFound: no article has that id.
        """
        article = self.library.remove(article_id)
        assert article.id is not None
        kept: int | None = None
        with contextlib.suppress(ParallaxError):  # notes.db locked: the removal stands
            kept = len(self.notes.for_article(article.id))
        # Its notes now wait for it (shown as "not in the library").
        changes = Changes(articles=True, notes=kept is not None)
        return Op(Removed(article, kept), changes)

    def titles(self, article_ids: Iterable[int]) -> dict[int, str]:
        """Titles of these articles (any version); ids not in the library are left out."""
        return self.library.titles(article_ids)

    # -- notes ---------------------------------------------------------------

    def add_article_note(
        self, article_id: int, text: str = "", tags: Iterable[str] = ()
    ) -> Op[Note]:
        """A note on a whole article."""
        return _noted(self.notes.add_article_note(article_id, text, tags))

    def add_passage_note(
        self, article: Article, start: int, end: int, text: str = "", tags: Iterable[str] = ()
    ) -> Op[Note]:
        """A note on `article.body[start:end]`.

        Raises:
            ValueError: the range is empty or outside the body.
        """
        return _noted(self.notes.add_passage_note(article, start, end, text, tags))

    def add_quote_note(
        self, article: Article, quote: str, text: str = "", tags: Iterable[str] = ()
    ) -> Op[Note]:
        """A passage note located by its quoted text.

        Raises:
            NotFound: the quote is not in the article.
        """
        return _noted(self.notes.add_quote_note(article, quote, text, tags))

    def add_comparison_note(
        self,
        article_a_id: int,
        article_b_id: int,
        text: str = "",
        tags: Iterable[str] = (),
        *,
        claim: Claim | None = None,
    ) -> Op[Note]:
        """A note on a comparison, or (with `claim`) on one divergent claim."""
        note = self.notes.add_comparison_note(article_a_id, article_b_id, text, tags, claim=claim)
        return _noted(note)

    def update_note(
        self, note_id: int, *, text: str | None = None, tags: Iterable[str] | None = None
    ) -> Op[Note]:
        """Change a note's text and/or tags (no write, no change if nothing differs).

        Raises:
            NotFound: no note has that id.
        """
        before = self.notes.get(note_id)
        after = self.notes.update(note_id, text=text, tags=tags)
        if after == before:
            return Op(after, Changes())
        return Op(after, note_changes(note_id, tags=after.tags != before.tags))

    def delete_note(self, note_id: int) -> Op[Note]:
        """Move a note to the trash (restorable with `restore_note`)."""
        return _noted(self.notes.delete(note_id))

    def restore_note(self, note_id: int) -> Op[Note]:
        """Take a note out of the trash."""
        return _noted(self.notes.restore(note_id))

    def import_notes(self, text: str) -> Op[NotesImportReport]:
        """Import a JSON export of notes (see `library.notes.export.import_json`).

        Raises:
            InvalidNote: the text is not a valid export (nothing is imported).
        """
        from library.notes.export import import_json

        report = import_json(self.notes, text)
        return Op(report, note_changes(*report.added, *report.updated))

    def recover_notes(self, path: Path) -> Op[Recovered]:
        """Bring back every readable note and review of `path` (a damaged notes.db or a backup)."""
        from library.notes.recovery import salvage
        from library.reviews.recovery import salvage_reviews

        notes = salvage(self.notes, path)
        reviews = salvage_reviews(self.reviews, path)
        changes = note_changes(*notes.added) | Changes(reviews=reviews.added > 0)
        return Op(Recovered(notes, reviews), changes)

    # -- reviews (stored in notes.db beside the notes) -----------------------

    def set_review(
        self,
        article_a: Article,
        article_b: Article,
        comparison: Comparison,
        *,
        pair: int,
        judgement: Judgement | None = None,
        relation: Relation | None = None,
        reason: str = "",
    ) -> Op[Review]:
        """Confirm or reject machine pair `pair`, or give it another relation.

        Judging a pair again replaces its review.  See `library.reviews.actions`.
        """
        from library.reviews import actions

        review = actions.set_review(
            self.reviews, article_a, article_b, comparison,
            pair=pair, judgement=judgement, relation=relation, reason=reason,
        )  # fmt: skip
        return Op(review, REVIEWS)

    def link(
        self,
        article_a: Article,
        article_b: Article,
        comparison: Comparison,
        *,
        a_units: Sequence[int],
        b_units: Sequence[int],
        relation: Relation,
        reason: str = "",
    ) -> Op[Review]:
        """Join units of A and of B by hand (the window's Ctrl+L) with `relation`."""
        from library.reviews import actions

        review = actions.link(
            self.reviews, article_a, article_b, comparison,
            a_units=a_units, b_units=b_units, relation=relation, reason=reason,
        )  # fmt: skip
        return Op(review, REVIEWS)

    def clear_reviews(
        self,
        article_a: Article,
        article_b: Article,
        comparison: Comparison,
        *,
        pair: int | None = None,
        a_units: Sequence[int] = (),
        b_units: Sequence[int] = (),
    ) -> Op[int]:
        """Remove the reviews of pair `pair`, of these units, or (neither) all; how many."""
        from library.reviews import actions

        removed = actions.clear(
            self.reviews, article_a, article_b, comparison,
            pair=pair, a_units=a_units, b_units=b_units,
        )  # fmt: skip
        return Op(removed, REVIEWS if removed else Changes())


def _noted(note: Note) -> Op[Note]:
    # The tag list counts notes per tag: only a tagged note changes it.
    return Op(note, note_changes(note.id, tags=bool(note.tags)))
