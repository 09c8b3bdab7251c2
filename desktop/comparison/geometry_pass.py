"""The comparison view's geometry pass: link bands, overview marks, scroll anchors.

A mixin of `ComparisonView` (listed first, so its `_update_overviews` is the one
`ComparisonSelection` and the reviews call), kept apart so the view's module
holds opening and painting and stays short.  The attributes below are the
view's; `ComparisonView.__init__` sets them.
"""

from __future__ import annotations

from desktop.comparison.geometry import Measured, SlicedMeasure, same_layouts
from desktop.comparison.gutter import LinkMap, pair_bands
from desktop.comparison.overview import overview_marks, overview_review_marks
from desktop.comparison.palette import QtPalette
from desktop.comparison.pane import ReadingPane
from desktop.comparison.position import PositionKeeper
from desktop.comparison.scroll_sync import ScrollSync
from desktop.comparison.selecting import hide_tooltip
from library.export import ComparisonLayout


class ComparisonGeometry:
    """Where each pair sits on screen, recomputed after texts, layouts or sizes change."""

    panes: dict[str, ReadingPane]
    gutter: LinkMap
    sync: ScrollSync
    position: PositionKeeper
    _measure: SlicedMeasure
    _layout: ComparisonLayout | None
    _current: int | None
    _qt_palette: QtPalette

    def _refresh_geometry(self, measured: Measured | None = None) -> None:
        self._measure.cancel()  # this pass is the newest: what was left of another is moot
        self.position.put_back()
        with same_layouts(self.panes, measured):
            bands = pair_bands(self._layout, self.panes["a"], self.panes["b"])
            self.gutter.set_bands(bands, self._qt_palette)
            self.sync.set_segments([(b.a_top, b.a_bottom, b.b_top, b.b_bottom) for b in bands])
            self._update_overviews()

    def _update_overviews(self) -> None:
        for side, pane in self.panes.items():
            bars = pane.text_edit.review_bars
            # Plain texts have nothing to mark: asking a long one its height would
            # lay all of it out at once (Qt lays it out in steps, a timer apart).
            height = pane.document_height() if self._layout or bars else 1.0
            marks = overview_marks(self._layout, side, pane.y_span, height, self._current)
            pane.overview.set_marks(marks, self._qt_palette)
            pane.overview.set_review_marks(overview_review_marks(bars, pane.y_span, height))
        self._update_visible_ranges()

    def _update_visible_ranges(self) -> None:
        hide_tooltip()  # the text moved from under it
        for pane in self.panes.values():
            fraction = pane.visible_fraction(laid_out=self._layout is not None)
            pane.overview.set_visible_range(*fraction)
