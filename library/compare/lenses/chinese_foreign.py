"""Foreign and dictionary names in Chinese text: transliterations and CC-CEDICT proper nouns.

Chinese writes a foreign name by sound, in a small set of characters (the
transliteration characters of the Xinhua tables: 阿, 克, 斯, 特, 尔 …), often
joined by a middle dot (唐纳德·特朗普).  Where such a name begins and ends is
where those characters stop (作曲家玛丽·特蕾莎·里奥斯 is 玛丽·特蕾莎·里奥斯,
家 is no sound), or where the character before it makes a word with the
first (堪比琼·卡莉: 堪比 is a word, so 琼·卡莉).

CC-CEDICT lists many places, bodies and people under their English name
(挪威 /Norway/, 哥伦比亚大学 /Columbia University/, 毛泽东 /Mao Zedong
(1893-1976) …/): a word whose first sense is capitalised is a proper noun,
its kind read from the sense (a life's years: a person; University,
Ministry …: a body; else a place), languages, festivals, weekdays and the
like left out.
"""

from __future__ import annotations

import re
from functools import lru_cache

from library.compare.glosses import dictionary
from library.compare.lenses.pattern_cache import re_compile

__all__ = [
    "DOTS",
    "PLACES",
    "TRANSLIT",
    "dotted_names",
    "proper_kind",
    "sound_run_before",
    "sound_span",
]

DOTS = "·・•‧."
# Characters of transliterated names (a closed list, from the Xinhua name tables).
TRANSLIT = frozenset(
    "阿埃艾爱安昂奥巴拜班邦保鲍贝本比彼毕宾波伯博布查达戴丹道德登迪蒂丁杜顿多厄恩尔法"
    "菲费芬丰佛弗福伏盖甘冈戈格葛根古瓜哈海汉豪赫亨胡华怀霍基吉加贾杰捷金卡凯坎康考柯"
    "科克肯库奎拉莱赖兰朗劳勒雷蕾里理丽利莉列林琳琼卢鲁路伦罗洛马玛迈麦曼芒梅门蒙米密"
    "敏莫默姆穆纳娜奈南内尼妮纽努诺欧帕派潘佩彭皮珀普奇齐乔切琴丘若萨赛桑瑟森沙莎尚舍"
    "施什史斯松苏索塔泰坦汤唐特滕提汀图托瓦万旺威韦维魏温沃乌伍西希谢辛休雅亚扬耶伊因"
    "英尤约泽扎詹治朱兹卓茨娅黛芙薇珊露丝塞舒夫逊契瑞翰廉斐蓓芭妲翠娃京登肖得文宁高锡"
    "彻历卫思勃摩热易狄罕默汗哥杭叶大士立札缪贡隆修范李略农何赞珍依蓬裴津坡哲琪璐柏芝"
)
# Places: a closed list (countries, regions, capitals the news names most) …
PLACES = frozenset(
    str.split(
        "中国 台湾 香港 澳门 北京 上海 天津 重庆 广州 深圳 南京 武汉 "
        "成都 西安 杭州 新疆 西藏 内蒙古 大陆 美国 日本 韩国 朝鲜 "
        "俄罗斯 英国 法国 德国 意大利 西班牙 印度 越南 菲律宾 新加坡 "
        "马来西亚 印尼 泰国 缅甸 澳大利亚 加拿大 墨西哥 巴西 乌克兰 "
        "以色列 伊朗 土耳其 欧洲 亚洲 非洲 美洲 华盛顿 纽约 东京 首尔 "
        "莫斯科 伦敦 巴黎 柏林 台北 高雄 台中 台南 欧盟"
    )
)
# Senses that are capitalised but name no one: languages, days, festivals, faiths …
_NOT_PROPER = re_compile(
    r"\b(?:language|dialect|festival|dynasty|period|era|calendar|script|religion|holiday|"
    r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|"
    r"May|June|July|August|September|October|November|December|Internet|surname|"
    r"currency|Yuan|Renminbi|Dollar|Euro|abbr\.|variant|loanword|\w+ism|\w{4,}ity(?<!University)|"
    r"God|Buddha)\b",
)
# "Taiwanese businessman", "Chinese citizen": a nationality and a common noun.
_PEOPLE_OF = re_compile(r"^[A-Z][a-z]+(?:ese|an|ish|ian|ic|i)\s+[a-z]")
_LIFE = re_compile(r"\(\d{3,4}-(?:\d{3,4})?\)|\(\d{3,4}-\)|\(name\)|\(c\. \d")
_BODY = re_compile(
    r"\b(?:University|College|School|Academy|Ministry|Department|Bureau|Office|Party|Council|"
    r"Committee|Commission|Agency|Association|Organization|Organisation|Corporation|Company|"
    r"Bank|Army|Navy|Force|Group|Institute|Court|Congress|Parliament|Union|Agency|Club|"
    r"Band|Team|Times|News|Daily|Post|Press|Television|Radio|Network|Federation|NATO|UN)\b"
)


