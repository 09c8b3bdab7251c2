"""The learned paraphrase head: shipped weights, when it may speak, and how `align` uses it."""

from __future__ import annotations

import io
import json
import tempfile
from collections.abc import Callable, Sequence
from contextlib import redirect_stdout
from pathlib import Path

import numpy as np
import pytest

from library.compare import align as align_mod
from library.compare import head_rule, paraphrase_head
from library.compare.align import Match, align
from library.compare.backends import SemanticBackend
from library.compare.idf import IdfTable
from library.compare.units import terms
from tests.library.compare.fakes import FakeEncoder, FixedScores

THRESHOLD = 0.47


def _unit(n: int, seed: int) -> np.ndarray:
    v = np.random.default_rng(seed).normal(size=(n, 512))
    out: np.ndarray = v / np.linalg.norm(v, axis=1, keepdims=True)
    return out.astype(np.float32)


def test_shipped_weights_load_small_and_give_probabilities() -> None:
    assert paraphrase_head.WEIGHTS.stat().st_size < 16_000  # a few KB in the wheel
    head = paraphrase_head.load()
    assert head is not None
    u, v = _unit(3, 1), _unit(3, 2)
    assert head.reads(u)
    assert not head.reads(np.zeros((3, 32), dtype=np.float32))  # another encoder's width
    texts = ["The mayor opened the bridge.", "Rain fell.", "Two men were arrested."]
    p = head.probability(u, v, texts, texts[::-1])
    assert p.shape == (3,)
    assert np.all((p > 0) & (p < 1))
    # A unit against itself reads as one fact more than against a random sentence.
    same = head.probability(u[:1], u[:1], texts[:1], texts[:1])[0]
    assert same > p[0]


def test_missing_or_foreign_weights_give_no_head(tmp_path: Path) -> None:
    assert paraphrase_head.load(tmp_path / "missing.npz") is None
    other = tmp_path / "other.npz"
    np.savez(other, coef=np.zeros(2 * 512 + 3), intercept=0.0, dim=512)  # another layout
    assert paraphrase_head.load(other) is None


@pytest.mark.parametrize(
    ("a", "b", "speaks"),
    [
        ("Police arrested a man on Monday.", "A man was detained by officers.", True),
        # Datelines: a time stamp is no claim.
        ("14 May 2014 Last updated at 08: 17 GMT", "9: 05AM BST 14 May 2014", False),
        # Each side gives a number the other lacks: a value the head cannot read.
        (
            "Thieves took $4.8 million in watches.",
            "Thieves grab $4.7 million of timepieces.",
            False,
        ),
        # One side's numbers inside the other's: a detail left out, not a clash.
        ("Thieves took watches.", "Thieves grab $4.7 million of timepieces.", True),
        # A title-case headline against a sentence: its words all read as names.
        (
            "Dale Rourke Admits To Killing Of Mina Castell In Harlow Stabbing",
            "The prosecutor said at the start of the trial that the victim was stabbed.",
            False,
        ),
        ("Driver Charged In Fatal Alby Hit And Run", "Alby Woman Killed In Hit And Run", True),
    ],
)
def test_head_speaks_only_where_its_features_read_the_pair(a: str, b: str, speaks: bool) -> None:
    assert paraphrase_head.speaks_on(a, b) is speaks


def _verdicts(texts_a: Sequence[str], texts_b: Sequence[str]) -> paraphrase_head.Verdicts:
    head = paraphrase_head.load()
    assert head is not None
    vectors = _unit(len(texts_a), 3), _unit(len(texts_b), 4)
    return paraphrase_head.Verdicts(head, *vectors, texts_a, texts_b)


def test_head_verdicts_stay_silent_on_chinese_and_on_articles_about_other_people() -> None:
    same_people = ["Anna Berg met Carl Dahl in Oslo.", "Anna Berg spoke.", "Carl Dahl left."]
    chinese = [*same_people, "国家安全部变得更加高调。"]
    verdicts = _verdicts(chinese, same_people)
    assert verdicts.story
    assert verdicts(3, 0) == 0.0  # a Chinese unit: the head saw no Chinese pairs
    assert 0.0 < verdicts(1, 1) < 1.0
    others = [
        "Maria Lopez met Juan Ortiz in Lima.",
        "Maria Lopez spoke to Pedro Ruiz.",
        "Juan Ortiz left Cusco with Elena Soto.",
    ]
    apart = _verdicts(same_people, others)
    assert not apart.story  # ten names between the articles, none shared
    assert apart(1, 1) == 0.0


def _backend(low: float, same: Callable[[int, int], float] | None, sure: bool) -> FixedScores:
    """Two units a side: A0~B0 sure (unless not `sure`), A1~B1 under the threshold."""
    return FixedScores(
        {(0, 0): 0.9 if sure else 0.3, (1, 1): low}, (2, 2), THRESHOLD, same=same, merge_floor=0.3
    )


