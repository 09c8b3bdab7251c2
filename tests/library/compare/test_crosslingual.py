"""Chinese against English: matched by glosses, names, numbers and dates; no word diff."""

from __future__ import annotations

import numpy as np

from library.compare import compare_texts
from library.compare.crosslingual import CrossBackend, Languages, conflicts, languages
from library.compare.detectors import passages
from library.compare.glosses import chinese_words, gloss_overlap, shared_names, stem
from library.compare.report import render_report

# A short news report and our English translation of it, written for these tests.
ZH = (
    "国家安全部部长李林一13日在北京会见了来访的代表团。"
    "双方签署了一份关于打击网络犯罪的合作协议。"
    "据官方统计，今年共破获案件1.2万起。"
    "代表团将于10月15日前往上海。"
)
EN = (
    "Minister of State Security Li Linyi met a visiting delegation in Beijing on Monday. "
    "The two sides signed a cooperation agreement on fighting cybercrime. "
    "According to official figures, 12,000 cases were solved this year. "
    "The delegation will travel to Shanghai on October 15."
)
ZH_EN = Languages("zh", "en")


def test_languages_are_read_from_the_texts_unless_stated() -> None:
    assert languages(ZH, EN)[:2] == ("zh", "en")
    assert languages(ZH, EN).differ
    assert not languages(ZH, ZH).differ
    assert languages(EN, EN, "zh-Hant", None)[:2] == ("zh", "en")  # a stated language wins
    # Undetermined (a headline without "the", French): differs from a CJK text only.
    assert languages("李林一辞职。", "Li Linyi resigns").differ
    assert not languages("Li Linyi resigns", "The minister Li Linyi resigns.").differ
    assert not Languages("und", "und").differ


def test_each_sentence_aligns_with_its_translation_without_a_word_diff() -> None:
    c = compare_texts(ZH, EN)  # no model: the anchors alone
    assert [(p.a, p.b) for p in c.pairs] == [((0,), (0,)), ((1,), (1,)), ((2,), (2,)), ((3,), (3,))]
    assert all(p.relation == "same" and p.diff == () for p in c.pairs)
    assert c.languages == ZH_EN._replace(by_meaning=False)
    assert c.to_dict()["languages"] == {
        "a": "zh", "b": "en", "crosslingual": True, "by_meaning": False
    }  # fmt: skip
    report = render_report(c, color=False)
    assert (
        "A is Chinese, B is English: matched only by names, numbers, dates and dictionary"
        " glosses (no model); no word-by-word diff" in report
    )


def test_the_model_cosine_is_mixed_in_when_there_is_one() -> None:
    def same_meaning(texts: list[str]) -> np.ndarray:
        return np.ones((len(texts), 4)) / 2.0  # every pair: cosine 1

    zh, en = ["他随后离开了。"], ["Then he walked out."]  # no gloss, name or number shared
    assert CrossBackend(ZH_EN).matrix(zh, en)[0, 0] < CrossBackend(ZH_EN).threshold
    with_model = CrossBackend(ZH_EN, same_meaning)
    assert with_model.matrix(zh, en)[0, 0] >= with_model.threshold


def test_numbers_and_dates_conflict_across_languages_with_values_named() -> None:
    a, b = passages(
        "法院判处其有期徒刑十二年，三人受伤。",
        "The court sentenced him to 15 years; five people were hurt.",
    )
    found = {(c.kind, c.a, c.b) for c in conflicts(a, b, ZH_EN)}
    assert ("number", "十二年", "15") in found
    a, b = passages("会议于十月十三日举行。", "The meeting was held on November 9.")
    assert [(c.kind, c.a, c.b) for c in conflicts(a, b, ZH_EN)] == [
        ("date", "十月十三日", "November 9")
    ]
    c = compare_texts(
        "会议于十月十三日在北京举行，三人受伤。",
        "The meeting was held in Beijing on November 9 and three people were hurt.",
    )
    assert [p.relation for p in c.pairs] == ["divergent"]


def test_the_same_values_written_two_ways_do_not_conflict() -> None:
    a, b = passages(
        "事故造成4万元损失，有期徒刑十二年，增长百分之十五，10月15日。",
        "The accident caused 40,000 yuan in losses, 12 years in prison, up 15 percent, "
        "on October 15.",
    )
    assert conflicts(a, b, ZH_EN) == ()


def test_names_match_through_pinyin_and_words_through_the_dictionary() -> None:
    assert {"lilinyi", "linyi"} <= shared_names("部长李林一辞职。", "Minister Li Linyi resigned.")
    assert "beijing" in shared_names("在北京", "in Beijing")
    assert shared_names("在北京", "in Shanghai") == frozenset()
    assert "代表团" in chinese_words("會見代表團")  # traditional folded first
    assert gloss_overlap("法院判处", "The court sentenced him") == 1.0
    assert stem("sentenced") == stem("sentence") and stem("held") == stem("hold")


def test_same_language_pairs_keep_their_word_diff() -> None:
    c = compare_texts("代表团将于10月15日前往上海。", "代表团将于10月16日前往上海。")
    assert c.languages is not None and not c.languages.differ
    assert c.pairs and c.pairs[0].diff
    assert "no word-by-word diff" not in render_report(c, color=False)


def test_no_neighbour_is_merged_in_across_languages() -> None:
    # Word overlap never drops across languages (it is always 0): align must not
    # take that for a merge that "scores at least as well".
    zh = "陈一新接任国家安全部部长。他在北京会见了代表团。"
    en = "Chen Yixin took over as Minister of State Security. Chen Yixin spoke briefly."
    c = compare_texts(zh, en)
    assert [(p.a, p.b) for p in c.pairs] == [((0,), (0,))]


def test_the_notice_says_meaning_only_when_a_model_took_part() -> None:
    # The words-only backend has no model: the notice must not claim "by meaning".
    assert "matched by meaning" in ZH_EN.describe()
    plain = ZH_EN._replace(by_meaning=False).describe()
    assert "meaning" not in plain and "no model" in plain
