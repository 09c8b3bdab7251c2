"""Out-of-order alignment of units: which sentences of A report the same point as which of B.

1. Score every (A, B) unit pair with the similarity backend (sparse matrix
   products; the backend also gives its thresholds).
2. Keep candidates whose gate clears the backend's floor and refine them with
   the word-order check.
3. Greedy one-to-one matching, best score first, ties broken by unit ids so the
   result never depends on iteration order.
4. Merge: a matched unit may absorb an adjacent unmatched unit on the other
   side, when that unit also overlaps it and the joined text scores at least
   as well (one long sentence reporting what the other article says in two;
   `merge.py`).

Each pair is compared only when its gate clears the backend's candidate floor,
so the Python-level work (order check, merges, and later word diffs and
conflict checks) grows with the number of plausible pairs, not with n × m.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any

import numpy as np
from scipy import sparse

from library.compare import clauses, order, repeats, two_facts
from library.compare.head_rule import HEAD_SECOND_MARGIN, HeadRule
from library.compare.idf import IdfTable
from library.compare.match import Match
from library.compare.merge import MERGE_FLOOR, merge_neighbours
from library.compare.partners import Candidates
from library.compare.second_partners import second_partners
from library.compare.similarity import (
    LEXICAL_FLOOR,
    LEXICAL_THRESHOLD,
    LexicalBackend,
    Scores,
    SimilarityBackend,
    refine,
)

# Chosen on ECB+ dev for aligned-pair precision 0.36 at recall 0.16, as the old
# 0.31 was before the sharper word-order check and the story-term boost raised
# scores (0.39 would give P 0.345 / R 0.187, but a third more look-alike pairs in
# ECB+ hard negatives), and checked by eye on the sample articles,
# where it keeps look-alike sentences about different cases apart (see
# benchmarks/RESULTS-compare.md).
ALIGN_THRESHOLD = LEXICAL_THRESHOLD
# Two versions of one claim that differ in a detail may align this far below the
# threshold (a changed name or number removes shared words).  RTE-3 dev F1: 23.5
# with 0.09, 23.4 with 0.15.
DIVERGENT_MARGIN = 0.09
# Each other's best partner, with no conflict, may align this far below the
# threshold when `support.tells_same_claim` vouches for them (a fact told in
# other words loses shared terms).  Off unless the backend sets its own
# `paraphrase_margin`: only the semantic backend does (word overlap alone ranks
# the right partner first too rarely; see benchmarks/RESULTS-compare.md).
PARAPHRASE_MARGIN = 0.0
# A unit left alone may join its best partner's sure pair as a second pair
# (`second_partners.py`).  Off: on the real divergence set it found one more
# shared fact (84 vs 83 of 221) for three new proposals, one of them false, and
# 79 vs 77 false "same" in the ECB+ hard negatives (benchmarks/RESULTS-compare.md,
# "Round two").  The window's layout gives a unit in two pairs to the first.
MANY_TO_ONE = False
# How far under the threshold such a second pair may score (0: it must clear it).
MANY_TO_ONE_MARGIN = 0.0
# Whether the partner's own pair must be a sure one (over the threshold, not a paraphrase).
MANY_TO_ONE_SURE_PARTNER = True
# A unit left alone joins its best partner's pair when the unit that took that
# partner is its neighbour (`repeats.py`).
REPEATS = True
# A lone unit joins its best partner's pair when it tells another part of the
# partner than the unit that took it (`two_facts.py`).
TWO_FACTS = True
# Two free units align when aligned pairs lie just before and after both (`order.py`).
ORDER = True
# Pairs below this are never considered; saves refining hopeless candidates.
CANDIDATE_FLOOR = LEXICAL_FLOOR


def align(
    terms_a: Sequence[Sequence[str]],
    terms_b: Sequence[Sequence[str]],
    idf: IdfTable,
    *,
    backend: SimilarityBackend | Any | None = None,
    threshold: float | None = None,
    texts_a: Sequence[str] | None = None,
    texts_b: Sequence[str] | None = None,
    is_divergent: Callable[[int, int], bool] | None = None,
    divergent_margin: float = DIVERGENT_MARGIN,
    is_paraphrase: Callable[[int, int], bool] | None = None,
    paraphrase_margin: float | None = None,
    is_consistent: Callable[[int, int], bool] | None = None,
) -> list[Match]:
    """Align units of A with units of B, out of order, mostly one-to-one.

    Args:
        terms_a: content terms of each unit of A (`units.terms`).
        terms_b: content terms of each unit of B.
        idf: word weights.
        backend: similarity backend (`library.compare.backends`); the lexical
            one by default.  A backend with `scores()` gives sparse gate and
            ranking scores and its own `threshold` / `candidate_floor` /
            `merge_floor`; an older one with only `score_matrix()` is used as
            both gate and ranking, with the lexical floors.
        threshold: minimum refined score for a pair to be aligned; None uses
            the backend's own `threshold` (`ALIGN_THRESHOLD` for lexical).
        texts_a: unit texts of A, for model backends (default: terms joined).
        texts_b: unit texts of B.
        is_divergent: predicate on (A unit id, B unit id).  Pairs scoring up to
            `divergent_margin` below `threshold` are aligned too when it says
            they disagree on a detail: a changed name or number removes shared
            words, so two versions of one claim score lower than a paraphrase.
            They only take units still free after the surer pairs, and only
            when each unit is the other's best-scoring partner among those
            (a lower score is also what two different claims about one
            subject get).
        divergent_margin: see `is_divergent`.
        is_paraphrase: predicate on (A unit id, B unit id): the two tell one
            claim with no conflict (`support.tells_same_claim`).  Pairs up to
            `paraphrase_margin` below `threshold` that are each other's best
            partner are aligned too when it says so.
        paraphrase_margin: see `is_paraphrase`; None uses the backend's own
            `paraphrase_margin` (`PARAPHRASE_MARGIN`, off, when it has none).
        is_consistent: predicate on (A unit id, B unit id): no conflict and no
            differing count between the two.  With it, a backend's learned
            paraphrase head (`Scores.same`) may vouch for pairs under the
            threshold too (`head_rule.HEAD_MARGIN`, `HEAD_SECOND`).
    """
    backend = backend or LexicalBackend()
    if threshold is None:
        threshold = float(getattr(backend, "threshold", ALIGN_THRESHOLD))
    floor = float(getattr(backend, "candidate_floor", CANDIDATE_FLOOR))
    merge_floor = float(getattr(backend, "merge_floor", MERGE_FLOOR))
    if paraphrase_margin is None:
        paraphrase_margin = float(getattr(backend, "paraphrase_margin", PARAPHRASE_MARGIN))
    ta = list(texts_a) if texts_a is not None else [" ".join(t) for t in terms_a]
    tb = list(texts_b) if texts_b is not None else [" ".join(t) for t in terms_b]
    scores = _scores(backend, ta, tb, terms_a, terms_b, idf)
    # The gate is the plain pair evidence: priors may reorder candidates, but
    # two units never align unless they themselves share enough.
    gate = scores.gate.tocsr()
    coo = gate.tocoo()
    keep = coo.data >= floor
    rows, cols = coo.row[keep], coo.col[keep]
    ranks = np.asarray(scores.rank.tocsr()[rows, cols]).ravel() if len(rows) else np.zeros(0)
    head = HeadRule(getattr(scores, "same", None), is_consistent, is_paraphrase, threshold)
    low = min(
        threshold if is_divergent is None else threshold - divergent_margin,
        threshold if is_paraphrase is None else threshold - paraphrase_margin,
        head.low,
    )
    # The word-order check only lowers a score: candidates already below `low`
    # need not be refined (most of align's time on long articles).
    hopeful = ranks >= low
    # The clause rule reads candidates the others leave (`clauses.py`).
    every = (rows, cols, ranks)
    rows, cols, ranks = rows[hopeful], cols[hopeful], ranks[hopeful]
    rules = ((is_divergent, divergent_margin), (is_paraphrase, paraphrase_margin))
    # A learned score has read the word order already (`SemanticBackend.prerefined`).
    final = bool(getattr(backend, "prerefined", False))
    used_a: dict[int, int] = {}
    used_b: dict[int, int] = {}
    # Each pair's word-order check at most once, and only where it can change
    # who matches whom (`partners.py`): refining them all grew with n².
    pending = Candidates(
        rows,
        cols,
        ranks,
        (lambda i, j, r: r) if final else (lambda i, j, r: refine(r, terms_a[i], terms_b[j], idf)),
        low,
    )
    # A pair with a unit already matched plays no further part in the sure
    # pairs, so it is never refined for them.
    queue = _by_refined_score(
        zip(rows.tolist(), cols.tolist(), ranks.tolist(), strict=True),
        pending.score,
        low,
        lambda i, j: i in used_a or j in used_b,
    )
    matches: list[Match] = []
    # Sure pairs first (the best score comes first in `queue`).
    for s, i, j in queue:
        if s < threshold:
            break
        used_a[i] = used_b[j] = len(matches)
        matches.append(Match((i,), (j,), s))
    # Then pairs under the threshold, which must be both units' first choice
    # among the units the sure pairs left free.
    head.sure = len(matches)
    for s, i, j in pending.mutual_best(lambda i: i not in used_a, lambda j: j not in used_b):
        if s >= threshold or i in used_a or j in used_b:
            continue
        if _admit_low(s, i, j, threshold, rules):
            paraphrase = (
                is_paraphrase is not None
                and s >= threshold - paraphrase_margin
                and is_paraphrase(i, j)
            )
        elif head.vouches(s, i, j):
            paraphrase = True
        else:
            continue
        used_a[i] = used_b[j] = len(matches)
        matches.append(Match((i,), (j,), s, paraphrase))
    matches = merge_neighbours(
        matches, gate, terms_a, terms_b, idf, used_a, used_b, merge_floor=merge_floor
    )
    # Units still free whose partner tells one clause of them (`clauses.py`): first
    # two free units, then a free unit and one already paired (many-to-one).
    passes = [(lambda i, j: i not in used_a and j not in used_b, clauses.CUT)]
    if clauses.SECOND:
        passes.append((lambda i, j: (i in used_a) != (j in used_b), clauses.SECOND_CUT))
    for free, cut in passes:
        for i, j, r in clauses.clause_pairs(
            getattr(scores, "clause", None),
            every,
            threshold,
            sure=head.sure,
            shape=(len(terms_a), len(terms_b)),
            free=free,
            is_consistent=is_consistent,
            cut=cut,
        ):
            used_a.setdefault(i, len(matches))
            used_b.setdefault(j, len(matches))
            matches.append(Match((i,), (j,), r, True))
    # Free units whose neighbours before and after are aligned with each other (`order.py`).
    if ORDER and (head.second or MANY_TO_ONE):
        for s, i, j in order.between_pairs(
            zip(*(x.tolist() for x in every), strict=True),
            pending.score,
            matches,
            (used_a, used_b),
            (ta, tb),
            is_consistent,
        ):
            used_a[i] = used_b[j] = len(matches)
            matches.append(Match((i,), (j,), s, True))
    if head.second or MANY_TO_ONE:
        # Each unit left alone reads its best partner among all units.
        scored = pending.firsts(lambda i: i not in used_a, lambda j: j not in used_b)
        vouch: Callable[[int, int], bool]
        if head.second:
            vouch, margin, sure = head.vouches_second, HEAD_SECOND_MARGIN, True
        else:
            vouch = is_paraphrase or (lambda i, j: False)
            margin, sure = MANY_TO_ONE_MARGIN, MANY_TO_ONE_SURE_PARTNER
        matches += second_partners(
            scored, matches, used_a, used_b, threshold, vouch, margin=margin, sure_partner=sure
        )
        # A fact told twice in neighbouring units of one article (`repeats.py`).
        if REPEATS:
            matches += [
                Match((i,), (j,), s, s < threshold)
                for s, i, j in repeats.neighbour_repeats(
                    scored,
                    matches,
                    used_a,
                    used_b,
                    threshold,
                    is_paraphrase,
                    skip=_second_units(matches, used_a, used_b),
                )
            ]
        # One long sentence telling two facts the other article tells apart (`two_facts.py`).
        # Not with word overlap alone: on the ECB+ hard negatives it let in 5 more false
        # "same" (76 -> 81), where the semantic backend scales down articles sharing few names.
        if TWO_FACTS:
            matches += [
                Match((i,), (j,), s, s < threshold)
                for s, i, j in two_facts.second_facts(
                    scored,
                    matches,
                    used_a,
                    used_b,
                    threshold,
                    (ta, tb),
                    is_consistent,
                    skip=_second_units(matches, used_a, used_b),
                )
            ]
    return sorted(matches, key=lambda m: (m.a[0], m.b[0]))


def _second_units(
    matches: Sequence[Match], used_a: dict[int, int], used_b: dict[int, int]
) -> tuple[set[int], set[int]]:
    """Units of A and of B that a second-pair rule paired: in a match but not in `used_*`."""
    return (
        {x for m in matches for x in m.a} - used_a.keys(),
        {y for m in matches for y in m.b} - used_b.keys(),
    )


def _by_refined_score(
    candidates: Iterable[tuple[int, int, float]],
    refined: Callable[[int, int, float], float],
    low: float,
    taken: Callable[[int, int], bool],
) -> Iterator[tuple[float, int, int]]:
    """`(refined score, i, j)` of candidates `(i, j, rank)`, best first, ties by ids.

    Exactly the candidates refined to at least `low`, sorted, except those for
    which `taken(i, j)` holds when their turn comes: they are dropped unrefined.
    The word-order check only lowers a score, so a rank bounds its refined
    score and a candidate is refined only when its rank reaches the top of the
    heap.  On long articles most candidates hold a unit the sure pairs took by
    then: refining all of them made align grow faster than n.
    """
    heap = [(-r, i, j, False) for i, j, r in candidates]
    heapq.heapify(heap)
    while heap:
        neg, i, j, done = heapq.heappop(heap)
        if taken(i, j):
            continue
        if done:
            yield -neg, i, j
            continue
        s = refined(i, j, -neg)
        if s >= low:
            heapq.heappush(heap, (-s, i, j, True))


def _admit_low(
    s: float,
    i: int,
    j: int,
    threshold: float,
    rules: Sequence[tuple[Callable[[int, int], bool] | None, float]],
) -> bool:
    """Whether a pair under the threshold is let in by one of the low-score rules."""
    return any(
        rule is not None and s >= threshold - margin and rule(i, j) for rule, margin in rules
    )


def _scores(
    backend: Any,
    texts_a: Sequence[str],
    texts_b: Sequence[str],
    terms_a: Sequence[Sequence[str]],
    terms_b: Sequence[Sequence[str]],
    idf: IdfTable,
) -> Scores:
    if hasattr(backend, "scores"):
        out: Scores = backend.scores(texts_a, texts_b, terms_a, terms_b, idf)
        return out
    # An older dense backend (e.g. `EmbeddingBackend`): its matrix is both views.
    dense = sparse.csr_matrix(
        np.asarray(backend.score_matrix(texts_a, texts_b, terms_a, terms_b, idf))
    )
    return Scores(dense, dense)
