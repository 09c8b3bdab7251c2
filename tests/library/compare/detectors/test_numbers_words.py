"""Counts written in words: "a pair of" is two of the thing it names."""

from __future__ import annotations

from collections.abc import Callable

from library.compare import compare_texts
from library.compare.detectors import numbers

Run = Callable[..., list[tuple[str, str, str]]]


def test_a_pair_against_three_of_the_same_thing(run: Run) -> None:
    got = run(
        numbers.detect,
        "The champion went down from three uppercuts in the fifth round.",
        "In the fifth round the challenger threw a pair of uppercuts to drop the champion.",
    )
    assert got == [("number", "three", "a pair of")]


def test_a_pair_agrees_with_two(run: Run) -> None:
    got = run(numbers.detect, "He landed two left hooks.", "He landed a pair of left hooks.")
    assert got == []


def test_a_pair_of_something_else_is_not_the_same_count(run: Run) -> None:
    got = run(numbers.detect, "She scored a pair of goals.", "She made three saves.")
    assert got == []


def test_one_thing_sold_as_a_pair_is_not_two(run: Run) -> None:
    # "a pair of jeans" is one garment, not two of anything.
    assert run(numbers.detect, "He stole a pair of jeans.", "He stole three shirts.") == []
    assert run(numbers.detect, "He stole a pair of jeans.", "He stole two jeans.") == []


def test_a_pair_across_sentences_that_share_a_name() -> None:
    a = (
        "Okafor, 33, soon tired and fell from three straight uppercuts in the fifth.\n"
        "The crowd booed the referee."
    )
    b = (
        "The referee was booed by the crowd.\n"
        "In the fifth Brandt threw a pair of uppercuts to drop a dazed Okafor."
    )
    divergent = [p for p in compare_texts(a, b).pairs if p.relation == "divergent"]
    assert [[(k.a, k.b) for k in p.conflicts] for p in divergent] == [[("three", "a pair of")]]


def test_people_who_died_against_people_killed(run: Run) -> None:
    got = run(
        numbers.detect,
        "The blast killed 10 persons in the market, officials said.",
        "Three people died in the market blast, officials said.",
    )
    assert got == [("number", "10", "Three")]


def test_the_killed_and_the_injured_are_two_counts(run: Run) -> None:
    got = run(
        numbers.detect,
        "Ten people were killed in the market blast.",
        "Five people were injured in the market blast.",
    )
    assert got == []


def test_a_toll_across_sentences_that_share_a_name() -> None:
    a = (
        "The blast in Harlow market killed 10 persons on Friday, police chief Dan Roe said.\n"
        "Shops stayed shut."
    )
    b = "Shops stayed shut.\nDan Roe told reporters that three people had died in Harlow."
    divergent = [p for p in compare_texts(a, b).pairs if p.relation == "divergent"]
    assert [[(k.a, k.b) for k in p.conflicts] for p in divergent] == [[("10", "three")]]


def test_a_count_told_only_by_what_happened_counts_people(run: Run) -> None:
    got = run(
        numbers.detect,
        "The quake hit the island on Sunday, injuring five people.",
        "Ten people were killed and 50 injured when the quake hit the island on Sunday.",
    )
    assert got == [("number", "five", "50")]
