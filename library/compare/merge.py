"""Merging a neighbour into an aligned pair: one long sentence telling what the other says in two.

After the pairs are matched, a matched unit may absorb an adjacent unmatched
unit on the other side, when that unit also overlaps it and the joined text
scores at least as well.  Pairs let in as paraphrases stay as they are: they
were let in on their own words, and a neighbour would bring details unchecked.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from scipy import sparse

from library.compare.idf import IdfTable
from library.compare.match import Match
from library.compare.similarity import LEXICAL_MERGE_FLOOR, pair_score, refine

# A neighbour joins a pair only if it alone already overlaps the other unit this much
# (the backend's own `merge_floor` overrides it).
MERGE_FLOOR = LEXICAL_MERGE_FLOOR


def _plain(terms_a: Sequence[str], terms_b: Sequence[str], idf: IdfTable) -> float:
    """The pair's overlap with no prior, refined by word order."""
    return refine(pair_score(terms_a, terms_b, idf), terms_a, terms_b, idf)


def _neighbour_gates(
    matches: Sequence[Match], gate: sparse.csr_matrix | np.ndarray
) -> dict[tuple[int, int], float]:
    """The gate of each match's unit against the other side's neighbours, read in one go.

    One sparse lookup per entry cost more than the rest of the merge on long articles.
    """
    keys = sorted(
        {(i + d, m.b[0]) for m in matches for i in m.a[:1] for d in (-1, 1)}
        | {(m.a[0], j + d) for m in matches for j in m.b[:1] for d in (-1, 1)}
    )
    keys = [(i, j) for i, j in keys if 0 <= i < gate.shape[0] and 0 <= j < gate.shape[1]]
    if not keys:
        return {}
    rows, cols = zip(*keys, strict=True)
    values = np.asarray(gate[list(rows), list(cols)]).ravel()
    return dict(zip(keys, values.tolist(), strict=True))


def merge_neighbours(
    matches: list[Match],
    gate: sparse.csr_matrix | np.ndarray,
    terms_a: Sequence[Sequence[str]],
    terms_b: Sequence[Sequence[str]],
    idf: IdfTable,
    used_a: dict[int, int],
    used_b: dict[int, int],
    *,
    merge_floor: float = MERGE_FLOOR,
) -> list[Match]:
    """`matches` with each pair grown by the neighbour that adds the most overlap.

    A neighbour joins only when it is free, its gate with the other unit clears
    `merge_floor`, and the joined text overlaps the other unit at least as well
    as the single unit did.  `used_a` / `used_b` (unit id -> index of its match)
    are updated to the grown pairs.
    """
    out = list(matches)
    near = _neighbour_gates(matches, gate)
    for k, m in enumerate(out):
        if m.paraphrase:
            continue  # let in on its own words: a neighbour would bring details unchecked
        i, j = m.a[0], m.b[0]
        # Compare plain overlaps (no prior): the joined text must overlap at least as
        # well as the single unit did; the score moves by the overlap gained.
        old = _plain(terms_a[i], terms_b[j], idf)
        best, best_gain = m, 0.0
        for ni in (i - 1, i + 1):
            if 0 <= ni < len(terms_a) and ni not in used_a and near[ni, j] >= merge_floor:
                lo, hi = min(i, ni), max(i, ni)
                gain = _plain([*terms_a[lo], *terms_a[hi]], terms_b[j], idf) - old
                if gain >= best_gain:
                    best, best_gain = (
                        Match((lo, hi), (j,), min(1.0, m.score + gain / 2), m.paraphrase),
                        gain,
                    )
        for nj in (j - 1, j + 1):
            if 0 <= nj < len(terms_b) and nj not in used_b and near[i, nj] >= merge_floor:
                lo, hi = min(j, nj), max(j, nj)
                gain = _plain(terms_a[i], [*terms_b[lo], *terms_b[hi]], idf) - old
                if gain >= best_gain:
                    best, best_gain = (
                        Match((i,), (lo, hi), min(1.0, m.score + gain / 2), m.paraphrase),
                        gain,
                    )
        if best is not m:
            out[k] = best
            for x in best.a:
                used_a[x] = k
            for y in best.b:
                used_b[y] = k
    return out
