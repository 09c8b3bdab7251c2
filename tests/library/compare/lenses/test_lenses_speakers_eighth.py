"""The eighth speakers round: shapes from the fresh train/dev round `tune23` and the
brief's invented cases ("X today announced that" at a document's start, "X
representatives said", "had spoken highly of", "announced a deal to acquire"), each
with a look-alike.  Texts of our own (benchmarks/RESULTS-lenses.md, "speakers8")."""

from __future__ import annotations

from tests.library.compare.lenses.voices_support import speaker_names as names
from tests.library.compare.lenses.voices_support import voices_of


def test_today_between_a_name_and_its_verb() -> None:
    said = "Veltrix Systems today announced that it has agreed to buy Corlan Labs."
    assert names(said) == ["Veltrix Systems"]
    assert names("Veltrix today said the flaw in its router was minor.") == ["Veltrix"]
    # not a verb of saying after "today"
    assert names("Veltrix Systems today opened a plant in Dunmore.") == []


def test_a_statement_opening_a_document_is_read() -> None:
    found = voices_of(
        "Veltrix Systems today announced that it has agreed to buy Corlan Labs.",
        "The deal is worth $40 million.",
    )
    assert found == {"Veltrix Systems": [0]}


def test_two_titles_of_one_person_are_no_second_voice() -> None:
    said = "Portside Trust President and General Manager Nora Quill announced that the coach left."
    assert "Portside Trust President" not in names(said)
    # two people joined by "and" both speak
    assert names("Zadan and Meron added that the show would go on.") == ["Zadan", "Meron"]


def test_an_announcement_by_a_body_that() -> None:
    said = "This week's announcement by the Harbor Guild that ballots will be mailed hurt the show."
    assert names(said) == ["Harbor Guild"]
    # "that" opening a relative clause: the announcement listed, no claim told
    assert (
        names("It began with an announcement by the Harbor Department that listed the seal.") == []
    )


def test_described_by_a_body_as() -> None:
    said = "Those rules were described in the past by the Mercer government as small."
    assert names(said) == ["Mercer"]
    assert names("The man was described by witnesses as tall.") == []


def test_a_transcript_labels_its_speaker_with_a_slash() -> None:
    said = "Nora Quill/Portside County Prosecutor: “We will prove it in court.”"
    assert names(said) == ["Nora Quill"]
    # a slash with no quote after the colon names no one
    assert names("Nora Quill/Portside County Prosecutor: the hearing resumes Monday.") == []


def test_a_bodys_representatives_speak_for_it() -> None:
    assert names("Veltrix representatives said the deal would close in May.") == ["Veltrix"]
    said = "Representatives of Veltrix Systems said the deal would close in May."
    assert names(said) == ["Veltrix Systems"]
    # a body's officials are its staff, unnamed (the labels' convention)
    assert names("Palmer officials said the deal would close in May.") == []


def test_spoken_highly_of_is_praise() -> None:
    assert names("Veltrix Systems had spoken highly of Corlan Labs.") == ["Veltrix Systems"]
    assert names("Veltrix Systems had spoken to Corlan Labs.") == []


def test_a_deal_announced_is_told() -> None:
    said = "Veltrix Systems announced a definitive agreement to acquire Corlan Labs."
    assert names(said) == ["Veltrix Systems"]
    assert names("Veltrix Systems announced a $40 million deal to buy Corlan.") == [
        "Veltrix Systems"
    ]
    # a product announced tells no claim
    assert names("Veltrix Systems announced a new phone on Monday.") == []


def test_a_role_holding_a_list() -> None:
    said = (
        "But Karl Moss, the Harbor Guild's vice president of trade, energy and shipping "
        "affairs, said that the rule would slow ships."
    )
    assert names(said) == ["Karl Moss"]


def test_a_spaced_party_tag_before_a_who_clause() -> None:
    said = (
        "Committee Chairman Paul K. Varga (D - Ore.), who had been seeking to end the rule, "
        "called the move “a good step.”"
    )
    assert names(said) == ["Paul K. Varga"]
    assert names("Sen. Paul Varga (D - Ore.) said the rule was bad.") == ["Paul Varga"]


def test_a_spokeswoman_who_declined_to_be_named() -> None:
    said = "A Harbor Telecom spokeswoman who declined to give her name said the lines were cut."
    assert names(said) == ["Harbor Telecom"]
    assert names(
        "The lines were cut, a Harbor Telecom spokeswoman who declined to give her name said."
    ) == ["Harbor Telecom"]
    # a spokeswoman the sentence tells of, not one telling
    assert names("A Harbor Telecom spokeswoman who was hurt in the crash died.") == []


def test_a_statement_or_a_spokesman_after_a_body_spoke() -> None:
    found = voices_of(
        "Harbor Telecom said the lines were cut on Friday.",
        "“The cause is unclear,” a statement said.",
        "Half the traffic was down, a spokesman said on Friday.",
    )
    assert found == {"Harbor Telecom": [0, 1, 2]}
    # after a person spoke, "a spokesman" is no one named
    found = voices_of(
        "Ann Kova said the lines were cut on Friday.",
        "Half the traffic was down, a spokesman said on Friday.",
    )
    assert found == {"Ann Kova": [0]}


def test_the_people_of_a_place_are_no_named_voice() -> None:
    assert names("Dunmorites on Twitter reported that police searched the flats.") == []
    # a name that only ends in "ites" elsewhere in the sentence is left alone
    assert names("Vera Whites reported that police searched the flats.") == ["Vera Whites"]


def test_a_participle_telling_the_jury_a_quote() -> None:
    assert names("Fenn telling the nine man, three woman panel, “The girl ran away.”") == ["Fenn"]
    # no quote after the comma: a scene, no claim
    assert names("Fenn telling the jury, then leaving the room.") == []
