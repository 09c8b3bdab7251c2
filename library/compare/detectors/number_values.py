"""Whether two values for one slot can both be true: rounding, bounds, conversions.

"about 40,000" vs "40,312" is rounding; "more than 100" vs "up to 150" are
bounds both can meet; "about 700 m" vs "2,000 ft" is one length converted.
`numbers.py` asks these once it has read two numbers as one slot.
"""

from __future__ import annotations

from library.compare.detectors import magnitude, measures
from library.compare.detectors.number_mentions import Mention as _Mention
from library.compare.detectors.number_mentions import complement

__all__ = ["compatible", "fits"]


def _trailing_zeros(v: float) -> int:
    n, k = round(abs(v)), 0
    if n != abs(v) or n == 0:
        return 0
    while n % 10 == 0:
        n //= 10
        k += 1
    return k


def compatible(x: _Mention, y: _Mention) -> bool:
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


def fits(bound: _Mention, value: float, mine: list[_Mention]) -> bool:
    """Whether `value` fits `bound` and every other bound its passage puts on the same
    kind of number ("over $70 million but less than the $85 million" / $95 million).

    Only a plain value is checked against a bound: "more than 200,000" against
    "more than 220,000" states the same bound two ways, a conflict.
    """
    money = "¤" in bound.after
    return _within(bound, value) and all(
        _within(n, value) for n in mine if n.bound and ("¤" in n.after) == money
    )
