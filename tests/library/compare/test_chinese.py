"""Chinese in the comparison engine: terms, sentences, word diff, conflicts."""

from __future__ import annotations

from library.compare import compare_texts
from library.compare.segment import segment
from library.compare.units import terms
from library.compare.worddiff import word_diff

SIMPLIFIED = (
    "国家安全部部长陈一新13日在北京会见了来访的代表团。"
    "双方就加强执法合作、打击跨国犯罪等问题深入交换了意见。"
    "据官方统计，今年前九个月共破获案件1.2万起，同比增长百分之十五。"
    "会谈结束后，双方签署了一份关于情报交流的谅解备忘录。"
)
TRADITIONAL = (
    "國家安全部部長陳一新13日在北京會見了來訪的代表團。"
    "雙方就加強執法合作、打擊跨國犯罪等問題深入交換了意見。"
    "據官方統計，今年前九個月共破獲案件1.2萬起，同比增長百分之十五。"
    "會談結束後，雙方簽署了一份關於情報交流的諒解備忘錄。"
)


def test_chinese_runs_split_from_digits() -> None:
    found = terms("自2022年10月陈一新接任国家安全部部长以来")
    assert "2022" in found and "10" in found
    assert {"陈一", "部长", "以来", "年", "月"} <= set(found)
    assert not any(len(t) > 4 for t in found)


def test_terms_fold_traditional_to_simplified() -> None:
    assert terms("國家安全部部長") == terms("国家安全部部长")


def test_sentences_break_after_chinese_enders_keeping_closing_quotes() -> None:
    text = "他说：“我们不会退让。”随后离开会场。记者问：「何时回来？」他未作答。"
    assert [u.text for u in segment(text)] == [
        "他说：“我们不会退让。”",
        "随后离开会场。",
        "记者问：「何时回来？」",
        "他未作答。",
    ]


def test_quote_of_two_sentences_is_split() -> None:
    text = "发言人称：「调查仍在进行。结果将于下月公布。」"
    assert [u.text for u in segment(text)] == ["发言人称：「调查仍在进行。", "结果将于下月公布。」"]


def test_latin_sentence_inside_chinese_line_stays_whole() -> None:
    text = "记者在现场听到一句英文：Mr. Li left. 随后人群散去。"
    assert [u.text for u in segment(text)] == [
        "记者在现场听到一句英文：Mr. Li left. 随后人群散去。"
    ]


def test_segment_offsets_point_into_original() -> None:
    for u in segment(TRADITIONAL):
        assert TRADITIONAL[u.start : u.end] == u.text


def test_word_diff_emphasises_the_date_not_the_clause() -> None:
    diff = word_diff("会议于十月十三日在北京举行。", "会议于十一月九日在北京举行。")
    changed = "".join(t for op, t in diff if op != 0)
    assert len(changed) <= 8
    assert "北京" not in changed
    assert "".join(t for op, t in diff if op != 1) == "会议于十月十三日在北京举行。"


def test_traditional_article_aligns_with_its_simplified_copy() -> None:
    c = compare_texts(SIMPLIFIED, TRADITIONAL)
    same = sum(len(p.a) for p in c.pairs if p.relation == "same")
    assert same == len(c.a.units) == 4


def _conflicts(a: str, b: str) -> tuple[list[str], list[str]]:
    c = compare_texts(a, b)
    return [p.relation for p in c.pairs], [x.explanation for p in c.pairs for x in p.conflicts]


def test_chinese_numerals_differing_are_a_conflict() -> None:
    relations, found = _conflicts(
        "法院以受贿罪判处其有期徒刑十二年。", "法院以受贿罪判处其有期徒刑十五年。"
    )
    assert relations == ["divergent"] and found == ["A: 十二年 · B: 十五年"]


def test_duration_in_years_and_months() -> None:
    relations, found = _conflicts("他被判处有期徒刑七年六个月。", "他被判处有期徒刑八年。")
    assert relations == ["divergent"] and found == ["A: 七年六个月 · B: 八年"]


def test_scales_wan_and_yi_are_values_not_digits() -> None:
    assert _conflicts("事故共造成4万元经济损失。", "事故共造成40,000元经济损失。") == (["same"], [])
    assert _conflicts("该项目总投资1.2亿元。", "该项目总投资12000万元。") == (["same"], [])
    _, found = _conflicts("该项目总投资1.2亿元。", "该项目总投资1.5亿元。")
    assert found == ["A: 1.2亿元 · B: 1.5亿元"]


def test_percent_in_words_and_digits() -> None:
    assert _conflicts("出口同比增长百分之十五。", "出口同比增长15%。") == (["same"], [])
    _, found = _conflicts("出口同比增长百分之十五。", "出口同比增长百分之二十。")
    assert found == ["A: 百分之十五 · B: 百分之二十"]


def test_chinese_dates_conflict() -> None:
    relations, found = _conflicts("会议于十月十三日在北京举行。", "会议于十一月九日在北京举行。")
    assert relations == ["divergent"] and found == ["A: 十月十三日 · B: 十一月九日"]


def test_this_month_takes_the_articles_month() -> None:
    a = "【本报北京11月20日讯】代表团将于本月9日抵达上海。"
    assert _conflicts(a, "代表团将于11月9日抵达上海。") == (["same"], [])
    _, found = _conflicts(a, "代表团将于11月19日抵达上海。")
    assert found == ["A: 本月9日 · B: 11月19日"]


def test_negated_claim_is_never_same() -> None:
    relations, found = _conflicts(
        "警方初步认定，这起火灾系人为纵火。", "警方初步认定，这起火灾并非人为纵火。"
    )
    assert relations == ["divergent"]
    assert found == ["A: 系人为纵火 · B: 并非人为纵火"]


def test_opposite_verbs() -> None:
    _, found = _conflicts("被告当庭承认收受贿赂。", "被告当庭否认收受贿赂。")
    assert found == ["A: 承认收受贿赂 · B: 否认收受贿赂"]
    relations, _ = _conflicts("当事人表示服从判决。", "当事人表示不服判决。")
    assert relations == ["divergent"]


def test_words_starting_with_a_cue_are_not_negation() -> None:
    a, b = "双方不断加强合作，未来继续交流。", "双方持续加强合作，今后继续交流。"
    assert _conflicts(a, b)[1] == []


def test_names_differing_in_one_character() -> None:
    relations, found = _conflicts(
        "代表团团长李兆宗出席了签字仪式。", "代表团团长李兆忠出席了签字仪式。"
    )
    assert relations == ["divergent"] and found == ["A: 李兆宗 · B: 李兆忠"]


def test_same_name_different_verb_is_no_name_conflict() -> None:
    _, found = _conflicts("外交部长王毅表示，中方欢迎交流。", "外交部长王毅说，中方欢迎交流。")
    assert found == []


def test_chinese_quote_counted_in_characters() -> None:
    c = compare_texts(
        "李兆忠说：“我们愿意共同维护地区安全。”", "李兆忠说：“我们愿意共同维护地区和平。”"
    )
    found = [(x.kind, x.a, x.b) for p in c.pairs for x in p.conflicts]
    assert found == [("quote", "我们愿意共同维护地区安全。", "我们愿意共同维护地区和平。")]
    assert [p.relation for p in c.pairs] == ["same"]  # a misquote is low severity


def test_negations_worded_differently_agree() -> None:
    assert _conflicts("该队未能赢得决赛。", "该队没能赢得决赛。")[1] == []


def test_place_suffix_is_not_a_name_change() -> None:
    assert _conflicts("他出生于苏木市的一个农村家庭。", "他出生于苏木镇的一个农村家庭。")[1] == []
