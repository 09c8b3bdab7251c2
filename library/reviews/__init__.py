"""Reviews: the user's verdicts on the machine's pairs, and pairs linked by hand.

Stored in `notes.db` (the user's work, never rebuilt) by `ReviewsStore`; laid
over a comparison by the pure `apply_reviews`; reached through `Collection`
(`reviews_for`, `reviewed`, `set_review`, `link`, `clear_reviews`).
"""

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
