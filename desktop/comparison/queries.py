"""What the comparison view shows, asked by tests and other features (notes, reviews).

A mixin of read-only queries over `ComparisonView`'s state, kept apart so the
view's module holds the behaviour and stays short.
"""

from __future__ import annotations

from desktop.comparison.pane import ReadingPane
from library.export import ComparisonLayout


class ComparisonQueries:
    """Read-only questions about the painted comparison (mixed into `ComparisonView`)."""

    panes: dict[str, ReadingPane]
    _layout: ComparisonLayout | None
    _current: int | None
    _selected: tuple[list[int], list[int]]

    def current_pair_index(self) -> int | None:
        """Index of the selected pair, or None."""
        return self._current

    def selected_units(self) -> tuple[list[int], list[int]]:
        """Unit ids selected in A and in B."""
        return list(self._selected[0]), list(self._selected[1])

    def highlighted_units(self, side: str) -> dict[int, str]:
        """Unit id -> "same"/"divergent" for each highlighted unit of `side`."""
        return self._layout.highlighted(side) if self._layout else {}

    def pane(self, side: str) -> ReadingPane:
        """The reading pane of `side` ("a" or "b"); its `.text_edit` holds the body."""
        return self.panes[side]

    def unit_at_position(self, side: str, char_pos: int) -> int | None:
        """Id of the unit of `side` at body offset `char_pos`, or None."""
        unit = self._layout.unit_at(side, char_pos) if self._layout else None
        return None if unit is None else unit.unit_id

    def layout_data(self) -> ComparisonLayout | None:
        """The painted layout (spans, pairs), or None before a comparison."""
        return self._layout
