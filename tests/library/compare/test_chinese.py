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
