"""Divergent only where a careful reader agrees, on the CHECK3 pool's shapes: each
look-alike of a false proposal is read right or demoted, while a clear conflict of
the same shape still makes its pair divergent.

Sentences are made up (no eval text), shaped like the proposals judged in
`benchmarks/divergence_set/pool.jsonl` (`half: check3`).
"""

from __future__ import annotations

from library.compare import compare_texts
from library.compare.detectors import dates, numbers, passages
from library.compare.detectors.number_mentions import mentions
from library.compare.model import Comparison
from library.compare.one_slot import _two_kinds
from library.compare.quantities import quantities


def _relations(c: Comparison) -> list[str]:
    return [p.relation for p in c.pairs]


def _values(text: str) -> list[float]:
    return [q.value for q in quantities(text)]


# --- step 1: reading bugs ----------------------------------------------------------


def test_thousands_split_by_a_space_keep_a_glued_unit() -> None:
    assert _values("She slid about 3, 000ft while hiking.") == [3000.0]
    assert _values("She slid about 3,000ft while hiking.") == [3000.0]
    assert _values("He fell 200ft from a ridge.") == [200.0]
    assert [m.after[0] for m in mentions("She slid about 3, 000ft while hiking.")] == ["ft"]


def test_one_fall_in_feet_split_by_tokenisation_is_no_conflict() -> None:
    a = "On Sunday, Anna Kessler slid about 3, 000ft while hiking toward a remote cabin."
    b = "On Sunday, Anna Kessler slid about 900 metres (3, 000 feet) while hiking toward a cabin."
    assert "divergent" not in _relations(compare_texts(a, b))
    c = "On Sunday, Anna Kessler slid about 300 metres while hiking toward a remote cabin."
    assert _relations(compare_texts(a, c)) == ["divergent"]


def test_a_mixed_number_split_by_tokenisation_is_four_and_a_half() -> None:
    assert _values("He served 41 / 2 months in prison.") == [4.5]
    assert _values("He served 4 1/2 months in prison.") == [4.5]
    assert _values("He served 4½ months in prison.") == [4.5]
    assert _values("It happened on 5 / 5 / 2012 at noon.") == [5.0, 5.0, 2012.0]


def test_four_and_a_half_months_told_three_ways_agree() -> None:
    a = "Delmont served 412 months in county jail for filing false tax returns."
    b = "Delmont served 41 / 2 months in county jail for filing false tax returns."
    assert "divergent" not in _relations(compare_texts(a, b))
    pa, pb = passages(b, "Delmont served four months in county jail for false returns.")
    found = list(numbers.detect(pa, pb, []))
    # The reason shows the two values compared, 4 1/2 (as written) against four.
    assert [c.explanation for c in found] == ["A: 41 / 2 months · B: four months"]


def test_a_record_thirty_years_old_told_in_decades_is_no_conflict() -> None:
    assert [m.q.value for m in mentions("He broke the three-decades-old record.")] == [30.0]
    a = "Okafor scored 31 points to break a 30-year-old school scoring record on Friday."
    b = "Okafor scored 31 points to break a three-decades-old school scoring record on Friday."
    assert "divergent" not in _relations(compare_texts(a, b))
    c = "Okafor scored 31 points to break a 20-year-old school scoring record on Friday."
    assert _relations(compare_texts(a, c)) == ["divergent"]


def test_a_version_label_is_no_count() -> None:
    assert mentions("The flaw exists only in version 7 of the browser.") == []
    assert _values("Patches for over half-a-dozen editions of the program.") == [6.0]


def test_a_time_conflict_shows_the_nearest_time_it_differs_from() -> None:
    a = (
        "She levelled the tally with 12:20 left in the third period, then took the lead "
        "with a wrist shot past Volkova and Brandt with 5:13 to go."
    )
    b = "With 5:14 left in the third period, she took the lead with a wrist shot past Volkova."
    pa, pb = passages(a, b)
    assert [c.explanation for c in dates.detect(pa, pb, [])] == ["A: 5:13 · B: 5:14"]


# --- step 2: a rough magnitude fits its range; two bounds may both be true ---------


def test_a_rough_magnitude_fits_a_figure_in_its_range_on_an_aligned_pair() -> None:
    a = "A landslide struck the village of Orvella in March, killing hundreds of people."
    b = "A landslide struck the village of Orvella in March, killing 418 people."
    assert "divergent" not in _relations(compare_texts(a, b))
    a = "The earthquake killed at least 10 people and injured dozens more, officials said."
    b = "The earthquake killed 10 people and injured 80, officials said."
    assert "divergent" not in _relations(compare_texts(a, b))


