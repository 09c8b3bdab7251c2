"""Divergent only where a careful reader agrees, on the fresh CHECK2 pool: each
look-alike of its false proposals is demoted or not read as a conflict at all,
while the clear conflict next to it still makes its pair divergent.

Sentences are made up (no eval text), shaped like the proposals judged in
`benchmarks/divergence_set/pool.jsonl` (`half: check2`).
"""

from __future__ import annotations

from library.compare import compare_texts
from library.compare.detectors.negation import negated
from library.compare.model import Comparison
from library.compare.quantities import quantities


def _relations(c: Comparison) -> list[str]:
    return [p.relation for p in c.pairs]


# --- "60m" is a length unless money or a counted plural says millions -----------


def test_a_glued_m_is_metres_without_money() -> None:
    assert [q.value for q in quantities("He fell about 60m from a ridge.")] == [60.0]
    assert [q.value for q in quantities("She slipped and fell 200m down a gully.")] == [200.0]
    assert [q.value for q in quantities("Thieves took £88m worth of gems.")] == [88e6]
    assert [q.value for q in quantities("A $2.6m theft.")] == [2.6e6]
    assert [q.value for q in quantities("A city of 2m people.")] == [2e6]
    assert [q.value for q in quantities("They paid 2m euros.")] == [2e6]


def test_one_fall_in_metres_written_two_ways_is_no_conflict() -> None:
    a = "On Friday, a 36-year-old climber died after slipping and falling 60m from a ridge."
    b = "On Friday, a 36-year-old climber died after slipping and falling 60 metres from a ridge."
    assert "divergent" not in _relations(compare_texts(a, b))
    c = "On Friday, a 36-year-old climber died after slipping and falling 200 feet from a ridge."
    assert "divergent" not in _relations(compare_texts(a, c))


def test_a_fall_told_with_another_length_still_diverges() -> None:
    a = "On Friday, a 36-year-old climber died after slipping and falling about 60m from a ridge."
    b = "On Friday, a 36-year-old climber died after slipping and falling about 150m from a ridge."
    assert _relations(compare_texts(a, b)) == ["divergent"]


# --- a negation copied with its apostrophe split or dropped -------------------


def test_a_split_or_dropped_apostrophe_still_negates() -> None:
    assert negated("Smith didn ’ t return a call seeking comment.") == {"return": "didn ’ t return"}
    assert "speak" in negated("I cant speak for the first death.")
    assert negated("It was his wont to speak.") == {}


def test_one_quote_with_and_without_its_apostrophe_is_the_same() -> None:
    a = '"I can\'t speak for the first death, but it looks like a lack of experience," he said.'
    b = '"I cant speak for the first death, but it looks like a lack of experience," he said.'
    assert _relations(compare_texts(a, b)) == ["same"]


def test_a_quote_negated_on_one_side_still_diverges() -> None:
    a = "Smith did not return a call seeking further comment on Tuesday."
    b = "Smith returned a call seeking further comment on Tuesday."
    assert _relations(compare_texts(a, b)) == ["divergent"]
