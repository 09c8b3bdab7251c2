"""Divergent only where a careful reader agrees, on the fresh CHECK2 pool: each
look-alike of its false proposals is demoted or not read as a conflict at all,
while the clear conflict next to it still makes its pair divergent.

Sentences are made up (no eval text), shaped like the proposals judged in
`benchmarks/divergence_set/pool.jsonl` (`half: check2`).
"""

from __future__ import annotations

from library.compare import compare_texts
from library.compare.detectors import numbers
from library.compare.detectors.negation import negated
from library.compare.engine import Candidates
from library.compare.model import Comparison
from library.compare.one_slot import not_one_slot
from library.compare.quantities import quantities


def _relations(c: Comparison) -> list[str]:
    return [p.relation for p in c.pairs]


# --- "60m" is a length unless money or a counted plural says millions -----------


def test_a_glued_m_is_metres_without_money() -> None:
    assert [q.value for q in quantities("He fell about 60m from a ridge.")] == [60.0]
    assert [q.value for q in quantities("She slipped and fell 200m down a gully.")] == [200.0]
    assert [q.value for q in quantities("Thieves took £88m worth of gems.")] == [88e6]
    assert [q.value for q in quantities("A $2.6m theft.")] == [2.6e6]
    assert [q.value for q in quantities("A city of 2m people.")] == [2e6]
    assert [q.value for q in quantities("They paid 2m euros.")] == [2e6]


def test_one_fall_in_metres_written_two_ways_is_no_conflict() -> None:
    a = "On Monday, a 44-year-old hiker was hurt tumbling 60m down a scree slope."
    b = "On Monday, a 44-year-old hiker was hurt tumbling 60 metres down a scree slope."
    assert "divergent" not in _relations(compare_texts(a, b))
    c = "On Monday, a 44-year-old hiker was hurt tumbling 200 feet down a scree slope."
    assert "divergent" not in _relations(compare_texts(a, c))


def test_a_fall_told_with_another_length_still_diverges() -> None:
    a = "On Monday, a 44-year-old hiker was hurt tumbling about 60m down a scree slope."
    b = "On Monday, a 44-year-old hiker was hurt tumbling about 150m down a scree slope."
    assert _relations(compare_texts(a, b)) == ["divergent"]


# --- a negation copied with its apostrophe split or dropped -------------------


def test_a_split_or_dropped_apostrophe_still_negates() -> None:
    assert negated("Moreno didn ’ t answer an email asking for comment.") == {
        "answer": "didn ’ t answer"
    }
    assert "vouch" in negated("I cant vouch for the second report.")
    assert negated("It was his wont to speak.") == {}


def test_one_quote_with_and_without_its_apostrophe_is_the_same() -> None:
    a = '"I can\'t vouch for the second report, but it looks like a simple mistake," she said.'
    b = '"I cant vouch for the second report, but it looks like a simple mistake," she said.'
    assert _relations(compare_texts(a, b)) == ["same"]


def test_a_quote_negated_on_one_side_still_diverges() -> None:
    a = "Moreno did not answer an email asking for further comment on Monday."
    b = "Moreno answered an email asking for further comment on Monday."
    assert _relations(compare_texts(a, b)) == ["divergent"]


# --- across sentences: whose number, which occasion (`crossing.not_one_slot`) --


def _divergent(a: str, b: str) -> list[list[tuple[str, str]]]:
    return [
        [(k.a, k.b) for k in p.conflicts if k.material]
        for p in compare_texts(a, b).pairs
        if p.relation == "divergent"
    ]


def _notes(a: str, b: str) -> list[str]:
    return [k.explanation for p in compare_texts(a, b).pairs for k in p.conflicts]


# The indictment of the brief: one owner, one thing counted, told in two sentences.
_INDICTED_A = (
    "Prosecutors in Dorvale unsealed a 48-page indictment against Mayor Ellen Quist "
    "on Tuesday, accusing her of steering road contracts to friends.\n"
    "The mayor's lawyer called the case political."
)
_INDICTED_B = (
    "Quist, who has led the city since 2015, pleaded not guilty to every count in "
    "the 47-page indictment.\n"
    "Her lawyer said the case was political."
)


def test_one_owner_one_thing_counted_still_diverges_across_sentences() -> None:
    assert _divergent(_INDICTED_A, _INDICTED_B) == [[("48", "47")]]


