"""Convert between `Article.body` offsets (code points) and Qt document positions.

Qt counts UTF-16 code units, Python counts code points: they differ after any
character outside the Basic Multilingual Plane (emoji, rare CJK).  Comparison
units and note anchors use body offsets, so every hand-over to or from a
`QTextDocument` goes through an `OffsetMap`.  For the usual all-BMP text both
directions are the identity and cost nothing.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right


class OffsetMap:
    """Two-way map between body offsets and Qt document positions for one text.

    Args:
        text: the body exactly as put into the document.
    """

    def __init__(self, text: str) -> None:
        # Body offsets of the astral characters: each one adds a code unit after it.
        # `max` runs in C: the usual all-BMP body costs no Python loop over its characters.
        astral = bool(text) and max(text) > "\uffff"
        self._astral = [i for i, ch in enumerate(text) if ord(ch) > 0xFFFF] if astral else []
        # Qt positions of those same characters (their first code unit).
        self._astral_qt = [i + n for n, i in enumerate(self._astral)]

    def to_qt(self, offset: int) -> int:
        """Qt position of body offset `offset`."""
        if not self._astral:
            return offset
        return offset + bisect_left(self._astral, offset)

    def to_body(self, position: int) -> int:
        """Body offset of Qt position `position` (the middle of a surrogate pair rounds down)."""
        if not self._astral:
            return position
        # Astral characters that start before `position`; one inside a surrogate
        # pair counts too, so the split position rounds down to that character.
        return position - bisect_right(self._astral_qt, position - 1)
