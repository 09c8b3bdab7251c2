"""Dates and times: the same event's date, told differently.

Partial dates are compatible when no field disagrees ("the 10th" fits
"October 10"); "Wednesday" against "November 9" cannot be checked, so it is
not flagged.  Within an aligned pair the two sentences tell one event, so a
leftover date on each side that clashes is a conflict; across sentences the
engine asks for a shared anchor first (`crossing.py`).
"""

from __future__ import annotations

from collections.abc import Iterator

from library.compare.detectors.base import Diff, Passage
from library.compare.detectors.text import unique
from library.compare.kinds import conflict
from library.compare.model import Conflict
from library.compare.quantities import dates, merge_adjacent, unmatched


def detect(a: Passage, b: Passage, diff: Diff) -> Iterator[Conflict]:
    """Dates on both sides that state the same field with different values.

    Args:
        a: side A.
        b: side B.
        diff: word diff of A against B (unused).
    """
    da, sa = dates(a.text)
    db, sb = dates(b.text)
    only_a, only_b = unmatched(merge_adjacent(da, sa, a.text), merge_adjacent(db, sb, b.text))
    xa = unique([x.text for x in only_a if any(x.clashes(y) for y in only_b)])
    xb = unique([y.text for y in only_b if any(x.clashes(y) for x in only_a)])
    if not xa or not xb:
        return
    if len(xa) == len(xb):
        for x, y in zip(xa, xb, strict=True):
            yield conflict("date", x, y)
    else:
        yield conflict("date", ", ".join(xa), ", ".join(xb))
