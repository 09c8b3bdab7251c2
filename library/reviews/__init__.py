"""Reviews: the user's verdicts on the machine's pairs, and pairs linked by hand.

Stored in `notes.db` (the user's work, never rebuilt) by `ReviewsStore`; laid
over a comparison by the pure `apply_reviews`; reached through `Collection`
(`reviews_for`, `reviewed`, `set_review`, `link`, `clear_reviews`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from library.reviews.apply import (
    AppliedReview,
    ReviewCounts,
    ReviewedComparison,
    apply_reviews,
    span_of,
    units_in,
)
from library.reviews.model import (
    RELATIONS,
    VERDICTS,
    InvalidReview,
    Relation,
    Review,
    ReviewSide,
    Verdict,
    relation_named,
)

if TYPE_CHECKING:
    from library.reviews.store import ReviewsStore

__all__ = [
    "RELATIONS",
    "VERDICTS",
    "AppliedReview",
    "InvalidReview",
    "Relation",
    "Review",
    "ReviewCounts",
    "ReviewSide",
    "ReviewedComparison",
    "ReviewsStore",
    "Verdict",
    "apply_reviews",
    "relation_named",
    "span_of",
    "units_in",
]


def __getattr__(name: str) -> Any:
    # The store pulls in sqlite-utils (and numpy): `parallax --help` imports
    # `library.reviews.cli`, hence this package, and must not pay for them.
    if name == "ReviewsStore":
        from library.reviews.store import ReviewsStore

        return ReviewsStore
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
