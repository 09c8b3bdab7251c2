"""Which claim of a comparison a claim note is on, from unit ids the user typed.

`parallax notes add --article A --article-b B --claim 3:4` names a claim by
the units of its two sides ("3,4:7" for a claim spanning two sentences of A),
as `parallax compare A B --json` numbers them.  The claim must be one the
comparison actually has: a pair the machine made (as the user reviewed it) or
a pair the user linked by hand; otherwise the note would point at nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from library.errors import BadClaimSpec, NotFound
from library.notes.model import Claim

if TYPE_CHECKING:
    from library.compare.model import Side
    from library.reviews.apply import ReviewedComparison

#: How many claims a refusal lists as examples.
_SHOWN = 8


def parse_spec(text: str) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """`"3,4:7"` → `((3, 4), (7,))`.

    Raises:
        BadClaimSpec: not two comma-separated lists of unit ids around a colon.
    """
    left, colon, right = text.partition(":")
    try:
        if not colon:
            raise ValueError
        a = tuple(sorted({int(u) for u in left.split(",")}))
        b = tuple(sorted({int(u) for u in right.split(",")}))
    except ValueError:
        raise BadClaimSpec(
            f"--claim {text!r}: expected A_UNITS:B_UNITS, e.g. 3:4 or 3,4:7 "
            "(unit ids as in `parallax compare A B --json`)."
        ) from None
    if min(a + b) < 0:
        raise BadClaimSpec(f"--claim {text!r}: unit ids are 0 or more.")
    return a, b


def find_claim(
    reviewed: ReviewedComparison, a_units: Sequence[int], b_units: Sequence[int]
) -> Claim:
    """The claim (pair) of the comparison with exactly these units, or containing them.

    Rejected machine pairs count no more: the user said they are not a claim.

    Raises:
        NotFound: no pair joins these units; the message lists some that do exist.
    """
    comparison = reviewed.comparison
    pairs = [
        (pair.a, pair.b, reviewed.relation(index))
        for index, pair in enumerate(comparison.pairs)
        if reviewed.relation(index) != "unrelated"
    ]
    pairs += [(r.a, r.b, r.review.relation) for r in reviewed.user_pairs]
    want_a, want_b = set(a_units), set(b_units)
    exact = [(a, b) for a, b, _ in pairs if (set(a), set(b)) == (want_a, want_b)]
    within = [(a, b) for a, b, _ in pairs if want_a <= set(a) and want_b <= set(b)]
    if not (exact or within):
        divergent = [_spec(a, b) for a, b, relation in pairs if relation == "divergent"]
        listed = divergent or [_spec(a, b) for a, b, _ in pairs]
        what = "divergent claims" if divergent else "pairs"
        hint = (
            f" Its {what}: {', '.join(listed[:_SHOWN])}{' …' if len(listed) > _SHOWN else ''}."
            if listed
            else " It has no pairs."
        )
        raise NotFound(f"The comparison has no claim {_spec(a_units, b_units)}.{hint}")
    a, b = (exact or within)[0]
    text = f"{_text(comparison.a, a)} ↔ {_text(comparison.b, b)}"
    return Claim(units_a=tuple(a), units_b=tuple(b), text=text)


def _spec(a: Sequence[int], b: Sequence[int]) -> str:
    return f"{','.join(map(str, a))}:{','.join(map(str, b))}"


def _text(side: Side, ids: Sequence[int]) -> str:
    wanted = set(ids)
    return " ".join(u.text for u in side.units if u.id in wanted)
