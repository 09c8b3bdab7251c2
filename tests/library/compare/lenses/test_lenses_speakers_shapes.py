"""Speaker shapes and speech acts of the third speakers round, on texts of our own.

Each test pins one general form (a verb family, a speaker phrase) and the precision
guard that came with it; every one of them failed before (benchmarks/RESULTS-lenses.md).
"""

from __future__ import annotations

import pytest

from library.compare.lenses.voices import sources
from tests.library.compare.lenses.voices_support import speaker_names as names
from tests.library.compare.lenses.voices_support import voices_of as _voices


@pytest.mark.parametrize(
    "text",
    [
        "Jane Moreau accused the mayor of lying about the budget.",
        "Jane Moreau blamed the storm for the delay.",
        "Jane Moreau criticised the council's decision.",
        "Jane Moreau praised the firefighters.",
        "Jane Moreau mentioned the site of a bank that hosted the code.",
        "Jane Moreau expressed concern that the bridge would close.",
        "Jane Moreau hopes the bridge will reopen.",
        "Jane Moreau agreed with the council's decision.",
        "Jane Moreau made it clear that the bridge is unsafe.",
        "Jane Moreau was adamant that the bridge is unsafe.",
        "Jane Moreau acknowledged the bridge could close.",
        "Jane Moreau went on to say the bridge is unsafe.",
        "Jane Moreau is reported to have said the bridge is unsafe.",
        "Jane Moreau was quoted by the Harbour Weekly as saying the bridge is unsafe.",
    ],
)
def test_a_speech_act_names_its_subject(text: str) -> None:
    assert names(text) == ["Jane Moreau"]


@pytest.mark.parametrize(
    "text",
    [
        "Jane Moreau accused of fraud",  # a headline's passive participle
        "Jane Moreau was accused of fraud.",
        "Jane Moreau, accused in the theft of two paintings, appeared in court.",
        "Nominee praised for her expertise and judgment.",
        "Jane Moreau was blamed for the delay.",
        "Jane Moreau hoped to win the title.",
        "Jane Moreau felt the ground shake.",
        "Jane Moreau thought about the offer for a week.",
        "Jane Moreau mentioned in the report was arrested.",
        "Jane Moreau agreed with the Harbour Club on a deal.",
        "Jane Moreau admitted the charges.",
        "Jane Moreau would say nothing.",
        "Environmentalists widely praised the decision.",
        "Flood damage was heavy, officials were quoted by UPI as saying.",
    ],
)
def test_no_speaker_for_a_deed_a_passive_or_a_group(text: str) -> None:
    assert names(text) == []


def test_an_age_before_the_role() -> None:
    assert sources("Tom Vale, 45, a neighbour, said he heard two shots.") == [
        ("Tom Vale", "a neighbour")
    ]


def test_a_person_from_a_body_speaks_not_the_body() -> None:
    assert names("Tom Vale from the Ostrava Rescue Service said the road was shut.") == ["Tom Vale"]
    assert names("Tom Vale from Varna's Red Cross rescue agency said six were hurt.") == [
        "Tom Vale"
    ]
    assert names("Tom Vale at the Ostrava Rescue Service told reporters it was shut.") == [
        "Tom Vale"
    ]
    # not a verb of the sentence read as a body's kind
    assert names("Tom Vale from Ostrava was arrested on Friday.") == []


def test_a_role_with_an_owner_before_the_name() -> None:
    assert sources("The plant's owner, Jane Moreau, told police she saw him.") == [
        ("Jane Moreau", "plant's owner")
    ]


def test_a_role_inside_the_appositive_gives_no_second_voice() -> None:
    text = "Meanwhile, the chief of the Transport Ministry's Roads Office, Ali Karimi, said so."
    assert names(text) == ["Ali Karimi"]


def test_a_named_spokesperson_speaks_not_the_body() -> None:
    assert names("Jane Moreau, a spokeswoman for Ostrava Rail, said the line is shut.") == [
        "Jane Moreau"
    ]
    assert names("A spokeswoman for Ostrava Rail said the line is shut.") == ["Ostrava Rail"]


def test_quoted_with_a_role_before_the_name() -> None:
    text = "The Harbour Weekly quoted rail spokesman Tom Vale as saying the line is shut."
    assert names(text) == ["Tom Vale"]


