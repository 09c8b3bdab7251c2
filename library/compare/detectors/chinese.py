"""Conflicts in Chinese text: numbers, dates, negation and names.

The English detectors read words, capitals and "not"; Chinese has none of
these.  These detectors read the folded text (`library.chinese.fold`, same
length, so spans are the original's) and report the original characters:

- numbers: Arabic or Chinese numerals with their scale (十二, 4万 = 40,000,
  1.2亿, 百分之十五) converted by cn2an, compared per measure word (年, 元,
  人…); 七年六个月 is one duration of 90 months;
- dates: 2022年10月, 十月十三日, 11月9日; 本月9日 takes the month of the
  article's first full date (its dateline) when there is one;
- negation: a claim negated on one side only (系人为纵火 / 并非人为纵火), or
  opposite verbs (承认 / 否认, 服从 / 不服);
- names: a surname followed by one or two characters, differing in one
  character between the sides in the same context (李兆宗 / 李兆忠).

Each is a no-op on passages without Chinese characters.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from library.chinese import HAN_CHAR, fold, has_cjk
from library.compare.detectors.base import Diff, Passage
from library.compare.kinds import conflict
from library.compare.model import Conflict
from library.compare.quantities import DateMention

_CN_DIGITS = "零〇一二两三四五六七八九十百千万亿"
# A digit run is read from its start and only up to 40 digits: `\d+` tried from
# every digit of a 5,000-digit run made each search quadratic (minutes).
_NUM = rf"(?:(?<!\d)\d{{1,40}}(?:,\d{{3}})*(?:\.\d+)?[十百千万亿]*|[{_CN_DIGITS}]+)"
_DATE = re.compile(
    rf"(?:(?P<y>{_NUM})年)?(?:(?P<m>{_NUM})月)?(?P<this>本月)?(?:(?P<d>{_NUM})[日号])?"
)
_PERCENT = re.compile(rf"百分之(?P<n>{_NUM}(?:点[零〇一二三四五六七八九]+)?)|(?P<p>{_NUM})\s*[%％]")
# 周三, 星期四, 上周五: a weekday (its week is not compared).
_WEEKDAY = re.compile("(?:上|下|本|这)?(?:周|星期|礼拜)(?P<w>[一二三四五六日天])")
_WEEKDAYS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "日": 7, "天": 7}
_DURATION = re.compile(rf"(?P<y>{_NUM})年(?:(?:零)?(?P<m>{_NUM})个月)?|(?P<mo>{_NUM})个月")
# Currencies of more than one character (1.2亿港元: 港 is not what is counted).
_CURRENCY = "港元|港币|美元|欧元|日元|英镑|澳元|新台币|台币|人民币|卢布|韩元"
_COUNT = re.compile(
    rf"(?P<n>{_NUM})\s*(?:(?P<cur>{_CURRENCY})|(?P<mw>个|名|位)?(?P<unit>[\u4e00-\u9fff]))"
)
# Measure words a count is compared by (a number before anything else is not compared).
_UNITS = frozenset("人元岁起次件名位家所项条座架艘辆吨米天周层倍股票枚场轮")
# 3人, 3名官员 and 3位专家 all count people: one measure, so 12人 vs 15名 is a conflict.
_PEOPLE = frozenset("人名位")
# "一" or "两" alone are mostly words (一起, 统一, 两岸); counted only before these.
_SMALL_UNITS = frozenset("人名位")
_DATELINE = re.compile("【[^【】]{0,40}】")
_FULL_DATE = re.compile(rf"(?P<m>{_NUM})月(?P<d>{_NUM})[日号]")


def number_value(text: str) -> float | None:
    """The value of a number written in Chinese or Arabic numerals (4万 = 40,000), or None."""
    return _value(fold(text))


def _value(text: str) -> float | None:
    # Imported on first use: cn2an (with proces) is ~0.3 s of the engine's import,
    # needed only for a Chinese numeral.
    import cn2an

    try:
        return float(cn2an.cn2an(text.replace(",", ""), "smart"))
    except (ValueError, KeyError, TypeError, AttributeError, OverflowError):
        return None  # OverflowError: 3,000 九 is an int no float holds


@dataclass(frozen=True, slots=True)
class _Number:
    value: float
    unit: str
    text: str
    start: int
    end: int


def article_month(article: str) -> int | None:
    """The month of an article's first full date (its dateline, 【…11月9日电】), if any."""
    m = _FULL_DATE.search(fold(article[:400]))
    return int(v) if m and (v := _value(m.group("m"))) and 1 <= v <= 12 else None


