"""Measures: one length told in feet and in meters is one slot."""

from __future__ import annotations

from collections.abc import Callable

from library.compare import compare_texts
from library.compare.detectors import numbers

Run = Callable[..., list[tuple[str, str, str]]]


def test_feet_against_meters_that_differ(run: Run) -> None:
    got = run(
        numbers.detect,
        "The hiker died after slipping and falling 200ft from the cliff.",
        "The hiker died after falling 150 meters from the cliff.",
    )
    assert got == [("number", "200ft", "150")]


def test_the_same_fall_rounded_in_another_unit(run: Run) -> None:
    got = run(
        numbers.detect,
        "The hiker fell about 700 meters down the slope.",
        "The hiker fell 2,000 ft down the slope.",
    )
    assert got == []


def test_two_lengths_of_different_actions_are_not_one_slot(run: Run) -> None:
    got = run(
        numbers.detect,
        "Earlier the pair had climbed 900 ft up the face.",
        "One of them was later found 150 meters below the hut.",
    )
    assert got == []


def test_a_glued_m_is_millions_not_meters(run: Run) -> None:
    got = run(numbers.detect, "They stole $2.5m worth of gems.", "They stole 2.5 meters of wire.")
    assert got == []


def test_a_fall_across_sentences_that_name_nobody_in_common() -> None:
    a = (
        "The accident came two days after 41-year-old Colin Hart was killed after tripping "
        "and tumbling 300ft off a crag in the same forest park.\n"
        "Rescuers reached the body on Sunday."
    )
    b = (
        "Rescuers reached the body on Sunday.\n"
        "A 41-year-old Irish man died on Thursday after tumbling 150 meters off a crag "
        "in Glen Orran Forest Park."
    )
    # The detector still reads the two falls as one slot, but each sentence
    # names someone or somewhere the other never writes (Colin Hart; an Irish
    # man, Thursday, Glen Orran) and they share under half of the rest: the
    # difference is shown on a related pair with the reason (`materiality.py`).
    shown = [p for p in compare_texts(a, b).pairs if p.conflicts]
    assert [[(k.a, k.b) for k in p.conflicts] for p in shown] == [[("300ft", "150")]]
    assert [p.relation for p in shown] == ["related"]
    assert "tell different things around the value" in shown[0].conflicts[0].explanation


def test_miles_and_kilometres_are_one_length(run: Run) -> None:
    a = "Crews cleared the warehouse, about 15 miles west of Leeds."
    same = run(numbers.detect, a, "Crews cleared the warehouse, about 24km west of Leeds.")
    other = run(numbers.detect, a, "Crews cleared the warehouse, about 40km west of Leeds.")
    assert same == []
    assert other == [("number", "15", "40km")]


def test_square_feet_and_square_metres_are_one_area(run: Run) -> None:
    a = "The 120,000-square-foot complex holds medical clinics."
    same = run(numbers.detect, a, "The 11, 150 - square - metre complex holds medical clinics.")
    other = run(numbers.detect, a, "The 21,150-square-metre complex holds medical clinics.")
    assert same == []
    assert other == [("number", "120,000", "21,150")]


def test_one_sum_in_two_currencies_is_not_a_conflict(run: Run) -> None:
    a = "A masked robber made off with $62M worth of rubies in Monaco."
    converted = run(numbers.detect, a, "A masked robber stole £40m worth of rubies in Monaco.")
    dollars = run(numbers.detect, a, "A masked robber stole $40m worth of rubies in Monaco.")
    assert converted == []
    assert dollars == [("number", "62M", "40m")]


def test_a_record_is_not_a_count(run: Run) -> None:
    got = run(
        numbers.detect,
        "Ashford moved to 22 - 7 on the season with the victory.",
        "About 7, 000 Ashford fans saw the victory this season.",
    )
    assert got == []
