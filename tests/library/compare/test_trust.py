"""Divergent only where a careful reader agrees: each look-alike of the pool's false
proposals is demoted (shown, as a related pair or not at all), while the clear
conflict next to it still makes its pair divergent."""

from __future__ import annotations

from library.compare import compare_texts
from library.compare.crossing import _owned
from library.compare.detectors.names import same_name
from library.compare.kinds import conflict
from library.compare.model import Comparison
from library.compare.trust import NEGATION_MIN_SCORE, gate


def _divergent(c: Comparison) -> list[list[tuple[str, str]]]:
    return [
        [(k.a, k.b) for k in p.conflicts if k.material]
        for p in c.pairs
        if p.relation == "divergent"
    ]


# --- aligned pairs: which conflicts hold under the threshold ------------------

_DATE = conflict("date", "Tuesday", "Thursday")
_NOT = conflict("negation", "confirm… (not negated)", "aren't confirmed")
_COUNT = conflict("number", "three", "two", context_a="three boats", context_b="two boats")


def test_under_the_threshold_a_date_or_negation_is_a_note_and_a_number_still_counts() -> None:
    # A jury's ruling on Tuesday / the judge's on Thursday; "had no children" /
    # "one of six children": two sentences that share few words.
    got = gate((_DATE, _NOT, _COUNT), "aligned-low", 0.40)
    assert [(k.kind, k.severity) for k in got] == [
        ("date", "low"),
        ("negation", "low"),
        ("number", "high"),
    ]
    assert "not told alike" in got[0].explanation
    assert got[0].explanation.startswith("A: Tuesday · B: Thursday")


def test_above_the_threshold_a_date_still_diverges() -> None:
    assert gate((_DATE,), "aligned", 0.45)[0].material


def test_a_negation_needs_a_pair_told_nearly_alike() -> None:
    # "Halvorsen confirmed the bid" / "the figures aren't confirmed" scored 0.52.
    assert not gate((_NOT,), "aligned", NEGATION_MIN_SCORE - 0.08)[0].material
    assert gate((_NOT,), "aligned", NEGATION_MIN_SCORE + 0.1)[0].material
    # A state qualified both ways ("well" / "badly equipped") is not a bare "not".
    states = (_NOT.explanation,)
    assert gate((_NOT,), "aligned", NEGATION_MIN_SCORE - 0.08, states)[0].material


def test_a_planted_negation_still_diverges() -> None:
    a = "The mayor confirmed that the city will close the Elm Street bridge in May."
    b = "The mayor did not confirm that the city will close the Elm Street bridge in May."
    c = compare_texts(a, b)
    assert [p.relation for p in c.pairs] == ["divergent"]


def test_a_number_under_the_threshold_still_diverges() -> None:
    a = "Rescuers pulled 12 survivors from the collapsed school in Riverton on Tuesday."
    b = "On Tuesday, rescue teams freed 15 survivors from the ruins of the Riverton school."
    assert _divergent(compare_texts(a, b)) == [[("12", "15")]]


# --- across sentences: the same owner and the same occasion ---------------------


def test_a_one_word_name_and_one_shared_word_do_not_make_a_contradiction() -> None:
    # "None of the other clubs offered Valdane more than six years" / "the
    # five-year offers for Valdane": one surname, one word ("offer") in common.
    assert not _owned({"=valdane", "valdane"}, {"offer"}, set())
    # Named in full, and what is counted in common: "a 48-page indictment against
    # Ellen Quist" / "Ellen Quist ... the 47-page indictment".
    assert _owned({"=ellen quist", "quist"}, set(), {"indict"})
    # One-word name, two words in common: "12 survivors from the Riverton school" /
    # "15 survivors from the Riverton school".
    assert _owned({"=riverton"}, {"school", "survivor"}, {"survivor"})
    # No name at all: the counted noun alone never makes a contradiction.
    assert not _owned(set(), {"flatten", "barn"}, {"barn"})
    # A unit is no occasion: "yards" fits many plays.
    assert not _owned({"=ann reyes"}, {"yard"}, set())


