"""Numbers in Chinese: every quantity with what it counts, matched across sides and scripts.

Chinese units are read here instead of by the English parser (a unit is
Chinese when `library.chinese.is_chinese` says so).  A quantity is an Arabic
or Chinese numeral with its scale (4万, 1.2亿, 十二; cn2an converts, as the
conflict detectors do), and what it counts:

- money: 4万元, 1.2亿美元 (the currency);
- a count: 3名官员, 两名嫌疑人, 十二架飞机 (the measure word and the noun after it);
- people, ages and measures: 30人, 56岁, 5吨;
- 百分之十五 / 15% (per cent) and 七年六个月 (a duration, in months).

Dates are the timeline's (`detectors.chinese.zh_dates` hides them), and 一 alone is
mostly "a" (一个危险的信号), so it is not counted.  Two quantities match when they
count the same thing (the same currency, measure or noun) with the same value
anywhere, or with different values inside a pair that tells one fact (as in
English).  Across scripts they match on value and a thing the English words
name: a currency (元 = yuan), per cent, years or months, or a noun whose
CC-CEDICT gloss the English thing uses (官员 = "officials").
"""

from __future__ import annotations

from dataclasses import dataclass

from library.chinese import fold, is_chinese
from library.compare.detectors.chinese import _DURATION, _NUM, _PERCENT, _value, zh_dates
from library.compare.glosses import dictionary, english_words, glosses
from library.compare.lenses.counts import Counted, NumberRow
from library.compare.lenses.pattern_cache import re_compile
from library.compare.model import Pair, Unit

__all__ = ["counted", "extend"]

_CURRENCIES = {
    "元": ("yuan", "rmb", "renminbi", "cny"), "人民币": ("yuan", "rmb", "renminbi", "cny"),
    "块": ("yuan",), "美元": ("dollar", "usd", "$"), "港元": ("hong", "hk$"),
    "欧元": ("euro", "€"), "英镑": ("pound", "£"), "日元": ("yen",), "新台币": ("taiwan", "nt$"),
}  # fmt: skip
_MEASURES = "名位个家所项条座架艘辆枚起次件场轮份张本篇部批只头"
# Units counted without a noun after them, with the English words that name them.
_UNITS = {
    "人": ("person", "people", "men", "women"), "岁": ("year", "old", "age"),
    "吨": ("ton", "tonne"), "公里": ("kilometr", "km", "kilometer"), "米": ("metr", "meter"),
    "天": ("day",), "周": ("week",), "倍": ("time", "fold"), "小时": ("hour",),
    "分钟": ("minute",), "公斤": ("kilogram", "kg"), "平方公里": ("square",),
}  # fmt: skip
_SCALE = "万亿千百"
_MONEY = re_compile(
    f"(?P<n>{_NUM})\\s*(?P<cur>{'|'.join(sorted(_CURRENCIES, key=len, reverse=True))})"
)
_COUNT = re_compile(
    f"(?P<n>{_NUM})\\s*(?P<mw>[{_MEASURES}])(?P<noun>[\u4e00-\u9fff]{{0,6}})|"
    f"(?P<m>{_NUM})\\s*(?P<unit>{'|'.join(sorted(_UNITS, key=len, reverse=True))})"
)
# Where a counted noun ends: particles, verbs and prepositions after it.
_NOUN_END = re_compile(
    "[的了在和与是被将也都就从把给向对于及并而但或又还则曾已为等因中里上下内外后前，。]"
)


_MODIFIER = re_compile("^(?:在职|在押|在校|现任|前任|退休|涉事|相关)")


@dataclass(frozen=True, slots=True)
class ZhCount:
    """One Chinese quantity, what it counts (`slot`, simplified) and its Counted form."""

    counted: Counted
    slot: str
    kind: str  # "money", "count", "unit", "percent", "months"


def _noun(raw: str) -> str:
    """The noun a measure word counts: 官员 of 官员泄露机密 (cut at a particle or verb)."""
    raw = _MODIFIER.sub("", raw)  # 3名在职官员 counts 官员 (在 would end the noun at once)
    m = _NOUN_END.search(raw)
    noun = raw[: m.start()] if m else raw
    # A noun of two characters or more, as the dictionary writes it (官员泄露 -> 官员).
    words = dictionary()
    for size in range(min(len(noun), 4), 1, -1):
        if noun[:size] in words:
            return noun[:size]
    return noun[:2]


