"""Chinese pairs in the semantic mix: more meaning, and the order of shared bigrams counts."""

from __future__ import annotations

import numpy as np
import pytest

from library.compare import compare_texts, language_mix
from library.compare.backends import MIX_WEIGHT, SemanticBackend
from library.compare.idf import IdfTable
from library.compare.similarity import LexicalBackend
from library.compare.units import terms
from tests.library.compare.fakes import FakeEncoder

# Written for these tests: one claim, its word-swapped twin (other roles), a paraphrase.
CLAIM = "王明由李华训练，由张强骑乘参加了这场比赛。"
SWAPPED = "王明由张强训练，由李华骑乘参加了这场比赛。"
PARAPHRASE = "王明由李华训练，并由张强骑乘参加了比赛。"


def _score(a: str, b: str) -> float:
    encoder = FakeEncoder(same_meaning=[(a, b)])  # cosine 1: only the words differ
    ta, tb = terms(a), terms(b)
    idf = IdfTable.from_term_lists([ta, tb])
    scores = SemanticBackend(encoder).scores([a], [b], [ta], [tb], idf)
    return float(scores.rank.toarray()[0, 0])


def test_displacement_reads_where_shared_bigrams_sit() -> None:
    assert language_mix.displacement(CLAIM, CLAIM) == (0.0, 1.0)
    assert language_mix.displacement(CLAIM, "完全不同的一句话。") == (0.0, 0.0)  # nothing shared
    swapped, shared = language_mix.displacement(CLAIM, SWAPPED)
    assert swapped > 0.2 and shared > 0.6
    assert language_mix.displacement(CLAIM, PARAPHRASE)[0] < swapped


def test_a_word_swapped_twin_scores_below_a_paraphrase() -> None:
    assert _score(CLAIM, SWAPPED) < _score(CLAIM, PARAPHRASE) <= _score(CLAIM, CLAIM)


def test_english_pairs_keep_the_english_mix() -> None:
    a = "The minister met the delegation in Beijing on Monday."
    b = "On Monday the delegation met the minister in Beijing."
    ta, tb = terms(a), terms(b)
    idf = IdfTable.from_term_lists([ta, tb])
    lexical = float(LexicalBackend().sparse_scores([ta], [tb], idf).rank.toarray()[0, 0])
    expected = (1 - MIX_WEIGHT) * lexical + MIX_WEIGHT * 1.0
    assert _score(a, b) == pytest.approx(expected)


def test_mix_weights_each_pair_by_its_languages() -> None:
    rows, cols = np.array([0, 1]), np.array([0, 0])
    lexical = np.array([0.5, 0.5])
    texts_a, texts_b = ["今天下雨。", "It rained today."], ["今天下雨。"]
    terms_a, terms_b = [terms(t) for t in texts_a], [terms(t) for t in texts_b]
    idf = IdfTable.from_term_lists([*terms_a, *terms_b])
    (out,) = language_mix.mix(
        texts_a, texts_b, rows, cols, (lexical,), np.ones(2), 0.3, (terms_a, terms_b, idf)
    )
    zh = language_mix.ZH_WEIGHT
    assert out[0] == pytest.approx((1 - zh) * 0.5 + zh)  # both Chinese, same order: no penalty
    assert out[1] == pytest.approx(0.7 * 0.5 + 0.3)


def test_the_semantic_backend_keeps_the_chinese_guarantees() -> None:
    from tests.library.compare.test_chinese import SIMPLIFIED, TRADITIONAL

    # The encoder is taken to find each pair the same in meaning: the worst case.
    scripts = list(zip(SIMPLIFIED.split("。"), TRADITIONAL.split("。"), strict=True))
    pairs = [(a + "。", b + "。") for a, b in scripts if a]
    backend = SemanticBackend(FakeEncoder(same_meaning=pairs))
    c = compare_texts(SIMPLIFIED, TRADITIONAL, backend=backend)
    assert sum(len(p.a) for p in c.pairs if p.relation == "same") == len(c.a.units) == 4
    for a, b, named in (
        ("警方初步认定，这起火灾系人为纵火。", "警方初步认定，这起火灾并非人为纵火。", "并非"),
        ("法院以受贿罪判处其有期徒刑十二年。", "法院以受贿罪判处其有期徒刑十五年。", "十五年"),
        ("代表团团长李兆宗出席了签字仪式。", "代表团团长李兆忠出席了签字仪式。", "李兆忠"),
    ):
        c = compare_texts(a, b, backend=SemanticBackend(FakeEncoder(same_meaning=[(a, b)])))
        assert [p.relation for p in c.pairs] == ["divergent"], (a, b)
        assert named in " ".join(x.explanation for x in c.pairs[0].conflicts)
