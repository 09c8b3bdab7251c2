"""A person's home town told as two towns in aligned sentences (invented texts only)."""

from __future__ import annotations

from library.compare import compare_texts
from library.compare.detectors import detect_all, hometown, passages
from library.compare.worddiff import word_diff

# One arson charge, worded apart: the word diff never swaps the two towns
# inside a short hunk, so only the home-town reading sees them.
CHARGED_A = (
    "A 41-year-old Kellerton man was charged with arson on Tuesday after a fire destroyed "
    "the old grain mill on the river.\nThe blaze burned for six hours."
)
CHARGED_B = (
    "Prosecutors charged Tomas Ruckel, 41, of Marsh Hollow, with arson on Tuesday over the "
    "fire that destroyed the old grain mill.\nFirefighters needed six hours to put out the blaze."
)


def _first(a: str, b: str) -> tuple[str, list[str]]:
    pair = compare_texts(a, b).pairs[0]
    return pair.relation, [c.explanation for c in pair.conflicts]


def test_a_home_town_told_as_two_towns_is_divergent_with_both() -> None:
    relation, told = _first(CHARGED_A, CHARGED_B)
    assert relation == "divergent"
    assert told == ["A: A 41-year-old Kellerton man · B: Tomas Ruckel, 41, of Marsh Hollow"]


def test_the_same_town_is_no_conflict() -> None:
    relation, told = _first(CHARGED_A, CHARGED_B.replace("Marsh Hollow", "Kellerton"))
    assert (relation, told) == ("same", [])


def test_a_town_and_its_county_is_not_divergent() -> None:
    a = "Tomas Ruckel, 41, of Kellerton, was charged with arson on Tuesday, police said."
    b = "Tomas Ruckel, 41, of Dale County, was charged with arson on Tuesday, police said."
    relation, _ = _first(a, b)
    assert relation != "divergent"
    # Worded apart too (the home-town reading alone): no conflict at all.
    pa, pb = passages(CHARGED_A, CHARGED_B.replace("Marsh Hollow", "Dale County"))
    assert list(hometown.detect(pa, pb, ())) == []


def test_an_article_naming_both_places_is_no_conflict() -> None:
    b = CHARGED_B + "\nRuckel grew up in Kellerton before he moved."
    relation, told = _first(CHARGED_A, b)
    assert (relation, told) == ("same", [])


def test_two_people_of_two_ages_are_not_one_person() -> None:
    a = CHARGED_A.replace("41-year-old", "66-year-old")
    pa, pb = passages(a, CHARGED_B)
    assert list(hometown.detect(pa, pb, ())) == []


def test_two_named_people_each_with_a_town_are_not_compared() -> None:
    a = "Tomas Ruckel, 41, of Kellerton, and Ilse Varga, 38, of Orbury, were charged."
    b = "Prosecutors charged Ilse Varga, 38, of Orbury, with helping Tomas Ruckel."
    pa, pb = passages(a, b)
    assert list(hometown.detect(pa, pb, ())) == []


def test_a_nationality_or_a_street_is_no_town() -> None:
    assert hometown.homes("An Ostrian man was charged.") == []
    (street,) = hometown.homes("Tomas Ruckel, 41, of Mill Street, was charged.")
    assert street.wider


def test_the_fuller_form_is_kept_once_when_the_word_diff_sees_the_swap_too() -> None:
    a = "Tomas Ruckel, 41, of Kellerton, was charged with arson on Tuesday, police said."
    b = a.replace("Kellerton", "Marsh Hollow")
    pa, pb = passages(a, b)
    found = [c.explanation for c in detect_all(pa, pb, word_diff(a, b)) if c.kind == "entity"]
    assert found == ["A: Tomas Ruckel, 41, of Kellerton · B: Tomas Ruckel, 41, of Marsh Hollow"]


def test_a_state_or_country_holds_the_town() -> None:
    a = CHARGED_B.replace("Marsh Hollow", "Texas")
    pa, pb = passages(CHARGED_A, a)
    assert list(hometown.detect(pa, pb, ())) == []
    (home,) = hometown.homes("Ada Kovac, 29, of New Mexico, was charged.")
    assert home.wider


def test_a_name_ending_in_an_area_word_told_in_another_role_stays_a_swap() -> None:
    # "District Court" is no area told as a place: the swap is still a conflict.
    a = "Lawyers for Tomas Ruckel filed the appeal with Varga on Tuesday, his sister said."
    relation, _ = _first(a, a.replace("Varga", "Orin District"))
    assert relation == "divergent"


def test_a_people_faith_or_colour_before_man_is_no_town() -> None:
    # Words the nationality suffixes miss: "a Dutch man" / "a Muslim woman" say
    # who, not where from, so they never contradict "of Marsh Hollow".
    for who in ("Dutch", "French", "Swiss", "Greek", "Czech", "Muslim", "Sikh", "Black"):
        a = CHARGED_A.replace("Kellerton", who)
        pa, pb = passages(a, CHARGED_B)
        assert list(hometown.detect(pa, pb, ())) == [], who
    # A town there is still read.
    assert [h.town for h in hometown.homes("A Vessberg woman, 52, was hurt.")] == ["Vessberg"]


def test_a_capitalised_word_for_how_long_one_lives_there_is_no_town() -> None:
    # At a sentence's start "Longtime resident Tomas Ruckel" is capitalised like
    # "Kellerton resident Tomas Ruckel", but tells no town.
    b = "Tomas Ruckel, of Marsh Hollow, said the grain mill burned for six hours on Tuesday."
    for word in ("Longtime", "Lifelong", "Fellow", "Elderly", "Retired"):
        a = f"{word} resident Tomas Ruckel said the grain mill burned for six hours on Tuesday."
        pa, pb = passages(a, b)
        assert list(hometown.detect(pa, pb, ())) == [], word
    assert [h.town for h in hometown.homes("Vessberg resident Ada Kovac said so.")] == ["Vessberg"]


def test_a_named_person_the_other_side_names_apart_from_its_town_is_someone_else() -> None:
    # B names the accused too, but gives the home town of the woman he hit:
    # two people, not one told with two towns.
    a = "Tomas Ruckel, 41, of Kellerton, was charged after the crash on Route 9 on Friday night."
    b = "A Marsh Hollow woman was hurt on Friday night when a van driven by Ruckel hit her."
    pa, pb = passages(a, b)
    assert list(hometown.detect(pa, pb, ())) == []
    pb, pa = passages(b, a)
    assert list(hometown.detect(pb, pa, ())) == []


def test_an_employer_told_with_of_is_no_home_town() -> None:
    a = "Ada Kovac, of Human Rights Watch, said the two men were held without charge."
    b = "Ada Kovac, of Kellerton, said the two men were held without charge."
    assert hometown.homes(a) == []
    pa, pb = passages(a, b)
    assert list(hometown.detect(pa, pb, ())) == []
