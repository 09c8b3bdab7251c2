"""Other coverage across scripts: a Chinese report and its English coverage find each other.

A Chinese article and an English one share almost no index words, so the
word-overlap query of `library.coverage` never proposes one for the other.
This module adds what they do share:

- the candidate query: for a Chinese article, the English forms of what it
  names (people by toneless pinyin, 李林一 -> "li linyi"; bodies and places by
  their CC-CEDICT sense, 新华社 -> "xinhua news agency", "xinhua"), its dates
  (10月13日 -> "october 13") and numbers as digits; for an English article,
  the Chinese forms CC-CEDICT gives for its capitalised names (a reverse
  index, built once per process) and its dates in Chinese;
- the features of a Chinese-English pair: names matched through the same
  pinyin and sense keys as the Names lens (`chinese_match.latin_forms`),
  dates and numbers by value, and the share of the Chinese words whose
  dictionary gloss the English text uses.

The dictionary (about 0.3 s to read) is only loaded when the library holds
both scripts, so an all-English library pays nothing.
"""

from __future__ import annotations

import re
from functools import lru_cache

from library.article import Article
from library.chinese import fold, has_cjk
from library.search_index import index_form
from library.store import LibraryStore

#: Cross-script candidates proposed besides the same-script ones.
XL_CANDIDATES = 20
#: Query terms (words or phrases) of the cross-script query.
XL_QUERY_TERMS = 30

_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august",
           "september", "october", "november", "december")  # fmt: skip
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_ZH_WEEKDAY = dict(zip("一二三四五六日天", (*_WEEKDAYS, "sunday"), strict=True))
# Capitalised English words that are no names (months and weekdays, as 十月).
_NOT_NAMES = frozenset((*_MONTHS, *_WEEKDAYS))
_HAN_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]+")
_ZH_DATE = re.compile(r"(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]")
_ZH_YEAR = re.compile(r"((?:18|19|20)\d\d)\s*年")
_ZH_WEEKDAY_RE = re.compile(r"(?:星期|周|礼拜)([一二三四五六日天])")
_NUMBER = re.compile(r"\d+(?:,\d{3})*(?:\.\d+)?")
_EN_DATE = re.compile(
    r"\b(" + "|".join(m.capitalize() for m in _MONTHS) + r")\.?\s+(\d{1,2})\b"
    r"|\b(\d{1,2})\s+(" + "|".join(m.capitalize() for m in _MONTHS) + r")\b"
)
# A run of capitalised words, "of"/"and"/"for"/"the" allowed inside ("Ministry of State Security").
_CAP_RUN = re.compile(r"[A-Z][\w'’-]*(?:\s+(?:(?:of|and|for|the|on)\s+)*[A-Z][\w'’-]*)*")
_PARENS = re.compile(r"\([^)]*\)|\[[^\]]*\]")
_SENSE_PREFIX = re.compile(r"^(?:the|PRC|ROC|PRC's|China's|Chinese|US|U\.S\.)\s+", re.I)
_GENERIC_TAIL = re.compile(r"(?:\s+(?:News|Agency|Company|Corporation|Group|Inc\.?|Ltd\.?))+$")
# Common surnames, for telling a person's name (李林一) from other characters:
# the hundred commonest cover about 85% of people.
#: Characters that follow a name in news prose, never part of a given name here.
_FUNCTION_CHARS = frozenset("在是的了和与被对将向称说等也都于为从把曾已及并就表日月年")
_SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程"
    "苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚"
    "邵万钱严覃武戴莫孔向汤习"
)


def is_chinese(article: Article) -> bool:
    """Whether the article is written in Chinese (its language, else its script)."""
    if article.language:
        return article.language.lower().startswith("zh")
    return has_cjk(f"{article.title}{article.body[:300]}")


def library_has_chinese(library: LibraryStore, vocab: str) -> bool:
    """Whether the index holds any CJK word (one range lookup in its vocabulary)."""
    row = library.db.execute(
        f"SELECT 1 FROM {vocab} WHERE term >= '\u3400' AND term < '\ua000' LIMIT 1"
    ).fetchone()
    return row is not None


def library_has_latin(library: LibraryStore, vocab: str) -> bool:
    row = library.db.execute(
        f"SELECT 1 FROM {vocab} WHERE term >= 'a' AND term < '{{' LIMIT 1"
    ).fetchone()
    return row is not None


# -- the dictionary ------------------------------------------------------------


