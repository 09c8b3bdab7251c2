"""The timeline lens's picture: geometry (library/export/timeline_layout.py) and SVG.

No Qt: the window's painter and the report's SVG both draw this geometry.
"""

from __future__ import annotations

import itertools
import xml.etree.ElementTree as ET
from dataclasses import replace
from typing import Any

from library.compare.lenses.timeline import Row
from library.export.layout import ConflictInfo, PairInfo
from library.export.timeline_layout import (
    LANE_Y,
    clash_links,
    date_label,
    hover_text,
    layout_timeline,
    reading_order,
)
from library.export.timeline_svg import timeline_svg

SVG = "{http://www.w3.org/2000/svg}"


def row(date: str, a: list[int], b: list[int], conflict: bool = False) -> Row:
    return Row(
        date=date,
        a=a,
        b=b,
        conflict=conflict,
        partial="?" in date,
        text_a=[f"A wrote {date}"] if a else [],
        text_b=[f"B wrote {date}"] if b else [],
    )


def pair(a: int, b: int, relation: str, kinds: tuple[str, ...]) -> PairInfo:
    conflicts = tuple(ConflictInfo(kind, "x", "y") for kind in kinds)
    return PairInfo(0, (a,), (b,), relation, 0.6, conflicts, (), 0, 1, 0, 1)


ROWS = [
    row("2024-11-09", [3], [4]),  # shared day
    row("2024-11-??", [5], []),  # a month
    row("2022-??-??", [], [6]),  # a year
    row("????-10-13", [], [7]),  # no year
    row("two years ago", [8], []),  # cannot be placed
]


def marks_of(rows: list[Row], **kw: Any) -> dict[tuple[int, str], Any]:
    g = layout_timeline(rows, **kw)
    return {(m.row, m.side): m for m in g.marks}


def test_full_dates_are_points_partial_dates_are_bands() -> None:
    marks = marks_of(ROWS)
    assert marks[(0, "a")].kind == marks[(0, "b")].kind == "point"
    month, year = marks[(1, "a")], marks[(2, "b")]
    assert month.kind == year.kind == "band"
    # A band spans its whole stretch of time (not a made-up day): the day lies
    # inside its month.  The axis is monotone, not proportional: a month holding
    # dated days is drawn wider than an empty year, but both wider than a day.
    day = marks[(0, "a")]
    assert month.x0 <= day.x0 < day.x1 <= month.x1
    assert min(year.x1 - year.x0, month.x1 - month.x0) > 2 * (day.x1 - day.x0)
    assert year.x1 <= month.x0  # 2022 before November 2024
    assert marks[(4, "a")].kind == "unplaced"


def test_sides_get_their_lanes_and_shared_dates_are_linked() -> None:
    g = layout_timeline(ROWS)
    marks = {(m.row, m.side): m for m in g.marks}
    assert marks[(0, "a")].y == LANE_Y["a"] < marks[(0, "b")].y == LANE_Y["b"]
    assert marks[(0, "a")].linked and not marks[(1, "a")].linked
    (link,) = g.links
    assert (link.row_a, link.row_b, link.conflict) == (0, 0, False)
    assert link.x_a == link.x_b == marks[(0, "a")].x


def test_dates_without_a_year_and_unplaced_dates_get_their_own_sections() -> None:
    g = layout_timeline(ROWS)
    titles = [s.title for s in g.sections]
    assert titles == ["", "Year not stated", "Not on the axis"]
    marks = {(m.row, m.side): m for m in g.marks}
    dated, yearless, unplaced = g.sections
    assert dated.x0 <= marks[(2, "b")].x0 and marks[(1, "a")].x1 <= dated.x1
    assert yearless.x0 <= marks[(3, "b")].x0 <= yearless.x1
    assert unplaced.x0 <= marks[(4, "a")].x0 and not unplaced.axis
    assert reading_order(ROWS) == [2, 1, 0, 3, 4]


def test_conflicts_are_marked_and_the_two_dates_of_one_event_joined() -> None:
    rows = [row("????-11-09", [2], [], conflict=True), row("????-11-08", [], [5], conflict=True)]
    pairs = [pair(2, 5, "divergent", ("date",))]
    assert clash_links(rows, pairs) == [(0, 1)]
    # A related pair tells two events, not one event dated twice; a pair in
    # conflict over something else than the date joins no dates.
    assert clash_links(rows, [pair(2, 5, "related", ("date",))]) == []
    assert clash_links(rows, [pair(2, 5, "divergent", ("number",))]) == []
    g = layout_timeline(rows, clashes=clash_links(rows, pairs))
    assert all(m.conflict for m in g.marks)
    (link,) = g.links
    assert (link.row_a, link.row_b, link.conflict) == (0, 1, True)
    assert link.y_a == LANE_Y["a"] and link.y_b == LANE_Y["b"]


