"""Long articles: work that grew faster than the text is skipped, with the same results.

`align` refines a candidate only when it can still be matched, and
`cross_pairs` hands the slot detectors only pairs where both sides state a
value of one kind.  Each test checks the output against the plain computation
and counts the calls the change saves (they would fail without it).
"""

from __future__ import annotations

import random
from typing import Any

import numpy as np
import pytest

from library.compare import align as align_module
from library.compare import compare_texts, crossing, engine, merge
from library.compare.align import _by_refined_score, align
from library.compare.idf import IdfTable
from library.compare.similarity import LexicalBackend


def _reference(
    candidates: list[tuple[int, int, float]], refined: dict[tuple[int, int], float], low: float
) -> list[tuple[float, int, int]]:
    """Every candidate refined, kept from `low`, sorted best first with ties by ids."""
    out = [(refined[i, j], i, j) for i, j, _ in candidates if refined[i, j] >= low]
    return sorted(out, key=lambda x: (-x[0], x[1], x[2]))


@pytest.mark.parametrize("seed", range(20))
def test_lazy_order_is_the_sorted_order_of_refined_scores(seed: int) -> None:
    rng = random.Random(seed)
    # Coarse values, so that ties between ranks and refined scores are common.
    candidates = [
        (i, j, rng.choice([0.4, 0.5, 0.6, 0.7]))
        for i in range(8)
        for j in range(8)
        if rng.random() < 0.6
    ]
    refined = {(i, j): r * rng.choice([1.0, 1.0, 0.8, 0.5, 0.0]) for i, j, r in candidates}
    calls: list[tuple[int, int]] = []

    def refine(i: int, j: int, r: float) -> float:
        calls.append((i, j))
        return refined[i, j]

    got = list(_by_refined_score(candidates, refine, 0.3, lambda i, j: False))
    assert got == _reference(candidates, refined, 0.3)
    assert sorted(calls) == sorted((i, j) for i, j, _ in candidates)  # each once


@pytest.mark.parametrize("seed", range(20))
def test_taken_candidates_are_dropped_unrefined(seed: int) -> None:
    rng = random.Random(seed)
    candidates = [(i, j, rng.choice([0.4, 0.5, 0.6])) for i in range(6) for j in range(6)]
    refined = {(i, j): r * rng.choice([1.0, 0.9, 0.5]) for i, j, r in candidates}
    used: set[int] = set()
    calls: list[tuple[int, int]] = []

    def refine(i: int, j: int, r: float) -> float:
        calls.append((i, j))
        return refined[i, j]

    got = []
    for s, i, j in _by_refined_score(candidates, refine, 0.0, lambda i, j: i in used):
        got.append((s, i, j))
        used.add(i)  # greedy: each A unit's best partner only
    best = {}
    for s, i, j in _reference(candidates, refined, 0.0):
        best.setdefault(i, (s, i, j))
    assert got == sorted(best.values(), key=lambda x: (-x[0], x[1], x[2]))
    assert len(calls) < len(candidates)


