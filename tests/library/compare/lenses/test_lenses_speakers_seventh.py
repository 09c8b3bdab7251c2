"""The seventh speakers round: shapes from the fresh train/dev round `tune22` (two
initials before a surname, one person with a middle initial more or less, "said X of
the Y", a claim to come, a stance with a colon, "called the … “…”", an estimate's
place, a quoted person after a long role, "X's statement that", a quoted name after
"according to"), and two false voices removed (a street after "Residents along", a
place before "said a spokesman"), each with a look-alike.  Texts of our own
(benchmarks/RESULTS-lenses.md, "Speakers, seventh round")."""

from __future__ import annotations

import pytest

from library.compare.lenses import antecedent, voices
from library.compare.lenses.initials import with_initials
from library.compare.mentions import Mentions
from library.compare.model import Unit
from tests.library.compare.lenses.voices_support import speaker_names as names
from tests.library.compare.lenses.voices_support import voices_of


def _units(sentences: list[str]) -> tuple[str, tuple[Unit, ...]]:
    units, pos = [], 0
    for k, s in enumerate(sentences):
        units.append(Unit(k, s, pos, pos + len(s)))
        pos += len(s) + 1
    return "\n".join(sentences), tuple(units)


def _both(a: list[str], b: list[str]) -> dict[str, tuple[list[int], list[int]]]:
    """Each voice of two articles with its units on each side."""
    text_a, units_a = _units(a)
    text_b, units_b = _units(b)
    found, _ = voices.build(units_a, units_b, Mentions.build(text_a, text_b))
    return {v.name: (v.a, v.b) for v in found}


def test_two_initials_before_a_surname_stay_in_the_name() -> None:
    said = "“It is sad news,” general manager A. J. Varga said in a statement."
    assert names(said) == ["A. J. Varga"]
    assert names("The club’s general manager, A. J. Varga said that “we will watch.”") == [
        "A. J. Varga"
    ]
    # one initial, or a full first name: as written
    assert names("B. Varga said it was sad.") == ["B. Varga"]


def test_initials_come_back_only_to_a_name_that_opens_with_one() -> None:
    assert with_initials("Coach A. J. Varga said so.", "J. Varga") == "A. J. Varga"
    assert with_initials("Section A. Varga said so.", "Varga") == "Varga"


def test_a_surname_is_the_person_named_with_a_middle_initial_or_without() -> None:
    found = _both(
        ["Mining Secretary Paul Varga said the rules were narrow.", "“It is fair,” Varga said."],
        ["Mining Secretary Paul K. Varga said the changes were small.", "“We heard,” Varga said."],
    )
    assert found == {"Paul K. Varga": ([0, 1], [0, 1])}


def test_a_surname_of_two_people_stays_apart() -> None:
    found = _both(
        ["Mayor Paul Varga said the road was shut.", "“It is closed,” Varga said."],
        ["Judge Eva Varga said the case was over.", "Nothing else happened."],
    )
    assert "Varga" in found  # Paul or Eva: not folded into either


def test_said_a_name_of_a_body() -> None:
    text = "The roof collapsed at noon, said Lena Marsh of the fire department."
    assert names(text) == ["Lena Marsh"]
    # content, not an inverted speaker: "said" does not close a clause before it
    assert names("Officers said Lena Marsh of the fire department was hurt.") == []


def test_a_claim_to_come() -> None:
    assert names("But Holt will argue that his film did better than the first one.") == ["Holt"]
    found = voices_of(
        "Director Sam Holt wants a raise.",
        "But Holt will argue that his film did better.",
        "He'll contend that the movie will run longer in theaters.",
    )
    assert found == {"Holt": [1, 2]}
    # a deed to come, not words
    assert names("Holt will direct the sequel that opens in May.") == []
    assert voices_of("Sam Holt said it was fine.", "He'll direct the sequel.") == {"Sam Holt": [0]}


def test_a_stance_with_a_colon() -> None:
    text = "Nora Vale, director of the Coastal Trust's bird program, was blunt:"
    assert names(text) == ["Nora Vale"]
    assert names("Nora Vale was blunt about the plan and left.") == []


def test_called_the_thing_a_quoted_word() -> None:
    text = "Mining Secretary Paul Varga called the rule changes “narrow” and “sensible”."
    assert names(text) == ["Paul Varga"]
    assert names("Paul Varga called the rule changes off on Friday.") == []


def test_an_estimate_of_the_quake_place() -> None:
    text = "The Pacific Survey Institute put the epicentre of the quake at 40km west of Dunmore."
    assert names(text) == ["Pacific Survey Institute"]
    assert names("The storm put the center of Dunmore at risk.") == []


def test_a_person_quoted_after_a_long_role() -> None:
    text = (
        "State news agency TASR quoted the head of the port authority, Ivo Kral, "
        "as saying the storm caused damage."
    )
    assert names(text) == ["Ivo Kral"]  # the agency quotes: no voice of its own
    assert names("TASR quoted the port, the ships and the dock as saying nothing.") == []


def test_a_statement_that_is_its_owner_claim() -> None:
    text = "The town awaits a report on Mr Vasso's statement that the shot bounced off a wall."
    assert names(text) == ["Vasso"]
    assert names("The town read Mr Vasso's statement about the wall.") == []


@pytest.mark.parametrize(
    "text",
    [
        'According to"The Harbor Gazette", the singer Tom Vale is in talks to return.',
        "According to “The Harbor Gazette”, the singer Tom Vale is in talks to return.",
    ],
)
def test_a_quoted_name_after_according_to(text: str) -> None:
    assert names(text) == ["Harbor Gazette"]


def test_a_quoted_work_before_the_name_after_according_to() -> None:
    text = "According to “Harbor” studio Summit Films, the deal is open."
    assert names(text) == ["Summit Films"]


def test_residents_along_a_numbered_street_are_no_voice() -> None:
    assert names("Residents along 112th Street said a patrol car was parked nearby.") == []
    assert names("Residents along Elm Street said a patrol car was parked nearby.") == []
    assert names("Dana Cole, who lives on 112th Street, said a car was parked nearby.") == [
        "Dana Cole"
    ]


def test_a_place_before_said_a_spokesman_is_no_voice() -> None:
    text = "He was taken to a clinic in Dunmore, Oregon, early Friday, said a spokeswoman for it."
    assert names(text) == []
    # a name before "said" whose object is no speaker still speaks
    assert names("Anna Varga, on Monday, said the official website was down.") == ["Anna Varga"]


@pytest.mark.parametrize(
    "said",
    [
        "The club's general manager, A. J. Varga said that “we will watch.”",
        "Coach Paul K. Varga said that “we will watch.”",
    ],
)
def test_he_said_next_is_the_person_with_initials_who_just_spoke(said: str) -> None:
    found = voices_of("Tom Reed was arrested on Sunday.", said, "He went on to say, “we lead.”")
    assert list(found.values()) == [[1, 2]]
    assert "Tom Reed" not in found


def test_an_initial_is_no_acronym_of_a_body() -> None:
    assert antecedent.is_full_name("Paul K. Varga")
    assert antecedent.is_full_name("A. J. Varga")
    assert not antecedent.is_full_name("NBC News")
    assert not antecedent.is_full_name("U.S. Survey")


def test_a_that_verb_closing_a_quote_tells_it() -> None:
    assert names("If the ground holds, the road is safe,” Kral maintained.") == ["Kral"]
    assert names("“It is safe,” Ivo Kral admitted.") == ["Ivo Kral"]
    # an object after the verb: a deed, not the quote's speaker
    assert names("“Roads matter,” the sign read, and Kral maintained the road.") == []
