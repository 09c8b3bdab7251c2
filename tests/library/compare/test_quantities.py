"""Dates, quantities and word weights behind the conflict detectors."""

from __future__ import annotations

import pytest

from library.compare.idf import IdfTable
from library.compare.quantities import dates, numbers
from library.compare.units import stem, terms


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("paid 40,000 RMB", 40000.0),
        ("paid 40 thousand yuan", 40000.0),
        ("forty thousand people", 40000.0),
        ("a $2.5bn deal", 2.5e9),
        ("a $2.5 billion deal", 2.5e9),
        ("seven maps", 7.0),
        ("the 85th precinct", 85.0),
    ],
)
def test_number_values(text: str, value: float) -> None:
    assert [v for _, v in numbers(text)] == [value]


def test_percent_is_not_a_plain_number() -> None:
    (_, pct), (_, plain) = numbers("5% of 5 shares")
    assert pct != plain


def test_dates_parse_partial_fields() -> None:
    found, spans = dates("On Jan. 5, 2024 at 3 p.m., on the 10th and on Wednesday, 9 November.")
    got = [(d.year, d.month, d.day, d.weekday, d.time) for d in found]
    assert got == [
        (2024, 1, 5, None, None),
        (None, None, None, None, 15 * 60),
        (None, None, 10, None, None),
        (None, None, None, 3, None),
        (None, 11, 9, None, None),
    ]
    assert len(spans) == len(found)


def test_may_the_verb_is_not_a_month() -> None:
    assert dates("The office may close.")[0] == []


def test_numbers_inside_dates_are_not_quantities() -> None:
    text = "On November 9, 2023, 12 people left."
    _, spans = dates(text)
    assert [t for t, _ in numbers(text, spans)] == ["12"]


def test_idf_rare_words_weigh_more() -> None:
    idf = IdfTable.from_texts(["the mayor spoke", "the mayor left", "a bridge fell"])
    assert idf.weight(stem("bridge")) > idf.weight(stem("mayor"))
    assert idf.weight("never-seen") >= idf.weight(stem("bridge"))


def test_terms_stem_and_drop_stopwords() -> None:
    assert terms("The arrests were arrested") == [stem("arrests"), stem("arrested")]
    assert stem("arrests") == stem("arrested")
    assert "the" not in terms("the the the")
    assert terms("北京天气") == ["北京", "京天", "天气", "北", "京", "天", "气"]


def test_clock_time_with_a_dot() -> None:
    found, _ = dates("The alarm went off at 8.49pm on the roof.")
    assert [(d.text, d.time) for d in found] == [("8.49pm", 20 * 60 + 49)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Tokenised or copy-pasted text splits a number after its comma or dot.
        ("an island home to 120, 000 people", [120000.0]),
        ("a 2, 300 - square - kilometer valley", [2300.0]),
        ("a budget of $2. 6 million", [2.6e6]),
        # Not a split number: a sentence ending on "2." or a list of small numbers.
        ("they won 2. 6 people came", [2.0, 6.0]),
        ("between 10, 15 and 20", [10.0, 15.0, 20.0]),
        # An age before a number is a list, not one number.
        ("Marsh, 41, 100 metres from the cabin", [41.0, 100.0]),
    ],
)
def test_split_numbers_are_read_whole(text: str, expected: list[float]) -> None:
    assert [v for _, v in numbers(text, dates(text)[1])] == expected


def test_a_date_day_before_a_split_looking_number_keeps_the_number() -> None:
    text = "On May 5, 200 people died"
    assert [v for _, v in numbers(text, dates(text)[1])] == [200.0]