_article_month = article_month


def zh_dates(text: str, article: str = "") -> list[tuple[DateMention, int, int]]:
    """Dates of a Chinese passage with their spans; 本月 takes the article's month."""
    folded = fold(text)
    # A 【本报北京10月13日讯】 dateline says when the report was filed, not a claim.
    datelines = [(m.start(), m.end()) for m in _DATELINE.finditer(folded)]
    out = []
    for m in _DATE.finditer(folded):
        if not m.group() or not (m.group("m") or m.group("d") or m.group("y")):
            continue
        if any(s <= m.start() < e for s, e in datelines):
            continue
        y = _value(m.group("y")) if m.group("y") else None
        if y is not None and y < 1000:
            continue  # 七年: a duration, not a year
        if y is not None and not (m.group("m") or m.group("d")) and y > 2100:
            continue
        mo = _value(m.group("m")) if m.group("m") else None
        d = _value(m.group("d")) if m.group("d") else None
        if (mo is not None and not 1 <= mo <= 12) or (d is not None and not 1 <= d <= 31):
            continue
        if m.group("this") and mo is None:
            mo = _article_month(article or text)
        date = DateMention(
            text[m.start() : m.end()],
            year=int(y) if y else None,
            month=int(mo) if mo else None,
            day=int(d) if d else None,
        )
        out.append((date, m.start(), m.end()))
    for m in _WEEKDAY.finditer(folded):
        if any(s <= m.start() < e for s, e in datelines) or any(
            s < m.end() and m.start() < e for _, s, e in out
        ):
            continue
        weekday = _WEEKDAYS[m.group("w")]
        out.append((DateMention(text[m.start() : m.end()], weekday=weekday), m.start(), m.end()))
    return out


def zh_numbers(text: str, hide: list[tuple[int, int]]) -> list[_Number]:
    """Numbers of a Chinese passage with what they count, outside the spans in `hide`."""
    folded = fold(text)
    taken = list(hide)
    out: list[_Number] = []

    def free(s: int, e: int) -> bool:
        return all(e <= a or s >= b for a, b in taken)

    for m in _PERCENT.finditer(folded):
        v = _value(m.group("n") or m.group("p"))
        if v is not None and free(m.start(), m.end()):
            out.append(_Number(v, "%", text[m.start() : m.end()], m.start(), m.end()))
            taken.append((m.start(), m.end()))
    for m in _DURATION.finditer(folded):
        if not free(m.start(), m.end()):
            continue
        y = _value(m.group("y")) if m.group("y") else 0.0
        mo = _value(m.group("m") or m.group("mo") or "零")
        if y is None or mo is None or y >= 1000:
            continue
        out.append(_Number(y * 12 + mo, "个月", text[m.start() : m.end()], m.start(), m.end()))
        taken.append((m.start(), m.end()))
    for m in _COUNT.finditer(folded):
        n, mw, unit = m.group("n"), m.group("mw"), m.group("unit") or m.group("cur")
        end = m.end()
        if m.group("cur"):
            pass  # 1.2亿港元: compared with sums in the same currency
        elif mw:
            # 3名在职官员: the classifier is what is counted, not the 在 after it;
            # 5个部门 counts 部门 (个 alone would tie any two things together).
            if mw == "个" and n in ("一", "两"):
                continue  # 一个农村家庭: a word, not a count
            unit, end = (unit if mw == "个" else "人"), m.end("mw")
        elif unit not in _UNITS or (n in ("一", "两") and unit not in _SMALL_UNITS):
            continue
        if not free(m.start(), end):
            continue
        v = _value(n)
        if v is not None:
            key = "人" if unit in _PEOPLE else unit
            out.append(_Number(v, key, text[m.start() : end], m.start(), end))
    return out


def _hidden(p: Passage) -> tuple[list[tuple[DateMention, int, int]], list[tuple[int, int]]]:
    found = zh_dates(p.text, p.article)
    return found, [(s, e) for _, s, e in found]


def _both_chinese(a: Passage, b: Passage) -> bool:
    return has_cjk(a.text) and has_cjk(b.text)


