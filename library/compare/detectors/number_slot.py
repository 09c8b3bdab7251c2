"""Whether two numbers count the same thing: the slot rules of `numbers.py`.

Read from each number alone and from the two together: the words that say
what is counted ("a 48-page indictment" / "the 47-page indictment"), what
happened to the people counted ("10 killed" / "70 injured": two tolls), whose
it is ("27-year-old Ellis" / "33-year-old Daniel"), and whether one side picks
out a part ("the two other victims", "the four hardest-hit villages", "half of
the farms") where the other counts the whole.
"""

from __future__ import annotations

from collections.abc import Sequence

from library.compare.detectors import measures, scope
from library.compare.detectors.number_mentions import UNITS as _UNITS
from library.compare.detectors.number_mentions import Mention as _Mention
from library.compare.detectors.number_mentions import bare_total, labelled
from library.compare.units import stem

__all__ = [
    "HEAD_SYNONYMS",
    "noun",
    "same_event",
    "same_noun",
    "same_slot",
    "shared_thing",
    "shared_words",
]


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


def same_slot(x: _Mention, y: _Mention) -> bool:
    """Whether two numbers count the same thing."""
    if x.q.percent != y.q.percent or x.q.ordinal != y.q.ordinal:
        return False
    if x.part != y.part:
        return False  # "the two other victims" / "the three victims": a part, the whole
    if x.of_total and y.of_total and x.of_total != y.of_total:
        return False  # "140 of 300 punches" / "30 of his 70 punches": parts of two wholes
    if (x.of_total and not y.of_total and y.q.value == x.of_total) or (
        y.of_total and not x.of_total and x.q.value == y.of_total
    ):
        return False  # "three of his eight children" / "eight children": a part, the whole
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
    if x.rate != y.rate:
        return False  # "$21 million per season" / "a $170 million deal": a rate, a total
    hx = _words(x.after) - {"¤"}
    hy = _words(y.after) - {"¤"}
    bx, by = set(x.before), set(y.before)
    if hx and hy:
        if _measure_against_count(hx, hy):
            return False
        shared = hx & hy
        if not shared and measures.converted(x.after, y.after):
            shared = {x.after[0]}  # one length in feet and in meters: a unit in common
        # A unit alone ("7-yard touchdown" / "205 yards") fits many things:
        # the words before must agree too.
        same_lead = bool(bx & by) or (not bx and not by)  # "For 35 years" / "For 47 years"
        return bool(shared - _UNITS) or bool(shared and same_lead)
    # A bare number on one side ("Daniel Marsh, 41, died" / "40-year-old Daniel
    # Marsh"): the name before it must be the one the other names in its head.
    # A bare number after "<noun> of" is what the noun has ("a mother of 12"),
    # never a count of that noun ("two mothers").
    # Two such numbers of one noun ("a mother of 13" / "a mother of 12") are one slot.
    if x.of_noun != y.of_noun:
        if x.of_noun and not hx:
            bx = set()
        if y.of_noun and not hy:
            by = set()
    return bool(bx & by or bx & hy or by & hx or x.owner & y.names or y.owner & x.names) or (
        not hx and not hy and not bx and not by
    )


_OLD = stem("old")
# Units that measure one thing ("a 3-yard touchdown", "a 40-page report", "a
# two-day strike"); points, times, money and scale words count instead ("1,811
# career points", "1.2 million people").  (`measures.UNITS` holds the stems a
# plural gives: "miles" -> "mil".)
_MEASURES = set(measures.UNITS) | {stem(w) for w in (
    "yard", "mile", "meter", "metre", "kilometer", "km", "foot", "feet", "ft", "inch", "pound",
    "lb", "kg", "kilogram", "gram", "ton", "tonne", "ounce", "liter", "litre", "gallon", "hour",
    "minute", "second", "day", "week", "month", "year", "page",
)}  # fmt: skip


def _measure_against_count(hx: set[str], hy: set[str]) -> bool:
    """Whether one side measures a thing and the other counts such things: "six
    touchdowns" / "a 3-yard touchdown", "two reports" / "a 40-page report"."""
    if not hx - _MEASURES - _UNITS or not hy - _MEASURES - _UNITS:
        return False  # a unit alone on one side ("205 yards"): read by the words before
    return bool(hx & _MEASURES) != bool(hy & _MEASURES)


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
