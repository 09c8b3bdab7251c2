"""Lenses over Chinese articles, and over a Chinese article against an English one.

All texts are invented for these tests (news style, no evaluation data).
"""

from __future__ import annotations

from library.chinese import fold
from library.compare import compare_texts
from library.compare.lenses import Lenses
from library.compare.lenses.chinese_names import find_names

ZH = (
    "【本报台北10月13日讯】时事评论员李林一表示，中国国家安全部近日在微信公众号发文，"
    "称3名官员泄露机密。"
    "外交部发言人汪文斌此前称，美国应停止干涉台湾事务。"
    "据《环球时报》报道，湖南省长沙市公安局逮捕了两名嫌疑人，罚款4万元。"
    "“这是一个危险的信号，”李林一说。"
    "分析人士认为，事态还会升级。"
)
# The same article in traditional characters (what a Hong Kong or Taiwan outlet prints).
ZH_TRAD = (
    "【本報台北10月13日訊】時事評論員李林一表示，中國國家安全部近日在微信公眾號發文，"
    "稱3名官員洩露機密。"
    "外交部發言人汪文斌此前稱，美國應停止干涉台灣事務。"
    "據《環球時報》報道，湖南省長沙市公安局逮捕了兩名嫌疑人，罰款4萬元。"
    "“這是一個危險的信號，”李林一說。"
    "分析人士認為，事態還會升級。"
)
EN = (
    "Current affairs commentator Li Linyi said the Ministry of State Security posted on WeChat. "
    "Wang Wenbin told reporters the United States should stop interfering in Taiwan. "
    "Police in Changsha fined the two suspects 40,000 yuan."
)


def lenses(a: str, b: str) -> Lenses:
    found = compare_texts(a, b).lenses
    assert found is not None
    return found


def kinds(text: str) -> list[tuple[str, str]]:
    return [(n.text, n.kind) for n in find_names(text)]


# --- names --------------------------------------------------------------------


def test_people_bodies_places_and_titles() -> None:
    assert kinds("时事评论员李林一表示，中国国家安全部近日发文。") == [
        ("李林一", "person"),
        ("中国", "place"),
        ("国家安全部", "body"),
    ]
    # 部长 is a role, not the ministry's end; 以来 no part of a name.
    assert ("国家安全部", "body") in kinds("陈一新接任国家安全部部长以来")
    # A province and city before a bureau stay in its name; 《》 is a title.
    assert kinds("据《环球时报》报道，湖南省长沙市公安局逮捕了两人。") == [
        ("环球时报", "title"),
        ("湖南省长沙市公安局", "body"),
    ]
    # A transliteration without the role before it or the verb after it.
    assert ("唐纳德·特朗普", "person") in kinds("美国总统唐纳德·特朗普在北京会见了蔡奇。")
    # Words that end like bodies or places but name none.
    assert kinds("全部干部都去了超市。") == []


def test_dateline_names_nobody() -> None:
    assert kinds("【本报台北10月13日讯】今天下雨。") == []


def test_chinese_article_names() -> None:
    ls = lenses(ZH, "今天天气很好。")
    names = {n.name: n for n in ls.names}
    assert names["李林一"].a == [0, 3]  # found again in "李林一说"
    assert names["汪文斌"].a == [1]
    assert names["国家安全部"].a == [0]
    assert {"外交部", "美国", "台湾", "湖南省长沙市公安局"} <= set(names)
    assert "环球时报" not in names  # a title (a voice when it reports), not a name
    assert "分析人士" not in names


def test_traditional_and_simplified_give_one_entry_each() -> None:
    both = lenses(ZH, ZH_TRAD)
    for n in both.names:
        assert n.a and n.b, n.name  # every name on both sides, as one entry
    simp = {fold(n.name): (n.a, n.b) for n in lenses(ZH, EN).names}
    trad = {fold(n.name): (n.a, n.b) for n in lenses(ZH_TRAD, EN).names}
    assert simp == trad


def test_same_person_across_scripts() -> None:
    ls = lenses(ZH, EN)
    by = {n.name: n for n in ls.names}
    assert by["Li Linyi"].a == [0, 3] and by["Li Linyi"].b == [0]
    assert "李林一" in by["Li Linyi"].aliases
    assert by["Wang Wenbin"].a == [1] and by["Wang Wenbin"].b == [1]
    assert by["Ministry of State Security"].a == [0]  # through CC-CEDICT
    assert by["United States"].a == [1] and by["Taiwan"].a == [1]
    # The given name first is the same person ("Linyi Li").
    flipped = {n.name: n for n in lenses(ZH, "Linyi Li, a commentator, said so.").names}
    assert flipped["Linyi Li"].a == [0, 3]


def test_taught_alias_joins_a_chinese_body() -> None:
    ls = compare_texts(
        "国家安全部表示，案件已经侦破。",
        "The National Security Department said the case was solved.",
        aliases=[("国家安全部", "National Security Department")],
    ).lenses
    assert ls is not None
    n = next(n for n in ls.names if n.a and n.b)
    assert "国家安全部" in [n.name, *n.aliases]