def detect_dates(a: Passage, b: Passage, diff: Diff) -> Iterator[Conflict]:
    """A date on one side that clashes with every date of the other side."""
    if not _both_chinese(a, b):
        return
    da, _ = _hidden(a)
    db, _ = _hidden(b)

    def lone(x: DateMention, others: list[tuple[DateMention, int, int]], art: str) -> bool:
        known = fold(art) if art else ""
        return not any(x.fits(y) for y, _, _ in others) and fold(x.text) not in known

    left = [x for x, _, _ in da if lone(x, db, b.article)]
    right = [y for y, _, _ in db if lone(y, da, a.article)]
    for x in left:
        y = next((y for y in right if x.clashes(y)), None)
        if y is not None:
            right.remove(y)
            yield conflict("date", x.text, y.text)


def detect_numbers(a: Passage, b: Passage, diff: Diff) -> Iterator[Conflict]:
    """Counts of the same measure word whose values differ (4万 = 40,000 is no conflict)."""
    if not _both_chinese(a, b):
        return
    na = zh_numbers(a.text, _hidden(a)[1])
    nb = zh_numbers(b.text, _hidden(b)[1])
    for unit in dict.fromkeys(n.unit for n in na):
        xs = [n for n in na if n.unit == unit]
        ys = [n for n in nb if n.unit == unit]
        left = [x for x in xs if all(abs(x.value - y.value) > 1e-9 for y in ys)]
        right = [y for y in ys if all(abs(x.value - y.value) > 1e-9 for x in xs)]
        for x, y in zip(left, right, strict=False):
            yield conflict("number", x.text, y.text)


_CUE = re.compile("并非|并未|并不|没有|从未|从不|否认|拒绝|不|没|未|非|无|勿|别")
# Words that start with a cue but negate nothing.
_NOT_NEGATION = re.compile(
    "不断|不过|不少|不仅|不但|不同|不久|不管|不论|不如|不到|不足|不得不|未来|无论|非常|非法|"
    "无人机|并非常|莫非|除非|无疑|不错|毫不|无数|无限"
)
_OPPOSITES = (
    ("承认", "否认"),
    ("证实", "否认"),
    ("确认", "否认"),
    ("服从", "不服"),
    ("同意", "反对"),
    ("支持", "反对"),
    ("接受", "拒绝"),
    ("增加", "减少"),
    ("上涨", "下跌"),
    ("上升", "下降"),
    ("胜诉", "败诉"),
    ("有罪", "无罪"),
)


def negation_cues(text: str) -> list[tuple[str, int]]:
    """Negation cues of a Chinese passage with their offsets (不断, 未来… left out)."""
    folded = _NOT_NEGATION.sub(lambda m: "\u3000" * len(m.group()), fold(text))
    return [(m.group(), m.start()) for m in _CUE.finditer(folded)]


def claim_at(text: str, at: int, length: int) -> str:
    """The cue of `length` at `at` and up to four Chinese characters after it (并非认定火灾)."""
    end = at + length
    while end < len(text) and HAN_CHAR.match(text[end]) and end - at < length + 4:
        end += 1
    return text[at:end]


_claim = claim_at


def detect_negation(a: Passage, b: Passage, diff: Diff) -> Iterator[Conflict]:
    """A claim negated on one side only, or opposite verbs (承认 / 否认)."""
    if not _both_chinese(a, b):
        return
    fa, fb = fold(a.text), fold(b.text)
    for x, y in _OPPOSITES:
        for p, q in ((fa, fb), (fb, fa)):
            if x in p and y not in p and y in q and x not in q:
                ia, ib = (p.find(x), q.find(y))
                ta, tb = (a.text, b.text) if p is fa else (b.text, a.text)
                sa, sb = _claim(ta, ia, 2), _claim(tb, ib, 2)
                yield conflict("negation", *((sa, sb) if p is fa else (sb, sa)))
                return
    ca, cb = negation_cues(a.text), negation_cues(b.text)
    if len(ca) == len(cb):  # 未能 / 没能: as many negations, worded differently
        return
    words_a, words_b = [c for c, _ in ca], [c for c, _ in cb]
    extra_b = [(c, i) for c, i in cb if words_b.count(c) > words_a.count(c)]
    extra_a = [(c, i) for c, i in ca if words_a.count(c) > words_b.count(c)]
    # The negated words must be said on the other side too: "不错" against
    # "很好" shares no claim, "并非人为纵火" against "系人为纵火" does.
    for extra, mine, theirs, other in ((extra_b, b, fa, a), (extra_a, a, fb, b)):
        for cue, at in extra:
            claim = _claim(mine.text, at, len(cue))
            rest = fold(claim[len(cue) :])
            while len(rest) >= 2 and rest not in theirs:
                rest = rest[:-1]
            if len(rest) < 2:
                continue
            found = theirs.find(rest)
            # 系人为纵火 / 并非人为纵火: the 系 the cue replaced is part of the claim;
            # 警方认定 / 警方并非认定: the 方 both sides have before it is not.
            before = fold(mine.text[at - 1 : at]) if at else ""
            lead = 1 if found and theirs[found - 1] != before else 0
            said = other.text[found - lead : found + len(rest)]
            claim = claim[: len(cue) + len(rest)]
            if fold(said) == fold(claim):
                continue
            yield conflict("negation", *((said, claim) if mine is b else (claim, said)))
            return


