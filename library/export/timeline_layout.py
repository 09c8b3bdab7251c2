"""Where each date of a comparison's timeline lens goes in a picture: pure geometry.

One layout serves both painters, the window's (`desktop/comparison/timeline_widget.py`)
and the HTML report's inline SVG (`timeline_svg.py`), so they agree.

Two lanes on one horizontal date axis: A above, B below.  A date both articles
give is one column with a link from A's mark to B's.  Partial dates are placed
honestly: "October 2022" is a band over the whole month, "2005" a band over
the year, never a made-up day.  Dates without a year cannot share an axis with
dated ones, so they get a section of their own ("Year not stated", ordered by
month and day); what cannot be placed at all ("two years ago" with no
publication date, "the 10th" alone) is shown as written in a last section.

The axis is monotone but not proportional: every step between two
consecutive dates grows with the log of the days between them, so a dense week
stays readable beside a seventeen-year gap, and a long empty stretch is drawn
with a break mark.  Order and containment (a day inside its month) are kept.
"""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from library.compare.lenses.timeline import Row
    from library.export.layout import PairInfo

MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
# y coordinates: section titles, the two lanes, the axis between them, the labels.
TITLE_Y = 12.0
LANE_Y = {"a": 40.0, "b": 86.0}
AXIS_Y = 63.0
LABEL_TOP = 108.0
LINE_HEIGHT = 15.0
MAX_LABEL_LINES = 4
# x: room for the lane letters, padding around each section, gaps between sections.
LEFT = 26.0
PAD = 22.0
SECTION_GAP = 26.0
BLOCK_GAP = 8.0  # between sections stacked one under the other
# Step between consecutive dates on the axis: MIN_STEP + LOG_STEP * ln(days).
MIN_STEP = 16.0
LOG_STEP = 9.0
# An empty stretch longer than this many days is drawn with a break mark.
BREAK_DAYS = 92
UNPLACED_STEP = 22.0
# Narrower than this share of its natural width the axis is not squeezed (it scrolls).
MIN_SCALE = 0.6
# Rough width of one label character (11 px sans): labels are stacked, not measured.
CHAR_WIDTH = 6.2
# Hover text of a sentence is cut here: a hint, not the article.
MAX_HOVER_CHARS = 300
# The sentence of a unit, by side and id ("" when unknown).
UnitText = Callable[[str, int], str]
_LABEL = re.compile(r"^(\d{4}|\?{4})-(\d{2}|\?\?)-(\d{2}|\?\?)$")
# "Year not stated" dates are ordered inside a leap year, so February 29 has a place.
_NOMINAL_YEAR = 2000


@dataclass(frozen=True, slots=True)
class Mark:
    """One side's mark for one timeline row.

    Args:
        row: index into the rows given to `layout_timeline`.
        side: "a" or "b".
        x0: left edge (a point's centre is the middle of x0..x1).
        x1: right edge.
        kind: "point" (a full day), "band" (a month or a year) or "unplaced".
        linked: the other side gives this date too.
        conflict: the conflict detectors found this date in conflict.
        top: the top of its block (sections stacked one under the other).
    """

    row: int
    side: str
    x0: float
    x1: float
    kind: str
    linked: bool
    conflict: bool
    top: float = 0.0

    @property
    def x(self) -> float:
        """The mark's centre."""
        return (self.x0 + self.x1) / 2

    @property
    def y(self) -> float:
        """Its lane's centre."""
        return self.top + LANE_Y[self.side]


@dataclass(frozen=True, slots=True)
class Link:
    """A line from A's mark down to B's: one date (or, `conflict`, two dates of one event)."""

    row_a: int
    row_b: int
    x_a: float
    x_b: float
    conflict: bool
    y_a: float = LANE_Y["a"]
    y_b: float = LANE_Y["b"]


@dataclass(frozen=True, slots=True)
class Label:
    """A date's label under the lanes, on text line `line` (labels stack when close)."""

    row: int
    x: float
    text: str
    line: int
    top: float = 0.0

    @property
    def y(self) -> float:
        """The text's baseline."""
        return self.top + LABEL_TOP + self.line * LINE_HEIGHT

    @property
    def guide_bottom(self) -> float:
        """Where its dotted guide from lane A stops, just above the text."""
        return self.y - LINE_HEIGHT + 4


