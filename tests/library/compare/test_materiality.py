"""Material only when the two sentences tell one fact apart from the value.

Sentences are made up (no eval text; invented names, places and numbers),
shaped like the false proposals described in `benchmarks/RESULTS-compare.md`
(a country's toll against a region's, two products' specs, a claim joined
across sentences that share little).
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from library.compare import compare_texts, materiality
from library.compare.agreement import agreement
from library.compare.detectors import passages
from library.compare.model import Conflict, Pair

# One toll told for a province, the other for a whole basin: each sentence
# names a place (and a source) the other never writes, and they share little
# besides "the 1998 flood killed … people".
TWO_SCOPES = (
    "In Dastra province alone, the flood of 1998 killed 1,200 people, officials in Velmora "
    "said on Monday.",
    "Across the Orin basin the 1998 flood killed 4,500 people, a report by Halden "
    "University found.",
)
# The same sentence with one number changed: a planted change keeps its flag.
PLANTED = (
    "In Dastra province alone, the flood of 1998 killed 1,200 people, officials in Velmora "
    "said on Monday.",
    "In Dastra province alone, the flood of 1998 killed 1,500 people, officials in Velmora "
    "said on Monday.",
)
# Two products' specs told alike: each names its own product, but the
# sentences agree on everything else, so the difference is shown.
TOLD_ALIKE = (
    "The Zentra X5 laptop from Orvell ships with a 15-inch screen and a fast chip, the maker said.",
    "The Kalbo Z3 laptop from Marrow ships with a 13-inch screen and a fast chip, reviewers said.",
)


def _divergent(cmp_pairs: tuple[Pair, ...]) -> list[Pair]:
    return [p for p in cmp_pairs if p.relation == "divergent"]


def test_a_number_told_for_another_scope_is_related_with_the_reason() -> None:
    pairs = compare_texts(*TWO_SCOPES).pairs
    assert not _divergent(pairs)
    (pair,) = [p for p in pairs if p.conflicts]
    assert pair.relation == "related"
    (note,) = [c for c in pair.conflicts if c.kind == "number"]
    assert not note.material
    assert "1,200 people" in note.explanation and "4,500 people" in note.explanation
    assert "the sentences tell different things around the value" in note.explanation
    assert "Dastra" in note.explanation and "Orin" in note.explanation


def test_the_other_scope_was_divergent_before_this_step(monkeypatch: pytest.MonkeyPatch) -> None:
    # This step, not a detector, makes the difference above.
    monkeypatch.setattr(materiality, "reads", lambda pair: False)
    assert _divergent(compare_texts(*TWO_SCOPES).pairs)


def test_a_planted_number_change_stays_divergent() -> None:
    (pair,) = compare_texts(*PLANTED).pairs
    assert pair.relation == "divergent"
    assert any(c.material and c.kind == "number" for c in pair.conflicts)


def test_two_names_in_sentences_told_alike_stay_divergent() -> None:
    (pair,) = compare_texts(*TOLD_ALIKE).pairs
    assert pair.relation == "divergent"


def test_agreement_cuts_the_values_out() -> None:
    told = agreement(PLANTED[0], "1,200", PLANTED[1], "1,500")
    assert told.kept == 1.0
    assert told.names_a == () and told.names_b == ()
    apart = agreement(TWO_SCOPES[0], "1,200 people", TWO_SCOPES[1], "4,500 people")
    assert apart.kept < materiality.MIN_KEPT_NAMED
    assert "Dastra" in apart.names_a and "Orin" in apart.names_b


def test_a_claim_across_sentences_needs_them_to_share_much() -> None:
    a, b = passages(
        "Rell Okafor signed with the Harriers for $80 million last winter after a long chase.",
        "Agents for the Pell club said its final offer to Okafor was $95 million.",
    )
    c = Conflict("number", "$80 million", "$95 million")
    crossed = Pair((0,), (0,), "divergent", 0.2, (c,), (), "cross-name")
    out = materiality.review(crossed, a, b)
    assert out.relation == "related"
    assert "share little besides the value" in out.conflicts[0].explanation
    # Two sentences that tell the rest alike keep the claim, on any path.
    close_a, close_b = passages(
        "Rell Okafor signed with the Harriers for $80 million last winter.",
        "Rell Okafor signed with the Harriers for $95 million last winter.",
    )
    close = Pair(
        (0,), (0,), "divergent", 0.2, (Conflict("number", "$80", "$95"),), (), "cross-name"
    )
    assert materiality.review(close, close_a, close_b) is close


def test_the_slot_path_keeps_its_own_gate() -> None:
    slot = Pair((0,), (0,), "divergent", 0.2, (Conflict("number", "26", "27"),), (), "slot")
    assert not materiality.reads(slot)
    assert materiality.reads(Pair((0,), (0,), "divergent", 0.2, (), (), "cross-date"))
    assert not materiality.reads(Pair((0,), (0,), "related", 0.2, (), (), "aligned"))


def test_a_name_told_longer_or_as_initials_is_the_same_name() -> None:
    # "Ashford Hawks" holds "Ashford": one team; "PTA" is "Parent Teacher
    # Association"; "Larks" / "Lark": one word.  None of them is another owner.
    told = agreement(
        "Valley final: Ashford 71, Brenton 6, the Parent Teacher Association said of the Larks.",
        "6",
        "No. 1 Ashford Hawks 71, No. 9 Brenton Owls 64, the PTA said of the Lark.",
        "64",
    )
    assert told.names_b == ()
    assert told.names_a == ()


def test_a_claim_across_sentences_keeps_an_owner_told_alike() -> None:
    # Head and modifier the same ("48-page indictment"), or the head after the
    # same word ("to own 19 boats" / "to own 20 boats"): one thing counted.
    a, b = passages(
        "Rell Okafor, said to own 19 boats, appeared before a judge in Kesh.",
        "Okafor, alleged to own 20 boats, employs about 400 fishermen.",
    )
    c = Conflict("number", "19", "20", explanation="A: 19 boats · B: 20 boats")
    crossed = Pair((0,), (0,), "divergent", 0.2, (c,), (), "cross-name")
    assert materiality.review(crossed, a, b) is crossed
    # A bare head after another word ("with 13 homers" / "had 33 homers") is not enough.
    a, b = passages(
        "After the trade, Dale Voss hit .301 with 13 homers in 54 games for Harlow.",
        "Across both clubs Voss had 33 homers and a career-best average.",
    )
    c = Conflict("number", "13", "33", explanation="A: 13 homers · B: 33 homers")
    crossed = Pair((0,), (0,), "divergent", 0.2, (c,), (), "cross-name")
    assert materiality.review(crossed, a, b).relation == "related"


def test_two_sources_giving_two_tolls_stay_divergent() -> None:
    # The speakers differ (a low attribution note): who told it names nobody
    # the value could belong to, so the toll is still one fact told two ways.
    pairs = compare_texts(
        "The fire killed 12 people, Fire Chief Dana Pike of Kesh said.",
        "The fire killed 15 people, Mayor Tom Hale said.",
    ).pairs
    (pair,) = _divergent(pairs)
    assert any(c.kind == "number" and c.material for c in pair.conflicts)


def test_a_value_is_cut_where_it_stands_as_a_whole() -> None:
    # "5" is not cut out of "May 15": the rest of the two sentences is the same.
    told = agreement(
        "On May 15, 5 people died in Kesh.", "5", "On May 15, 7 people died in Kesh.", "7"
    )
    assert told.kept == 1.0


def test_an_owner_context_not_found_is_no_shared_word_before_it() -> None:
    # The explanation's context is not in either text verbatim: "not found"
    # on both sides is not "the same word before the value".
    a, b = passages(
        "Rell Okafor of Kesh owns 19 boats, police say.",
        "Coast guards seized 20 boats in the harbour at dawn on Tuesday.",
    )
    c = Conflict("number", "19", "20", explanation="A: 19 vessels · B: 20 vessels")
    crossed = Pair((0,), (0,), "divergent", 0.2, (c,), (), "cross-name")
    assert materiality.review(crossed, a, b).relation == "related"


def test_names_in_accented_capitals_and_behind_a_stopword_are_names() -> None:
    # "Ørvik" and "Élan Bay" are names; "The Hague"'s "The" shares nothing.
    told = agreement(
        "In Ørvik, 40 homes flooded, near The Hague.",
        "40",
        "In Élan Bay, 60 homes flooded.",
        "60",
    )
    assert "The Hague" in told.names_a
    assert "Élan Bay" in told.names_b


def test_one_named_persons_age_across_sentences_stays_divergent() -> None:
    # Two sentences that share little else, each giving Ines Marlow's age: a
    # person has one age, so the name on both sides pins the slot.
    a, b = passages(
        "Rescuers on Mount Varn reached Ines Marlow, 32, late on the second day of the search.",
        "Guides had warned that the 31-year-old Ines Marlow of Leeds carried borrowed boots "
        "and no map.",
    )
    c = Conflict("number", "32", "31", explanation="A: 32 · B: 31 - year - old Ines")
    crossed = Pair((0,), (0,), "divergent", 0.2, (c,), (), "grown/cross-name")
    assert materiality.review(crossed, a, b) is crossed
    # Ages told years apart are most often two times (the slot path's rule too);
    # another person's age is another slot.
    far = Conflict("number", "32", "35", explanation="A: 32 · B: 35 - year - old Ines")
    older_a, older_b = a, passages(a.text, b.text.replace("31-year-old", "35-year-old"))[1]
    assert materiality.review(replace(crossed, conflicts=(far,)), older_a, older_b).relation == (
        "related"
    )
    other = passages(a.text, b.text.replace("Ines Marlow", "Ada Kovac"))[1]
    assert materiality.review(crossed, a, other).relation == "related"
