"""A Chinese-reading journalist's pairs: defects found by use (issue #11 QA)."""

from __future__ import annotations

from library.compare import compare_texts


def _found(a: str, b: str) -> tuple[list[str], list[str]]:
    c = compare_texts(a, b)
    return [p.relation for p in c.pairs], [x.explanation for p in c.pairs for x in p.conflicts]


def test_people_counted_with_a_classifier_before_a_noun_conflict() -> None:
    # 3名在职官员 vs 5名在职官员 was "same": the count was read as counting 在.
    relations, found = _found("通报指出，该案涉及3名在职官员。", "通报指出，该案涉及5名在职官员。")
    assert relations == ["divergent"] and found == ["A: 3名 · B: 5名"]
    _, found = _found("事故造成两名工人受伤。", "事故造成三名工人受伤。")
    assert found == ["A: 两名 · B: 三名"]


def test_people_counted_as_ren_or_ming_are_one_measure() -> None:
    _, found = _found("警方已拘捕12人，案件仍在调查。", "警方已拘捕15名疑犯，案件仍在调查。")
    assert found == ["A: 12人 · B: 15名"]
    assert _found("警方已拘捕12人，案件仍在调查。", "警方已拘捕12名疑犯，案件仍在调查。")[1] == []


def test_the_same_count_with_a_classifier_is_no_conflict() -> None:
    assert _found("该案涉及3名在职官员。", "該案涉及3名在職官員。") == (["same"], [])
    # 一个 is mostly a word (一个农村家庭), not a count.
    assert _found("他出生于一个农村家庭。", "他出生于两个农村家庭。")[1] == []


def test_negated_claim_quotes_the_claim_not_the_character_before_it() -> None:
    # 警方认定 / 警方并非认定: the shared 方 is not part of the claim.
    _, found = _found("当地警方认定火灾系人为纵火。", "当地警方并非认定火灾系人为纵火。")
    assert found == ["A: 认定火灾 · B: 并非认定火灾"]