def test_a_toll_of_one_attack_told_in_two_sentences_still_diverges() -> None:
    a = (
        "Gunmen attacked the Karsa market on Friday.\n"
        "The Karsa market attack killed 12 people, Governor Lio Ansa said.\n"
        "Shops stayed shut."
    )
    b = (
        "Shops stayed shut on Saturday.\n"
        "Governor Lio Ansa, visiting the wounded, said the attack on the Karsa market "
        "killed 15 people and left dozens hurt."
    )
    assert _divergent(a, b) == [[("12", "15")]]


def _why(a: str, b: str, *, named: bool = True) -> list[str]:
    """Why each number pair of two sentences is not one slot ("" when it is)."""
    cands = Candidates.of_sentences([a], [b])
    pa, pb = cands.passages((0,), (0,))
    met = list(numbers.conflicting(pa, pb))
    assert met, "the two sentences state no differing numbers"
    return [not_one_slot(x, y, pa.text, pb.text, cands, named=named) for x, y in met]


def test_another_owners_number_in_a_sentence_sharing_a_name_is_a_note() -> None:
    # Shaped like a pool pair: one player's yards / a count of players who each passed
    # a mark, both sentences naming one club further on.
    a = "Rookie Sam Pike ran for 205 yards Sunday as the Comets beat the Bisons."
    b = "On a day when nine AFL running backs ran for 300 yards, the Bisons kept passing."
    assert _why(a, b) == ["whose? A: Rookie Sam Pike, Comets, Bisons · B: AFL"]
    # One owner in both: the clause's names meet.
    c = "The Bisons' coach said Sam Pike ran for 300 yards against them."
    assert _why(a, c) == [""]


def test_an_owner_is_read_from_the_clause_or_the_nearest_one_before() -> None:
    # "Marrow Island, home to 85,000 people": the appositive's head owns the number.
    a = "Boats carried the injured to Port Selwyn, a city of 400,000 people."
    b = "The quake was centred near Marrow Island, home to 85,000 people, the survey said."
    assert _why(a, b) == ["whose? A: Port Selwyn · B: Marrow Island"]
    c = "The quake struck Marrow island, home to 60,000 people, and the port."
    assert _why(c, b) == [""]


def test_a_count_with_no_name_in_common_is_a_note() -> None:
    # Met through the counted noun only ("seven AK-47s" / "12 AK-47s" was real
    # twice in the pool, "four seasons" / "19 seasons" of two posts was not):
    # without a name, a reader cannot tell one set from two.
    a = "The navy seized seven rifles from the boats."
    b = "Officers later recovered 12 rifles and two rafts."
    assert _why(a, b, named=False) == [
        "in two different sentences with no name in common: maybe two sets"
    ]


def test_two_ordinals_across_sentences_name_two_rounds() -> None:
    a = "Brandt floored Okafor in the sixth round with a right hand."
    b = "Okafor looked stronger in the fourth round, landing body shots on Brandt."
    assert _why(a, b)[0].startswith("in two different sentences: an ordinal")


def test_two_scores_of_one_game_are_two_moments() -> None:
    a = "The Otters led Dunmore by a 41-30 margin at the break."
    b = "Okafor missed a layup with the Otters leading Dunmore 22-19."
    assert all(w.startswith("in two different sentences: a score") for w in _why(a, b))


def test_another_says_it_is_a_different_one() -> None:
    a = "Tom Ridley broke an 81-yard touchdown run in the third."
    b = "Fans feared Tom Ridley would break another 90-yard touchdown run."
    assert _why(a, b) == ["'another': told as a different one"]


def test_two_occasions_dated_differently_are_not_one_theft() -> None:
    a = "In March, a gang took £41m worth of watches at the Belvoir in Nice."
    b = "In October, burglars took £530,000 worth of watches from Halden in Nice."
    assert _why(a, b) == ["in two sentences dated differently: two occasions"]


def test_an_age_is_not_a_count_of_anything_else() -> None:
    a = "Brandt twice pushed Ferris to the canvas in the second."
    b = "Brandt beat 38-year-old Ferris in Graz on Saturday."
    # An age is no longer even read as the same slot as a count (`number_slot._age`).
    assert list(numbers.conflicting(*Candidates.of_sentences([a], [b]).passages((0,), (0,)))) == []
    # A bare number after a name is an age too ("Daniel Marsh, 41, fell").
    c = "Daniel Marsh, 41, fell while hiking to the cabin."
    d = "A 40-year-old Daniel Marsh slipped near the cabin, police said."
    assert _why(c, d) == [""]


