"""`Changes`: what a mutation of the collection changed, so each view can decide to refresh.

As Anki's `OpChanges`: every `Collection` operation that writes returns one
(alone, or inside an `Op` beside the value it made), the window hands it to
every view, and a view refreshes only what it shows.  No view keeps its own
"stale" flags.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any, Generic, TypeVar

T = TypeVar("T", covariant=True)  # an Op[Note] is an Op[object]


@dataclass(frozen=True, slots=True)
class Changes:
    """Which kinds of data a mutation touched.

    Attributes:
        articles: articles were added, replaced by a new version or removed
            (the library's listing and search results may differ).
        notes: notes were added, edited, deleted, restored, moved or attached.
        tags: the set of note tags may differ (added, edited, deleted notes).
        reviews: reviews of pairs were set, linked, cleared or moved.
        aliases: the names the user taught as one changed (a comparison on
            screen may group or align differently).
        article_ids: the articles an import added or replaced (a view may
            select them); removals leave it empty.
        note_ids: the notes written, when known.
    """

    articles: bool = False
    notes: bool = False
    tags: bool = False
    reviews: bool = False
    aliases: bool = False
    article_ids: tuple[int, ...] = ()
    note_ids: tuple[int, ...] = ()

    def __or__(self, other: Changes) -> Changes:
        """Both changes at once (an operation made of two)."""
        return Changes(
            articles=self.articles or other.articles,
            notes=self.notes or other.notes,
            tags=self.tags or other.tags,
            reviews=self.reviews or other.reviews,
            aliases=self.aliases or other.aliases,
            article_ids=_union(self.article_ids, other.article_ids),
            note_ids=_union(self.note_ids, other.note_ids),
        )

    def __bool__(self) -> bool:
        return self.articles or self.notes or self.tags or self.reviews or self.aliases

    def to_dict(self) -> dict[str, Any]:
        """The JSON form: every field, ids as lists."""
        out: dict[str, Any] = {}
        for f in fields(self):
            value = getattr(self, f.name)
            out[f.name] = list(value) if isinstance(value, tuple) else value
        return out


#: Nothing changed.
NOTHING = Changes()


def note_changes(*note_ids: int, tags: bool = True) -> Changes:
    """A note written (added, edited, deleted, restored): its list, maybe the tags."""
    return Changes(notes=True, tags=tags, note_ids=note_ids)


@dataclass(frozen=True, slots=True)
class Op(Generic[T]):
    """An operation's result: the value it made and what it changed.

    Attributes:
        value: e.g. the note added, the review set, the article removed.
        changes: what to refresh.
    """

    value: T
    changes: Changes


def _union(a: tuple[int, ...], b: tuple[int, ...]) -> tuple[int, ...]:
    return a + tuple(i for i in b if i not in a)