@lru_cache(maxsize=16384)
def proper_kind(word: str) -> str:
    """ "person", "body" or "place" for a CC-CEDICT proper noun, "" for any other word."""
    senses = dictionary().get(word, "").strip("/").split("/")
    first = senses[0].strip() if senses else ""
    full = re.match(r"abbr\. for [^|]*\|(?P<full>[^\[]+)\[", first)
    if full and full.group("full") != word:
        return proper_kind(full.group("full"))  # 中共: the Communist Party of China
    if not first[:1].isupper() or _NOT_PROPER.search(first):
        return ""
    if first.startswith(("Mr", "Ms", "Mrs", "Dr", "Prof")) or _PEOPLE_OF.match(first):
        return ""  # 台商 /Taiwanese businessman/: a kind of person, no name
    # 友好 /Youhao district of …/friendly/: a common word first, whatever its first sense.
    if any(
        x[:1].islower() and not x.startswith(("abbr.", "variant", "old variant")) for x in senses
    ):
        return ""
    if _LIFE.search(first):
        return "person"
    return "body" if _BODY.search(first) else "place"


def _word_across(folded: str, outside: int, inside: int) -> bool:
    """Whether the characters at `outside` and `inside` (neighbours) make a word (堪比)."""
    a, b = sorted((outside, inside))
    return a >= 0 and b < len(folded) and folded[a : b + 1] in dictionary()


def sound_run_before(folded: str, end: int, most: int = 6) -> int:
    """Start of the run of transliteration characters ending at `end` (== `end` if none)."""
    start = end
    while start > 0 and end - start < most and folded[start - 1] in TRANSLIT:
        if start < end and _glued(folded, start - 2, start - 1, start - 3):
            break  # 堪比琼: 比 belongs to 堪比
        start -= 1
    return start


# Conjunctions between names: never part of a word with the name next to them (和约翰).
_JOINERS = frozenset("和与及同跟、")


def _glued(folded: str, outside: int, inside: int, beyond: int) -> bool:
    """Whether the sound character at `inside` makes a word with its neighbour at
    `outside` (not a sound, not a conjunction) while the neighbour is not itself
    part of a word on its other side (歌手里米: 手 belongs to 歌手, 发言人马修: 人 to
    发言人, so 里 and 马 are free)."""
    if not (0 <= outside < len(folded)) or folded[outside] in TRANSLIT | _JOINERS:
        return False
    if not _word_across(folded, outside, inside):
        return False
    step = beyond - outside  # -1: the neighbour is before the name, +1: after it
    for size in (2, 3, 4):
        far = outside + step * (size - 1)
        if 0 <= far < len(folded):
            a, b = sorted((outside, far))
            if folded[a : b + 1] in dictionary():
                return False
    return True


def dotted_names(folded: str) -> list[tuple[int, int]]:
    """Spans of dotted transliterations: each dot's sound runs on both sides, chained
    while a dot follows (玛丽·特蕾莎·里奥斯), two names joined by 和 kept apart."""
    out: list[tuple[int, int]] = []
    k = 0
    while k < len(folded):
        if folded[k] not in DOTS or not (0 < k < len(folded) - 1):
            k += 1
            continue
        start = sound_run_before(folded, k, most=5)
        end = k
        while end < len(folded) and folded[end] in DOTS:
            # 安妮·S·斯旺: a Latin initial between two dots.
            if re.match(f"[A-Z][{DOTS}]", folded[end + 1 : end + 3]):
                end += 2
            after = _sound_run_after(folded, end + 1)
            if after == end + 1:
                break
            end = after
        if start < k and end > k + 1:
            out.append((start, end))
        k = max(end, k + 1)
    return out


def _sound_run_after(folded: str, start: int, most: int = 6, *, first: bool = False) -> int:
    """End of the run of transliteration characters starting at `start` (`first`: its
    first character too may belong to a word after it)."""
    end = start
    while end < len(folded) and end - start < most and folded[end] in TRANSLIT:
        if (end > start or first) and _glued(folded, end + 1, end, end + 2):
            break  # 科威特南部: 南 belongs to 南部 (鲁伊特出生: 出 belongs to 出生)
        end += 1
    return end


def sound_span(folded: str, start: int, end: int) -> tuple[int, int]:
    """A dictionary name of transliteration characters widened to the whole sound run
    around it (梅 · 赫拉 is 梅赫拉, 米尔顿 · 凯恩斯 is 米尔顿凯恩斯)."""
    if not all(c in TRANSLIT for c in folded[start:end]):
        return start, end
    return sound_run_before(folded, start), _sound_run_after(folded, end, first=True)