def test_a_full_name_and_the_thing_counted_still_diverge() -> None:
    a = (
        "Prosecutors unsealed a 48-page indictment against Mayor Ellen Quist on Tuesday.\n"
        "The mayor's lawyer called the case political."
    )
    b = (
        "Ellen Quist, who has led the city since 2015, denied every count in the 47-page "
        "indictment.\n"
        "Her lawyer said the case was political."
    )
    assert _divergent(compare_texts(a, b)) == [[("48", "47")]]


# --- numbers no reader would compare ---------------------------------------------


def test_a_superlative_counts_a_subset() -> None:
    a = "The quake levelled seven villages on the island of Marrow, officials said."
    subset = "The quake levelled the four hardest-struck villages on Marrow island, officials said."
    other = "The quake levelled four villages on the island of Marrow, officials said."
    assert _divergent(compare_texts(a, subset)) == []
    assert _divergent(compare_texts(a, other)) == [[("seven", "four")]]


def test_a_phone_number_is_no_count() -> None:
    a = "Witnesses should ring the tip line on 0800 555 111."
    b = "Witnesses should ring the tip line on 0800 555111."
    assert _divergent(compare_texts(a, b)) == []


def test_a_lost_glyph_is_not_read_as_a_number() -> None:
    a = "Delmont served 4\ufffd months in county jail for filing false tax returns."
    b = "Delmont served 41 / 2 months in county jail for filing false tax returns."
    assert _divergent(compare_texts(a, b)) == []
    c = "Delmont served six months in county jail for filing false tax returns."
    d = "Delmont served nine months in county jail for filing false tax returns."
    assert _divergent(compare_texts(c, d)) == [[("six", "nine")]]


def test_a_range_writes_its_scale_once() -> None:
    a = "The Pirates offered between $110 million and $120 million over five years."
    b = "The Pirates offered between $110 and $120 million over five years."
    assert _divergent(compare_texts(a, b)) == []
    c = "The Pirates offered between $95 and $120 million over five years."
    assert [k[0] for k in _divergent(compare_texts(a, c))[0]] == ["110 million"]


def test_a_title_written_short_is_the_same_title() -> None:
    assert same_name("Lt", "Lieutenant") and same_name("Sgt.", "Sergeant")
    assert same_name("Gov", "Governor")
    assert not same_name("Lt", "Lisbon")
    a = "Deputies found a knife in the truck, Harlow police Lt. Dana Kettering said."
    b = "Deputies found a knife in the truck, Harlow police Lieutenant Dana Kettering said."
    assert _divergent(compare_texts(a, b)) == []


def test_a_share_and_a_street_block_are_no_counts() -> None:
    from library.compare.detectors.number_mentions import mentions

    assert [m.q.text for m in mentions("the 4800 block of West 97th Street")] == ["97th"]
    a = "Between a third and two-thirds of the farms in the Sorrel valley were flooded."
    b = "Sorrel, a 900-square-kilometre valley, has a population of 40,000."
    assert _divergent(compare_texts(a, b)) == []
    # a share of the farms against a count of them: no two values of one slot
    c = "Half of the farms in the Sorrel valley were flooded on Monday, officials said."
    d = "Twelve farms in the Sorrel valley were flooded on Monday, officials said."
    assert _divergent(compare_texts(c, d)) == []
    e = "Rescuers freed 12 survivors from the Riverton school, officials said."
    f = "Rescuers freed 15 survivors from the Riverton school, officials said."
    assert _divergent(compare_texts(e, f)) == [[("12", "15")]]


def test_the_word_date_names_no_event() -> None:
    from library.compare.detectors.dates import event_words

    assert "date" not in event_words("its March 9, 2017 release date", "March 9, 2017")
    assert "release" in event_words("its March 9, 2017 release date", "March 9, 2017")
