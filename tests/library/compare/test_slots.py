"""One named person's number told two ways in sentences no pair joins (`slots.py`)."""

from __future__ import annotations

from library.compare import compare_texts
from library.compare.engine import Candidates
from library.compare.idf import IdfTable
from library.compare.model import Comparison, Pair
from library.compare.slots import slot_pairs
from library.compare.units import terms

_CLIMB_A = (
    "Rescuers reached the Halden glacier on Sunday after a storm cleared.\n"
    "Ines Marlow, 31, fell about 300 meters from the east face of Mount Kessel.\n"
    "Park rangers closed the northern trail for the rest of the week."
)
_CLIMB_B = (
    "The rangers of Kessel park shut the northern trail until next week.\n"
    "The 32-year-old Ines Marlow had climbed on Mount Kessel for a decade, friends said.\n"
    "A helicopter lifted the rescuers to the Halden glacier on Sunday."
)


def _slot(c: Comparison) -> list[Pair]:
    return [p for p in c.pairs if p.via == "slot"]


def test_one_persons_age_told_two_ways_in_unpaired_sentences_is_a_conflict() -> None:
    c = compare_texts(_CLIMB_A, _CLIMB_B)
    (pair,) = _slot(c)
    assert (pair.a, pair.b, pair.relation) == ((1,), (1,), "divergent")
    (k,) = pair.conflicts
    assert (k.kind, k.a, k.b, k.severity) == ("number", "31", "32", "high")
    assert k.explanation == "A: Ines Marlow, 31 · B: Ines Marlow, 32"


def test_another_persons_age_is_not_a_conflict() -> None:
    b = _CLIMB_B.replace("The 32-year-old Ines Marlow", "The 32-year-old Tomas Varga")
    assert _slot(compare_texts(_CLIMB_A, b)) == []


def test_an_age_the_article_also_gives_the_other_way_is_known() -> None:
    a = _CLIMB_A + "\nFriends said Ines Marlow, 32 this spring, knew the face well."
    assert _slot(compare_texts(a, _CLIMB_B)) == []


_GAME_A = (
    "The Herons beat the Otters 71-60 on Saturday in Port Alda.\n"
    "Oren Vale led the Herons with 13 points, while Tavi Brook added 12.\n"
    "The Herons play the Finches in the final on Monday."
)
_GAME_B = (
    "Port Alda's Herons face the Finches in Monday's final.\n"
    "Tavi Brook scored 14 points and Oren Vale scored 13 for the Herons.\n"
    "The Otters lost 71-60 after a cold second half."
)


def test_a_players_points_one_side_elides_the_noun() -> None:
    (pair,) = _slot(compare_texts(_GAME_A, _GAME_B))
    assert (pair.a, pair.b) == ((1,), (1,))
    (k,) = pair.conflicts
    assert (k.a, k.b) == ("12", "14")
    assert k.explanation == "A: Tavi Brook: 12 · B: Tavi Brook: 14 points"


def test_another_thing_counted_for_the_same_player_is_not_a_conflict() -> None:
    b = _GAME_B.replace("Tavi Brook scored 14 points and", "Tavi Brook grabbed 14 rebounds and")
    a = _GAME_A.replace("added 12.", "added 12 points.")
    assert _slot(compare_texts(a, b)) == []


def test_another_player_with_the_same_count_noun_is_not_a_conflict() -> None:
    b = _GAME_B.replace("Tavi Brook scored 14 points", "Rui Tamsin scored 14 points")
    assert _slot(compare_texts(_GAME_A, b)) == []


def test_points_over_a_stretch_of_the_game_are_not_the_games_total() -> None:
    a = _GAME_A.replace("while Tavi Brook added 12.", "while Tavi Brook had 12 during a 15-2 run.")
    b = _GAME_B
    assert _slot(compare_texts(a, b)) == []


