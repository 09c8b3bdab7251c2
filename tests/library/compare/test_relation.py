"""The third relation: the same subject told with different facts."""

from __future__ import annotations

from library.compare import compare_texts
from library.compare.kinds import conflict
from library.compare.relation import classify


def test_classify() -> None:
    date = conflict("date", "March 4", "May 20")
    name = conflict("entity", "Anna Petrov", "Ivan Sokol")
    who = conflict("attribution", "Reuters", "AP")
    assert classify([]) == "same"
    assert classify([who]) == "same"
    assert classify([date]) == "divergent"
    assert classify([name]) == "divergent"
    assert classify([date, name]) == "related"


def test_aligned_pair_with_its_own_date_and_person_is_related() -> None:
    c = compare_texts(
        "On March 4 the ministry said that Anna Petrov had sold 12 maps.",
        "On May 20 the ministry said that Ivan Sokol had sold 30 maps.",
    )
    assert [p.relation for p in c.pairs] == ["related"]
    assert {k.kind for k in c.pairs[0].conflicts} >= {"date", "entity"}
    s = c.summary
    assert (s.shared, s.divergent, s.related) == (0, 0, 1)
    # Related pairs cover nothing (they are not shared) and are not one-sided either.
    assert s.overlap_a == s.overlap_b == 0.0
    assert c.only_a == c.only_b == ()


def test_unaligned_sentences_about_two_cases_of_one_body_are_related() -> None:
    a = (
        "The Harbour Authority has become far more vocal this year.\n"
        "On June 2, the Harbour Authority disclosed a case in which a retired pilot "
        "leaked secret charts and was sentenced to prison."
    )
    b = (
        "The Harbour Authority has grown unusually visible this year.\n"
        "On August 15, the Harbour Authority revealed that a dock clerk sold restricted "
        "radios online and received a prison sentence."
    )
    c = compare_texts(a, b)
    related = [p for p in c.pairs if p.relation == "related"]
    assert len(related) == 1
    assert [(k.kind, k.a, k.b) for k in related[0].conflicts] == [("date", "June 2", "August 15")]
    assert all(p.relation != "divergent" for p in c.pairs)
