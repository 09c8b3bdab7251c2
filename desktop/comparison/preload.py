"""What opening a comparison reads from the databases, read off the GUI thread.

Opening a comparison used to query notes.db on the GUI thread twice: the
passages with notes (to mark them in the panes) and the reviews laid over the
comparison.  Both are read here instead, in a task-manager job on a connection
of its own (`Collection.reopen`: a SQLite connection belongs to its thread), so
the GUI thread only paints.  On a store error the readers return None and the
caller reads on the GUI thread as before, where the error is reported.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from library.article import Article
from library.compare.model import Comparison
from library.errors import STORE_ERRORS
from library.notes.model import Note
from library.reviews import ReviewedComparison

if TYPE_CHECKING:
    from library.collection import Collection

Span = tuple[int, int]
#: Reads the reviews of a finished comparison; runs in the comparison's job.
ReviewsReader = Callable[[Article, Article, Comparison], ReviewedComparison | None]


def noted_spans(notes: list[Note]) -> list[Span]:
    """Body spans of `notes` that mark a passage (live, attached), sorted.

    The same rule as `NotesPanel.noted_spans`, which reads on the GUI thread.
    """
    return sorted(
        (n.anchor.start, n.anchor.end) for n in notes if n.anchor is not None and not n.detached
    )


def read_noted(collection: Collection, articles: list[Article]) -> dict[int, list[Span]] | None:
    """Article id -> its noted spans, for each of `articles` (None: the store failed).

    Call from a worker thread: opens and closes its own read-only connections.
    """
    ids = [int(a.id) for a in articles if a.id is not None]
    try:
        with collection.reopen(read_only=True) as own:
            return {i: noted_spans(own.notes.for_article(i)) for i in ids}
    except STORE_ERRORS:
        return None


def reviews_reader(collection: Collection) -> ReviewsReader:
    """A `ReviewsReader` on `collection`'s data directory (for `ComparisonRunner`)."""

    def read(a: Article, b: Article, comparison: Comparison) -> ReviewedComparison | None:
        try:
            with collection.reopen(read_only=True) as own:
                return own.reviewed(a, b, comparison)
        except STORE_ERRORS:
            return None

    return read
