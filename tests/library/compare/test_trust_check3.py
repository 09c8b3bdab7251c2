"""Divergent only where a careful reader agrees, on the CHECK3 pool's shapes: each
look-alike of a false proposal is read right or demoted, while a clear conflict of
the same shape still makes its pair divergent.

Sentences are made up (no eval text), shaped like the proposals judged in
`benchmarks/divergence_set/pool.jsonl` (`half: check3`).
"""

from __future__ import annotations

from library.compare import compare_texts
from library.compare.detectors import dates, numbers, passages
from library.compare.detectors.number_mentions import mentions
from library.compare.model import Comparison
from library.compare.quantities import quantities


def _relations(c: Comparison) -> list[str]:
    return [p.relation for p in c.pairs]


def _values(text: str) -> list[float]:
    return [q.value for q in quantities(text)]


# --- step 1: reading bugs ----------------------------------------------------------


def test_thousands_split_by_a_space_keep_a_glued_unit() -> None:
    assert _values("He fell about 2, 000ft while climbing.") == [2000.0]
    assert _values("He fell about 2,000ft while climbing.") == [2000.0]
    assert _values("He fell 200ft from a ridge.") == [200.0]
    assert [m.after[0] for m in mentions("He fell about 2, 000ft while climbing.")] == ["ft"]


def test_one_fall_in_feet_split_by_tokenisation_is_no_conflict() -> None:
    a = "On Saturday, Robert Buckley fell about 2, 000ft while climbing to a small hut."
    b = "On Saturday, Robert Buckley fell about 600 metres (2, 000 feet) while climbing to a hut."
    assert "divergent" not in _relations(compare_texts(a, b))
    c = "On Saturday, Robert Buckley fell about 200 metres while climbing to a small hut."
    assert _relations(compare_texts(a, c)) == ["divergent"]


def test_a_mixed_number_split_by_tokenisation_is_four_and_a_half() -> None:
    assert _values("He served 41 / 2 months in prison.") == [4.5]
    assert _values("He served 4 1/2 months in prison.") == [4.5]
    assert _values("He served 4½ months in prison.") == [4.5]
    assert _values("It happened on 5 / 5 / 2012 at noon.") == [5.0, 5.0, 2012.0]


def test_four_and_a_half_months_told_three_ways_agree() -> None:
    a = "LaRue served 412 months in federal prison for conspiracy to obstruct justice."
    b = "LaRue served 41 / 2 months in federal prison for conspiracy to obstruct justice."
    assert "divergent" not in _relations(compare_texts(a, b))
    pa, pb = passages(b, "LaRue served four months in federal prison for conspiracy.")
    found = list(numbers.detect(pa, pb, []))
    # The reason shows the two values compared, 4 1/2 (as written) against four.
    assert [c.explanation for c in found] == ["A: 41 / 2 months · B: four months"]


def test_a_record_thirty_years_old_told_in_decades_is_no_conflict() -> None:
    assert [m.q.value for m in mentions("He broke the three-decades-old record.")] == [30.0]
    a = "Hansbrough scored 20 points to break Ford's 30-year-old scoring record on Thursday."
    b = "Hansbrough scored 20 points to break Ford's three-decades-old scoring record on Thursday."
    assert "divergent" not in _relations(compare_texts(a, b))
    c = "Hansbrough scored 20 points to break Ford's 20-year-old scoring record on Thursday."
    assert _relations(compare_texts(a, c)) == ["divergent"]


def test_a_version_label_is_no_count() -> None:
    assert mentions("The flaw exists only in version 7 of the browser.") == []
    assert _values("Updates for more than half-a-dozen versions of the browser.") == [6.0]


def test_a_time_conflict_shows_the_nearest_time_it_differs_from() -> None:
    a = (
        "He tied the mark with 14:05 left in the first half, then set the record "
        "with a bank shot over Haarsma and Tongeren with 7:41 to go."
    )
    b = "With 7:42 left in the first half, he set the record with a bank shot over Haarsma."
    pa, pb = passages(a, b)
    assert [c.explanation for c in dates.detect(pa, pb, [])] == ["A: 7:41 · B: 7:42"]