def test_a_rough_magnitude_out_of_its_range_still_diverges() -> None:
    a = "A landslide struck the village of Orvella in March, killing dozens of people."
    b = "A landslide struck the village of Orvella in March, killing 418 people."
    assert _relations(compare_texts(a, b)) == ["divergent"]


def test_a_lower_and_an_upper_bound_conflict_only_when_they_exclude_each_other() -> None:
    a = "The quake killed more than 22,000 people in the city of Kerval."
    high = "The quake killed up to 30,000 people in the city of Kerval."
    assert "divergent" not in _relations(compare_texts(a, high))
    low = "The quake killed up to 20,000 people in the city of Kerval."
    assert _relations(compare_texts(a, low)) == ["divergent"]
    # Two lower bounds far apart stay a conflict (a real one on CHECK3).
    far = "The quake killed more than 34,000 people in the city of Kerval."
    assert _relations(compare_texts(a, far)) == ["divergent"]


# --- step 3: a part's count is not the whole's -------------------------------------


def test_a_part_picked_out_does_not_conflict_with_the_whole() -> None:
    a = "A spokesman said the three patients were moved to Hartwell Clinic in Ashby Vale."
    b = "A spokesman said the two other patients were moved to Hartwell Clinic in Ashby Vale."
    assert "divergent" not in _relations(compare_texts(a, b))
    a = "Halvorsen completed 22 of 27 passes and carried the Rams to a fifth straight victory."
    b = "Halvorsen completed his first 14 passes and carried the Rams to a fifth straight victory."
    assert "divergent" not in _relations(compare_texts(a, b))
    a = "Agents found nine hunting rifles, a crossbow and 21 boxes of shells."
    b = "Agents found six Remingtons, three other hunting rifles and 21 boxes of shells."
    assert "divergent" not in _relations(compare_texts(a, b))


def test_the_whole_told_with_another_count_still_diverges() -> None:
    a = "A spokesman said the three patients were moved to Hartwell Clinic in Ashby Vale."
    b = "A spokesman said the two patients were moved to Hartwell Clinic in Ashby Vale."
    assert _relations(compare_texts(a, b)) == ["divergent"]
    a = "A spokesman said the two other patients were moved to Hartwell Clinic."
    b = "A spokesman said the four other patients were moved to Hartwell Clinic."
    assert _relations(compare_texts(a, b)) == ["divergent"]


# --- step 4: another owner's number ------------------------------------------------


def _explained(a: str, b: str) -> list[tuple[str, list[str]]]:
    return [(p.relation, [c.explanation for c in p.conflicts]) for p in compare_texts(a, b).pairs]


def test_an_old_record_held_by_another_is_related_with_whose_it_is() -> None:
    a = "Pike surpassed Lee Harlan's decade - old record of 3, 872 yards rushing by a freshman."
    b = "Pike also set a league freshman mark for one season with 3, 905 rushing yards."
    assert _explained(a, b) == [
        ("related", ["A: 3, 872 yards rushing (Harlan's) · B: 3, 905 rushing yards"])
    ]
    c = "Pike also set a league freshman mark for one season with 3, 872 rushing yards."
    d = "Pike also set a league freshman mark for one season with 3, 905 rushing yards."
    assert _relations(compare_texts(c, d)) == ["divergent"]


def test_another_clubs_offer_is_related_and_one_clubs_two_offers_diverge() -> None:
    a = "Report: Hornets offer Valdane $110 million over six years."
    b = "WXTV reports that the Falcons have offered Valdane a 6-year, $95 million deal."
    assert _relations(compare_texts(a, b)) == ["related"]
    c = "WXTV reports that the Hornets have offered Valdane a 6-year, $95 million deal."
    assert _relations(compare_texts(a, c)) == ["divergent"]


def test_an_age_is_not_the_length_of_a_deal() -> None:
    a = "Reports say the Pirates offered Valdane a five-year deal worth $120 million."
    b = "Reports say the Pirates offered Valdane, 30, a deal worth $120 million."
    assert "divergent" not in _relations(compare_texts(a, b))
    c = "Reports say the Pirates offered Valdane, 31, a deal worth $120 million."
    assert _relations(compare_texts(b, c)) == ["divergent"]


