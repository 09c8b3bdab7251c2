"""Numbers that fill another role than the other side's: a moment of a game's
clock, a rate, a measure of one thing, a sum converted in brackets, parts of two
wholes, a place's own population.  Each stays a conflict when both sides give
the same role two values."""

from __future__ import annotations

from collections.abc import Callable

from library.compare.detectors import numbers, passages

Run = Callable[..., list[tuple[str, str, str]]]


def test_time_left_on_a_game_clock_is_a_moment_not_a_count(run: Run) -> None:
    got = run(
        numbers.detect,
        "Kell Dorran returned an interception 40 yards with just under six minutes left.",
        "The Hawks drove to the Owls 20 with 52 seconds left when Pym spiked the ball.",
    )
    assert got == []
    got = run(
        numbers.detect,
        "Ives caught a two-yard pass with 9 minutes, 12 seconds remaining.",
        "Ives caught a two-yard pass with 11 minutes remaining.",
    )
    assert got == [("number", "9", "11")]


def test_a_rate_is_not_a_total(run: Run) -> None:
    got = run(
        numbers.detect,
        "Rivermen made a seven-season bid worth $150 million, or $21 million per season.",
        "Rivermen still hold a seven-season bid worth $26 million per season.",
    )
    assert got == [("number", "21 million", "26 million")]
    got = run(
        numbers.detect,
        "Rivermen made a seven-season bid worth $150 million.",
        "Rivermen still hold a seven-season bid worth $22 million per season.",
    )
    assert got == []


def test_a_measured_thing_is_not_a_count_of_such_things(run: Run) -> None:
    got = run(
        numbers.detect,
        "The rookie finished with a team-high 650 yards rushing and six touchdowns.",
        "In the 20-17 win, Voss rushed for 55 yards and scored on a 3-yard touchdown.",
    )
    assert got == []
    got = run(numbers.detect, "Voss scored six touchdowns.", "Voss scored eight touchdowns.")
    assert got == [("number", "six", "eight")]


def test_a_sum_converted_in_brackets_is_not_a_second_figure(run: Run) -> None:
    got = run(
        numbers.detect,
        "Damage to the hall was estimated at $US2 million ($3.1 million), police said.",
        "Damages to the Orland Town Hall are estimated at $2 million.",
    )
    assert got == []


def test_parts_of_two_wholes_are_two_counts(run: Run) -> None:
    got = run(
        numbers.detect,
        "Rask landed 140 of 300 punches thrown while Mott connected on 25 of 190 punches thrown.",
        "Rask landed 30 of his 70 punches thrown in the round, while Mott landed 2 of 18.",
    )
    assert got == []
    got = run(
        numbers.detect,
        "Rask landed 140 of his 300 punches.",
        "Rask landed 120 of his 300 punches.",
    )
    assert got == [("number", "140", "120")]
    got = run(
        numbers.detect,
        "Hal Brix was the father of four of her nine children, Ada, Bo and Cy.",
        "Hal Brix had nine children by two wives.",
    )
    assert got == []


def test_a_places_own_population_is_that_places(run: Run) -> None:
    a, b = passages(
        "The quake struck Varo island, home to 90,000 people, and the port of Kesh.",
        "Helicopters flew the injured to Kesh, a city of 400,000 people also shaken.",
    )
    assert [(c.severity, c.explanation) for c in numbers.detect(a, b, ())] == [
        ("low", "A: 90,000 people · B: 400,000 people also shaken (whose? A: Varo · B: Kesh)")
    ]
    got = run(
        numbers.detect,
        "The quake struck Varo island, home to 90,000 people.",
        "The quake struck Varo island, home to 150,000 people.",
    )
    assert got == [("number", "90,000", "150,000")]
    a, b = passages(
        "The quake struck Varo island, home to 90,000 people.",
        "The quake was centred near Varo Island, home to 150,000 people.",
    )
    assert [c.severity for c in numbers.detect(a, b, ())] == ["high"]


def test_a_clock_time_cut_off_its_am_is_no_count(run: Run) -> None:
    # The sentence splitter ends a unit at "7 a." of "7 a. m.": no count of engines.
    got = run(
        numbers.detect,
        "The depot fire was doused by 5 a.",
        "In all 31 fire engines came to the depot fire.",
    )
    assert got == []


def test_a_count_since_a_date_is_some_of_the_whole(run: Run) -> None:
    got = run(
        numbers.detect,
        "Police said Vale had been arrested four times on theft charges.",
        "Vale had been arrested three times since March and charged with theft.",
    )
    assert got == []
    got = run(
        numbers.detect,
        "Vale had been arrested four times since March.",
        "Vale had been arrested three times since March.",
    )
    assert got == [("number", "four", "three")]


def test_a_range_told_in_words_is_no_single_value(run: Run) -> None:
    got = run(
        numbers.detect,
        "The tenant turned down the landlord's demand for a 9-year lease.",
        "The landlord had hoped for a lease of between three and five years.",
    )
    assert got == []


def test_dozen_of_is_dozens(run: Run) -> None:
    got = run(
        numbers.detect,
        "Dozen of warships of many navies patrol the Kerrin Strait.",
        "Though over 20 warships from many navies patrol the Kerrin Strait, few are caught.",
    )
    assert got == []
    got = run(numbers.detect, "A dozen warships patrol it.", "Twenty warships patrol it.")
    assert got == [("number", "dozen", "Twenty")]


def test_an_age_after_a_name_with_jr_is_an_age(run: Run) -> None:
    got = run(
        numbers.detect,
        "Ames Dorn Jr., 49, got a life term for fraud in May.",
        "Ames Dorn Jr. got three life terms.",
    )
    assert got == []


def test_a_pick_six_without_its_dash_counts_nothing(run: Run) -> None:
    got = run(
        numbers.detect,
        "Orrin Vell threw a pick six to Dace Moor, who ran it back 41 yards.",
        "Orrin Vell threw two interceptions, and Dace Moor ran one back 41 yards.",
    )
    assert got == []


def test_a_bare_number_after_noun_of_is_what_the_noun_has(run: Run) -> None:
    got = run(
        numbers.detect,
        "One of the two mothers at the school that day spoke in court.",
        "Lia Moss, 41, a mother of 9, was hurt at the school.",
    )
    assert got == []


def test_two_clock_times_cut_off_their_pm_still_clash(run: Run) -> None:
    got = run(numbers.detect, "The vigil began at 2 p.", "The vigil began at 3 p.")
    assert got == [("number", "2", "3")]


def test_two_numbers_after_one_noun_of_are_one_slot(run: Run) -> None:
    got = run(
        numbers.detect,
        "Video of Mother of 9 Lia Moss hurt at the school was shown on Monday.",
        "The video shows Moss, a mother of 8, near the school just before she was hurt.",
    )
    assert got == [("number", "9", "8")]