@lru_cache(maxsize=65536)
def _proper_senses(word: str) -> tuple[str, ...]:
    """The English names CC-CEDICT gives a Chinese word ("Xinhua News Agency", "Xinhua")."""
    from library.compare.glosses import dictionary

    out: list[str] = []
    for raw in dictionary().get(word, "").split("/"):
        sense = _PARENS.sub(" ", raw).strip()
        if not sense or not sense[0].isupper() or sense.startswith(("CL:", "variant")):
            continue
        for part in sense.split(",")[0].split(" or "):
            part = _SENSE_PREFIX.sub("", part.strip())
            # Not "NEC" (日电, as in 新华社北京…日电): a short acronym is mostly a false friend.
            if len(part) >= 3 and part[0].isupper() and not (part.isupper() and len(part) < 4):
                out.append(part)
                tail = _GENERIC_TAIL.sub("", part)
                if tail != part and len(tail) >= 3:
                    out.append(tail)
    return tuple(dict.fromkeys(out))


@lru_cache(maxsize=1)
def _reverse() -> dict[str, tuple[str, ...]]:
    """Squashed English name -> the Chinese headwords CC-CEDICT gives it, longest first.

    Built once per process (about a second), only for a library holding both scripts.
    """
    from library.compare.glosses import dictionary
    from library.compare.lenses.chinese_match import squash

    found: dict[str, set[tuple[int, str]]] = {}
    for word, senses in dictionary().items():
        if "/" not in senses or not any(s[:1].isupper() for s in senses.split("/")):
            continue
        # A word whose first sense is the name (中国 /China/) before one that
        # lists it among others (两岸三地 /China, Taiwan, Hong Kong and Macau/).
        # Then one whose first sense describes it (北京 /Beijing, capital of …/).
        sense = _SENSE_PREFIX.sub("", _PARENS.sub(" ", senses.split("/")[1]).strip())
        head, _, rest = sense.partition(",")
        ranks = {squash(sense): 0}
        if rest.strip()[:1].islower():
            ranks.setdefault(squash(head), 1)
        for name in _proper_senses(word):
            key = squash(name)
            if len(key) >= 4 and key not in _NOT_NAMES:
                found.setdefault(key, set()).add((ranks.get(key, 2), word))
    return {
        k: tuple(w for _r, w in sorted(v, key=lambda x: (x[0], -len(x[1]), x[1]))[:2])
        for k, v in found.items()
    }


def _segments(text: str) -> list[tuple[str, bool]]:
    """The Chinese runs of `text` cut by longest dictionary match: (piece, in the dictionary)."""
    from library.compare.glosses import dictionary

    entries = dictionary()
    out: list[tuple[str, bool]] = []
    for run in _HAN_RUN.findall(fold(text)):
        i = 0
        while i < len(run):
            for size in range(min(6, len(run) - i), 1, -1):
                if run[i : i + size] in entries:
                    out.append((run[i : i + size], True))
                    i += size
                    break
            else:
                out.append((run[i], False))
                i += 1
    return out


def _persons(segments: list[tuple[str, bool]]) -> list[str]:
    """Likely people's names: a common surname and one or two characters no word claims."""
    out: list[str] = []
    index = 0
    while index < len(segments):
        piece, known = segments[index]
        index += 1
        if known or piece not in _SURNAMES:
            continue
        given = ""
        for nxt, nxt_known in segments[index : index + 2]:
            if nxt_known or nxt in _FUNCTION_CHARS:
                break
            given += nxt
        if given:
            out.append(piece + given)
            index += len(given)  # 李林一: 林 is not a second surname
    return list(dict.fromkeys(out))


@lru_cache(maxsize=65536)
def _place_pinyin(word: str, sense: str) -> str:
    """ "shanghai" for 上海 ("Shanghai municipality"): the pinyin a sense starts with, else ""."""
    from library.compare.lenses.chinese_match import squash

    joined = "".join(_pinyin(word))
    return joined if squash(sense).startswith(joined) and squash(sense) != joined else ""


@lru_cache(maxsize=65536)
def _pinyin(word: str) -> tuple[str, ...]:
    from pypinyin import lazy_pinyin

    return tuple(s.replace("ü", "v") for s in lazy_pinyin(word))


# -- what a Chinese text names, in English ----------------------------------------


