"""The fifth speakers round: shapes the fresh rounds 12-21 still missed (a lone
surname opening the sentence, a statement whose words follow, "announced the
identities of", "in the words of", "cited … to back up his claim that", "who has
promised to", a quote opening between "and" and "told"), each with a look-alike that
must stay silent.  Texts of our own (benchmarks/RESULTS-lenses.md, "Speakers, fifth
round")."""

from __future__ import annotations

import pytest

from tests.library.compare.lenses.voices_support import speaker_names as names
from tests.library.compare.lenses.voices_support import voices_of as _voices


@pytest.mark.parametrize(
    ("text", "who"),
    [
        ("Hale Police announced the identities of the two victims on Monday.", ["Hale Police"]),
        ("Acme Corp announced its intention to buy Widget Inc for $5 billion.", ["Acme Corp"]),
        ("Acme Corp announced plans to open a plant in Ohio.", ["Acme Corp"]),
        ("The Sox will, in the words of owner Tom Vale, not be factors.", ["Tom Vale"]),
        ("The first vote under President Tom Vale, who has promised to end it.", ["Tom Vale"]),
        ('Mayor Ana Kova stopped by and "told a teacher that she was sorry".', ["Ana Kova"]),
        ("President Tom Vale announced his intent to nominate a judge.", ["Tom Vale"]),
        # a role set off by dashes; an age before an inverted speaker; a passive's agent
        (
            "Jon Wright - head of sales at Acme, which runs it - told the BBC it was bad.",
            ["Jon Wright"],
        ),
        ('"It is done," said 19 - year - old Tom Vale, one of her nephews.', ["Tom Vale"]),
        ('"It is done," said 19-year-old Tom Vale.', ["Tom Vale"]),
        ("The deal, which was first reported by the Daily Planet, closed.", ["Daily Planet"]),
    ],
)
def test_the_new_shapes_name_their_speaker(text: str, who: list[str]) -> None:
    assert [n for n in names(text) if n] == who


@pytest.mark.parametrize(
    "text",
    [
        "Acme Corp announced his retirement on Monday.",  # a deed
        "Acme Corp announced the restoration of the old rules.",  # a decision, no claim
        "Acme Corp announced the names in a list.",  # no "of" / "to": not what was told
        "He wrote a book in the words of his time.",  # no name after "of"
        "The vote, which has promised little, ended on Friday.",  # no name before "who"
        "Mayor Ana Kova stopped by the school and read a story to the class.",
        "The changes announced by Trade Secretary Tom Vale allow mining.",  # a deed
        "The match - the first since June - said little about form.",  # no name
        "No details were reported by Authorities on Monday.",  # an unnamed group
        '"It is done," said 19 - year - old boys in the crowd.',
    ],
)
def test_their_look_alikes_stay_silent(text: str) -> None:
    assert names(text) == []


def test_a_lone_surname_opening_the_sentence_is_the_person_named_before() -> None:
    found = _voices(
        "Governor Ana Kova visited the site on Friday.",
        "Kova released a statement after the flood and offered her apologies to the vicar.",
    )
    assert found == {"Ana Kova": [1]}


def test_a_lone_word_never_named_as_a_person_stays_silent() -> None:
    # "Proposals" is no surname the article gave
    found = _voices(
        "The council met on Friday.",
        "Proposals circulated for weeks and warned of cuts.",
    )
    assert found == {}


def test_a_statement_whose_words_follow_is_its_issuers() -> None:
    found = _voices(
        "Tom Vale was charged on Monday.",
        "Vale released a statement through his lawyer late on Monday.",
        "“I am innocent and I will prove it,” the statement read.",
    )
    assert found == {"Tom Vale": [1, 2]}


@pytest.mark.parametrize(
    "after",
    [
        "The team plays again on Sunday.",  # no quoted words follow
        "It was his first comment on the case.",
    ],
)
def test_a_statement_with_no_words_after_it_is_no_claim(after: str) -> None:
    found = _voices("Acme Corp released a statement on Friday.", after)
    assert found == {}


def test_a_pronoun_that_issued_a_statement_is_no_name() -> None:
    assert _voices("They released a statement on Friday.", "“We are sad.”") == {}


def test_a_claim_backed_by_what_he_cited_is_his() -> None:
    found = _voices(
        "Tom Vale was an aide to the governor.",
        "He cited his close ties to the governor to back up his claim that she knew nothing.",
    )
    assert found == {"Tom Vale": [1]}


def test_citing_a_source_for_a_figure_is_no_claim_of_his() -> None:
    found = _voices("Tom Vale was an aide.", "He cited the figures in his book.")
    assert found == {}


def test_a_person_described_is_the_one_named_with_the_quote_after() -> None:
    found = _voices(
        "Reporters spoke to one woman who says she rang the police after the crash.",
        "“I saw a person lying down.",
        "It was a mom,” said Tom Vale, a witness.",
    )
    assert found == {"Tom Vale": [0, 2]}


def test_a_person_described_is_not_the_next_one_named_with_no_quote_between() -> None:
    found = _voices(
        "A witness said the car was red.",
        "Police chief Tom Vale said the car was blue.",
    )
    assert found == {"Tom Vale": [1]}