def test_two_kinds_of_one_noun_across_sentences_are_two_sets() -> None:
    a = (
        "The two leagues staged four cross-conference games this season, "
        "Dunmore said.\nThe weather was cold."
    )
    b = "Tobias Renn scored 19 points for Dunmore, winners of six straight games.\nIt rained."
    pairs = compare_texts(a, b).pairs
    assert "divergent" not in [p.relation for p in pairs]
    assert any("qualified its own way" in c.explanation for p in pairs for c in p.conflicts)


def test_one_kind_told_with_two_counts_across_sentences_still_conflicts() -> None:
    x = numbers.mentions("Dunmore won four cross-conference games.")[0]
    y = numbers.mentions("Dunmore won six cross-conference games.")[0]
    z = numbers.mentions("Dunmore won six straight games.")[0]
    assert _two_kinds(x, y) == ""
    assert _two_kinds(x, z) != ""


# --- step 5: names that are no swap ------------------------------------------------


def test_two_officers_quoted_or_two_outlets_told_are_attribution_only() -> None:
    a = (
        "Morrow was stopped on state Route 19 near Interstate 640, "
        "Nevada Highway Patrol Officer Dana Kettering said."
    )
    b = (
        "Morrow was stopped on state Route 19 near Interstate 640, "
        "said Nevada Highway Patrol Officer Luis Ortega."
    )
    assert "divergent" not in _relations(compare_texts(a, b))
    a = "Nina Castell has entered Harborview Recovery Center, her rep told StarWeekly.com."
    b = "Nina Castell has entered Harborview Recovery Center, her rep told NewsDaily.com."
    assert "divergent" not in _relations(compare_texts(a, b))


def test_a_different_person_in_the_same_role_still_diverges() -> None:
    a = "Morrow was stopped on state Route 19 by Officer Dana Kettering, police said."
    b = "Morrow was stopped on state Route 19 by Officer Luis Ortega, police said."
    assert _relations(compare_texts(a, b)) == ["divergent"]


def test_one_body_named_by_another_kind_word_is_the_same() -> None:
    a = "Late Tuesday, the singer checked into the Willow Creek Center in Palm Hollow, Ariz."
    b = "Late Tuesday, the singer checked into the Willow Creek Clinic in Palm Hollow, Ariz."
    assert "divergent" not in _relations(compare_texts(a, b))
    c = "Late Tuesday, the singer checked into the Stonebridge Lodge Clinic in Palm Hollow, Ariz."
    assert _relations(compare_texts(b, c)) == ["divergent"]


def test_a_region_against_a_town_it_may_hold_is_a_note() -> None:
    a = (
        "Three men drove a van through the shop window, the newest in a string of brazen "
        "heists in France, most on the Riviera."
    )
    b = (
        "Three men drove a van through the shop window, the newest to strike France after a "
        "string of brazen heists in the resort town of Cannes."
    )
    assert _explained(a, b) == [
        ("related", ["A: Riviera · B: Cannes (a region and a place that may lie in it)"])
    ]
    c = "Three men hit the shop, the newest to strike France after heists in the city of Nice."
    d = "Three men hit the shop, the newest to strike France after heists in the city of Cannes."
    assert _relations(compare_texts(c, d)) == ["divergent"]


def test_two_publication_stamps_name_no_one() -> None:
    assert _relations(compare_texts("Published December 23, 2012", "Posted Dec 23, 2012")) == [
        "same"
    ]


# --- step 6: dates of two clocks, a writing date --------------------------------------


def test_a_time_in_a_named_zone_against_an_unzoned_time_is_not_compared() -> None:
    a = "Portland opens its playoff run Sunday at 7: 15 p. m. ET against Denver."
    b = "Portland opens its playoff run Sunday at 6: 15 p. m. against Denver."
    assert "divergent" not in _relations(compare_texts(a, b))
    et = "Portland opens its playoff run Sunday at 7:15 p.m. ET against Denver."
    pt = "Portland opens its playoff run Sunday at 4:15 p.m. PT against Denver."
    assert "divergent" not in _relations(compare_texts(et, pt))


def test_two_times_on_one_clock_or_converted_still_conflict() -> None:
    a = "Portland opens its playoff run Sunday at 7:15 p.m. ET against Denver."
    b = "Portland opens its playoff run Sunday at 6:15 p.m. ET against Denver."
    assert "divergent" in _relations(compare_texts(a, b))
    pt = "Portland opens its playoff run Sunday at 5:15 p.m. PT against Denver."
    assert "divergent" in _relations(compare_texts(a, pt))


