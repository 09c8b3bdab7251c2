"""Dates and times: the same event's date, told differently.

Partial dates are compatible when no field disagrees ("the 10th" fits
"October 10"); "Wednesday" against "November 9" cannot be checked, so it is
not flagged.  Within an aligned pair the two sentences tell one event, so a
leftover date on each side that clashes is a conflict; across sentences the
engine asks for a shared anchor first (`crossing.py`).
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterator
from functools import lru_cache

from library.compare.detectors import zones
from library.compare.detectors.base import Diff, Passage
from library.compare.detectors.text import WORD, unique
from library.compare.kinds import conflict
from library.compare.model import Conflict
from library.compare.quantities import (
    CALENDAR,
    DateMention,
    dates,
    is_dateline,
    merge_adjacent,
    unmatched,
)
from library.compare.units import STOPWORDS, stem

_CONTEXT_WORDS = 4


def _context(text: str, d: DateMention) -> set[str]:
    """Content stems within a few words of a date: what happened then."""
    at = text.find(d.text)
    if at < 0:
        return set()
    before = WORD.findall(text[:at])[-_CONTEXT_WORDS:]
    after = WORD.findall(text[at + len(d.text) :])[:_CONTEXT_WORDS]
    return {
        stem(w)
        for w in before + after
        if w.lower() not in STOPWORDS and w.lower() not in CALENDAR and not w.isdigit()
    }


# Event words that name one happening in different words ("will leave on
# January 1" / "his last day will be February 28"), matched on stems.
_EVENT_SYNONYMS = (
    ("leave", "depart", "exit", "quit", "resign", "step", "last"),
    ("start", "begin", "open", "launch", "first"),
    ("die", "kill", "death", "dead"),
    ("arrest", "detain", "held", "custody"),
    # Not "convict": convicted on March 20 and sentenced on May 3 are two events.
    ("sentence", "jail", "prison", "imprison"),
)
_EVENT = {stem(w): stem(g[0]) for g in _EVENT_SYNONYMS for w in g}
# Words that say a date is given, not what happened then: "a November 22 release
# date" / "a January start date" share "date" and date two events.
_NO_EVENT = frozenset(stem(w) for w in ("date", "dates", "dated"))


def event_words(text: str, written: str) -> set[str]:
    """What happened at date `written` in `text`: nearby lower-case content words.

    Names are left out (they are the anchor, not the event); close synonyms
    share one key ("leave" / "last day").

    Args:
        text: one passage.
        written: a date as written in `text`.
    """
    at = text.find(written)
    if at < 0:
        return set()
    near = (
        WORD.findall(text[:at])[-_CONTEXT_WORDS:]
        + WORD.findall(text[at + len(written) :])[:_CONTEXT_WORDS]
    )
    return {
        _EVENT.get(stem(w), stem(w))
        for w in near
        if w.islower() and w not in STOPWORDS and w not in CALENDAR and stem(w) not in _NO_EVENT
    }


def _weak(d: DateMention) -> bool:
    """A weekday or a clock time alone: which event it dates must be checked."""
    return d.year is None and d.month is None and d.day is None


def _covers(x: DateMention, d: DateMention) -> bool:
    """`x` fits `d` and states every field `d` states ("October 10" states "the 10th")."""
    fields = ("year", "month", "day", "weekday", "time")
    return x.fits(d) and all(getattr(d, f) is None or getattr(x, f) is not None for f in fields)


@lru_cache(maxsize=8)
def _whole(article: str) -> tuple[tuple[DateMention, int, int], ...]:
    # Every candidate pair of a comparison asks about the same two articles.
    found, spans = dates(article)
    return tuple((d, s, e) for d, (s, e) in zip(found, spans, strict=True))


def states(p: Passage, d: DateMention) -> bool:
    """Whether `p`'s article states date `d` outside the passage (at least as precisely).

    Args:
        p: one side of a candidate pair.
        d: one date mention of the other side.
    """
    if not p.article:
        return False
    known = _covering(p.article)
    spans = known.get(d)
    if spans is None:
        spans = known[d] = tuple((s, e) for x, s, e in _whole(p.article) if _covers(x, d))
    if not spans:
        return False
    outside = p.outside()
    return any(outside(s, e) for s, e in spans)


@lru_cache(maxsize=8)
def _covering(article: str) -> dict[DateMention, tuple[tuple[int, int], ...]]:
    # Spans of the article's dates that cover a date, filled as dates are asked
    # about: every candidate pair asks again, and a long article has many dates.
    return {}


def _article_year(p: Passage) -> int | None:
    """The one year `p`'s article dates things in, if it names exactly one."""
    return _one_year(p.article or p.text)


