"""Measures and counts written in other ways than a number and its noun.

Lengths and weights told in different units are one quantity.

"fell 200ft" and "fell 150 meters" state the same slot (how far) in two units:
61 m against 150 m is a conflict, while "about 700 m" and "2,000 ft" (610 m)
is the same fall rounded in another unit.  Numbers with a glued unit ("200ft",
"5km") are read here too: the general number reader leaves a number joined to
letters alone ("m1", "2.5m" is millions).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from library.compare.quantities import Quantity
from library.compare.units import stem

# Unit stem -> (dimension, size in the dimension's base unit).
_LENGTH = {
    "ft": 0.3048, "foot": 0.3048, "feet": 0.3048, "meter": 1.0, "metre": 1.0, "meters": 1.0,
    "metres": 1.0, "km": 1000.0, "kilometer": 1000.0, "kilometre": 1000.0, "mile": 1609.344,
    "yard": 0.9144, "cm": 0.01, "centimeter": 0.01, "centimetre": 0.01, "miles": 1609.344,
    "kilometers": 1000.0, "kilometres": 1000.0, "yards": 0.9144, "inch": 0.0254, "inches": 0.0254,
}  # fmt: skip
_MASS = {"kg": 1.0, "kilogram": 1.0, "kilo": 1.0, "tonne": 1000.0, "lb": 0.4536, "lbs": 0.4536}
UNITS: dict[str, tuple[str, float]] = {
    **{stem(w): ("length", f) for w, f in _LENGTH.items()},
    **{stem(w): ("mass", f) for w, f in _MASS.items()},
}
# Glued units only where the letters cannot mean anything else ("m" is millions).
# "2,000ft" and its tokenised copy "2, 000ft" too.
_GLUED = re.compile(
    r"(?<![\w.,])(\d{1,3}(?:,\s?\d{3})+|\d+(?:\.\d+)?)(ft|km|kg|cm|lbs?|yds?)\b", re.I
)
# Two conversions of one value round apart by up to this share of the larger.
CONVERSION_SLACK = 0.15


def glued(text: str, found: Sequence[Quantity], hide: Sequence[tuple[int, int]]) -> list[Quantity]:
    """Numbers with a unit glued on ("200ft"), not already read nor hidden (dates)."""
    return [
        Quantity(m.group(), float(re.sub(r",\s?", "", m.group(1))), m.start(), m.end())
        for m in _GLUED.finditer(text)
        if not any(s <= m.start() < e for s, e in hide)
        and not any(q.start < m.end() and m.start() < q.end for q in found)
    ]


def unit_of(q: Quantity) -> str:
    """The stem of the unit glued to `q` ("200ft" -> "ft", "60m" -> "meter"), or ""."""
    m = _GLUED.fullmatch(q.text)
    if m:
        return stem(m.group(2))
    # A glued "m" the number reader kept unscaled is metres (`quantities._metres`).
    m = _METRES.fullmatch(q.text)
    return _METER if m and float(m.group(1)) == q.value else ""


_METRES = re.compile(r"(\d+(?:\.\d+)?)\s?m")
_METER = stem("meter")


_SQUARE = stem("square")


def dimension(after: Sequence[str]) -> tuple[str, float] | None:
    """(dimension, factor) of the unit that opens a head phrase ("meter" -> length, 1.0;
    "square foot" -> area, 0.093)."""
    if len(after) > 1 and after[0] == _SQUARE:
        unit = UNITS.get(after[1])
        return ("area", unit[1] ** 2) if unit and unit[0] == "length" else None
    return UNITS.get(after[0]) if after else None


def same_dimension(after_x: Sequence[str], after_y: Sequence[str]) -> bool:
    """Whether two head phrases open with units of one dimension ("ft" / "meters")."""
    dx, dy = dimension(after_x), dimension(after_y)
    return dx is not None and dy is not None and dx[0] == dy[0]


def converted(after_x: Sequence[str], after_y: Sequence[str]) -> tuple[float, float] | None:
    """Factors that bring two numbers to one base unit, when they measure one dimension
    in two different units ("200ft" / "150 meters"); None otherwise."""
    dx, dy = dimension(after_x), dimension(after_y)
    if dx is None or dy is None or dx[0] != dy[0] or _unit(after_x) == _unit(after_y):
        return None
    return dx[1], dy[1]


def _unit(after: Sequence[str]) -> tuple[str, ...]:
    """The words of a head phrase that name its unit ("square", "foot" / "meter")."""
    return tuple(after[:2]) if after[0] == _SQUARE else (after[0],)


_ONE_THING = (
    r"(?:jeans|trousers|pants|shorts|tights|scissors|glasses|spectacles|goggles|binoculars|"
    r"pliers|tongs|shears|earrings|socks|shoes|boots|gloves|sneakers|handcuffs)\b"
)

# Counts written as a collective noun: "a pair of left hooks" counts two hooks,
# as "three left hooks" counts three.  Nouns that come in a pair as one thing
# ("a pair of jeans", "of scissors") are not two of anything.
_PAIR = re.compile(
    r"\b(?:a|one)\s+(?P<n>pair|trio)\s+of\s+(?!(?:\w+\s+)?" + _ONE_THING + r")", re.I
)
_COLLECTIVE = {"pair": 2.0, "trio": 3.0}


def word_counts(
    text: str, found: list[Quantity], hide: Sequence[tuple[int, int]]
) -> list[Quantity]:
    """`found` and the counts written as "a pair of" / "a trio of", in text order."""
    extra = [
        Quantity(m.group().strip(), _COLLECTIVE[m.group("n").lower()], m.start(), m.end())
        for m in _PAIR.finditer(text)
        if not any(s <= m.start() < e for s, e in hide)
        and not any(q.start < m.end() and m.start() < q.end for q in found)
    ]
    return sorted([*found, *extra], key=lambda q: q.start) if extra else found
