"""Timeline: every dated statement of both articles, on one date axis.

Dates are parsed by the conflict detectors' parser (`quantities.dates`) and
normalised as far as the text allows: "November 9" stays without a year unless
the publication date supplies one; "the 10th" is a day alone; "this year",
"last month", "two years ago", "30 months ago", "yesterday" are resolved
against the publication date when it is known and otherwise kept as written;
"this weekend" and "three weeks ago" stay as written (no day to name).  A
weekday ("on Friday") is resolved to the last such day up to publication, or
the next one from it when the sentence tells of what will come ("is scheduled
to appear Wednesday", "next Monday"); unresolved, it is the weekday alone.  Unknown fields print as
"?" ("????-11-09"), so a partial date is never shown as a made-up full one.

A and B entries are linked when their dates fit (no field disagrees, one field
agrees) and their sentences tell the same event (shared content words); of
several candidates the one sharing most words wins.  A row is a conflict when
the comparison's date detector flagged its date in a pair (the detectors' rule:
the same event, different dates).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from typing import Any

from library.chinese import CJK_CHAR, has_cjk
from library.compare.detectors.chinese import article_month, zh_dates
from library.compare.lenses.pattern_cache import re_compile
from library.compare.model import Pair, Unit
from library.compare.quantities import DateMention, dates, is_dateline, merge_adjacent
from library.compare.units import terms

# Content words two sentences must share to tell the same dated event.
MIN_SHARED_EVENT_WORDS = 3
_NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "a": 1, "an": 1,
}  # fmt: skip
RELATIVE = re_compile(
    r"\b(?P<this>this|last|next)\s+(?P<span>year|month|weekend|week)\b"
    r"|\b(?P<n>\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|an?)\s+"
    r"(?P<unit>year|month|week|day)s?\s+ago\b"
    r"|\b(?P<day>yesterday|today|tomorrow)\b",
    re.I,
)
_YEAR_SHIFT = {"this": 0, "last": -1, "next": 1}
_EARLIEST, _LATEST = date(10, 1, 1), date(9990, 12, 31)  # ±999 days stay inside
_DAY_SHIFT = {"yesterday": -1, "today": 0, "tomorrow": 1}
_WEEKDAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
# Words that put a bare weekday after publication ("will appear Wednesday").
_FUTURE = re_compile(
    r"\b(?:will|shall|next|scheduled|expected|due|plans?|planned|set\s+to|is\s+to|are\s+to|"
    r"could\s+be\s+coming|upcoming)\b",
    re.I,
)
# "2088 Philip Street": a house number, not a year.
_ADDRESS_AFTER = re_compile(
    r"^\s+(?:[A-Z][\w.'’-]*\s+){1,3}(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Drive|"
    r"Dr|Lane|Ln|Way|Place|Pl|Court|Ct|Highway|Hwy)\b\.?"
)
# "his 2008 Bentley", "a grey 2013 Toyota Camry", "a 1967 model": a model year, not a date.
_MODEL_AFTER = re_compile(
    r"^\s+(?:model\b|(?:Acura|Alfa|Aston|Audi|Bentley|BMW|Buick|Cadillac|Chevrolet|Chevy|"
    r"Chrysler|Citroen|Dodge|Ferrari|Fiat|Ford|GMC|Harley|Honda|Hummer|Hyundai|Infiniti|Isuzu|"
    r"Jaguar|Jeep|Kawasaki|Kia|Lamborghini|Land|Lexus|Lincoln|Maserati|Mazda|McLaren|Mercedes|"
    r"Mercury|Mini|Mitsubishi|Nissan|Oldsmobile|Opel|Peugeot|Plymouth|Pontiac|Porsche|Range|"
    r"Renault|Rolls|Saab|Saturn|Scion|Skoda|Subaru|Suzuki|Tesla|Toyota|Volkswagen|VW|Volvo|"
    r"Yamaha)\b)"
)
# "Story Created: Mar 3, 2015 at 4:12 PM": a stamp the dateline test lets through.
_STAMP = re_compile(
    r"^\W*(?:story\s+created|created|posted|published|first\s+published|updated|"
    r"last\s+updated|last\s+modified)\b\s*(?:on\b)?\s*:?",
    re.I,
)
# "2045 GMT": a clock time, not a year.
_CLOCK_AFTER = re_compile(r"^\s*(?:GMT|UTC|BST|EST|EDT|CST|CDT|PST|PDT|CET|CEST|hours?|hrs)\b")
# "Patch Tuesday", "Black Friday": names; "the second Tuesday of each month": no date.
_NAMED_DAY_BEFORE = re_compile(
    r"\b(?:Patch|Super|Black|Good|Cyber|Ash|Holy|Bloody|Palm|Maundy|Shrove|Giving|Easter|"
    r"Oscar|Oscars|Election|Selection|Decision)\s+$"
)
_RECURRING_AFTER = re_compile(r"^\s+of\s+(?:each|every)\b|^s\b", re.I)
_RECURRING_BEFORE = re_compile(r"\b(?:every|each)\s+$", re.I)
# "the 2008-09 season": two years.
_YEAR_RANGE = re_compile(r"\b((?:19|20)\d{2})\s?[-–/]\s?(\d{2})\b(?![-–/]\d)")
# "in May": the month the parser leaves alone (it is also a verb).
_IN_MAY = re_compile(r"\b(?:in|since|until|by|early|late|mid-?|last|next|this)\s+(May)\b(?!\s+\d)")
# 【新华社北京11月9日电】: when a Chinese report was filed, not a statement.
_ZH_DATELINE = re_compile("【[^【】]{0,40}】")
_PAST_WEEKDAY = re_compile(r"\b(?:last|past)\s+$", re.I)
_NEXT_WEEKDAY = re_compile(r"\b(?:next|this\s+coming|coming)\s+$", re.I)


@dataclass(frozen=True, slots=True)
class Dated:
    """One dated statement: the date as written, normalised, and its unit."""

    unit: int
    text: str
    year: int | None
    month: int | None
    day: int | None
    resolved: bool = False  # a field was filled from the publication date
    weekday: int | None = None  # 1 = Monday, as `date.isoweekday()`

    @property
    def label(self) -> str:
        """ "2024-03-??", "????-11-09", "????-??-10": unknown fields as "?".

        A weekday not placed by a publication date is its name ("friday"); a
        relative date with no publication date to resolve it is kept as written.
        """
        if self.year is None and self.month is None and self.day is None:
            if self.weekday is not None:
                return _WEEKDAY_NAMES[self.weekday - 1]
            return self.text.lower()
        y = f"{self.year:04d}" if self.year is not None else "????"
        m = f"{self.month:02d}" if self.month is not None else "??"
        d = f"{self.day:02d}" if self.day is not None else "??"
        return f"{y}-{m}-{d}"

    def fits(self, other: Dated) -> bool:
        """No field differs and at least one agrees; without fields, the same label."""
        pairs = ((self.year, other.year), (self.month, other.month), (self.day, other.day))
        if all(x is None and y is None for x, y in pairs):
            return self.label == other.label  # "friday" / "Friday"; "this weekend"
        return all(x is None or y is None or x == y for x, y in pairs) and any(
            x is not None and x == y for x, y in pairs
        )

    def covers(self, other: Dated) -> bool:
        """Either date states every field the other states ("October 10" / "the 10th");
        "October 13" and "October 2022" each state one the other lacks."""
        mine = {k for k, v in (("y", self.year), ("m", self.month), ("d", self.day)) if v}
        theirs = {k for k, v in (("y", other.year), ("m", other.month), ("d", other.day)) if v}
        return mine <= theirs or theirs <= mine


@dataclass(slots=True)
class Row:
    """One point of the timeline: a date and the units of each side that state it."""

    date: str
    a: list[int] = field(default_factory=list)
    b: list[int] = field(default_factory=list)
    text_a: list[str] = field(default_factory=list)
    text_b: list[str] = field(default_factory=list)
    conflict: bool = False
    partial: bool = False

    def to_dict(self) -> dict[str, Any]:
        """`{"date", "a", "b", "conflict", "partial", "text_a", "text_b"}`."""
        return {
            "date": self.date,
            "a": self.a,
            "b": self.b,
            "conflict": self.conflict,
            "partial": self.partial,
            "text_a": self.text_a,
            "text_b": self.text_b,
        }


def parse_published(published: str | None) -> date | None:
    """The publication day from an ISO-like string ("2024-11-12", "2024-11-12T08:00")."""
    if not published:
        return None
    m = re.match(r"(\d{4})-(\d{1,2})-(\d{1,2})", published.strip())
    if not m:
        return None
    try:
        day = date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None
    # Years 1 and 9999 are placeholders, not news; a shift from them ("999 days
    # ago", "said Friday") would leave the calendar (OverflowError).
    return day if _EARLIEST <= day <= _LATEST else None


def _resolve(d: Dated, pub: date | None) -> Dated:
    """Fill a missing year (and month for "the 10th") from the publication date.

    A date later in the year than publication is taken to be the year before
    ("December 30" in an article of January 2).
    """
    if pub is None or d.year is not None:
        return d
    if d.month is not None:
        year = pub.year if (d.month, d.day or 1) <= (pub.month, pub.day) else pub.year - 1
        return replace(d, year=year, resolved=True)
    if d.day is not None:
        month, year = (pub.month, pub.year) if d.day <= pub.day else (pub.month - 1, pub.year)
        if month == 0:
            month, year = 12, year - 1
        return replace(d, year=year, month=month, resolved=True)
    return d


def _months_back(pub: date, months: int) -> tuple[int, int]:
    """(year, month) `months` before publication's month (negative: after)."""
    k = pub.year * 12 + pub.month - 1 - months
    return k // 12, k % 12 + 1