def test_a_measure_of_something_is_not_a_bare_total() -> None:
    # "four 100-catch seasons" counts catches per season, not a season's yards.
    a = "Tom Ridley had 1,212 receiving yards this season."
    b = "Tom Ridley had a 100-yard season, his eighth."
    assert _why(a, b) == ["a measure of something against a count"]


# --- names: a headline's capitals and a title are no other name -----------------


def test_two_headlines_in_title_case_swap_no_names() -> None:
    a = "Old Dairy Building In Palmer Burns Down"
    b = "Old Dairy Building In Palmer Was Uninsured"
    assert "divergent" not in _relations(compare_texts(a, b))


def test_a_title_against_a_given_name_is_the_same_person() -> None:
    a = "Other names included Ed Marlow, later President Carver's chief of staff."
    b = "Other names included Ed Marlow, later Janet Carver's chief of staff."
    assert "divergent" not in _relations(compare_texts(a, b))


def test_a_swapped_name_in_a_sentence_still_diverges() -> None:
    a = "Police said the shop owner, Ann Price, called for help at noon on Friday."
    b = "Police said the shop owner, Mary Stone, called for help at noon on Friday."
    assert _relations(compare_texts(a, b)) == ["divergent"]


# --- ordinals no date, ratios, "In May" ----------------------------------------


def test_an_ordinal_over_31_is_no_day_and_may_after_in_is_the_month() -> None:
    from library.compare.quantities import dates

    assert [d.day for d in dates("She hosted the 64th Harvest Gala in 2011.")[0]] == [None]
    assert [d.month for d in dates("In May, thieves stole the necklace.")[0]] == [5]
    assert not dates("Thieves may strike again.")[0]


def test_a_shooting_line_is_one_ratio() -> None:
    from library.compare.detectors.number_mentions import mentions

    assert [m.joined for m in mentions("He finished 9-for-17 from the field.")] == [True, True]


def test_a_weekday_or_a_clock_across_sentences_dates_maybe_another_event() -> None:
    from library.compare.crossing import _same_event
    from library.compare.kinds import conflict

    a = "Okafor moved into the top spot with 5:14 left in the third period."
    b = "Okafor tied the mark on a shot from the slot with 12:20 left in the third period."
    names = {"=sam okafor"}
    assert not _same_event(a, b, [conflict("date", "5:14", "12:20")], names)
    c = "Ann Reyes will leave the club on January 1."
    d = "Ann Reyes says her last day will be February 28."
    assert _same_event(c, d, [conflict("date", "January 1", "February 28")], {"=ann reyes"})


def test_a_part_picked_out_is_not_the_whole() -> None:
    a = "Injured Rovers winger Tom Ridley will miss the last two games."
    b = "Tom Ridley started 10 games, but sat out four after knee surgery."
    # A part is no longer even read as the same slot as the whole (`Mention.part`).
    cands = Candidates.of_sentences([a], [b])
    assert list(numbers.conflicting(*cands.passages((0,), (0,)))) == []
    c = "Tom Ridley will miss the last three games, the Rovers said."
    assert _why(a, c) == [""]


def test_two_plays_each_told_as_one_of_a_kind() -> None:
    a = "Sam Pike completed a 14-yard pass to Ridley on second down."
    b = "Sam Pike found Ridley for a nine-yard touchdown pass late in the fourth."
    assert _why(a, b) == ["each told as 'a …' in two different sentences: maybe two"]
    # One of them told as the one already known ("the 47-page indictment").
    assert _why(_INDICTED_A.split("\n")[0], _INDICTED_B.split("\n")[0]) == [""]


def test_a_fraction_is_no_age() -> None:
    a = "Gus Harmon had 1/2 liter of whiskey before he drove to the bar."
    b = "Police say the 52-year-old Harmon showed a blood alcohol reading of 0.29%."
    met = numbers.conflicting(*Candidates.of_sentences([a], [b]).passages((0,), (0,)))
    assert all(
        not_one_slot(x, y, a, b, Candidates.of_sentences([a], [b]), named=True) for x, y in met
    )


def test_a_value_someone_else_holds_is_not_the_other_sides_value() -> None:
    a = "Sam Pike broke Lee Harlan's record of 3,872 yards rushing in the second quarter."
    b = "Sam Pike set a freshman record for a season with 3,905 rushing yards."
    assert "divergent" not in _relations(compare_texts(a, b))
    # Both about Harlan's record: one value against another is a conflict.
    c = "Sam Pike broke Lee Harlan's record of 3,827 yards rushing in the second quarter."
    assert _relations(compare_texts(a, c)) == ["divergent"]
