"""Numbers: every quantity with what it counts, per side, matched across sides.

The numbers detector's parser (`detectors/numbers.mentions`) finds each number
and its head noun phrase ("7 classified topographic maps", "40,000 RMB").  Two
numbers are matched when they count the same thing by the detector's rule
(`same_slot`); the match says whether the values agree.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from library.chinese import is_chinese
from library.compare.detectors import numbers as detector
from library.compare.lenses.names import NUMBER_WORDS, sentence_starts
from library.compare.lenses.pattern_cache import re_compile
from library.compare.lenses.timeline import RELATIVE
from library.compare.model import Pair, Unit
from library.compare.quantities import dates, is_dateline


@dataclass(slots=True)
class Counted:
    """One quantity as an article states it."""

    text: str  # the number as written
    value: float
    thing: str  # the number with what it counts, as written ("48-page indictment")
    unit: int

    def to_dict(self) -> dict[str, Any]:
        """`{"text", "value", "thing", "unit"}`."""
        return {"text": self.text, "value": self.value, "thing": self.thing, "unit": self.unit}


@dataclass(slots=True)
class NumberRow:
    """A quantity of A, of B, or of both (the same thing counted on each side)."""

    thing: str
    a: list[Counted] = field(default_factory=list)
    b: list[Counted] = field(default_factory=list)

    @property
    def agree(self) -> bool | None:
        """Whether both sides give the same value (None when one side is silent)."""
        if not self.a or not self.b:
            return None
        return {c.value for c in self.a} == {c.value for c in self.b}

    def to_dict(self) -> dict[str, Any]:
        """`{"thing", "a": [...], "b": [...], "agree"}`."""
        return {
            "thing": self.thing,
            "a": [c.to_dict() for c in self.a],
            "b": [c.to_dict() for c in self.b],
            "agree": self.agree,
        }


# "the Two Sessions", "the Big Four": a capitalised number word before a
# capitalised word, inside a sentence, is part of a name, not a count.
_NAMED_NUMBER = re_compile(
    rf"\b(?:{'|'.join(w.capitalize() for w in sorted(NUMBER_WORDS))})\s+[A-Z][\w’'-]*"
)


def _in_names(text: str) -> list[tuple[int, int]]:
    starts = sentence_starts(text)
    return [m.span() for m in _NAMED_NUMBER.finditer(text) if m.start() not in starts]


def _side(units: tuple[Unit, ...]) -> list[tuple[Counted, Any]]:
    out = []
    for u in units:
        if is_dateline(u.text) or is_chinese(u.text):
            continue  # a Chinese unit's numbers are read by chinese_numbers
        # "Two years ago" is a date (the timeline's), not a count of years.
        extra = [m.span() for m in RELATIVE.finditer(u.text)] + _in_names(u.text)
        # With nothing hidden but dates, the reading is `whole`'s: parsed once a text,
        # shared with the detectors and the crossing pass that read the same units.
        found = (
            detector.mentions(u.text, dates(u.text)[1] + extra) if extra else detector.whole(u.text)
        )
        for m in found:
            if m.q.ordinal:
                continue  # "the sixth" says which one, not how many
            out.append((Counted(m.q.text, round(m.q.value, 4), m.context, u.id), m))
    return out


def build(
    units_a: tuple[Unit, ...], units_b: tuple[Unit, ...], pairs: tuple[Pair, ...] = ()
) -> list[NumberRow]:
    """The numbers of both articles; a row per thing counted, A and B matched.

    The same value for the same thing is matched anywhere; different values
    only inside a pair that tells one fact ("a 15-year sentence" and "7 years in
    prison" of two different cases are two rows, not a disagreement).

    Args:
        units_a: units of A.
        units_b: units of B.
        pairs: the comparison's pairs.
    """
    told: dict[int, set[int]] = {}
    for p in pairs:
        if p.relation != "related":
            for i in p.a:
                told.setdefault(i, set()).update(p.b)
    side_a, side_b = _side(units_a), _side(units_b)
    # B's numbers by value and by unit, in order: each of A's numbers reads only
    # those it may match (scanning all of B's for each grew with n²).
    by_value: dict[float, list[int]] = {}
    by_unit: dict[int, list[int]] = {}
    for k, (cb, _) in enumerate(side_b):
        by_value.setdefault(cb.value, []).append(k)
        by_unit.setdefault(cb.unit, []).append(k)
    rows: list[NumberRow] = []
    used: set[int] = set()
    for ca, ma in side_a:
        # Same value for the same thing first, then the same thing at all.
        match = _first(by_value.get(ca.value, []), used, ma, side_b)
        if match is None:
            near = sorted(k for j in told.get(ca.unit, ()) for k in by_unit.get(j, ()))
            match = _first(near, used, ma, side_b)
        row = NumberRow(ca.thing, a=[ca])
        if match is not None:
            used.add(match)
            row.b.append(side_b[match][0])
        rows.append(row)
    rows += [NumberRow(cb.thing, b=[cb]) for k, (cb, _) in enumerate(side_b) if k not in used]
    return rows


def _first(ks: list[int], used: set[int], ma: Any, side_b: list[tuple[Counted, Any]]) -> int | None:
    """The first of B's numbers `ks` (in order) still free that counts what `ma` counts."""
    return next((k for k in ks if k not in used and detector.same_slot(ma, side_b[k][1])), None)
