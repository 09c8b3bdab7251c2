"""Each conflict kind, and the non-conflicts that must stay quiet."""

from __future__ import annotations

import pytest

from library.compare import compare_texts
from library.compare.conflicts import find_conflicts
from library.compare.worddiff import word_diff


def conflicts(a: str, b: str) -> list[tuple[str, str, str]]:
    return [(c.kind, c.a, c.b) for c in find_conflicts(a, b, word_diff(a, b))]


def test_number() -> None:
    got = conflicts(
        "The student earned 40,000 RMB for seven maps.",
        "The student earned 60,000 RMB for seven maps.",
    )
    assert got == [("number", "40,000", "60,000")]


def test_written_and_digit_numbers_agree() -> None:
    assert conflicts("He sold seven maps.", "He sold 7 maps.") == []


def test_percentages() -> None:
    assert conflicts("Sales fell 5% last year.", "Sales fell 8 percent last year.") == [
        ("number", "5%", "8 percent")
    ]


def test_date() -> None:
    got = conflicts(
        "On November 9, the ministry issued a notice about the case.",
        "On October 13, the ministry issued a notice about the case.",
    )
    assert got == [("date", "November 9", "October 13")]


def test_partial_dates_are_compatible() -> None:
    assert (
        conflicts(
            "On October 10, the bureau published an article.",
            "On the 10th, the bureau published an article.",
        )
        == []
    )


def test_weekday_and_year() -> None:
    assert conflicts("The vote was on Monday.", "The vote was on Friday.") == [
        ("date", "Monday", "Friday")
    ]
    assert conflicts("The case dates from 2005.", "The case dates from 2007.") == [
        ("date", "2005", "2007")
    ]


def test_entity() -> None:
    got = conflicts(
        "The police in Paris arrested the suspect after a chase.",
        "The police in Lyon arrested the suspect after a chase.",
    )
    assert got == [("entity", "Paris", "Lyon")]


def test_entity_variants_are_not_conflicts() -> None:
    assert (
        conflicts(
            "The CCP is no longer hiding its nature.",
            "The Communist Party is no longer hiding its nature.",
        )
        == []
    )


def test_negation() -> None:
    got = conflicts("The minister did not resign on Monday.", "The minister resigned on Monday.")
    assert [k for k, _, _ in got] == ["negation"]
    assert "not" in got[0][1]
    assert got[0][2] == ""


def test_attribution() -> None:
    got = conflicts(
        "The plan will fail, Li Linyi told reporters.",
        "The plan will fail, Tang Jingyuan told reporters.",
    )
    assert ("attribution", "Li Linyi", "Tang Jingyuan") in got


def test_according_to() -> None:
    got = conflicts(
        "Police arrested him, according to Reuters.", "Police arrested him, according to AP."
    )
    assert got == [("attribution", "Reuters", "AP")]


def test_quote() -> None:
    got = conflicts(
        'He called it "a very bad decision for the whole country".',
        'He called it "a terrible decision for the whole country".',
    )
    assert got == [
        (
            "quote",
            "a very bad decision for the whole country",
            "a terrible decision for the whole country",
        )
    ]


def test_extra_detail_is_not_a_conflict() -> None:
    assert (
        conflicts(
            "A doctoral student provided 7 classified maps in 2005.",
            "A doctoral student provided classified maps.",
        )
        == []
    )


@pytest.mark.parametrize(
    ("a", "b", "kind"),
    [
        (
            "Rescuers found 12 survivors in the collapsed school on Tuesday.",
            "Rescuers found 15 survivors in the collapsed school on Tuesday.",
            "number",
        ),
        (
            "The court in Berlin sentenced the former manager to prison on Tuesday.",
            "The court in Munich sentenced the former manager to prison on Tuesday.",
            "entity",
        ),
        (
            "The company confirmed the factory would close next month.",
            "The company denied the factory would close next month.",
            "negation",
        ),
    ],
)
def test_end_to_end_divergent(a: str, b: str, kind: str) -> None:
    pairs = compare_texts(a, b).pairs
    assert len(pairs) == 1
    assert pairs[0].relation == "divergent"
    assert kind in [c.kind for c in pairs[0].conflicts]


def test_end_to_end_paraphrase_stays_same() -> None:
    c = compare_texts(
        "Li Zhaozong is the current director of the Central Confidentiality Office.",
        "The Central Confidentiality Office is currently directed by Li Zhaozong.",
    )
    assert [p.relation for p in c.pairs] == ["same"]


def test_opposite_verbs_are_a_negation() -> None:
    assert conflicts(
        "The assembly passed the amendment on Monday.",
        "The assembly rejected the amendment on Monday.",
    ) == [("negation", "passed", "rejected")]


def test_opposite_with_several_partners_either_way() -> None:
    # "rejected" is the opposite of passed, approved and accepted alike.
    assert conflicts(
        "The assembly rejected the amendment on Monday.",
        "The assembly passed the amendment on Monday.",
    ) == [("negation", "rejected", "passed")]
    assert conflicts(
        "Lawmakers approved the budget.",
        "Lawmakers rejected the budget.",
    ) == [("negation", "approved", "rejected")]


def test_opposite_words_apart_in_a_longer_sentence() -> None:
    found = conflicts(
        "The assembly of the small state passed, by a wide margin after a long debate, the bill.",
        "The bill was rejected by the assembly.",
    )
    assert ("negation", "passed", "rejected") in found


def test_opposite_told_the_same_way_is_no_conflict() -> None:
    assert (
        conflicts(
            "Prices rose in May and fell in June.",
            "Prices rose in May, then fell in June.",
        )
        == []
    )


def test_conflict_order_is_stable() -> None:
    a = "On May 17, 2005, Li Linyi said 35 members did not vote in Kuwait."
    b = "On May 18, 2005, Tang Jingyuan said 23 members voted in Qatar."
    first = conflicts(a, b)
    assert {k for k, _, _ in first} >= {"date", "number", "negation", "attribution"}
    assert all(conflicts(a, b) == first for _ in range(3))


def test_cjk_date() -> None:
    c = compare_texts(
        "国家保密局11月10日发布文章，警告媒体泄密。天气很好。",
        "天气不错。国家保密局10月10日发布文章，警告媒体泄密。",
    )
    assert [(p.a, p.b, p.relation) for p in c.pairs] == [((0,), (1,), "divergent")]
    assert [(k.kind, k.a, k.b) for k in c.pairs[0].conflicts] == [("date", "11月10日", "10月10日")]


@pytest.mark.parametrize(
    "text",
    [
        " ".join(["Alpha Beta Gamma Delta"] * 1500),  # was quadratic: 18 s
        " ".join(["A. B. C."] * 3000),  # was exponential in the initials: 25 s
    ],
)
def test_long_capitalised_runs_stay_fast(text: str) -> None:
    import time

    from library.compare.conflicts import speakers

    start = time.perf_counter()
    conflicts(text, text[:-5] + "Zed.")
    assert time.perf_counter() - start < 3.0
    assert speakers("Yao Yuan, a professor at Fudan University, told reporters.") == ["Yao Yuan"]
    assert speakers(text + ". Li Wei said so.")  # a name after the run, still found
