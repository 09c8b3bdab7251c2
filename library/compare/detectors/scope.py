"""What a count is of, beyond its head noun: hits on a body, and the stretch of time it covers.

Two readings `numbers.py` asks for when it builds a number's mention:

* **Hits.** "hit by three of the nine bullets", "hitting him eleven times" and
  "shot 11 times" all count how often one person was hit: the head noun
  ("bullets", "times") says little, the verb before it says what was counted.
  Such a count gets the head "hit" (or "stab"), so two sides' hit counts are one
  slot and "fired 11 shots" (no hit verb) stays another.
* **Period against occasion.** "finished the season with 404 yards on 106
  carries" and "was limited to 30 yards on six carries in Thursday's loss" count
  the same nouns over a season and in one game: a total over a period (season,
  career, this year, so far) and a count in one occasion (a weekday, a game, a
  loss, last night) are two slots, never a conflict.  A sentence that names both
  ("his first win of the season") is not sorted either way.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from library.compare.units import stem

# Verbs that say a body was hit, by what they count ("shot" is hit by a bullet).
_HIT_VERBS = {
    **{stem(w): "hit" for w in ("hit", "hitting", "hits", "struck", "strike", "striking", "shot")},
    **{stem(w): "stab" for w in ("stab", "stabbed", "stabbing")},
}
# Head nouns a hit count is written with.
_HIT_HEADS = frozenset(
    stem(w) for w in ("time", "times", "bullet", "bullets", "round", "rounds", "shot", "shots")
)


def hit_head(after: Sequence[str], before: Sequence[str]) -> tuple[str, ...] | None:
    """The head ("hit",) or ("stab",) of a count of hits on a body, else None.

    Args:
        after: stems of the head phrase after the number ("bullet", "fir").
        before: stems of the content words just before it ("hit", "back").
    """
    if not after or after[0] not in _HIT_HEADS:
        return None
    verbs = [_HIT_VERBS[w] for w in before if w in _HIT_VERBS]
    return (verbs[-1],) if verbs else None


_PERIOD = re.compile(
    r"\b(?:seasons?|career|campaign|so\s+far|to\s+date|this\s+year|last\s+year|all\s+year|"
    r"year\s+to\s+date|in\s+\w+\s+(?:games|starts|matches|appearances|outings))\b",
    re.I,
)
_OCCASION = re.compile(
    r"\b(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day(?:['’]s)?|game|match|loss|win|victory|"
    r"defeat|bout|tonight|last\s+night|yesterday)\b",
    re.I,
)
# Where a sentence ends: a stop and a space (not the point of "2.5").
_STOP = re.compile(r"[.!?;]\s|\n")
_REACH = 300


# Read next to the number, before its sentence: "the all-time scoring leader with
# 2,117 points" and "1,200 career yards" are totals of a career whatever else the
# sentence tells; "eight rebounds a game" is a season's average, never one game's.
_CAREER_BEFORE = re.compile(r"(?:all\s?-\s?time|career)\b[^.;]{0,40}?\bwith\s+$", re.I)
_CAREER_AFTER = re.compile(
    r"\s+(?:\w+\s+)?(?:career\b|(?:for|in|over)\s+(?:his|her|their|a)\s+career\b)", re.I
)
_AVERAGE = re.compile(
    r"[^.;,]{0,30}?\b(?:a|per)\s+(?:game|night|contest|match|outing|start)\b", re.I
)


def local(text: str, start: int, end: int, head_end: int) -> str:
    """ "career" or "average" when the words around the number say so, else "".

    Args:
        text: the passage the number is in.
        start: where the number starts.
        end: where it ends.
        head_end: where its head phrase ends ("eight rebounds|" a game).
    """
    if _CAREER_BEFORE.search(text, max(0, start - 60), start) or _CAREER_AFTER.match(text, end):
        return "career"
    if _AVERAGE.match(text, max(end, head_end)):
        return "average"
    return ""


def scope(text: str, start: int, end: int) -> str:
    """ "period", "occasion" or "" for the number at `start:end` of `text`, read from
    its sentence.

    Args:
        text: the passage or article the number is in.
        start: where the number starts.
        end: where it ends.
    """
    # A window, not the whole text: an article's numbers each ask (long articles).
    lo, hi = max(0, start - _REACH), min(len(text), end + _REACH)
    head = [m.end() for m in _STOP.finditer(text, lo, start)]
    tail = _STOP.search(text, end, hi)
    sentence = text[head[-1] if head else lo : tail.start() if tail else hi]
    period = bool(_PERIOD.search(sentence))
    occasion = bool(_OCCASION.search(sentence))
    if period == occasion:
        return ""
    return "period" if period else "occasion"


def other_span(x: str, y: str) -> bool:
    """Whether two numbers' scopes are a period total and one occasion's count, or an
    average per game or a career's total and anything else ("eight rebounds a game" /
    "seven rebounds"; "all-time leader with 2,117 points" / "scored 23 points")."""
    return {x, y} == {"period", "occasion"} or (x != y and bool({"average", "career"} & {x, y}))
