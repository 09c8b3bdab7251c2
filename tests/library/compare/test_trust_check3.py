"""Divergent only where a careful reader agrees, on the CHECK3 pool's shapes: each
look-alike of a false proposal is read right or demoted, while a clear conflict of
the same shape still makes its pair divergent.

Sentences are made up (no eval text), shaped like the proposals judged in
`benchmarks/divergence_set/pool.jsonl` (`half: check3`).
"""

from __future__ import annotations

from library.compare import compare_texts
from library.compare.crossing import _two_kinds
from library.compare.detectors import dates, numbers, passages
from library.compare.detectors.number_mentions import mentions
from library.compare.model import Comparison
from library.compare.quantities import quantities


def _relations(c: Comparison) -> list[str]:
    return [p.relation for p in c.pairs]


def _values(text: str) -> list[float]:
    return [q.value for q in quantities(text)]


# --- step 1: reading bugs ----------------------------------------------------------


def test_thousands_split_by_a_space_keep_a_glued_unit() -> None:
    assert _values("He fell about 2, 000ft while climbing.") == [2000.0]
    assert _values("He fell about 2,000ft while climbing.") == [2000.0]
    assert _values("He fell 200ft from a ridge.") == [200.0]
    assert [m.after[0] for m in mentions("He fell about 2, 000ft while climbing.")] == ["ft"]


def test_one_fall_in_feet_split_by_tokenisation_is_no_conflict() -> None:
    a = "On Saturday, Robert Buckley fell about 2, 000ft while climbing to a small hut."
    b = "On Saturday, Robert Buckley fell about 600 metres (2, 000 feet) while climbing to a hut."
    assert "divergent" not in _relations(compare_texts(a, b))
    c = "On Saturday, Robert Buckley fell about 200 metres while climbing to a small hut."
    assert _relations(compare_texts(a, c)) == ["divergent"]


def test_a_mixed_number_split_by_tokenisation_is_four_and_a_half() -> None:
    assert _values("He served 41 / 2 months in prison.") == [4.5]
    assert _values("He served 4 1/2 months in prison.") == [4.5]
    assert _values("He served 4½ months in prison.") == [4.5]
    assert _values("It happened on 5 / 5 / 2012 at noon.") == [5.0, 5.0, 2012.0]


def test_four_and_a_half_months_told_three_ways_agree() -> None:
    a = "LaRue served 412 months in federal prison for conspiracy to obstruct justice."
    b = "LaRue served 41 / 2 months in federal prison for conspiracy to obstruct justice."
    assert "divergent" not in _relations(compare_texts(a, b))
    pa, pb = passages(b, "LaRue served four months in federal prison for conspiracy.")
    found = list(numbers.detect(pa, pb, []))
    # The reason shows the two values compared, 4 1/2 (as written) against four.
    assert [c.explanation for c in found] == ["A: 41 / 2 months · B: four months"]


def test_a_record_thirty_years_old_told_in_decades_is_no_conflict() -> None:
    assert [m.q.value for m in mentions("He broke the three-decades-old record.")] == [30.0]
    a = "Hansbrough scored 20 points to break Ford's 30-year-old scoring record on Thursday."
    b = "Hansbrough scored 20 points to break Ford's three-decades-old scoring record on Thursday."
    assert "divergent" not in _relations(compare_texts(a, b))
    c = "Hansbrough scored 20 points to break Ford's 20-year-old scoring record on Thursday."
    assert _relations(compare_texts(a, c)) == ["divergent"]


def test_a_version_label_is_no_count() -> None:
    assert mentions("The flaw exists only in version 7 of the browser.") == []
    assert _values("Updates for more than half-a-dozen versions of the browser.") == [6.0]


def test_a_time_conflict_shows_the_nearest_time_it_differs_from() -> None:
    a = (
        "He tied the mark with 14:05 left in the first half, then set the record "
        "with a bank shot over Haarsma and Tongeren with 7:41 to go."
    )
    b = "With 7:42 left in the first half, he set the record with a bank shot over Haarsma."
    pa, pb = passages(a, b)
    assert [c.explanation for c in dates.detect(pa, pb, [])] == ["A: 7:41 · B: 7:42"]


# --- step 2: a rough magnitude fits its range; two bounds may both be true ---------


