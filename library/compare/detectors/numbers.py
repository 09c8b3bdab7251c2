"""Numbers: a conflict needs the same thing counted on both sides.

"a 48-page indictment" vs "the 47-page indictment" conflicts (same head words);
"$750,000 in campaign cash" vs "a $43,000 watch" does not (different things);
"about 40,000" vs "40,312" is rounding, not a conflict.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from itertools import islice

from library.compare.detectors import moments, owner, place
from library.compare.detectors.base import Diff, Passage
from library.compare.detectors.number_mentions import UNITS as _UNITS
from library.compare.detectors.number_mentions import Mention as _Mention
from library.compare.detectors.number_mentions import (
    bare_total,
    mentions,
    other_places,
    place_owner,
)
from library.compare.detectors.number_slot import (
    HEAD_SYNONYMS,
    noun,
    same_event,
    same_noun,
    same_slot,
    shared_thing,
    shared_words,
)
from library.compare.detectors.number_values import compatible, fits
from library.compare.kinds import conflict, demote
from library.compare.model import Conflict, Severity
from library.compare.quantities import date_values, dates, is_dateline

# The slot and value rules live in `number_slot.py` and `number_values.py`;
# they are re-exported here for the callers that read numbers two by two
# (`crossing.py`, `slots.py`, `conflicts.py`).
__all__ = [
    "HEAD_SYNONYMS",
    "compatible",
    "conflicting",
    "counts_differ",
    "detect",
    "mentions",
    "noun",
    "same_event",
    "same_noun",
    "same_slot",
    "shared_thing",
    "shared_words",
    "whole",
]


def _cut(p: Passage, m: _Mention) -> bool:
    """Whether `m` opens a passage that a sentence split cut off a decimal: "$2." ending
    one unit and "6 million heist" opening the next ("$2. 6 million" in the article)."""
    if m.q.start > 1 or not p.article:
        return False
    at = p.article.find(p.text)
    return at > 0 and bool(_DECIMAL_CUT.search(p.article, max(0, at - 6), at))


_DECIMAL_CUT = re.compile(r"\d\.\s*$")


def detect(a: Passage, b: Passage, diff: Diff) -> Iterator[Conflict]:
    """Numbers stated for the same thing with different values.

    Args:
        a: side A.
        b: side B.
        diff: word diff of A against B (unused).
    """
    other: list[tuple[_Mention, _Mention, str, str]] = []
    for x, y in conflicting(a, b, other_event=other):
        c = conflict("number", x.q.text, y.q.text, context_a=x.context, context_b=y.context)
        # One toll for a province, another for the region: two slots, shown
        # with both places as a note (`place.py`), not called a contradiction.
        wx, wy = place.where(a.text, x.q.start, x.q.end), place.where(b.text, y.q.start, y.q.end)
        if place.other_place(wx, wy):
            yield demote(c, place.reason(wx, wy))
            continue
        # Each number a place's own, told in apposition ("Varo island, home to
        # 90,000" / "Kesh, a city of 400,000"): two places' numbers, a note.
        ox, oy = place_owner(a.text, x.q.start), place_owner(b.text, y.q.start)
        yield demote(c, f"whose? A: {ox} · B: {oy}") if other_places(ox, oy) else c
    # Two counts of two events of one kind ("a 5.6 quake injured five" / "the
    # 5.9 quake injured 50"): not a contradiction, nor one claim told alike.
    # Shown at low severity, which makes the pair related (`relation.classify`).
    # Another owner's number ("Harlan's record of 3,872" / Pike's 3,905, another
    # club's offer) is told the same way, with whose it is.
    for x, y, why_a, why_b in other[:1]:
        yield conflict(
            "number",
            x.q.text,
            y.q.text,
            context_a=f"{x.context}{why_a}",
            context_b=f"{y.context}{why_b}",
            severity=OTHER_EVENT,
        )


# Severity of two counts of two events (see `detect`): a note, never divergent.
OTHER_EVENT: Severity = "low"


def conflicting(
    a: Passage, b: Passage, *, other_event: list[tuple[_Mention, _Mention, str, str]] | None = None
) -> Iterator[tuple[_Mention, _Mention]]:
    """Pairs of numbers (A's, B's) that count the same thing with different values.

    Args:
        a: side A.
        b: side B.
        other_event: filled with the pairs left out as counts of two events or of
            another owner, each with a few words that say which.
    """
    if is_dateline(a.text) or is_dateline(b.text):
        return  # publication stamps, not claims
    da, db = dates(a.text)[0], dates(b.text)[0]
    ma = [m for m in whole(a.text) if not _cut(a, m)]
    mb = [m for m in whole(b.text) if not _cut(b, m)]
    # "January 21 and 28" vs "21 to 28 January": a bare number may be the other
    # side's date day or year, written differently.
    # A value the other side states for the same thing is matched ("12 rebounds"
    # does not answer "12 points"; "double-digit" does not answer "two games").
    memo_a: dict[int, list[_Mention]] = {}
    memo_b: dict[int, list[_Mention]] = {}
    left_a = [m for m in ma if m.q.value not in date_values(db) and not _stated(m, mb, ma, memo_a)]
    left_b = [m for m in mb if m.q.value not in date_values(da) and not _stated(m, ma, mb, memo_b)]
    # "$US2 million ($3.1 million)" / "$2 million": the other side gives the sum as
    # first told, the bracket the same sum in another currency.
    left_a = [m for m in left_a if not _original_stated(m, mb)]
    left_b = [m for m in left_b if not _original_stated(m, ma)]
    if not left_a or not left_b:
        return
    used: set[int] = set()
    seen: set[tuple[str, str]] = set()
    for x in left_a:
        # A bare number ("now has 2,301") first meets a total told as such ("2,302
        # for his career"), then the rest in order.
        for k in sorted(range(len(left_b)), key=lambda k: not bare_total(left_b[k], x)):
            y = left_b[k]
            if k in used or not same_slot(x, y):
                continue
            held_a, held_b = (
                owner.held_by_other(a.text, x.q.start, b.text),
                owner.held_by_other(b.text, y.q.start, a.text),
            )
            if held_a or held_b:
                if other_event is not None:
                    other_event.append((x, y, owner.whose(held_a), owner.whose(held_b)))
                continue
            if (not y.bound and fits(x, y.q.value, ma)) or (not x.bound and fits(y, x.q.value, mb)):
                # A bound the value fits; the value stays free for the other
                # bound ("over $160 million but less than $184 million" / "$200 million").
                break
            used.add(k)
            if compatible(x, y) or (x.q.text, y.q.text) in seen:
                break
            # An article that states the other side's number for the same thing
            # somewhere else knows both ("shot three, killing two" / "killed two").
            if _states(a, y) or _states(b, x):
                break
            if moments.two_moments(a.text, b.text, x, y):
                if other_event is not None:
                    other_event.append((x, y, "", moments.REASON))
                break
            if _other_event(a, b, x) or _other_event(b, a, y):
                if other_event is not None:
                    other_event.append((x, y, " (another event)", ""))
                break
            seen.add((x.q.text, y.q.text))
            yield x, y
            break


def counts_differ(text_a: str, text_b: str) -> bool:
    """Whether two passages give different values for one thing, before any excuse.

    `conflicting` forgives a value another part of the article states, a bound
    the value fits, or a count from another event; a pair let in under the
    threshold as a paraphrase (`support.tells_same_claim`) gets no such benefit
    of the doubt: "168,000 killed in Indonesia" / "killed 230,000 in 14
    countries" is not one claim told in other words, nor is "threw for 329
    yards" / "threw for 205 yards" (a shared unit is enough here).
    """
    if is_dateline(text_a) or is_dateline(text_b):
        return False
    xs, ys = whole(text_a), whole(text_b)
    return any(
        x.q.value != y.q.value
        and x.q.percent == y.q.percent
        and x.part == y.part
        and (bool(set(x.after) & set(y.after) - {"¤"}) or same_slot(x, y))
        and not compatible(x, y)
        for x in xs
        for y in ys
    )


def _other_event(p: Passage, other: Passage, counted: _Mention) -> bool:
    """Whether `p` tells one of two events of a kind its article reports, one the
    other article never mentions.

    "a magnitude-4.7 quake has injured two people" in an article that also
    reports "a 5.1 quake" the day before: against "injuring four people" in an
    article that only knows the 5.1 quake, the two counts are two quakes'.
    Another number of the passage (not the one in conflict) identifies the
    event: its article states a different value for the same thing elsewhere,
    and the other article never states its value.
    """
    if not p.article or not other.article:
        return False
    outside = p.outside()
    known = _by_value(other.article)
    for m in whole(p.text):
        if m.q.value == counted.q.value or m.q.value in known:
            continue
        if not set(m.after) - _UNITS:
            continue  # a bare number or a unit alone does not name an event
        if any(
            outside(n.q.start, n.q.end) and n.q.value != m.q.value and same_slot(m, n)
            for n in whole(p.article)
        ):
            return True
    return False


def _original_stated(m: _Mention, others: list[_Mention]) -> bool:
    """Whether `m` converts a sum (in brackets) the other side states as first told."""
    return bool(m.original) and any(n.q.value == m.original for n in others)


def _stated(
    m: _Mention, others: list[_Mention], mine: list[_Mention], memo: dict[int, list[_Mention]]
) -> bool:
    """Whether the other side states `m`'s value: for the same thing, or for something
    no other number of `m`'s side already answers ("four robbers" / "Four men").

    `memo` keeps, per number of `others`, up to two numbers of `mine` that answer
    it (two: one of them is not `m`, whichever `m` asks), so that a passage of
    600 equal numbers ("12-12-12-…") asks `same_slot` 600 times, not 600².
    """

    def answered(n: _Mention) -> bool:
        if id(n) not in memo:
            found = (o for o in mine if o.q.value == n.q.value and same_slot(o, n))
            memo[id(n)] = list(islice(found, 2))
        return any(o is not m for o in memo[id(n)])

    return any(
        n.q.value == m.q.value and (same_slot(m, n) or not n.after or not answered(n))
        for n in others
    )


@lru_cache(maxsize=4096)
def whole(text: str) -> list[_Mention]:
    """Every number of `text` with its reading, dates left out (cached: never modify it)."""
    # Every candidate pair asks about the same unit texts and the same two
    # articles again: parse each once.  (Callers never modify the list.)
    return mentions(text, dates(text)[1])


@lru_cache(maxsize=8)
def _by_value(article: str) -> dict[float, list[_Mention]]:
    out: dict[float, list[_Mention]] = {}
    for m in whole(article):
        out.setdefault(m.q.value, []).append(m)
    return out


def _states(p: Passage, y: _Mention) -> bool:
    """Whether `p`'s article states `y`'s value for the same thing outside the passage."""
    if not p.article:
        return False
    same_value = _by_value(p.article).get(y.q.value, ())
    if not same_value:
        return False
    outside = p.outside()
    return any(outside(m.q.start, m.q.end) and same_slot(m, y) for m in same_value)
