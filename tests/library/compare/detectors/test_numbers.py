"""Numbers conflict only when they count the same thing."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from library.compare.detectors import numbers, passages

Run = Callable[..., list[tuple[str, str, str]]]


def test_same_head_noun_conflicts(run: Run) -> None:
    got = run(
        numbers.detect,
        "Prosecutors filed a 31-page complaint against the firm.",
        "The 33-page complaint was filed against the firm.",
    )
    assert got == [("number", "31", "33")]


def test_explanation_names_what_is_counted() -> None:
    a, b = passages("They bought 12 new buses last spring.", "They bought 14 new buses.")
    (c,) = numbers.detect(a, b, ())
    assert c.explanation == "A: 12 new buses · B: 14 new buses"
    assert c.severity == "high" and c.material


def test_sums_of_different_things_do_not_conflict(run: Run) -> None:
    got = run(
        numbers.detect,
        "The mayor spent $650,000 in campaign funds on the race.",
        "The mayor spent a $21,000 bonus on the race.",
    )
    assert got == []


def test_rounding_is_not_a_conflict(run: Run) -> None:
    assert run(numbers.detect, "About 30,000 fans came.", "Exactly 30,218 fans came.") == []
    assert run(numbers.detect, "Some 1,200 jobs went.", "A total of 1,230 jobs went.") == []


def test_a_real_difference_near_a_round_number_still_conflicts(run: Run) -> None:
    assert run(numbers.detect, "About 30,000 fans came.", "About 45,000 fans came.") == [
        ("number", "30,000", "45,000")
    ]


def test_written_numbers_are_normalised(run: Run) -> None:
    assert run(numbers.detect, "Forty thousand people marched.", "40,000 people marched.") == []
    assert run(numbers.detect, "It took twenty-two days.", "It took 22 days.") == []


def test_ordinal_and_count_are_different_slots(run: Run) -> None:
    got = run(numbers.detect, "She won the race in seven laps.", "She led by the sixth lap.")
    assert got == []


def test_ages_of_two_different_people(run: Run) -> None:
    got = run(
        numbers.detect,
        "It came a day after 44-year-old Anna Berg fell from the ridge.",
        "A day later, 29-year-old Paul Ness fell from the ridge.",
    )
    assert got == []


def test_a_number_the_other_article_states_for_the_same_thing(run: Run) -> None:
    a, b = passages(
        "The gunman shot four guards.",
        "The gunman shot and killed two guards.",
    )
    a = replace(a, article="The gunman shot four guards, killing two guards.")
    assert list(numbers.detect(a, b, ())) == []


def test_publication_stamp_is_not_a_claim(run: Run) -> None:
    assert run(numbers.detect, "Updated 3 May 2021, 14:39 GMT", "3 May 2021 11:25 GMT") == []


def test_a_sum_of_money_and_a_count_are_different_slots(run: Run) -> None:
    got = run(
        numbers.detect,
        "The club made a five-year offer to the striker.",
        "Report: the club offers the striker $90 million.",
    )
    assert got == []


def test_an_age_given_after_the_name_meets_one_given_before_it(run: Run) -> None:
    got = run(
        numbers.detect,
        "Maria Lund, 41, died on the ridge.",
        "A 43-year-old Maria Lund of Oslo died on the ridge.",
    )
    assert got == [("number", "41", "43")]


def test_a_value_the_other_side_gives_another_thing_does_not_answer(run: Run) -> None:
    got = run(
        numbers.detect,
        "She had 14 points and 9 assists.",
        "She had 9 points and 9 assists.",
    )
    assert got == [("number", "14", "9")]
    got = run(numbers.detect, "He played double-digit minutes in six games.", "He played "
              "double-digit minutes in two games.")  # fmt: skip
    assert got == [("number", "six", "two")]


def test_same_unit_and_no_lead_words(run: Run) -> None:
    assert run(numbers.detect, "For 35 years, the law held.", "For 47 years, the law held.") == [
        ("number", "35", "47")
    ]
