"""Negation needs the same predicate on both sides, negated on one."""

from __future__ import annotations

from collections.abc import Callable

from library.compare.detectors import negation, passages
from library.compare.worddiff import word_diff

Run = Callable[..., list[tuple[str, str, str]]]


def kinds(a: str, b: str) -> list[str]:
    pa, pb = passages(a, b)
    diff = word_diff(a, b)
    found = [*negation.detect(pa, pb, diff), *negation.detect_opposites(pa, pb, diff)]
    return [c.kind for c in found]


def test_negated_predicate_on_both_sides_conflicts(run: Run) -> None:
    got = run(negation.detect, "The mayor did not sign the budget.", "The mayor signed the budget.")
    assert got == [("negation", "not sign", "")]


def test_lemmas_match_irregular_forms() -> None:
    assert kinds("The jury did not vote on Friday.", "The jury voted on Friday.") == ["negation"]
    assert kinds("She never ran for office.", "She runs for office.") == ["negation"]


def test_negated_clause_only_one_side_has_is_extra_information() -> None:
    a = 'The coach said the team would win. "I am not ready to quit," he added.'
    b = "The coach said the team would win."
    assert kinds(a, b) == []


def test_negated_verb_against_its_antonym_is_agreement() -> None:
    assert kinds("The union rejected the offer.", "The union would not accept the offer.") == []
    assert kinds("The city refused the permit.", "The city would not comply.") == []


def test_antonyms_neither_negated_conflict() -> None:
    assert kinds("The council approved the plan.", "The council rejected the plan.") == ["negation"]


def test_antonyms_about_different_things_are_no_conflict() -> None:
    # The sample pair: one outlet's "an employee was arrested", the other's
    # "the bureau released an article" are not one claim reversed.
    a = "On November 10 the ministry said an employee was arrested for visiting foreign websites."
    b = "On the 10th the bureau released an article highlighting media leaks."
    assert kinds(a, b) == []
    assert kinds("Police arrested the driver.", "Police released the driver.") == ["negation"]


def test_no_one_is_the_same_on_both_sides() -> None:
    assert kinds("No one was injured in the crash.", "Nobody was injured in the crash.") == []


def test_synonym_counts_as_the_same_predicate() -> None:
    assert kinds("The chief did not resign.", "The chief quit on Monday.") == ["negation"]


def test_pronoun_cue_is_not_taken_for_a_negated_noun() -> None:
    a = "Two other clubs made offers, but none of those offers run past 2030."
    b = "Two other clubs made offers that run to 2031."
    assert kinds(a, b) == []


def test_before_and_after_are_not_opposite_claims() -> None:
    a = "Robbers fled with the gems after ramming the door."
    b = "Robbers rammed the door before fleeing with the gems."
    assert kinds(a, b) == []
