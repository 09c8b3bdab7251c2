"""Numbers: a conflict needs the same thing counted on both sides.

"a 48-page indictment" vs "the 47-page indictment" conflicts (same head words);
"$750,000 in campaign cash" vs "a $43,000 watch" does not (different things);
"about 40,000" vs "40,312" is rounding, not a conflict.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from functools import lru_cache

from library.compare.detectors import magnitude, measures, moments, owner, place, scope
from library.compare.detectors.base import Diff, Passage
from library.compare.detectors.number_mentions import UNITS as _UNITS
from library.compare.detectors.number_mentions import Mention as _Mention
from library.compare.detectors.number_mentions import bare_total, complement, labelled, mentions
from library.compare.kinds import conflict, demote
from library.compare.model import Conflict, Severity
from library.compare.quantities import date_values, dates, is_dateline
from library.compare.units import stem

__all__ = ["compatible", "conflicting", "counts_differ", "detect", "mentions", "noun", "same_noun"]


def shared_thing(x: _Mention, y: _Mention) -> int:
    """How many words, besides units of measure, say what both numbers count.

    Head words shared, a head word one side puts before its number ("the offer
    as high as $95 million" / "a $110 million offer"), or a name one side puts
    before its number and the other in its head ("Daniel Marsh, 41" /
    "40-year-old Daniel Marsh").  Words that merely precede both numbers do not
    count: across sentences they are rarely about the number.

    Args:
        x: a number of side A.
        y: a number of side B.
    """
    hx, hy = _words(x.after), _words(y.after)
    bx, by = set(x.before), set(y.before)
    words = ((hx & hy) | (bx & hy) | (by & hx)) - _UNITS
    names = (x.owner & y.names) | (y.owner & x.names)
    # One dimension measured after the same verb ("falling 200ft" / "falling
    # 150 meters"): the verb says what is measured.
    measured = bool(
        x.before
        and y.before
        and x.before[-1] == y.before[-1]
        and measures.same_dimension(x.after, y.after)
    )
    return len(words) + len(names) + measured


def shared_words(x: _Mention, y: _Mention) -> int:
    """How many words besides units say what both numbers count (`shared_thing`
    without the names: a name alone says whose number, not which one)."""
    hx, hy = _words(x.after), _words(y.after)
    bx, by = set(x.before), set(y.before)
    return len(((hx & hy) | (bx & hy) | (by & hx)) - _UNITS)


def same_noun(x: _Mention, y: _Mention) -> bool:
    """Whether two numbers' head phrases end in the same word, when both have one.

    "two fire tenders" / "ten fire engines" share "fire" but count different
    things; "a 48-page indictment" / "the 47-page indictment" end alike.  A
    side with no head of its own ("$85 million over six years") is not
    checked here (`shared_thing` asks for the words around it).
    """
    if not same_event(x, y):
        return False
    hx = _nouns(x.after)
    hy = _nouns(y.after)
    return not hx or not hy or hx[-1] == hy[-1]


# What happened to the people counted: "10 people died" and "killed 10 people"
# tell one toll; "10 killed" and "70 injured" are two.  Stems -> one key.
_EVENTS = {
    **dict.fromkeys(("kill", "dead", "die", "died", "death", "slain", "fatal"), "died"),
    **dict.fromkeys(("injur", "wound", "hurt"), "hurt"),
}


def _words(head: Sequence[str]) -> set[str]:
    """A head phrase's words, its nouns written one way ("persons" / "people").

    A head that only says what happened ("50 injured", "24 dead") counts people.
    """
    words = {HEAD_SYNONYMS.get(w, w) for w in head}
    if words and all(w in _EVENTS for w in words):
        words.add("people")
    return words


def _nouns(head: Sequence[str]) -> list[str]:
    """A head phrase without units and the event told after the noun ("people killed"),
    its nouns written one way ("persons" / "people")."""
    return [HEAD_SYNONYMS.get(w, w) for w in head if w not in _UNITS and w not in _EVENTS]


def _event(m: _Mention) -> set[str]:
    # "killing 10 persons", "10 people killed", "ten people were killed".
    return {_EVENTS[w] for w in (*m.before, *m.after, *m.tail[:3]) if w in _EVENTS}


def same_event(x: _Mention, y: _Mention) -> bool:
    """Whether two counts tell what happened to their people alike, when both tell it.

    "killing 10 persons" / "three people died" (one toll, two values) but not
    "10 people were killed" / "five people were injured" (two tolls).
    """
    ex, ey = _event(x), _event(y)
    return not ex or not ey or bool(ex & ey)


def noun(m: _Mention) -> str:
    """The noun a number counts (the last word of its head phrase, not a unit), or "".

    "seven villages" -> "villag"; "10 persons" -> "people"; "200 yards" and a
    bare number -> "".  Names count nothing ("27-year-old Ellis"), nor does one
    side of a score: "a 20-17 overtime defeat" / "a 31-28 overtime defeat" are two
    games' results, and would otherwise meet as two counts of "overtime defeats".
    """
    if m.joined:
        return ""
    head = [w for w in _nouns(m.after) if w not in m.names]
    if head:
        return head[-1]
    # A measure says what it measures by its verb: "falling 200ft" -> "length:fall".
    dim = measures.dimension(m.after)
    return f"{dim[0]}:{m.before[-1]}" if dim and m.before else ""


# Head nouns written two ways for one thing.
HEAD_SYNONYMS = {stem("persons"): "people", stem("person"): "people"}


def _same_slot(x: _Mention, y: _Mention) -> bool:
    """Whether two numbers count the same thing."""
    if x.q.percent != y.q.percent or x.q.ordinal != y.q.ordinal:
        return False
    if x.part != y.part:
        return False  # "the two other victims" / "the three victims": a part, the whole
    if labelled(x) or labelled(y):
        # "Week 15" / "Week 8", "the 14-yard line" / "the 27-yard line": one label
        # only where the words before it agree too (two plays, two weeks otherwise).
        return x.after == y.after and set(x.before) == set(y.before)
    if ("¤" in x.after) != ("¤" in y.after):
        return False  # a sum of money and a count ("$200 million" / "eight-year offer")
    if x.names and y.names and not x.names & y.names:
        return False  # "27-year-old Ellis" / "33-year-old Daniel": two people's ages
    if x.owner and y.owner and not _owners_meet(x, y):
        return False  # "Okafor (22 KOs)" / "Brandt (29 KOs)"
    if not same_event(x, y):
        return False  # "10 killed" / "70 injured": two tolls
    if _age(x) != _age(y):
        return False  # "offered Valdane, 30, a six-year deal" / "a five-year deal"
    if scope.other_span(x.span, y.span) and not bare_total(x, y) and not bare_total(y, x):
        return False  # a season's 404 yards / one game's 30 yards
    if _share(x) != _share(y):
        return False  # "half of the farms" / "a 900-square-kilometre valley"
    if _superlative(x.after) != _superlative(y.after):
        return False  # "seven villages" / "the four hardest-struck villages": a subset
    if x.joined != y.joined:
        return False  # a record or score ("22 - 7 on the season") / a count ("7,000 fans")
    if x.currency and y.currency and x.currency != y.currency:
        return False  # "$136M" / "£88m": one sum converted, or two; never one slot
    hx = _words(x.after) - {"¤"}
    hy = _words(y.after) - {"¤"}
    bx, by = set(x.before), set(y.before)
    if hx and hy:
        shared = hx & hy
        if not shared and measures.converted(x.after, y.after):
            shared = {x.after[0]}  # one length in feet and in meters: a unit in common
        # A unit alone ("7-yard touchdown" / "205 yards") fits many things:
        # the words before must agree too.
        same_lead = bool(bx & by) or (not bx and not by)  # "For 35 years" / "For 47 years"
        return bool(shared - _UNITS) or bool(shared and same_lead)
    # A bare number on one side ("Daniel Marsh, 41, died" / "40-year-old Daniel
    # Marsh"): the name before it must be the one the other names in its head.
    return bool(bx & by or bx & hy or by & hx or x.owner & y.names or y.owner & x.names) or (
        not hx and not hy and not bx and not by
    )


_OLD = stem("old")


def _owners_meet(x: _Mention, y: _Mention) -> bool:
    """Whether two numbers' owners are one: the same last name, or one side's owner
    among the words just before the other's ("Drake 5" / "Drake Bulldogs 53": the
    owner is read as the last word of a name, "bulldogs")."""
    return bool(x.owner & y.owner or x.owner & set(y.before) or y.owner & set(x.before))


def _age(m: _Mention) -> bool:
    """Whether a number is someone's age: "the 31-year-old", or bare right after a
    name ("Daniel Marsh, 41, fell"; "offered Valdane, 30, a deal")."""
    return _OLD in m.after or (bool(m.owner) and not m.after)


# Words ending in "-est" that are no superlative.
_NOT_SUPERLATIVE = frozenset(stem(w) for w in (
    "arrest", "contest", "conquest", "digest", "forest", "guest", "harvest", "honest",
    "inquest", "interest", "invest", "manifest", "modest", "nest", "protest", "quest",
    "request", "rest", "suggest", "test", "west", "chest", "crest", "vest", "pest",
))  # fmt: skip


def _share(m: _Mention) -> bool:
    """Whether a number is a share of a whole ("half", "two-thirds", "a quarter"):
    a part of something, never the same slot as a count or a measure."""
    lead = m.after[0] if m.after else ""
    return lead in _SHARES or any(w in m.q.text.lower() for w in ("half", "third", "quarter"))


_SHARES = frozenset(stem(w) for w in ("half", "third", "thirds", "quarter", "quarters"))


def _superlative(head: Sequence[str]) -> bool:
    """Whether a head phrase picks out a subset by a superlative ("the four hardest-hit
    villages", "the 12 worst-hit", "the most serious cases"): a count of some of the
    things the other side counts, never a different value for all of them."""
    return any(
        w in ("worst", "best", "most")
        or (len(w) > 5 and w.endswith("est") and w not in _NOT_SUPERLATIVE)
        for w in head
    )


def _cut(p: Passage, m: _Mention) -> bool:
    """Whether `m` opens a passage that a sentence split cut off a decimal: "$2." ending
    one unit and "6 million heist" opening the next ("$2. 6 million" in the article)."""
    if m.q.start > 1 or not p.article:
        return False
    at = p.article.find(p.text)
    return at > 0 and bool(_DECIMAL_CUT.search(p.article, max(0, at - 6), at))


_DECIMAL_CUT = re.compile(r"\d\.\s*$")


def _trailing_zeros(v: float) -> int:
    n, k = round(abs(v)), 0
    if n != abs(v) or n == 0:
        return 0
    while n % 10 == 0:
        n //= 10
        k += 1
    return k


def _compatible(x: _Mention, y: _Mention) -> bool:
    """Same value, or one side rounds the other ("about 40,000" vs "40,312")."""
    vx, vy = x.q.value, y.q.value
    if vx == vy or _glyph_lost(vx, vy) or _glyph_lost(vy, vx):
        return True
    if magnitude.rough_fits(x, y) or magnitude.bounds_agree(x, y):
        return True  # "hundreds" / 612; "more than 100" / "up to 150"
    if complement(x, y):
        return True  # "missing 10 of 16 games" / "limited to six games"
    factors = measures.converted(x.after, y.after)
    if factors is not None:  # "about 700 m" / "2,000 ft": converted, then rounded
        bx, by = vx * factors[0], vy * factors[1]
        return abs(bx - by) <= measures.CONVERSION_SLACK * max(abs(bx), abs(by))
    big = max(abs(vx), abs(vy))
    if (x.approx or y.approx) and abs(vx - vy) <= 0.05 * big:
        return True
    if x.converted and y.converted and abs(vx - vy) <= 0.15 * big:
        return True  # one sum converted at two outlets' rates ($143 / $158 billion)
    zx, zy = _trailing_zeros(vx), _trailing_zeros(vy)
    return abs(vx - vy) <= 0.02 * big and abs(zx - zy) >= 2


compatible = _compatible  # public: callers that read the slot themselves (`slots.py`)

# A fraction glyph an encoding turned into its digits: "4½" copied as "412".
_GLYPH_DIGITS = {0.5: "12", 0.25: "14", 0.75: "34"}


def _glyph_lost(whole: float, mixed: float) -> bool:
    """Whether `whole` is `mixed` ("4 1/2") with its fraction glyph written as digits
    ("served 412 months" / "served 4 1/2 months": one term, not 100 times longer)."""
    digits = _GLYPH_DIGITS.get(round(mixed % 1, 6))
    return digits is not None and whole % 1 == 0 and f"{int(whole)}" == f"{int(mixed)}{digits}"


def _within(bound: _Mention, value: float) -> bool:
    """Whether `value` fits the bound `bound` states ("more than 100,000" / 120,000)."""
    v = bound.q.value
    return (bound.bound > 0 and value > v) or (bound.bound < 0 and value < v)


def _fits(bound: _Mention, value: float, mine: list[_Mention]) -> bool:
    """Whether `value` fits `bound` and every other bound its passage puts on the same
    kind of number ("over $70 million but less than the $85 million" / $95 million).

    Only a plain value is checked against a bound: "more than 200,000" against
    "more than 220,000" states the same bound two ways, a conflict.
    """
    money = "¤" in bound.after
    return _within(bound, value) and all(
        _within(n, value) for n in mine if n.bound and ("¤" in n.after) == money
    )


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
        yield demote(c, place.reason(wx, wy)) if place.other_place(wx, wy) else c
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
    ma = [m for m in _whole(a.text) if not _cut(a, m)]
    mb = [m for m in _whole(b.text) if not _cut(b, m)]
    # "January 21 and 28" vs "21 to 28 January": a bare number may be the other
    # side's date day or year, written differently.
    # A value the other side states for the same thing is matched ("12 rebounds"
    # does not answer "12 points"; "double-digit" does not answer "two games").
    left_a = [m for m in ma if m.q.value not in date_values(db) and not _stated(m, mb, ma)]
    left_b = [m for m in mb if m.q.value not in date_values(da) and not _stated(m, ma, mb)]
    if not left_a or not left_b:
        return
    used: set[int] = set()
    seen: set[tuple[str, str]] = set()
    for x in left_a:
        # A bare number ("now has 2,301") first meets a total told as such ("2,302
        # for his career"), then the rest in order.
        for k in sorted(range(len(left_b)), key=lambda k: not bare_total(left_b[k], x)):
            y = left_b[k]
            if k in used or not _same_slot(x, y):
                continue
            held_a, held_b = (
                owner.held_by_other(a.text, x.q.start, b.text),
                owner.held_by_other(b.text, y.q.start, a.text),
            )
            if held_a or held_b:
                if other_event is not None:
                    other_event.append((x, y, owner.whose(held_a), owner.whose(held_b)))
                continue
            if (not y.bound and _fits(x, y.q.value, ma)) or (
                not x.bound and _fits(y, x.q.value, mb)
            ):
                # A bound the value fits; the value stays free for the other
                # bound ("over $160 million but less than $184 million" / "$200 million").
                break
            used.add(k)
            if _compatible(x, y) or (x.q.text, y.q.text) in seen:
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
    xs, ys = _whole(text_a), _whole(text_b)
    return any(
        x.q.value != y.q.value
        and x.q.percent == y.q.percent
        and x.part == y.part
        and (bool(set(x.after) & set(y.after) - {"¤"}) or _same_slot(x, y))
        and not _compatible(x, y)
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
    for m in _whole(p.text):
        if m.q.value == counted.q.value or m.q.value in known:
            continue
        if not set(m.after) - _UNITS:
            continue  # a bare number or a unit alone does not name an event
        if any(
            outside(n.q.start, n.q.end) and n.q.value != m.q.value and _same_slot(m, n)
            for n in _whole(p.article)
        ):
            return True
    return False


def _stated(m: _Mention, others: list[_Mention], mine: list[_Mention]) -> bool:
    """Whether the other side states `m`'s value: for the same thing, or for something
    no other number of `m`'s side already answers ("four robbers" / "Four men")."""

    def answered(n: _Mention) -> bool:
        return any(o is not m and o.q.value == n.q.value and _same_slot(o, n) for o in mine)

    return any(
        n.q.value == m.q.value and (_same_slot(m, n) or not n.after or not answered(n))
        for n in others
    )


@lru_cache(maxsize=4096)
def _whole(text: str) -> list[_Mention]:
    # Every candidate pair asks about the same unit texts and the same two
    # articles again: parse each once.  (Callers never modify the list.)
    return mentions(text, dates(text)[1])


@lru_cache(maxsize=8)
def _by_value(article: str) -> dict[float, list[_Mention]]:
    out: dict[float, list[_Mention]] = {}
    for m in _whole(article):
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
    return any(outside(m.q.start, m.q.end) and _same_slot(m, y) for m in same_value)
