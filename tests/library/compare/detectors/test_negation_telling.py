"""Negations that deny nothing of the claim: "yet to", a withheld telling, a plea."""

from __future__ import annotations

from collections.abc import Callable

from library.compare.detectors import negation

Run = Callable[..., list[tuple[str, str, str]]]


def test_yet_to_is_a_denial_that_agrees_with_not_yet(run: Run) -> None:
    a = "Paul Dorn had yet to regain consciousness on Wednesday, police said."
    agree = run(negation.detect, a, "Paul Dorn had not yet regained consciousness.")
    clash = run(negation.detect, a, "Paul Dorn regained consciousness on Wednesday.")
    assert agree == []
    assert clash == [("negation", "had yet to regain", "")]


def test_a_negated_verb_of_telling_withholds_rather_than_denies(run: Run) -> None:
    got = run(
        negation.detect,
        "Detectives would not discuss a likely motive for the stabbing.",
        "Detectives had no motive for the stabbing.",
    )
    assert got == []
    got = run(
        negation.detect,
        "Jo Kemp had been refused a gun licence in March.",
        "Jo Kemp was refused a licence, Ann Lee said, "
        "but she would not say why the licence was refused.",
    )
    assert got == []


def test_a_negated_claim_next_to_a_verb_of_telling_still_conflicts(run: Run) -> None:
    # The look-alike: "said he did not resign" denies the resignation itself.
    got = run(
        negation.detect,
        "The mayor said he did not resign.",
        "The mayor resigned on Friday, his aide said.",
    )
    assert got == [("negation", "not resign", "")]


def test_a_not_guilty_plea_is_not_a_verdict_denied(run: Run) -> None:
    a = "Jo Kemp was found guilty of armed robbery."
    plea = run(negation.detect, a, "Not guilty pleas were lodged on Kemp's behalf to robbery.")
    pleaded = run(negation.detect, a, "Jo Kemp pleaded not guilty to armed robbery.")
    verdict = run(negation.detect, a, "Jo Kemp was found not guilty of armed robbery.")
    assert plea == [] and pleaded == []
    assert verdict == [("negation", "", "not guilty")]


def test_the_telling_itself_denied_still_conflicts(run: Run) -> None:
    got = run(
        negation.detect,
        "Chief Varga would not comment on the tools used to open the safe.",
        "Chief Varga would comment on the tools used to open the safe.",
    )
    assert got == [("negation", "not comment", "")]