def test_align_does_not_refine_candidates_of_units_already_matched(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # One sentence of A, repeated 40 times in B: the first copy takes it; the
    # 39 others could never be matched and need no word-order check.
    sentence = ["court", "fined", "company", "million", "pollution", "river"]
    terms_a = [sentence]
    terms_b = [sentence] * 40
    calls = []
    real = align_module.refine

    def counting(*args: Any) -> float:
        calls.append(args)
        return float(real(*args))

    monkeypatch.setattr(align_module, "refine", counting)
    monkeypatch.setattr(merge, "refine", counting)
    matches = align(terms_a, terms_b, IdfTable({}, 0))
    assert [m.a for m in matches] == [(0,)] and matches[0].b[0] == 0
    # One for the pair; the merge refines the pair and the one neighbour it tries.
    assert len(calls) == 3  # was 42: every copy refined


def _mixed_article(rng: random.Random, n: int) -> str:
    names = ["Ann Reyes", "the Parks Office", "Mayor Quist", "Li Wei"]
    values = ["on January 1", "on March 3", "12 trails", "40 rangers", "in 2019", ""]
    verbs = ["closed", "reported", "opened", "counted", "said"]
    return "\n".join(
        f"{rng.choice(names)} {rng.choice(verbs)} {rng.choice(values)} "
        f"{rng.choice(['near the river', 'after the storm', 'this week'])}."
        for _ in range(n)
    )


@pytest.mark.parametrize("seed", range(6))
def test_cross_pairs_results_are_those_of_every_pair_asked(
    seed: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    rng = random.Random(seed)
    a, b = _mixed_article(rng, 30), _mixed_article(rng, 30)
    fast = compare_texts(a, b).to_dict()
    # Every unit said to state every kind of value: all anchor-sharing pairs go
    # to the detectors, as before the filter.
    monkeypatch.setattr(crossing, "_values", lambda text: (True, True, True))
    assert compare_texts(a, b).to_dict() == fast


def test_cross_pairs_does_not_ask_for_a_number_conflict_of_a_date(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    a = "Ann Reyes closed the northern trail on January 1.\nThe board met."
    b = "Rangers were hired: Ann Reyes counted 40 of them.\nThe board met."
    asked: list[tuple[str, str, str]] = []
    inside: list[bool] = []
    real_cross = engine.cross_pairs

    def crossing_only(*args: Any) -> Any:
        inside.append(True)
        try:
            return real_cross(*args)
        finally:
            inside.pop()

    monkeypatch.setattr(engine, "cross_pairs", crossing_only)
    for module, name in ((crossing.numbers, "conflicting"), (crossing.date_detector, "detect")):
        real = getattr(module, name)

        def counting(
            pa: Any, pb: Any, *rest: Any, real: Any = real, name: str = name, **kw: Any
        ) -> Any:
            if inside:
                asked.append((name, pa.text, pb.text))
            return real(pa, pb, *rest, **kw)

        monkeypatch.setattr(module, name, counting)
    c = compare_texts(a, b, backend=LexicalBackend())
    assert all(p.relation != "divergent" for p in c.pairs)
    assert inside == [] and asked == []  # before: both detectors asked about the first pair


def test_merge_reads_the_gate_once(monkeypatch: pytest.MonkeyPatch) -> None:
    from scipy import sparse

    reads: list[object] = []

    class Counting(sparse.csr_matrix):  # type: ignore[misc]
        def __getitem__(self, key: object) -> object:
            reads.append(key)
            return super().__getitem__(key)

    terms_a = [["storm", "closed", "port"], ["ships", "waited", "outside"], ["mayor", "spoke"]]
    terms_b = [["storm", "closed", "port", "ships", "waited", "outside"], ["mayor", "spoke"]]
    gate = Counting(np.array([[0.9, 0.0], [0.5, 0.0], [0.0, 0.9]]))
    matches = [align_module.Match((0,), (0,), 0.9), align_module.Match((2,), (1,), 0.9)]
    used_a, used_b = {0: 0, 2: 1}, {0: 0, 1: 1}
    out = merge.merge_neighbours(matches, gate, terms_a, terms_b, IdfTable({}, 0), used_a, used_b)
    assert out[0].a == (0, 1)  # the neighbour that overlaps joins
    assert len(reads) == 1  # was one sparse lookup per neighbour tried


def test_states_reads_the_article_dates_once_per_date(monkeypatch: pytest.MonkeyPatch) -> None:
    from library.compare.detectors import dates as date_detector
    from library.compare.detectors.base import Passage
    from library.compare.mentions import Mentions
    from library.compare.quantities import dates

    days = [f"The council met on March {d}." for d in range(1, 29)]
    article = "\n".join(days)
    passage = Passage(days[0], "a", Mentions.build(article, ""), article)
    asked: list[object] = []
    real = date_detector._covers

    def counting(x: object, d: object) -> bool:
        asked.append(x)
        return bool(real(x, d))  # type: ignore[arg-type]

    monkeypatch.setattr(date_detector, "_covers", counting)
    march_5 = dates("on March 5")[0][0]
    march_1 = dates("on March 1")[0][0]
    for _ in range(10):  # every candidate pair asks again
        assert date_detector.states(passage, march_5)  # stated elsewhere in the article
        assert not date_detector.states(passage, march_1)  # only inside the passage
    assert len(asked) == 2 * len(days)  # was 330: the article read again per question