def test_a_rough_magnitude_fits_a_figure_in_its_range_on_an_aligned_pair() -> None:
    a = "A quake hit the town of Zarand in February, killing hundreds of people."
    b = "A quake hit the town of Zarand in February, killing 612 people."
    assert "divergent" not in _relations(compare_texts(a, b))
    a = "The earthquake killed at least 10 people and injured dozens more, officials said."
    b = "The earthquake killed 10 people and injured 80, officials said."
    assert "divergent" not in _relations(compare_texts(a, b))


def test_a_rough_magnitude_out_of_its_range_still_diverges() -> None:
    a = "A quake hit the town of Zarand in February, killing dozens of people."
    b = "A quake hit the town of Zarand in February, killing 612 people."
    assert _relations(compare_texts(a, b)) == ["divergent"]


def test_a_lower_and_an_upper_bound_conflict_only_when_they_exclude_each_other() -> None:
    a = "The quake killed more than 22,000 people in the city of Bam."
    high = "The quake killed up to 30,000 people in the city of Bam."
    assert "divergent" not in _relations(compare_texts(a, high))
    low = "The quake killed up to 20,000 people in the city of Bam."
    assert _relations(compare_texts(a, low)) == ["divergent"]
    # Two lower bounds far apart stay a conflict (a real one on CHECK3).
    far = "The quake killed more than 31,000 people in the city of Bam."
    assert _relations(compare_texts(a, far)) == ["divergent"]


# --- step 3: a part's count is not the whole's -------------------------------------


def test_a_part_picked_out_does_not_conflict_with_the_whole() -> None:
    a = "A spokeswoman said the three victims were taken to Beaumont Hospital in Royal Oak."
    b = "A spokeswoman said the two other victims were taken to Beaumont Hospital in Royal Oak."
    assert "divergent" not in _relations(compare_texts(a, b))
    a = "Manning completed 29 of 34 passes and led the Colts to their eighth straight win."
    b = "Manning completed his first 17 passes and led the Colts to their eighth straight win."
    assert "divergent" not in _relations(compare_texts(a, b))
    a = "Police seized nine assault rifles, a grenade launcher and 13 loaded magazines."
    b = "Police seized seven AK-47s, three other assault rifles and 13 loaded magazines."
    assert "divergent" not in _relations(compare_texts(a, b))


def test_the_whole_told_with_another_count_still_diverges() -> None:
    a = "A spokeswoman said the three victims were taken to Beaumont Hospital in Royal Oak."
    b = "A spokeswoman said the two victims were taken to Beaumont Hospital in Royal Oak."
    assert _relations(compare_texts(a, b)) == ["divergent"]
    a = "A spokeswoman said the two other victims were taken to Beaumont Hospital."
    b = "A spokeswoman said the four other victims were taken to Beaumont Hospital."
    assert _relations(compare_texts(a, b)) == ["divergent"]


# --- step 4: another owner's number ------------------------------------------------


def _explained(a: str, b: str) -> list[tuple[str, list[str]]]:
    return [(p.relation, [c.explanation for c in p.conflicts]) for p in compare_texts(a, b).pairs]


def test_an_old_record_held_by_another_is_related_with_whose_it_is() -> None:
    a = "Luck surpassed Cam Newton's year - old record of 4, 051 yards passing by a rookie."
    b = "Luck also set an NFL rookie record for a season with 4, 183 passing yards."
    assert _explained(a, b) == [
        ("related", ["A: 4, 051 yards passing (Newton's) · B: 4, 183 passing yards"])
    ]
    c = "Luck also set an NFL rookie record for a season with 4, 051 passing yards."
    d = "Luck also set an NFL rookie record for a season with 4, 183 passing yards."
    assert _relations(compare_texts(c, d)) == ["divergent"]


def test_another_clubs_offer_is_related_and_one_clubs_two_offers_diverge() -> None:
    a = "Report: Red Sox offer Teixeira $200 million over eight years."
    b = "ESPN reports that the Nationals have offered Teixeira an 8-year, $160 million deal."
    assert _relations(compare_texts(a, b)) == ["related"]
    c = "ESPN reports that the Red Sox have offered Teixeira an 8-year, $160 million deal."
    assert _relations(compare_texts(a, c)) == ["divergent"]


def test_an_age_is_not_the_length_of_a_deal() -> None:
    a = "Reports say the Orioles offered Teixeira a seven-year deal worth $150 million."
    b = "Reports say the Orioles offered Teixeira, 28, a deal worth $150 million."
    assert "divergent" not in _relations(compare_texts(a, b))
    c = "Reports say the Orioles offered Teixeira, 29, a deal worth $150 million."
    assert _relations(compare_texts(b, c)) == ["divergent"]


