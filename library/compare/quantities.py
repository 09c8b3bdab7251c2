"""Dates, times and quantities in news text, normalised so two sides can be compared.

"November 9", "Nov. 9", "9 November" and "the 9th" become partial dates that
agree where they overlap; "40,000", "40 thousand" and "forty thousand" become
the same value; percentages stay apart from plain numbers.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate

_MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4,
    "april": 4, "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8,
    "sep": 9, "sept": 9, "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11,
    "dec": 12, "december": 12,
}  # fmt: skip
_WEEKDAYS = {
    "monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6,
    "sunday": 7,
}  # fmt: skip
CALENDAR = frozenset(_MONTHS) | frozenset(_WEEKDAYS)
_MONTH_RE = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_ORD = r"(\d{1,2})(?:st|nd|rd|th)?"
_DATE = re.compile(
    # Chinese/Japanese: 2023年11月10日, 11月10日, 11月, 10日 / 10号
    r"(?:(?P<cy>\d{4})年)?(?P<cm>\d{1,2})月(?:(?P<cd>\d{1,2})[日号])?"
    r"|(?<![\d月])(?P<cd2>\d{1,2})[日号]"
    rf"|\b(?P<m1>{_MONTH_RE})\s+{_ORD.replace('(', '(?P<d1>', 1)}\b"
    r"(?:,?\s+(?P<y1>(?:19|20)\d\d)\b)?"
    rf"|\b{_ORD.replace('(', '(?P<d2>', 1)}\s+(?:of\s+)?(?P<m2>{_MONTH_RE})"
    r"(?:,?\s+(?P<y2>(?:19|20)\d\d)\b)?"
    rf"|\b(?P<m3>{_MONTH_RE})(?:\s+(?:of\s+)?(?P<y3>(?:19|20)\d\d))?\b"
    r"|\bthe\s+(?P<d4>\d{1,2})(?:st|nd|rd|th)\b"
    r"|\b(?P<w>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
    # "9: 29 PM": some sources put a space after the colon; "8.49pm" a dot.
    # Tokenised copies also split "a.m." itself: "2: 45 a. m.".
    r"|\b(?P<h>\d{1,2})(?:[:.]\s?(?P<mi>\d\d))?\s*(?P<ap>[ap]\.?\s?m\.?)(?!\w)"
    r"|\b(?P<h2>[01]?\d|2[0-3]):\s?(?P<mi2>\d\d)\b"
    r"|\b(?P<y5>(?:19|20)\d\d)\b(?![.,]\d)",
)
_WORD_NUMS = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
    "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "hundred": 100, "dozen": 12, "dozens": 24, "hundreds": 200, "thousands": 2000,
    "half": 0.5, "twice": 2, "double": 2, "triple": 3, "half-a-dozen": 6, "half a dozen": 6,
}  # fmt: skip
_TENS = frozenset({"twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"})
# A line that is only a date, a time and a few words ("Last updated at 09:12 GMT")
# is when the article was published, not a claim about the event.
_DATELINE_WORDS = re.compile(
    r"\b(?:updated?|last|published|posted|at|on|gmt|utc|est|edt|pst|bst|cet|am|pm|by|and)\b",
    re.I,
)
# A fraction after a whole number makes one mixed number: "three and a half years",
# "3-1/2-year" (tokenised "3 - 1 / 2 - year") and "3½ years" are one 3.5, not a 3
# and a half (which read apart made "half years" / "1" a false conflict).  Only
# small denominators: "9/11" and "24/7" are names, "5 / 5 / 2012" a date.
_FRACTION_TAIL = re.compile(
    r"(?:\s*-\s*|\s+)(?P<n>[1-7])\s*/\s*(?P<d>[2348])(?![\d/])"
    r"|\s+and\s+(?:a\s+|one\s+)?(?P<w>half|quarter|third)\b"
    r"|(?P<g>[½¼¾⅓⅔])",
    re.I,
)
# "4 1/2" with its space lost to tokenisation: "41 / 2 months" is 4.5 (the last
# digit is the numerator), read only before a word, with spaces around the
# slash, and never as part of a date ("5 / 5 / 2012").
_SPLIT_FRACTION = re.compile(r"\s+/\s+(?P<d>[2348])(?!\s*/)(?=\s*-?\s*[A-Za-z])")
#: Longest number read: past ~300 digits a float is infinite.
_LONGEST = 300
_YEAR_RANGE = re.compile(r"\b(?:19|20)\d\d\s*[-–/]\s*$")
_FRACTION_WORDS = {"half": 0.5, "quarter": 0.25, "third": 1 / 3}
_GLYPHS = {"½": 0.5, "¼": 0.25, "¾": 0.75, "⅓": 1 / 3, "⅔": 2 / 3}
_UNITS_AFTER = re.compile(r"[\s-](two|three|four|five|six|seven|eight|nine|one)\b", re.I)
_SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "bn": 1e9,
           "m": 1e6, "k": 1e3, "hundred": 1e2}  # fmt: skip
_NUMBER = re.compile(
    # Letters/digits around a number make it part of a word ("m1"); CJK
    # characters do not (国家保密局11月), hence the explicit ASCII classes.
    r"(?<![A-Za-z0-9_.])(?P<num>"
    # Tokenised or copy-pasted text splits numbers: "120, 000" is 120000 when
    # the group after ", " has exactly three digits and a 1-3 digit lead;
    # "$2. 6 million" is 2.6 million only before a scale word (a sentence may
    # end on a bare "2.").
    # A lead that follows ", " is more likely an age or a list ("Marsh, 41, 100 m").
    r"(?<!,\s)\d{1,3}(?:, \d{3})+(?![\d,.]\s?\d)(?!\d)"
    r"|\d+\. \d+(?=\s*-?\s*(?:thousand|million|billion|trillion|bn)\b)"
    r"|\d+(?:,\d{3})*(?:\.\d+)?|(?:"
    + "|".join(sorted(_WORD_NUMS, key=len, reverse=True))
    # The scale may be glued on ("2.5bn", "40k") or spaced ("40 thousand").
    + r"))(?:st|nd|rd|th)?"
    r"(?:\s*-?\s*(?P<scale>thousand|million|billion|trillion|bn|m|k)\b|(?![A-Za-z0-9_])"
    # A unit glued on ("2,000ft", "2, 000ft"): the number is read whole here and
    # its unit by `detectors/measures.py` (read apart, "2, 000ft" was a 2).
    r"|(?=(?:ft|km|kg|cm|lbs?|yds?)\b))"
    r"(?:\s*(?P<pct>%|percent|per cent))?",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class DateMention:
    text: str
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    time: int | None = None
    # Minutes the clock time may lie before / after `time`: "about 1:30" is
    # 1:23-1:37, "shortly after 3:30" 3:30-3:50, so "3:33" fits both (`_time_slack`);
    # "around 10:30" / "around 10:45" still clash (a planted change of 15 minutes).
    slack: tuple[int, int] = (0, 0)

    def _fields(self, other: DateMention) -> tuple[tuple[int | None, int | None], ...]:
        return (
            (self.year, other.year),
            (self.month, other.month),
            (self.day, other.day),
            (self.weekday, other.weekday),
            (self.time, other.time),
        )

    def fits(self, other: DateMention) -> bool:
        """No field is stated on both sides with different values (clock times within
        their slack)."""
        return all(
            x is None or y is None or x == y for x, y in self._fields(other)[:4]
        ) and self._times_fit(other)

    def _times_fit(self, other: DateMention) -> bool:
        if self.time is None or other.time is None:
            return True
        lo = max(self.time - self.slack[0], other.time - other.slack[0])
        hi = min(self.time + self.slack[1], other.time + other.slack[1])
        return lo <= hi

    def same(self, other: DateMention) -> bool:
        """Compatible and agreeing on at least one field both state."""
        return self.fits(other) and any(x is not None and x == y for x, y in self._fields(other))

    def clashes(self, other: DateMention) -> bool:
        """Some field is stated on both sides with different values."""
        return not self.fits(other)


def merge_adjacent(
    found: list[DateMention], spans: list[tuple[int, int]], text: str
) -> list[DateMention]:
    # "Saturday, 8 June 2013" is one date; judged piecewise, the weekday would
    # fit any other date and hide a change.
    out: list[DateMention] = []
    last_end = -10
    for d, (start, end) in zip(found, spans, strict=True):
        gap = text[last_end:start] if out else ""
        if out and len(gap) <= 3 and gap.strip(" ,") == "" and out[-1].fits(d):
            p = out[-1]
            out[-1] = DateMention(
                text=text[text.find(p.text) : end] if p.text in text else p.text + " " + d.text,
                year=p.year if p.year is not None else d.year,
                month=p.month if p.month is not None else d.month,
                day=p.day if p.day is not None else d.day,
                weekday=p.weekday if p.weekday is not None else d.weekday,
                time=p.time if p.time is not None else d.time,
                slack=p.slack if p.time is not None else d.slack,
            )
        else:
            out.append(d)
        last_end = end
    return out


def unmatched(
    xs: list[DateMention], ys: list[DateMention]
) -> tuple[list[DateMention], list[DateMention]]:
    # One-to-one: a date said twice on one side and once on the other still
    # leaves a mention to explain.  Exact agreement first, then compatibility.
    left_y = list(ys)
    left_x: list[DateMention] = []
    for x in xs:
        k = next((i for i, y in enumerate(left_y) if x.same(y)), None)
        if k is None:
            left_x.append(x)
        else:
            left_y.pop(k)
    return left_x, left_y


# What the words before a clock time say about how exact it is (minutes early, late).
_TIME_QUALIFIERS = (
    (re.compile(r"\b(?:shortly|just|soon|moments|minutes)\s+after\s*$", re.I), (0, 20)),
    (re.compile(r"\b(?:shortly|just|moments|minutes)\s+before\s*$", re.I), (20, 0)),
    (
        re.compile(
            r"\b(?:about|around|approximately|roughly|some|circa|nearly|almost|ca\.)\s*$", re.I
        ),
        (7, 7),
    ),
    # A bound: "after 2 p.m." fits 5 p.m.; "by 8 a.m." (done) fits 7:30.
    (re.compile(r"\b(?:after|since|from)\s*$", re.I), (0, 180)),
    (re.compile(r"\b(?:before|by|until)\s*$", re.I), (180, 0)),
)


def _time_slack(before: str) -> tuple[int, int]:
    """Minutes a clock time may lie before / after its value, from the words before it."""
    for pattern, slack in _TIME_QUALIFIERS:
        if pattern.search(before):
            return slack
    return (0, 0)


def _month(token: str | None) -> int | None:
    return _MONTHS.get(token.rstrip(".").lower()) if token else None


def dates(text: str) -> tuple[list[DateMention], list[tuple[int, int]]]:
    """Date and time mentions in `text`, and their spans (to hide them from numbers).

    Args:
        text: one passage.
    """
    found, spans = _dates(text)
    return list(found), list(spans)


@lru_cache(maxsize=4096)
def _dates(text: str) -> tuple[tuple[DateMention, ...], tuple[tuple[int, int], ...]]:
    # Every candidate pair asks about the same unit texts again: parse each once.
    found: list[DateMention] = []
    spans: list[tuple[int, int]] = []
    for m in _DATE.finditer(text):
        g = m.groupdict()
        month_lead = _MONTH_LEAD.search(text, max(0, m.start() - 8), m.start())
        if (
            g["m3"]
            and g["m3"].rstrip(".").lower() == "may"
            and not g["y3"]
            and not (g["m3"][0] == "M" and month_lead)
        ):
            continue  # "may" the modal verb, not "In May" / "since May"
        if g["m3"] and g["m3"][0].islower():
            continue
        hour: int | None = None
        if g["h"]:
            hour = int(g["h"]) % 12 + (12 if g["ap"].lower().startswith("p") else 0)
            hour = hour * 60 + int(g["mi"] or 0)
        elif g["h2"]:
            hour = int(g["h2"]) * 60 + int(g["mi2"])
        lead = text[max(0, m.start() - 24) : m.start()]
        slack = _time_slack(lead) if hour is not None else (0, 0)
        day = g["d1"] or g["d2"] or g["d4"] or g["cd"] or g["cd2"]
        if day and not 1 <= int(day) <= 31:
            continue  # "the 79th Academy Awards": an ordinal, no day of a month
        year = g["y1"] or g["y2"] or g["y3"] or g["y5"] or g["cy"]
        found.append(
            DateMention(
                text=m.group().strip(),
                year=int(year) if year else None,
                month=int(g["cm"]) if g["cm"] else _month(g["m1"] or g["m2"] or g["m3"]),
                day=int(day) if day else None,
                weekday=_WEEKDAYS.get(g["w"].lower()) if g["w"] else None,
                time=hour,
                slack=slack,
            )
        )
        spans.append(m.span())
    return tuple(found), tuple(spans)


# Words after which a capitalised "May" is the month.
_MONTH_LEAD = re.compile(r"\b(?:in|since|until|by|during|last|next|early|late|mid|of)\s+$", re.I)


def numbers(text: str, hide: Sequence[tuple[int, int]] = ()) -> list[tuple[str, float]]:
    """Quantities in `text` as `(as written, normalised value)`, skipping hidden spans.

    Args:
        text: one passage.
        hide: spans already claimed by dates.
    """
    return [(q.text, q.value) for q in quantities(text, hide)]


@dataclass(frozen=True, slots=True)
class Quantity:
    """One number in a text: as written, its value, and where it sits.

    `ordinal`: "sixth", "3rd" say which one, not how many.
    """

    text: str
    value: float
    start: int
    end: int
    percent: bool = False
    ordinal: bool = False


@lru_cache(maxsize=4096)  # asked again for every candidate pair a unit is in
def is_dateline(text: str) -> bool:
    """Whether `text` is only a publication date/time line, not a claim.

    Args:
        text: one passage.
    """
    found, spans = dates(text)
    if not found:
        return False
    rest = text
    for start, end in sorted(spans, reverse=True):
        rest = rest[:start] + " " + rest[end:]
    rest = _DATELINE_WORDS.sub(" ", rest)
    words = [w for w in re.findall(r"[^\W\d_]{2,}", rest) if w.lower() not in CALENDAR]
    return len(words) <= 1


class _Hidden:
    """Spans, asked whether one covers a position in a bisection, not a scan.

    A whole article's dates hide thousands of spans from its numbers: scanning
    them all for each number grew with the square of the article.
    """

    def __init__(self, spans: Sequence[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self._starts = [s for s, _ in ordered]
        # The furthest end among the spans starting at or before each one.
        self._reach = list(accumulate((e for _, e in ordered), max))

    def covers(self, pos: int) -> bool:
        """Whether some span has start <= pos < end."""
        k = bisect_right(self._starts, pos)
        return k > 0 and self._reach[k - 1] > pos


def quantities(text: str, hide: Sequence[tuple[int, int]] = ()) -> list[Quantity]:
    """Quantities in `text` with their spans, skipping hidden spans (dates).

    Args:
        text: one passage.
        hide: spans already claimed by dates.
    """
    out: list[Quantity] = []
    taken = 0  # end of the last quantity ("two" in "forty-two" is not another)
    pos = 0
    hidden = _Hidden(hide)
    while (m := _NUMBER.search(text, pos)) is not None:
        pos = m.end()
        if m.start() < taken or hidden.covers(m.start()):
            if ", " in m.group("num"):
                # "May 5, 200 people": the day is the date's, the rest its own number.
                pos = m.start("num") + m.group("num").index(", ") + 2
            continue
        raw = m.group("num")
        if len(raw) > _LONGEST:
            continue  # no float holds it (and int() refuses past 4,300 digits)
        if len(raw) == 2 and _YEAR_RANGE.search(text, max(0, m.start() - 10), m.start()):
            continue  # "the 2008-09 season": the second year, not a count of seasons
        low = raw.lower()
        value = (
            _WORD_NUMS[low]
            if low in _WORD_NUMS
            else float(raw.replace(", ", "").replace(",", "").replace(". ", "."))
        )
        # "forty-two", "twenty one": a tens word and a units word are one number.
        tail = _UNITS_AFTER.match(text, m.end("num"))
        end = m.end()
        if low in _TENS and tail and not m.group("scale"):
            value += _WORD_NUMS.get(tail.group(1).lower(), 1)
            end = tail.end()
            scale_m = _NUMBER.match(text, tail.start(1))
            scale = scale_m.group("scale") if scale_m else None
            if scale_m:
                end = max(end, scale_m.end())
        else:
            scale = m.group("scale")
        frac = None if scale or m.group("pct") or value % 1 else _FRACTION_TAIL.match(text, end)
        split = _SPLIT_FRACTION.match(text, end) if raw.isdigit() and len(raw) >= 2 else None
        if frac is None and split is not None and 0 < int(raw[-1]) < int(split.group("d")):
            value = int(raw[:-1]) + int(raw[-1]) / int(split.group("d"))
            end = split.end()
        if frac is not None and int(frac.group("n") or 0) < int(frac.group("d") or 9):
            if frac.group("w"):
                value += _FRACTION_WORDS[frac.group("w").lower()]
            elif frac.group("g"):
                value += _GLYPHS[frac.group("g")]
            else:
                value += int(frac.group("n")) / int(frac.group("d"))
            end = frac.end()
        if scale == "m" and _metres(text, m.start(), m.end()):
            scale = None  # "fell about 60m from a ridge": a length, not 60 million
        if scale and not (scale.lower() in {"m", "k"} and not raw[0].isdigit()):
            value *= _SCALES[scale.lower()]
        pct = bool(m.group("pct"))
        if pct:
            value += 0.000123  # keep 5% apart from a plain 5
        if glued := _GLUED_UNIT.match(text, end):
            end = glued.end()  # "2, 000ft": the unit is part of the number as written
        written = text[m.start() : end].strip()
        ordinal = bool(re.match(r"(?:st|nd|rd|th)\b", text[m.end("num") : m.end("num") + 3]))
        if not math.isfinite(value):
            continue  # "99…9 trillion": beyond a float, no count to compare
        out.append(Quantity(written, round(float(value), 6), m.start(), end, pct, ordinal))
        taken = end
    return out


_GLUED_UNIT = re.compile(r"(?:ft|km|kg|cm|lbs?|yds?)\b", re.I)
# Money before a number ("£88m", "US$ 2m") or a currency word after it ("2m euros").
_MONEY_BEFORE = re.compile(r"(?:[$€£¥]|US\$|HK\$|RMB|USD|EUR|GBP|Rs\.?)\s*$", re.I)
_MONEY_AFTER = re.compile(
    r"\s*(?:of\s+)?(?:dollars?|euros?|pounds?|sterling|yuan|rmb|yen|rupees?|francs?)\b", re.I
)
# The word after a number: a plural noun ("2m people", "1.5m barrels") is counted
# by millions; a singular noun, a preposition or nothing ("60m from a ridge",
# "the 100m sprint", "200m down") follows a length.
_NEXT_WORD = re.compile(r"\s*[-–]?\s*([A-Za-z]+)")
_NOT_PLURAL = frozenset(
    ("across", "as", "is", "was", "has", "this", "thus", "plus", "less", "its", "his", "towards")
)


def _metres(text: str, start: int, end: int) -> bool:
    """Whether a number with a lower-case "m" glued on is a length in metres.

    "m" is millions after money ("£88m", "$2.6m") and before a counted plural
    ("2m people"); otherwise news writes metres that way: "falling about 60m
    from a ridge", "fell about 600m while climbing" (read as 60 and 600
    million, both stood against "60 metres" and "2,000 feet" as conflicts).
    """
    if _MONEY_BEFORE.search(text, max(0, start - 6), start) or _MONEY_AFTER.match(text, end):
        return False
    nxt = _NEXT_WORD.match(text, end)
    if nxt is None:
        return True
    word = nxt.group(1).lower()
    if word in _IRREGULAR_PLURALS:
        return False
    return not (len(word) > 3 and word.endswith("s") and not word.endswith("ss")) or (
        word in _NOT_PLURAL
    )


# English plurals without an "s".
_IRREGULAR_PLURALS = frozenset(("people", "men", "women", "children", "cattle", "police"))


def date_values(found: Sequence[DateMention]) -> set[float]:
    """Day and year numbers of date mentions (a bare "28" may be another side's day).

    Args:
        found: date mentions.
    """
    return {float(x) for d in found for x in (d.day, d.year) if x is not None}
