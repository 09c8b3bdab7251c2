"""A fact one article tells twice in neighbouring sentences, the other once.

News prose repeats its lead: a headline and the first sentence, or two
neighbouring sentences that spell out one claim ("A storm closed the Tarn
bridge on Monday." / "The bridge stayed shut all day."), while the other
article tells it in one sentence.  One-to-one matching gives that sentence to
one of the two and leaves the other alone, although it is the lone unit's best
partner too.  On the real divergence set (ECB+ train/dev, semantic backend)
this was the largest class of missed shared facts: a unit still free whose
best-scoring partner is already paired (RESULTS-compare.md, branch recall6).

`neighbour_repeats` lets such a unit join its best partner as a second pair
when the unit that took the partner sits close to it in the same article, the
pair scores near the cut, no conflict speaks against it and the two tell one
claim by their claim words (`support.tells_same_claim`) or by the learned
paraphrase head (`paraphrase_head.py`).  A unit far from the one that took its
partner tells another part of the story about the same subject (a later step,
an earlier case): those stay apart.  So do neighbours that only share the
subject: "first led the Harbour parade in 2011" beside "will lead it again"
against the other article's "Okoro to lead the parade next spring" scores like
a repeat, but neither vouch speaks for it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Protocol

Vouch = Callable[[int, int], bool]

# A lone unit may join its best partner's pair when the unit already paired with that
# partner is at most this many units away on the lone unit's side.  Real divergence set
# (judgments + round2, semantic), the lone unit's best partner taken, pair at 0.42 or
# more, no conflict: within 4 units 10 sentence pairs judged same and none related;
# 5 to 11 units away 2 same and 2 judged `related`.
NEAR = 4
# How far under the alignment threshold such a pair may score (0.47 - 0.05 = 0.42;
# at 0.40 the same pairs add two judged `related` ones and one `divergent`).
MARGIN = 0.05
# The head's probability that vouches for a repeat when the claim words do not.  Of
# the 15 pairs the neighbour rule let in on the real set without a vouch, the 4
# judged `related` had 0.11 at most; the 6 the vouches keep (claim words or a head
# of 0.48 and more) were all judged `same`, the 5 dropped `same` pairs had 0.11 at most.
HEAD_CUT = 0.4


class Paired(Protocol):
    """A matched pair: its unit ids on each side (`align.Match`)."""

    @property
    def a(self) -> tuple[int, ...]: ...

    @property
    def b(self) -> tuple[int, ...]: ...


def neighbour_repeats(
    scored: Sequence[tuple[float, int, int]],
    matches: Sequence[Paired],
    used_a: dict[int, int],
    used_b: dict[int, int],
    threshold: float,
    vouch: Vouch | None,
    *,
    skip: tuple[set[int], set[int]] = (set(), set()),
) -> list[tuple[float, int, int]]:
    """`(score, i, j)` of the lone units that join their best partner's pair.

    Args:
        scored: candidates `(score, A unit, B unit)`, best first (`align`).
        matches: the pairs made so far; `used_a` / `used_b` index them by unit.
        used_a: A unit -> index of its pair in `matches`.
        used_b: B unit -> index of its pair in `matches`.
        threshold: the alignment cut; a pair must reach `threshold - MARGIN`.
        vouch: (A unit, B unit) -> the two tell one claim (`vouch`); without it
            the rule is off.
        skip: A and B units already given a second pair by another rule.
    """
    if vouch is None:
        return []
    first_a: dict[int, tuple[float, int]] = {}
    first_b: dict[int, tuple[float, int]] = {}
    for s, i, j in scored:  # best score first
        first_a.setdefault(i, (s, j))
        first_b.setdefault(j, (s, i))
    out: list[tuple[float, int, int]] = []
    lone_a = set(skip[0])
    for i, (s, j) in sorted(first_a.items()):
        if i in used_a or i in lone_a or j not in used_b or s < threshold - MARGIN:
            continue
        if _near(i, matches[used_b[j]].a) and vouch(i, j):
            out.append((s, i, j))
            lone_a.add(i)
    for j, (s, i) in sorted(first_b.items()):
        if j in used_b or j in skip[1] or i not in used_a or i in lone_a:
            continue
        if s >= threshold - MARGIN and _near(j, matches[used_a[i]].b) and vouch(i, j):
            out.append((s, i, j))
    return out


def _near(unit: int, taken_by: tuple[int, ...]) -> bool:
    """Whether `unit` lies within `NEAR` units of the pair that took its partner."""
    return any(abs(unit - k) <= NEAR for k in taken_by)


def vouch(
    same: Callable[[int, int], float] | None,
    is_paraphrase: Vouch | None,
    is_consistent: Vouch | None,
) -> Vouch | None:
    """(A unit, B unit) -> no conflict, and the claim words or the head say one claim.

    Args:
        same: the learned head's probability (`Scores.same`), or None.
        is_paraphrase: claim words shared, no conflict (`Candidates.is_paraphrase`).
        is_consistent: no conflict and no differing count (`Candidates.is_consistent`).
    """
    if is_consistent is None or is_paraphrase is None:
        return None
    said = is_paraphrase  # bound for the closure (mypy: not Optional)
    held = is_consistent

    def tells_one_claim(i: int, j: int) -> bool:
        if said(i, j):
            return True
        return same is not None and same(i, j) >= HEAD_CUT and held(i, j)

    return tells_one_claim
