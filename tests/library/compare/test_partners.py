"""Best partners found by refining few candidates are those of refining them all.

`partners.Candidates` stops reading a unit's candidates once no rank left can
reach the best refined score found.  Each test checks it against the plain
computation (every candidate refined, sorted best first with ties by ids, read
as `align` read that list before) and counts the refines it saves.
"""

from __future__ import annotations

import random
from typing import Any

import numpy as np
import pytest

from library.compare import align as align_module
from library.compare.align import align
from library.compare.idf import IdfTable
from library.compare.partners import Candidates
from library.compare.similarity import LexicalBackend, Scores
from library.compare.units import terms
from tests.library.compare.fakes import FixedScores, cells_of

Triple = tuple[int, int, float]


def _random_candidates(seed: int, n: int = 9) -> tuple[list[Triple], dict[tuple[int, int], float]]:
    rng = random.Random(seed)
    # Coarse values, so that ties between ranks and refined scores are common.
    candidates = [
        (i, j, rng.choice([0.4, 0.5, 0.6, 0.7]))
        for i in range(n)
        for j in range(n)
        if rng.random() < 0.6
    ]
    refined = {(i, j): r * rng.choice([1.0, 1.0, 0.8, 0.5, 0.0]) for i, j, r in candidates}
    return candidates, refined


def _make(
    candidates: list[Triple], refined: dict[tuple[int, int], float], low: float
) -> tuple[Candidates, list[tuple[int, int]]]:
    calls: list[tuple[int, int]] = []

    def refine(i: int, j: int, r: float) -> float:
        calls.append((i, j))
        return refined[i, j]

    rows = np.array([c[0] for c in candidates], dtype=np.int64)
    cols = np.array([c[1] for c in candidates], dtype=np.int64)
    ranks = np.array([c[2] for c in candidates])
    return Candidates(rows, cols, ranks, refine, low), calls


def _used(seed: int, share: float) -> tuple[set[int], set[int]]:
    """Units of A and of B (out of 9 each) taken by pairs made before, drawn at random."""
    rng = random.Random(seed)
    return {i for i in range(9) if rng.random() < share}, {
        j for j in range(9) if rng.random() < share
    }


def _sorted_all(
    candidates: list[Triple], refined: dict[tuple[int, int], float], low: float
) -> list[tuple[float, int, int]]:
    """Every candidate refined, kept from `low`, best first with ties by ids."""
    out = [(refined[i, j], i, j) for i, j, _ in candidates if refined[i, j] >= low]
    return sorted(out, key=lambda x: (-x[0], x[1], x[2]))


@pytest.mark.parametrize("seed", range(30))
def test_mutual_best_is_that_of_every_candidate_refined(seed: int) -> None:
    candidates, refined = _random_candidates(seed)
    used_a, used_b = _used(seed + 100, 0.3)
    pending, calls = _make(candidates, refined, 0.3)
    got = pending.mutual_best(lambda i: i not in used_a, lambda j: j not in used_b)
    # As `align` read the whole list: first free partner of each free unit, then
    # the pairs whose units chose each other, in the list's order.
    scored = _sorted_all(candidates, refined, 0.3)
    best_a: dict[int, int] = {}
    best_b: dict[int, int] = {}
    for _, i, j in scored:
        if i not in used_a and j not in used_b:
            best_a.setdefault(i, j)
            best_b.setdefault(j, i)
    want = [
        (s, i, j)
        for s, i, j in scored
        if i not in used_a and j not in used_b and best_a[i] == j and best_b[j] == i
    ]
    assert got == want
    assert len(set(calls)) == len(calls)  # each pair refined once


@pytest.mark.parametrize("seed", range(30))
def test_each_free_units_first_pair_is_that_of_every_candidate_refined(seed: int) -> None:
    candidates, refined = _random_candidates(seed)
    used_a, used_b = _used(seed + 200, 0.4)
    pending, _ = _make(candidates, refined, 0.3)
    got = pending.firsts(lambda i: i not in used_a, lambda j: j not in used_b)

    def firsts(scored: list[tuple[float, int, int]]) -> tuple[dict[int, Any], dict[int, Any]]:
        first_a: dict[int, tuple[float, int]] = {}
        first_b: dict[int, tuple[float, int]] = {}
        for s, i, j in scored:  # as `second_partners` reads them
            first_a.setdefault(i, (s, j))
            first_b.setdefault(j, (s, i))
        free_a = {i: v for i, v in first_a.items() if i not in used_a}
        return free_a, {j: v for j, v in first_b.items() if j not in used_b}

    assert firsts(got) == firsts(_sorted_all(candidates, refined, 0.3))