def test_two_kinds_of_one_noun_across_sentences_are_two_sets() -> None:
    a = (
        "The SEC and Big East showcased four cross-conference games this season, "
        "Marquette said.\nThe weather was cold."
    )
    b = "Jerel McNeal scored 16 points for Marquette, winners in six straight games.\nIt rained."
    pairs = compare_texts(a, b).pairs
    assert "divergent" not in [p.relation for p in pairs]
    assert any("qualified its own way" in c.explanation for p in pairs for c in p.conflicts)


def test_one_kind_told_with_two_counts_across_sentences_still_conflicts() -> None:
    x = numbers.mentions("Marquette won four cross-conference games.")[0]
    y = numbers.mentions("Marquette won six cross-conference games.")[0]
    z = numbers.mentions("Marquette won six straight games.")[0]
    assert _two_kinds(x, y) == ""
    assert _two_kinds(x, z) != ""


# --- step 5: names that are no swap ------------------------------------------------


def test_two_officers_quoted_or_two_outlets_told_are_attribution_only() -> None:
    a = (
        "Jackson was pulled over on state Route 52 near Interstate 805, "
        "California Highway Patrol Officer Brad Baehr said."
    )
    b = (
        "Jackson was pulled over on state Route 52 near Interstate 805, "
        "said California Highway Patrol Officer Ray Scheidnes."
    )
    assert "divergent" not in _relations(compare_texts(a, b))
    a = "Tara Reid has checked herself into Promises Treatment Center, her rep told UsMagazine.com."
    b = "Tara Reid has checked herself into Promises Treatment Center, her rep told People.com."
    assert "divergent" not in _relations(compare_texts(a, b))


def test_a_different_person_in_the_same_role_still_diverges() -> None:
    a = "Jackson was pulled over on state Route 52 by Officer Brad Baehr, police said."
    b = "Jackson was pulled over on state Route 52 by Officer Ray Scheidnes, police said."
    assert _relations(compare_texts(a, b)) == ["divergent"]


def test_one_body_named_by_another_kind_word_is_the_same() -> None:
    a = "Early Friday, the actress checked into the Betty Ford Center in Rancho Mirage, Calif."
    b = "Early Friday, the actress checked into the Betty Ford Clinic in Rancho Mirage, Calif."
    assert "divergent" not in _relations(compare_texts(a, b))
    c = "Early Friday, the actress checked into the Cirque Lodge Clinic in Rancho Mirage, Calif."
    assert _relations(compare_texts(b, c)) == ["divergent"]


def test_a_region_against_a_town_it_may_hold_is_a_note() -> None:
    a = (
        "Four men rammed their car into the store, the latest in a spate of high-profile "
        "robberies in France, most on the Riviera."
    )
    b = (
        "Four men rammed their car into the store, the latest to hit France after a spate "
        "of high-profile robberies in the southern resort of Cannes."
    )
    assert _explained(a, b) == [
        ("related", ["A: Riviera · B: Cannes (a region and a place that may lie in it)"])
    ]
    c = "Four men rammed the store, the latest to hit France after robberies in the city of Nice."
    d = "Four men rammed the store, the latest to hit France after robberies in the city of Cannes."
    assert _relations(compare_texts(c, d)) == ["divergent"]


def test_two_publication_stamps_name_no_one() -> None:
    assert _relations(compare_texts("Published December 23, 2012", "Posted Dec 23, 2012")) == [
        "same"
    ]


# --- step 6: dates of two clocks, a writing date --------------------------------------


def test_a_time_in_a_named_zone_against_an_unzoned_time_is_not_compared() -> None:
    a = "New Orleans begins its postseason Saturday at 4: 30 p. m. ET with a game in Seattle."
    b = "New Orleans begins its postseason Saturday at 3: 30 p. m. with a game in Seattle."
    assert "divergent" not in _relations(compare_texts(a, b))
    et = "New Orleans begins its postseason Saturday at 4:30 p.m. ET with a game in Seattle."
    pt = "New Orleans begins its postseason Saturday at 1:30 p.m. PT with a game in Seattle."
    assert "divergent" not in _relations(compare_texts(et, pt))


def test_two_times_on_one_clock_or_converted_still_conflict() -> None:
    a = "New Orleans begins its postseason Saturday at 4:30 p.m. ET with a game in Seattle."
    b = "New Orleans begins its postseason Saturday at 3:30 p.m. ET with a game in Seattle."
    assert "divergent" in _relations(compare_texts(a, b))
    pt = "New Orleans begins its postseason Saturday at 2:30 p.m. PT with a game in Seattle."
    assert "divergent" in _relations(compare_texts(a, pt))


