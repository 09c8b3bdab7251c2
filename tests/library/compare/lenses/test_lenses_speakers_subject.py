"""The fourth speakers round (round 18): a clause's subject past its appositives,
speech-act families, and the look-alikes that must stay silent.  Texts of our own;
each case failed before (benchmarks/RESULTS-lenses.md, "Speakers, fourth round")."""

from __future__ import annotations

import pytest

from library.compare.lenses.clauses import subject
from tests.library.compare.lenses.voices_support import speaker_names as names
from tests.library.compare.lenses.voices_support import voices_of as _voices


@pytest.mark.parametrize(
    ("text", "who"),
    [
        # the body inside the role is the person's, not a second voice
        (
            "Tom Vale, head of production for Ostrava Films, located down the road, said they "
            "had planned a party.",
            ["Tom Vale"],
        ),
        # an opening phrase, and a role with its body closed by no comma
        (
            "In a statement to the Daily Mirror, Ana Kova, a member of the Water Board's "
            "board of directors said that the pipe burst.",
            ["Ana Kova"],
        ),
        # a description, then the two names set off by commas
        (
            "The two reporters who broke the story, Ann Lee and Tom Vale, have maintained "
            "that the source was one person.",
            ["Ann Lee", "Tom Vale"],
        ),
        # "of the X School" is his role
        (
            "Her principal, Tom Vale of the Lakeland School of Design, wrote a letter "
            "describing her as a hard worker.",
            ["Tom Vale"],
        ),
        ("Ana Kova, 45, a neighbour, said she heard two shots.", ["Ana Kova"]),
    ],
)
def test_the_subject_past_its_appositives_speaks(text: str, who: list[str]) -> None:
    assert names(text) == who


@pytest.mark.parametrize(
    "text",
    [
        "Tuesday, the company said it would close the plant.",  # a day, not a subject
        "The victim, Tom Vale, was shot at a bar in Lakeland, police said.",  # police speak
        "Tom Vale, police said, was arrested at the airport.",  # a parenthetical
        "Dover, Del., said the official.",  # a place
        "Tom Vale, who police said had a gun, was shot.",  # a clause of its own
        "Tom Vale, 20, and Ana Kova, 24, were arrested after the shooting, officers said.",
        "The bridge opened on May 3, Tom Vale said.",  # a clause before, no description
    ],
)
def test_the_subject_rule_stays_silent_on_look_alikes(text: str) -> None:
    assert subject(text) is None


def test_an_inverted_speaker_after_the_appositive_is_not_the_subject() -> None:
    text = "Mr Vale, originally from Essex, lived in Lakeland, says the Press Association."
    assert subject(text) is None
    assert "Vale" not in names(text)


def test_a_gerund_before_a_name_is_no_subject() -> None:
    text = "Choosing Kova, known for her gentle humor, signals that the show will change."
    assert subject(text) is None


def test_a_name_told_of_after_said_is_not_a_speaker() -> None:
    assert names("The Courier said Vale, who was sentenced on Friday, apologised.") == ["Courier"]


@pytest.mark.parametrize(
    "text",
    [
        "Tom Vale expressed unhappiness about being benched.",
        "Tom Vale recommended changing the settings.",
        "Tom Vale reiterated that the cable had often failed.",
        "Tom Vale apologized if the flood was linked to his campaign.",
    ],
)
def test_speech_act_families(text: str) -> None:
    assert names(text) == ["Tom Vale"]


@pytest.mark.parametrize(
    "text",
    [
        "Customers had reported getting constant prompts to update it.",
        "The Governor of Vermont has apologized if the flood was linked to her.",
        "The Indians say the pirates came from the coast.",
    ],
)
def test_no_voice_for_a_customer_group_or_a_bare_title(text: str) -> None:
    assert names(text) == []


def test_a_letter_speaks_for_its_writer() -> None:
    found = _voices(
        "Her principal, Tom Vale of the Lakeland School, wrote a letter praising her.",
        "“She made great strides,” the letter read.",
        "“She will be missed,” Vale's letter continued.",
    )
    assert found == {"Tom Vale": [0, 1, 2]}


def test_he_after_a_spokesperson_is_the_body_not_a_group_named_between() -> None:
    found = _voices(
        "The pirates fired on the ship, Navy spokesperson said.",
        "The warship moved its Sea Rangers to the scene, he said.",
        "The Navy sent its Sea Rangers to the ship. The ship was safe, he added.",
        "A hunt was under way, the spokesperson said.",
    )
    assert found == {"Navy": [0, 1, 2, 3]}


def test_the_company_is_no_person_with_a_company_in_the_role() -> None:
    found = _voices(
        "Acme Corp said the bug affects every version.",
        "It said attacks were reported.",
        "“This is serious,” Ana Kova, director at security company Trusty, told the BBC.",
        "She said a patch is needed.",
        "In a blog post, Acme Corp's Tom Vale advised users to block scripts.",
        "He said it may affect usability.",
        "The patch is not rolled out automatically, the company said.",
    )
    assert found["Acme Corp"] == [0, 1, 6]
    assert found["Ana Kova"] == [2, 3]


def test_a_speaker_named_after_a_sentence_cut_at_his_title() -> None:
    found = _voices(
        "“A man came in and shot another man,” Lakeland police Const.",
        "Tom Vale told a news conference.",
        "“Our team talked to him by radio.”",
    )
    assert found == {"Tom Vale": [0, 1]}


