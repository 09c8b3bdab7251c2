"""The reading position, kept across anything that reflows the two texts.

A resize, a maximise, a panel folded or a dock shown re-wraps both texts, and
a pixel scroll value then points at other words: the reader loses their place.
So the position is taken in *body offsets* just before the reflow (the selected
pair, or the first line shown in each pane) and put back just after it, at the
same height in the viewport.  Re-comparing the same two articles keeps it too:
the pair under the old selection is selected again.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import dataclass, field

from PySide6.QtCore import QEvent, QObject, QPoint, QTimer

from desktop.comparison.pane import ReadingPane
from library.article import Article
from library.export.layout import ComparisonLayout

SIDES = ("a", "b")
# A pair shown lower than this many pixels above the bottom is moved up to a
# quarter of the viewport: it must stay in view after the pane got shorter.
BOTTOM_MARGIN = 40


@dataclass
class ReadingMark:
    """Where the reader was: body offsets per side and their height on screen.

    Args:
        pair_offset: body offset in A of the selected pair's start (None: no
            pair was selected; the first lines shown are kept instead).
        offsets: per side, the body offset kept in place.
        at: per side, its y in the viewport (negative: the line started above).
    """

    pair_offset: int | None
    offsets: dict[str, int] = field(default_factory=dict)
    at: dict[str, float] = field(default_factory=dict)


def capture(
    panes: dict[str, ReadingPane], layout: ComparisonLayout | None, current: int | None
) -> ReadingMark | None:
    """The reading position now; None when there is no text to keep a place in."""
    if any(p.article is None for p in panes.values()):
        return None
    if layout is not None and current is not None and 0 <= current < len(layout.pairs):
        pair = layout.pairs[current]
        mark = ReadingMark(pair.a_start)
        for side in SIDES:
            start = pair.extent(side)[0]
            mark.offsets[side] = start
            mark.at[side] = panes[side].y_span(start, start + 1)[0] - panes[side].scroll_value()
        return mark
    mark = ReadingMark(None)
    for side, pane in panes.items():
        edit = pane.text_edit
        qt_pos = edit.cursorForPosition(QPoint(0, 0)).position()
        offset = edit.offsets.to_body(qt_pos)
        mark.offsets[side] = offset
        mark.at[side] = pane.y_span(offset, offset + 1)[0] - pane.scroll_value()
    return mark


def restore(panes: dict[str, ReadingPane], mark: ReadingMark) -> None:
    """Scroll each pane so its kept offset is back at its kept height."""
    for side, pane in panes.items():
        if side not in mark.offsets:
            continue
        length = len(pane.article.body) if pane.article is not None else 0
        offset = min(mark.offsets[side], max(0, length - 1))
        at = mark.at[side]
        if mark.pair_offset is not None and not 0 <= at <= pane.viewport_height() - BOTTOM_MARGIN:
            at = pane.viewport_height() / 4
        pane.scroll_to_y(pane.y_span(offset, offset + 1)[0], at)


def pair_at(layout: ComparisonLayout, a_offset: int) -> int | None:
    """Index of the pair whose A extent holds body offset `a_offset`, if any."""
    for pair in layout.pairs:
        if pair.a_start <= a_offset < max(pair.a_end, pair.a_start + 1):
            return pair.index
    return None


class PositionKeeper(QObject):
    """Takes the reading position before a reflow and puts it back after.

    Watches the panes' text views: a resize event arrives while the old layout
    still says what is shown.  The view calls `keep()` before other changes
    that reflow (a panel folding, a re-comparison) and `put_back()` once the
    new geometry is known.

    Args:
        panes: the two reading panes.
        state: returns the painted layout and the selected pair index.
        select: makes a pair current again (after a re-comparison).
        hold: the scroll sync's `hold`, so the panes do not chase each other.
        reflowed: started when a position was taken (the view's geometry timer).
    """

    def __init__(
        self,
        panes: dict[str, ReadingPane],
        state: Callable[[], tuple[ComparisonLayout | None, int | None]],
        select: Callable[[int], None],
        hold: Callable[[], AbstractContextManager[None]],
        reflowed: QTimer,
    ) -> None:
        super().__init__(reflowed)
        self.panes = panes
        self.mark: ReadingMark | None = None
        self._state, self._select, self._hold, self._reflowed = state, select, hold, reflowed
        for pane in panes.values():
            pane.text_edit.installEventFilter(self)

    def keep(self) -> None:
        """Take the position now (once per burst of changes)."""
        if self.mark is None:
            self.mark = capture(self.panes, *self._state())
        self._reflowed.start()

    def before_texts(self, articles: tuple[Article, Article]) -> None:
        """The panes are about to show `articles` (A, B): the same two articles
        again (re-compared, re-imported) keep the place; others start at the top."""
        same = all(
            pane.article is not None and pane.article.id is not None
            and pane.article.id == new.id
            for pane, new in zip(self.panes.values(), articles, strict=True)
        )  # fmt: skip
        if same:
            self.keep()
        else:
            self.mark = None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and self.mark is None:
            self.keep()
        return False

    def scroll_back(self) -> None:
        """Scroll back now; a pair is selected again only once `put_back` has a layout."""
        if self.mark is not None:
            with self._hold():
                restore(self.panes, self.mark)

    def put_back(self) -> None:
        """Restore the position taken, if any (a pair needs the layout: wait for it)."""
        layout, current = self._state()
        mark = self.mark
        if mark is None or (layout is None and mark.pair_offset is not None):
            return
        self.mark = None
        with self._hold():
            if mark.pair_offset is not None and layout is not None:
                index = pair_at(layout, mark.pair_offset)
                if index is not None and index != current:
                    self._select(index)
            restore(self.panes, mark)
