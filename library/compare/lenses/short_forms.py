"""A voice and its short forms: "Brandt" for Ole Brandt, "USGS" for the U.S.
Geological Survey (moved out of `voices.py` in the sixth speakers round, when
acronyms learnt to count the letters of initials)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any


@dataclass(slots=True)
class Voice:
    """One source, on both sides.

    Args:
        key: the canonical name (lower case), shared by both sides.
        name: the fullest form either article gives.
        description_a: the role article A gives ("" when none).
        description_b: the role article B gives.
        a: units of A where the voice speaks.
        b: units of B.
    """

    key: str
    name: str
    description_a: str = ""
    description_b: str = ""
    a: list[int] = field(default_factory=list)
    b: list[int] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """`{"name", "description_a", "description_b", "a": [ids], "b": [ids]}`."""
        return {
            "name": self.name,
            "description_a": self.description_a,
            "description_b": self.description_b,
            "a": self.a,
            "b": self.b,
        }


# Words an organisation's initials leave out ("Electronic Data Systems Corp." is EDS).
_NOT_INITIALS = frozenset(("corp", "corporation", "inc", "co", "ltd", "llc", "plc", "company"))


def initials(name: str) -> set[str]:
    """The acronyms a name may go by: its capitalised parts' first letters, the
    letters of initials counted one by one ("U.S. Geological Survey" is USGS; the
    fifth round read it "UGS") and a firm's suffix left out ("EDS")."""
    words = [w for w in re.split(r"[\s.-]+", name) if w[:1].isupper()]
    out = {"".join(w[0] for w in name.split() if w[:1].isupper())} - {""}  # as before
    while words and words[-1].lower() in _NOT_INITIALS:
        words = words[:-1]
    if len(words) >= 2:
        out.add("".join(w[0] for w in words))
    return out


def merge_short_forms(voices: dict[str, Voice]) -> None:
    """Fold short forms into the one full name they stand for.

    "Brandt said" is the Ole Brandt quoted before, when only one voice ends so;
    "Mark Heller" is the "Mark Jay Heller" (same first and last name); failing
    a last word, "WCCO-TV reported" is the "WCCO-TV Channel" that begins so.
    """

    def ends(v: Voice) -> tuple[str, str]:
        words = v.name.lower().split()
        return words[0], words[-1]

    for key in sorted(voices, key=lambda k: (len(voices[k].name), k)):
        me = voices[key]
        alone = " " not in me.name
        full = [
            v
            for k, v in voices.items()
            if k != key
            and len(v.name) > len(me.name)
            and (ends(v)[1] == me.name.lower() if alone else ends(v) == ends(me))
        ]
        if alone and len(full) > 1 and len({ends(v) for v in full}) == 1:
            # "Varga" for "Paul Varga" and "Paul K. Varga": one person with a middle
            # initial more or less (seventh round), the fullest form
            full = [max(full, key=lambda v: (len(v.name), v.key))]
        if alone and not full and me.name.isupper():  # "THR" for "The Hollywood Reporter"
            forms = {me.name, me.name[1:] if me.name.startswith("T") else me.name}
            full = [v for k, v in voices.items() if k != key and initials(v.name) & forms]
        if alone and not full:
            full = [
                v
                for k, v in voices.items()
                if k != key and len(v.name) > len(me.name) and ends(v)[0] == me.name.lower()
            ]
        if len(full) != 1:
            continue
        short, into = voices.pop(key), full[0]
        into.a = sorted(set(into.a) | set(short.a))
        into.b = sorted(set(into.b) | set(short.b))
        into.description_a = into.description_a or short.description_a
        into.description_b = into.description_b or short.description_b
