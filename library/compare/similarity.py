"""Score how likely two units report the same fact, for all unit pairs at once.

The default backend is lexical and needs no model: each unit becomes a binary
bag of content terms weighted by IDF, and three overlap views are mixed:

* weighted cosine, which rewards sentences that are mostly the same words;
* Dice over IDF mass, symmetric and length-aware;
* containment (shared mass over the smaller side), so a short headline that
  a long sentence fully repeats still scores well.

The all-pairs work is two sparse matrix products (scipy.sparse) over the joint
vocabulary: only pairs that share a term get an entry, so time and memory
grow with the pairs worth looking at, not with n_a x n_b (fast for articles
of tens of thousands of words).  Only pairs above a low floor are kept as candidates; the word-order
check that separates "same words, different roles" (PAWS-style swaps) runs
on those candidates only.

A different backend (say, sentence embeddings) can be plugged in through
`SimilarityBackend`: `scores()` returns sparse gate and ranking matrices
(see `Scores`), or an older backend's `score_matrix()` a dense one in [0, 1].
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from itertools import pairwise
from typing import NamedTuple, Protocol

import numpy as np
import numpy.typing as npt
from scipy import sparse

from library.compare.idf import IdfTable

FloatMatrix = npt.NDArray[np.float64]

# Mixing weights and the word-order penalty, chosen on ECB+ train/dev and PAWS dev
# (see benchmarks/eval_compare.py); never on MRPC or any test split.
W_COS = 0.5
W_DICE = 0.2
W_CONT = 0.3
ORDER_PENALTY = 1.25
ORDER_FULL_AT = 0.7
# The penalty grows as (score / ORDER_FULL_AT) ** ORDER_SHARPNESS: word order is
# decisive between near-identical bags of words and says little otherwise
# (with `chunk_agreement`: PAWS dev 0.774 -> 0.853 ROC-AUC against the old 0.5 / 0.5 / 1
# and no chunk check; ECB+ dev best F1 0.402 -> 0.411).
ORDER_SHARPNESS = 4.0
# Weight of the "story centrality" prior (see `LexicalBackend`).
CENTRALITY = 1.0
# Terms that occur in both texts weigh this much more in the pair scores: they
# are the story the two articles share (ECB+ dev ROC-AUC 0.917 -> 0.922, best
# F1 0.411 -> 0.427; 1.25 gave 0.421, 1.75 and 2.0 0.427-0.428).
STORY_BOOST = 1.5
# The lexical backend's alignment cut and candidate floors (see `library.compare.align`).
LEXICAL_THRESHOLD = 0.42
LEXICAL_FLOOR = 0.25
LEXICAL_MERGE_FLOOR = 0.2


class SimilarityBackend(Protocol):
    """Anything that scores every (A unit, B unit) pair in [0, 1].

    Backends get both the raw unit texts (for models) and the content terms and
    word weights (for lexical scoring); they return an `n_a × n_b` matrix.
    """

    def score_matrix(
        self,
        texts_a: Sequence[str],
        texts_b: Sequence[str],
        terms_a: Sequence[Sequence[str]],
        terms_b: Sequence[Sequence[str]],
        idf: IdfTable,
    ) -> FloatMatrix:
        """Return a `len(texts_a) × len(texts_b)` score matrix."""
        ...


def _vectors(
    terms_a: Sequence[Sequence[str]], terms_b: Sequence[Sequence[str]], idf: IdfTable
) -> tuple[sparse.csr_matrix, sparse.csr_matrix]:
    """IDF-weighted term-presence rows of A and B, as sparse matrices over the joint vocabulary."""
    # Sorted vocabulary keeps column order, and so float summation order,
    # independent of set iteration: same input, same bits out.
    vocab = sorted({t for ts in terms_a for t in ts} | {t for ts in terms_b for t in ts})
    index = {t: k for k, t in enumerate(vocab)}
    weights = np.array([idf.weight(t) for t in vocab], dtype=np.float64)

    def build(rows: Sequence[Sequence[str]]) -> sparse.csr_matrix:
        # Sparse: a dense units x vocabulary matrix grows ~n² with the texts
        # (10.8 s and 700 MiB for two 50k-word articles).
        indptr = [0]
        cols: list[int] = []
        for ts in rows:
            cols.extend(sorted({index[t] for t in ts}))
            indptr.append(len(cols))
        col_arr = np.asarray(cols, dtype=np.int64)
        return sparse.csr_matrix(
            (weights[col_arr], col_arr, np.asarray(indptr, dtype=np.int64)),
            shape=(len(rows), len(vocab)),
        )

    return build(terms_a), build(terms_b)


class Scores(NamedTuple):
    """A backend's verdict on every (A unit, B unit) pair, sparse.

    Both matrices hold the same entries: the pairs worth considering at all
    (an absent entry scores 0).

    Attributes:
        gate: plain evidence that the two units report the same fact (word
            overlap, or overlap mixed with meaning); a pair is a candidate only
            if its gate clears the backend's `candidate_floor`.
        rank: the score candidates are ranked by and compared to the threshold
            (the gate plus priors such as the story terms and centrality).
        same: (A unit, B unit) -> probability that the two tell one fact, from
            a learned paraphrase head (`paraphrase_head.py`); None when the
            backend has none.  `align` asks it only of pairs near the cut.
        clause: (A unit, B unit) -> the best score of one unit's clause against
            the other unit (`clauses.ClauseScores`); None when the backend has
            none.  `align` asks it only of units still free (`align.CLAUSE_*`).
    """

    gate: sparse.csr_matrix
    rank: sparse.csr_matrix
    same: Callable[[int, int], float] | None = None
    clause: Callable[[int, int], float] | None = None


class LexicalBackend:
    """IDF-weighted overlap mix (cosine, Dice, containment); no model needed.

    The pair score is blended with a centrality prior: how close unit i of A
    is to the whole of B, times how close unit j of B is to the whole of A
    (geometric mean of the two cosines).  Sentences about the story both
    articles tell rank above incidental look-alikes (on ECB+ dev: ROC-AUC
    0.882 -> 0.908).  Alignment still requires the plain pair score to clear a
    floor, so centrality alone never pairs two sentences.

    Args:
        centrality: weight of the prior (0 disables it).
    """

    name = "lexical"
    #: Minimum refined score for an aligned pair (see `library.compare.align`).
    threshold = LEXICAL_THRESHOLD
    #: Pairs whose gate is below this are never considered.
    candidate_floor = LEXICAL_FLOOR
    #: A neighbour joins a pair only if its gate with the other unit is this high.
    merge_floor = LEXICAL_MERGE_FLOOR
    #: Cut for deciding one sentence pair in isolation (`paraphrase_score`).
    same_threshold = LEXICAL_THRESHOLD

    def __init__(self, centrality: float = CENTRALITY) -> None:
        self.centrality = centrality

    def score_matrix(
        self,
        texts_a: Sequence[str],
        texts_b: Sequence[str],
        terms_a: Sequence[Sequence[str]],
        terms_b: Sequence[Sequence[str]],
        idf: IdfTable,
    ) -> FloatMatrix:
        """`SimilarityBackend` entry point; the texts are not needed here.

        Args:
            texts_a: unit texts of A (unused).
            texts_b: unit texts of B (unused).
            terms_a: content terms of each unit of A.
            terms_b: content terms of each unit of B.
            idf: word weights.
        """
        return self.matrix(terms_a, terms_b, idf)

    def scores(
        self,
        texts_a: Sequence[str],
        texts_b: Sequence[str],
        terms_a: Sequence[Sequence[str]],
        terms_b: Sequence[Sequence[str]],
        idf: IdfTable,
    ) -> Scores:
        """Gate and ranking scores of every pair that shares a term (sparse).

        Args:
            texts_a: unit texts of A (unused).
            texts_b: unit texts of B (unused).
            terms_a: content terms of each unit of A.
            terms_b: content terms of each unit of B.
            idf: word weights.
        """
        return self.sparse_scores(terms_a, terms_b, idf)

    def matrix(
        self, terms_a: Sequence[Sequence[str]], terms_b: Sequence[Sequence[str]], idf: IdfTable
    ) -> FloatMatrix:
        """Score all pairs: the overlap mix blended with the centrality prior (dense).

        Args:
            terms_a: content terms of each unit of A.
            terms_b: content terms of each unit of B.
            idf: word weights.
        """
        return self.matrices(terms_a, terms_b, idf)[1]

    def matrices(
        self, terms_a: Sequence[Sequence[str]], terms_b: Sequence[Sequence[str]], idf: IdfTable
    ) -> tuple[FloatMatrix, FloatMatrix]:
        """Both the plain pair scores and the blended scores, dense (n_a x n_b).

        Unlike `sparse_scores`, the blended matrix has the prior everywhere,
        also where the two units share no term (for evaluation scripts).

        Args:
            terms_a: content terms of each unit of A.
            terms_b: content terms of each unit of B.
            idf: word weights.
        """
        if not terms_a or not terms_b:
            empty: FloatMatrix = np.zeros((len(terms_a), len(terms_b)))
            return empty, empty
        va, vb = _vectors(terms_a, terms_b, idf)
        pair, ranked, ca, cb = self._parts(va, vb)
        dense_pair: FloatMatrix = pair.toarray()
        dense_ranked: FloatMatrix = ranked.toarray()
        if not self.centrality:
            return dense_pair, dense_ranked
        prior = np.sqrt(np.outer(ca, cb))
        out: FloatMatrix = (dense_ranked + self.centrality * prior) / (1.0 + self.centrality)
        return dense_pair, out

    def sparse_scores(
        self, terms_a: Sequence[Sequence[str]], terms_b: Sequence[Sequence[str]], idf: IdfTable
    ) -> Scores:
        """Gate and ranking scores, kept only where the two units share a term.

        Memory and time grow with the number of pairs that share a word, not
        with n_a x n_b: the centrality prior is added on those entries only.

        Args:
            terms_a: content terms of each unit of A.
            terms_b: content terms of each unit of B.
            idf: word weights.
        """
        shape = (len(terms_a), len(terms_b))
        if not terms_a or not terms_b:
            empty = sparse.csr_matrix(shape, dtype=np.float64)
            return Scores(empty, empty)
        va, vb = _vectors(terms_a, terms_b, idf)
        pair, ranked, ca, cb = self._parts(va, vb)
        if self.centrality:
            # In place, in the same order of operations (same values to the bit):
            # at 50k words each temporary here is ~16 MB.
            rows = np.repeat(np.arange(shape[0], dtype=np.int32), np.diff(ranked.indptr))
            prior = ca[rows]
            del rows
            prior *= cb[ranked.indices]
            np.sqrt(prior, out=prior)
            prior *= self.centrality
            data = ranked.data if ranked is not pair else ranked.data.copy()
            data += prior
            data /= 1.0 + self.centrality
            ranked = sparse.csr_matrix((data, ranked.indices, ranked.indptr), shape=shape)
        return Scores(pair, ranked)

    def _parts(
        self, va: sparse.csr_matrix, vb: sparse.csr_matrix
    ) -> tuple[sparse.csr_matrix, sparse.csr_matrix, FloatMatrix, FloatMatrix]:
        """Plain overlap, story-boosted overlap, and each unit's cosine to the other text."""
        pair = _overlap(va, vb)
        if STORY_BOOST != 1.0:
            # The gate (`pair`) stays the plain overlap; the ranking score
            # weighs the shared story's terms up.
            both = (va.getnnz(axis=0) > 0) & (vb.getnnz(axis=0) > 0)
            boost = sparse.diags(np.where(both, STORY_BOOST, 1.0))
            va, vb = (va @ boost).tocsr(), (vb @ boost).tocsr()
            ranked = _overlap(va, vb)
        else:
            ranked = pair
        doc_a = np.asarray(va.sum(axis=0)).ravel()
        doc_b = np.asarray(vb.sum(axis=0)).ravel()
        return pair, ranked, _cosine_to(va, doc_b), _cosine_to(vb, doc_a)


