"""Lookups that replaced scans of a whole article, per pair or per number, with the same results.

On long articles each of these scans ran once per candidate pair (or per
number) over the whole text, so their cost grew with the square of its length.
Each test checks the new path against the plain scan and, where the saving is
observable, counts the work it saves.
"""

from __future__ import annotations

import random
from typing import Any

import numpy as np
import pytest

from library.compare import clauses, quantities
from library.compare.detectors import dates as date_detector
from library.compare.detectors.base import Passage
from library.compare.lenses import counts, timeline
from library.compare.model import Pair, Unit
from library.compare.quantities import _Hidden
from tests.helpers import record_calls


@pytest.mark.parametrize("seed", range(30))
def test_hidden_spans_cover_what_a_scan_of_them_covers(seed: int) -> None:
    rng = random.Random(seed)
    spans = []
    for _ in range(rng.randrange(0, 12)):
        s = rng.randrange(0, 60)
        spans.append((s, s + rng.randrange(0, 15)))  # empty, nested and overlapping spans
    hidden = _Hidden(spans)
    for pos in range(-2, 80):
        assert hidden.covers(pos) == any(s <= pos < e for s, e in spans)


def test_numbers_of_a_long_text_skip_exactly_its_dates() -> None:
    lines = [
        f"On March {d % 28 + 1}, 2019 the crew of {d + 3} rangers cleared {2 * d + 5} trails."
        for d in range(60)
    ]
    text = " ".join(lines)
    spans = quantities.dates(text)[1]
    assert len(spans) >= 60
    got = [(q.text, q.value, q.start) for q in quantities.quantities(text, spans)]
    # One line at a time, each with its own dates hidden: the same numbers.
    want = []
    offset = 0
    for line in lines:
        want += [
            (q.text, q.value, q.start + offset)
            for q in quantities.quantities(line, quantities.dates(line)[1])
        ]
        offset += len(line) + 1
    assert got == want
    assert not any(v in (2019.0, 1.0) and t.isdigit() and len(t) == 4 for t, v, _ in got)


def test_an_articles_year_is_read_once_per_article(monkeypatch: pytest.MonkeyPatch) -> None:
    days = [f"The Orvell council met on May {d}, 2031." for d in range(1, 25)]
    article = "\n".join(days)
    reads = record_calls(monkeypatch, date_detector, "_whole")
    for day in days:  # every candidate pair asks again
        assert date_detector._article_year(Passage(day, "a", article=article)) == 2031
    assert len(reads) == 1  # was one read of the whole article per pair


def test_clause_pairs_read_only_candidates_in_their_score_window() -> None:
    threshold = 0.5
    ranks = np.array([0.05, 0.1, threshold - 0.05, 0.2, 0.9, threshold - 0.1])
    rows, cols = np.arange(6), np.arange(6)
    asked: list[tuple[int, int]] = []

    def free(i: int, j: int) -> bool:
        asked.append((i, j))
        return True

    got = clauses.clause_pairs(
        lambda i, j: 0.9,
        (rows, cols, ranks),
        threshold,
        sure=5,
        shape=(6, 6),
        free=free,
        is_consistent=lambda i, j: True,
    )
    assert got == [(2, 2, threshold - 0.05), (5, 5, threshold - 0.1)]
    assert sorted(asked) == [(2, 2), (5, 5)]  # was all six candidates