@pytest.mark.parametrize(
    "text",
    [
        "Tom Vale complained that the relief was slow.",
        "Tom Vale reckons the bridge will open in May.",
        '"Who else could it be?" Tom Vale mused in an interview.',
        "Tom Vale demanded an inquiry into the fire.",
        "Tom Vale retorted that the figures were wrong.",
    ],
)
def test_the_broader_lexicon_names_its_speaker(text: str) -> None:
    assert names(text) == ["Tom Vale"]


@pytest.mark.parametrize(
    "text",
    [
        "But residents in the village of Torvik complained that help was slow.",
        "Groups representing Uzbeks complained that no name was on the ballot.",
        "Tom Vale became the target of Brandt's jokes all evening.",  # a noun, no verb
        "DO Keep jokes tight and snappy.",
    ],
)
def test_the_broader_lexicon_leaves_groups_and_nouns_silent(text: str) -> None:
    assert names(text) == []


@pytest.mark.parametrize(
    ("text", "who"),
    [
        (
            "Coach Tom Vale announced it himself, revealing through the team's account that "
            "Ana Kova was hurt.",
            ["Tom Vale"],
        ),
        ("Tom Vale spoke on Monday, confirming that he would run.", ["Tom Vale"]),
        ("Tom Vale spoke on Monday, revealing a new logo that glowed.", []),  # a deed
    ],
)
def test_a_participle_of_saying_with_its_that(text: str, who: list[str]) -> None:
    assert names(text) == who


@pytest.mark.parametrize(
    ("text", "who"),
    [
        ("Judge Tom Vale agreed in the hearing that the actress should stay.", ["Tom Vale"]),
        ("Tom Vale admitted in court that he lied to protect his brother.", ["Tom Vale"]),
        ("Tom Vale revealed in his memoir that he had lied.", ["Tom Vale"]),
        ("Tom Vale admitted the book that he wrote was late.", []),  # an object's "that"
    ],
)
def test_a_that_verb_reaches_its_that_past_where_it_was_told(text: str, who: list[str]) -> None:
    assert names(text) == who


@pytest.mark.parametrize(
    ("text", "who"),
    [
        ("Per THR, the talks between the two parties are delicate.", ["THR"]),
        ("According to information from NORDLINK the blackout was due to a fault.", ["NORDLINK"]),
        (
            "Sales fell 17%, according to figures from Harbour Market Research.",
            ["Harbour Market Research"],
        ),
        ("Prices rose 5 per cent on Monday.", []),
        ("Per Capita Income, a blog, is run by one man.", []),
        ("According to information on the website the shop is closed.", []),
    ],
)
def test_per_and_information_from_name_their_source(text: str, who: list[str]) -> None:
    assert names(text) == who


@pytest.mark.parametrize(
    ("text", "who"),
    [
        # a degree after the name is no role; a title's full stop ends no clause
        ("Ana Kova, MD, the guild's chairwoman, said Dr. Vale has seen much.", ["Ana Kova"]),
        ("President Tom Vale, MD, said Dr. Kova has an impressive record.", ["Tom Vale"]),
        ("Tom Vale, PhD, said the data were wrong.", ["Tom Vale"]),
        # the role's closing comma left out after a quote
        ('"It took four years," Tom Vale, an assistant state attorney said Tuesday.', ["Tom Vale"]),
        ("Ana Kova asked Vale, who in turn said she had heard the shot.", ["Vale"]),
        ('"It is late," in Springfield, a town near the lake said nothing.', []),
    ],
)
def test_degrees_titles_and_a_role_left_open(text: str, who: list[str]) -> None:
    assert names(text) == who


@pytest.mark.parametrize(
    "text",
    [
        # a capitalised first word that names no one
        "Initial estimates indicate that the repair will take twelve days.",
        "Various reports suggest that the family lost the fortune.",
        "Unions say low-income workers will suffer.",
        "Associates described his loyalty.",
        "Enough said.",
        "They've argued that the rules cause delays.",
        # a team's run, not words
        "Rice countered with an 11 - 4 burst and missed a late layup.",
        # a possessive subject: the name was raised, not saying
        "While Vale's name was raised, he deflected it, usually by saying that he would not.",
    ],
)
def test_words_that_name_no_one_stay_silent(text: str) -> None:
    assert names(text) == []


@pytest.mark.parametrize(
    ("text", "who"),
    [
        ("Reuters reports the deal is done.", ["Reuters"]),  # a lone first word can speak
        ('"No," Tom Vale countered.', ["Tom Vale"]),
        ("It was then that agent Tom Vale countered by asking for more.", ["Tom Vale"]),
        # the name after an adjective's role, not the adjective
        ('Greek prime minister Tom Vale condemned it, saying: "It is murder."', ["Tom Vale"]),
        ("Beat writer Tom Vale puts this in one line, saying Kova could sit out.", ["Tom Vale"]),
        # a call sign written with a spaced hyphen is one name
        ("Accounts differed, though KXLT - TV claims it was six months.", ["KXLT-TV"]),
    ],
)
def test_their_look_alikes_still_speak(text: str, who: list[str]) -> None:
    assert names(text) == who


def test_a_person_described_is_the_one_whose_role_has_the_noun_just_after() -> None:
    found = _voices(
        "A spokesman for the city said the road would reopen.",
        "Tom Vale, the city spokesman, said work was done.",
    )
    assert found == {"Tom Vale": [0, 1]}


def test_a_person_described_is_not_one_of_another_role_just_after() -> None:
    found = _voices(
        "A police source said the policy forbids it.",
        "Tom Vale, the city spokesman, said work was done.",
    )
    assert found == {"Tom Vale": [1]}