#: Rows of A scored at a time: the temporaries of one block are about 100 bytes per
#: shared pair, so two 50k-word articles (~2 M pairs) no longer hold ~200 MB at once.
OVERLAP_BLOCK = 256


def _overlap(va: sparse.csr_matrix, vb: sparse.csr_matrix) -> sparse.csr_matrix:
    """The overlap mix for all row pairs of two weighted term-presence matrices.

    Only pairs sharing a term get an entry; for the others all three views are 0.
    Computed a block of A's rows at a time (each row's values are the same
    either way: a row of a sparse product depends on that row alone).
    """
    pb = vb.copy()
    pb.data = np.ones_like(pb.data)
    sb = np.asarray(vb.sum(axis=1)).ravel()
    nb = np.sqrt(np.asarray(vb.multiply(vb).sum(axis=1)).ravel())
    n = va.shape[0]
    if n <= OVERLAP_BLOCK:
        return _overlap_rows(va, vb, pb, sb, nb)
    blocks = [
        _overlap_rows(va[k : k + OVERLAP_BLOCK], vb, pb, sb, nb) for k in range(0, n, OVERLAP_BLOCK)
    ]
    out: sparse.csr_matrix = sparse.vstack(blocks, format="csr")
    return out


def _overlap_rows(
    va: sparse.csr_matrix,
    vb: sparse.csr_matrix,
    pb: sparse.csr_matrix,
    sb: FloatMatrix,
    nb: FloatMatrix,
) -> sparse.csr_matrix:
    # Binary presence times idf: va @ pb.T is the shared IDF mass, va @ vb.T the
    # idf²-weighted dot product for the cosine.  Both have the same pattern.
    shared = (va @ pb.T).tocsr()
    dot = (va @ vb.T).tocsr()
    # Weights are positive, so no product cancels: the two patterns are equal,
    # and pb has vb's structure, so both products list them in the same order.
    # Sorting (a fifth of the time at 40k words) only if that ever changes.
    if not (
        np.array_equal(shared.indptr, dot.indptr) and np.array_equal(shared.indices, dot.indices)
    ):
        shared.sort_indices()
        dot.sort_indices()
        assert np.array_equal(shared.indices, dot.indices)
    r = np.repeat(np.arange(shared.shape[0]), np.diff(shared.indptr))
    c = shared.indices
    sa = np.asarray(va.sum(axis=1)).ravel()
    na = np.sqrt(np.asarray(va.multiply(va).sum(axis=1)).ravel())
    d = dot.data
    s = shared.data
    with np.errstate(divide="ignore", invalid="ignore"):
        nn = na[r] * nb[c]
        cos = np.where(nn > 0, d / nn, 0.0)
        tot = sa[r] + sb[c]
        dice = np.where(tot > 0, 2 * s / tot, 0.0)
        small = np.minimum(sa[r], sb[c])
        cont = np.where(small > 0, s / small, 0.0)
    return sparse.csr_matrix(
        (W_COS * cos + W_DICE * dice + W_CONT * cont, c.copy(), shared.indptr.copy()),
        shape=shared.shape,
    )


