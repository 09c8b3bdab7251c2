"""The Numbers lens over Chinese articles, and Chinese against English (invented texts)."""

from __future__ import annotations

from library.chinese import fold
from library.compare import compare_texts
from library.compare.lenses import Lenses
from library.compare.lenses.chinese_numbers import counted
from library.compare.model import Unit
from tests.library.compare.lenses.test_lenses_chinese import EN, ZH, ZH_TRAD


def lenses(a: str, b: str) -> Lenses:
    found = compare_texts(a, b).lenses
    assert found is not None
    return found


def quantities(text: str) -> list[tuple[str, float, str]]:
    found = counted(Unit(0, text, 0, len(text)))
    return [(z.counted.text, z.counted.value, z.counted.thing) for z in found]


def test_quantities_with_what_they_count() -> None:
    assert quantities("3名官员被判七年六个月，罚款4万元，涉案1.2亿美元，占百分之十五。") == [
        ("3名", 3, "3名官员"),
        ("七年六个月", 90, "七年六个月"),
        ("4万元", 40000, "4万元"),
        ("1.2亿美元", 120000000, "1.2亿美元"),
        ("百分之十五", 15, "百分之十五"),
    ]
    assert quantities("两名嫌疑人均为30岁男子，十二架飞机起飞。") == [
        ("两名", 2, "两名嫌疑人"),
        ("30岁", 30, "30岁"),
        ("十二架", 12, "十二架飞机"),
    ]
    # "a" is no count, a rank is no count, a date is the timeline's.
    assert quantities("这是一个信号，第三名选手在2022年10月13日获奖。") == []


def test_chinese_pair_matches_by_value_and_thing() -> None:
    a = "警方逮捕了3名官员，罚款4万元。"
    b = "警方逮捕了三名官员，罚款40,000元。"
    rows = [r.to_dict() for r in lenses(a, b).numbers]
    assert [(r["a"][0]["text"], r["b"][0]["text"], r["agree"]) for r in rows] == [
        ("3名", "三名", True),
        ("4万元", "40,000元", True),
    ]
    differ = lenses(a, "警方逮捕了5名官员，罚款4万元。").numbers
    assert [r.agree for r in differ] == [False, True]


def test_traditional_copy_gives_the_same_numbers() -> None:
    rows = lenses(ZH, ZH_TRAD).numbers
    assert len(rows) == 3 and all(r.agree for r in rows)

    def seen(text: str) -> list[tuple[str, float, int]]:
        return [(fold(r.thing), r.a[0].value, r.a[0].unit) for r in lenses(text, EN).numbers if r.a]

    assert seen(ZH) == seen(ZH_TRAD)


def test_numbers_across_scripts() -> None:
    ls = lenses(ZH, EN)
    money = next(r for r in ls.numbers if r.a and r.a[0].text == "4万元")
    assert [c.text for c in money.b] == ["40,000"] and money.agree
    suspects = next(r for r in ls.numbers if r.a and r.a[0].text == "两名")
    assert [c.text for c in suspects.b] == ["two"] and suspects.agree
    # Years in English are months in Chinese.
    rows = lenses("李林一被判七年六个月。", "Li Linyi was sentenced to 7.5 years.").numbers
    assert [(len(r.a), len(r.b)) for r in rows] == [(1, 1)]


def test_a_measure_word_alone_counts() -> None:
    assert quantities("共破获案件1.2万起，同比增长百分之十五。") == [
        ("1.2万起", 12000, "1.2万起"),
        ("百分之十五", 15, "百分之十五"),
    ]