@lru_cache(maxsize=8)
def _one_year(article: str) -> int | None:
    # Every candidate pair asks about the same two articles: read each once
    # (reading a long article's dates per pair grew with n²).
    years = {d.year for d, _, _ in _whole(article) if d.year is not None}
    return years.pop() if len(years) == 1 else None


def _on_calendar(d: DateMention, year: int | None) -> int | None:
    """The weekday (Monday = 1) of a date with a month and a day, in its year or `year`."""
    y = d.year or year
    if d.weekday is not None or d.month is None or d.day is None or y is None:
        return None
    try:
        return datetime.date(y, d.month, d.day).isoweekday()
    except ValueError:  # "February 30": nothing to check
        return None


def _weekday_differs(
    x: DateMention, year_x: int | None, y: DateMention, year_y: int | None
) -> bool:
    """A weekday on one side that the calendar denies the other side's date.

    "early Sunday" / "Feb. 1" (2009: a Sunday) agree; "on Tuesday" / "June 14,
    2012" (a Thursday) do not.  The date's year may come from its article when
    that dates everything in one year; without a year nothing is checked.
    """
    for one, other, year in ((x, y, year_y), (y, x, year_x)):
        if one.weekday is not None and one.day is None:
            on = _on_calendar(other, year)
            if on is not None and on != one.weekday:
                return True
    return False


def detect(a: Passage, b: Passage, diff: Diff) -> Iterator[Conflict]:
    """Dates on both sides that state the same field with different values.

    A weekday or a time alone must be told about the same thing as the other
    (a content word near both: "shooting Thursday" and "trial starts Monday"
    date two events), and neither article may state the other's date elsewhere
    (it then knows both: two announcements, not two versions of one).

    Args:
        a: side A.
        b: side B.
        diff: word diff of A against B (unused).
    """
    if is_dateline(a.text) or is_dateline(b.text):
        return  # publication stamps, not claims
    da, sa = dates(a.text)
    db, sb = dates(b.text)
    only_a, only_b = unmatched(merge_adjacent(da, sa, a.text), merge_adjacent(db, sb, b.text))
    # "announced today (9 February 2015)": the day it was written, not of the event.
    only_a = [d for d in only_a if not _stamp(a.text, d) and not _stamp_line(a.text, d)]
    only_b = [d for d in only_b if not _stamp(b.text, d) and not _stamp_line(b.text, d)]

    year_a, year_b = _article_year(a), _article_year(b)

    def clash(x: DateMention, y: DateMention) -> bool:
        return (
            (x.clashes(y) or _weekday_differs(x, year_a, y, year_b))
            and (not (_weak(x) or _weak(y)) or bool(_context(a.text, x) & _context(b.text, y)))
            and not states(a, y)
            and not states(b, x)
            and not zones.other_clock(a, x, b, y)
            and not _statement_and_deed(a.text, x, b.text, y)
        )

    xa = unique([x.text for x in only_a if any(clash(x, y) for y in only_b)])
    xb = unique([y.text for y in only_b if any(clash(x, y) for x in only_a)])
    if not xa or not xb:
        return
    timed = _nearest_times(only_a, only_b, xa, xb)
    if timed is not None:
        xa, xb = timed
    if len(xa) == len(xb):
        for x, y in zip(xa, xb, strict=True):
            yield conflict("date", x, y)
    else:
        yield conflict("date", ", ".join(xa), ", ".join(xb))


_STAMP_BEFORE = re.compile(
    r"\b(?:today|yesterday|tonight|this\s+(?:morning|afternoon|evening))\s*[(,]\s*$", re.I
)


def _stamp(text: str, d: DateMention) -> bool:
    """Whether `d` is the day the text was written, told as "today (9 February 2015)"."""
    at = text.find(d.text)
    return at > 0 and bool(_STAMP_BEFORE.search(text, max(0, at - 24), at))


