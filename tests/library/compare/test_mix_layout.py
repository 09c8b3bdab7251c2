"""The semantic mix laid out without a COO round trip: the same matrices, to the bit."""

from __future__ import annotations

import numpy as np
from scipy import sparse

from library.compare import language_mix
from library.compare.backends import _with_extra


def _case(seed: int, n_a: int, n_b: int, density: float, extra_share: float):
    rng = np.random.default_rng(seed)
    lex = sparse.random(n_a, n_b, density=density, format="csr", random_state=seed)
    lex.sort_indices()
    free = np.ones((n_a, n_b), dtype=bool)
    free[lex.nonzero()] = False
    free &= rng.random((n_a, n_b)) < extra_share
    extra_r, extra_c = np.nonzero(free)
    views = [lex.data.copy(), rng.random(lex.nnz)]
    extra = rng.random(len(extra_r))
    return lex, views, extra_r, extra_c, extra


def test_same_matrices_as_the_coo_round_trip():
    for seed, n_a, n_b, density, share in (
        (1, 40, 30, 0.3, 0.2),
        (2, 25, 60, 0.05, 0.5),  # many rows with no shared term
        (3, 30, 30, 0.4, 0.0),  # no extra pair
        (4, 1, 5, 1.0, 0.0),
        (5, 12, 9, 0.0, 0.3),  # no shared term at all
    ):
        lex, views, extra_r, extra_c, extra = _case(seed, n_a, n_b, density, share)
        rows = np.repeat(np.arange(n_a), np.diff(lex.indptr))
        got = _with_extra((n_a, n_b), lex.indptr, lex.indices, views, extra_r, extra_c, extra)
        for matrix, view in zip(got, views, strict=True):
            want = sparse.csr_matrix(
                (
                    np.concatenate([view, extra]),
                    (np.concatenate([rows, extra_r]), np.concatenate([lex.indices, extra_c])),
                ),
                shape=(n_a, n_b),
            )
            assert np.array_equal(matrix.indptr, want.indptr)
            assert np.array_equal(matrix.indices, want.indices)
            assert matrix.data.tobytes() == want.data.tobytes()
        # Each matrix owns its index arrays.
        assert not np.shares_memory(got[0].indices, got[1].indices)
        assert not np.shares_memory(got[0].indptr, got[1].indptr)


def test_english_mix_has_the_bits_of_the_plain_formula():
    rng = np.random.default_rng(9)
    n = 500
    rows = rng.integers(0, 20, n)
    cols = rng.integers(0, 20, n)
    gate, rank, cosine = rng.random(n), rng.random(n), rng.random(n)
    texts = [f"An English sentence number {k}." for k in range(20)]
    w = 0.35
    got = language_mix.mix(texts, texts, rows, cols, (gate, rank), cosine, w, ([], [], None))
    for out, view in zip(got, (gate, rank), strict=True):
        assert out.tobytes() == ((1 - w) * view + w * cosine).tobytes()
