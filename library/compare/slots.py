"""One person's number told two ways in two sentences the aligner did not pair.

Two outlets often give the same detail about a named person inside sentences
that otherwise tell different things ("Ines Marlow, 31, fell from the east
face" / "the 32-year-old Ines Marlow had climbed for a decade"; "Tavi Brook
scored 14 points and ..." / "..., while Tavi Brook added 12"): the aligner
rightly keeps the sentences apart, and `crossing.py` asks for more shared
words than such sentences have.  Here the evidence that the two numbers fill
one slot is read from each number alone:

* its owner: the person a name in full stands for (`Mentions.canonical`), the
  subject of the number's own clause ("Tavi Brook added 12") or, for an age,
  the name it qualifies ("31-year-old Ines Marlow", "Ines Marlow, 31,");
* its head: the noun it counts ("points"), the head an elided number takes
  from the number told just before it in its sentence ("13 points, while
  Brook added 12"), or "age".

Two numbers with one owner and one head that cannot both be true make a
divergent pair (`via="slot"`), unless the crossing rules see two occasions
or two kinds (`one_slot.not_one_slot`), or an article states the other
value for that slot elsewhere (it then knows both).  Teams, places and
one-word names are left to the other paths: "the Hawks" have many games, and
a surname alone may be two people.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from library.compare.detectors import numbers, owner, scope
from library.compare.detectors.number_mentions import UNITS, Mention, labelled
from library.compare.detectors.text import entities
from library.compare.kinds import conflict
from library.compare.model import Pair
from library.compare.one_slot import not_one_slot
from library.compare.quantities import dates, is_dateline
from library.compare.similarity import pair_score
from library.compare.units import stem
from library.compare.worddiff import word_diff

if TYPE_CHECKING:
    from library.compare.engine import Candidates
    from library.compare.idf import IdfTable

AGE = "age"
_OLD = stem("old")
# "31-year-old Ines Marlow": the name right after the age's head.
_AGED_NAME = re.compile(r"\s*(?:-\s*)?years?\s*-?\s*old\s+(?=[A-Z])", re.I)
# "Ines Marlow, 31,": a name, a comma, the bare age.
_NAME_COMMA = re.compile(r"([A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,2})\s*,\s*$")
# Where a clause's subject changes inside one comma-free stretch: "Brook scored
# 14 points and Vale scored 13".
_NEW_SUBJECT = re.compile(r"\s(?:and|while|but|whereas|as)\s+(?=[A-Z])")
# A speaker before the number: the subject is then the source, not the owner.
_SPEECH = re.compile(r"\b(?:said|says|told|according|reported|tweeted|wrote)\b", re.I)


@dataclass(frozen=True, slots=True)
class Fact:
    """A number with the slot it fills: whose it is and what it counts."""

    owner: str  # canonical full name ("ines marlow")
    head: str  # stem of the counted noun, or AGE
    mention: Mention
    shown: str  # for the explanation: "Ines Marlow, 31", "Tavi Brook: 14 points"


def _subject(text: str, start: int) -> str:
    """The name heading the stretch of clause that holds the number at `start`, or ""."""
    lo, _ = next(((a, b) for a, b in owner.clauses(text) if a <= start <= b), (0, len(text)))
    cuts = [m.end() for m in _NEW_SUBJECT.finditer(text, lo, start)]
    lo = cuts[-1] if cuts else lo
    lead = text[lo:start]
    if _SPEECH.search(lead):
        return ""
    # A lone first word of a sentence is kept: it counts only when the pair
    # knows it as a full name ("Brook" of "Tavi Brook", `facts`).
    found = entities(lead)
    return found[0] if found else ""


def _age_owner(text: str, m: Mention) -> str | None:
    """The name an age qualifies, "" if it names nobody, None if `m` is no age."""
    if _OLD in m.after:
        at = _AGED_NAME.match(text, m.q.end)
        found = entities(text[at.end() : at.end() + 60]) if at else []
        return _bare(found[0]) if found and at and text.startswith(found[0], at.end()) else ""
    if m.after or not m.owner:
        return None
    named = _NAME_COMMA.search(text, max(0, m.q.start - 60), m.q.start)
    return _bare(named.group(1)) if named else None


def _bare(name: str) -> str:
    """A name without what follows "of" ("Ines Marlow of Leeds" -> "Ines Marlow")."""
    return _OF.split(name, maxsplit=1)[0]


_OF = re.compile(r"\s+(?:of|from|de)\s+", re.I)


def _noun(m: Mention, text: str) -> str:
    """The counted noun of `m` (a stem), or "" when its head names no thing.

    Capitalised words and a phrase after "for" / "against" ("added 12 for the
    Herons") say for whom, not what.
    """
    if _FOR.match(text, m.q.end):
        return ""
    capitals = {stem(n) for n in m.names}
    after = tuple(w for w in m.after if w not in capitals)
    # A unit alone ("14 points", "700 meters") is the head: with one owner it
    # says what is counted.
    return numbers.noun(replace(m, after=after)) or (after[0] if after else "")


# A count over a stretch of the occasion, not all of it: "six points during a
# late run", "eight points in the second half", "in overtime".
_PART_OF_TIME = re.compile(
    r"[^,;.]{0,12}?\b(?:during|in\s+the\s+(?:first|second|third|fourth|final|last|opening|closing)"
    r"|in\s+overtime|before\s+halftime|after\s+halftime)\b",
    re.I,
)
_FOR = re.compile(r"\s+(?:for|against|to|at|with|on)\b", re.I)


def facts(text: str, canonical: Callable[[str], str]) -> list[Fact]:
    """The numbers of one sentence whose owner (a full name) and head are both read.

    Args:
        text: one unit.
        canonical: the pair's name canonicaliser (`Mentions.canonical`).
    """
    # Cheap test first: no one named in full in the pair, no slot of ours
    # (most units of a long article), before the numbers are read.
    if not any(" " in canonical(n) for n in entities(text)) or is_dateline(text):
        return []
    out: list[Fact] = []
    told = ""  # the head of the number told just before, for an elided one
    # The detectors' cached parse of each unit: read once for the whole comparison.
    for m in numbers.whole(text):
        if m.joined or m.q.ordinal or m.part or labelled(m) or "¤" in m.after:
            # A score, a rank, some of a set, a label or a sum of money (a film's
            # gross grows, offers are many) is no one-value slot of a person.
            told = ""
            continue
        if _PART_OF_TIME.match(text, max(m.q.end, m.q.start + len(m.context))):
            continue  # "six points during a late run": a stretch of the game
        aged = _age_owner(text, m)
        if aged is not None:
            name, head, shown = aged, AGE, f"{aged}, {m.q.text}"
        else:
            noun = _noun(m, text)
            head = noun or (told if not set(m.after) & UNITS else "")
            told = noun or told
            # "Vale broke Tavi Brook's record of 3,872 yards": Brook's number.
            name = owner.held_by_other(text, m.q.start, "") or _subject(text, m.q.start)
            # An elided head is not written after the number: show the number alone.
            shown = f"{name}: {m.context if noun else m.q.text}"
        key = canonical(name) if name else ""
        if head and " " in key:
            out.append(Fact(key, head, m, shown))
    return out


def slot_pairs(
    candidates: Candidates,
    pairs: Sequence[Pair],
    terms_a: Sequence[Sequence[str]],
    terms_b: Sequence[Sequence[str]],
    idf: IdfTable,
) -> list[Pair]:
    """Divergent pairs of two units whose numbers fill one slot with two values.

    A unit of a pair told alike may still state a slot its partner does not
    (an age in a sentence about a fall): it is read too, and the engine drops
    the pair a slot pair takes a unit from.  A pair told alike whose own two
    units give one slot two values ("Tavi Brook, 12" / "his 14 points", the
    detectors not reading the elided noun) becomes the slot pair.  Units of a
    divergent pair are left alone: they already show a contradiction.

    Args:
        candidates: the comparison's candidate cache (units, texts, names).
        pairs: the pairs made so far.
        terms_a: content terms of each unit of A (for the pair's score).
        terms_b: content terms of each unit of B.
        idf: word weights for the pair score.
    """
    shown_a = {i for p in pairs if p.relation == "divergent" for i in p.a}
    shown_b = {j for p in pairs if p.relation == "divergent" for j in p.b}
    canonical = candidates.mentions.canonical
    facts_a = [facts(u.text, canonical) for u in candidates.units_a]
    facts_b = [facts(u.text, canonical) for u in candidates.units_b]
    index: dict[tuple[str, str], list[tuple[int, Fact]]] = {}
    for j, found in enumerate(facts_b):
        for f in found:
            index.setdefault((f.owner, f.head), []).append((j, f))
    if not index:
        return []
    values_a = _values(facts_a)
    values_b = _values(facts_b)
    out: list[Pair] = []
    used_a: set[int] = set()
    used_b: set[int] = set()
    for i, found in enumerate(facts_a):
        for fa in found:
            for j, fb in index.get((fa.owner, fa.head), ()):
                if i in used_a or j in used_b or i in shown_a or j in shown_b:
                    continue
                why = _why_not(fa, fb, candidates, i, j, values_a, values_b) or _apart(
                    fa,
                    terms_a[i],
                    terms_b[j],
                    candidates.units_a[i].text,
                    candidates.units_b[j].text,
                )
                if not why:
                    score = pair_score(terms_a[i], terms_b[j], idf)
                    out.append(_pair(candidates, i, j, fa, fb, score))
                    used_a.add(i)
                    used_b.add(j)
    return out


def _values(found: Sequence[Sequence[Fact]]) -> dict[tuple[str, str], set[float]]:
    """Every value an article states for each slot."""
    out: dict[tuple[str, str], set[float]] = {}
    for unit in found:
        for f in unit:
            out.setdefault((f.owner, f.head), set()).add(f.mention.q.value)
    return out


def _why_not(
    fa: Fact,
    fb: Fact,
    candidates: Candidates,
    i: int,
    j: int,
    values_a: dict[tuple[str, str], set[float]],
    values_b: dict[tuple[str, str], set[float]],
) -> str | None:
    """Why two facts of one slot are no contradiction, or None when they are one."""
    x, y = fa.mention, fb.mention
    if numbers.compatible(x, y):
        return "same value, rounded or within a bound"
    if x.missed != y.missed:
        return "games missed against games played"  # "missed three games" / "played in 12"
    if x.q.value == y.of_total or y.q.value == x.of_total:
        return "a part told against its whole"  # "two of the five hurdles" / "five hurdles"
    if fa.head == AGE and abs(x.q.value - y.q.value) > 1:
        # A slip or a birthday is one year; more is an age told at another time
        # (at the arrest and, two years on, at the verdict).
        return "ages told at two times"
    slot = (fa.owner, fa.head)
    if y.q.value in values_a[slot] or x.q.value in values_b[slot]:
        return "the article states the other value for it too"
    if scope.other_span(x.span, y.span):
        return "a period's total against one occasion's"
    if fa.head not in (*UNITS, AGE) and set(x.after) & UNITS != set(y.after) & UNITS:
        return "a measure against a count"  # "180 yards rushing" / "three players rush"
    if fa.head in UNITS and not set(x.before) & set(y.before):
        # A unit alone fits many things: the words before must agree as well, as
        # in `numbers` ("Brook scored 14 points" / "Brook had 12 points"; not a
        # share price "up 3 cents by noon" / "closing 5 cents lower").
        return "a unit alone, told after different words"
    text_a, text_b = candidates.units_a[i].text, candidates.units_b[j].text
    return not_one_slot(x, y, text_a, text_b, candidates, named=True) or None


def _apart(fa: Fact, terms_a: Sequence[str], terms_b: Sequence[str], a: str, b: str) -> str:
    """Why the rest of two sentences tells two occasions, or "" when nothing does.

    * nothing in common but the owner and the thing counted: "searching for
      Kai Dorn, 27" / "Kai Dorn, 29, was found guilty", told years apart;
    * each gives a score and the scores differ: two games ("a 96-70 rout" /
      "an 81-77 win"), each with its player's points.
    """
    own = {stem(w) for w in fa.owner.split()} | {fa.head}
    if not (set(terms_a) & set(terms_b)) - own - UNITS:
        return "nothing else in common: maybe another occasion"
    scores_a, scores_b = _scores(a), _scores(b)
    if scores_a and scores_b and not scores_a & scores_b:
        return "two different scores: two games"
    return ""


def _scores(text: str) -> set[float]:
    return {m.q.value for m in numbers.mentions(text, dates(text)[1]) if m.joined}


def _pair(candidates: Candidates, i: int, j: int, fa: Fact, fb: Fact, score: float) -> Pair:
    x, y = fa.mention, fb.mention
    found = conflict("number", x.q.text, y.q.text, context_a=fa.shown, context_b=fb.shown)
    pa, pb = candidates.passages((i,), (j,))
    return Pair((i,), (j,), "divergent", score, (found,), word_diff(pa.text, pb.text), via="slot")