@lru_cache(maxsize=256)
def zh_mentions(text: str) -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    """Names, dates and numbers of a Chinese text, keyed as the English side keys them.

    Cached (the source meets every candidate): callers must not change the dicts.

    Names: squashed Latin form -> the Chinese as written (李林一 -> "lilinyi",
    "linyili"; 新华社 -> "xinhuanewsagency", "xinhua").  Dates: "oct-13",
    "2022", "thursday" (as `library.coverage` keys English dates).  Numbers: digits.
    """
    from library.compare.lenses.chinese_match import squash

    names: dict[str, str] = {}
    segments = _segments(text)
    for person in _persons(segments):
        syllables = _pinyin(person)
        surname, given = syllables[0], "".join(syllables[1:])
        names.setdefault(surname + given, person)
        names.setdefault(given + surname, person)
    for piece, known in segments:
        if known:
            for sense in _proper_senses(piece):
                names.setdefault(squash(sense), piece)
                if pinyin := _place_pinyin(piece, sense):
                    names.setdefault(pinyin, piece)
    dates: dict[str, str] = {}
    for m in _ZH_DATE.finditer(text):
        month, day = int(m.group(1)), int(m.group(2))
        if 1 <= month <= 12 and 1 <= day <= 31:
            dates.setdefault(f"{_MONTHS[month - 1][:3]}-{day}", m.group())
    for m in _ZH_YEAR.finditer(text):
        dates.setdefault(m.group(1), m.group())
    for m in _ZH_WEEKDAY_RE.finditer(text):
        dates.setdefault(_ZH_WEEKDAY[m.group(1)], m.group())
    numbers: dict[str, str] = {}
    for m in _NUMBER.finditer(text):
        value = m.group().replace(",", "")
        if len(value) == 4 and value.isdecimal() and 1800 <= int(value) <= 2099:
            continue  # a year, among the dates when 年 follows
        if len(value) >= 2 or "." in value:
            numbers.setdefault(value, m.group())
    return names, dates, numbers


def en_name_keys(text: str) -> dict[str, str]:
    """Capitalised names of an English text, squashed, whole and in their parts."""
    from library.compare.lenses.chinese_match import squash

    out: dict[str, str] = {}
    for m in _CAP_RUN.finditer(text):
        words = m.group().split()
        caps = [i for i, w in enumerate(words) if w[0].isupper()]
        for a in caps:
            for b in caps:
                if a <= b <= a + 5:
                    written = " ".join(words[a : b + 1])
                    out.setdefault(squash(written), written)
                    if b == a + 1:  # "Linyi Li" as well as "Li Linyi"
                        out.setdefault(squash(f"{words[b]} {words[a]}"), written)
    return out


# -- the query ----------------------------------------------------------------------


def _phrase(text: str) -> str:
    """An FTS5 phrase of `text` as the index holds it, quotes doubled."""
    spaced = " ".join(re.findall(r"\w+", index_form(text) or "")).lower()
    return '"' + spaced.replace('"', '""') + '"' if spaced else ""


def query_terms(article: Article) -> list[str]:
    """FTS5 phrases in the other script for `article`: names first, then dates, then numbers."""
    text = f"{article.title}\n{article.body}"
    terms: list[str] = []
    if is_chinese(article):
        segments = _segments(text)
        for person in _persons(segments)[:8]:
            syllables = _pinyin(person)
            terms.append(_phrase(f"{syllables[0]} {''.join(syllables[1:])}"))
        for piece, known in segments:
            if known:
                senses = _proper_senses(piece)[:2]
                terms.extend(_phrase(s) for s in senses)
                terms.extend(_phrase(p) for s in senses[:1] if (p := _place_pinyin(piece, s)))
        _names, dates, numbers = zh_mentions(text)
        for key in dates:
            month, _, day = key.partition("-")
            full = next((name for name in _MONTHS if name.startswith(month)), "")
            terms.append(_phrase(f"{full} {day}" if day and full else key))
        terms.extend(_phrase(n) for n in numbers)
    else:
        reverse = _reverse()
        for key in en_name_keys(text):
            forms = reverse.get(key, ())
            terms.extend(_phrase(w) for w in forms)  # 国家安全部, 国安部
        for number, day_number, _written in _en_dates(text):
            terms.append(_phrase(f"{number}月{day_number}日"))
        for m in re.finditer(r"\b(?:18|19|20)\d\d\b", text):
            terms.append(_phrase(f"{m.group()}年"))
    return [t for t in dict.fromkeys(terms) if t][:XL_QUERY_TERMS]


