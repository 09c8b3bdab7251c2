"""Reporting verbs by rule (lenses/reporting.py), on texts of our own.

Each fresh set of hand-checked news brought a verb or an order no list had
("has now confirmed", "was reported as saying", "siad"); the lexicon is now
made of lemmas and their inflections, in both orders (benchmarks/RESULTS-lenses.md).
"""

from __future__ import annotations

import pytest

from library.compare.lenses.reporting import forms, inflect, is_reporting
from library.compare.lenses.voices import sources
from tests.library.compare.lenses.voices_support import speaker_names as names


def test_inflections_are_made_by_rule() -> None:
    assert inflect("deny") == ("denies", "denied")
    assert inflect("stress") == ("stresses", "stressed")
    assert inflect("concede") == ("concedes", "conceded")
    assert inflect("admit") == ("admits", "admitted")
    assert inflect("say") == ("says", "said")
    assert forms(("tell",)) == ["tells", "told"]
    assert is_reporting("Conceded") and not is_reporting("walked")


@pytest.mark.parametrize("verb", ["stressed", "conceded", "predicts", "recalled"])
def test_any_form_of_a_reporting_verb_names_its_subject(verb: str) -> None:
    assert names(f"Jane Moreau {verb} that the bridge was unsafe.") == ["Jane Moreau"]


def test_an_adverb_between_speaker_and_verb() -> None:
    assert names("Harbour Weekly has now confirmed that the ferry will stop.") == ["Harbour Weekly"]
    assert names("The Ostrava Union reportedly said the offer was too low.") == ["Ostrava Union"]


def test_a_passive_quote_and_a_slip_of_the_keyboard() -> None:
    assert names("Piet Vermeer was reported as saying about the mayor:") == ["Piet Vermeer"]
    assert names("Vermeer is quoted as saying the mayor lied.") == ["Vermeer"]
    assert names('Her agent Ruth Adeyemi siad: "We are very sad."') == ["Ruth Adeyemi"]


def test_verbs_that_need_that_or_a_colon() -> None:
    assert names("Northwind Ltd revealed that its chief had resigned.") == ["Northwind Ltd"]
    assert names("Northwind Ltd revealed a new ferry on Monday.") == []


def test_an_inverted_verb_after_a_quote_but_not_the_one_told() -> None:
    assert names("“We will rebuild,” explained Omar Haddad.") == ["Omar Haddad"]
    found = names("“They are not afraid,” Lea Brun, the shop's owner, told Radio Nord.")
    assert found == ["Lea Brun"]


@pytest.mark.parametrize("verb", ["admitted", "denied", "acknowledged", "revealed"])
def test_a_deed_verb_needs_that(verb: str) -> None:
    assert names(f"Jane Moreau {verb} that the bridge was unsafe.") == ["Jane Moreau"]
    assert names(f"Later Jane Moreau {verb} the ruse in court.") == []


def test_a_role_set_off_by_a_comma_before_the_name() -> None:
    text = "The singer has entered a clinic, according to her publicist, Ivo Marsh."
    assert sources(text) == [("Ivo Marsh", "publicist")]
    assert sources("“We are sad,” said the band's manager, Ed Cole.") == [
        ("Ed Cole", "band's manager")
    ]


def test_a_role_after_an_article_and_no_verb_in_a_role() -> None:
    found = sources("“Thanks,” the 40-year-old singer's rep Ivo Marsh told the magazine.")
    assert found == [("Ivo Marsh", "40-year-old singer's rep")]
    found = sources("During the hearing, the police source said Mr Novak indicated he hid.")
    assert all("said" not in role for _name, role in found)


def test_announced_at_the_clause_end_and_added_to_a_list() -> None:
    assert names("The road is shut, the Ministry of Transport announced.") == [
        "Ministry of Transport"
    ]
    assert names("The U. K. Coastguards have added to their register a boat that vanished.") == []


def test_a_party_and_state_in_brackets_after_the_name() -> None:
    assert sources("Sen. Dana Price (D-Ore.) said the mill would close.") == [
        ("Dana Price", "Sen.")
    ]


def test_the_cue_words_hold_every_verb_the_patterns_start_with() -> None:
    from library.compare.lenses import attribution

    cues = attribution._CUES
    assert {"said", "told", "says", "according", "citing", "reporting", "quoted"} <= cues
    assert {"conceded", "siad", "pointed", "put", "puts", "called"} <= cues
    assert not {"the", "and", "is", "was"} & cues  # a cue every sentence has is no filter
    assert names("The Valley Herald is reporting that the mill shut.") == ["Valley Herald"]
