"""Synchronised scrolling that follows the alignment, with a re-entrancy lock.

Scrolling one pane moves the other so that matching passages stay level: a
reference line in the scrolled pane is mapped into the other document by linear
interpolation inside the pair that contains it (and between neighbouring pairs
in the gaps).  Only pairs that keep the reading order can anchor the mapping, so
a matched sentence that moved far away does not yank the other pane back and forth.

The reference line slides from the viewport top (at the start of the document)
to its bottom (at the end), so both panes reach their first and last lines
together however different their lengths are.

Setting the other scroll bar fires its own `valueChanged`; the lock drops that
re-entrant call instead of mapping it back, which would otherwise loop and jitter.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Sequence
from contextlib import contextmanager

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QScrollBar

# (a_top, a_bottom, b_top, b_bottom): a pair's document y extent in both panes.
Segment = tuple[float, float, float, float]


def monotonic_chain(segments: Sequence[Segment]) -> list[Segment]:
    """The longest run of segments in order on both sides and not overlapping.

    Longest increasing subsequence of B tops over segments sorted by A top
    (patience sorting, O(n log n)); overlapping neighbours are then dropped.

    Args:
        segments: pair extents in any order.
    """
    ordered = sorted(segments)
    tails: list[float] = []
    tail_idx: list[int] = []
    parent = [-1] * len(ordered)
    for i, seg in enumerate(ordered):
        k = bisect_left(tails, seg[2])
        if k == len(tails):
            tails.append(seg[2])
            tail_idx.append(i)
        else:
            tails[k] = seg[2]
            tail_idx[k] = i
        parent[i] = tail_idx[k - 1] if k else -1
    chain: list[Segment] = []
    i = tail_idx[-1] if tail_idx else -1
    while i >= 0:
        chain.append(ordered[i])
        i = parent[i]
    chain.reverse()
    kept: list[Segment] = []
    for seg in chain:
        if not kept or (seg[0] >= kept[-1][1] and seg[2] >= kept[-1][3]):
            kept.append(seg)
    return kept


def anchor_points(
    segments: Sequence[Segment], height_a: float, height_b: float
) -> list[tuple[float, float]]:
    """Corresponding `(y_a, y_b)` points from the document tops to their bottoms.

    Args:
        segments: pair extents (any order; out-of-order ones are left out).
        height_a: full document height of pane A.
        height_b: full document height of pane B.
    """
    points = [(0.0, 0.0)]
    for a0, a1, b0, b1 in monotonic_chain(segments):
        if a0 > points[-1][0] and b0 >= points[-1][1] and a1 <= height_a and b1 <= height_b:
            points += [(a0, b0), (a1, b1)]
    if height_a > points[-1][0]:
        points.append((height_a, max(height_b, points[-1][1])))
    return points


def map_y(points: Sequence[tuple[float, float]], y: float, reverse: bool = False) -> float:
    """Map document y of one pane to the other by piecewise-linear interpolation.

    Args:
        points: `(y_a, y_b)` anchors, increasing in both coordinates.
        y: the y to map (in A, or in B when `reverse`).
        reverse: map from B to A instead of A to B.
    """
    src = [p[1] if reverse else p[0] for p in points]
    dst = [p[0] if reverse else p[1] for p in points]
    if not src:
        return y
    i = bisect_right(src, y)
    if i == 0:
        return dst[0]
    if i >= len(src):
        return dst[-1]
    x0, x1, y0, y1 = src[i - 1], src[i], dst[i - 1], dst[i]
    if x1 <= x0:
        return y1
    return y0 + (y - x0) * (y1 - y0) / (x1 - x0)


class ScrollSync(QObject):
    """Keep two scroll bars level along the alignment.

    Args:
        bar_a: pane A's vertical scroll bar.
        bar_b: pane B's vertical scroll bar.
        parent: owning object.
    """

    def __init__(self, bar_a: QScrollBar, bar_b: QScrollBar, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._bars = {"a": bar_a, "b": bar_b}
        self._segments: list[Segment] = []
        # Anchors for the last (height_a, height_b): scrolling must not re-sort pairs.
        self._cache: tuple[tuple[float, float], list[tuple[float, float]]] | None = None
        self._busy = False
        self.enabled = True
        self.dropped = 0  # re-entrant calls dropped by the lock (tests read it)
        bar_a.valueChanged.connect(lambda _v: self.follow("a"))
        bar_b.valueChanged.connect(lambda _v: self.follow("b"))

    def set_segments(self, segments: Sequence[Segment]) -> None:
        """Replace the pair extents (after a new comparison or a relayout)."""
        self._segments = list(segments)
        self._cache = None

    @contextmanager
    def hold(self) -> Iterator[None]:
        """Move bars by hand inside this block without the other pane following."""
        busy, self._busy = self._busy, True
        try:
            yield
        finally:
            self._busy = busy

    def follow(self, side: str) -> None:
        """Move the other pane after `side` scrolled; re-entrant calls are dropped.

        Args:
            side: the pane whose bar moved ("a" or "b").
        """
        if self._busy:
            self.dropped += 1
            return
        if not self.enabled:
            return
        self._busy = True
        try:
            src, dst = self._bars[side], self._bars["b" if side == "a" else "a"]
            dst.setValue(round(self.target(side, src.value())))
        finally:
            self._busy = False

    def target(self, side: str, value: int) -> float:
        """Scroll value of the other pane that matches `value` in `side`."""
        src, dst = self._bars[side], self._bars["b" if side == "a" else "a"]
        total_src = src.maximum() + src.pageStep()
        total_dst = dst.maximum() + dst.pageStep()
        heights = (total_src, total_dst) if side == "a" else (total_dst, total_src)
        if self._cache is None or self._cache[0] != heights:
            self._cache = (heights, anchor_points(self._segments, *heights))
        points = self._cache[1]
        fraction = value / src.maximum() if src.maximum() > 0 else 0.0
        reference = value + fraction * src.pageStep()
        mapped = map_y(points, reference, reverse=side == "b")
        # Invert "reference = v + v / max * page" for the destination pane.
        return mapped * dst.maximum() / total_dst if total_dst > 0 else 0.0