@pytest.mark.parametrize(
    "text",
    [
        "The mother of Jane Moreau said she is innocent.",
        "Lawyers for Jane Moreau said she is innocent.",
        "A man from Ostrava Rail told police he saw it.",
        "The crowd from Ostrava said nothing.",
    ],
)
def test_the_one_named_after_of_or_for_is_not_the_speaker(text: str) -> None:
    assert names(text) == []


def test_a_body_named_with_of_still_speaks() -> None:
    assert names("The government of Moravia said most voters took part.") != []


def test_a_term_mentioned_in_quotes_is_no_claim() -> None:
    assert names("The Harbour Office frequently mentioned “classified units” in its notices.") == []


def test_the_newspaper_said_after_other_voices_spoke_between() -> None:
    assert _voices(
        "The man died on Friday at the prison, the Harbour Tribune reported.",
        "Retired detective Tom Vale said he knew him well.",
        "Prison spokesman Al Brenner confirmed the death.",
        "Two other bosses died at the same prison, the newspaper said.",
    ) == {"Harbour Tribune": [0, 3], "Tom Vale": [1], "Al Brenner": [2]}


def test_the_company_said_names_a_firm_mentioned_before() -> None:
    assert _voices(
        "Ostrava Motors Inc recalled 4,000 cars on Monday.",
        "The brakes may fail in the cold, the company said.",
    ) == {"Ostrava Motors Inc": [1]}


def test_a_kind_of_body_is_not_a_place_or_another_kind() -> None:
    assert (
        _voices(
            "Storms hit the UAE and the Ostrava Police closed two roads.",
            "The newspaper said 65 people called for help.",
        )
        == {}
    )


def test_a_product_recall_is_no_claim() -> None:
    assert names("Ostrava Motors recalled 4,000 cars on Monday.") == []
    assert names("Jane Moreau recalled seeing the car.") == ["Jane Moreau"]


def test_an_age_after_the_quote_is_the_person_named_before() -> None:
    assert _voices(
        "Golfer Piet Kruger will be made an honorary member of the club.",
        "“I am shaking,” said the 67 - year - old before the final round.",
    ) == {"Piet Kruger": [1]}


def test_a_calling_before_a_name_is_its_role() -> None:
    assert sources("Witness Jane Moreau said she saw him.") == [("Jane Moreau", "Witness")]
    assert names("Bryan Singer said the film is done.") == ["Bryan Singer"]
    assert names("Sen. Barbara Boxer said the rule is illegal.") == ["Barbara Boxer"]


def test_an_age_before_a_name_is_not_a_description() -> None:
    assert (
        _voices(
            "Tony Vale lost the fight in the sixth round.",
            "“I'm pleased,” said the 38 - year - old Novak, who kept his belts.",
        ).get("Tony Vale")
        is None
    )


@pytest.mark.parametrize(
    ("text", "who"),
    [
        ("Ostrava Rail's statement said the line is shut.", ["Ostrava Rail"]),
        ("A statement on Ostrava Rail's website said the line is shut.", ["Ostrava Rail"]),
        ("The P. D.'s release says the case is closed.", []),
        ("Ostrava Rail's CEO, Tom Vale, said the line is shut.", ["Tom Vale"]),
        ("Tom Vale is quoted in the Harbour Weekly as saying it is shut.", ["Tom Vale"]),
        ("Tom Vale and Jane Moreau both said the line is shut.", ["Tom Vale", "Jane Moreau"]),
        ("The line is shut, the official ORTA news agency reported.", ["ORTA"]),
        ("The line is shut, Moravia's official ORTA news agency reported.", ["ORTA"]),
    ],
)
def test_owned_statements_appositive_titles_and_agencies(text: str, who: list[str]) -> None:
    assert names(text) == who


def test_according_to_her_is_the_person_named_before() -> None:
    assert _voices(
        "Jane Moreau teaches at the school in Ostrava.",
        "According to her, the roof had leaked for weeks.",
    ) == {"Jane Moreau": [1]}


def test_according_to_her_bio_is_no_pronoun_voice() -> None:
    assert (
        _voices(
            "Jane Moreau taught at the school in Ostrava.",
            "She studied in Brno, according to her personal blog.",
        )
        == {}
    )