def test_a_sentence_ending_on_a_title_before_another_speaker_is_not_his() -> None:
    found = _voices("The mayor met Dr.", "Tom Vale said the road was shut.")
    assert found == {"Tom Vale": [1]}


@pytest.mark.parametrize(
    ("text", "who"),
    [
        ("The mayor of Lakeland, Ana Kova, and she has apologised if it hurt.", ["Ana Kova"]),
        ("Police stopped his car, but Tom Vale refused to comply, saying they lied.", ["Tom Vale"]),
        ("“It is special,” added Vale who follows in the steps of Ana Kova.", ["Vale"]),
        ("Lakeland let it be known that the coach was fired.", ["Lakeland"]),
        ("Tom Vale denied reports that his talks hit a snag.", ["Tom Vale"]),
        ("Tom Vale was paid, his agent Ana Kova, told Radio Lakeland.", ["Ana Kova"]),
    ],
)
def test_more_shapes_of_the_fourth_round(text: str, who: list[str]) -> None:
    assert names(text) == who


@pytest.mark.parametrize(
    "text",
    [
        "It was a win, said the Republican who is close to the talks.",  # a description
        # a name's own "and": not the subject of a clause after "and"
        "The Council for Trade and Co-operation in Asia sent no one, saying so.",
        "Tom Vale denied the charges that were filed on Friday.",  # a deed
    ],
)
def test_look_alikes_of_the_fourth_round(text: str) -> None:
    assert "Republican" not in names(text) and "Co-operation" not in names(text)
    assert "Tom Vale" not in names(text)


def test_he_after_that_is_the_person_named_before() -> None:
    found = _voices(
        "Tom Vale, 36, was charged with murder.",
        "The charges say that he drank and that he said he fled.",
    )
    assert found == {"Tom Vale": [1]}


def test_he_after_that_is_not_reached_back_for_past_a_person_of_the_sentence() -> None:
    found = _voices(
        "Ana Kova said the trial would start soon.",
        "Mr. Vale confessed to the killings and said that he believed he was sane.",
    )
    assert found["Ana Kova"] == [0]


@pytest.mark.parametrize(
    ("text", "who"),
    [
        ("For users of the app, Acme Corp's advice is to reboot the router.", ["Acme Corp"]),
        (
            "With news from Lakeland Lions GM Tom Vale that the team made an offer, it began.",
            ["Tom Vale"],
        ),
        ("The news from Lakeland that day was grim.", []),  # a place, and a time
        ("Tom Vale's view of the lake is lovely.", []),  # no claim
    ],
)
def test_a_noun_of_saying(text: str, who: list[str]) -> None:
    assert names(text) == who


def test_a_headline_description_is_the_person_named_next_with_that_role() -> None:
    found = _voices(
        "Agent says Lions to sign Vale to five-year deal",
        "The deal is the largest in the club's history.",
        "Tom Vale agreed to a five year deal on Sunday, his agent Ana Kova, told Radio Lakeland.",
    )
    assert found["Ana Kova"] == [0, 2]


@pytest.mark.parametrize(
    ("text", "who"),
    [
        # round 19 (post-hoc): a paper naming people, a report's findings, a clause
        # subject with a quantifier after "admitted"
        (
            "Police declined, but the Lakeland Courier identified them as Tom Vale and Ana Kova.",
            ["Lakeland Courier"],
        ),
        ("Crews attended the scene, a report from Radio Lakeland revealed.", ["Radio Lakeland"]),
        ("Ana Kova has admitted several of her surgeries were botched.", ["Ana Kova"]),
        ("Detectives said the two women were found with leg wounds.", []),  # a trade group
        ("Acme Corp identified the problem as a bug.", []),  # a diagnosis, not people named
        ("Ana Kova admitted several of the charges.", []),  # a deed
    ],
)
def test_shapes_of_the_second_fresh_round(text: str, who: list[str]) -> None:
    assert names(text) == who


@pytest.mark.parametrize(
    ("text", "who"),
    [
        # round 20 (post-hoc): an adverb of habit, a label given by an agent, a body's
        # customer-service representative
        ("Tom Vale always said he advised against the plan.", ["Tom Vale"]),
        ("The fire has been labeled “suspicious” by Tom Vale, the fire chief.", ["Tom Vale"]),
        (
            "“We see problems,” a Lakeland Telecom customer service representative told us.",
            ["Lakeland Telecom"],
        ),
        ("Tom Vale never told detectives that the car was backing up.", []),  # no claim
    ],
)
def test_shapes_of_the_third_fresh_round(text: str, who: list[str]) -> None:
    assert names(text) == who


def test_the_company_is_the_firm_that_opened_a_sentence_before() -> None:
    found = _voices(
        "Acme has pushed out a stopgap patch for the bug.",
        "The software giant said the patch should block attacks.",
        "The company said every version is affected.",
    )
    assert found == {"Acme": [1, 2]}


def test_the_company_is_not_a_person_or_a_surname_given_before() -> None:
    found = _voices(
        "Pierre Vale was moved to the reserve list.",
        "Vale struggled through a season of injuries.",
        "The company said the season was over.",
    )
    assert found == {}


def test_a_name_after_a_quote_with_a_role_of_two_parts() -> None:
    # round 21 (post-hoc)
    text = "“The boats left,” Captain Tom Vale, Chief Media Liaison Officer, Coast Guard, said."
    assert names(text) == ["Tom Vale"]
    # not a name told of inside the quote's clause
    assert names("“He was Tom Vale, the mayor, and left,” Ana Kova said.") == ["Ana Kova"]
