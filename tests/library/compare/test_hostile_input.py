"""Hostile and odd input never crashes the comparison engine (fuzz16 findings).

Each test is one shape `benchmarks/fuzz_compare.py` or the hand round found
crashing; the texts are invented, the shapes are the point.
"""

from __future__ import annotations

import json

import pytest

from library.compare import compare_texts
from library.compare.report import render_report


def _survives(a: str, b: str, **kw: str) -> None:
    comparison = compare_texts(a, b, **kw)  # type: ignore[arg-type]
    json.dumps(comparison.to_dict())
    render_report(comparison, color=False)


@pytest.mark.parametrize(
    ("a", "b", "published"),
    [
        ("The ferry sank yesterday near Orlo.", "The ferry sank today near Orlo.", "0001-01-01"),
        ("The ferry sank 2 days ago at Orlo.", "The ferry sank 3 days ago at Orlo.", "0001-01-02"),
        ("The ferry sank tomorrow near Orlo.", "The ferry sank today near Orlo.", "9999-12-31"),
        ("The mayor said Friday the ferry sank.", "The mayor said Monday it sank.", "0001-01-01"),
    ],
)
def test_a_publication_date_at_the_calendar_edge_is_not_a_crash(
    a: str, b: str, published: str
) -> None:
    # "0001-01-01" or "9999-12-31" in an imported file's front matter: a day
    # shift from it ("yesterday", "2 days ago", "said Friday") left the calendar.
    _survives(a, b, published_a=published, published_b=published)


_HUGE = "9" * 5000  # beyond a float (and beyond int()'s 4,300-digit limit)


@pytest.mark.parametrize(
    "shape",
    [
        "The council said {} people came to the meeting in Pellham on May 4.",
        "Two men aged {} were held in Pellham on May 4.",
        "Fares in Pellham rose {}% on May 4.",
        "The Pellham firm paid ${} million on May 4.",
        "The flood reached {} miles north of Pellham on May 4.",
        "Pellham counted {}1 / 2 tonnes of grain on May 4.",
        "The council said {} trillion people came in Pellham on May 4.",
    ],
)
def test_a_number_too_long_for_a_float_is_not_a_crash(shape: str) -> None:
    # float("99…9") is inf (a later round() raised OverflowError) and
    # int("99…9") past 4,300 digits raises ValueError.
    _survives(shape.format(_HUGE), shape.format("12"))
    _survives(shape.format("9" * 300), shape.format("12"))


def test_a_chinese_numeral_too_large_for_a_float_is_not_a_crash() -> None:
    # cn2an reads 3,000 九 as an int no float can hold.
    opener = "佩勒姆市政府表示，"
    _survives(opener + "九" * 3000 + "人参加了会议。", opener + "十二人参加了会议。")


def test_a_chinese_passage_reads_a_digit_run_only_from_its_start_and_up_to_40_digits() -> None:
    # `\d+` tried from every digit of a 5,000-digit run made each of the Chinese
    # date and count searches quadratic (50 s of CPU for one short sentence);
    # a run is now read from its first digit, up to 40 digits.
    from library.compare.detectors.chinese import zh_dates, zh_numbers

    assert [n.value for n in zh_numbers("佩勒姆有1,250人到场。", [])] == [1250]
    assert [d.year for d, _, _ in zh_dates("佩勒姆2019年5月4日开会。")] == [2019]
    assert zh_numbers("佩勒姆有" + "9" * 41 + "人到场。", []) == []
    assert zh_dates("佩勒姆" + "9" * 41 + "年5月开会。")[0][0].year is None


def test_many_equal_numbers_in_one_passage_are_not_compared_pairwise(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # "12-12-12-…" (600 numbers) asked same_slot 600² times (23 s of CPU for
    # one sentence); whether another number of the passage answers B's 12 is
    # now asked once per B number.
    from library.compare.detectors import numbers
    from library.compare.detectors.base import Passage
    from tests.helpers import record_calls

    calls = record_calls(monkeypatch, numbers, "same_slot")
    run = "-".join(["12"] * 200)
    a = Passage(f"The council of Pellham said {run} people came.", "a")
    b = Passage("The council of Pellham said 12 people came.", "b")
    list(numbers.conflicting(a, b))
    assert 0 < len(calls) < 2000