def _cosine_to(rows: sparse.csr_matrix, doc: FloatMatrix) -> FloatMatrix:
    norms = np.sqrt(np.asarray(rows.multiply(rows).sum(axis=1)).ravel()) * float(np.sqrt(doc @ doc))
    with np.errstate(divide="ignore", invalid="ignore"):
        out: FloatMatrix = np.where(norms > 0, (rows @ doc) / norms, 0.0)
    return out


def order_agreement(terms_a: Sequence[str], terms_b: Sequence[str], idf: IdfTable) -> float:
    """How much of the shared vocabulary appears in the same order on both sides.

    The IDF mass of the longest run of shared terms that is increasing in both
    sentences, over the IDF mass of all shared terms (1.0 when nothing is shared
    or the order is identical).  "X beat Y" vs "Y beat X" scores low.

    Args:
        terms_a: content terms of A in order.
        terms_b: content terms of B in order.
        idf: word weights.
    """
    pos_b: dict[str, int] = {}
    for k, t in enumerate(terms_b):
        pos_b.setdefault(t, k)
    seq: list[tuple[int, float]] = []
    seen: set[str] = set()
    for t in terms_a:
        if t in pos_b and t not in seen:
            seen.add(t)
            seq.append((pos_b[t], idf.weight(t)))
    if len(seq) < 2:
        return 1.0
    total = sum(w for _, w in seq)
    # Heaviest increasing subsequence, O(k²) on the (short) shared list; exact.
    best: list[float] = []
    for i, (p, w) in enumerate(seq):
        b = w
        for j in range(i):
            if seq[j][0] < p and best[j] + w > b:
                b = best[j] + w
        best.append(b)
    return max(best) / total if total else 1.0


