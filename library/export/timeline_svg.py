"""The timeline lens as an inline SVG picture for the HTML report.

The same geometry as the window's picture (`timeline_layout.py`): A's lane
above, B's below, shared dates linked, partial dates as bands, conflicts in the
divergent colour with a warning mark.  Colours come from the page's CSS
variables with the light theme as fallback, so the picture follows the
report's light/dark scheme and still reads when the SVG is cut out on its own.

Every piece of text (dates as written, the sentences in the hover titles) is
escaped, and characters XML cannot hold are dropped: the fragment parses as
XML.  Nothing external is referenced; a mark links to its sentence in the
report's full texts (`#a-u12`).
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from library.export.theme import LIGHT
from library.export.timeline_layout import (
    AXIS_Y,
    LANE_Y,
    TITLE_Y,
    Mark,
    TimelineGeometry,
    UnitText,
    clash_links,
    hover_text,
    layout_timeline,
)

if TYPE_CHECKING:
    from library.compare.lenses.timeline import Row
    from library.export.layout import PairInfo

# Characters XML 1.0 cannot hold even escaped (C0 controls but tab/newline, lone surrogates).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
POINT_RADIUS = 5.0
BAND_HEIGHT = 12.0

_SHARED = f"var(--shared-line,{LIGHT.shared_line})"
_DIVERGENT = f"var(--div-line,{LIGHT.divergent_line})"
_TEXT = f"var(--text,{LIGHT.text})"
_STYLE = f"""
.tl text{{font:11px system-ui,sans-serif;fill:{_TEXT}}}
.tl .muted{{fill:var(--muted,#5b5b5b)}}
.tl .lane{{font-weight:700}}
.tl .axis{{stroke:var(--muted,#5b5b5b);stroke-width:1}}
.tl .guide{{stroke:var(--rule,#d0d0d0);stroke-width:1;stroke-dasharray:2 3}}
.tl .brk{{stroke:var(--muted,#5b5b5b);fill:none;stroke-width:1.2}}
.tl .mark{{fill:var(--page,#fff);stroke:{_TEXT};stroke-width:1.5}}
.tl .linked{{fill:{_SHARED};stroke:{_SHARED}}}
.tl .band{{fill-opacity:.28}}
.tl .band.alone{{fill:{_TEXT}}}
.tl .unplaced{{stroke-dasharray:2 2;fill:none}}
.tl .conflict{{fill:{_DIVERGENT};stroke:{_DIVERGENT}}}
.tl .link{{stroke:{_SHARED};stroke-width:2}}
.tl .link.clash{{stroke:{_DIVERGENT};stroke-dasharray:5 3}}
.tl .warn{{fill:{_DIVERGENT};font-weight:700}}
"""


def xml_text(text: str) -> str:
    """`text` escaped for XML content and attributes, without characters XML forbids."""
    return html.escape(_NOT_XML.sub("", text), quote=True)


def _n(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


def _mark(mark: Mark, row: Row, unit_text: UnitText) -> str:
    classes = ["mark", mark.kind]
    if mark.conflict:
        classes.append("conflict")
    elif mark.linked:
        classes.append("linked")
    elif mark.kind == "band":
        classes.append("alone")
    y = mark.y
    if mark.kind == "band":
        shape = (
            f'<rect x="{_n(mark.x0 + 1)}" y="{_n(y - BAND_HEIGHT / 2)}" '
            f'width="{_n(max(2.0, mark.x1 - mark.x0 - 2))}" height="{_n(BAND_HEIGHT)}" rx="4"/>'
        )
    else:
        shape = f'<circle cx="{_n(mark.x)}" cy="{_n(y)}" r="{_n(POINT_RADIUS)}"/>'
    if mark.conflict:  # a shape cue beside the colour: the warning sign
        dy = -11 if mark.side == "a" else -3  # clear of the labels below lane B
        shape += f'<text class="warn" x="{_n(mark.x + 6)}" y="{_n(y + dy)}">!</text>'
    title = f"<title>{xml_text(hover_text(mark, row, unit_text))}</title>"
    body = f'<g class="{" ".join(classes)}">{title}{shape}</g>'
    ids = row.a if mark.side == "a" else row.b
    return f'<a href="#{mark.side}-u{ids[0]}">{body}</a>' if ids else body


def render_svg(geometry: TimelineGeometry, unit_text: UnitText | None = None) -> str:
    """The picture of `geometry` as one `<svg>` element.

    Args:
        geometry: from `layout_timeline`.
        unit_text: the sentence of a unit, for the hover titles.
    """
    text_of: UnitText = unit_text or (lambda _side, _uid: "")
    g = geometry
    w, h = _n(g.width), _n(g.height)
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="tl" width="{w}" height="{h}" '
        # Scales down with its viewBox on a narrow page, never up past its size.
        'style="max-width:100%;height:auto" '
        f'viewBox="0 0 {w} {h}" role="img" aria-label="Timeline: article A above, B below">',
        f"<style>{_STYLE}</style>",
    ]
    for top in sorted({sec.top for sec in g.sections}):
        for side, y in LANE_Y.items():
            out.append(f'<text class="lane" x="4" y="{_n(top + y + 4)}">{side.upper()}</text>')
    for s in g.sections:
        axis = s.top + AXIS_Y
        if s.title:
            at = f'x="{_n(s.x0 + 4)}" y="{_n(s.top + TITLE_Y)}"'
            out.append(f'<text class="muted" {at}>{xml_text(s.title)}</text>')
        if not s.axis:
            continue
        out.append(
            f'<line class="axis" x1="{_n(s.x0 + 4)}" y1="{_n(axis)}" '
            f'x2="{_n(s.x1 - 4)}" y2="{_n(axis)}"/>'
        )
        for b in s.breaks:  # a compressed empty stretch: two slanted strokes
            out.append(
                f'<path class="brk" d="M{_n(b - 5)} {_n(axis + 5)}l4 -10'
                f'M{_n(b + 1)} {_n(axis + 5)}l4 -10"/>'
            )
    for lab in g.labels:
        out.append(
            f'<line class="guide" x1="{_n(lab.x)}" y1="{_n(lab.top + LANE_Y["a"])}" '
            f'x2="{_n(lab.x)}" y2="{_n(lab.guide_bottom)}"/>'
        )
    for link in g.links:
        cls = "link clash" if link.conflict and link.row_a != link.row_b else "link"
        out.append(
            f'<line class="{cls}" x1="{_n(link.x_a)}" y1="{_n(link.y_a)}" '
            f'x2="{_n(link.x_b)}" y2="{_n(link.y_b)}"/>'
        )
    out += [_mark(m, g.rows[m.row], text_of) for m in g.marks]
    for lab in g.labels:
        at = f'x="{_n(lab.x)}" y="{_n(lab.y)}"'
        out.append(f'<text {at} text-anchor="middle">{xml_text(lab.text)}</text>')
    out.append("</svg>")
    return "".join(out)


def timeline_svg(
    rows: Sequence[Row],
    *,
    pairs: Iterable[PairInfo] = (),
    unit_text: UnitText | None = None,
    width: float | None = None,
) -> str:
    """The timeline lens rows as an SVG picture ("" when there are none).

    Args:
        rows: the timeline lens (`Comparison.lenses.timeline`).
        pairs: the layout's pairs, to join the two dates of one event in conflict.
        unit_text: the sentence of a unit, for the hover titles.
        width: stretch the axis to this width (None: as narrow as it reads well).
    """
    if not rows:
        return ""
    geometry = layout_timeline(rows, clashes=clash_links(rows, pairs), width=width)
    return render_svg(geometry, unit_text)
