"""Conflicts across sentences that were not aligned as a whole."""

from __future__ import annotations

from library.compare import compare_texts


def test_same_count_in_otherwise_different_sentences() -> None:
    a = (
        "Prosecutors in Dorvale unsealed a 48-page indictment against Mayor Ellen Quist "
        "on Tuesday, accusing her of steering road contracts to friends.\n"
        "The mayor's lawyer called the case political."
    )
    b = (
        "Quist, who has led the city since 2015, pleaded not guilty to every count in "
        "the 47-page indictment.\n"
        "Her lawyer said the case was political."
    )
    c = compare_texts(a, b)
    divergent = [p for p in c.pairs if p.relation == "divergent"]
    assert len(divergent) == 1
    (k,) = divergent[0].conflicts
    assert (k.kind, k.a, k.b) == ("number", "48", "47")
    assert k.explanation == "A: 48-page indictment · B: 47-page indictment"
    # Both spans are given: the pair points at the two sentences.
    assert (divergent[0].a, divergent[0].b) == ((0,), (0,))


def test_a_shared_unit_of_measure_is_not_the_same_thing() -> None:
    a = "Comets receiver Reggie Dale caught passes for 108 yards and a touchdown on Sunday."
    b = "Comets kicker Sam Ortiz levelled the score with a 38-yard field goal late in the half."
    assert all(p.relation != "divergent" for p in compare_texts(a, b).pairs)


def test_a_value_the_other_article_also_states_is_known_not_contradicted() -> None:
    a = (
        "The Parks Office published its first report on October 10.\n"
        "On November 11, the Parks Office published a second report on damaged trails."
    )
    b = "On the 10th, the Parks Office released a report listing three damaged trails."
    assert all(p.relation == "same" for p in compare_texts(a, b).pairs)


def test_same_person_same_event_different_date_across_sentences() -> None:
    a = (
        "Coach Ann Reyes will leave the club on January 1, the board said.\n"
        "The team finished third last season."
    )
    b = (
        "The team finished third last season.\n"
        "Ann Reyes, who joined in 2019, says her last day will be February 28."
    )
    c = compare_texts(a, b)
    divergent = [p for p in c.pairs if p.relation == "divergent"]
    assert [[(k.kind, k.a, k.b) for k in p.conflicts] for p in divergent] == [
        [("date", "January 1", "February 28")]
    ]


def test_two_things_whose_names_share_a_word_are_not_one_count() -> None:
    # "fire tenders" and "fire engines" share "fire", but the heads end in
    # different nouns: two counts at two moments, not one count told twice.
    a = "Kent Police said crews, with two fire tenders, would stay at the scene until Tuesday."
    b = "Twelve fire engines were fighting the flames at the warehouse in Ashford, Kent."
    assert all(p.relation != "divergent" for p in compare_texts(a, b).pairs)


def test_two_adjacent_sentences_contradicting_one_sentence_make_one_claim() -> None:
    # A4 gives his age, A5 his gear; B tells both in one sentence, differently.
    a = (
        "The storm closed the pass on Sunday.\n"
        "Tom Hale, 32, died after a fall near the hut.\n"
        "Warden Lena Moss said Tom Hale was well equipped but new to the peak."
    )
    b = (
        "The pass was closed by the storm on Sunday.\n"
        "A badly equipped climber, 31-year-old Tom Hale, slipped on ice near the hut."
    )
    divergent = [p for p in compare_texts(a, b).pairs if p.relation == "divergent"]
    assert len(divergent) == 1
    assert (divergent[0].a, divergent[0].b) == ((1, 2), (1,))
    assert sorted(k.kind for k in divergent[0].conflicts) == ["negation", "number"]


def test_a_second_conflict_far_from_the_claim_is_not_joined_to_it() -> None:
    a = (
        "Tom Hale, 32, died after a fall near the hut.\n"
        "The storm closed the pass on Sunday.\n"
        "Warden Lena Moss said Tom Hale was well equipped but new to the peak."
    )
    b = "A badly equipped climber, 31-year-old Tom Hale, slipped on ice near the hut."
    divergent = [p for p in compare_texts(a, b).pairs if p.relation == "divergent"]
    assert all(len(p.a) == 1 for p in divergent)


# One story: both articles name the same county, town, agencies and officials.
_STORY = (
    "The storm hit Dunmore County near Belton on Friday, said Governor Ada Price.\n"
    "The Red Cross and the National Guard sent crews from Carver and Lisle.\n"
)
_A_COUNT = (
    "A strong tornado has flattened seven barns in the northern county, killing "
    "two horses, state officials were quoted as saying.\n"
)
_B_COUNT = "The sheriff told the local radio that four barns had been flattened.\n"


def test_the_thing_counted_anchors_sentences_that_name_nobody_in_common() -> None:
    # Met only through the thing counted, two sentences may count two sets (the
    # pool's "seven villages" levelled / "the four hardest-struck villages"): both
    # values are shown, as a related pair with the reason, never as divergent.
    a = _STORY + _A_COUNT + "Power was cut to most farms."
    b = "Most farms lost power.\n" + _STORY + _B_COUNT
    pairs = compare_texts(a, b).pairs
    assert not [p for p in pairs if p.relation == "divergent"]
    related = [p for p in pairs if p.relation == "related"]
    assert [[(k.a, k.b, k.severity) for k in p.conflicts] for p in related] == [
        [("seven", "four", "low")]
    ]
    assert "maybe" in related[0].conflicts[0].explanation


def test_a_count_in_articles_that_may_tell_two_storms_is_not_a_conflict() -> None:
    # Two tornado reports that share none of their names: two storms' barns.
    a = _STORY + _A_COUNT + "Power was cut to most farms."
    other = "Crews from Hull and Pike cleared roads in Orme County, Mayor Tom Reed said.\n"
    b = "Most farms lost power.\n" + other + _B_COUNT
    assert all(p.relation != "divergent" for p in compare_texts(a, b).pairs)


def test_a_count_of_the_same_noun_in_an_unrelated_sentence_is_not_a_conflict() -> None:
    # Same noun counted, nothing else in common: maybe another set of villages.
    a = "Seven villages lost power on Monday.\nThe storm moved east."
    b = "The storm moved east.\nRescuers reached four villages by boat."
    assert all(p.relation != "divergent" for p in compare_texts(a, b).pairs)


def test_a_pair_told_alike_does_not_take_in_a_neighbour_with_another_count() -> None:
    # B1's round is another fight's: the shared claim A0~B0 stays "same".
    a = (
        "Ivan Brandt stopped Leo Okafor in the ninth round to keep his belts.\n"
        "The crowd in Bremen cheered."
    )
    b = (
        "Ivan Brandt stopped Leo Okafor to keep his belts on Saturday.\n"
        "In 2010 Ivan Brandt had stopped Sam Ferris in the fifth round.\n"
        "The crowd in Bremen cheered."
    )
    pairs = compare_texts(a, b).pairs
    assert [(p.a, p.b, p.relation) for p in pairs if 0 in p.a] == [((0,), (0,), "same")]