_SURNAMES = frozenset(
    "王李张刘陈杨黄赵周吴徐孙朱胡郭何林罗郑梁谢宋唐许韩冯邓曹彭曾肖萧田董袁潘蒋蔡余杜叶程苏魏吕丁"
    "沈姚卢姜崔钟谭陆汪范廖贾夏韦邹孟熊秦邱尹薛闫段雷侯陶黎贺顾毛郝龚邵钱严覃戴莫孔汤习"
)
# Characters no given name is compared on: numbers, common verbs and particles,
# and place suffixes (苏木市 / 苏木镇 is a place named two ways, not two people).
_NOT_NAME_CHAR = re.compile(f"[{_CN_DIGITS}年月日号说称表示在和与的了是市镇县省区村乡州路街]")


def detect_names(a: Passage, b: Passage, diff: Diff) -> Iterator[Conflict]:
    """Names after a common surname differing in one character, in the same context."""
    if not _both_chinese(a, b):
        return
    fa, fb = fold(a.text), fold(b.text)
    seen: list[tuple[int, int]] = []
    for size in (3, 2):
        for i, ch in enumerate(fa):
            if ch not in _SURNAMES or i + size > len(fa) or fa[i : i + size] in fb:
                continue
            if any(s <= i < e for s, e in seen):
                continue
            name = fa[i : i + size]
            if not all(HAN_CHAR.match(c) for c in name) or _NOT_NAME_CHAR.search(name[1:]):
                continue
            before, after = fa[i - 1 : i] if i else "", fa[i + size : i + size + 1]
            for j in (k for k, c in enumerate(fb) if c == ch):
                other = fb[j : j + size]
                if len(other) < size or other in fa or _NOT_NAME_CHAR.search(other[1:]):
                    continue
                if sum(x != y for x, y in zip(name, other, strict=True)) != 1:
                    continue
                if (fb[j - 1 : j] if j else "") != before or fb[j + size : j + size + 1] != after:
                    continue
                if not all(HAN_CHAR.match(c) for c in other):
                    continue
                seen.append((i, i + size))
                yield conflict("entity", a.text[i : i + size], b.text[j : j + size])
                break


_ZH_QUOTE = re.compile("“(?P<a>[^”]{1,400})”|「(?P<b>[^」]{1,400})」|『(?P<c>[^』]{1,400})』")


def zh_quotes(text: str) -> list[str]:
    """Quoted passages of at least four Chinese characters (a quote's length in characters)."""
    out = []
    for m in _ZH_QUOTE.finditer(text):
        q = next(g for g in m.groups() if g is not None).strip()
        if len(HAN_CHAR.findall(q)) >= 4:
            out.append(q)
    return out


def _grams(text: str) -> set[str]:
    chars = "".join(HAN_CHAR.findall(fold(text)))
    return {chars[i : i + 2] for i in range(len(chars) - 1)} or set(chars)


def detect_quote(a: Passage, b: Passage, diff: Diff) -> Iterator[Conflict]:
    """The same Chinese quote with characters replaced on both sides (a misquote, low)."""
    if not _both_chinese(a, b):
        return
    qb = zh_quotes(b.text)
    for qa in zh_quotes(a.text):
        ga = _grams(qa)
        scored = [(len(ga & gb) / len(ga | gb), q, gb) for q in qb if (gb := _grams(q))]
        if not scored:
            continue
        best, best_q, gb = max(scored, key=lambda s: s[0])
        # A quote cut shorter on one side is not a misquote: both must lose something.
        if 0.4 <= best < 1.0 and ga - gb and gb - ga:
            yield conflict("quote", qa, best_q)
