"""Reviews: the user's verdicts on the machine's pairs, and pairs linked by hand.

Stored in `notes.db` (the user's work, never rebuilt) by `ReviewsStore`; laid
over a comparison by the pure `apply_reviews`; reached through `Collection`
(`reviews_for`, `reviewed`, `set_review`, `link`, `clear_reviews`).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
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

# Each name loads its module on first use: `parallax --help` imports
# `library.reviews.cli`, hence this package, and must not pay for the models
# (which load the article and Chinese-text modules) nor the store (sqlite-utils).
_WHERE = {
    **dict.fromkeys(
        ("AppliedReview", "ReviewCounts", "ReviewedComparison", "apply_reviews", "span_of",
         "units_in"),
        "apply",
    ),
    **dict.fromkeys(
        ("RELATIONS", "VERDICTS", "InvalidReview", "Relation", "Review", "ReviewSide", "Verdict",
         "relation_named"),
        "model",
    ),
    "ReviewsStore": "store",
}  # fmt: skip

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
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"library.reviews.{module}"), name)
