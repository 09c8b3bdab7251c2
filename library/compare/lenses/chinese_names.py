"""Names in Chinese text: people, bodies, places and titles, by rule.

Chinese has no capitals, so a name is known by what is around it:

- people: a transliteration joined by a middle dot (唐纳德·特朗普), or a
  common surname (the conflict detectors' list, `detectors/chinese.py`) and
  one or two characters where a person is expected: after a role
  (评论员李林一), before a speech verb (汪文斌表示) or an honorific
  (李林一先生); a name found so is found again wherever the articles repeat it;
- bodies: a run of dictionary words ending in 部 / 局 / 委员会 / 院 / 党 /
  政府 … (国家安全部, 湖南省公安厅), not in 部长 / 全部 / 结局 …;
- places: a short closed list (中国, 台湾, 北京, 美国 …) and a word before
  省 / 市 / 县 / 州 / 区 / 镇 (湖南省, 长沙市);
- titles: anything in 《》 is a work or a paper, never a person.

Every name is keyed by its simplified form (`library.chinese.fold`, which
keeps lengths), so a traditional and a simplified copy give one entry;
offsets are the original text's.  Dictionary words are CC-CEDICT's
(`glosses.dictionary`), loaded on the first Chinese article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from library.chinese import HAN_CHAR, fold, has_cjk
from library.compare.detectors.chinese import _NOT_NAME_CHAR, _SURNAMES
from library.compare.glosses import dictionary
from library.compare.lenses.chinese_foreign import (
    PLACES,
    TRANSLIT,
    dotted_names,
    proper_kind,
    sound_run_before,
    sound_span,
)
from library.compare.lenses.chinese_match import entry_key, glossed_key, latin_index, twin, unglued
from library.compare.lenses.names import Name
from library.compare.lenses.pattern_cache import re_compile
from library.compare.mentions import Mentions
from library.compare.model import Unit

__all__ = ["ROLE_WORDS", "ZhName", "extend", "find_names", "has_chinese", "segment"]

_HAN = HAN_CHAR.pattern[1:-1]
# A transliterated foreign name: 唐纳德·特朗普 (middle dots of several fonts).
_AFTER_DOTTED = re_compile(
    "(?P<place>公园|广场|大街|大道|镇|市|州|县|河|湖|山|岛)|(?P<body>大学|公司|乐队|俱乐部|学院)"
)
_DATELINE = re_compile("【[^【】\n]{0,40}】")
_TITLE = re_compile("《(?P<t>[^《》\n]{1,40})》")


def _set(words: str) -> frozenset[str]:
    return frozenset(words.split())


# Roles written before a person's name (评论员李林一, 部长陈一新).
ROLE_WORDS = (
    "评论员", "发言人", "记者", "主席", "总统", "总理", "部长", "局长", "主任", "书记", "教授",
    "研究员", "学者", "专家", "律师", "特工", "官员", "议员", "大使", "市长", "省长", "委员",
    "院长", "校长", "董事长", "总裁", "经理", "作家", "导演", "主编", "编辑", "法官", "检察官",
    "警官", "司令", "将军", "领导人", "总书记", "副总理", "外长", "防长", "处长", "科长", "厅长",
    "主持人", "分析师", "顾问", "博士", "代表", "党员", "成员", "负责人", "创始人", "作者",
    "学生", "医生", "工程师", "商人", "居民", "村民", "网友", "博主", "人士", "之子", "之女",
    "首相", "国务卿", "主委", "副主委", "副主席", "常委", "委员长", "议长", "州长", "参议员",
    "妻子", "丈夫", "儿子", "女儿", "父亲", "母亲", "前妻", "职工", "员工", "长官", "特首",
)  # fmt: skip
_ROLE = re_compile("|".join(sorted(ROLE_WORDS, key=len, reverse=True)))
# Verbs a speaker comes right before (the Voices lens reads the same list).
SPEECH_VERBS = (
    "表示", "说道", "说", "称", "指出", "认为", "强调", "透露", "告诉", "介绍", "坦言", "直言",
    "写道", "证实", "回应", "声称", "警告", "呼吁", "解释", "提到", "宣布", "披露", "坦承",
    "承认", "否认", "补充", "谈到", "批评", "质疑", "主张", "分析", "回忆", "问道", "答道",
)  # fmt: skip
# Adverbs that may stand between a speaker and the verb (李林一也表示, 汪文斌此前称).
_ADVERBS = (
    "(?:也|还|则|曾|更|又|已经|已|再次|此前|日前|近日|随后|随即|立即|立刻|马上|当时|早前|"
    "昨天|今天|昨日|今日|进一步|"
    "公开|明确|直接)?"
)
_VERB = re_compile(f"{_ADVERBS}(?:{'|'.join(SPEECH_VERBS)})")
# 李林一对本台表示, 李林一向记者透露: a speaker, then whom they told.
_TOLD = re_compile(f"(?=(?:对|向)[^，。“”「」]{{1,15}}?(?:{'|'.join(SPEECH_VERBS)}))")
# What follows a person's name and marks it as one (李林一先生, 王刚等人, and the
# English name a Hong Kong paper puts in brackets: 李家超（John Lee）).
_AFTER_PERSON = re_compile("先生|女士|教授|博士|等人|夫妇|本人|同志|[（(](?=[A-Z][a-z]+ [A-Z])")
# A given name may hold 一 (陈一新, 李林一), which the detectors' rule reads as a number.
_NOT_GIVEN = re_compile(_NOT_NAME_CHAR.pattern.replace("一", ""))
# Characters a name never runs into: particles, prepositions, common verbs.
_STOP = frozenset(
    "的了在和与是对向据由被将也都就从把给让使等为于其该此这那各本及并而但或又还则曾已"
)
# Bodies: the word a name ends with, and what may not follow it (部长 is a role).
_BODY_ENDS = (
    ("委员会", ""), ("办公厅", ""), ("办公室", ""), ("政府", "间"), ("部", "长门分队署落"),
    ("局", "长势面限"), ("院", "长士校子"), ("党", "员委章内外派性人"), ("厅", "长"),
    ("署", "长"), ("法院", ""), ("检察院", ""), ("公司", ""), ("集团", ""), ("大学", "生"),
    ("银行", ""), ("协会", ""), ("中心", ""), ("研究所", ""), ("电视台", ""), ("通讯社", ""),
    ("日报", ""), ("军", "人队事官方费"), ("组织", ""), ("队", "员长伍友"), ("中学", ""),
    ("小学", ""), ("书院", ""), ("俱乐部", ""), ("合唱团", ""), ("乐团", ""), ("乐队", ""),
    ("杂志社", ""), ("报社", ""), ("出版社", ""), ("传媒", ""), ("警卫队", ""),
)  # fmt: skip
# Words before a noun that make it any body, not a named one.
_DETERMINERS = _set(
    "所有 一些 这些 那些 其他 其它 各个 各种 很多 许多 多个 两个 每个 整个 这个 那个 某个 一个"
)
# 东南部, 西北部: a region of a place, not a body.
_DIRECTIONS = ("东部", "西部", "南部", "北部", "中部")
# Last words that name a body only after a proper name (洛阳队, not 冠军队).
_WEAK_ENDS = frozenset(
    ("队", "中学", "小学", "书院", "俱乐部", "合唱团", "乐团", "乐队", "杂志社", "报社",
     "出版社", "传媒")
)  # fmt: skip
# Words ending like a body that never end one (全部, 结局 …), and words that
# name a body only after more (医院 alone is any hospital; 北京市政府 is one).
_NEVER_BODIES = _set(
    "全部 内部 外部 局部 东部 西部 南部 北部 中部 干部 头部 腹部 背部 一部 这部 那部 该部 本部 "
    "此部 结局 格局 布局 大局 时局 骗局 僵局 全局 变局 开局 出局 当局 一局 剧院 寺院 庭院 住院 "
    "出院 入院 病院 入党 退党 全党 本党 我党 该党 此党 冠军 大军"
)
_GENERIC_BODIES = _set(
    "医院 学院 法院 政党 政府 委员会 公司 集团 大学 银行 协会 中心 组织 将军 空军 海军 陆军 "
    "日报 检察院 办公室 办公厅 电视台 部队 军队 团队 球队 乐队 中学 小学 警察局 派出所"
)
# … and a word before 省 / 市 / 县 / 州 / 区 / 镇 (words like 超市 are no place).
_PLACE_ENDS = "省市县州区镇"
_NOT_PLACES = _set("城市 都市 超市 上市 股市 门市 夜市 楼市 地区 社区 景区 山区 灾区 市区 郊区")


@dataclass(frozen=True, slots=True)
class ZhName:
    """One name as a Chinese text writes it.

    Args:
        text: as written (traditional stays traditional).
        key: its simplified form, what entries are grouped by.
        kind: "person", "body", "place" or "title".
        start: offset in the unit's text.
        end: end offset.
    """

    text: str
    key: str
    kind: str
    start: int
    end: int


def has_chinese(units: object) -> bool:
    """Whether any unit of a sequence holds a Chinese character (the lenses' switch)."""
    return any(has_cjk(u.text) for u in units)  # type: ignore[attr-defined]


@lru_cache(maxsize=4096)
def segment(run: str) -> tuple[tuple[int, int], ...]:
    """Spans of a folded Han run cut into dictionary words (longest match), or single characters."""
    entries = dictionary()
    out = []
    i = 0
    while i < len(run):
        size = next((n for n in range(min(6, len(run) - i), 1, -1) if run[i : i + n] in entries), 1)
        out.append((i, i + size))
        i += size
    return tuple(out)


def is_verb(word: str) -> bool:
    """Whether CC-CEDICT's first sense of a word is a verb ("to take over")."""
    first = dictionary().get(word, "").strip("/").split("/")[0]
    return first.startswith("to ")


def _given_size(folded: str, at: int) -> int:
    """How many characters a name starting with a surname at `at` has (2 or 3).

    Three unless a word or a stop character begins at its third character
    (李强表示 is 李强; 陈一新接任 is 陈一新: 接任 begins after 新).
    """
    third = at + 2
    if third >= len(folded) or not HAN_CHAR.match(folded[third]):
        return 2
    if folded[third] in _STOP or _NOT_GIVEN.match(folded[third]):
        return 2
    entries = dictionary()
    if any(folded[third : third + n] in entries for n in (2, 3, 4)):
        return 2
    return 3


def _person_at(folded: str, at: int, size: int) -> bool:
    name = folded[at : at + size]
    return (
        len(name) == size
        and name[0] in _SURNAMES
        and all(HAN_CHAR.match(c) for c in name)
        and not _NOT_GIVEN.search(name[1:])
        and not any(c in _STOP for c in name[1:])
        and _not_a_word(name)
    )


def _not_a_word(name: str) -> bool:
    """Whether a surname-led name is no dictionary word, place or body (周末, 黄金,
    张家口, 林业局 say something before a verb too); a famous name in the
    dictionary (毛泽东 /Mao Zedong (1893-1976)/) is a person."""
    if name in dictionary():
        return proper_kind(name) == "person"
    return not (_body_end(name, len(name)) or name[-1] in _PLACE_ENDS)


def _people(folded: str, hidden: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Spans of surname-led names in a person's place (after a role, before a verb)."""
    found: list[tuple[int, int]] = []
    for m in _ROLE.finditer(folded):  # 评论员李林一
        at = m.end()
        if any(folded[m.start() : at + n] in dictionary() for n in (1, 2)):
            continue  # 记者会上: the role is part of a longer word (a press conference)
        size = _given_size(folded, at)
        if _person_at(folded, at, size):
            found.append((at, at + size))
        elif size == 3 and _person_at(folded, at, 2):
            found.append((at, at + 2))
        else:  # a surname not in the list, between a role and a verb (评论员马英九表示)
            size = next((n for n in (2, 3) if _VERB.match(folded, at + n)), 0)
            name = folded[at : at + size]
            plain = all(HAN_CHAR.match(c) and c not in _STOP for c in name)
            if size and plain and _not_a_word(name):  # not 记者会上表示
                found.append((at, at + size))
    for m in _VERB.finditer(folded):  # 汪文斌表示, 李林一说, 比林斯基声称
        v = m.start()
        sound = sound_run_before(folded, v)
        heard = folded[sound:v]
        if len(heard) >= 2 and heard not in PLACES and proper_kind(heard) not in ("place", "body"):
            found.append((sound, v))  # 比林斯基声称 (not 巴西表示)
        for size in (3, 2):
            if v - size >= 0 and _person_at(folded, v - size, size):
                found.append((v - size, v))
                break
    for m in [*_AFTER_PERSON.finditer(folded), *_TOLD.finditer(folded)]:  # 李林一先生
        v = m.start()
        for size in (3, 2):
            if v - size >= 0 and _person_at(folded, v - size, size):
                found.append((v - size, v))
                break
    return [s for s in found if not _inside(s, hidden)]


def _inside(span: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    return any(s <= span[0] and span[1] <= e for s, e in spans)


def _overlaps(span: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    return any(span[0] < e and s < span[1] for s, e in spans)


def _body_end(folded: str, end: int) -> bool:
    """Whether a body's name may end at `end` (部 not followed by 长 …)."""
    for word, not_after in _BODY_ENDS:
        if folded.endswith(word, 0, end) and not (end < len(folded) and folded[end] in not_after):
            return True
    return False


def _bodies_and_places(folded: str) -> list[tuple[int, int, str]]:
    """Bodies (a run of nouns ending in 部, 局 …) and places of a folded text.

    A body keeps a province or city before it (湖南省公安厅), not a country
    before a body named in full (中国国家安全部 is 中国 and 国家安全部: one ministry
    however its country is named).
    """
    out: list[tuple[int, int, str]] = []
    for run in re.finditer(f"[{_HAN}]+", folded):
        text, base = run.group(), run.start()
        words = segment(text)
        for k, (s, e) in enumerate(words):
            word = text[s:e]
            kind = _place_or_proper(word, words, text, k)
            if kind:
                begin, end = (words[k - 1][0], e) if kind == "place+" else sound_span(text, s, e)
                ends_so = text[end - 1] in _PLACE_ENDS
                if (
                    kind != "place+"
                    and end < len(text)
                    and text[end] in _PLACE_ENDS
                    and not ends_so
                ):
                    end += 1  # 汉诺威镇, 希拉克省
                out.append((base + begin, base + end, kind.rstrip("+")))
                continue
            if not _body_end(text, e) or word in _NEVER_BODIES or word.endswith(_DIRECTIONS):
                continue  # 全部, 东南部
            if len(word) > 1 and is_verb(word):
                continue  # 签署, 部署: to sign, to deploy
            start = _body_start(text, words, k)
            if start < 0 or any(text.startswith(d, start) for d in _DETERMINERS):
                continue  # 冠军队; 所有民兵组织: all militias, no one body
            name = text[start:e]
            # 政府, 该公司 (a lone character before is never taken): no named body.
            if name in _GENERIC_BODIES or len(name) < 3:
                continue
            span = (base + start, base + e)
            out = [x for x in out if not _inside((x[0], x[1]), [span])]
            out.append((*span, "body"))
    return out


def _place_or_proper(word: str, words: tuple[tuple[int, int], ...], text: str, k: int) -> str:
    """ "place", "body" or "person" for a listed place or a dictionary proper noun;
    "place+" for a word and 省 / 市 … written apart (长沙 · 市); "" otherwise."""
    if word in PLACES:
        return "place"
    # A place: a word and 省 / 市 … (湖南省 as one word, or 长沙 · 市).
    ends = word[-1] in _PLACE_ENDS and len(word) >= 3
    if ends and word not in _NOT_PLACES and not is_verb(word):
        return "place"
    if len(word) == 1 and word in _PLACE_ENDS and k:
        ps, pe = words[k - 1]
        before = text[ps:pe]
        if pe - ps >= 2 and not is_verb(before) and before + word not in _NOT_PLACES:
            return "place+"
    if word[-1] in "元币" and len(word) <= 3:
        return ""  # 港元, 美元, 台币: "Hong Kong dollar" is capitalised, but a currency
    if len(word) >= 2 and not _body_end(word, len(word)):
        return proper_kind(word)
    return ""


def _body_start(text: str, words: tuple[tuple[int, int], ...], k: int) -> int:
    """Offset in `text` of a body's first character (-1: no named body ends here).

    The nouns before its last word, back to a verb, a role or a lone character.
    A weak last word (队, 中学, 俱乐部 …) needs a name among or before them: a
    place, a proper noun or a transliteration (洛阳队, 萨诺玛杂志社, 瓦尔韦克足球俱乐部),
    not any noun (世界大赛冠军队 is a champion team, no name).
    """
    e = words[k][1]
    weak = text[words[k][0] : e] in _WEAK_ENDS
    start = k
    while start > 0 and e - words[start - 1][0] <= 12:
        ps, pe = words[start - 1]
        prev = text[ps:pe]
        if pe - ps == 1 or is_verb(prev) or _ROLE.fullmatch(prev) or prev in SPEECH_VERBS:
            break  # a lone character (任, 前, 的) is no part of a body's name
        rest = text[pe:e]
        heard = all(c in TRANSLIT for c in prev) and prev not in dictionary()  # not 大赛
        named = prev in PLACES or bool(proper_kind(prev)) or heard
        if prev in PLACES and len(rest) >= 3 and (rest in dictionary() or proper_kind(rest)):
            break  # 中国 · 国家安全部: the ministry is named in full without its country
        start -= 1
        if weak and named:
            return words[start][0]
        if weak and k - start >= 2:
            return -1  # 美国布鲁斯摇滚乐队: a kind of band, not a band's name
    if not weak:
        return words[start][0]
    # 瓦尔韦克 · 足球俱乐部: a transliteration the dictionary splits into characters.
    begin = sound_run_before(text, words[start][0])
    return begin if words[start][0] - begin >= 2 else -1


def _dotted(folded: str) -> list[tuple[int, int, str]]:
    """Dotted transliterations (唐纳德·特朗普), with a place or body word after them
    (福克斯·格罗夫公园 is a park, not a person)."""
    out = []
    for s, e in dotted_names(folded):
        after = _AFTER_DOTTED.match(folded, e)
        if after:
            kind = "place" if after.group("place") else "body"
            out.append((s, after.end(), kind))
        else:
            out.append((s, e, "person"))
    return out


def find_names(text: str, known: frozenset[str] = frozenset()) -> list[ZhName]:
    """The Chinese names of one unit, in order, none overlapping (cached: the Names
    and Voices lenses read each unit with and without the names found elsewhere).

    Args:
        text: a unit's text.
        known: simplified person names found elsewhere in the articles (found here too).
    """
    return list(_find_names(text, known))


@lru_cache(maxsize=4096)
def _find_names(text: str, known: frozenset[str]) -> tuple[ZhName, ...]:
    if not has_cjk(text):
        return ()
    folded = fold(text)
    spans: list[tuple[int, int, str]] = []
    titles = [(m.start("t"), m.end("t")) for m in _TITLE.finditer(folded)]
    spans += [(s, e, "title") for s, e in titles]
    # A 【本报台北10月13日讯】 dateline says where the report was filed, not who is in it.
    spans += [(m.start(), m.end(), "") for m in _DATELINE.finditer(folded)]
    spans += _dotted(folded)
    people = _people(folded, titles)
    for name in sorted(known, key=len, reverse=True):
        people += [(m.start(), m.end()) for m in re.finditer(re.escape(name), folded)]
    # Longer people first: 李林一 before the 李林 a verb rule may also find.
    for s, e in sorted(set(people), key=lambda x: (x[0] - x[1], x[0])):
        if not _overlaps((s, e), [(a, b) for a, b, _ in spans]):
            spans.append((s, e, "person"))
    for s, e, kind in _bodies_and_places(folded):
        if not _overlaps((s, e), [(a, b) for a, b, _ in spans]):
            spans.append((s, e, kind))
    spans.sort()
    return tuple(ZhName(text[s:e], folded[s:e], kind, s, e) for s, e, kind in spans if kind)


def role_before(folded: str, text: str, start: int) -> str:
    """The role written right before a name (时事评论员 in 时事评论员李林一), or ""."""
    head = folded[:start]
    if not any(m.end() == start for m in _ROLE.finditer(head)):
        return ""
    run = re.search(f"[{HAN_CHAR.pattern[1:-1]}]+$", head)
    if run is None:
        return ""
    words = segment(run.group())
    begin = len(words)
    while begin > 0:
        s, e = words[begin - 1]
        word = run.group()[s:e]
        if (e - s == 1 and word in _STOP) or is_verb(word) or word in SPEECH_VERBS:
            break
        begin -= 1
    if begin == len(words):
        return ""
    at = run.start() + words[begin][0]
    return text[at:start]


def people_of(texts: list[str]) -> frozenset[str]:
    """Simplified person names the texts name in a person's place, to find again anywhere."""
    out: set[str] = set()
    for t in texts:
        out.update(n.key for n in find_names(t) if n.kind == "person")
    return frozenset(out)


def extend(
    found: list[Name], units_a: tuple[Unit, ...], units_b: tuple[Unit, ...], mentions: Mentions
) -> list[Name]:
    """The Names lens with the Chinese names of both articles added.

    A Chinese name joins the English entry it is (李林一 and "Li Linyi",
    `chinese_match`), or its own entry keyed by its simplified form; order
    as `names.build` (shared names first).  English-only pairs are returned as they are.

    Args:
        found: the English names (`names.build`).
        units_a: units of A.
        units_b: units of B.
        mentions: the comparison's names and taught aliases.
    """
    if not (has_chinese(units_a) or has_chinese(units_b)):
        return found
    by_key: dict[str, Name] = {}
    for n in found:
        n = unglued(n)
        if (same := by_key.get(n.key)) is None:
            by_key[n.key] = n
        else:
            same.a += [i for i in n.a if i not in same.a]
            same.b += [i for i in n.b if i not in same.b]
    latin = latin_index({n.key: [n.name, *n.aliases] for n in found})
    known = people_of([u.text for u in (*units_a, *units_b)])
    for side, units in (("a", units_a), ("b", units_b)):
        for u in units:
            for z in find_names(u.text, known):
                if z.kind == "title":
                    continue  # a work or a paper: a voice when it reports, not a name here
                key = entry_key(z.text, mentions)
                key = glossed_key(u.text, z.end, latin) or twin(z.key, z.kind, latin) or key
                n = by_key.setdefault(key, Name(key, z.text))
                if z.kind == "person" and not n.description:
                    n.description = role_before(fold(u.text), u.text, z.start)  # 评论员
                if z.text not in n.aliases and z.text != n.name:
                    n.aliases.append(z.text)
                ids = n.a if side == "a" else n.b
                if u.id not in ids:
                    ids.append(u.id)
    for n in by_key.values():
        n.aliases = [x for x in n.aliases if x != n.name]
    return sorted(by_key.values(), key=lambda n: (not (n.a and n.b), -(len(n.a) + len(n.b)), n.key))
