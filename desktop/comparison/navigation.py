"""Next/previous divergent claim and shared fact, in reading order of article A.

Pure logic over a `ComparisonLayout`, so the order rules are testable without Qt.
"""

from __future__ import annotations

from library.export.layout import ComparisonLayout


class Navigator:
    """Steps through the pairs of one relation in order of their position in A.

    Args:
        layout: the comparison layout to walk.
    """

    def __init__(self, layout: ComparisonLayout) -> None:
        self._layout = layout
        self.set_relations({})

    def set_relations(self, relations: dict[int, str]) -> None:
        """Walk pairs by the relation the user gave them (pair index → relation).

        A pair the user marked divergent is a divergent claim for F8; a rejected
        one ("unrelated") is stepped over.
        """
        pairs = self._layout.pairs_in_order("a")
        self._order = {
            relation: [p for p in pairs if relations.get(p.index, p.relation) == relation]
            for relation in ("same", "divergent")
        }

    def count(self, relation: str) -> int:
        """How many pairs of `relation` there are."""
        return len(self._order[relation])

    def step(
        self, relation: str, current: int | None, forward: bool, origin: int = 0
    ) -> int | None:
        """The pair index after (or before) the reading position, or None at the end.

        Args:
            relation: "same" or "divergent".
            current: the selected pair (of either relation), or None.
            forward: next (True) or previous (False).
            origin: A body offset to start from when nothing is selected (e.g.
                the top of the visible text), so navigation starts where the
                reader is.
        """
        order = self._order[relation]
        if not order:
            return None
        if current is not None and 0 <= current < len(self._layout.pairs):
            here = self._layout.pairs[current]
            key = (here.a_start, here.index)
            # Exclusive: the current pair itself is never the answer.
            if forward:
                later = [p for p in order if (p.a_start, p.index) > key]
                return later[0].index if later else None
            earlier = [p for p in order if (p.a_start, p.index) < key]
            return earlier[-1].index if earlier else None
        if forward:
            later = [p for p in order if p.a_start >= origin]
            return later[0].index if later else None
        earlier = [p for p in order if p.a_start < origin]
        return earlier[-1].index if earlier else None
