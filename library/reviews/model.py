"""Plain records for reviews: the user's verdict on a machine pair, or a pair made by hand.

A review judges the link between a passage of article A and a passage of
article B:

* ``confirmed`` – the machine's pair and relation are right;
* ``rejected``  – the passages do not report the same point (relation ``unrelated``);
* ``changed``   – they do, but the relation is another one;
* ``linked``    – the user joined two passages the machine had not paired.

Each side is anchored like a passage note (quote + context + offsets, see
`library.notes.anchoring`) on one version of its article (`ArticleRef`: file,
text hash, title), so a review outlives a library rebuild and follows its
article to a new version; unit ids are kept only as a hint.  A side whose
quote cannot be found in the article's current text is *detached*: the review
is kept and shown apart, never dropped.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any, Literal, cast

from library.errors import InvalidReview
from library.notes.model import Anchor, ArticleRef

Relation = Literal["same", "divergent", "related", "unrelated"]
Verdict = Literal["confirmed", "rejected", "changed", "linked"]
RELATIONS: tuple[Relation, ...] = ("same", "divergent", "related", "unrelated")
VERDICTS: tuple[Verdict, ...] = ("confirmed", "rejected", "changed", "linked")


def relation_named(text: str) -> Relation:
    """A relation from what a user typed ("not related" and "not-related" = unrelated).

    Raises:
        InvalidReview: not one of the four relations.
    """
    name = "-".join(text.strip().lower().replace("_", "-").split())
    name = {"not-related": "unrelated", "none": "unrelated"}.get(name, name)
    if name not in RELATIONS:
        raise InvalidReview(
            f"Unknown relation {text!r}; expected one of {', '.join(RELATIONS)} (or 'not related')."
        )
    return cast(Relation, name)


@dataclass(frozen=True, slots=True)
class ReviewSide:
    """One side of a review: which article version, and which passage of it.

    Args:
        ref: the article version the passage was reviewed on.
        anchor: the passage (the reviewed sentences) with its context.
        units: unit ids of the comparison the review was made on (a hint).
        detached: the passage could not be found in the article's current text.
        article_id: the article in the open library, when found (None: waiting).
    """

    ref: ArticleRef
    anchor: Anchor
    units: tuple[int, ...] = ()
    detached: bool = False
    article_id: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "article_id": self.article_id,
            "article_ref": self.ref.to_dict(),
            "anchor": self.anchor.to_dict(),
            "units": list(self.units),
            "detached": self.detached,
        }


@dataclass(frozen=True, slots=True)
class Review:
    """One stored review.

    Args:
        id: the row id (printed by the CLI).
        uid: a UUID, stable across exports.
        a, b: the two sides.
        relation: what the user says links the passages.
        verdict: how that relates to the machine's finding (module docstring).
        machine_relation: the machine's relation when reviewed (None for a link).
        reason: the user's optional explanation.
        created_at, updated_at: ISO 8601 UTC.
        library_uid: the library whose ids were open when it was last written.
    """

    id: int
    uid: str
    a: ReviewSide
    b: ReviewSide
    relation: Relation
    verdict: Verdict
    created_at: str
    updated_at: str
    machine_relation: str | None = None
    reason: str = ""
    library_uid: str | None = None

    @property
    def detached(self) -> bool:
        """Whether a side's passage is missing from its article's current text."""
        return self.a.detached or self.b.detached

    @property
    def waiting(self) -> bool:
        """Whether an article of the review is not in the open library."""
        return self.a.article_id is None or self.b.article_id is None

    def flipped(self) -> Review:
        """The same review seen from the other article (B on the left)."""
        return replace(self, a=self.b, b=self.a)

    def with_changes(self, **changes: Any) -> Review:
        return replace(self, **changes)

    def label(self) -> str:
        """One line: the verdict and the relation, e.g. "changed → related"."""
        if self.verdict in ("confirmed", "rejected"):
            return self.verdict
        return f"{self.verdict} → {self.relation}"

    def to_dict(self) -> dict[str, Any]:
        """The JSON form (`review list --json`, `compare --json`)."""
        return {
            "id": self.id,
            "uid": self.uid,
            "verdict": self.verdict,
            "relation": self.relation,
            "machine_relation": self.machine_relation,
            "reason": self.reason,
            "created_at": self.created_at,
            "updated_at": self.updated_at,
            "detached": self.detached,
            "waiting": self.waiting,
            "a": self.a.to_dict(),
            "b": self.b.to_dict(),
        }


def check_review(review: Review) -> None:
    """Raise `InvalidReview` unless the review can be stored."""
    if review.relation not in RELATIONS:
        raise InvalidReview(f"Unknown relation {review.relation!r}.")
    if review.verdict not in VERDICTS:
        raise InvalidReview(f"Unknown verdict {review.verdict!r}.")
    for name, side in (("A", review.a), ("B", review.b)):
        if not side.anchor.quote.strip():
            raise InvalidReview(f"Side {name} of a review needs the reviewed passage.")
        if not side.ref.hash and not side.ref.path:
            raise InvalidReview(f"Side {name} of a review needs its article's identity.")