def _relative(text: str, unit: int, pub: date | None) -> list[tuple[Dated, int]]:
    out: list[tuple[Dated, int]] = []
    for m in RELATIVE.finditer(text):
        written = m.group()
        span, unit_word = (m.group("span") or "").lower(), (m.group("unit") or "").lower()
        if pub is None or span in ("week", "weekend") or unit_word == "week":
            # No publication date, or a span no field names: kept as written.
            out.append((Dated(unit, written, None, None, None), m.start()))
        elif m.group("this"):
            shift = _YEAR_SHIFT[m.group("this").lower()]
            if span == "month":
                y, mo = _months_back(pub, -shift)
                out.append((Dated(unit, written, y, mo, None, True), m.start()))
            else:
                out.append((Dated(unit, written, pub.year + shift, None, None, True), m.start()))
        elif m.group("n"):
            n = m.group("n").lower()
            ago = int(n) if n.isdigit() else _NUMBER_WORDS[n]
            if unit_word == "year":
                found = Dated(unit, written, pub.year - ago, None, None, True)
            elif unit_word == "month":
                y, mo = _months_back(pub, ago)
                found = Dated(unit, written, y, mo, None, True)
            else:
                when = pub - timedelta(days=ago)
                found = Dated(unit, written, when.year, when.month, when.day, True)
            out.append((found, m.start()))
        else:
            if pub is None:
                out.append((Dated(unit, written, None, None, None), m.start()))
                continue
            when = pub + timedelta(days=_DAY_SHIFT[m.group("day").lower()])
            out.append((Dated(unit, written, when.year, when.month, when.day, True), m.start()))
    return out


