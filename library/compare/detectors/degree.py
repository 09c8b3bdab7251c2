"""Degree: the same state qualified as good on one side and as bad on the other.

"the climber was well equipped" / "an ill-equipped climber" carry no negation
cue, yet one denies what the other asserts; "well equipped" / "fully
equipped" agree.  Reported with the negation kind (a claim reversed).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from library.compare.detectors.base import Diff, Passage
from library.compare.detectors.negation import lemma
from library.compare.detectors.text import WORD
from library.compare.kinds import conflict
from library.compare.model import Conflict
from library.compare.units import NEGATIONS

# A participle qualified by degree words of opposite sense: "well equipped" /
# "ill-equipped", "properly trained" / "poorly trained".  Neither side carries
# a negation cue, yet one denies what the other asserts about the same state.
_GOOD = frozenset((
    "well", "adequately", "properly", "sufficiently", "fully", "suitably", "amply", "better",
))  # fmt: skip
_BAD = frozenset((
    "ill", "poorly", "badly", "insufficiently", "inadequately", "improperly", "under",
    "underequipped", "worse",
))  # fmt: skip
# The degree word and its participle may be split by a hyphen as tokenised
# ("ill - equipped") or by quote marks ('"insufficiently" equipped').
_DEGREE = re.compile(
    r"\b(?P<deg>" + "|".join(sorted(_GOOD | _BAD)) + r")[\"“”'’]?\s*(?:-\s*)?"
    r"(?P<part>[a-z]{3,}(?:ed|en))\b",
    re.I,
)


@lru_cache(maxsize=4096)
def qualified(text: str) -> dict[str, tuple[bool, str]]:
    """Participles qualified by a degree word: lemma -> (good?, as written).

    A qualifier under a negation ("not well equipped") is left to `detect`;
    a participle qualified both ways in one passage says nothing firm.

    Args:
        text: one passage.
    """
    out: dict[str, tuple[bool, str]] = {}
    both: set[str] = set()
    for m in _DEGREE.finditer(text):
        before = WORD.findall(text[max(0, m.start() - 16) : m.start()])
        if before and (before[-1].lower() in NEGATIONS or before[-1].lower().endswith("n't")):
            continue
        key = lemma(m.group("part"))
        good = m.group("deg").lower() in _GOOD
        if key in out and out[key][0] != good:
            both.add(key)
        joined = "-" if "-" in m.group() else " "  # 'ill - equipped' shown as 'ill-equipped'
        out.setdefault(key, (good, m.group("deg") + joined + m.group("part")))
    return {k: v for k, v in out.items() if k not in both}


def detect(a: Passage, b: Passage, diff: Diff) -> Iterator[Conflict]:
    """The same participle qualified as good on one side and as bad on the other.

    "was well equipped" / "was reportedly ill-equipped": a conflict of the
    negation kind (one side denies the state the other asserts).  "well
    equipped" / "fully equipped" agree; "well trained" / "poorly equipped"
    qualify two different things.

    Args:
        a: side A.
        b: side B.
        diff: word diff of A against B (unused).
    """
    qa, qb = qualified(a.text), qualified(b.text)
    for key, (good, shown) in qa.items():
        other = qb.get(key)
        if other is not None and other[0] != good:
            yield conflict("negation", shown, other[1])