def _align(
    low: float,
    prob: float | None,
    *,
    consistent: bool = True,
    sure: bool = True,
) -> list[Match]:
    texts = ["The ministry has become more outspoken.", "It opened an office."]
    texts_b = ["The ministry has become unusually prominent.", "An office was opened."]
    ta, tb = [terms(t) for t in texts], [terms(t) for t in texts_b]
    same = None if prob is None else (lambda i, j: prob)
    return align(
        ta,
        tb,
        IdfTable.from_term_lists([*ta, *tb]),
        backend=_backend(low, same, sure),
        texts_a=texts,
        texts_b=texts_b,
        is_consistent=lambda i, j: consistent,
    )


def test_head_lets_in_a_best_partner_pair_just_under_the_cut() -> None:
    low = THRESHOLD - 0.05
    assert Match((1,), (1,), low, True) in _align(low, 0.9)


@pytest.mark.parametrize(
    ("low", "prob", "consistent", "sure"),
    [
        (THRESHOLD - 0.05, None, True, True),  # a backend without a head
        (THRESHOLD - 0.05, head_rule.HEAD_CUT - 0.1, True, True),  # the head is not sure
        (THRESHOLD - 0.05, 0.99, False, True),  # a conflict or a differing count
        (THRESHOLD - 0.05, 0.99, True, False),  # no pair cleared the cut: maybe two events
        (THRESHOLD - head_rule.HEAD_MARGIN - 0.02, 0.99, True, True),  # too far under the cut
    ],
)
def test_head_lets_nothing_in_without_all_its_conditions(
    low: float, prob: float | None, consistent: bool, sure: bool
) -> None:
    matches = _align(low, prob, consistent=consistent, sure=sure)
    assert not [m for m in matches if m.a == (1,)]


@pytest.mark.parametrize(
    ("prob", "vouched", "joins"), [(0.9, True, True), (0.5, True, False), (0.9, False, False)]
)
def test_a_headline_joins_the_body_sentences_pair_when_the_head_and_the_words_agree(
    prob: float, vouched: bool, joins: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The head's own rule, alone: the neighbour rule (`repeats.py`) would let the
    # headline in on its claim words too.
    monkeypatch.setattr(align_mod, "REPEATS", False)
    texts = ["Minister Quits Over Leak", "The minister resigned on Friday over the leak."]
    texts_b = ["The minister stepped down after the leak, officials said."]
    ta, tb = [terms(t) for t in texts], [terms(t) for t in texts_b]
    low = THRESHOLD - 0.05
    matches = align(
        ta,
        tb,
        IdfTable.from_term_lists([*ta, *tb]),
        # A0 (a headline) and A1 (the body) both tell B0; A1~B0 is the sure pair.
        backend=FixedScores(
            {(0, 0): low, (1, 0): 0.9}, (2, 1), THRESHOLD, same=lambda i, j: prob, merge_floor=0.3
        ),
        texts_a=texts,
        texts_b=texts_b,
        is_paraphrase=lambda i, j: vouched,
        is_consistent=lambda i, j: True,
    )
    assert Match((1,), (0,), 0.9) in matches
    assert (Match((0,), (0,), low, True) in matches) is joins


def test_backend_offers_the_head_only_for_vectors_of_its_width() -> None:
    texts = ["The ministry has become more outspoken.", "It opened an office."]
    ta = [terms(t) for t in texts]
    idf = IdfTable.from_term_lists(ta)
    fake = SemanticBackend(FakeEncoder())  # 32-d vectors: not the head's encoder
    assert fake.scores(texts, texts, ta, ta, idf).same is None

    def wide(batch: Sequence[str]) -> np.ndarray:
        return _unit(len(batch), len(batch))

    assert SemanticBackend(wide).scores(texts, texts, ta, ta, idf).same is not None
    assert SemanticBackend(wide, head=False).scores(texts, texts, ta, ta, idf).same is None


@pytest.mark.slow
def test_sample_pair_finds_the_spotlight_fact_with_the_real_model(sample_paths: list[Path]) -> None:
    """Issue #9: the sample's "come out of the shadows" / "stepped into the spotlight" (A4~B3)."""
    from library.cli import main

    out = io.StringIO()
    with tempfile.TemporaryDirectory() as data, redirect_stdout(out):
        args = ["--data-dir", data, "compare", *map(str, sample_paths[:2]), "--json"]
        assert main([*args, "--backend", "semantic"]) == 0
    same = {
        (i, j)
        for p in json.loads(out.getvalue())["pairs"]
        if p["relation"] == "same"
        for i in p["a"]
        for j in p["b"]
    }
    assert (4, 3) in same
