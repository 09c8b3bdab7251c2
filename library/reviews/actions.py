"""Reviewing a comparison: confirm, reject or change a machine pair, link passages, clear.

The operations `Collection.set_review`, `.link` and `.clear_reviews` run: each
takes the two articles and their `Comparison` (to turn a pair or unit ids into
passages of the text), and stores one review per pair of passages: judging a
pair again replaces its review instead of piling up verdicts.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from library.article import Article
from library.compare.model import Comparison, Pair
from library.errors import NotFound
from library.reviews.apply import ReviewedComparison, apply_reviews, best_pair, span_of
from library.reviews.model import InvalidReview, Relation, Review, ReviewSide, Verdict
from library.reviews.store import ReviewsStore, side_for

Judgement = Literal["confirm", "reject"]


def reviewed(
    store: ReviewsStore, article_a: Article, article_b: Article, comparison: Comparison
) -> ReviewedComparison:
    """`comparison` with the stored reviews of its two articles laid over it."""
    return apply_reviews(comparison, store.for_articles(article_a, article_b))


def set_review(
    store: ReviewsStore,
    article_a: Article,
    article_b: Article,
    comparison: Comparison,
    *,
    pair: int,
    judgement: Judgement | None = None,
    relation: Relation | None = None,
    reason: str = "",
) -> Review:
    """Confirm, reject (`judgement`) or change the relation of machine pair `pair`.

    A `relation` equal to the machine's confirms it; ``unrelated`` rejects it.

    Raises:
        NotFound: the comparison has no pair `pair`.
        InvalidReview: neither a judgement nor a relation was given.
    """
    machine = pair_at(comparison, pair)
    if judgement == "reject" or relation == "unrelated":
        verdict, new_relation = "rejected", "unrelated"
    elif judgement == "confirm" or relation == machine.relation:
        verdict, new_relation = "confirmed", machine.relation
    elif relation is not None:
        verdict, new_relation = "changed", relation
    else:
        raise InvalidReview("Say what is right: confirm, reject, or the relation it should have.")
    current = reviewed(store, article_a, article_b, comparison)
    old = current.by_pair.get(pair)
    a, b = _sides(article_a, article_b, comparison, machine.a, machine.b)
    return store.save(
        a=a, b=b, relation=new_relation, verdict=verdict,  # type: ignore[arg-type]
        machine_relation=machine.relation, reason=reason,
        replaces=None if old is None else old.review,
    )  # fmt: skip


def link(
    store: ReviewsStore,
    article_a: Article,
    article_b: Article,
    comparison: Comparison,
    *,
    a_units: Sequence[int],
    b_units: Sequence[int],
    relation: Relation,
    reason: str = "",
) -> Review:
    """Join units of A and units of B by hand with `relation`.

    Linking exactly a pair the machine made judges that pair instead (see
    `set_review`); linking passages already linked replaces that link.

    Raises:
        NotFound: a unit id is not in the comparison.
    """
    a, b = _units(comparison, a_units, "A"), _units(comparison, b_units, "B")
    for index, machine in enumerate(comparison.pairs):
        if (machine.a, machine.b) == (a, b):
            return set_review(
                store, article_a, article_b, comparison,
                pair=index, relation=relation, reason=reason,
            )  # fmt: skip
    if relation == "unrelated":
        raise InvalidReview(
            "A link joins passages that are related; to say a machine pair is wrong, "
            "reject it (review set … --verdict reject)."
        )
    current = reviewed(store, article_a, article_b, comparison)
    old = next((r.review for r in current.reviews if r.pair is None and (r.a, r.b) == (a, b)), None)
    side_a, side_b = _sides(article_a, article_b, comparison, a, b)
    verdict: Verdict = "linked"
    return store.save(
        a=side_a, b=side_b, relation=relation, verdict=verdict, machine_relation=None,
        reason=reason, replaces=old,
    )  # fmt: skip


def clear(
    store: ReviewsStore,
    article_a: Article,
    article_b: Article,
    comparison: Comparison,
    *,
    pair: int | None = None,
    a_units: Sequence[int] = (),
    b_units: Sequence[int] = (),
) -> int:
    """Remove reviews of these articles: of machine pair `pair`, of these units, or all.

    With neither a pair nor units every review of the two articles goes,
    detached ones included.  Returns how many were removed.
    """
    current = reviewed(store, article_a, article_b, comparison)
    if pair is not None:
        pair_at(comparison, pair)
        ids = [r.review.id for r in current.reviews if r.pair == pair]
    elif a_units or b_units:
        a, b = _units(comparison, a_units, "A"), _units(comparison, b_units, "B")
        # Exactly a review's passages (a hand link): that review only, never the
        # review of a machine pair it overlaps; otherwise the pair they fall in.
        ids = [r.review.id for r in current.reviews if (r.a, r.b) == (a, b)]
        index = None if ids else best_pair(comparison.pairs, a, b)
        if index is not None:
            ids = [r.review.id for r in current.reviews if r.pair == index]
    else:
        ids = [r.review.id for r in current.reviews]
    return store.delete(ids)


def pair_at(comparison: Comparison, index: int) -> Pair:
    """Machine pair `index` (as numbered in `compare --json`'s "pairs", from 0).

    Raises:
        NotFound: no such pair.
    """
    if not 0 <= index < len(comparison.pairs):
        count = len(comparison.pairs)
        have = f"pairs 0–{count - 1}" if count else "no pairs"
        raise NotFound(f"No pair {index}: this comparison has {have}.")
    return comparison.pairs[index]


def _units(comparison: Comparison, wanted: Sequence[int], side: str) -> tuple[int, ...]:
    units = comparison.a.units if side == "A" else comparison.b.units
    known = {u.id for u in units}
    missing = [u for u in wanted if u not in known]
    if not wanted or missing:
        what = f"unit {missing[0]}" if missing else "no unit"
        raise NotFound(
            f"{what.capitalize()} on side {side}: it has units 0–{len(units) - 1}."
            if units
            else f"Side {side} has no units."
        )
    return tuple(sorted(set(wanted)))


def _sides(
    article_a: Article,
    article_b: Article,
    comparison: Comparison,
    a: Sequence[int],
    b: Sequence[int],
) -> tuple[ReviewSide, ReviewSide]:
    return (
        side_for(article_a, *span_of(comparison.a.units, a), a),
        side_for(article_b, *span_of(comparison.b.units, b), b),
    )
