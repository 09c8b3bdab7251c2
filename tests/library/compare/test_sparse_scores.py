"""The sparse lexical scores equal the former dense computation."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pytest

from library.compare import similarity
from library.compare.idf import IdfTable
from library.compare.similarity import LexicalBackend
from library.compare.units import terms

A = [
    "Li Zhaozong heads the Central Confidentiality Office.",
    "The office warned reporters about leaking secrets on Monday.",
    "Heavy rain fell in Beijing.",
    "",
]
B = [
    "The Central Confidentiality Office, headed by Li Zhaozong, warned reporters.",
    "Officials said secrets had leaked in news reports.",
    "Nothing in common here at all.",
]


def dense_reference(
    terms_a: Sequence[Sequence[str]], terms_b: Sequence[Sequence[str]], idf: IdfTable
) -> tuple[np.ndarray, np.ndarray]:
    """The engine's scores as computed before scipy.sparse (units x vocabulary, dense)."""
    vocab = sorted({t for ts in terms_a for t in ts} | {t for ts in terms_b for t in ts})
    index = {t: k for k, t in enumerate(vocab)}
    weights = np.array([idf.weight(t) for t in vocab])

    def build(rows: Sequence[Sequence[str]]) -> np.ndarray:
        m = np.zeros((len(rows), len(vocab)))
        for r, ts in enumerate(rows):
            cols = [index[t] for t in set(ts)]
            m[r, cols] = weights[cols]
        return m

    def overlap(va: np.ndarray, vb: np.ndarray) -> np.ndarray:
        pb = (vb > 0).astype(float)
        shared, dot = va @ pb.T, va @ vb.T
        sa, sb = va.sum(axis=1)[:, None], vb.sum(axis=1)[None, :]
        na = np.sqrt((va * va).sum(axis=1))[:, None]
        nb = np.sqrt((vb * vb).sum(axis=1))[None, :]
        with np.errstate(divide="ignore", invalid="ignore"):
            cos = np.where(na * nb > 0, dot / (na * nb), 0.0)
            dice = np.where(sa + sb > 0, 2 * shared / (sa + sb), 0.0)
            cont = np.where(np.minimum(sa, sb) > 0, shared / np.minimum(sa, sb), 0.0)
        return similarity.W_COS * cos + similarity.W_DICE * dice + similarity.W_CONT * cont

    def cosine_to(rows: np.ndarray, doc: np.ndarray) -> np.ndarray:
        norms = np.sqrt((rows * rows).sum(axis=1)) * float(np.sqrt(doc @ doc))
        with np.errstate(divide="ignore", invalid="ignore"):
            return np.where(norms > 0, (rows @ doc) / norms, 0.0)

    va, vb = build(terms_a), build(terms_b)
    pair = overlap(va, vb)
    both = (va > 0).any(axis=0) & (vb > 0).any(axis=0)
    boost = np.where(both, similarity.STORY_BOOST, 1.0)
    va, vb = va * boost, vb * boost
    ranked = overlap(va, vb)
    prior = np.sqrt(np.outer(cosine_to(va, vb.sum(axis=0)), cosine_to(vb, va.sum(axis=0))))
    c = similarity.CENTRALITY
    return pair, (ranked + c * prior) / (1 + c)


def test_sparse_scores_equal_the_dense_computation() -> None:
    ta, tb = [terms(x) for x in A], [terms(x) for x in B]
    idf = IdfTable.from_term_lists([*ta, *tb])
    gate_ref, rank_ref = dense_reference(ta, tb, idf)
    gate, rank = LexicalBackend().matrices(ta, tb, idf)
    np.testing.assert_allclose(gate, gate_ref, rtol=0, atol=1e-12)
    np.testing.assert_allclose(rank, rank_ref, rtol=0, atol=1e-12)
    scores = LexicalBackend().sparse_scores(ta, tb, idf)
    shares = gate_ref > 0
    np.testing.assert_allclose(scores.gate.toarray(), gate_ref, rtol=0, atol=1e-12)
    np.testing.assert_allclose(scores.rank.toarray()[shares], rank_ref[shares], rtol=0, atol=1e-12)
    # Pairs that share no term have no entry at all (the prior is not stored for them).
    assert (scores.rank.toarray()[~shares] == 0).all()
    assert scores.gate.nnz == int(shares.sum())


def test_empty_sides_give_empty_sparse_scores() -> None:
    idf = IdfTable.from_term_lists([["x"]])
    scores = LexicalBackend().sparse_scores([], [["x"]], idf)
    assert scores.gate.shape == (0, 1) and scores.gate.nnz == 0


def test_overlap_in_row_blocks_equals_one_block(monkeypatch: pytest.MonkeyPatch) -> None:
    # Scored a block of A's rows at a time to bound memory at 50k words: the
    # values and their order must not depend on the block size.
    rows_a = [["fire", "mill", "friday", f"w{i % 7}"] for i in range(40)]
    rows_b = [["mill", "fire", f"w{i % 5}", "police"] for i in range(30)]
    idf = IdfTable.from_term_lists([*rows_a, *rows_b])
    whole = LexicalBackend().sparse_scores(rows_a, rows_b, idf)
    monkeypatch.setattr(similarity, "OVERLAP_BLOCK", 3)
    blocked = LexicalBackend().sparse_scores(rows_a, rows_b, idf)
    for a, b in ((whole.gate, blocked.gate), (whole.rank, blocked.rank)):
        assert (a.indptr == b.indptr).all() and (a.indices == b.indices).all()
        assert (a.data == b.data).all()