def _no_day(text: str, start: int, end: int) -> bool:
    """A weekday that names no day: "Patch Tuesday", "every Monday", "Tuesdays"."""
    if start < 0:
        return False
    before, after = text[:start], text[end:]
    return bool(
        _NAMED_DAY_BEFORE.search(before)
        or _RECURRING_BEFORE.search(before)
        or _RECURRING_AFTER.match(after)
    )


def _weekday(unit: Unit, d: DateMention, pub: date | None) -> Dated:
    """A weekday alone, placed by the publication date when it is known.

    The last such day up to publication ("said Friday"), or the first from it
    when the sentence tells of what will come ("is scheduled to be arraigned
    Wednesday"); "next" and "last" just before move it off publication day.
    """
    assert d.weekday is not None
    found = Dated(unit.id, d.text, None, None, None, weekday=d.weekday)
    if pub is None:
        return found
    at = unit.text.find(d.text)
    before = unit.text[:at] if at >= 0 else ""
    gap = (pub.isoweekday() - d.weekday) % 7
    ahead = (d.weekday - pub.isoweekday()) % 7
    if _NEXT_WEEKDAY.search(before):
        gap = -(ahead or 7)  # "next Friday" in a Friday paper is a week on
    elif _PAST_WEEKDAY.search(before):
        gap = gap or 7  # "last Friday" in a Friday paper is a week back
    elif _FUTURE.search(unit.text):
        gap = -ahead
    when = pub - timedelta(days=gap)
    return replace(found, year=when.year, month=when.month, day=when.day, resolved=True)


