"""Negation against a prospect or a hedge is a different stage, not a reversed claim."""

from __future__ import annotations

from library.compare.detectors.base import Passage
from library.compare.detectors.negation import detect
from library.compare.relation import classify


def _kinds(a: str, b: str) -> list[str]:
    """Kinds of the material conflicts (a prospect against a denial is kept low)."""
    return [c.kind for c in detect(Passage(a, "a"), Passage(b, "b"), []) if c.material]


def test_talks_to_do_something_against_will_not_do_it_is_no_conflict() -> None:
    assert (
        _kinds("The coach is back in talks to lead the team", "The coach will not lead the team")
        == []
    )


def test_plans_to_resign_against_did_not_resign_is_no_conflict() -> None:
    assert _kinds("The minister plans to resign", "The minister did not resign") == []


def test_a_hedged_denial_is_no_conflict() -> None:
    assert _kinds("The mayor attended the meeting", "The mayor may not attend the meeting") == []


def test_a_stated_fact_against_its_negation_still_conflicts() -> None:
    assert _kinds("The minister resigned on Friday", "The minister did not resign") == ["negation"]
    assert _kinds("He agreed to lead the team", "He will not lead the team") == ["negation"]


def test_a_prospect_against_its_denial_is_a_related_pair() -> None:
    found = list(
        detect(
            Passage("The coach is back in talks to lead the team", "a"),
            Passage("The coach will not lead the team", "b"),
            [],
        )
    )
    assert [(c.kind, c.severity) for c in found] == [("negation", "low")]
    assert "a prospect" in found[0].explanation
    assert classify(found) == "related"


def test_a_hedged_negation_still_agrees_with_a_firm_one() -> None:
    a = "She was struck from the rear and may never have seen her attacker."
    b = "She was struck in the back and never saw the attackers coming."
    assert _kinds(a, b) == []
    assert _kinds("Earlier her husband saw her fall. " + a, b) == []


def test_could_not_is_a_fact_not_a_hedge() -> None:
    assert _kinds("The mayor attended the meeting", "The mayor could not attend the meeting") == [
        "negation"
    ]


def test_the_same_prospect_reversed_still_conflicts() -> None:
    assert _kinds(
        "The club hopes to sign the striker", "The club hopes not to sign the striker"
    ) == ["negation"]
