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


def _marked(diff: tuple[tuple[int, str], ...]) -> str:
    from library.compare.worddiff import is_variant

    out = []
    for k, (op, text) in enumerate(diff):
        if op != 0 and not is_variant(diff, k):
            out.append(text)
    return "".join(out)


def test_word_diff_of_a_traditional_and_a_simplified_copy_marks_only_real_changes() -> None:
    from library.compare.worddiff import word_diff

    a = "國家安全部表示：「維護國家安全是全體公民的共同責任。」"
    b = "国家安全部声称：“维护国家安全是全体公民的共同责任。”"
    diff = word_diff(a, b)
    # The contract holds: each side's text comes back whole.
    assert "".join(t for op, t in diff if op != 1) == a
    assert "".join(t for op, t in diff if op != -1) == b
    # 國/国, 「/“ are one character written two ways: only 表示/声称 differ.
    assert _marked(diff) == "表示声称"


def test_report_and_emphasis_skip_script_variants() -> None:
    from library.compare.report import render_report
    from library.export.layout import ComparisonLayout

    a = "據報道，該案涉及3名在職官員。"
    b = "据报道，该案涉及5名在职官员。"
    c = compare_texts(a, b)
    text = render_report(c, color=False)
    assert "[-3-]" in text and "{+5+}" in text
    assert "[-據" not in text and "{+据" not in text
    layout = ComparisonLayout.build(c)
    emphasised = [a[s:e] for s, e, _ in layout.emphasis["a"]]
    assert emphasised == ["3"] or emphasised == ["3名"]


def test_sums_in_hong_kong_dollars_and_other_currencies_conflict() -> None:
    # 1.2億港元 vs 1.5亿港元 was "same": 港 was taken for the counted thing.
    relations, found = _found("案件涉及金額約1.2億港元。", "案件涉及金额约1.5亿港元。")
    assert relations == ["divergent"] and found == ["A: 1.2億港元 · B: 1.5亿港元"]
    assert _found("该公司获得3000万美元融资。", "该公司获得3,000万美元融资。")[1] == []
    _, found = _found("该公司获得3000万美元融资。", "该公司获得5000万美元融资。")
    assert found == ["A: 3000万美元 · B: 5000万美元"]


def test_confirmed_against_denied() -> None:
    _, found = _found("外交部证实了这一消息。", "外交部否认了这一消息。")
    assert found == ["A: 证实了这一消 · B: 否认了这一消"]


def test_weekdays_conflict() -> None:
    relations, found = _found("李克强总理周三访问了日本。", "李克强总理星期四访问了日本。")
    assert relations == ["divergent"] and found == ["A: 周三 · B: 星期四"]
    assert _found("总理周三访问了日本。", "总理星期三访问了日本。")[1] == []
    assert _found("今年是建校十周年。", "今年是建校十周年。")[1] == []


def test_percent_with_a_decimal_in_words() -> None:
    assert _found("GDP同比增长5.2%。", "GDP同比增长百分之五点二。") == (["same"], [])
    _, found = _found("GDP同比增长百分之五点二。", "GDP同比增长4.9%。")
    assert found == ["A: 百分之五点二 · B: 4.9%"]


def test_the_same_number_written_two_ways_is_not_marked() -> None:
    from library.compare.report import render_report

    c = compare_texts("该案造成4万元损失，涉及3名官员。", "该案造成40,000元损失，涉及5名官员。")
    text = render_report(c, color=False)
    assert "[-3-]" in text and "{+5+}" in text
    assert "[-4万-]" not in text and "{+40,000+}" not in text