def statements(unit: Unit, pub: date | None, *, month: int | None = None) -> list[Dated]:
    """The dated statements of one unit, normalised.

    "November 10 of this year" is one date: a relative year right after a date
    without a year supplies its year.

    Args:
        unit: one sentence.
        pub: the article's publication day, when known.
        month: a Chinese article's month (its dateline's), for 本月9日 and 9日.
    """
    if is_dateline(unit.text) or _STAMP.match(unit.text):
        return []  # a publication stamp, not a statement
    found, spans = dates(unit.text)
    merged = merge_adjacent(found, spans, unit.text)
    out: list[Dated] = []
    ends: list[int] = []
    if has_cjk(unit.text):
        # 十月十日, 本月9日: read the Chinese way; a day alone (9日) is in the month of
        # the dateline (【…11月9日电】), which is no statement itself.
        month = month or (pub.month if pub else None)
        zh = zh_dates(unit.text)
        for z, _, end in zh:
            mo = z.month if z.month or z.year or not z.day else month
            out.append(Dated(unit.id, z.text, z.year, mo, z.day, weekday=z.weekday))
            ends.append(end)
        # The rest (an English "November 9" in a mixed line), where no Chinese date is.
        taken = [(s, e) for _, s, e in zh] + [(s, e) for s, e in _zh_datelines(unit.text)]
        merged = [
            d
            for d in merged
            if not CJK_CHAR.search(d.text)
            and (at := unit.text.find(d.text)) >= 0
            and all(at + len(d.text) <= s or at >= e for s, e in taken)
        ]
    for d in merged:
        at = unit.text.find(d.text)
        end = at + len(d.text) if at >= 0 else -1
        if d.year is None and d.month is None and d.day is None:
            if d.weekday is not None and not _no_day(unit.text, at, end):
                # "on Friday": a date the publication day places
                out.append(_weekday(unit, d, pub))
                ends.append(end)
            continue  # a clock time alone: no place on a date axis
        if (d.day or 0) > 31 or (d.month or 0) > 12:
            continue  # "the 81st annual ceremony": an ordinal, not a day
        after = unit.text[max(end, 0) :]
        if (
            d.month is None
            and d.day is None
            and (
                _ADDRESS_AFTER.match(after)
                or _CLOCK_AFTER.match(after)
                or _MODEL_AFTER.match(after)
            )
        ):
            continue  # "2088 Philip Street", "2045 GMT", "his 2008 Bentley"
        if d.month is None and d.day is None and re.search(r"\bCVE\s*-\s*$", unit.text[:at]):
            continue  # "CVE-2016-4521": a vulnerability's number
        out.append(_from_mention(unit.id, d))
        ends.append(end)
    for m in _IN_MAY.finditer(unit.text):
        if not any(x.month == 5 and x.unit == unit.id for x in out):
            out.append(Dated(unit.id, m.group(1), None, 5, None))
            ends.append(m.end())
    for m in _YEAR_RANGE.finditer(unit.text):  # "2008-09": the season's second year
        first, second = int(m.group(1)), int(m.group(1)[:2] + m.group(2))
        if second == first + 1 and not any(x.year == second and x.unit == unit.id for x in out):
            out.append(Dated(unit.id, m.group(), second, None, None))
            ends.append(m.end())
    for rel, start in _relative(unit.text, unit.id, pub):
        host = next((k for k, e in enumerate(ends) if 0 <= e <= start and start - e <= 12), None)
        if host is not None and out[host].year is None and rel.year is not None:
            out[host] = replace(out[host], year=rel.year, resolved=True)
        elif host is not None and out[host].year is None:
            continue  # "November 10 of this year", year unknown: the date says enough
        else:
            out.append(rel)
    return [_resolve(d, pub) for d in out]


def _zh_datelines(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _ZH_DATELINE.finditer(text)]


def _from_mention(unit: int, d: DateMention) -> Dated:
    return Dated(unit, d.text, d.year, d.month, d.day)


def _keys(d: Dated) -> list[tuple[str, object]]:
    """What a date that fits `d` must share with it: a field it states, else its label."""
    fields: list[tuple[str, object]] = [
        (k, v) for k, v in (("y", d.year), ("m", d.month), ("d", d.day)) if v is not None
    ]
    return fields or [("label", d.label)]


def _by_field(dates: list[Dated]) -> dict[tuple[str, object], list[int]]:
    """Positions of `dates` under each field value they state (or their label), in order."""
    index: dict[tuple[str, object], list[int]] = {}
    for k, d in enumerate(dates):
        for key in _keys(d):
            index.setdefault(key, []).append(k)
    return index