def test_the_day_of_writing_is_not_the_events_date() -> None:
    a = "Grid operator Norlink announced today (9 February 2015) that work on it is finished."
    b = "Grid operator Norlink said today (17 January 2015) that work on it is finished."
    assert "divergent" not in _relations(compare_texts(a, b))
    c = "Grid operator Norlink announced on 9 February 2015 that work on the line is finished."
    d = "Grid operator Norlink announced on 17 January 2015 that work on the line is finished."
    assert _relations(compare_texts(c, d)) == ["divergent"]


# --- step 7: one denial told two ways ----------------------------------------------


def test_a_determiner_negation_and_a_verb_negation_agree() -> None:
    assert "divergent" not in _relations(
        compare_texts("No knife has been found.", "The knife has not been found.")
    )
    a = "The marshal said the blaze was set but that she did not know of any earlier complaints."
    b = "The marshal said the blaze was set, noting there hadn't been any earlier complaints."
    assert "divergent" not in _relations(compare_texts(a, b))


def test_a_denial_against_its_assertion_still_diverges() -> None:
    a = "Police said no gun has been recovered at the scene."
    b = "Police said the gun has been recovered at the scene."
    assert _relations(compare_texts(a, b)) == ["divergent"]
    a = "The marshal said the blaze was set and noted there had been earlier complaints."
    b = "The marshal said the blaze was set and noted there hadn't been any earlier complaints."
    assert _relations(compare_texts(a, b)) == ["divergent"]


def test_a_list_of_what_was_seized_is_the_whole() -> None:
    a = "The seized cache included six Remingtons, 21 boxes of shells and a radio set."
    b = "The seized cache included 11 Remingtons, 21 boxes of shells and a radio set."
    assert _relations(compare_texts(a, b)) == ["divergent"]


def test_a_score_told_after_a_shorter_name_is_that_teams() -> None:
    a = "Valley Tournament: Ashford 71, Brenton 6"
    b = "No. 1 Ashford Hawks 71, No. 9 Brenton Owls 64"
    # The conflict shows the two values compared: Brenton's 6 and 64, not "No. 1".
    assert _explained(a, b) == [("divergent", ["A: 6 · B: 64"])]
    c = "No. 1 Ashford Hawks 71, No. 9 Brenton Owls 6"
    assert "divergent" not in _relations(compare_texts(a, c))


def test_a_model_name_is_no_count() -> None:
    assert [m.q.text for m in mentions("Guards found five AK-47 assault rifles.")] == ["five"]
    assert [m.q.text for m in mentions("Soldiers recovered 12 AK 47 guns.")] == ["12"]
    a = "The cache held five AK-47s, two other assault rifles and a radio set."
    b = "The coast guard found five AK-47 assault rifles, a crossbow and a radio set."
    assert "divergent" not in _relations(compare_texts(a, b))
    c = "The coast guard found 12 AK-47 assault rifles, a crossbow and a radio set."
    assert _relations(compare_texts(b, c)) == ["divergent"]


def test_a_sum_converted_in_brackets_is_as_exact_as_its_rate() -> None:
    a = "Portugal gets a euro90 billion ($115 billion) rescue loan to keep it solvent."
    b = "Portugal gets a $118 billion rescue loan to keep it solvent."
    assert "divergent" not in _relations(compare_texts(a, b))
    c = "Portugal gets a $131 billion rescue loan to keep it solvent."
    assert _relations(compare_texts(a, c)) == ["divergent"]
    d = "Portugal gets a $115 billion rescue loan to keep it solvent."
    assert _relations(compare_texts(d, b)) == ["divergent"]


def test_two_officers_quoted_are_an_attribution_note() -> None:
    a = "Morrow was stopped on Route 19, Nevada Highway Patrol Officer Dana Kettering said."
    b = "Morrow was stopped on Route 19, said Nevada Highway Patrol Officer Luis Ortega."
    kinds = [(c.kind, c.severity) for p in compare_texts(a, b).pairs for c in p.conflicts]
    assert kinds == [("attribution", "low")]
    c = "Morrow was stopped on Route 19, Nevada Highway Patrol Officer Kettering said."
    assert [c.kind for p in compare_texts(a, c).pairs for c in p.conflicts] == []
