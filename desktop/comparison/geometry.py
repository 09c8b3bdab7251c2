"""`SlicedMeasure`: where a long comparison's units sit, measured a slice per turn.

The geometry pass (gutter bands, overview marks) asks each pane where every
paired or marked unit starts and ends: a Qt line look-up per offset, about
1,200 of them for two 10,000-word texts, 20-60 ms in one go.  For long
comparisons the look-ups are made beforehand, `SLICE` offsets per event-loop
turn, and the pass then reads them (`ReadingPane.same_layout(measured)`): the
same numbers, the window free to repaint between slices.  A relayout that
moves lines (another width or font, another text) restarts the pass; Qt laying
out more of a long text meanwhile does not: lines laid out stay where they are.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from functools import partial

from PySide6.QtCore import QObject, QTimer

from desktop.comparison.pane import ReadingPane
from desktop.comparison.turns import Step, Turns
from library.export.layout import ComparisonLayout

#: Offsets measured per turn (each a Qt line look-up of ~20-40 µs).
SLICE = 300

#: Side -> body offset -> document (top, bottom) of its line.
Measured = dict[str, dict[int, tuple[float, float]]]


def offsets_asked(layout: ComparisonLayout, side: str) -> list[int]:
    """The offsets of `side` the geometry pass asks `y_span` for, in text order.

    As `ReadingPane.y_span` asks them: a pair's or marked unit's first
    offset and its last (`end - 1`, at least the first).
    """
    spans = [p.extent(side) for p in layout.pairs]
    spans += [(u.start, u.end) for u in layout.units[side] if u.relation is not None]
    found = {o for start, end in spans for o in (start, max(start, end - 1))}
    return sorted(found)


@contextlib.contextmanager
def same_layouts(panes: dict[str, ReadingPane], measured: Measured | None) -> Iterator[None]:
    """Both panes' `same_layout`, with the lines `measured` beforehand if any."""
    lines = measured or {}
    with contextlib.ExitStack() as stack:
        for side, pane in panes.items():
            stack.enter_context(pane.same_layout(lines.get(side)))
        yield


class SlicedMeasure(QObject):
    """Runs the view's geometry pass once per burst of relayouts; long texts measured first.

    Args:
        panes: the view's two reading panes, by side.
        layout: returns the layout shown (None: plain texts).
        geometry: the view's pass; given the lines measured beforehand, or None.
        parent: owner; the slices stop with it.
    """

    def __init__(
        self,
        panes: dict[str, ReadingPane],
        layout: Callable[[], ComparisonLayout | None],
        geometry: Callable[[Measured | None], None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._panes, self._layout, self._geometry = panes, layout, geometry
        self._turns = Turns(self)
        self.active = False
        self._laid_out: list[tuple[int, float, str]] = []
        #: Started by each relayout: a zero delay folds a burst of them into one pass.
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(0)
        self.timer.timeout.connect(self.request)

    def request(self) -> None:
        """Run the geometry pass now, or after measuring a long layout's lines in slices."""
        if self.unmoved():
            return  # Qt laid out more of a long text: the pass under way ends with it all
        if not self.start(self._layout(), self._geometry):
            self._geometry(None)

    def unmoved(self) -> bool:
        """True while a pass runs on lines that have not moved since it started."""
        return self.active and self._laid_out == self._layout_key()

    def _layout_key(self) -> list[tuple[int, float, str]]:
        # What places the lines already laid out: the document, its width, its font.
        docs = [pane.text_edit.document() for pane in self._panes.values()]
        return [(id(d), d.textWidth(), d.defaultFont().key()) for d in docs]

    def start(
        self, layout: ComparisonLayout | None, then: Callable[[Measured | None], None]
    ) -> bool:
        """Measure `layout`'s offsets in slices, then call `then(measured)`.

        Returns False (and measures nothing) when one slice would do: the
        caller then runs its pass at once, as for short texts.  A new start
        or `cancel()` drops what is left of an earlier one.
        """
        todo = {side: offsets_asked(layout, side) for side in self._panes} if layout else {}
        if sum(len(offsets) for offsets in todo.values()) <= SLICE:
            self.cancel()
            return False
        measured: Measured = {side: {} for side in self._panes}
        steps: list[Step] = []
        for side, offsets in todo.items():
            for i in range(0, len(offsets), SLICE):
                chunk = offsets[i : i + SLICE]
                steps.append(partial(self._panes[side].measure, chunk, measured[side]))
        steps.append(lambda: self._finish(then, measured))
        self.active = True
        self._laid_out = self._layout_key()
        self._turns.run([lambda: None, *steps])  # the first slice a turn from now
        return True

    def cancel(self) -> None:
        """Drop the slices left (the texts or their layout changed, or a pass ran now)."""
        self.active = False
        self._turns.run([])

    def _finish(self, then: Callable[[Measured | None], None], measured: Measured) -> None:
        self.active = False
        then(measured)