def _may_fit(index: dict[tuple[str, object], list[int]], y: Dated) -> list[int]:
    """Positions, in order, of the dates that may fit `y` (`Dated.fits`: one field
    agrees, or neither states a field and the labels agree).  Trying every date of
    A for each date of B grew with the square of the articles."""
    return sorted({k for key in _keys(y) for k in index.get(key, ())})


def build(
    units_a: tuple[Unit, ...],
    units_b: tuple[Unit, ...],
    pairs: tuple[Pair, ...],
    *,
    published_a: str | None = None,
    published_b: str | None = None,
) -> list[Row]:
    """The timeline rows of both articles, A and B linked where they tell one event.

    Args:
        units_a: units of A.
        units_b: units of B.
        pairs: the comparison's pairs (their date conflicts mark rows).
        published_a: A's publication date (ISO), when known.
        published_b: B's publication date.
    """
    pub_a, pub_b = parse_published(published_a), parse_published(published_b)
    # 本月9日, 9日: a Chinese article's month is its dateline's (【…11月9日电】).
    ma = article_month(" ".join(u.text for u in units_a[:3])) if units_a else None
    mb = article_month(" ".join(u.text for u in units_b[:3])) if units_b else None
    da = [d for u in units_a for d in statements(u, pub_a, month=ma)]
    db = [d for u in units_b for d in statements(u, pub_b, month=mb)]
    # Only dated units need their words (the event they tell).
    dated_a, dated_b = {d.unit for d in da}, {d.unit for d in db}
    words_a = {u.id: _words(u.text) for u in units_a if u.id in dated_a}
    words_b = {u.id: _words(u.text) for u in units_b if u.id in dated_b}
    # Link each B entry to the A entry of a fitting date telling the most of its event.
    link: dict[int, int] = {}
    taken: set[int] = set()
    index = _by_field(da)
    for j, y in enumerate(db):
        best, best_k = MIN_SHARED_EVENT_WORDS - 1, -1
        for k in _may_fit(index, y):
            x = da[k]
            if k in taken or not x.fits(y) or not x.covers(y):
                continue
            shared = len(words_a[x.unit] & words_b[y.unit])
            if shared > best:
                best, best_k = shared, k
        if best_k >= 0:
            link[j] = best_k
            taken.add(best_k)
    rows: dict[str, Row] = {}

    def row(d: Dated) -> Row:
        partial = d.year is None or d.month is None or d.day is None
        return rows.setdefault(d.label, Row(d.label, partial=partial))

    clashing = _conflicting(pairs)
    for x in da:
        r = row(x)
        _add(r.a, r.text_a, x)
        r.conflict |= _clashes(clashing, "a", x)
    for j, y in enumerate(db):
        # A linked entry joins A's row: the fuller of the two dates names it.
        r = row(da[link[j]]) if j in link else row(y)
        _add(r.b, r.text_b, y)
        r.conflict |= _clashes(clashing, "b", y)
    return sorted(rows.values(), key=lambda r: (r.date.replace("?", "0"), r.a[:1], r.b[:1]))


def _words(text: str) -> set[str]:
    # The day number itself is the date, not the event.
    return {t for t in terms(text) if not t.isdigit()}


def _add(ids: list[int], texts: list[str], d: Dated) -> None:
    if d.unit not in ids:
        ids.append(d.unit)
    if d.text not in texts:
        texts.append(d.text)


def _conflicting(pairs: tuple[Pair, ...]) -> dict[tuple[str, int], list[str]]:
    """The dates as written that the date detector found in conflict, by side and unit."""
    out: dict[tuple[str, int], list[str]] = {}
    for p in pairs:
        # A related pair tells two events (two cases of one ministry), not one
        # event dated two ways.
        if p.relation == "related":
            continue
        for c in p.conflicts:
            if c.kind != "date" or not c.material:
                continue
            for i in p.a:
                out.setdefault(("a", i), []).append(c.a)
            for j in p.b:
                out.setdefault(("b", j), []).append(c.b)
    return out


def _clashes(clashing: dict[tuple[str, int], list[str]], side: str, d: Dated) -> bool:
    # The conflict names the date as written ("Friday", "November 9, October 13").
    found = clashing.get((side, d.unit), ())
    return any(d.text in written or written in d.text for written in found)