def chunk_agreement(terms_a: Sequence[str], terms_b: Sequence[str], idf: IdfTable) -> float:
    """How much of A's shared vocabulary stays in the same phrases in B.

    The weight of neighbouring shared terms of A (in A's order) that are also
    neighbours, in the same order, among B's shared terms, over all such
    neighbours (1.0 when fewer than two terms are shared).  A passive rewrite
    moves whole phrases ("Li Zhaozong" / "Central Confidentiality Office") and
    keeps them intact; a PAWS-style swap breaks them.

    Args:
        terms_a: content terms of A in order.
        terms_b: content terms of B in order.
        idf: word weights.
    """
    shared = set(terms_a) & set(terms_b)
    seq_a = [t for t in dict.fromkeys(terms_a) if t in shared]
    seq_b = [t for t in dict.fromkeys(terms_b) if t in shared]
    if len(seq_a) < 2:
        return 1.0
    following = dict(pairwise(seq_b))
    total = kept = 0.0
    for x, y in pairwise(seq_a):
        w = min(idf.weight(x), idf.weight(y))
        total += w
        if following.get(x) == y:
            kept += w
    return kept / total if total else 1.0


def pair_score(terms_a: Sequence[str], terms_b: Sequence[str], idf: IdfTable) -> float:
    """The plain overlap mix for one pair, in pure Python (no prior, no order check).

    Equal to `LexicalBackend(centrality=0).matrices([a], [b], idf)[0][0, 0]` (the
    gate, without the story-term boost) up to float rounding; used where building
    matrices for one pair would cost more.

    Args:
        terms_a: content terms of A.
        terms_b: content terms of B.
        idf: word weights.
    """
    # Sorted so float sums run in the same order whatever the hash seed.
    set_a, set_b = sorted(set(terms_a)), sorted(set(terms_b))
    if not set_a or not set_b:
        return 0.0
    wa = {t: idf.weight(t) for t in set_a}
    wb = {t: idf.weight(t) for t in set_b}
    both = sorted(set(set_a) & set(set_b))
    shared = sum(wa[t] for t in both)
    dot = sum(wa[t] * wa[t] for t in both)
    sa, sb = sum(wa.values()), sum(wb.values())
    na = sum(w * w for w in wa.values()) ** 0.5
    nb = sum(w * w for w in wb.values()) ** 0.5
    cos = dot / (na * nb)
    dice = 2 * shared / (sa + sb)
    cont = shared / min(sa, sb)
    return W_COS * cos + W_DICE * dice + W_CONT * cont


def refine(base: float, terms_a: Sequence[str], terms_b: Sequence[str], idf: IdfTable) -> float:
    """Apply the word-order penalty to a candidate pair's base score.

    The penalty grows steeply with the overlap and is full from `ORDER_FULL_AT`
    up: word order tells "X beat Y" from "Y beat X" when nearly all words are
    shared, but says little about two loosely related sentences.  The score is
    floored at 0 (a full reversal of the shared words leaves nothing).

    Args:
        base: the backend score.
        terms_a: content terms of A in order.
        terms_b: content terms of B in order.
        idf: word weights.
    """
    # Either view may vouch for the order: whole phrases moved (passive voice,
    # a clause fronted) keep their chunks though the overall order changes.
    order = order_agreement(terms_a, terms_b, idf)
    if order < 1.0:  # at 1.0 (the usual case) the chunks cannot raise it
        order = max(order, chunk_agreement(terms_a, terms_b, idf))
    ramp = min(1.0, base / ORDER_FULL_AT) ** ORDER_SHARPNESS
    return base * max(0.0, 1.0 - ORDER_PENALTY * (1.0 - order) * ramp)
