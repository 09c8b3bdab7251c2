"""Selecting in the comparison view: clicking a unit, selecting a pair, stepping.

A mixin of `ComparisonView` (beside `ComparisonQueries` and `ComparisonExport`),
kept apart so the view's module holds opening and painting and stays short
(geometry: `geometry_pass`).  The attributes below are the view's;
`ComparisonView.__init__` sets them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QToolTip

from desktop.comparison.actions import ComparisonActions
from desktop.comparison.gutter import LinkMap
from desktop.comparison.highlighter import mark_current
from desktop.comparison.navigation import Navigator
from desktop.comparison.palette import QtPalette
from desktop.comparison.pane import ReadingPane
from desktop.comparison.scroll_sync import ScrollSync
from desktop.comparison.summary import SummaryPanel
from library.export import ComparisonLayout
from library.export.wording import explain, status_line

SIDES = ("a", "b")


def hide_tooltip() -> None:
    """Hide a shown tooltip (it fades out within a fraction of a second)."""
    if QToolTip.isVisible():
        QToolTip.hideText()


class ComparisonSelection:
    """Selection and navigation over the painted comparison (mixed into `ComparisonView`)."""

    panes: dict[str, ReadingPane]
    gutter: LinkMap
    summary: SummaryPanel
    sync: ScrollSync
    acts: ComparisonActions
    _layout: ComparisonLayout | None
    _navigator: Navigator | None
    _current: int | None
    _selected: tuple[list[int], list[int]]
    _qt_palette: QtPalette
    status_message: Any  # the view's Signal(str)
    review_suffix: Callable[[int], str]
    select_linked: Callable[[str, int], bool]

    def _update_overviews(self) -> None:
        raise NotImplementedError  # the view's: the overview strips follow the current pair

    def _tooltip(self, side: str, offset: int) -> str | None:
        unit = self._layout.unit_at(side, offset) if self._layout else None
        if unit is None or unit.pair is None or self._layout is None:
            return None
        return explain(self._layout.pairs[unit.pair]) + "\nClick to show its counterpart."

    def _on_text_clicked(self, side: str, offset: int) -> None:
        unit = self._layout.unit_at(side, offset) if self._layout else None
        if unit is not None:
            self.select_unit(side, unit.unit_id)

    def select_unit(self, side: str, unit_id: int) -> None:
        """What a click on a unit does: select its pair and scroll the counterpart into view.

        Args:
            side: "a" or "b", where the unit is.
            unit_id: the engine's unit id.
        """
        unit = self._layout.unit(side, unit_id) if self._layout else None
        if unit is None:
            return
        if unit.pair is None:
            if self.select_linked(side, unit_id):
                return
            self._set_current(None)
            self._selected = ([unit_id], []) if side == "a" else ([], [unit_id])
            pane = self.panes[side]
            # Framed in the neutral text colour: selected, yet visibly matched to nothing.
            pane.text_edit.current_spans = [(unit.start, unit.end)]
            pane.text_edit.current_color = pane.palette().color(QPalette.ColorRole.PlaceholderText)
            pane.text_edit.viewport().update()
            with self.sync.hold():
                top, _ = pane.y_span(unit.start, unit.end)
                if not pane.scroll_value() <= top <= pane.scroll_value() + pane.viewport_height():
                    pane.scroll_to_y(top, pane.viewport_height() / 4)
            self.status_message.emit(f"Only article {side.upper()} reports this.")
            return
        self._select_pair(unit.pair, side)

    def _select_pair(self, index: int, anchor: str | None) -> None:
        """Make pair `index` current; keep `anchor`'s pane still, align the other to it."""
        if self._layout is None or not 0 <= index < len(self._layout.pairs):
            return
        pair = self._layout.pairs[index]
        self._set_current(index)
        self._selected = (list(pair.a), list(pair.b))
        tops = {s: self.panes[s].y_span(*pair.extent(s))[0] for s in SIDES}
        with self.sync.hold():  # programmatic moves: the other pane must not chase them
            at = self.panes["a"].viewport_height() / 4
            if anchor is not None:
                pane = self.panes[anchor]
                shown = tops[anchor] - pane.scroll_value()
                if 0 <= shown <= pane.viewport_height() - 20:
                    at = shown  # the clicked unit stays put; its counterpart comes level
            for side in SIDES:
                self.panes[side].scroll_to_y(tops[side], at)
        hide_tooltip()  # a tooltip of the old place must not sit over the new one
        self.status_message.emit(status_line(pair) + self.review_suffix(index))

    def _set_current(self, index: int | None) -> None:
        self._current = index
        for side, pane in self.panes.items():
            mark_current(pane.text_edit, self._layout, side, self._qt_palette, index)
        self.gutter.set_current(index)
        self.summary.set_current(index)
        self._update_overviews()

    def _step(self, relation: str, forward: bool) -> int | None:
        if self._navigator is None:
            return None
        pane = self.panes["a"]
        origin = pane.text_edit.cursorForPosition(pane.text_edit.viewport().rect().topLeft())
        index = self._navigator.step(
            relation, self._current, forward, pane.text_edit.offsets.to_body(origin.position())
        )
        if index is None:
            what = "divergent claim" if relation == "divergent" else "shared fact"
            self.status_message.emit(f"No {'next' if forward else 'previous'} {what}.")
            return None
        self._select_pair(index, None)
        return index

    def next_divergence(self) -> int | None:
        """Select the next divergent claim (in A's order); returns its pair index."""
        return self._step("divergent", True)

    def previous_divergence(self) -> int | None:
        """Select the previous divergent claim; returns its pair index."""
        return self._step("divergent", False)

    def next_shared(self) -> int | None:
        """Select the next shared fact; returns its pair index."""
        return self._step("same", True)

    def previous_shared(self) -> int | None:
        """Select the previous shared fact; returns its pair index."""
        return self._step("same", False)

    def set_sync_enabled(self, enabled: bool) -> None:
        """Turn synchronised scrolling on or off (the checkable action calls this)."""
        self.sync.enabled = enabled
        if self.acts.sync.isChecked() != enabled:
            self.acts.sync.setChecked(enabled)
        if enabled:
            self.sync.follow("a")  # bring B level with A right away
