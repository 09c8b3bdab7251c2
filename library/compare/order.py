"""A pair under the cut that sits between two aligned pairs, in the same order in both articles.

Two reports of one event often tell a stretch of it in the same order: a
sentence of A and a sentence of B whose neighbours before and after are
already aligned with each other tell the same step of the story, even when
they share few words ("He fled on foot but was arrested nearby." / "A
deputy who saw the crash chased him down two streets and arrested him").
Sentence aligners have long used that order (Gale and Church, 1993); the
engine matches out of order, so it never asked.

`between_pairs` lets two free units align as "same" when each is the other's
best free partner, their score reaches `LOW`, they show no conflict and no
differing count, and an aligned pair lies before both and another after both
within `GAP` units on each side, and not both of them name someone the
other article never names.  A pair of units that only share the subject
seldom sits inside so short a run: on the real divergence set none of the
pairs it let in was judged `related` (RESULTS-compare.md, branch recall7).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from library.compare.paraphrase_head import is_dateline
from library.compare.repeats import Paired
from library.compare.support import names_someone_else

# Lowest score such a pair may have (the head's and the paraphrase rule's floor is
# 0.39; the run of aligned pairs around it is the stronger evidence).
LOW = 0.30
# How many units away, on each side, the aligned pairs before and after may sit.
# Real divergence set (judgments + round2, semantic): 3 -> 8 new "same" pairs, all
# judged same (shared-fact recall 0.439 -> 0.457); 4 -> 13 new pairs, two of them in
# one long article pair about contract talks judged `related`; 2 -> 5 new pairs.
# With the rival-names guard: 0.439 -> 0.453 at "same" precision 0.962 -> 0.964; ECB+
# hard negatives unchanged (63; without the guard 64: two players of one team each
# arrested for drunk driving, the two stories told in the same order).
GAP = 3


def between_pairs(
    candidates: Iterable[tuple[int, int, float]],
    refined: Callable[[int, int, float], float],
    matches: Sequence[Paired],
    used: tuple[dict[int, int], dict[int, int]],
    texts: tuple[Sequence[str], Sequence[str]],
    is_consistent: Callable[[int, int], bool] | None,
) -> list[tuple[float, int, int]]:
    """`(score, i, j)` of free units that align because the pairs around them do.

    Args:
        candidates: `(A unit, B unit, rank)` of every candidate pair (`align`).
        refined: the refined score of a candidate from its rank.
        matches: the pairs made so far.
        used: A and B units already paired (unit -> index in `matches`).
        texts: the unit texts of A and of B.
        is_consistent: (A unit, B unit) -> no conflict and no differing count;
            without it the rule is off.
    """
    used_a, used_b = used
    if is_consistent is None or len(matches) < 2:
        return []
    best_a: dict[int, tuple[float, int]] = {}
    best_b: dict[int, tuple[float, int]] = {}
    for i, j, rank in candidates:
        if rank < LOW or i in used_a or j in used_b:
            continue
        s = refined(i, j, rank)
        if s < LOW:
            continue
        # Best score first, then the lowest id (the result never depends on order).
        if i not in best_a or (s, -j) > (best_a[i][0], -best_a[i][1]):
            best_a[i] = (s, j)
        if j not in best_b or (s, -i) > (best_b[j][0], -best_b[j][1]):
            best_b[j] = (s, i)
    spans = [(min(m.a), max(m.a), min(m.b), max(m.b)) for m in matches]
    article_a, article_b = "\n".join(texts[0]), "\n".join(texts[1])
    out: list[tuple[float, int, int]] = []
    for i, (s, j) in sorted(best_a.items(), key=lambda x: (-x[1][0], x[0])):
        if best_b[j][1] != i or not _between(i, j, spans) or not is_consistent(i, j):
            continue
        # A publication stamp sits between a headline and a lead in both articles: it is
        # no step of the story (the judges call two stamps `related` as often as `same`).
        if is_dateline(texts[0][i]) or is_dateline(texts[1][j]):
            continue
        # Each side naming someone the other article never names: two people in one
        # role (two players arrested the same way), not one step of one story.
        if names_someone_else(texts[0][i], article_a, article_b) and names_someone_else(
            texts[1][j], article_b, article_a
        ):
            continue
        out.append((s, i, j))
    return out


def _between(i: int, j: int, spans: Sequence[tuple[int, int, int, int]]) -> bool:
    """Whether an aligned pair lies just before (i, j) on both sides and another just after."""
    before = any(0 < i - a1 <= GAP and 0 < j - b1 <= GAP for _, a1, _, b1 in spans)
    after = any(0 < a0 - i <= GAP and 0 < b0 - j <= GAP for a0, _, b0, _ in spans)
    return before and after