def test_a_unit_with_many_candidates_refines_only_those_that_can_win() -> None:
    # Unit 0 of A has 50 candidates in B; its best rank refines unchanged, so no
    # other can beat it.  Before, `align` refined all 50 to find it.
    candidates = [(0, j, 0.9 - 0.01 * j) for j in range(50)]
    refined = {(0, j): r for _, j, r in candidates}
    pending, calls = _make(candidates, refined, 0.3)
    assert pending.best_of_a(0, lambda j: True) == (0.9, 0)
    assert calls == [(0, 0)]
    # Partner 0 taken: partner 1 wins, read second.
    assert pending.best_of_a(0, lambda j: j != 0) == (refined[0, 1], 1)
    assert calls == [(0, 0), (0, 1)]


def test_a_lowered_rank_lets_the_next_candidates_compete() -> None:
    # The best rank refines down (its word order differs): the next rank then wins.
    candidates = [(0, 0, 0.9), (0, 1, 0.8), (0, 2, 0.7), (0, 3, 0.6)]
    refined = {(0, 0): 0.45, (0, 1): 0.8, (0, 2): 0.7, (0, 3): 0.6}
    pending, calls = _make(candidates, refined, 0.3)
    assert pending.best_of_a(0, lambda j: True) == (0.8, 1)
    assert calls == [(0, 0), (0, 1)]


class _Exhaustive(Candidates):
    """Every candidate of a unit refined before its best is chosen (the plain search)."""

    def _best(self, lists: Any, unit: int, allowed: Any, score: Any) -> tuple[float, int] | None:
        found = [
            (score(unit, lists.others[k], lists.ranks[k]), lists.others[k])
            for k in lists.span(unit)
            if allowed(lists.others[k])
        ]
        found = [f for f in found if f[0] >= self.low]
        return min(found, key=lambda f: (-f[0], f[1])) if found else None


def _with_head(lexical: Scores) -> FixedScores:
    """The lexical scores, and a made-up paraphrase head, so the second-partner pass runs."""

    def same(i: int, j: int) -> float:
        return random.Random(i * 1000 + j).random()

    return FixedScores(
        cells_of(lexical.gate),
        lexical.gate.shape,
        LexicalBackend.threshold,
        rank=cells_of(lexical.rank),
        same=same,
        merge_floor=LexicalBackend.merge_floor,
        prerefined=False,
    )


def _invented_article(rng: random.Random, n: int) -> list[str]:
    people = ["Ann Reyes", "Mayor Quist", "Li Wei", "the Parks Office", "Tomas Berg"]
    verbs = ["closed", "reported", "opened", "counted", "said", "reopened"]
    things = ["the northern trail", "12 trails", "40 rangers", "the old bridge", "the dam"]
    tails = ["near the river", "after the storm", "this week", "on Monday", ""]
    return [
        f"{rng.choice(people)} {rng.choice(verbs)} {rng.choice(things)} {rng.choice(tails)}."
        for _ in range(n)
    ]


@pytest.mark.parametrize("seed", range(8))
@pytest.mark.parametrize("head", [False, True])
def test_align_matches_as_with_every_candidate_refined(
    seed: int, head: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    rng = random.Random(seed)
    texts_a, texts_b = _invented_article(rng, 40), _invented_article(rng, 40)
    terms_a, terms_b = [terms(t) for t in texts_a], [terms(t) for t in texts_b]
    idf = IdfTable.from_term_lists([*terms_a, *terms_b])
    backend: Any = LexicalBackend()
    if head:
        backend = _with_head(backend.scores(texts_a, texts_b, terms_a, terms_b, idf))

    def run() -> tuple[list[align_module.Match], int]:
        calls = []
        real = align_module.refine

        def counting(*args: Any) -> float:
            calls.append(args)
            return float(real(*args))

        with monkeypatch.context() as m:
            m.setattr(align_module, "refine", counting)
            matches = align(
                terms_a,
                terms_b,
                idf,
                backend=backend,
                texts_a=texts_a,
                texts_b=texts_b,
                is_divergent=lambda i, j: (i + j) % 3 == 0,
                is_paraphrase=lambda i, j: (i * j) % 4 == 1,
                is_consistent=lambda i, j: (i + 2 * j) % 5 != 0,
            )
        return matches, len(calls)

    fast, fast_calls = run()
    monkeypatch.setattr(align_module, "Candidates", _Exhaustive)
    plain, plain_calls = run()
    assert fast == plain
    assert fast_calls <= plain_calls
    if head:  # the second-partner pass had every candidate refined
        assert fast_calls < plain_calls / 1.5
