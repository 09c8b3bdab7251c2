"""What a count is of: hits on a body, a period's total against one occasion's count,
mixed numbers, scores; and clock times with their slack (`detectors/scope.py`,
`quantities.py`)."""

from __future__ import annotations

from collections.abc import Callable

from library.compare import compare_texts
from library.compare.detectors import dates, numbers
from library.compare.quantities import quantities

Run = Callable[..., list[tuple[str, str, str]]]


def test_hits_told_by_bullets_and_by_times_are_one_count(run: Run) -> None:
    got = run(
        numbers.detect,
        "A coroner's report said Ray Dunn was hit in the chest by three of the nine bullets.",
        "Both officers fired, hitting Ray Dunn eleven times in the torso.",
    )
    assert got == [("number", "three", "eleven")]


def test_hits_and_shots_fired_are_two_counts(run: Run) -> None:
    # Look-alike: how often he was hit is not how many shots were fired.
    got = run(
        numbers.detect,
        "Ray Dunn was shot three times, police said.",
        "Officers fired 11 shots at Ray Dunn, police said.",
    )
    assert got == []


def test_hits_across_sentences_that_name_the_same_man() -> None:
    a = (
        "Ray Dunn, 16, was killed by police in Hale on Saturday.\n"
        "A coroner's report says Dunn was hit in the chest by three bullets.\n"
        "His family asked for calm."
    )
    b = (
        "Protesters gathered in Hale for Ray Dunn, 16, on Monday.\n"
        "The two officers fired at the teen, hitting Dunn eleven times in his legs.\n"
        "The family asked for calm."
    )
    # The detector still sets the two counts of hits against each other, but
    # across sentences that share little besides the man ("hit in the chest by
    # three bullets" / "fired … hitting Dunn eleven times", told with other
    # words) the pair is shown related with both values (`materiality.py`).
    shown = [p for p in compare_texts(a, b).pairs if p.conflicts]
    assert [[(k.a, k.b) for k in p.conflicts] for p in shown] == [[("three", "eleven")]]
    assert [p.relation for p in shown] == ["related"]
    assert "share little besides the value" in shown[0].conflicts[0].explanation


def test_a_season_total_and_one_games_count_are_two_slots(run: Run) -> None:
    got = run(
        numbers.detect,
        "Lee Moss finished his third season with 404 yards on 106 carries.",
        "Lee Moss was limited to 30 yards on six carries in Thursday's loss.",
    )
    assert got == []


def test_two_season_totals_or_two_games_counts_still_conflict(run: Run) -> None:
    # The look-alike the guard must leave alone: the same span on both sides.
    season = run(
        numbers.detect,
        "Lee Moss finished the season with 404 yards on 106 carries.",
        "Lee Moss finished the season with 398 yards on 106 carries.",
    )
    game = run(
        numbers.detect,
        "Lee Moss had 30 yards on six carries in Thursday's loss.",
        "Lee Moss had 30 yards on nine carries in Thursday's loss.",
    )
    assert season == [("number", "404", "398")]
    assert game == [("number", "six", "nine")]


def test_an_age_is_not_a_period_total(run: Run) -> None:
    got = run(
        numbers.detect,
        "Lee Moss, 23, finished his season early.",
        "Lee Moss, 24, was hurt in Thursday's loss.",
    )
    assert got == [("number", "23", "24")]


def test_mixed_numbers_are_one_value() -> None:
    for text in (
        "She spent three and a half years in jail.",
        "She spent a 3 - 1 / 2 - year jail term.",
        "She spent a 3-1/2-year term.",
        "She spent 3½ years.",
    ):
        assert [q.value for q in quantities(text)] == [3.5], text
    # Not fractions: a date, "24/7" and "9/11".
    assert [q.value for q in quantities("Open 24/7 since 9/11.")] == [24, 7, 9, 11]


def test_a_mixed_number_told_two_ways_agrees_and_a_different_one_conflicts(run: Run) -> None:
    a = "Fred Lane spent three and a half years in jail for his part."
    same = run(numbers.detect, a, "Fred Lane spent a 3 - 1 / 2 - year jail term.")
    other = run(numbers.detect, a, "Fred Lane spent four and a half years in jail.")
    assert same == []
    assert other == [("number", "three and a half", "four and a half")]


def test_two_games_scores_do_not_meet_as_counts() -> None:
    # Only the thing counted would tie these sentences: a score counts nothing.
    story = "The Hawks star Lee Moss is out for the season, coach Ann Dale said.\n"
    a = story + "Moss was hurt during the 20-17 overtime defeat at Denver last Monday."
    b = story + "Ben Ode sprained a knee in the 31-28 overtime defeat to Boston."
    assert all(p.relation != "divergent" for p in compare_texts(a, b).pairs)


def test_tokenised_clock_times_are_read(run: Run) -> None:
    got = run(
        dates.detect,
        "Deputies said the fire was reported at 2: 50 a. m. on Tuesday.",
        "Deputies said the fire was reported at 4: 20 a. m. on Tuesday.",
    )
    assert got == [("date", "2: 50 a. m.", "4: 20 a. m.")]


def test_shortly_after_a_time_fits_a_few_minutes_later(run: Run) -> None:
    got = run(
        dates.detect,
        "A neighbour rang 911 shortly after 4: 10 a. m. about the shed fire.",
        "The shed fire was called in at 4: 13 a. m. by a neighbour.",
    )
    assert got == []


def test_about_one_and_around_half_past_one_still_clash(run: Run) -> None:
    got = run(
        dates.detect,
        "Officers stopped Jo Park at about 3: 00 am on Route 9.",
        "Officers stopped Jo Park around 3: 35 a. m. on Route 9.",
    )
    assert got == [("date", "3: 00 am", "3: 35 a. m.")]


def test_about_a_time_allows_a_few_minutes_not_a_quarter_hour(run: Run) -> None:
    a = "Someone rang the school around 9:20 a.m. to make a threat."
    near = run(dates.detect, a, "Someone rang the school at 9:23 a.m. to make a threat.")
    far = run(dates.detect, a, "Someone rang the school around 9:35 a.m. to make a threat.")
    assert near == []
    assert far == [("date", "9:20 a.m.", "9:35 a.m.")]


def test_the_second_year_of_a_season_is_not_a_count(run: Run) -> None:
    assert [q.value for q in quantities("a 7-12 start to the 2011-12 season")] == [7, 12, 2011]
    got = run(
        numbers.detect,
        "Ray Dunn spent 19 seasons with the Hawks.",
        "The Hawks fired Ray Dunn early in the 2011-12 season.",
    )
    assert got == []


def test_a_conviction_and_a_sentencing_are_two_events() -> None:
    a = (
        "Jose Ortega, 29, killed a deputy in Hale in 2005.\n"
        "Ortega is due to be sentenced June 8 by Judge Ann Hill."
    )
    b = (
        "Jose Ortega, 29, killed a deputy in Hale in 2005.\n"
        "Ortega was convicted April 14 of second-degree murder by a jury."
    )
    assert all(p.relation != "divergent" for p in compare_texts(a, b).pairs)
