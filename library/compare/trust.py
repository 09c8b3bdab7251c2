"""Which conflicts a careful reader would call a contradiction, by the path that found them.

A conflict is only as sure as the evidence that the two passages tell *one*
claim.  On 37 divergent proposals read on unjudged ECB+ pairs (the TUNE half of
`benchmarks/divergence_set/pool.jsonl`), a number that differs in two
sentences told alike was mostly real, while a negation or a date in two
sentences that share few words was never real: "had no children" / "one of six
children", a jury's ruling on Tuesday / the judge's on Thursday, two
announcements ten days apart.  Those conflicts are kept as low-severity notes
(`kinds.demote`), so the pair shows as *related* with the reason, not as a
divergence.  Numbers under the threshold keep their weight (6 of 6 real there).

Cross-sentence claims (`crossing.py`) are gated where they are made.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from library.compare.detectors import place
from library.compare.kinds import demote
from library.compare.model import Conflict

# Below this match score a negation does not make a pair divergent: the "not"
# most often belongs to another clause or subject ("the GM confirmed the offer" /
# "the numbers aren't confirmed", "reports said he would not return" / "talks
# over his return"; 3 of 3 aligned proposals at 0.50-0.52 were false).  Planted
# negations (one sentence told twice, one side negated) score far above it.
NEGATION_MIN_SCORE = 0.6

_UNSURE = "the two sentences are not told alike: maybe not one claim"


def gate(
    conflicts: Sequence[Conflict], via: str, score: float, reversed_states: Iterable[str] = ()
) -> tuple[Conflict, ...]:
    """The conflicts of an aligned pair, those too weakly anchored demoted to notes.

    Args:
        conflicts: the pair's conflicts (`detect_all`).
        via: "aligned" or "aligned-low" (let in under the threshold for a conflict).
        score: the pair's match score.
        reversed_states: explanations of the pair's degree conflicts ("well
            equipped" / "badly equipped", `detectors/degree.py`): a state
            qualified both ways names its predicate on both sides, and is not
            held to the bare negation's score.
    """
    kept = set(reversed_states)
    places = [c.explanation for c in conflicts if c.kind == "number" and not c.material]
    out: list[Conflict] = []
    for c in conflicts:
        if c.material and c.kind == "entity" and place.is_place_swap(c.a, c.b, places):
            # "in Aceh" / "across Asia" beside the two tolls they scope: the
            # reason the numbers are two slots, not another contradiction.
            c = demote(c, "the places of two numbers told for two places")
        elif c.material and via == "aligned-low" and c.kind in ("date", "negation"):
            # Under the threshold a different date most often dates another
            # event, and a negation another predicate: the same subject told
            # with different facts, a related pair.
            c = demote(c, _UNSURE)
        elif (
            c.material
            and c.kind == "negation"
            and score < NEGATION_MIN_SCORE
            and c.explanation not in kept
        ):
            c = demote(c, _UNSURE)
        out.append(c)
    return tuple(out)
