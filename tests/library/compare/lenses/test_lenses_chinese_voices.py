"""The Voices lens over Chinese articles (invented texts, news style)."""

from __future__ import annotations

from library.compare import compare_texts
from library.compare.lenses import Lenses
from library.compare.lenses.chinese_voices import anonymous_zh, speakers
from tests.library.compare.lenses.test_lenses_chinese import EN, ZH, ZH_TRAD


def lenses(a: str, b: str) -> Lenses:
    found = compare_texts(a, b).lenses
    assert found is not None
    return found


def said(text: str) -> list[tuple[str, str]]:
    return [(z.text, role) for z, role in speakers(text)]


def test_attribution_patterns() -> None:
    assert said("时事评论员李林一表示，局势紧张。") == [("李林一", "时事评论员")]
    assert said("外交部发言人汪文斌此前称，美方应停止干涉。") == [("汪文斌", "外交部发言人")]
    assert said("“这是一个危险的信号，”李林一说。") == [("李林一", "")]
    assert said("李林一对本台表示，此事尚无定论。") == [("李林一", "")]
    assert said("国家安全部在声明中指出，案件已经侦破。") == [("国家安全部", "")]
    assert said("据《环球时报》报道，三人被捕。") == [("环球时报", "")]
    assert said("据美国之音报道，三人被捕。") == [("美国之音", "")]
    assert said("评论员马英九表示，此事另有隐情。") == [("马英九", "评论员")]
    # A name that does not speak is no voice; an unnamed source is counted apart.
    assert said("李林一的文章引起关注。") == []
    assert said("据知情人士透露，三人被捕。") == []
    assert anonymous_zh("分析人士认为，外界猜测此事另有隐情。") == ["分析人士", "外界猜测"]


def test_chinese_article_voices_and_pronoun() -> None:
    a = ZH + "他还说，事态会升级。"
    ls = lenses(a, "今天天气很好。")
    by = {v.name: v for v in ls.voices}
    # "他还说" after the unnamed 分析人士 reaches back to the last named voice.
    assert by["李林一"].a == [0, 3, 5] and by["李林一"].description_a == "时事评论员"
    assert by["汪文斌"].a == [1] and by["汪文斌"].description_a == "外交部发言人"
    assert by["环球时报"].a == [2]
    assert by["国家安全部"].a == [0]
    anonymous = ls.to_dict()["anonymous"]
    assert anonymous["a"]["count"] == 1 and anonymous["b"]["count"] == 0


def test_traditional_copy_has_the_same_voices() -> None:
    simp = [(v.a, v.description_a) for v in lenses(ZH, "天气很好。").voices]
    trad = [(v.a, v.description_a) for v in lenses(ZH_TRAD, "天气很好。").voices]
    assert len(simp) == len(trad) and [a for a, _ in simp] == [a for a, _ in trad]
    both = lenses(ZH, ZH_TRAD)
    assert all(v.a == v.b for v in both.voices)


def test_same_speaker_across_scripts() -> None:
    ls = lenses(ZH, EN)
    li = next(v for v in ls.voices if "李林一" in v.name)
    assert li.name == "Li Linyi (李林一)"
    assert li.a == [0, 3] and li.b == [0]
    assert li.description_a == "时事评论员" and li.description_b == "Current affairs commentator"
    wang = next(v for v in ls.voices if "汪文斌" in v.name)
    assert wang.a == [1] and wang.b == [1]


def test_cli_table_aligns_chinese_by_display_width() -> None:
    from library.chinese import display_width
    from library.compare.lenses.render import render_lens

    header, _, *rows = render_lens(lenses(ZH, EN), "voices").splitlines()
    column = display_width(header[: header.index("A units")])

    def at_column(line: str) -> str:
        """The text from terminal column `column` on (wide characters count two)."""
        k = next(k for k in range(len(line) + 1) if display_width(line[:k]) >= column)
        return line[k:]

    table = [r for r in rows if not r.startswith("Unnamed")]
    assert any("李林一" in r for r in table) and any("环球时报" in r for r in table)
    assert all(at_column(r)[:1] in "0123456789–" for r in table)


def test_foreign_speaker_across_scripts_by_dictionary() -> None:
    ls = lenses(
        "美国总统唐纳德·特朗普表示，关税将提高。普京称，俄方不会让步。",
        "President Donald Trump said tariffs would rise. "
        "Vladimir Putin said Russia would not yield.",
    )
    both = {v.name: (v.a, v.b) for v in ls.voices if v.a and v.b}
    assert both == {
        "Donald Trump (唐纳德·特朗普)": ([0], [0]),
        "Vladimir Putin (普京)": ([1], [1]),
    }


def test_a_body_speaks_in_both_scripts() -> None:
    ls = lenses(
        "国家安全部立即表示，案件已经侦破。",
        "The Ministry of State Security said the case was solved.",
    )
    both = [v for v in ls.voices if v.a and v.b]
    assert [(v.name, v.a, v.b) for v in both] == [
        ("Ministry of State Security (国家安全部)", [0], [0])
    ]


def test_press_conference_spokesman_and_unnamed_analysts() -> None:
    # 记者会 is a press conference, not a reporter named 会上; 人马 is no part of 马修.
    assert said("国台办发言人朱凤莲在例行记者会上表示，欢迎交流。") == [("朱凤莲", "国台办发言人")]
    assert said("美国国务院发言人马修·米勒则强调，华盛顿密切关注。") == [
        ("马修·米勒", "美国国务院发言人")
    ]
    assert anonymous_zh("有分析人士认为，此举意在影响选举。") == ["有分析人士"]
