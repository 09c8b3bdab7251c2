"""The crossing pass reads a unit's numbers once (`_values` and `_counted` share it)."""

from __future__ import annotations

import pytest

from library.compare import crossing
from library.compare.detectors import numbers
from library.compare.quantities import dates
from tests.helpers import record_calls


def test_values_and_counted_parse_a_text_once(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "The Vellmar flood destroyed seven villages and 312 homes on 4 March, officials said."
    expected = numbers.mentions(text, dates(text)[1])
    numbers.whole.cache_clear()
    parsed = record_calls(monkeypatch, numbers, "mentions")
    has_date, has_number, _ = crossing._values(text)
    counted = crossing._counted(text)
    assert parsed == [text]
    assert (has_date, has_number) == (True, bool(expected))
    keys = {"#" + k for m in expected if (k := numbers.noun(m))}
    assert counted == keys and "#villag" in counted
