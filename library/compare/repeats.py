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
pair scores near the cut and the two share their claim words with no conflict
(`support.tells_same_claim`, as `Candidates.is_paraphrase` asks).  A unit far
from the one that took its partner tells another part of the story about the
same subject (a later step, an earlier case): those stay apart.  So do
neighbours that only share the subject ("first led the Harbour parade in 2011"
beside "will lead it again", against "Okoro to lead the parade next spring"):
the learned paraphrase head vouched for such pairs as readily as for repeats,
so it has no say here.  A pair already merged with a neighbour
(`merge.merge_neighbours`) takes no further unit, and each pair takes one: a lead
sentence is the best partner of several body sentences that each add a detail.
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
# How far under the alignment threshold such a pair may score (0.47 - 0.02 = 0.45).
# 0.05 found 5 pairs on the real set, all judged same, but added 2 false "same" in the
# ECB+ hard negatives (63 -> 65) and one on the sample pair (its A5~B7); 0.02 keeps both
# as they were.  Asking the claim words (not the head), one joiner a pair and no merged
# pair took the rule's pairs at 0.05 from 8 same / 5 related to 5 same / 0 related
# (RESULTS-compare.md, branch recall6).
MARGIN = 0.02
# ... or further under it, down to AS_SURE_FLOOR, when the pair is nearly as sure as the
# partner's own pair: within AS_SURE of its score.  A headline and its lead telling what
# the other article tells once score alike against it, both under the cut when the
# other article words it differently.  Real divergence set (judgments + round2,
# semantic): 0.03 found one more fact (judged same) and nothing else; 0.08 two facts
# but 2 more false "same" on the ECB+ hard negatives (63 -> 65); asking only for no
# conflict instead of the claim words, 0.03: one judged `related` pair, two unjudged and
# 4 more hard negatives.  RESULTS-compare.md, recall15.
AS_SURE = 0.03
AS_SURE_FLOOR = 0.39


class Paired(Protocol):
    """A matched pair: its unit ids on each side (`match.Match`)."""

    @property
    def a(self) -> tuple[int, ...]: ...

    @property
    def b(self) -> tuple[int, ...]: ...

    @property
    def score(self) -> float: ...


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
        vouch: (A unit, B unit) -> the two tell one claim
            (`Candidates.is_paraphrase`); without it the rule is off.
        skip: A and B units already given a second pair by another rule.
    """
    if vouch is None:
        return []
    out: list[tuple[float, int, int]] = []
    joined: set[int] = set()
    for s, i, j, lone_a in lone_units(scored, used_a, used_b, skip):
        k = used_b[j] if lone_a else used_a[i]  # the partner's pair
        m = matches[k]
        if k in joined or len(m.a) > 1 or len(m.b) > 1:
            continue
        gap = i - m.a[0] if lone_a else j - m.b[0]
        if abs(gap) > NEAR:
            continue
        if s >= min(threshold - MARGIN, max(AS_SURE_FLOOR, m.score - AS_SURE)) and vouch(i, j):
            out.append((s, i, j))
            joined.add(k)
    return out


def lone_units(
    scored: Sequence[tuple[float, int, int]],
    used_a: dict[int, int],
    used_b: dict[int, int],
    skip: tuple[set[int], set[int]],
) -> list[tuple[float, int, int, bool]]:
    """Units in no pair whose best partner is in one, best score first.

    The candidates of every rule that adds a second unit to a pair
    (`neighbour_repeats`, `two_facts.second_facts`).

    Returns:
        `(score, A unit, B unit, whether the lone unit is A's)`, ties by unit.
    """
    first_a: dict[int, tuple[float, int]] = {}
    first_b: dict[int, tuple[float, int]] = {}
    for s, i, j in scored:  # best score first
        first_a.setdefault(i, (s, j))
        first_b.setdefault(j, (s, i))
    wanted = [
        (s, i, j, True)
        for i, (s, j) in first_a.items()
        if i not in used_a and i not in skip[0] and j in used_b
    ]
    wanted += [
        (s, i, j, False)
        for j, (s, i) in first_b.items()
        if j not in used_b and j not in skip[1] and i in used_a
    ]
    return sorted(wanted, key=lambda w: (-w[0], w[1], w[2]))