@dataclass(frozen=True, slots=True)
class Section:
    """A stretch of the axis with its own kind of dates; `breaks` are compressed gaps."""

    title: str
    x0: float
    x1: float
    breaks: tuple[float, ...] = ()
    top: float = 0.0
    axis: bool = True  # False for the dates not on the axis: no line to draw


@dataclass(frozen=True, slots=True)
class TimelineGeometry:
    """Everything a painter needs; coordinates in pixels from the top left."""

    width: float
    height: float
    sections: tuple[Section, ...]
    marks: tuple[Mark, ...]
    links: tuple[Link, ...]
    labels: tuple[Label, ...]
    rows: tuple[Row, ...] = field(default=())

    def mark_at(self, x: float, y: float, slack: float = 6.0) -> Mark | None:
        """The mark under point (x, y), nearest centre first; None off every mark."""
        best: tuple[float, Mark] | None = None
        for m in self.marks:
            half = max((m.x1 - m.x0) / 2, 6.0) + slack
            if abs(x - m.x) <= half and abs(y - m.y) <= 9 + slack:
                d = abs(x - m.x)
                if best is None or d < best[0]:
                    best = (d, m)
        return best[1] if best else None


@dataclass(frozen=True, slots=True)
class _Placed:
    """A row's date as an interval of days: [start, end) in `date.toordinal()` days."""

    row: int
    section: int  # 0 dated, 1 year not stated, 2 not placeable
    start: int
    end: int
    kind: str
    label: str


def _month_end(year: int, month: int) -> int:
    return date(year + (month == 12), month % 12 + 1, 1).toordinal()


def _place(row: int, text: str) -> _Placed:
    """Where the row's date label ("2024-03-??", "????-11-09", "two years ago") goes."""
    m = _LABEL.match(text)
    if not m:
        return _Placed(row, 2, 0, 0, "unplaced", text)
    y, mo, d = (None if "?" in g else int(g) for g in m.groups())
    try:
        if y is not None and mo is not None and d is not None:
            day = date(y, mo, d).toordinal()
            return _Placed(row, 0, day, day + 1, "point", f"{d} {MONTHS[mo - 1]} {y}")
        if y is not None and mo is not None:
            start = date(y, mo, 1).toordinal()
            return _Placed(row, 0, start, _month_end(y, mo), "band", f"{MONTHS[mo - 1]} {y}")
        if y is not None:  # the year alone (a day without its month says no more)
            return _Placed(
                row, 0, date(y, 1, 1).toordinal(), date(y + 1, 1, 1).toordinal(), "band", str(y)
            )
        if mo is not None and d is not None:
            day = date(_NOMINAL_YEAR, mo, d).toordinal()
            return _Placed(row, 1, day, day + 1, "point", f"{d} {MONTHS[mo - 1]}")
        if mo is not None:
            start = date(_NOMINAL_YEAR, mo, 1).toordinal()
            end = _month_end(_NOMINAL_YEAR, mo)
            return _Placed(row, 1, start, end, "band", MONTHS[mo - 1])
    except ValueError:  # "February 30": no such day to place
        pass
    day_only = f"the {d}th" if d is not None and y is None and mo is None else text
    return _Placed(row, 2, 0, 0, "unplaced", day_only)


def date_label(text: str) -> str:
    """How a timeline row's date reads: "9 Nov", "Oct 2022", "2005", "two years ago"."""
    return _place(0, text).label


def _step(days: int) -> float:
    return MIN_STEP + LOG_STEP * math.log(max(1, days))


def _axis(placed: Sequence[_Placed], x0: float) -> tuple[dict[int, float], float, list[float]]:
    """x of every interval end of one section, its right edge, and its break marks."""
    ends = sorted({p.start for p in placed} | {p.end for p in placed})
    xs = {ends[0]: x0 + PAD}
    breaks = []
    for before, after in itertools.pairwise(ends):
        xs[after] = xs[before] + _step(after - before)
        covered = any(p.start <= before and after <= p.end for p in placed)
        if after - before > BREAK_DAYS and not covered:
            breaks.append((xs[before] + xs[after]) / 2)
    return xs, xs[ends[-1]] + PAD, breaks


def _stack(labels: list[Label]) -> list[Label]:
    """Put each label on the first text line where it clears its left neighbour."""
    right_edge = [-math.inf] * MAX_LABEL_LINES
    out = []
    for lab in sorted(labels, key=lambda label: label.x):
        half = len(lab.text) * CHAR_WIDTH / 2
        for line in range(MAX_LABEL_LINES):
            if lab.x - half >= right_edge[line] + 4:
                right_edge[line] = lab.x + half
                out.append(Label(lab.row, lab.x, lab.text, line))
                break
        # No line has room: the label is left out (hover and the list still say it).
    return out