def test_a_dense_week_stays_readable_beside_a_long_gap() -> None:
    rows = [row(f"2024-11-{d:02d}", [d], []) for d in (9, 10, 11)] + [row("2005-??-??", [1], [])]
    g = layout_timeline(rows)
    xs = sorted(m.x for m in g.marks if m.kind == "point")
    assert min(b - a for a, b in itertools.pairwise(xs)) >= 12  # days apart, not on top
    assert g.sections[0].breaks  # the empty years are drawn broken
    # Labels that would overlap go on further lines.
    assert len({lab.line for lab in g.labels}) > 1


def test_narrow_width_stacks_the_sections_and_wide_width_stretches() -> None:
    wide = layout_timeline(ROWS, width=2000)
    assert wide.width == 2000 and len({s.top for s in wide.sections}) == 1
    narrow = layout_timeline(ROWS, width=200)
    tops = sorted({s.top for s in narrow.sections})
    assert len(tops) == 3 and narrow.height > wide.height
    marks = {(m.row, m.side): m for m in narrow.marks}
    assert marks[(3, "b")].y == tops[1] + LANE_Y["b"]


def test_labels_and_hover() -> None:
    assert date_label("2024-11-09") == "9 Nov 2024"
    assert date_label("2022-10-??") == "Oct 2022"
    assert date_label("2005-??-??") == "2005"
    assert date_label("????-10-13") == "13 Oct"
    assert date_label("????-??-10") == "the 10th"
    assert date_label("????-02-30") == "????-02-30"  # no such day: shown as given
    assert date_label("two years ago") == "two years ago"
    g = layout_timeline(ROWS)
    mark = next(m for m in g.marks if m.row == 0 and m.side == "b")
    text = hover_text(mark, ROWS[0], lambda side, uid: f"sentence {side}{uid}")
    assert text.splitlines() == ["B: B wrote 2024-11-09", "#4: sentence b4"]
    assert g.mark_at(mark.x, mark.y) == mark
    assert g.mark_at(mark.x, mark.y + 200) is None


def test_svg_is_well_formed_self_contained_and_escaped() -> None:
    hostile = '<script>alert(1)</script> & "quotes" \x01\x0b'
    rows = [replace(ROWS[0], text_a=[hostile]), *ROWS[1:]]
    svg = timeline_svg(rows, unit_text=lambda side, uid: hostile)
    root = ET.fromstring(svg)  # parses as XML: escaped, no forbidden characters
    assert root.tag == f"{SVG}svg"
    assert "<script" not in svg and "\x01" not in svg
    assert "&lt;script&gt;" in svg
    # Nothing external: the only URL is the namespace; links point into the report.
    assert svg.count("http") == 1
    hrefs = {a.get("href") for a in root.iter(f"{SVG}a")}
    assert "#a-u3" in hrefs and "#b-u4" in hrefs
    titles = [t.text or "" for t in root.iter(f"{SVG}title")]
    assert any(hostile.replace("\x01", "").replace("\x0b", "") in t for t in titles)
    texts = {t.text for t in root.iter(f"{SVG}text")}
    assert {"9 Nov 2024", "Nov 2024", "2022", "13 Oct", "two years ago"} <= texts
    assert {"Year not stated", "Not on the axis"} <= texts
    assert timeline_svg([]) == ""


def test_svg_draws_bands_links_and_conflicts() -> None:
    rows = [*ROWS, row("2024-11-10", [9], [10], conflict=True)]
    root = ET.fromstring(timeline_svg(rows))
    groups = [g.get("class", "") for g in root.iter(f"{SVG}g")]
    assert sum("band" in c for c in groups) == 2
    assert sum("linked" in c for c in groups) == 2  # the shared day, on each lane
    assert sum("conflict" in c for c in groups) == 2
    links = [ln for ln in root.iter(f"{SVG}line") if "link" in ln.get("class", "")]
    assert len(links) == 2
    warns = [t for t in root.iter(f"{SVG}text") if t.get("class") == "warn"]
    assert len(warns) == 2  # a shape cue beside the colour
