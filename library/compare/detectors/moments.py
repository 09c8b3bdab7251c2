"""Two moments of one running count: a record before and after a fight, a score
after two drives and at halftime.

"Brenner (41-2)" before the bout and "Brenner, 42-2" after it, or "a 10-0
lead" and "a 13-7 edge at the break", are both right: the count ran on between
the two.  `numbers.py` shows such a pair as a related note, never a conflict.
"""

from __future__ import annotations

import re

from library.compare.detectors.number_mentions import Mention

# Two or three numbers joined by dashes: "52-3", "45-7-2", "14 - 0".
_GROUP = re.compile(r"\d+(?:\s?[-–]\s?\d+){1,2}")
# A record written right after a name, in brackets or between commas.
_RECORD_LEAD = re.compile(r"[A-Z][\w.'’]*\s*[(,]\s*$")
_LEAD = re.compile(r"\b(?:lead|led|leading|advantage|edge)\b", re.I)

REASON = " (two moments of a running count)"


def _group(text: str, m: Mention) -> tuple[tuple[int, ...], int, int] | None:
    """The dash-joined numbers `m` is one of, with where they start and end."""
    lo = max(0, m.q.start - 12)
    for g in _GROUP.finditer(text, lo, m.q.end + 12):
        if g.start() <= m.q.start and m.q.end <= g.end():
            return tuple(int(n) for n in re.findall(r"\d+", g.group())), g.start(), g.end()
    return None


def two_moments(text_a: str, text_b: str, x: Mention, y: Mention) -> bool:
    """Whether `x` (of A) and `y` (of B) are one running count read at two moments.

    A record after a name ("Brenner (41-2" / "Brenner, 42-2") one result apart;
    a lead ("a 10-0 lead" / "a 13-7 lead") where every side has grown.  A final
    score told two ways ("won 24-17" / "won 24-14") is no such thing.
    """
    if not (x.joined and y.joined):
        return False
    ga, gb = _group(text_a, x), _group(text_b, y)
    if ga is None or gb is None or len(ga[0]) != len(gb[0]) or ga[0] == gb[0]:
        return False
    steps = [q - p for p, q in zip(ga[0], gb[0], strict=True)]
    if not (all(s >= 0 for s in steps) or all(s <= 0 for s in steps)):
        return False
    record = bool(
        _RECORD_LEAD.search(text_a, max(0, ga[1] - 40), ga[1])
        and _RECORD_LEAD.search(text_b, max(0, gb[1] - 40), gb[1])
    )
    if record and sum(abs(s) for s in steps) == 1:
        return True
    near_a = text_a[ga[1] : ga[2] + 24]
    near_b = text_b[gb[1] : gb[2] + 24]
    lead = bool(_LEAD.search(near_a) or _LEAD.search(near_b))
    return lead and all(s != 0 for s in steps)