def _sections(
    placed: Sequence[_Placed],
) -> list[tuple[str, float, list[float], dict[int, tuple[float, float]]]]:
    """Each present section laid out from x = LEFT: title, right edge, breaks, row -> x0, x1."""
    titles = ("", "Year not stated", "Not on the axis")
    present = [s for s in (0, 1, 2) if any(p.section == s for p in placed)]
    out: list[tuple[str, float, list[float], dict[int, tuple[float, float]]]] = []
    for s in present:
        mine = [p for p in placed if p.section == s]
        where: dict[int, tuple[float, float]] = {}
        breaks: list[float] = []
        if s == 2:
            for k, p in enumerate(mine):
                at = LEFT + PAD + k * UNPLACED_STEP
                where[p.row] = (at, at + UNPLACED_STEP)
            right = LEFT + 2 * PAD + len(mine) * UNPLACED_STEP
        else:
            xs, right, breaks = _axis(mine, LEFT)
            where = {p.row: (xs[p.start], xs[p.end]) for p in mine}
        # Room for the last labels, which may be wider than their slot.
        half = {p.row: len(p.label) * CHAR_WIDTH / 2 for p in mine}
        right = max([right] + [(x0 + x1) / 2 + half[r] + 4 for r, (x0, x1) in where.items()])
        # Titles only when there is something to tell apart; a title needs its room too.
        title = titles[s] if s or len(present) > 1 else ""
        right = max(right, LEFT + 8 + len(title) * CHAR_WIDTH)
        out.append((title, right, breaks, where))
    return out


def layout_timeline(
    rows: Sequence[Row],
    *,
    clashes: Iterable[tuple[int, int]] = (),
    width: float | None = None,
) -> TimelineGeometry:
    """The picture of a timeline lens.

    The sections (dated, year not stated, not on the axis) sit side by side
    when they fit `width`, else one under the other, each with its own lanes.

    Args:
        rows: the lens rows (`Comparison.lenses.timeline`): their date, units
            of A and B and whether the detectors found the date in conflict.
        clashes: `(row of A, row of B)` that tell one event with two dates (see
            `clash_links`); drawn as conflict links.
        width: fit the axis to this width: stretched when there is room, squeezed
            down to `MIN_SCALE` when there is not (None: natural width, side by side).
    """
    placed = [_place(i, r.date) for i, r in enumerate(rows)]
    laid = _sections(placed)
    spans = [right - LEFT for _t, right, _b, _w in laid]
    side_by_side = LEFT + sum(spans) + SECTION_GAP * max(0, len(laid) - 1)
    stacked = width is not None and side_by_side > width and len(laid) > 1
    # x offset of each section and the block (row of sections) it belongs to.
    offsets, blocks, x = [], [], 0.0
    for k, span in enumerate(spans):
        offsets.append(0.0 if stacked else x)
        blocks.append(k if stacked else 0)
        x += span + SECTION_GAP
    natural = max(spans, default=0) + LEFT if stacked else side_by_side
    scale = 1.0
    if width and natural > LEFT:
        scale = max(MIN_SCALE, (width - LEFT) / (natural - LEFT))

    def sx(value: float, k: int) -> float:
        return LEFT + (value + offsets[k] - LEFT) * scale

    section_of = {row: k for k, (_t, _r, _b, where) in enumerate(laid) for row in where}
    # Labels first: how many lines each block's labels take sets the blocks' tops.
    labels: list[Label] = []
    for p in placed:
        k = section_of[p.row]
        x0, x1 = laid[k][3][p.row]
        labels.append(Label(p.row, (sx(x0, k) + sx(x1, k)) / 2, p.label, 0))
    stacked_labels: list[Label] = []
    tops: list[float] = []
    top = 0.0
    for block in sorted(set(blocks)):
        mine = [lab for lab in labels if blocks[section_of[lab.row]] == block]
        placed_labels = _stack(mine)
        lines = max((lab.line for lab in placed_labels), default=0) + 1
        stacked_labels += [Label(lab.row, lab.x, lab.text, lab.line, top) for lab in placed_labels]
        tops.append(top)
        top += LABEL_TOP + lines * LINE_HEIGHT + (BLOCK_GAP if stacked else 0)
    height = top - (BLOCK_GAP if stacked else 0)
    marks: list[Mark] = []
    for p in placed:
        r, k = rows[p.row], section_of[p.row]
        x0, x1 = (sx(v, k) for v in laid[k][3][p.row])
        linked = bool(r.a) and bool(r.b)
        for side, ids in (("a", r.a), ("b", r.b)):
            if ids:
                marks.append(
                    Mark(
                        p.row,
                        side,
                        x0,
                        x1,
                        p.kind,
                        linked,
                        r.conflict,
                        tops[blocks[k]],
                    )
                )
    by_row = {(m.row, m.side): m for m in marks}
    links = []
    for m in marks:
        if m.side == "a" and m.linked:
            links.append(
                Link(
                    m.row,
                    m.row,
                    m.x,
                    by_row[(m.row, "b")].x,
                    m.conflict,
                    m.y,
                    m.y + LANE_Y["b"] - LANE_Y["a"],
                )
            )
    for ra, rb in clashes:
        ma, mb = by_row.get((ra, "a")), by_row.get((rb, "b"))
        if ma is not None and mb is not None and ra != rb:
            links.append(Link(ra, rb, ma.x, mb.x, True, ma.y, mb.y))
    # A label may reach past its section ("two years ago" over a narrow slot).
    right = max(
        [LEFT + (natural - LEFT) * scale]
        + [lab.x + len(lab.text) * CHAR_WIDTH / 2 for lab in stacked_labels]
    )
    sections = tuple(
        Section(
            title,
            sx(LEFT, k),
            sx(end, k),
            tuple(sx(b, k) for b in breaks),
            tops[blocks[k]],
            axis=any(placed[row].kind != "unplaced" for row in where),
        )
        for k, (title, end, breaks, where) in enumerate(laid)
    )
    return TimelineGeometry(
        width=max(width or 0, right),
        height=height if laid else LABEL_TOP + LINE_HEIGHT,
        sections=sections,
        marks=tuple(marks),
        links=tuple(links),
        labels=tuple(stacked_labels),
        rows=tuple(rows),
    )