def candidates(library: LibraryStore, source: Article, limit: int = XL_CANDIDATES) -> list[Article]:
    """Current articles in the other script matching any cross-script term, best bm25 first."""
    from library.store.library_store import _article, _prefixed

    terms = query_terms(source)
    if not terms:
        return []
    key = library.db.execute("SELECT source_key FROM articles WHERE id = ?", [source.id]).fetchone()
    zh = is_chinese(source)
    sql = f"""
        SELECT {_prefixed("a.")}
        FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid
        WHERE articles_fts MATCH ? AND a.superseded_by IS NULL AND a.source_key != ?
        ORDER BY bm25(articles_fts, 2.0, 1.0), a.id LIMIT ?
    """
    # Over-fetch: same-script articles may match too (digits, Latin names in Chinese text).
    rows = library.db.execute(sql, [" OR ".join(terms), key[0] if key else "", limit * 3])
    found = [_article(row) for row in rows.fetchall()]
    return [a for a in found if is_chinese(a) != zh][:limit]


# -- the features ---------------------------------------------------------------------


def features(
    source: Article, other: Article
) -> tuple[dict[str, float], tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    """Features of a Chinese-English pair, and the names, dates and numbers both mention.

    "names", "dates", "numbers" are Dice overlaps, as for a same-script pair;
    "glosses" is the share of the Chinese headline-and-lead's dictionary words
    whose English gloss the English text uses.
    """
    from library.compare.glosses import gloss_overlap

    zh, en = (source, other) if is_chinese(source) else (other, source)
    zh_text = f"{zh.title}\n{zh.body}"
    en_text = f"{en.title}\n{en.body}"
    zh_names, zh_dates, zh_numbers = zh_mentions(zh_text)
    en_names = en_name_keys(en_text)
    en_dates, en_numbers = _en_dates_numbers(en_text)
    shared_names = sorted({zh_names[k] for k in zh_names.keys() & en_names.keys()})
    zh_distinct = set(zh_names.values())
    en_distinct = {w for k, w in en_names.items() if " " not in w}  # single words, as counted
    names = 2 * len(shared_names) / (len(zh_distinct) + len(en_distinct)) if zh_distinct else 0.0
    dates = zh_dates.keys() & en_dates.keys()
    numbers = zh_numbers.keys() & en_numbers.keys()
    out = {
        "names": min(1.0, names),
        "dates": _dice(len(dates), len(zh_dates), len(en_dates)),
        "numbers": _dice(len(numbers), len(zh_numbers), len(en_numbers)),
        "glosses": gloss_overlap(f"{zh.title}\n{zh.body[:600]}", en_text),
    }
    side = zh_dates if source is zh else en_dates
    nums = zh_numbers if source is zh else en_numbers
    return (
        out,
        tuple(shared_names),
        tuple(side[d] for d in sorted(dates)),
        tuple(nums[n] for n in sorted(numbers)),
    )


def _dice(shared: int, a: int, b: int) -> float:
    return 2 * shared / (a + b) if a and b else 0.0


def _en_dates_numbers(text: str) -> tuple[dict[str, str], dict[str, str]]:
    dates: dict[str, str] = {}
    for month, day, written in _en_dates(text):
        dates.setdefault(f"{_MONTHS[month - 1][:3]}-{day}", written)
    for m in re.finditer(r"\b(?:18|19|20)\d\d\b", text):
        dates.setdefault(m.group(), m.group())
    for weekday in _WEEKDAYS:
        if weekday.capitalize() in text:
            dates.setdefault(weekday, weekday.capitalize())
    numbers: dict[str, str] = {}
    for m in _NUMBER.finditer(text):
        value = m.group().replace(",", "").rstrip(".")
        if len(value) == 4 and value.isdecimal() and 1800 <= int(value) <= 2099:
            continue
        if len(value) >= 2 or "." in value:
            numbers.setdefault(value, m.group())
    return dates, numbers


def _en_dates(text: str) -> list[tuple[int, int, str]]:
    """(month, day, as written) of each "October 13" / "13 October" in English text."""
    out = []
    for m in _EN_DATE.finditer(text):
        month = _MONTHS.index((m.group(1) or m.group(4)).lower()) + 1
        day = int(m.group(2) or m.group(3))
        if 1 <= day <= 31:
            out.append((month, day, m.group()))
    return out


def crosses(library: LibraryStore, source: Article, vocab: str) -> bool:
    """Whether the library holds articles in the other script (Chinese / Latin) than `source`."""
    if is_chinese(source):
        return library_has_latin(library, vocab)
    return library_has_chinese(library, vocab)