def test_the_day_of_writing_is_not_the_events_date() -> None:
    a = "Cable operator Seacom announced today (4 November 2011) that repairs on it are done."
    b = "Cable operator Seacom said today (10 October 2011) that repairs on it are done."
    assert "divergent" not in _relations(compare_texts(a, b))
    c = "Cable operator Seacom announced on 4 November 2011 that repairs on the cable are done."
    d = "Cable operator Seacom announced on 10 October 2011 that repairs on the cable are done."
    assert _relations(compare_texts(c, d)) == ["divergent"]


# --- step 7: one denial told two ways ----------------------------------------------


def test_a_determiner_negation_and_a_verb_negation_agree() -> None:
    assert "divergent" not in _relations(
        compare_texts("No gun has been recovered.", "The gun has not been recovered.")
    )
    a = "The chief said it was arson but that he did not know of any recent threats to the church."
    b = "The chief said it was arson, noting there hadn't been any recent threats to the church."
    assert "divergent" not in _relations(compare_texts(a, b))


def test_a_denial_against_its_assertion_still_diverges() -> None:
    a = "Police said no gun has been recovered at the scene."
    b = "Police said the gun has been recovered at the scene."
    assert _relations(compare_texts(a, b)) == ["divergent"]
    a = "The chief said it was arson and that there had been recent threats to the church."
    b = "The chief said it was arson and that there hadn't been any recent threats to the church."
    assert _relations(compare_texts(a, b)) == ["divergent"]


def test_a_list_of_what_was_seized_is_the_whole() -> None:
    a = "The confiscated arms included seven AK-47s, 13 loaded magazines and a GPS set."
    b = "The confiscated arms included 12 AK-47s, 13 loaded magazines and a GPS set."
    assert _relations(compare_texts(a, b)) == ["divergent"]


def test_a_score_told_after_a_shorter_name_is_that_teams() -> None:
    a = "Arch Madness: Creighton 65, Drake 5"
    b = "No. 1 Creighton Bluejays 65, No. 9 Drake Bulldogs 53"
    # The conflict shows the two values compared: Drake's 5 and 53, not "No. 1".
    assert _explained(a, b) == [("divergent", ["A: 5 · B: 53"])]
    c = "No. 1 Creighton Bluejays 65, No. 9 Drake Bulldogs 5"
    assert "divergent" not in _relations(compare_texts(a, c))


def test_a_model_name_is_no_count() -> None:
    assert [m.q.text for m in mentions("The navy seized seven AK-47 assault rifles.")] == ["seven"]
    assert [m.q.text for m in mentions("Commandos recovered 12 AK 47 guns.")] == ["12"]
    a = "The arms included seven AK-47s, three other assault rifles and a GPS set."
    b = "The commandos seized seven AK-47 assault rifles, a grenade launcher and a GPS set."
    assert "divergent" not in _relations(compare_texts(a, b))
    c = "The commandos seized 12 AK-47 assault rifles, a grenade launcher and a GPS set."
    assert _relations(compare_texts(b, c)) == ["divergent"]


def test_a_sum_converted_in_brackets_is_as_exact_as_its_rate() -> None:
    a = "Greece gets a euro110 billion ($141 billion) loan package to keep it from defaulting."
    b = "Greece gets a $144 billion loan package to keep it from defaulting."
    assert "divergent" not in _relations(compare_texts(a, b))
    c = "Greece gets a $160 billion loan package to keep it from defaulting."
    assert _relations(compare_texts(a, c)) == ["divergent"]
    d = "Greece gets a $141 billion loan package to keep it from defaulting."
    assert _relations(compare_texts(d, b)) == ["divergent"]


def test_two_officers_quoted_are_an_attribution_note() -> None:
    a = "Jackson was pulled over on Route 52, California Highway Patrol Officer Brad Baehr said."
    b = "Jackson was pulled over on Route 52, said California Highway Patrol Officer Ray Scheidnes."
    kinds = [(c.kind, c.severity) for p in compare_texts(a, b).pairs for c in p.conflicts]
    assert kinds == [("attribution", "low")]
    c = "Jackson was pulled over on Route 52, California Highway Patrol Officer Baehr said."
    assert [c.kind for p in compare_texts(a, c).pairs for c in p.conflicts] == []
