"""The learned pair score: its features, its scale, and how the semantic backend uses it."""

from __future__ import annotations

import numpy as np
import pytest

from library.compare import compare_texts, pair_score
from library.compare.align import align
from library.compare.backends import SemanticBackend
from library.compare.idf import IdfTable
from library.compare.units import terms
from tests.library.compare.fakes import FakeEncoder

A = [
    "Li Zhaozong, director of the office, resigned on Monday after 12 years.",
    "The ministry has become more outspoken.",
]
B = [
    "Li Zhaozong resigned as director of the office on Monday, after 12 years in the post.",
    "Rain is expected in Beijing on Tuesday.",
]


def _features(a: list[str], b: list[str]) -> tuple[np.ndarray, list[int], list[int]]:
    ta, tb = [terms(x) for x in a], [terms(x) for x in b]
    idf = IdfTable.from_term_lists([*ta, *tb])
    return SemanticBackend(FakeEncoder(), learned=True).candidate_features(a, b, ta, tb, idf)


def test_features_read_claim_words_names_and_numbers() -> None:
    x, rows, cols = _features(A, B)
    assert x.shape[1] == len(pair_score.FEATURES) == len(pair_score.COEF)
    k = list(zip(rows, cols, strict=True)).index((0, 0))
    row = dict(zip(pair_score.FEATURES, x[k], strict=True))
    assert row["claim_shared"] > 0  # "resigned", "director", "office"
    assert row["names_shared"] > 0  # Zhaozong
    assert row["numbers_shared"] > 0 and row["numbers_apart"] == 0  # 12 on both sides
    assert row["mutual_best"] == 1.0
    assert 0 < row["article_names"] <= 1


def test_numbers_apart_only_when_both_sides_give_numbers_and_none_is_shared() -> None:
    x, rows, cols = _features(
        ["Li Zhaozong resigned after 12 years as director."],
        ["Li Zhaozong resigned after 15 years as director."],
    )
    row = dict(zip(pair_score.FEATURES, x[0], strict=True))
    assert (rows, cols) == ([0], [0])
    assert row["numbers_apart"] == 1.0 and row["numbers_shared"] == 0


def test_score_puts_the_cut_on_the_backend_threshold_and_keeps_order() -> None:
    # A row whose model probability is exactly CUT must score the threshold itself.
    coef = np.asarray(pair_score.COEF)
    x = np.zeros((1, len(coef)))
    x[0, 0] = (pair_score.logit(pair_score.CUT) - pair_score.INTERCEPT) / coef[0]
    assert pair_score.score(x, 0.47)[0] == pytest.approx(0.47)
    higher = x.copy()
    higher[0, 0] += 0.1
    assert pair_score.score(higher, 0.47)[0] > 0.47


def test_learned_mode_is_off_by_default_and_leaves_the_mix_alone() -> None:
    # Off by default (RESULTS-compare.md, "A learned pair score"): same output as the mix.
    assert SemanticBackend(FakeEncoder()).learned is pair_score.LEARNED is False
    assert not SemanticBackend(FakeEncoder()).prerefined
    ta, tb = [terms(x) for x in A], [terms(x) for x in B]
    idf = IdfTable.from_term_lists([*ta, *tb])
    plain = SemanticBackend(FakeEncoder(), learned=False).scores(A, B, ta, tb, idf)
    learned = SemanticBackend(FakeEncoder(), learned=True).scores(A, B, ta, tb, idf)
    # The gate is the mix in both modes; only the candidates' ranking scores change.
    assert np.array_equal(plain.gate.toarray(), learned.gate.toarray())
    assert learned.rank.toarray()[0, 0] > 0


def test_align_does_not_refine_a_learned_score_twice() -> None:
    ta, tb = [terms(x) for x in A], [terms(x) for x in B]
    idf = IdfTable.from_term_lists([*ta, *tb])
    backend = SemanticBackend(FakeEncoder(), learned=True)
    assert backend.prerefined
    rank = backend.scores(A, B, ta, tb, idf).rank.toarray()
    matches = align(ta, tb, idf, backend=backend, texts_a=A, texts_b=B)
    m = next(m for m in matches if m.a == (0,))
    assert m.b == (0,)
    assert m.score >= rank[0, 0] - 1e-9  # not lowered by a second word-order check


def test_learned_mode_runs_the_whole_pipeline_and_keeps_chinese_on_the_mix() -> None:
    backend = SemanticBackend(FakeEncoder(), learned=True)
    c = compare_texts(" ".join(A), " ".join(B), backend=backend)
    assert any(p.relation == "same" for p in c.pairs)
    zh_a, zh_b = ["国家安全部发布消息。"], ["国家安全部发布了消息。"]
    ta, tb = [terms(x) for x in zh_a], [terms(x) for x in zh_b]
    idf = IdfTable.from_term_lists([*ta, *tb])
    learned = backend.scores(zh_a, zh_b, ta, tb, idf).rank.toarray()[0, 0]
    mixed = SemanticBackend(FakeEncoder(), learned=False).scores(zh_a, zh_b, ta, tb, idf)
    from library.compare.similarity import refine

    assert learned == pytest.approx(refine(mixed.rank.toarray()[0, 0], ta[0], tb[0], idf))