def test_an_appositive_with_an_owner_before_a_long_clause() -> None:
    # the words after "said" ("his uncle passed away at his farm in Brno,
    # Moravia") are content, not an inverted "said <role> X"
    text = "Tom Vale, Dunn's nephew, said his uncle passed away at his farm in Brno, Moravia."
    assert sources(text) == [("Tom Vale", "Dunn's nephew")]


@pytest.mark.parametrize(
    "text",
    [
        "Additionally, he was named coach in 1981 and during that time, wrote a handbook.",
        "A memo says that Rep. Tom Vale (D) of West Moravia, the chairman of the panel, says so.",
    ],
)
def test_no_voice_for_an_opening_adverb_or_a_state_after_of(text: str) -> None:
    assert "Additionally" not in names(text) and "West Moravia" not in names(text)


def test_a_surname_ending_in_ly_still_speaks() -> None:
    assert names("Mr. Kelly, the fire marshal, said it was within the rules.") == ["Kelly"]


@pytest.mark.parametrize(
    ("text", "who"),
    [
        (
            "While the film was a hit, Harbour Weekly is saying that the director is in talks.",
            ["Harbour Weekly"],
        ),
        ("The Rangers are saying nothing about their talks with the striker.", []),
        (
            "Jane Moreau, who won the title in 2001, arrived on Monday and declared she was ready.",
            ["Jane Moreau"],
        ),
        ("Jane Moreau, who won the title in 2001, arrived on Monday and was arrested.", []),
        ("Jane Moreau agreed with Ibsen ’ s decision.", ["Jane Moreau"]),
        # the body after "at the organization," is his, not a second speaker (and, since
        # the clause subject past its appositives is read, he speaks: round 18)
        (
            "Tom Vale, Vice President at the charity, Ostrava Birds, agreed with the decision.",
            ["Tom Vale"],
        ),
    ],
)
def test_progressive_relative_clause_and_a_body_inside_a_role(text: str, who: list[str]) -> None:
    assert names(text) == who


# Post-hoc: forms of the fresh round (round 17), added after its one measurement.
@pytest.mark.parametrize(
    ("text", "who"),
    [
        (
            "Polls open in May, a notice from the Central Board for Roads and Rails of "
            "Moravia said.",
            ["Central Board for Roads and Rails of Moravia"],
        ),
        (
            "Ten districts were set up, the resolution of the Moravian Election Commission "
            "released on Friday said.",
            ["Moravian Election Commission"],
        ),
        ("According to the Moravian constitution, the assembly makes laws.", []),
        (
            "It was less than the sum reported by sportscaster Tom Vale, who first reported that "
            "the meeting would take place.",
            ["Tom Vale"],
        ),
        (
            "Harbour Weekly and Ostrava Daily are reporting that the director is in talks.",
            ["Harbour Weekly", "Ostrava Daily"],
        ),
        ("Tom Vale questioned why the prisons stopped searching visitors.", ["Tom Vale"]),
    ],
)
def test_documents_of_bodies_and_other_forms_of_round_17(text: str, who: list[str]) -> None:
    assert names(text) == who


def test_a_pronoun_after_a_dash_and_a_headline_description() -> None:
    assert _voices(
        "Tom Vale hosted the show in March.",
        "The show drew 12 million viewers – he said he would not return next year.",
    ) == {"Tom Vale": [1]}
    assert "Agent" not in _voices("Agent says Ostrava to sign Tom Vale", "Tom Vale agreed.")
    assert _voices("King said the offer stands.") == {"King": [0]}


def test_saw_as_is_a_judgement_told_not_a_sighting() -> None:
    assert names("President Tom Vale saw the move as needed to meet European rules.") == [
        "Tom Vale"
    ]
    assert names("Tom Vale saw the man as he left the bank.") == []


def test_two_people_each_after_a_role_then_they_and_the_two_men() -> None:
    assert _voices(
        "The rule was overturned on Tuesday.",
        "In a joint note, the trade minister, Tom Vale, and the health minister, "
        "Jane Moreau, agreed.",
        "After a study, they said they had concluded that it was required.",
        "“We are saving lives,” the two men said on Friday.",
    ) == {"Tom Vale": [1, 2, 3], "Jane Moreau": [1, 2, 3]}
    assert names("The mayor, Tom Vale, and the governor, Jane Moreau, met on Friday.") == []
