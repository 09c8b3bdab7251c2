"""Voices in Chinese: who a Chinese article quotes or cites, and in what role.

A name (`chinese_names`) speaks when a speech verb follows it:
X表示 / 说 / 称 / 指出 / 认为 / 强调 / 透露 / 告诉 … (an adverb may stand
between: X也表示, X此前称), X对…表示 / X向…透露, X在…中说 / 写道; a quote
before or after its speaker is the same form (“……”李林一说 / 李林一说：“……”).
据X报道 / 称 / 介绍 cites X, named or not (据美国之音报道).  他说 / 她表示 is the
voice this side named last, within `PRONOUN_REACH` units.  The role before
a name is its description (时事评论员李林一 -> 时事评论员).  Unnamed sources
(分析人士, 观察人士, 有评论认为, 外界 …) are counted per side, as in English.
"""

from __future__ import annotations

import re

from library.chinese import HAN_CHAR, fold
from library.compare.lenses.chinese_match import (
    entry_key,
    glossed_key,
    latin_index,
    pair_name,
    twin,
)
from library.compare.lenses.chinese_names import (
    _ADVERBS,
    SPEECH_VERBS,
    ZhName,
    find_names,
    has_chinese,
    people_of,
    role_before,
)
from library.compare.lenses.pattern_cache import re_compile
from library.compare.lenses.unnamed import Unnamed
from library.compare.lenses.voices import PRONOUN_REACH, Voice
from library.compare.mentions import Mentions
from library.compare.model import Unit

__all__ = ["anonymous_zh", "extend", "speakers"]

_VERBS = "|".join((*SPEECH_VERBS, "报道", "报导", "发文"))
_NO_QUOTE = "，。！？；“”「」『』"
# What may stand between a speaker and the verb: an adverb, "to someone" (对记者,
# 向本台), or "in something" (在声明中, 在接受采访时).
# A bracket may follow a name or a time word: 李家超（John Lee）昨日（11月9日）表示.
_BRACKET = "(?:[（(][^（）()，。]{1,40}[）)])?"
_AFTER_NAME = re_compile(
    f"{_BRACKET}{_ADVERBS}{_BRACKET}(?:(?:对|向|告诉)[^{_NO_QUOTE}]{{1,15}}?|在[^{_NO_QUOTE}]{{1,30}}?(?:中|时|上)?)?"
    f"{_ADVERBS}(?:{_VERBS})"
)
# 据X报道: X cited, a name or not (据美国之音报道, 据知情人士透露).
_ACCORDING = re_compile(
    f"据(?P<x>[^{_NO_QUOTE}、：\\s]{{2,12}}?)的?(?:报道|报导|称|介绍|透露|消息|表示|指出|披露|显示|所说|所言|说)"
)
# Before a name, these make it a place or a means, not a speaker (在微信发文, 向美国表示).
_PREPOSITIONS = frozenset("在于从向对给经由被让")
# 他说 / 她表示: the voice this side named last.
_PRONOUN = re_compile(f"(?:^|[，。：”」])\\s*(?:他|她)(?:们)?{_ADVERBS}(?:{_VERBS})")
# Sources without a name.
_ANONYMOUS = re_compile(
    "有?分析人士|有?观察人士|知情人士|消息人士|业内人士|有关人士|有评论(?:认为|指出|称)?|"
    "外界(?:普遍)?(?:认为|猜测|质疑|关注)?|有分析(?!人士)(?:认为|指出|称)?|有专家(?:认为|指出|表示)?|"
    "有人(?:认为|称|说|指出)|舆论(?:认为)?|评论人士|批评者|消息来源"
)
_ANON_START = re_compile(_ANONYMOUS.pattern.replace("|", "|^").join(("^(?:", ")")))


def anonymous_zh(text: str) -> list[str]:
    """Unnamed sources of one Chinese unit, as written."""
    folded = fold(text)
    return [text[m.start() : m.end()] for m in _ANONYMOUS.finditer(folded)]


