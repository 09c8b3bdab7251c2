"""Dates: the same event's date, partial dates compatible."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from library.compare.detectors import Passage, dates, passages

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


def test_a_weekday_the_calendar_denies(run: Run) -> None:
    # June 14, 2012 was a Thursday.
    got = run(
        dates.detect,
        "The board met on Tuesday to approve the budget.",
        "The board met on June 14, 2012 to approve the budget.",
    )
    assert got == [("date", "Tuesday", "June 14, 2012")]


def test_a_weekday_the_calendar_confirms(run: Run) -> None:
    # June 14, 2011 was a Tuesday.
    got = run(
        dates.detect,
        "The board met on Tuesday to approve the budget.",
        "The board met on June 14, 2011 to approve the budget.",
    )
    assert got == []


def test_a_weekday_of_another_event_is_not_checked(run: Run) -> None:
    got = run(
        dates.detect,
        "The shooting on Tuesday shocked the town.",
        "The trial opens on June 14, 2012.",
    )
    assert got == []


def test_the_year_of_a_date_may_come_from_its_article() -> None:
    a, b = dates_passages(
        "He was detained early Sunday on the road.",
        "He was detained around 2:40 a.m. March 1 on the road.",
        article_b="Posted March 5, 2010.\nHe was detained around 2:40 a.m. March 1 on the road.",
    )
    # March 1, 2010 was a Monday.
    assert [(c.a, c.b) for c in dates.detect(a, b, ())] == [("Sunday", "2:40 a.m. March 1")]


def dates_passages(text_a: str, text_b: str, *, article_b: str) -> tuple[Passage, Passage]:
    pa, pb = passages(text_a, text_b)
    return pa, replace(pb, article=article_b)
