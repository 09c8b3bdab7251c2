"""Clock times told in named time zones.

"kickoff at 7:15 p.m. ET" and "at 6:15 p.m." (local, Central time) are one
kickoff: a time with a zone on one side only, or "local time", cannot be set
against the other; two named zones are converted before they are compared.
"""

from __future__ import annotations

import re
from itertools import product

from library.compare.detectors.base import Passage
from library.compare.quantities import DateMention

# Hours from UTC each zone may mean ("ET" is EST or EDT, by the season).
_OFFSETS: dict[str, tuple[int, ...]] = {
    "et": (-5, -4), "est": (-5,), "edt": (-4,), "ct": (-6, -5), "cst": (-6,), "cdt": (-5,),
    "mt": (-7, -6), "mst": (-7,), "mdt": (-6,), "pt": (-8, -7), "pst": (-8,), "pdt": (-7,),
    "gmt": (0,), "utc": (0,), "bst": (1,), "cet": (1,), "cest": (2,),
}  # fmt: skip
_ZONE = re.compile(
    # "4: 30 p." cut from "m. ET" by a sentence splitter: the rest of "p.m." skipped.
    r"\s*(?:[ap]?\.?\s?m\.)?\s*\(?\s*(?P<z>ET|EST|EDT|CT|CST|CDT|MT|MST|MDT|PT|PST|PDT|GMT|UTC|BST|CET|CEST"
    r"|local(?:\s+time)?)\b",
    re.I,
)


def zone(p: Passage, d: DateMention) -> str:
    """The zone named right after the time `d` of passage `p` ("et", "local"), or "".

    Read in the article: a sentence splitter may cut "7:15 p.m." from "ET with ...".
    """
    at = p.text.find(d.text)
    if at < 0 or d.time is None:
        return ""
    text = p.article or p.text
    base = text.find(p.text) if p.article else 0
    m = _ZONE.match(text, max(base, 0) + at + len(d.text))
    return m.group("z").lower().split()[0] if m else ""


def other_clock(a: Passage, x: DateMention, b: Passage, y: DateMention) -> bool:
    """Whether two clock times may be one moment told on two clocks.

    A zone named on one side only, or "local" on either, leaves the other side's
    clock unknown: the times are not compared.  Two named zones are converted.
    """
    if x.time is None or y.time is None:
        return False
    zx, zy = zone(a, x), zone(b, y)
    if not zx and not zy:
        return False
    if zx == zy:
        return False  # one clock: compare as written
    if zx not in _OFFSETS or zy not in _OFFSETS:
        return True  # one side's clock unknown, or "local"
    ox, oy = _OFFSETS[zx], _OFFSETS[zy]
    # "ET" and "PT" change with the same season: EST with PST, EDT with PDT.
    pairs = zip(ox, oy, strict=True) if len(ox) == len(oy) == 2 else product(ox, oy)
    return any((x.time - dx * 60) % 1440 == (y.time - dy * 60) % 1440 for dx, dy in pairs)