# A date right after a verb of saying dates the statement, not the event it is
# about: "turned up dead in a lockup a day after being held, officers said Friday" /
# "held Thursday"; "as it pledged [Monday], the firm shipped an update" / "on Tuesday
# shipped".
_SPOKEN_BEFORE = re.compile(
    r"\b(?:said|says|told|announced|confirmed|reported|stated|added|promised|pledged|vowed|"
    r"warned|disclosed|revealed)\s+(?:on\s+|late\s+|early\s+)?[\[(]?\s*$",
    re.I,
)
# Where a line or a sentence ends: a passage may join a dateline to the next sentence.
_BREAK = re.compile(r"\n|[.!?]\s")


_SPEECH = frozenset((
    "said", "says", "told", "announced", "confirmed", "reported", "stated", "added", "promised",
    "pledged", "vowed", "warned", "disclosed", "revealed",
))  # fmt: skip
# A deed's verb right next to its date: "arrested Tuesday", "on Wednesday issued".
_DEED_BEFORE = re.compile(
    r"\b([a-z]+ed|found|held|shot|hit|struck|took|began|left|died|won|lost)"
    r"\s+(?:on\s+|late\s+|early\s+)?$"
)
_DEED_AFTER = re.compile(
    r"\s*,?\s*([a-z]+ed|found|held|shot|hit|struck|took|began|left|died|won|lost)\b"
)


def _spoken(text: str, d: DateMention) -> bool:
    """Whether `d` dates a statement ("police said Wednesday"), not what happened."""
    at = text.find(d.text)
    return at > 0 and bool(_SPOKEN_BEFORE.search(text, max(0, at - 30), at))


def _deed(text: str, d: DateMention) -> bool:
    """Whether `d` dates a deed told by the verb next to it ("arrested Tuesday")."""
    at = text.find(d.text)
    if at < 0:
        return False
    before = _DEED_BEFORE.search(text, max(0, at - 30), at)
    after = _DEED_AFTER.match(text, at + len(d.text))
    return any(m is not None and m.group(1) not in _SPEECH for m in (before, after))


def _statement_and_deed(text_a: str, x: DateMention, text_b: str, y: DateMention) -> bool:
    """Whether one date is a statement's ("police said Wednesday") and the other a
    deed's ("arrested Tuesday"): two events.  "On November 9, the office reported"
    / "the bureau said on October 13" are two statements of one event, and clash."""
    return (_spoken(text_a, x) and _deed(text_b, y)) or (_spoken(text_b, y) and _deed(text_a, x))


def _stamp_line(text: str, d: DateMention) -> bool:
    """Whether `d` sits on a line of its own that is only a publication stamp
    ("February 5, 2009" above the story), inside a passage of several sentences."""
    at = text.find(d.text)
    if at < 0:
        return False
    starts = [m.end() for m in _BREAK.finditer(text, 0, at)]
    end = _BREAK.search(text, at + len(d.text))
    line = text[starts[-1] if starts else 0 : end.start() + 1 if end else len(text)]
    return line.strip() != text.strip() and is_dateline(line)


def _nearest_times(
    only_a: list[DateMention], only_b: list[DateMention], xa: list[str], xb: list[str]
) -> tuple[list[str], list[str]] | None:
    """The clock times a conflict should show: one side's single clashing time against
    the other side's nearest time ("with 12:20 left ... with 5:13 to go" / "with 5:14
    left": 5:13 / 5:14, not the first time found), or None to keep the found texts."""
    if len(xb) == 1 and len(xa) == 1:
        one, others, flip = xb[0], only_a, False
    elif len(xa) == 1:
        one, others, flip = xa[0], only_b, True
    else:
        return None
    mine = next((d for d in (only_a if flip else only_b) if d.text == one), None)
    if mine is None or mine.time is None:
        return None
    near = [d for d in others if d.time is not None and _weak(d) == _weak(mine) and d.clashes(mine)]
    if not near:
        return None
    best = min(near, key=lambda d: abs((d.time or 0) - (mine.time or 0))).text
    return ([one], [best]) if flip else ([best], [one])
