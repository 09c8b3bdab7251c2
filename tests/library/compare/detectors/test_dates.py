"""Dates: the same event's date, partial dates compatible."""

from __future__ import annotations

from collections.abc import Callable

from library.compare.detectors import dates

Run = Callable[..., list[tuple[str, str, str]]]


def test_different_day_conflicts(run: Run) -> None:
    got = run(
        dates.detect, "The plant closed on March 3 after the leak.", "The plant closed on March 5."
    )
    assert got == [("date", "March 3", "March 5")]


def test_the_nth_fits_a_full_date(run: Run) -> None:
    assert run(dates.detect, "The board met on June 14.", "The board met on the 14th.") == []


def test_weekday_cannot_be_checked_against_a_date(run: Run) -> None:
    assert run(dates.detect, "The board met on Tuesday.", "The board met on June 14.") == []


def test_dates_of_two_different_events_in_one_pair(run: Run) -> None:
    got = run(
        dates.detect,
        "The nurse charged after the Friday shooting was denied bail.",
        "The nurse's murder trial opens Monday.",
    )
    assert got == []


def test_clock_time_with_a_space_after_the_colon(run: Run) -> None:
    assert (
        run(dates.detect, "The polls close at 8:00 p.m. today.", "Polls close at 8: 00 p.m.") == []
    )
