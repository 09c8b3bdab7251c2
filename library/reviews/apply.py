"""Reviews laid over a comparison: which machine pairs the user judged, and the pairs they made.

`apply_reviews` is pure: it takes a `Comparison` (the machine's findings, left
as they are) and the reviews of its two articles (placed in their current
text by `ReviewsStore.for_articles`) and says, per review, what it does here:

* ``applied``   – it judges machine pair N (the pair sharing most of its units);
* ``added``     – a pair the machine does not make: a hand link, or a
  confirmed/changed pair the machine no longer finds;
* ``unmatched`` – a rejection of a pair the machine no longer makes, or an
  older review of a pair judged again since (nothing to apply; kept);
* ``detached``  – a passage not found in the article's current text (kept).

`ReviewedComparison.to_dict()` is `Comparison.to_dict()` plus a ``review`` on
each pair, ``user_pairs``, ``reviews`` and ``summary["reviews"]`` (counts of
reviewed vs machine-only findings).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, fields
from typing import TYPE_CHECKING, Any, Literal

from library.reviews.model import Review

if TYPE_CHECKING:  # the CLI starts without the engine (and its sentence splitter)
    from library.compare.model import Comparison, Pair, Unit

Status = Literal["applied", "added", "unmatched", "detached"]


@dataclass(frozen=True, slots=True)
class AppliedReview:
    """One review as it applies to one comparison.

    Args:
        review: the review, facing the comparison's order (A left).
        a, b: the comparison's units under each side's passage.
        pair: index in `Comparison.pairs` of the pair it judges, if any.
        status: see the module docstring.
    """

    review: Review
    a: tuple[int, ...]
    b: tuple[int, ...]
    pair: int | None
    status: Status

    def to_dict(self) -> dict[str, Any]:
        return {**self.review.to_dict(), "units_a": list(self.a), "units_b": list(self.b),
                "pair": self.pair, "status": self.status}  # fmt: skip


@dataclass(frozen=True, slots=True)
class ReviewCounts:
    """How many findings the user has looked at.

    Args:
        machine: pairs the machine found.
        reviewed: of those, pairs with a review (confirmed + rejected + changed).
        machine_only: pairs nobody reviewed yet.
        linked: pairs the user added (hand links, or pairs the machine lost).
        detached: reviews whose passage is gone from the current text.
        unmatched: reviews with nothing to apply to here.
    """

    machine: int
    reviewed: int
    machine_only: int
    confirmed: int
    rejected: int
    changed: int
    linked: int
    detached: int
    unmatched: int

    def to_dict(self) -> dict[str, int]:
        return {f.name: getattr(self, f.name) for f in fields(self)}


@dataclass(frozen=True, slots=True)
class ReviewedComparison:
    """A comparison with the user's reviews over it (the comparison itself unchanged)."""

    comparison: Comparison
    reviews: tuple[AppliedReview, ...]

    @property
    def by_pair(self) -> dict[int, AppliedReview]:
        """The review in force on each reviewed machine pair, by pair index."""
        return {r.pair: r for r in self.reviews if r.status == "applied" and r.pair is not None}

    @property
    def user_pairs(self) -> tuple[AppliedReview, ...]:
        """Pairs the user made that the machine does not (to draw as pairs)."""
        return tuple(r for r in self.reviews if r.status == "added")

    def relation(self, index: int) -> str:
        """Machine pair `index`'s relation as the user has it (``unrelated`` if rejected)."""
        found = self.by_pair.get(index)
        return self.comparison.pairs[index].relation if found is None else found.review.relation

    @property
    def counts(self) -> ReviewCounts:
        verdicts = [r.review.verdict for r in self.by_pair.values()]
        machine = len(self.comparison.pairs)
        return ReviewCounts(
            machine=machine,
            reviewed=len(verdicts),
            machine_only=machine - len(verdicts),
            confirmed=verdicts.count("confirmed"),
            rejected=verdicts.count("rejected"),
            changed=verdicts.count("changed"),
            linked=len(self.user_pairs),
            detached=sum(1 for r in self.reviews if r.status == "detached"),
            unmatched=sum(1 for r in self.reviews if r.status == "unmatched"),
        )

    def to_dict(self) -> dict[str, Any]:
        """`Comparison.to_dict()` with the reviews (see the module docstring)."""
        data = self.comparison.to_dict()
        by_pair = self.by_pair
        for index, pair in enumerate(data["pairs"]):
            found = by_pair.get(index)
            pair["review"] = None if found is None else _brief(found.review)
        data["user_pairs"] = [
            {
                "a": list(r.a),
                "b": list(r.b),
                "relation": r.review.relation,
                "review": _brief(r.review),
            }
            for r in self.user_pairs
        ]
        data["reviews"] = [r.to_dict() for r in self.reviews]
        data["summary"]["reviews"] = self.counts.to_dict()
        return data


