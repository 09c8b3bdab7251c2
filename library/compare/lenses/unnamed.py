"""Unnamed sources of English attribution: "analysts believe", "observers",
"some speculate" (the Voices lens counts them apart, per side)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from library.compare.lenses.pattern_cache import re_compile
from library.compare.text_memo import listed

_ANONYMOUS = re_compile(
    r"\b(?P<who>analysts?|observers?|experts?|critics?|commentators?|insiders?|"
    r"sources?|some(?:\s+people)?|others|many|netizens|scholars?|police|investigators|"
    r"officials|authorities|witnesses|residents|prosecutors)\s+"
    r"(?:(?:also|have|had|generally|widely)\s+)?"
    r"(?P<verb>believe[sd]?|say|said|suggest(?:ed)?|speculated?|interpret(?:ed)?|think|"
    r"thought|argued?|note[sd]?|warn(?:ed)?|claim(?:ed)?|point\s+out|pointed\s+out|"
    r"told|stated?|view(?:ed)?|expect(?:ed)?)\b",
    re.I,
)


@dataclass(frozen=True, slots=True)
class Unnamed:
    """One unnamed attribution of one side, as written ("Analysts believe"), and its unit."""

    text: str
    unit: int

    def to_dict(self) -> dict[str, Any]:
        """`{"text", "unit"}` (an entry of `to_dict()["anonymous"][side]["mentions"]`)."""
        return {"text": self.text, "unit": self.unit}


@listed(maxsize=16384)  # read once a sentence (text_memo.py)
def anonymous(text: str) -> list[str]:
    """Unnamed sources of one sentence as written ("Analysts believe").

    Args:
        text: one sentence.
    """
    return [m.group() for m in _ANONYMOUS.finditer(text)]