def reading_order(rows: Sequence[Row]) -> list[int]:
    """Row indexes in the picture's order: dated first, then year not stated, then the rest."""
    placed = [_place(i, r.date) for i, r in enumerate(rows)]
    return [p.row for p in sorted(placed, key=lambda p: (p.section, p.start, p.end, p.row))]


def clash_links(rows: Sequence[Row], pairs: Iterable[PairInfo]) -> list[tuple[int, int]]:
    """Rows of A and of B whose dates the date detector found in conflict in one pair.

    The lens marks each conflicting row; this says which A row clashes with which
    B row, so the picture can join them.

    Args:
        rows: the timeline rows.
        pairs: the comparison's pairs (`ComparisonLayout.pairs`).
    """
    out: list[tuple[int, int]] = []
    for p in pairs:
        if p.relation == "related":
            continue  # two events, not one event dated twice (the lens's rule too)
        if not any(c.kind == "date" for c in p.conflicts):
            continue
        a_units, b_units = set(p.a), set(p.b)
        rows_a = [i for i, r in enumerate(rows) if r.conflict and a_units & set(r.a)]
        rows_b = [i for i, r in enumerate(rows) if r.conflict and b_units & set(r.b)]
        out += [(i, j) for i in rows_a for j in rows_b if i != j and (i, j) not in out]
    return out


def hover_text(mark: Mark, row: Row, unit_text: UnitText) -> str:
    """What hovering `mark` says: the date as its side wrote it, then its sentences.

    Args:
        mark: a mark of the geometry.
        row: its timeline row.
        unit_text: the sentence of a unit.
    """
    said = "; ".join(row.text_a if mark.side == "a" else row.text_b) or row.date
    lines = [f"{mark.side.upper()}: {said}"]
    if mark.conflict:
        lines.append("⚠ The conflict detectors found this date in conflict with the other article")
    for uid in row.a if mark.side == "a" else row.b:
        sentence = " ".join(unit_text(mark.side, uid).split())
        if len(sentence) > MAX_HOVER_CHARS:
            sentence = sentence[: MAX_HOVER_CHARS - 1] + "…"
        lines.append(f"#{uid}: {sentence}" if sentence else f"#{uid}")
    return "\n".join(lines)