def speakers(text: str, known: frozenset[str] = frozenset()) -> list[tuple[ZhName, str]]:
    """The named voices of one Chinese unit with their descriptions, in order.

    Args:
        text: a unit's text.
        known: simplified person names the articles give (`people_of`).
    """
    folded = fold(text)
    names = find_names(text, known)
    out: list[tuple[ZhName, str]] = []
    for z in names:
        if z.start and folded[z.start - 1] in _PREPOSITIONS:
            continue  # 在微信发文: where it was said, not who said it
        if _AFTER_NAME.match(folded, z.end) and (z.kind != "title" or _cites(folded, z.end)):
            out.append((z, role_before(folded, text, z.start)))
    for m in _ACCORDING.finditer(folded):
        x_start, x_end = m.span("x")
        if _ANON_START.match(m.group("x")):
            continue  # 据知情人士透露: unnamed
        hit = next((n for n in names if n.start >= x_start and n.end <= x_end), None)
        if hit is not None:
            z = hit
        else:
            # 据美国之音报道: the source is what stands between 据 and the verb.
            z = ZhName(text[x_start:x_end], folded[x_start:x_end], "body", x_start, x_end)
        if z.kind == "place" and z.end < x_end:  # 据美国之音: not the United States
            z = ZhName(text[z.start : x_end], folded[z.start : x_end], "body", z.start, x_end)
        if all(z.start != o.start for o, _ in out):
            out.append((z, ""))
    return sorted(out, key=lambda x: x[0].start)


def _cites(folded: str, at: int) -> bool:
    """A paper (《人民日报》) speaks by reporting: 报道, 发文, 称."""
    return bool(re.match(f"》?{_ADVERBS}(?:报道|报导|发文|称|指出|写道)", folded[at:]))


def extend(
    found: list[Voice],
    unnamed: dict[str, list[Unnamed]],
    units_a: tuple[Unit, ...],
    units_b: tuple[Unit, ...],
    mentions: Mentions,
) -> tuple[list[Voice], dict[str, list[Unnamed]]]:
    """The Voices lens with the Chinese voices of both articles added.

    A Chinese voice joins the English voice it is (李林一 and "Li Linyi"), or its
    own entry keyed by its simplified form.  English-only pairs are returned as they are.

    Args:
        found: the English voices (`voices.build`).
        unnamed: the English unnamed attributions per side.
        units_a: units of A.
        units_b: units of B.
        mentions: the comparison's names and taught aliases.
    """
    if not (has_chinese(units_a) or has_chinese(units_b)):
        return found, unnamed
    voices = {v.key: v for v in found}
    latin = latin_index({v.key: [v.name] for v in found})
    known = people_of([u.text for u in (*units_a, *units_b)])
    unnamed = {side: list(unnamed.get(side, [])) for side in ("a", "b")}
    for side, units in (("a", units_a), ("b", units_b)):
        last: tuple[Voice, int] | None = None
        for u in units:
            if not HAN_CHAR.search(u.text):
                continue
            heard = speakers(u.text, known)
            for z, role in heard:
                key = (
                    glossed_key(u.text, z.end, latin)
                    or twin(z.key, z.kind, latin)
                    or entry_key(z.text, mentions)
                )
                v = voices.get(key)
                if v is None:
                    v = voices[key] = Voice(key, z.text)
                elif not HAN_CHAR.search(v.name):
                    v.name = pair_name(v.name, z.text)  # "Li Linyi (李林一)"
                _speaks(v, side, u.id, role)
                last = (v, u.id)
            near = last and u.id - last[1] <= PRONOUN_REACH
            if not heard and last and near and _PRONOUN.search(fold(u.text)):
                _speaks(last[0], side, u.id, "")
                last = (last[0], u.id)
            unnamed[side] += [Unnamed(t, u.id) for t in anonymous_zh(u.text)]
    ordered = sorted(voices.values(), key=lambda v: (not (v.a and v.b), not v.a, v.key))
    return ordered, unnamed


def _speaks(v: Voice, side: str, uid: int, role: str) -> None:
    ids = v.a if side == "a" else v.b
    if uid not in ids:
        ids.append(uid)
    if role and side == "a" and not v.description_a:
        v.description_a = role
    elif role and side == "b" and not v.description_b:
        v.description_b = role