def counted(u: Unit) -> list[ZhCount]:
    """The quantities of one Chinese unit, in order."""
    text, folded = u.text, fold(u.text)
    taken = [(s, e) for _, s, e in zh_dates(text)]
    out: list[tuple[int, ZhCount]] = []

    def free(s: int, e: int) -> bool:
        return all(e <= a or s >= b for a, b in taken)

    def add(s: int, e: int, value: float | None, slot: str, kind: str, end: int) -> None:
        if value is None or not free(s, e) or (folded[s:e].startswith("一") and value == 1):
            return
        if s and folded[s - 1] == "第":
            return  # 第三名: which one, not how many
        c = Counted(text[s:e], round(value, 4), text[s:end], u.id)
        out.append((s, ZhCount(c, slot, kind)))
        taken.append((s, e))

    for m in _PERCENT.finditer(folded):
        add(*m.span(), _value(m.group("n") or m.group("p")), "%", "percent", m.end())
    for m in _DURATION.finditer(folded):
        years = _value(m.group("y")) if m.group("y") else 0.0
        months = _value(m.group("m") or m.group("mo") or "零")
        if years is not None and months is not None and years < 1000:
            add(*m.span(), years * 12 + months, "个月", "months", m.end())
    for m in _MONEY.finditer(folded):
        add(*m.span(), _value(m.group("n")), m.group("cur"), "money", m.end())
    for m in _COUNT.finditer(folded):
        if m.group("mw"):
            # 3名官员 counts officials; 1.2万起 (no noun after) counts by its measure word.
            said = _noun(m.group("noun")) if m.group("noun") else ""
            noun = said or m.group("mw")
            end = m.end("mw") + len(said)
            add(m.start(), m.end("mw"), _value(m.group("n")), noun, "count", end)
        else:
            add(*m.span(), _value(m.group("m")), m.group("unit"), "unit", m.end())
    return [z for _, z in sorted(out, key=lambda x: x[0])]


def _side(units: tuple[Unit, ...]) -> list[ZhCount]:
    return [z for u in units if is_chinese(u.text) for z in counted(u)]


def _in_english_terms(z: ZhCount, row: NumberRow, side: str) -> Counted | None:
    """`z` as the English row of the other side counts it (八年 as 8 years, not 96
    months), or None when that row counts something else."""
    others = row.a if side == "a" else row.b
    if not others:
        return None
    words = english_words(others[0].thing.replace("%", " percent "))
    c = z.counted
    if z.kind == "months":
        if any(w.startswith("month") for w in words):
            return c
        if any(w.startswith("year") for w in words):
            return Counted(c.text, round(c.value / 12, 4), c.thing, c.unit)
        return None
    return c if _counts_alike(z, words) else None


def _counts_alike(z: ZhCount, words: frozenset[str]) -> bool:
    """Whether English `words` name what `z` counts (its currency, unit or noun)."""
    if z.kind == "percent":
        return any(w.startswith(("percent", "per")) for w in words)
    if z.kind == "money":
        return any(w.startswith(_CURRENCIES[z.slot]) for w in words)
    if z.kind == "unit":
        return any(w.startswith(_UNITS[z.slot]) for w in words)
    return bool(glosses(z.slot) & words)


def extend(
    rows: list[NumberRow],
    units_a: tuple[Unit, ...],
    units_b: tuple[Unit, ...],
    pairs: tuple[Pair, ...] = (),
) -> list[NumberRow]:
    """The Numbers lens with the Chinese quantities of both articles added.

    Args:
        rows: the English rows (`counts.build`, which skips Chinese units).
        units_a: units of A.
        units_b: units of B.
        pairs: the comparison's pairs.
    """
    side_a, side_b = _side(units_a), _side(units_b)
    if not side_a and not side_b:
        return rows
    told = {(i, j) for p in pairs if p.relation != "related" for i in p.a for j in p.b}
    rows = list(rows)
    used: set[int] = set()
    for za in side_a:
        ca = za.counted
        same = [k for k, zb in enumerate(side_b) if k not in used and zb.slot == za.slot]
        match = next((k for k in same if side_b[k].counted.value == ca.value), None)
        if match is None:
            match = next((k for k in same if (ca.unit, side_b[k].counted.unit) in told), None)
        if match is not None:
            used.add(match)
            rows.append(NumberRow(ca.thing, a=[ca], b=[side_b[match].counted]))
        elif not _join_english(za, rows, "b", told):
            rows.append(NumberRow(ca.thing, a=[ca]))
    for k, zb in enumerate(side_b):
        if k not in used and not _join_english(zb, rows, "a", told):
            rows.append(NumberRow(zb.counted.thing, b=[zb.counted]))
    return rows


def _join_english(
    z: ZhCount, rows: list[NumberRow], other: str, told: set[tuple[int, int]]
) -> bool:
    """Put `z` into the English row of the `other` side that counts the same, if any:
    with the same value anywhere, or with another value in a sentence paired with
    `z`'s (七年六个月 / "eight years": one row that differs)."""
    mine = "a" if other == "b" else "b"
    candidates: list[tuple[NumberRow, Counted]] = []
    for row in rows:
        if row.a if mine == "a" else row.b:
            continue
        c = _in_english_terms(z, row, other)
        if c is None:
            continue
        theirs = (row.a if other == "a" else row.b)[0]
        if c.value == theirs.value:
            candidates.insert(0, (row, c))
            break
        pair = (c.unit, theirs.unit) if mine == "a" else (theirs.unit, c.unit)
        if pair in told:
            candidates.append((row, c))
    if not candidates:
        return False
    row, c = candidates[0]
    (row.a if mine == "a" else row.b).append(c)
    return True
