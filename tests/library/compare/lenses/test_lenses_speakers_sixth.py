"""The sixth speakers round: general newswriting shapes (a short form of a body named in
full, a press line "Name, Title says:", a list of places after "Residents of", "which
it said", a body's release or update, "announced today" closing a cut sentence), each
with a look-alike that must stay silent.  Texts of our own (benchmarks/RESULTS-lenses.md,
"Speakers, sixth round")."""

from __future__ import annotations

import pytest

from library.compare.lenses.short_forms import initials
from tests.library.compare.lenses.voices_support import speaker_names as names
from tests.library.compare.lenses.voices_support import voices_of


@pytest.mark.parametrize(
    ("name", "short"),
    [
        ("U.K. Hydrographic Office", "UKHO"),  # initials counted letter by letter
        ("World Health Organization", "WHO"),
        ("Electronic Data Systems Corp.", "EDS"),  # a firm's suffix left out
        ("The Hollywood Reporter", "THR"),
    ],
)
def test_a_name_goes_by_its_initials(name: str, short: str) -> None:
    assert short in initials(name)


def test_a_short_form_is_the_body_named_in_full() -> None:
    found = voices_of(
        "A wave hit the coast, the U.K. Hydrographic Office said.", "Later UKHO said it was 4 m."
    )
    assert found == {"U.K. Hydrographic Office": [0, 1]}
    found = voices_of("The World Health Organization said it was ready.", "The WHO said so.")
    assert found == {"World Health Organization": [0, 1]}
    found = voices_of("Electronic Data Systems Corp. said it was pleased.", "EDS said so too.")
    assert list(found.values()) == [[0, 1]]


def test_a_short_form_of_another_name_stays_apart() -> None:
    found = voices_of("The U.K. Hydrographic Office said it was high.", "NASA said so too.")
    assert found == {"U.K. Hydrographic Office": [0], "NASA": [1]}
    # "the US said": two capitals are a word too ("US", "IT"), no acronym read
    assert voices_of("The US said it was ready.") == {}


@pytest.mark.parametrize(
    ("text", "who"),
    [
        ('Nora Vance, Controller ITV Drama says: "It is a great show."', ["Nora Vance"]),
        ("Jane Doe, Head of Drama, said the show would return.", ["Jane Doe"]),
        # look-alikes: an opening phrase, not a person; a person after the title
        ("In Austria, Chancellor Eva Brunner urged parliament to pass it.", ["Eva Brunner"]),
        ("Jane Doe, Director Tom Vale says the show is good.", ["Tom Vale"]),
    ],
)
def test_a_press_line_names_the_person_not_the_title(text: str, who: list[str]) -> None:
    assert list(voices_of(text)) == who


def test_a_list_of_places_after_residents_is_no_voice() -> None:
    said = "Residents of Takengon, Bener Meriah and Pidie told reporters the quake was strong."
    assert voices_of(said) == {}
    assert voices_of("Residents of Pidie told reporters it was strong.") == {}
    # look-alike: a named person after the residents still speaks
    assert list(voices_of("Residents fled, and Mayor Tom Vale told reporters it was bad.")) == [
        "Tom Vale"
    ]


@pytest.mark.parametrize(
    ("text", "who"),
    [
        ("Nordlink had faults on Sunday, which it said was due to a cable break.", ["Nordlink"]),
        ("According to an NYPD release, the man was hit by a car.", ["NYPD"]),
        ("According to an NETW update, the bandwidth was restored.", ["NETW"]),
        ("Links were back on spare routes, Nordlink announced today", ["Nordlink"]),
        ("Acme has issued a statement on the present fault in the network:", ["Acme"]),
    ],
)
def test_the_new_shapes_name_their_speaker(text: str, who: list[str]) -> None:
    assert [n for n in names(text) if n] == who


@pytest.mark.parametrize(
    "text",
    [
        "Tom Vale bought the car on Friday, which it said was red.",  # a person is no "it"
        "According to a police release, the man was hit by a car.",  # no name
        "Acme issued a statement after the flood and left.",  # no words told
    ],
)
def test_their_lookalikes_name_no_one(text: str) -> None:
    assert [n for n in names(text) if n] == []


def test_a_post_is_no_release() -> None:
    # "according to the Denver post": the paper, its name in lower case ("post" is no
    # body's release: the release nouns leave it out)
    text = "There was blood, said Jane Roe, who was shot nearby according to the Denver post."
    assert names(text) == ["Jane Roe"]


def test_an_update_whose_words_follow_names_its_issuer() -> None:
    found = voices_of("NETW has issued an update about the outage.", '"More capacity came online."')
    assert found == {"NETW": [0]}
    assert voices_of("NETW has issued an update about the outage.", "It rained.") == {}


def test_a_name_with_no_capital_first_has_no_initials() -> None:
    # "eWEEK" gives no acronym: an empty one would have matched every short form
    assert initials("eWEEK") == set()
    found = voices_of("eWEEK reported the deal.", "HP said it would buy the firm.")
    assert found == {"eWEEK": [0], "HP": [1]}


def test_a_script_in_capitals_is_read_in_sentence_case() -> None:
    from library.compare.lenses import caps

    known = caps.vocabulary(["The county sheriff said the charges were filed in the case."])
    text = "COUNTY SHERIFF MAREN BRENNICK SAID THE CHARGES WERE FILED BY FEMA IN OHIO."
    folded = caps.fold(text, known)
    assert folded == "County sheriff Maren Brennick said the charges were filed by FEMA in OHIO."
    assert len(folded) == len(text)  # offsets hold
    found = voices_of(
        "The charges were filed in the case on Monday.",
        "COUNTY SHERIFF MAREN BRENNICK SAID THE CHARGES WERE FILED.",
        "HE SAID IT WAS A COMPLEX CASE.",
    )
    assert found == {"Maren Brennick": [1, 2]}


def test_a_sentence_with_capitals_only_in_names_is_not_folded() -> None:
    from library.compare.lenses import caps

    assert not caps.in_capitals("NASA and the USGS said on Monday it would go.")
    assert caps.in_capitals("NASA SAID ON MONDAY IT WOULD GO.")
    assert list(voices_of("NASA said on Monday it would go.")) == ["NASA"]


def test_a_relative_described_is_the_one_whose_quote_follows() -> None:
    nephew = "The victim's nephew told police she had just left the shop."
    found = voices_of(nephew, '"It came out of nowhere," said Tom Vale.')
    assert found == {"Tom Vale": [0, 1]}
    # look-alike: no quote opens next, and the name comes later: not the nephew
    assert voices_of(nephew, "Police came.", "Tom Vale said it was over.") == {"Tom Vale": [2]}
