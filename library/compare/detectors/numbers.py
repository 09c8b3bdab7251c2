"""Numbers: a conflict needs the same thing counted on both sides.

"a 48-page indictment" vs "the 47-page indictment" conflicts (same head words);
"$750,000 in campaign cash" vs "a $43,000 watch" does not (different things);
"about 40,000" vs "40,312" is rounding, not a conflict.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from library.compare.detectors.base import Diff, Passage
from library.compare.detectors.text import WORD
from library.compare.kinds import conflict
from library.compare.model import Conflict
from library.compare.quantities import Quantity, date_values, dates, quantities
from library.compare.units import stem

# Function words a number's head noun phrase never starts with (unlike the
# engine's STOPWORDS, "year" and "one" are heads here).
_FUNCTION = frozenset((
    "a", "an", "the", "and", "or", "but", "of", "in", "on", "at", "to", "for", "from", "by",
    "with", "as", "than", "that", "this", "these", "those", "is", "was", "are", "were", "be",
    "been", "has", "have", "had", "will", "would", "said", "says", "who", "which", "its",
    "his", "her", "their", "about", "some", "nearly", "almost", "around", "roughly", "over",
    "under", "more", "less", "fewer", "least", "up", "last", "next", "ago", "earlier", "later",
    "since", "until", "after", "before", "during", "when", "while", "into", "per", "each",
))  # fmt: skip
_PREPOSITIONS = frozenset({"of", "in", "for", "on", "at"})
_APPROX = re.compile(
    r"(?:about|around|nearly|almost|roughly|some|approximately|over|more\s+than|less\s+than|"
    r"fewer\s+than|at\s+least|up\s+to|close\s+to|upwards\s+of|under|estimated|~)\s*[$€£¥]?\s*$",
    re.I,
)
_CURRENCY_BEFORE = re.compile(r"(?:[$€£¥]|US\$|HK\$|RMB|USD|EUR)\s*$")
_HEAD_WORDS = 3


@dataclass(frozen=True, slots=True)
class _Mention:
    q: Quantity
    after: tuple[str, ...]  # stems of the head noun phrase after the number
    before: tuple[str, ...]  # stems of the content words just before
    approx: bool
    context: str  # "48-page indictment", for the explanation


def _mentions(text: str, hide: list[tuple[int, int]]) -> list[_Mention]:
    out = []
    for q in quantities(text, hide):
        words = [(m.group(), m.end()) for m in WORD.finditer(text, q.end, q.end + 80)]
        after: list[str] = []
        end = q.end
        k = 0
        # A preposition right after the number ("$750,000 in campaign cash") is skipped once.
        if words and words[0][0].lower() in _PREPOSITIONS:
            k = 1
        for w, w_end in words[k : k + _HEAD_WORDS]:
            gap = text[end : w_end - len(w)]
            if w.lower() in _FUNCTION or any(ch in gap for ch in ',;:.()"“”'):
                break
            after.append(stem(w))
            end = w_end
        lead = text[max(0, q.start - 40) : q.start]
        before = [stem(w) for w in WORD.findall(lead) if w.lower() not in _FUNCTION][-2:]
        if _CURRENCY_BEFORE.search(lead):
            after.append("¤")  # a sum of money: the currency is part of the head
        out.append(
            _Mention(
                q,
                tuple(after),
                tuple(before),
                bool(_APPROX.search(lead)),
                text[q.start : end].strip(),
            )
        )
    return out


def _same_slot(x: _Mention, y: _Mention) -> bool:
    """Whether two numbers count the same thing."""
    if x.q.percent != y.q.percent:
        return False
    hx = set(x.after) - {"¤"}
    hy = set(y.after) - {"¤"}
    if hx and hy:
        return bool(hx & hy)
    # A bare number on one side ("was sentenced to 15"): its lead-in words must match.
    return bool(set(x.before) & set(y.before)) or (not hx and not hy and not x.before)


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
    if vx == vy:
        return True
    big = max(abs(vx), abs(vy))
    if (x.approx or y.approx) and abs(vx - vy) <= 0.05 * big:
        return True
    zx, zy = _trailing_zeros(vx), _trailing_zeros(vy)
    return abs(vx - vy) <= 0.02 * big and abs(zx - zy) >= 2


def detect(a: Passage, b: Passage, diff: Diff) -> Iterator[Conflict]:
    """Numbers stated for the same thing with different values.

    Args:
        a: side A.
        b: side B.
        diff: word diff of A against B (unused).
    """
    da, sa = dates(a.text)
    db, sb = dates(b.text)
    ma, mb = _mentions(a.text, sa), _mentions(b.text, sb)
    # "January 21 and 28" vs "21 to 28 January": a bare number may be the other
    # side's date day or year, written differently.
    va = {m.q.value for m in ma} | date_values(da)
    vb = {m.q.value for m in mb} | date_values(db)
    left_a = [m for m in ma if m.q.value not in vb]
    left_b = [m for m in mb if m.q.value not in va]
    used: set[int] = set()
    seen: set[tuple[str, str]] = set()
    for x in left_a:
        for k, y in enumerate(left_b):
            if k in used or not _same_slot(x, y):
                continue
            used.add(k)
            if _compatible(x, y) or (x.q.text, y.q.text) in seen:
                break
            seen.add((x.q.text, y.q.text))
            yield conflict("number", x.q.text, y.q.text, context_a=x.context, context_b=y.context)
            break
