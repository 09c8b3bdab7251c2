""" "He said" and "the convicted killer said" for a person named just before.

Found missing on the hand-checked ECB+ pairs (benchmarks/RESULTS-lenses.md):
the pronoun's person was named but had not spoken yet, or another voice (a body)
had spoken last.  Texts of our own.
"""

from __future__ import annotations

from library.compare.lenses import antecedent
from tests.library.compare.lenses.voices_support import voices_of


def test_he_said_is_the_person_just_named_not_yet_a_voice() -> None:
    found = voices_of(
        "The singer Marta Olsen will host the gala.",
        "Olsen bakes bread at home for her two sons.",
        '"My sons are the best thing in my life," she said.',
    )
    assert found == {"Marta Olsen": [2]}


def test_he_wrote_skips_a_body_that_spoke_last() -> None:
    found = voices_of(
        "Director Paul Brandt will make the sequel for Northlight Studios.",
        "Northlight has said it was a question of timing.",
        "Brandt has not made a film for children before.",
        '"I promise to listen to you," he wrote in a letter to fans.',
    )
    assert found["Paul Brandt"] == [3]
    assert found["Northlight"] == [1]


def test_the_described_person_is_the_one_named_before() -> None:
    found = voices_of(
        "The 38-year-old Kim Sato lives in Oslo with her dog.",
        'Asked about parties, the pop star said, "I have done enough."',
    )
    assert found == {"Kim Sato": [1]}


def test_quoted_him_as_saying_is_the_voice_before() -> None:
    found = voices_of(
        "According to Leon Baptiste, producer of the show, the host was chosen for his charm.",
        '"He can hold a stage," the magazine quoted him as saying.',
    )
    assert found == {"Leon Baptiste": [0, 1]}


def test_not_a_person_of_the_same_sentence_nor_an_owner() -> None:
    found = voices_of(
        "Police chief Ann Dorsey spoke on Monday.",
        "Carl Voss was on probation for a similar arrest, she said.",
    )
    assert found == {"Ann Dorsey": [0, 1]} or found == {"Ann Dorsey": [1]}
    assert antecedent.persons("Then Carl Voss' best friend took the stand.", {}) == []


def test_quotes_and_places_are_no_antecedent() -> None:
    assert antecedent.persons('He said "Jane Roe lied" in Los Angeles.', {}) == []
    assert antecedent.unquoted('so sad," she said of Jane Roe.').strip() == "she said of Jane Roe."
    assert antecedent.is_body("Summit Entertainment") and antecedent.is_body("NBC")
    assert antecedent.is_person("Weitz", {"weitz": "Ed Weitz"}) and not antecedent.is_person(
        "Summit", {}
    )
