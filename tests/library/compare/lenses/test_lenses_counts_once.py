"""The numbers lens reads a unit's numbers once per text when only dates are hidden."""

from __future__ import annotations

import pytest

from library.compare.detectors import numbers
from library.compare.lenses import counts
from library.compare.model import Unit
from tests.helpers import record_calls

TEXTS = (
    "The Vellmar flood destroyed seven villages and 312 homes on 4 March.",
    "Two years ago the Orsk council counted 1,200 boats.",  # a relative date is hidden too
    "The Three Rivers league fielded 14 teams.",  # a number word inside a name
)


def test_units_hiding_only_dates_share_the_whole_reading(monkeypatch: pytest.MonkeyPatch) -> None:
    units = tuple(Unit(k, t, 0, len(t)) for k, t in enumerate(TEXTS))
    numbers.whole.cache_clear()
    first = counts._side(units)
    parsed = record_calls(monkeypatch, numbers, "mentions")
    again = counts._side(units)
    # The first text hides only its date: read back from `whole`; the other two
    # hide more and are parsed again.
    assert parsed == [TEXTS[1], TEXTS[2]]
    assert [c for c, _ in again] == [c for c, _ in first]
    assert {c.value for c, _ in first if c.unit == 0} == {7.0, 312.0}