def apply_reviews(comparison: Comparison, reviews: Iterable[Review]) -> ReviewedComparison:
    """Lay `reviews` (facing this comparison, oldest first) over `comparison`.

    When two reviews judge the same machine pair the newer one is in force
    and the older is ``unmatched`` (`Collection.set_review` replaces a review
    of the same passages, so this happens only after re-segmentation).
    """
    ordered = sorted(reviews, key=lambda r: (r.updated_at, r.id))
    out: list[AppliedReview] = []
    taken: dict[int, int] = {}  # pair index → position in `out`
    for review in ordered:
        a = units_in(comparison.a.units, review.a.anchor.start, review.a.anchor.end)
        b = units_in(comparison.b.units, review.b.anchor.start, review.b.anchor.end)
        if review.detached or not a or not b:
            out.append(AppliedReview(review, a, b, None, "detached"))
            continue
        index = best_pair(comparison.pairs, a, b)
        if review.verdict == "linked" and (
            index is None or (comparison.pairs[index].a, comparison.pairs[index].b) != (a, b)
        ):
            index = None  # a hand link joins its own passages, unless the machine has exactly them
        if index is None:
            status: Status = "unmatched" if review.verdict == "rejected" else "added"
            out.append(AppliedReview(review, a, b, None, status))
            continue
        if index in taken:
            old = out[taken[index]]
            out[taken[index]] = AppliedReview(old.review, old.a, old.b, None, "unmatched")
        taken[index] = len(out)
        out.append(AppliedReview(review, a, b, index, "applied"))
    return ReviewedComparison(comparison, tuple(out))


def units_in(units: Sequence[Unit], start: int, end: int) -> tuple[int, ...]:
    """Ids of the units that overlap `[start, end)` by more than whitespace."""
    found = []
    for unit in units:
        lo, hi = max(start, unit.start), min(end, unit.end)
        if lo < hi and unit.text[lo - unit.start : hi - unit.start].strip():
            found.append(unit.id)
    return tuple(found)


def best_pair(pairs: Sequence[Pair], a: Iterable[int], b: Iterable[int]) -> int | None:
    """The index of the pair sharing most units with `a` and `b` (at least one on each side)."""
    want_a, want_b = set(a), set(b)
    best, best_score = None, 0
    for index, pair in enumerate(pairs):
        shared_a, shared_b = len(want_a & set(pair.a)), len(want_b & set(pair.b))
        if shared_a and shared_b and shared_a + shared_b > best_score:
            best, best_score = index, shared_a + shared_b
    return best


def span_of(units: Sequence[Unit], ids: Iterable[int]) -> tuple[int, int]:
    """The text span covering these units (first start to last end).

    Raises:
        ValueError: no id is a unit of this side.
    """
    chosen = [u for u in units if u.id in set(ids)]
    if not chosen:
        raise ValueError("No such unit on this side of the comparison.")
    return min(u.start for u in chosen), max(u.end for u in chosen)


def _brief(review: Review) -> dict[str, Any]:
    return {
        "id": review.id,
        "uid": review.uid,
        "verdict": review.verdict,
        "relation": review.relation,
        "machine_relation": review.machine_relation,
        "reason": review.reason,
        "updated_at": review.updated_at,
    }