def test_foreign_names_end_where_the_sounds_end() -> None:
    # Two dotted names joined by 和, each without its role.
    assert kinds("作曲家玛丽·特蕾莎·里奥斯和歌手西尔维娅·雷克萨奇出席。") == [
        ("玛丽·特蕾莎·里奥斯", "person"),
        ("西尔维娅·雷克萨奇", "person"),
    ]
    # A Latin initial between dots; 堪比 is a word, so 比 is no part of the name.
    assert kinds("她的成就堪比琼·卡莉和安妮·S·斯旺。") == [
        ("琼·卡莉", "person"),
        ("安妮·S·斯旺", "person"),
    ]
    # A transliterated speaker without a dot, before the verb.
    assert ("比林斯基", "person") in kinds("比林斯基还声称，此事属实。")
    # Dictionary proper nouns: places and bodies, 南部 no part of 科威特.
    assert kinds("他从挪威搬到科威特南部，就读于哥伦比亚大学。") == [
        ("挪威", "place"),
        ("科威特", "place"),
        ("哥伦比亚大学", "body"),
    ]
    # A dotted name before 公园 is a park.
    assert ("福克斯·格罗夫公园", "place") in kinds("他在福克斯·格罗夫公园散步。")


def test_names_joined_by_a_conjunction_or_after_a_role() -> None:
    # 和约 is a word (a treaty), but 和 joins two names; 手 ends the role 歌手.
    assert kinds("歌手里米·汤米和约翰·伯奇出席。") == [
        ("里米·汤米", "person"),
        ("约翰·伯奇", "person"),
    ]
    # 特出 is a word, but 出 begins 出生; 州长 no part of the state's name.
    assert ("德·鲁伊特", "person") in kinds("德·鲁伊特出生于莱顿。")
    assert ("阿肯色州", "place") in kinds("他成为阿肯色州州长。")
    # "All militias" names no body.
    assert kinds("他指挥所有民兵组织。") == []


def test_abbreviation_is_its_full_name() -> None:
    # CC-CEDICT: 国安部 is short for 国家安全部; 微信 is "Weixin or WeChat".
    ls = lenses("国安部表示，国家安全部已在微信发文。", "The ministry posted on WeChat.")
    by = {n.name: n for n in ls.names}
    assert by["WeChat"].a == [0] and "微信" in by["WeChat"].aliases
    voice = [v for v in ls.voices if v.a]
    assert len(voice) == 1 and voice[0].key == "国家安全部"


def test_a_club_needs_a_name_before_it() -> None:
    assert kinds("他曾效力于瓦尔韦克足球俱乐部。") == [("瓦尔韦克足球俱乐部", "body")]
    assert ("洛阳队", "body") in kinds("洛阳队在首轮获胜。")
    assert kinds("他们击败了世界大赛冠军队。") == []


def test_a_person_keeps_the_role_before_the_name() -> None:
    by = {n.name: n for n in lenses(ZH, "天气很好。").names}
    assert by["李林一"].description == "时事评论员"
    assert by["汪文斌"].description == "外交部发言人"


def test_words_and_places_before_a_verb_are_no_people() -> None:
    # A surname then a verb: 周末, 黄金 are words, 张家口 a place, 林业局 a bureau.
    assert kinds("周末说走就走。") == []
    assert kinds("黄金说明了问题。") == []
    assert kinds("张家口称，雪已停。") == [("张家口", "place")]
    assert kinds("林业局表示，造林增加。") == [("林业局", "body")]
    assert kinds("巴西表示反对。") == [("巴西", "place")]
    # A famous name the dictionary lists is still a person; "this party" is no body.
    assert kinds("毛泽东说，星星之火可以燎原。") == [("毛泽东", "person")]
    assert kinds("这个党很大。") == []


def test_a_verb_ending_like_a_body_is_none() -> None:
    assert kinds("会谈结束后，双方签署了备忘录，并部署了警力。") == []


def test_currencies_and_kinds_of_people_are_no_places() -> None:
    # CC-CEDICT capitalises 人民币 /Renminbi/ and 台商 /Taiwanese businessman/.
    assert kinds("约有120名台商出席，签约金额达35亿元人民币。") == []


def test_bodies_across_scripts_by_their_dictionary_names() -> None:
    zh = "新华社报道称，民进党予以回应。美国国务院表示关注。陆委会称，台湾不会让步。"
    en = (
        "Xinhua reported it. The Democratic Progressive Party responded. "
        "The State Department voiced concern. The council said Taiwan would not yield."
    )
    ls = lenses(zh, en)
    by = {n.name: n for n in ls.names}
    assert "民进党" in by["Democratic Progressive Party"].aliases  # DPP (Democratic …)
    assert "美国国务院" in by["State Department"].aliases  # 国务院 /State Department (USA)/
    assert "陆委会" not in by["Taiwan"].aliases  # a council of Taiwan is not Taiwan
    voices = {v.name: (v.a, v.b) for v in ls.voices}
    assert voices["Xinhua (新华社)"] == ([0], [0])  # "Xinhua News Agency" without its tail