def _plain_counts(
    units_a: tuple[Unit, ...], units_b: tuple[Unit, ...], pairs: tuple[Pair, ...]
) -> list[Any]:
    """The numbers lens as it was: every B number read for each A number."""
    told = {(i, j) for p in pairs if p.relation != "related" for i in p.a for j in p.b}
    side_a, side_b = counts._side(units_a), counts._side(units_b)
    rows = []
    used: set[int] = set()
    same_slot = counts.detector.same_slot
    for ca, ma in side_a:
        match = next(
            (
                k
                for k, (cb, mb) in enumerate(side_b)
                if k not in used and cb.value == ca.value and same_slot(ma, mb)
            ),
            None,
        )
        if match is None:
            match = next(
                (
                    k
                    for k, (cb, mb) in enumerate(side_b)
                    if k not in used and (ca.unit, cb.unit) in told and same_slot(ma, mb)
                ),
                None,
            )
        row = counts.NumberRow(ca.thing, a=[ca])
        if match is not None:
            used.add(match)
            row.b.append(side_b[match][0])
        rows.append(row)
    rows += [
        counts.NumberRow(cb.thing, b=[cb]) for k, (cb, _) in enumerate(side_b) if k not in used
    ]
    return [r.to_dict() for r in rows]


@pytest.mark.parametrize("seed", range(10))
def test_numbers_lens_matches_as_when_every_number_was_read(seed: int) -> None:
    rng = random.Random(seed)
    things = ["rangers", "trails", "boats", "bridges", "people"]

    def units(n: int) -> tuple[Unit, ...]:
        out = []
        for k in range(n):
            text = (
                f"Officials in Varnholt counted {rng.randrange(1, 6)} {rng.choice(things)} "
                f"and {rng.randrange(1, 6)} {rng.choice(things)}."
            )
            out.append(Unit(k, text, 0, len(text)))
        return tuple(out)

    units_a, units_b = units(25), units(25)
    pairs = tuple(
        Pair(
            a=(i,),
            b=(rng.randrange(25),),
            relation=rng.choice(["same", "related"]),
            score=0.5,
            conflicts=(),
            diff=(),
        )
        for i in range(0, 25, 2)
    )
    got = [r.to_dict() for r in counts.build(units_a, units_b, pairs)]
    assert got == _plain_counts(units_a, units_b, pairs)


def _random_dated(rng: random.Random, unit: int) -> timeline.Dated:
    def field(values: list[int]) -> int | None:
        return rng.choice([None, *values])

    return timeline.Dated(
        unit,
        rng.choice(["this weekend", "Friday", "last spring"]),
        field([2030, 2031]),
        field([3, 4]),
        field([1, 2, 3]),
    )


@pytest.mark.parametrize("seed", range(20))
def test_dates_that_may_fit_hold_every_date_that_fits(seed: int) -> None:
    rng = random.Random(seed)
    da = [_random_dated(rng, k) for k in range(40)]
    index = timeline._by_field(da)
    for _ in range(40):
        y = _random_dated(rng, 0)
        got = timeline._may_fit(index, y)
        assert got == sorted(got)
        assert {k for k, x in enumerate(da) if x.fits(y)} <= set(got)


def test_the_timeline_tries_only_dates_that_may_fit(monkeypatch: pytest.MonkeyPatch) -> None:
    def units(month: str) -> tuple[Unit, ...]:
        texts = [f"The Quarrow ferry sailed on {month} {d}." for d in range(1, 21)]
        return tuple(Unit(k, t, 0, len(t)) for k, t in enumerate(texts))

    tried: list[object] = []
    real = timeline.Dated.fits

    def counting(self: timeline.Dated, other: timeline.Dated) -> bool:
        tried.append(other)
        return real(self, other)

    monkeypatch.setattr(timeline.Dated, "fits", counting)
    rows = timeline.build(units("March"), units("May"), ())
    # A May date shares a field only with the March date of its day: that one is
    # tried (and refused: the months differ), not all 20 of A's for each of B's.
    assert len(rows) == 40
    assert len(tried) == 20  # was 400


def test_units_of_two_long_articles_stay_in_the_attribution_cache() -> None:
    # Two 40k-word articles hold ~7,000 units; each is asked again per candidate pair.
    texts = [f"The Tolsen ferry carried {k} passengers across the bay." for k in range(8000)]
    for t in texts:
        clauses.without_attribution(t)
    before = clauses.without_attribution.cache_info().misses
    for t in texts:
        clauses.without_attribution(t)
    assert clauses.without_attribution.cache_info().misses == before  # was 8,000 misses
