"""How exact a number is: a rough magnitude, a bound, or a part of a whole.

"hundreds of people" is no value that 612 contradicts; "more than 100" and
"up to 150" can both be true.  `numbers.py` asks these before it calls two
values of one slot a conflict (a part of a whole, "the two other victims", is
read with the number: `Mention.part`).
"""

from __future__ import annotations

from library.compare.detectors.number_mentions import Mention
from library.compare.units import stem

# A rough magnitude's range: "dozens" fits 20-99 ("dozens of warships" / "over 20
# warships", "dozens injured" / 80), "hundreds" 100-999 ("hundreds killed" / 612).
_ROUGH = {
    "dozens": (20.0, 100.0),
    "hundreds": (100.0, 1e3),
    "thousands": (1e3, 1e6),
    "millions": (1e6, 1e9),
}
# "tens of thousands", "hundreds of thousands": the word before scales the range.
_SCALED = {stem("tens"): (1e4, 1e5), stem("hundreds"): (1e5, 1e6)}


def rough_range(m: Mention) -> tuple[float, float] | None:
    """The values a rough magnitude fits, `[lo, hi)`, or None for a stated value."""
    word = m.q.text.lower()
    if word == "dozen" and m.context.lower().split()[:2] == ["dozen", "of"]:
        word = "dozens"  # "Dozen of warships": the plural's "s" dropped, not 12
    if word not in _ROUGH:
        return None
    if word == "thousands" and m.before and m.before[-1] in _SCALED:
        return _SCALED[m.before[-1]]
    return _ROUGH[word]


def rough_fits(x: Mention, y: Mention) -> bool:
    """Whether a rough magnitude on one side fits the other side's number (or range)."""
    rx, ry = rough_range(x), rough_range(y)
    if rx is None and ry is None:
        return False
    lo_x, hi_x = rx or (x.q.value, x.q.value)
    lo_y, hi_y = ry or (y.q.value, y.q.value)
    # Half-open ranges: 100 fits "hundreds", not "dozens".
    return lo_x <= hi_y and lo_y <= hi_x and not (rx and hi_x == lo_y) and not (ry and hi_y == lo_x)


def bounds_agree(x: Mention, y: Mention) -> bool:
    """Whether a lower and an upper bound can both be true of one value: they agree
    unless they exclude each other ("more than 100" / "up to 150" agree, "more than
    100" / "up to 80" do not).

    Two bounds the same way are left to `number_values.compatible`'s rounding (5 %):
    "more than 26,000" / "more than 31,000" dead in one 2003 quake was judged a
    real conflict on CHECK3, and a planted change of a bound (200,000 -> 220,000)
    must still be flagged, so "more than 22,000" / "over 24,000" stays a conflict.
    """
    if not x.bound or not y.bound or x.bound == y.bound:
        return False
    lo, hi = (x.q.value, y.q.value) if x.bound > 0 else (y.q.value, x.q.value)
    return lo < hi