def _scan(a: str | list[str], b: str | list[str]) -> list[Pair]:
    """The slot scan alone on two articles (one sentence each, or lists), nothing paired."""
    sents_a, sents_b = [a] if isinstance(a, str) else a, [b] if isinstance(b, str) else b
    cands = Candidates.of_sentences(sents_a, sents_b)
    terms_a, terms_b = [terms(t) for t in sents_a], [terms(t) for t in sents_b]
    idf = IdfTable.from_term_lists([*terms_a, *terms_b])
    return slot_pairs(cands, [], terms_a, terms_b, idf)


def test_a_players_points_in_two_games_with_two_scores_are_not_a_conflict() -> None:
    a = "Tavi Brook had 24 points as the Herons beat the Otters 108-70 in Port Alda."
    b = "Tavi Brook scored 20 points as the Herons won 91-73 against the Finches."
    assert _scan(a, b) == []
    # The same score on both sides: one game, two counts of one player's points.
    b_same = "Tavi Brook scored 20 points as the Herons won 108-70 against the Otters."
    assert len(_scan(a, b_same)) == 1


def test_an_age_in_two_sentences_with_nothing_else_in_common_is_not_a_conflict() -> None:
    a = "Police were still searching for Kai Dorn, 27, late on Monday."
    b = "Kai Dorn, 29, was found guilty by a jury in Velm last month."
    assert _scan(a, b) == []
    assert len(_scan(a, "Police were still searching for Kai Dorn, 28, in Velm.")) == 1


def test_a_record_held_by_another_player_is_his_number() -> None:
    a = "Oren Vale broke Tavi Brook's record of 4,051 yards at Port Alda on Sunday."
    b = "Oren Vale set a record with 4,183 yards in Port Alda, friends of Tavi Brook said."
    assert _scan(a, b) == []


def test_a_unit_alone_after_different_words_is_not_one_slot() -> None:
    a = "Shares of Velm Mining were off 2 cents at $6.78 near midday in Port Alda."
    b = "Shares of Velm Mining closed down 4 cents at $6.76 in Port Alda on Thursday."
    assert _scan(a, b) == []


def test_a_sum_of_money_is_left_to_the_other_paths() -> None:
    # A film's gross grows and a club makes many offers: no one-value slot.
    a = "Velm Studios earned $459 million from the film in Port Alda."
    b = "Velm Studios earned $368 million from the film across Port Alda."
    assert _scan(a, b) == []


def test_a_measure_against_a_count_of_the_same_word_is_not_one_slot() -> None:
    a = "Tavi Brook ran for 226 yards rushing against the Otters in Port Alda."
    b = "Tavi Brook watched two players rush as the Otters fell in Port Alda."
    assert _scan(a, b) == []


def test_a_surname_opening_a_sentence_is_its_subject_not_the_next_name() -> None:
    # "Brook" opens the sentence: the 14 points are Brook's, not Oren Vale's.
    a = [
        "Tavi Brook came off the bench.",
        "Brook backed Oren Vale by scoring 14 points in Port Alda.",
    ]
    b = ["Oren Vale had 11 points in Port Alda and Tavi Brook had 14."]
    assert _scan(a, b) == []


def test_games_missed_against_games_played_are_two_slots() -> None:
    a = "Tavi Brook missed four games after knee surgery in Port Alda."
    b = "Tavi Brook played in 10 games before knee surgery in Port Alda."
    assert _scan(a, b) == []


def test_a_part_told_against_its_whole_is_not_a_conflict() -> None:
    a = "Kai Dorn cleared two of the five hurdles on the Velm track."
    b = "Kai Dorn cleared five hurdles on the Velm track, coaches said."
    assert _scan(a, b) == []


def test_ages_two_years_apart_are_told_at_two_times() -> None:
    a = "Police in Velm were searching for Kai Dorn, 27, after the shooting."
    b = "Kai Dorn, 29, was convicted of the shooting in Velm."
    assert _scan(a, b) == []
    assert len(_scan(a, b.replace("29", "28"))) == 1
